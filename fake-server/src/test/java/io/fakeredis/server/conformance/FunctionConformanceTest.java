package io.fakeredis.server.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FunctionConformanceTest extends ConformanceTest {
    static String lib(String name, String body) {
        return "#!lua name=" + name + "\n" + body;
    }

    static String one(String lib, String fn) {
        return lib(lib, "redis.register_function('" + fn + "', function(keys, args) return 1 end)");
    }

    @Test
    void loadMetadataErrors() {
        run(s -> {
            s.same("FUNCTION", "FLUSH");
            s.same("FUNCTION", "LOAD", "return 1");
            s.same("FUNCTION", "LOAD", "#!lua");
            s.same("FUNCTION", "LOAD", "#!lua\nreturn 1");
            s.same("FUNCTION", "LOAD", "#!lua name=\nreturn 1");
            s.same("FUNCTION", "LOAD", "#!lua name=a-b\nreturn 1");
            s.same("FUNCTION", "LOAD", "#!lua name=ab foo=bar\nreturn 1");
            s.same("FUNCTION", "LOAD", "#!lua name=ab name=cd\nreturn 1");
            s.same("FUNCTION", "LOAD", "#!lua foo\nreturn 1");
            s.same("FUNCTION", "LOAD", "#!python name=x\nreturn 1");
            s.same("FUNCTION", "LOAD", "#! name=x\nreturn 1");
            s.same("FUNCTION", "LOAD", "#!\nreturn 1");
            s.same("FUNCTION", "LOAD", "#!LUA name=x\nreturn 1");
            s.same("FUNCTION", "LOAD", "#!lua  name=x  \nreturn 1");
            s.same("FUNCTION", "LOAD", "#!lua name=\"qq\nreturn 1");
            s.same("FUNCTION", "LOAD", "#!lua name=x\nreturn 'a");
            s.same("FUNCTION", "LOAD", "#!lua name=x\nerror('boom')");
            s.same("FUNCTION", "LOAD", "#!lua name=x\nfoo = 1\n");
            s.same("FUNCTION", "LOAD", "FOO", one("x", "f"));
            s.same("FUNCTION", "LOAD", "REPLACE", "X", one("x", "f"));
            s.same("FUNCTION", "LOAD");
            s.same("FUNCTION", "LIST");
        });
    }

    @Test
    void loadContextIsRestricted() {
        run(s -> {
            s.same("FUNCTION", "FLUSH");
            for (String g : new String[] {"string", "math", "table", "cjson", "bit", "struct", "cmsgpack", "tostring",
                    "type", "pairs", "KEYS", "ARGV", "pcall", "unpack", "loadstring", "print", "assert", "os", "redis"}) {
                s.same("FUNCTION", "LOAD", lib("x", "local a = " + g + "\n"));
            }
            for (String m : new String[] {"call", "pcall", "log", "setresp", "error_reply", "status_reply", "sha1hex",
                    "LOG_NOTICE", "LOG_WARNING", "REDIS_VERSION", "REDIS_VERSION_NUM", "set_repl", "REPL_ALL",
                    "breakpoint", "debug", "replicate_commands", "register_function"}) {
                s.same("FUNCTION", "LOAD", lib("x", "local a = redis." + m + "\n"));
            }
            s.same("FUNCTION", "LOAD", lib("x", "redis.call('ping')"));
            s.same("FUNCTION", "LOAD", lib("x", "redis.foo = 1"));
            s.same("FUNCTION", "LOAD", lib("x", "redis.log(redis.LOG_NOTICE, 'hi')\n"
                    + "redis.register_function('f', function(k, a) return 1 end)"));
            s.same("FCALL", "f", "0");
        });
    }

    @Test
    void registerFunctionErrors() {
        String[] bodies = {
            "redis.register_function()",
            "redis.register_function('a','b','c')",
            "redis.register_function('a')",
            "redis.register_function(1)",
            "redis.register_function(1, function() end)",
            "redis.register_function({}, function() end)",
            "redis.register_function('a', 'b')",
            "redis.register_function('a-b', function() end)",
            "redis.register_function('', function() end)",
            "redis.register_function('a', function() end)\nredis.register_function('a', function() end)",
            "redis.register_function{}",
            "redis.register_function{function_name='a'}",
            "redis.register_function{callback=function() end}",
            "redis.register_function{function_name=1, callback=function() end}",
            "redis.register_function{function_name={}, callback=function() end}",
            "redis.register_function{function_name='a', callback=1}",
            "redis.register_function{function_name='a', callback=function() end, flags='no-writes'}",
            "redis.register_function{function_name='a', callback=function() end, flags={'bad'}}",
            "redis.register_function{function_name='a', callback=function() end, flags={1}}",
            "redis.register_function{function_name='a', callback=function() end, flags={'NO-WRITES'}}",
            "redis.register_function{function_name='a', callback=function() end, description=1}",
            "redis.register_function{function_name='a', callback=function() end, description={}}",
            "redis.register_function{function_name='a', callback=function() end, foo=1}",
            "redis.register_function{function_name='a', callback=function() end, [1]=1}",
        };
        run(s -> {
            for (String b : bodies) {
                s.same("FUNCTION", "FLUSH");
                s.same("FUNCTION", "LOAD", lib("x", b));
                s.same("FUNCTION", "LIST");
            }
        });
    }

    @Test
    void loadReplaceAndCollisions() {
        run(s -> {
            s.same("FUNCTION", "FLUSH");
            s.same("FUNCTION", "LOAD", one("x", "f"));
            s.same("FUNCTION", "LOAD", one("x", "f"));
            s.same("FUNCTION", "LOAD", one("y", "f"));
            s.same("FUNCTION", "LOAD", one("y", "F"));
            s.same("FUNCTION", "LOAD", "REPLACE", one("y", "f"));
            s.same("FUNCTION", "LOAD", "REPLACE", lib("x", "redis.register_function('f', function(k,a) return {k,a} end)"));
            s.same("FUNCTION", "LOAD", "replace", "REPLACE", lib("x", "redis.register_function('g', function(k,a) return {k,a} end)"));
            s.same("FCALL", "f", "0");
            s.same("FCALL", "g", "2", "a", "b", "c", "d");
            s.same("FCALL", "G", "1", "a");
            // A failed REPLACE keeps the old library.
            s.same("FUNCTION", "LOAD", "REPLACE", lib("x", "return 1"));
            s.same("FCALL", "g", "0");
            s.same("FUNCTION", "LOAD", one("X", "h"));
            s.sameUnordered("FUNCTION", "LIST", "LIBRARYNAME", "X");
            s.same("FUNCTION", "STATS");
            s.same("FUNCTION", "DELETE", "X");
            s.same("FUNCTION", "DELETE", "X");
            s.same("FUNCTION", "DELETE");
            s.same("FUNCTION", "DELETE", "a", "b");
            s.same("FCALL", "h", "0");
            s.same("FUNCTION", "STATS");
        });
    }

    @Test
    void fcall() {
        String code = lib("x", "redis.register_function('f', function(k,a) return redis.call('set',k[1],a[1]) end)\n"
                + "redis.register_function{function_name='r', callback=function(k,a) return redis.call('get',k[1]) end, flags={'no-writes'}}\n"
                + "redis.register_function('e', function(k,a) return redis.call('nosuch') end)\n"
                + "redis.register_function('e2', function(k,a) error('boom') end)\n"
                + "redis.register_function('e3', function(k,a) return KEYS end)\n"
                + "redis.register_function('e4', function(k,a) return redis.setresp ~= nil end)\n"
                + "redis.register_function{function_name='e5', callback=function(k,a) return redis.call('set','x','y') end, flags={'no-writes'}}\n"
                + "redis.register_function('e6', function(k,a) local x = nope end)\n"
                + "redis.register_function('e7', function(k,a) return redis.register_function end)\n"
                + "redis.register_function('e8', function(k,a) return redis.pcall('get', 'x', 'y') end)\n"
                + "redis.register_function('e9', function(k,a) return {#k, #a, type(k), tostring(a[2])} end)\n"
                + "redis.register_function('e10', function(k,a) return redis.error_reply('MY err') end)\n"
                + "redis.register_function('e11', function(k,a) redis.setresp(3); return {redis.call('get', 'nokey'), redis.call('ping')} end)\n"
                + "redis.register_function('e12', function(k,a) return string.format('%d', 5) .. cjson.encode({1}) end)\n");
        run(s -> {
            s.same("FUNCTION", "FLUSH");
            s.same("FUNCTION", "LOAD", code);
            s.same("FCALL", "f", "1", "k", "v");
            s.same("FCALL_RO", "r", "1", "k");
            s.same("FCALL", "r", "1", "k");
            s.same("FCALL_RO", "f", "1", "k", "v");
            s.same("FCALL", "f", "5", "a");
            s.same("FCALL", "f", "-1", "a");
            s.same("FCALL", "f", "x", "a");
            s.same("FCALL", "nope", "x", "a");
            s.same("FCALL", "nope", "0");
            s.same("FCALL_RO", "nope", "0");
            s.same("FCALL");
            s.same("FCALL", "f");
            s.same("FCALL_RO", "r");
            for (String e : new String[] {"e", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e10", "e11", "e12"}) {
                s.same("FCALL", e, "0");
            }
            s.same("FCALL_RO", "e5", "0");
            s.same("FCALL", "e9", "2", "a", "b", "c", "d");
            s.same("SET", "x", "notanumber");
            s.same("FCALL", "e8", "0");
            s.same("MULTI");
            s.same("FCALL", "f", "1", "m", "1");
            s.same("FCALL", "nope", "0");
            s.same("EXEC");
            s.same("GET", "m");
        });
    }

    @Test
    void survivesFlushes() {
        run(s -> {
            s.same("FUNCTION", "FLUSH");
            s.same("FUNCTION", "LOAD", lib("x", "redis.register_function('r', function(k,a) return redis.call('get', k[1]) end)"));
            s.same("SET", "k", "v");
            s.same("FCALL", "r", "1", "k");
            s.same("FLUSHALL");
            s.same("SCRIPT", "FLUSH");
            s.same("FCALL", "r", "1", "k");
            s.same("FUNCTION", "LIST");
            s.same("FUNCTION", "FLUSH", "foo");
            s.same("FUNCTION", "FLUSH", "sync", "x");
            s.same("FUNCTION", "FLUSH", "ASYNC");
            s.same("FUNCTION", "LOAD", one("x", "r"));
            s.same("FUNCTION", "FLUSH", "sync");
            s.same("FCALL", "r", "0");
            s.same("FUNCTION", "LIST");
            s.same("FUNCTION", "STATS");
        });
    }

    @Test
    void listShapes() {
        run(s -> {
            s.same("FUNCTION", "FLUSH");
            s.same("FUNCTION", "LIST");
            s.same("FUNCTION", "LOAD", lib("lib1", "redis.register_function{function_name='a', callback=function() end, "
                    + "flags={'no-writes','allow-oom','allow-stale','no-cluster','allow-cross-slot-keys'}, description='hello'}"));
            s.same("FUNCTION", "LIST");
            s.same("FUNCTION", "LIST", "WITHCODE");
            s.same("FUNCTION", "LIST", "withcode", "libraryname", "lib*");
            s.same("FUNCTION", "LIST", "LIBRARYNAME", "y*");
            s.same("FUNCTION", "LIST", "LIBRARYNAME", "LIB1");
            s.same("FUNCTION", "LIST", "LIBRARYNAME");
            s.same("FUNCTION", "LIST", "LIBRARYNAME", "x", "WITHCODE", "foo");
            s.same("FUNCTION", "LIST", "WITHCODE", "WITHCODE");
            s.same("FUNCTION", "LIST", "LIBRARYNAME", "a", "LIBRARYNAME", "x");
            s.same("FUNCTION", "LIST", "foo");
            s.same("FUNCTION", "LOAD", one("lib2", "b"));
            s.sameUnordered("FUNCTION", "LIST");
            s.same("FUNCTION", "STATS");
            s.same("FUNCTION", "KILL");
            s.same("FUNCTION", "KILL", "x");
            s.same("FUNCTION", "STATS", "x");
            s.same("FUNCTION", "HELP");
            s.same("FUNCTION", "help");
            s.same("FUNCTION", "NOPE");
            s.same("FUNCTION");
        });
    }

    @Test
    void dumpAndRestore() {
        String big = "#!lua name=big\nredis.register_function('fff', function() return 1 end)\n"
                + "-- aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n".repeat(5);
        run(s -> {
            s.same("FUNCTION", "FLUSH");
            s.same("FUNCTION", "DUMP");
            s.same("FUNCTION", "LOAD", one("x", "f"));
            s.same("FUNCTION", "DUMP");
            s.same("FUNCTION", "DUMP", "x");
            byte[] x = s.real.call(RawConnectionArgs.of("FUNCTION", "DUMP"));
            s.same("FUNCTION", "LOAD", big);
            byte[] both = s.real.call(RawConnectionArgs.of("FUNCTION", "DUMP"));
            byte[] fakeDump = s.fake.call(RawConnectionArgs.of("FUNCTION", "DUMP"));
            s.same("FUNCTION", "FLUSH");
            byte[] px = payload(x);
            byte[] pboth = payload(both);
            s.same(b("FUNCTION"), b("RESTORE"), px);
            s.same(b("FUNCTION"), b("RESTORE"), px);
            s.same(b("FUNCTION"), b("RESTORE"), px, b("REPLACE"));
            s.same(b("FUNCTION"), b("RESTORE"), pboth);
            s.same(b("FUNCTION"), b("RESTORE"), pboth, b("FLUSH"));
            s.same("FUNCTION", "LIST", "LIBRARYNAME", "big", "WITHCODE");
            s.same("FCALL", "fff", "0");
            s.same("FCALL", "f", "0");
            s.same("FUNCTION", "DELETE", "big");
            s.same(b("FUNCTION"), b("RESTORE"), pboth, b("APPEND"));
            s.same("FUNCTION", "DELETE", "x");
            s.same(b("FUNCTION"), b("RESTORE"), pboth, b("append"));
            s.same("FUNCTION", "LOAD", one("other", "f"));
            s.same(b("FUNCTION"), b("RESTORE"), px, b("REPLACE"));
            s.same("FUNCTION", "STATS");
            // The fake's own payload restores on both servers.
            s.same("FUNCTION", "FLUSH");
            s.same(b("FUNCTION"), b("RESTORE"), payload(fakeDump));
            s.same("FCALL", "fff", "0");
            s.same("FUNCTION", "RESTORE", "garbage");
            s.same("FUNCTION", "RESTORE", "0123456789ab");
            s.same("FUNCTION", "RESTORE", "x", "FOO");
            s.same("FUNCTION", "RESTORE", "x", "FLUSH", "x");
            s.same("FUNCTION", "RESTORE");
            byte[] bad = px.clone();
            bad[bad.length - 1] ^= 1;
            s.same(b("FUNCTION"), b("RESTORE"), bad);
            // Well-formed payloads with bad contents.
            s.same(b("FUNCTION"), b("RESTORE"), withCrc(cat(new byte[] {(byte) 0xf5}, str(one("d", "fd")), new byte[] {(byte) 0xf5}, str(one("d", "fd")))));
            s.same(b("FUNCTION"), b("RESTORE"), withCrc(cat(new byte[] {(byte) 0xf5}, str(one("d", "fd")), new byte[] {(byte) 0xf5}, str(one("e", "fd")))));
            s.same(b("FUNCTION"), b("RESTORE"), withCrc(cat(new byte[] {(byte) 0xf5}, str("#!lua name=z\nreturn 1"))));
            s.same(b("FUNCTION"), b("RESTORE"), withCrc(cat(new byte[] {(byte) 0xf5}, str("return 1"))));
            s.same(b("FUNCTION"), b("RESTORE"), withCrc(cat(new byte[] {(byte) 0xf6}, str("return 1"))));
            s.same(b("FUNCTION"), b("RESTORE"), withCrc(cat(new byte[] {0}, str("return 1"))));
            s.same(b("FUNCTION"), b("RESTORE"), withCrc(new byte[] {(byte) 0xf5}));
            s.same(b("FUNCTION"), b("RESTORE"), withCrc(new byte[] {(byte) 0xf5, 0x30, 'a', 'b', 'c'}));
            s.same("FUNCTION", "LIST", "LIBRARYNAME", "big");
        });
    }

    // ---- payload helpers ----

    static final class RawConnectionArgs {
        static byte[][] of(String... a) {
            byte[][] out = new byte[a.length][];
            for (int i = 0; i < a.length; i++) out[i] = b(a[i]);
            return out;
        }
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The contents of a RESP bulk reply. */
    static byte[] payload(byte[] bulk) {
        int nl = 0;
        while (bulk[nl] != '\r') nl++;
        int len = Integer.parseInt(new String(bulk, 1, nl - 1, StandardCharsets.US_ASCII));
        return Arrays.copyOfRange(bulk, nl + 2, nl + 2 + len);
    }

    static byte[] cat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    static byte[] str(String s) {
        byte[] d = b(s);
        byte[] len = d.length < 64 ? new byte[] {(byte) d.length} : new byte[] {(byte) (0x40 | d.length >> 8), (byte) d.length};
        return cat(len, d);
    }

    static byte[] withCrc(byte[] body) {
        byte[] b = cat(body, new byte[] {10, 0});
        long crc = 0;
        for (byte x : b) {
            crc ^= x & 0xff;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x95ac9329ac4bc9b5L : crc >>> 1;
        }
        byte[] c = new byte[8];
        for (int i = 0; i < 8; i++) c[i] = (byte) (crc >>> (8 * i));
        return cat(b, c);
    }
}
