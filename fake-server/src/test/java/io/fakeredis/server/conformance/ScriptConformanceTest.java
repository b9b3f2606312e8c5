package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScriptConformanceTest extends ConformanceTest {
    @Test
    void infoMemoryCountsScriptsAndFunctions() {
        run(s -> {
            s.same("SCRIPT", "FLUSH");
            s.same("FUNCTION", "FLUSH");
            s.same("SCRIPT", "LOAD", "return 1");
            s.same("EVAL", "return 2", "0");
            s.same("FUNCTION", "LOAD", "#!lua name=lib1\nredis.register_function('f1', function() return 1 end)\n"
                    + "redis.register_function('f2', function() return 2 end)");
            s.same("FUNCTION", "LOAD", "#!lua name=lib2\nredis.register_function('g1', function() return 1 end)");
            byte[][] info = s.both("INFO", "memory");
            for (String field : new String[] {"number_of_cached_scripts", "number_of_functions", "number_of_libraries"}) {
                assertEquals(field(info[0], field), field(info[1], field), field);
                org.junit.jupiter.api.Assertions.assertNotNull(field(info[0], field), field);
            }
            s.same("SCRIPT", "FLUSH");
            s.same("FUNCTION", "FLUSH");
        });
    }

    private static String field(byte[] info, String name) {
        for (String line : new String(info, StandardCharsets.UTF_8).split("\r\n")) {
            if (line.startsWith(name + ":")) return line;
        }
        return null;
    }

    @Test
    void conversionsLuaToRedis() {
        run(s -> {
            s.same("EVAL", "return 1", "0");
            s.same("EVAL", "return 3.99", "0");
            s.same("EVAL", "return -3.99", "0");
            s.same("EVAL", "return 'str'", "0");
            s.same("EVAL", "return true", "0");
            s.same("EVAL", "return false", "0");
            s.same("EVAL", "return nil", "0");
            s.same("EVAL", "return {1,2,nil,3}", "0");
            s.same("EVAL", "return {1.5, 'a', true, false}", "0");
            s.same("EVAL", "return {ok='fine'}", "0");
            s.same("EVAL", "return {err='bad thing'}", "0");
            s.same("EVAL", "return {err=1}", "0");
            s.same("EVAL", "return {1,{ok='a'},{err='b'},{2,{3}}}", "0");
            s.same("EVAL", "return {double=1.5}", "0");
            s.same("EVAL", "return redis.error_reply('My err')", "0");
            s.same("EVAL", "return redis.status_reply('X')", "0");
            s.same("EVAL", "return {}", "0");
        });
    }

    @Test
    void resp3Conversions() {
        run(s -> {
            s.same("EVAL", "redis.setresp(3); return redis.call('get', 'nokey')", "0");
            s.same("EVAL", "redis.setresp(3); return {map={a=1}}", "0");
            s.same("EVAL", "redis.setresp(3); return {set={a=true}}", "0");
            s.same("EVAL", "redis.setresp(3); return true", "0");
            s.same("EVAL", "redis.setresp(3); return false", "0");
            s.same("EVAL", "redis.setresp(3); return {double=2.5}", "0");
            s.same("EVAL", "return redis.setresp(4)", "0");
            s.same("EVAL", "return type(redis.call('get', 'nokey'))", "0");
        });
    }

    @Test
    void callAndPcall() {
        run(s -> {
            s.same("EVAL", "return redis.call('set', KEYS[1], ARGV[1])", "1", "k", "v");
            s.same("EVAL", "return redis.call('get', KEYS[1])", "1", "k");
            s.same("EVAL", "return redis.call('GeT', KEYS[1])", "1", "k");
            s.same("EVAL", "return redis.call('ping')", "0");
            s.same("EVAL", "return redis.call('set', 'n', 0.1)", "0");
            s.same("GET", "n");
            s.same("EVAL", "return redis.call('set', 'n', 12)", "0");
            s.same("GET", "n");
            s.same("EVAL", "return redis.call('nosuch')", "0");
            s.same("EVAL", "return redis.pcall('nosuch')", "0");
            s.same("EVAL", "return redis.call('get')", "0");
            s.same("EVAL", "return redis.pcall('get')", "0");
            s.same("EVAL", "return redis.call()", "0");
            s.same("EVAL", "return redis.call('set', 'k', {})", "0");
            s.same("EVAL", "return redis.call('subscribe', 'a')", "0");
            s.same("EVAL", "return redis.call('client', 'list')", "0");
            s.same("EVAL", "local t = redis.pcall('nosuch'); return t.err", "0");
            s.same("EVAL", "return redis.pcall('select', 99)", "0");
            s.same("EVAL", "return redis.call('select', 99)", "0");
            s.same("EVAL", "redis.call('select', 1); return redis.call('set', 'in1', 'x')", "0");
            s.same("GET", "in1");
        });
    }

    @Test
    void errorsAndSandbox() {
        run(s -> {
            s.same("EVAL", "x = 1", "0");
            s.same("EVAL", "return y", "0");
            s.same("EVAL", "string.x = 1", "0");
            s.same("EVAL", "error('boom')", "0");
            s.same("EVAL", "\n\nerror('boom on three')", "0");
            s.same("EVAL", "error({err='ERR tbl'})", "0");
            s.same("EVAL", "return type(os)", "0");
            s.same("EVAL", "return type(io)", "0");
            s.same("EVAL", "return type(print)", "0");
            s.same("EVAL", "return type(debug)", "0");
            s.same("EVAL", "return type(unpack)..type(loadstring)..type(bit)..type(struct)..type(cmsgpack)..type(cjson)", "0");
            s.same("EVAL", "return loadstring('return 5')()", "0");
            s.same("EVAL", "return tostring(1e15)..' '..tostring(0.1)..' '..tostring(1/0)..' '..tostring(2^53)..' '..tostring(10/3)", "0");
        });
    }

    @Test
    void argumentsAndCache() {
        run(s -> {
            s.same("EVAL", "return 1", "-1");
            s.same("EVAL", "return 1", "2", "a");
            s.same("EVAL", "return 1", "x");
            s.same("EVAL", "return {KEYS[1], KEYS[2], ARGV[1], ARGV[2]}", "2", "a", "b", "c", "d");
            s.same("SCRIPT", "LOAD", "return 'loaded'");
            s.same("EVALSHA", "4b6a19bbee0b5ce5e7a2cd6f0c8d36d2ec9e5f3c", "0");
            s.same("EVALSHA", "abc", "0");
            s.same("SCRIPT", "EXISTS", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db", "ffffffffffffffffffffffffffffffffffffffff");
            s.same("EVAL", "return 1", "0");
            s.same("SCRIPT", "EXISTS", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db", "E0E1F9FABFC9D4800C877A703B823AC0578FF8DB");
            s.same("EVALSHA", "E0E1F9FABFC9D4800C877A703B823AC0578FF8DB", "0");
            s.same("SCRIPT", "FLUSH");
            s.same("SCRIPT", "EXISTS", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
            s.same("SCRIPT", "FLUSH", "ASYNC");
            s.same("SCRIPT", "FLUSH", "foo");
            s.same("SCRIPT", "KILL");
            s.same("SCRIPT", "HELP");
            s.same("SCRIPT", "FOO");
            s.same("SCRIPT", "EXISTS");
            s.same("EVAL", "syntax error here", "0");
        });
    }

    @Test
    void shebangAndReadOnly() {
        run(s -> {
            s.same("EVAL", "#!lua flags=no-writes\nreturn redis.call('set','a','b')", "0");
            s.same("EVAL", "#!lua flags=no-writes\nreturn redis.call('get','a')", "0");
            s.same("EVAL", "#!lua flags=bogus\nreturn 1", "0");
            s.same("EVAL", "#!luax\nreturn 1", "0");
            s.same("EVAL", "#!lua name=x\nreturn 1", "0");
            s.same("EVAL", "#!lua\nreturn 1", "0");
            s.same("EVAL_RO", "return redis.call('set','a','b')", "0");
            s.same("EVAL_RO", "return redis.call('get','a')", "0");
            s.same("SCRIPT", "LOAD", "return redis.call('set','a','c')");
            s.same("EVALSHA_RO", "7a6f9a8e5a9be2b8f2b8ab0e3d1ba7f3a2a6a7c1", "0");
        });
    }

    @Test
    void libraries() {
        run(s -> {
            s.same("EVAL", "return cjson.encode({1,2,{a=1}})", "0");
            s.same("EVAL", "return cjson.encode({})", "0");
            s.same("EVAL", "return cjson.encode('a/b\"c\\n')", "0");
            s.same("EVAL", "return cjson.encode({1.5, 1e20, -3, true, false, cjson.null})", "0");
            s.same("EVAL", "local t = cjson.decode('[1,2,{\"a\":[true,null]}]'); return {t[1], t[2], type(t[3].a[2]), tostring(t[3].a[1])}", "0");
            s.same("EVAL", "return cjson.decode('{\"k\":\"v\"}').k", "0");
            s.same("EVAL", "return cmsgpack.pack({1,2,3})", "0");
            s.same("EVAL", "return cmsgpack.pack('hello', 300, -5, 70000, -70000, 1.5, 0.1, true, {a=1})", "0");
            s.same("EVAL", "return {cmsgpack.unpack(cmsgpack.pack(1,'two',{3}))}", "0");
            s.same("EVAL", "return {bit.band(0xff, 0x0f), bit.bor(1, 2), bit.bxor(3, 1), bit.bnot(0), bit.lshift(1, 4), bit.rshift(-1, 28), bit.arshift(-16, 2), bit.tohex(255), bit.tohex(-1, -4), bit.tobit(2^32 + 5)}", "0");
            s.same("EVAL", "return struct.pack('>i2', 258)", "0");
            s.same("EVAL", "return struct.pack('dLc0', 1.5, 7, 'abc')", "0");
            s.same("EVAL", "return struct.pack('Bc0I', 2, 'hi', 9)", "0");
            s.same("EVAL", "return {struct.unpack('Bc0I', struct.pack('Bc0I', 2, 'hi', 9))}", "0");
            s.same("EVAL", "return {struct.unpack('dLc0', struct.pack('dLc0', 1.5, 3, 'abc'))}", "0");
            s.same("EVAL", "return struct.size('>iHbd')", "0");
            s.same("EVAL", "return redis.sha1hex('')", "0");
            s.same("EVAL", "return redis.sha1hex('abc')", "0");
            s.same("EVAL", "return redis.REDIS_VERSION .. ' ' .. redis.REDIS_VERSION_NUM", "0");
            s.same("EVAL", "return {redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING}", "0");
            s.same("EVAL", "redis.log(redis.LOG_WARNING, 'hello'); return 1", "0");
            s.same("EVAL", "redis.set_repl(redis.REPL_ALL); return redis.replicate_commands()", "0");
            s.same("EVAL", "return string.format('%d %s %5.2f', 3, 'x', 1.5) .. string.rep('ab', 3) .. string.upper('q')", "0");
            s.same("EVAL", "return string.format('%05d|%-4s|%x|%X|%o|%e|%.3g|%g|%10.4f|%q|%s|%c', -42, 'ab', 255, 255, 8, 12345.678, 0.0001234, 100000000, 3.14159, 'a\"b', 1.5, 65)", "0");
            s.same("EVAL", "return table.concat({'a','b','c'}, ',') .. math.floor(3.7) .. math.max(1, 9)", "0");
        });
    }
}
