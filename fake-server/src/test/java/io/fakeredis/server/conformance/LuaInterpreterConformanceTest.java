package io.fakeredis.server.conformance;

import org.junit.jupiter.api.Test;

/**
 * Scripts whose replies depend on the Lua interpreter itself (number formatting, table order,
 * the VM's and the parser's error texts, coroutines) and on Redis's extra libraries.
 */
class LuaInterpreterConformanceTest extends ConformanceTest {
    @Test
    void numbersAndTableOrder() {
        run(s -> {
            s.same("EVAL", "return 1/3 .. ''", "0");
            s.same("EVAL", "return tostring(0/0)", "0");
            s.same("EVAL", "return tostring(-(0/0))", "0");
            s.same("EVAL", "return 0/0", "0");
            s.same("EVAL", "return 1/0", "0");
            s.same("EVAL", "return {tostring(1e100), tostring(-0.0), tostring(123456789012345), 2^31 .. ''}", "0");
            s.same("EVAL", "local t={} for i=1,10 do t['k'..i]=i end local o={} for k in pairs(t) do o[#o+1]=k end return o", "0");
            s.same("EVAL", "local t={10,20,30,x=1,y=2,[2.5]='f'} local o={} for k,v in pairs(t) do o[#o+1]=tostring(k) end return o", "0");
            s.same("EVAL", "local t={} t[1]=1 t[2]=2 t[4]=4 return #t", "0");
        });
    }

    @Test
    void interpreterErrors() {
        run(s -> {
            s.same("EVAL", "local t = {} ; t.x.y = 1", "0");
            s.same("EVAL", "local a = nil + 1", "0");
            s.same("EVAL", "local x; local a = x + 1", "0");
            s.same("EVAL", "return #nil", "0");
            s.same("EVAL", "local x = {} .. 'a'", "0");
            s.same("EVAL", "local t = {} t.f()", "0");
            s.same("EVAL", "local t = {} t:m()", "0");
            s.same("EVAL", "return 1 < 'a'", "0");
            s.same("EVAL", "return x(", "0");
            s.same("EVAL", "x = = 1", "0");
            s.same("EVAL", "return 'abc", "0");
            s.same("EVAL", "return [[abc", "0");
            s.same("EVAL", "return string.sub()", "0");
            s.same("EVAL", "return ('x'):rep()", "0");
            s.same("EVAL", "local function f(n) return 1 + f(n + 1) end return f(1)", "0");
            s.same("EVAL", "local ok, e = pcall(function() local a = nil + 1 end) return e", "0");
            s.same("EVAL", "\n\nerror('boom', 0)", "0");
            s.same("EVAL", "error(nil)", "0");
            s.same("EVAL", "error(5)", "0");
            s.same("EVAL", "\nassert(false, 'nope')", "0");
            s.same("EVAL", "assert(nil)", "0");
        });
    }

    @Test
    void coroutines() {
        run(s -> {
            s.same("EVAL", "return type(coroutine)", "0");
            s.same("EVAL", "local co = coroutine.create(function(a, b) local c = coroutine.yield(a + b) return c * 2 end) "
                    + "local ok1, r1 = coroutine.resume(co, 1, 2) local ok2, r2 = coroutine.resume(co, 10) "
                    + "return {tostring(ok1), r1, tostring(ok2), r2, coroutine.status(co)}", "0");
            s.same("EVAL", "local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end) "
                    + "return {gen(), gen(), gen()}", "0");
            s.same("EVAL", "local co = coroutine.create(function() error('inside') end) return {coroutine.resume(co)}", "0");
            // a coroutine left suspended does not leak into the next script
            s.same("EVAL", "local co = coroutine.create(function() coroutine.yield(1) end) coroutine.resume(co) return 1", "0");
            s.same("EVAL", "return 2", "0");
            s.same("EVAL", "return coroutine.yield(1)", "0");
            s.same("EVAL", "local co = coroutine.wrap(function() local ok, v = pcall(function() coroutine.yield(1) return 2 end) "
                    + "return tostring(ok) .. tostring(v) end) return {co(), co()}", "0");
            s.same("EVAL", "local co = coroutine.wrap(function()\n local x = nil + 1 end) co()", "0");
            s.same("EVAL", "local co = coroutine.wrap(function() error({err='from co'}) end) co()", "0");
            s.same("EVAL", "local co = coroutine.create(function() redis.call('set', 'cokey', 'v') coroutine.yield() end) "
                    + "coroutine.resume(co) return redis.call('get', 'cokey')", "0");
        });
    }

    @Test
    void sandbox() {
        run(s -> {
            s.same("EVAL", "local o={} for k,v in pairs(_G) do o[#o+1]=k end table.sort(o) return o", "0");
            s.same("EVAL", "_G.x = 1", "0");
            s.same("EVAL", "rawset(_G, 'x', 1) return x", "0");
            s.same("EVAL", "setmetatable(_G, nil)", "0");
            s.same("EVAL", "return type(getmetatable(_G))", "0");
            s.same("EVAL", "return math.nosuch", "0");
            s.same("EVAL", "table.insert(string, 1)", "0");
            s.same("EVAL", "return load('return 2')()", "0");
            s.same("EVAL", "return tostring(loadstring('x(')) .. '|' .. select(2, loadstring('x('))", "0");
            s.same("EVAL", "local f = loadstring('y = 5') f() return y", "0");
            s.same("EVAL", "return _VERSION", "0");
            s.same("EVAL", "return type(__redis__err__handler)", "0");
            s.same("EVAL", "return tostring(cjson.null)", "0");
        });
    }

    @Test
    void redisApi() {
        run(s -> {
            s.same("EVAL", "return redis.sha1hex()", "0");
            s.same("EVAL", "return redis.sha1hex('abc')", "0");
            s.same("EVAL", "return redis.log()", "0");
            s.same("EVAL", "return redis.log('x', 'y')", "0");
            s.same("EVAL", "return redis.log(9, 'y')", "0");
            s.same("EVAL", "redis.setresp()", "0");
            s.same("EVAL", "return redis.set_repl(9)", "0");
            s.same("EVAL", "return redis.set_repl()", "0");
            s.same("EVAL", "return redis.set_repl(redis.REPL_ALL)", "0");
            s.same("EVAL", "return {redis.replicate_commands(), redis.breakpoint(), redis.debug('x')}", "0");
            s.same("EVAL", "return redis.acl_check_cmd('get', 'x')", "0");
            s.same("EVAL", "return redis.acl_check_cmd('nosuch')", "0");
            s.same("EVAL", "return redis.acl_check_cmd()", "0");
            s.same("EVAL", "return redis.error_reply()", "0");
            s.same("EVAL", "return redis.status_reply(5)", "0");
            s.same("EVAL", "return redis.error_reply('-CODE some text')", "0");
            s.same("EVAL", "local ok, e = pcall(redis.call, 'nosuch') return e", "0");
            s.same("EVAL", "return {redis.REDIS_VERSION, redis.REDIS_VERSION_NUM, redis.LOG_WARNING, redis.REPL_REPLICA}", "0");
            s.same("EVAL", "redis.call('set', 'k', 'v') return redis.call('incr', 'k')", "0");
            s.same("EVAL", "redis.setresp(3) return {big_number='1234'}", "0");
            s.same("EVAL", "return {big_number='12\n34'}", "0");
            s.same("EVAL", "redis.setresp(3) return {map={a=1}, set={b=true}, double=1.5}", "0");
            s.same("EVAL", "redis.setresp(3) return {verbatim_string={format='txt', string='hello'}}", "0");
        });
    }

    @Test
    void functionLoadTimesOut() {
        run(s -> {
            s.same("FUNCTION", "LOAD", "#!lua name=slow\nwhile true do end");
            s.same("FUNCTION", "LOAD", "#!lua name=slow2\nwhile true do pcall(function() while true do end end) end");
            s.same("FUNCTION", "LIST");
        });
    }

    @Test
    void extraLibraries() {
        run(s -> {
            s.same("EVAL", "return cjson.encode(function() end)", "0");
            s.same("EVAL", "return cjson.decode('[1,')", "0");
            s.same("EVAL", "return cjson.decode()", "0");
            s.same("EVAL", "return cjson.decode('[1 2]')", "0");
            s.same("EVAL", "return cjson.decode('{1:2}')", "0");
            s.same("EVAL", "return cjson.decode('[\"\\\\x\"]')", "0");
            s.same("EVAL", "return cjson.decode('[1] x')", "0");
            s.same("EVAL", "return cjson.encode({[1]=1,[100]=2})", "0");
            s.same("EVAL", "return cjson.encode(0/0)", "0");
            s.same("EVAL", "return cjson.encode({1e15, -0.0, 0.1, 100, 2^53, 1/3})", "0");
            s.same("EVAL", "return cjson.decode('[1e400, -0, 1.5, \"\\\\u00e9\", 01, 1., +1, NaN, -Infinity]')", "0");
            s.same("EVAL", "return cjson.encode(cjson.decode('{\"a\":[1,2,{\"b\":null}]}'))", "0");
            s.same("EVAL", "return {cjson.encode_sparse_array(), cjson.encode_max_depth(), cjson.encode_keep_buffer()}", "0");
            s.same("EVAL", "return cjson.encode_max_depth(0)", "0");
            s.same("EVAL", "local t={} t[1]=t return cjson.encode(t)", "0");
            s.same("EVAL", "local c = cjson.new() return {type(c), c.encode({1,2}), c._NAME, c._VERSION}", "0");
            s.same("EVAL", "return cmsgpack.pack({1,2,{a=1}}, 'x', 1.5, 0.1, -1, 2^40, true, nil)", "0");
            s.same("EVAL", "return {cmsgpack.unpack(cmsgpack.pack({1,2,3}, 'x', -70000))}", "0");
            s.same("EVAL", "return {cmsgpack.unpack_one(cmsgpack.pack(1,2))}", "0");
            s.same("EVAL", "return {cmsgpack.unpack_limit(cmsgpack.pack(1,2,3), 2)}", "0");
            s.same("EVAL", "return cmsgpack.pack()", "0");
            s.same("EVAL", "return cmsgpack.unpack(string.char(0xc1))", "0");
            s.same("EVAL", "return cmsgpack.unpack(string.char(0x92, 1))", "0");
            s.same("EVAL", "return cmsgpack.unpack(string.char(0x81, 0xc0, 1))", "0");
            s.same("EVAL", "return {struct.unpack('dLc0', struct.pack('dLc0', 1.5, 3, 'abc'))}", "0");
            s.same("EVAL", "return {struct.unpack('Bc0I', struct.pack('Bc0I', 3, 'xyz', 7))}", "0");
            s.same("EVAL", "return struct.pack('>i12', -2)", "0");
            s.same("EVAL", "return struct.pack('q', 1)", "0");
            s.same("EVAL", "return struct.pack('c5', 'ab')", "0");
            s.same("EVAL", "return struct.unpack('i', 'abc')", "0");
            s.same("EVAL", "return struct.size('!8bd')", "0");
            s.same("EVAL", "return {bit.tobit(2^31 + 0.5), bit.band(12, 10), bit.bor(1, 2, 4), bit.lshift(1, 31), bit.tohex(-1, -4)}", "0");
            s.same("EVAL", "return bit.band('x')", "0");
            s.same("EVAL", "return bit.tohex(1, nil)", "0");
        });
    }
}
