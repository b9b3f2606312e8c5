package io.fakeredis.server.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PFADD, PFCOUNT, PFMERGE, PFDEBUG and PFSELFTEST against Redis 7.0.15, GET bytes included. */
class HyperLogLogConformanceTest extends ConformanceTest {

    private static String[] pfadd(String key, String prefix, int from, int to) {
        String[] a = new String[2 + to - from];
        a[0] = "PFADD";
        a[1] = key;
        for (int i = from; i < to; i++) a[2 + i - from] = prefix + i;
        return a;
    }

    /** The payload of a RESP bulk reply. */
    private static byte[] bulk(byte[] reply) {
        int i = 0;
        while (reply[i] != '\r') i++;
        int n = Integer.parseInt(new String(reply, 1, i - 1, StandardCharsets.US_ASCII));
        return Arrays.copyOfRange(reply, i + 2, i + 2 + n);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] header(int encoding, int extra) {
        byte[] h = new byte[16 + extra];
        h[0] = 'H';
        h[1] = 'Y';
        h[2] = 'L';
        h[3] = 'L';
        h[4] = (byte) encoding;
        return h;
    }

    @Test
    void smallSparse() {
        run(s -> {
            s.same("PFADD", "h");
            s.same("GET", "h");
            s.same("PFADD", "h");
            s.same("PFCOUNT", "h");
            s.same("GET", "h");
            s.same("OBJECT", "ENCODING", "h");
            s.same("PFADD", "h", "a", "b", "c");
            s.same("PFADD", "h", "a");
            s.same("GET", "h");
            s.same("PFCOUNT", "h");
            s.same("GET", "h");
            s.same("PFDEBUG", "ENCODING", "h");
            s.same("PFDEBUG", "DECODE", "h");
            s.same(pfadd("h", "e", 0, 10));
            s.same("GET", "h");
            s.same("PFCOUNT", "h");
            s.same("PFDEBUG", "DECODE", "h");
            s.same("PFADD", "h", "", "x\u00e9\r\n\u0000", "0123456789abcdefghijk");
            s.same("GET", "h");
            s.same("PFCOUNT", "h");
            s.same("PFCOUNT", "nokey");
            s.same("PFADD", "e1");
            s.same("PFCOUNT", "e1");
            s.same("PFDEBUG", "GETREG", "h");
            s.same("PFDEBUG", "ENCODING", "h");
            s.same("GET", "h");
            s.same("PFADD", "h", "more");
            s.same("GET", "h");
            s.same("PFCOUNT", "h");
            s.same("EXISTS", "nokey");
        });
    }

    @Test
    void growthAndPromotion() {
        run(s -> {
            // one element at a time through the sparse splits and merges
            for (int i = 0; i < 200; i++) {
                s.same("PFADD", "h", "item:" + i);
                if (i % 7 == 0) s.same("GET", "h");
            }
            s.same("PFCOUNT", "h");
            s.same("PFDEBUG", "DECODE", "h");
            for (int i = 0; i < 100; i++) {
                s.same(pfadd("h", "k", i * 30, i * 30 + 30));
                s.same("STRLEN", "h");
                if (i % 5 == 0) {
                    s.same("GET", "h");
                    s.same("PFCOUNT", "h");
                }
            }
            s.same("PFDEBUG", "ENCODING", "h");
            s.same("GET", "h");
            s.same("PFCOUNT", "h");
            s.same("OBJECT", "ENCODING", "h");
        });
    }

    @Test
    void largeSets() {
        run(s -> {
            s.same(pfadd("a", "x", 0, 10));
            s.same("PFCOUNT", "a");
            for (int i = 0; i < 10; i++) s.same(pfadd("b", "y", i * 100, i * 100 + 100));
            s.same("PFCOUNT", "b");
            s.same("GET", "b");
            for (int i = 0; i < 100; i++) {
                s.same(pfadd("c", "z", i * 1000, i * 1000 + 1000));
                if (i % 10 == 0) s.same("PFCOUNT", "c");
            }
            s.same("PFCOUNT", "c");
            s.same("GET", "c");
            s.same("PFDEBUG", "ENCODING", "c");
            s.same("PFDEBUG", "DECODE", "c");
            s.same("PFDEBUG", "TODENSE", "c");
            s.same("PFDEBUG", "TODENSE", "b");
            s.same("GET", "b");
            s.same("PFCOUNT", "b");
            s.same("PFCOUNT", "a", "b", "c");
            s.same("PFCOUNT", "a", "nokey");
            s.same("PFCOUNT", "a", "a");
        });
    }

    @Test
    void sparseMaxBytes() {
        run(s -> {
            s.same("CONFIG", "SET", "hll-sparse-max-bytes", "60");
            for (int i = 0; i < 40; i++) {
                s.same("PFADD", "h", "p" + i);
                s.same("PFDEBUG", "ENCODING", "h");
            }
            s.same("GET", "h");
            s.same("PFCOUNT", "h");
            s.same("CONFIG", "SET", "hll-sparse-max-bytes", "0");
            s.same("PFADD", "z", "one");
            s.same("PFDEBUG", "ENCODING", "z");
            s.same("CONFIG", "SET", "hll-sparse-max-bytes", "1kb");
            s.same("CONFIG", "GET", "hll-sparse-max-bytes");
            for (int i = 0; i < 30; i++) s.same(pfadd("kb", "q", i * 20, i * 20 + 20));
            s.same("PFDEBUG", "ENCODING", "kb");
            s.same("STRLEN", "kb");
            s.same("CONFIG", "SET", "hll-sparse-max-bytes", "3000");
        });
    }

    @Test
    void merge() {
        run(s -> {
            s.same(pfadd("s1", "a", 0, 20));
            s.same(pfadd("s2", "a", 10, 50));
            s.same(pfadd("d1", "b", 0, 5000));
            s.same("PFMERGE", "m", "s1", "s2");
            s.same("GET", "m");
            s.same("PFCOUNT", "m");
            s.same("PFDEBUG", "ENCODING", "m");
            s.same("PFMERGE", "m2", "s1", "d1");
            s.same("PFDEBUG", "ENCODING", "m2");
            s.same("GET", "m2");
            s.same("PFCOUNT", "m2");
            s.same("PFMERGE", "s1", "s2");
            s.same("GET", "s1");
            s.same("PFCOUNT", "s1");
            s.same("PFMERGE", "s2", "d1");
            s.same("GET", "s2");
            s.same("PFMERGE", "empty");
            s.same("GET", "empty");
            s.same("PFMERGE", "empty2", "nokey");
            s.same("GET", "empty2");
            s.same("PFCOUNT", "s1", "s2", "d1", "m", "m2");
            // sparse destination with many registers: promotion while merging
            s.same(pfadd("big", "c", 0, 100000));
            s.same("PFMERGE", "sp", "s1");
            s.same("PFMERGE", "sp", "big");
            s.same("PFDEBUG", "ENCODING", "sp");
            s.same("PFCOUNT", "sp");
            s.same("GET", "sp");
            s.same("SET", "k", "v", "EX", "100");
            s.same("PFMERGE", "k", "s1");
            s.same("PFMERGE", "s1", "k");
        });
    }

    @Test
    void ttlAndEncodingKept() {
        run(s -> {
            s.same("PFADD", "h", "a");
            s.same("EXPIRE", "h", "100");
            s.same("PFADD", "h", "b");
            s.same("TTL", "h");
            s.same("PFCOUNT", "h");
            s.same("TTL", "h");
            s.same(pfadd("h", "x", 0, 3000));
            s.same("TTL", "h");
            s.same("PFMERGE", "h", "h");
            s.same("TTL", "h");
        });
    }

    @Test
    void rawBytes() {
        run(s -> {
            s.same(pfadd("h", "e", 0, 50));
            byte[] sparse = bulk(s.same("GET", "h"));
            s.same(b("SET"), b("copy"), sparse);
            s.same("OBJECT", "ENCODING", "copy");
            s.same("PFCOUNT", "copy");
            s.same("OBJECT", "ENCODING", "copy");
            s.same("PFADD", "copy", "e1");
            s.same("OBJECT", "ENCODING", "copy");
            s.same("PFADD", "copy", "new");
            s.same("GET", "copy");
            s.same(pfadd("d", "e", 0, 5000));
            byte[] dense = bulk(s.same("GET", "d"));
            s.same(b("SET"), b("dcopy"), dense);
            s.same("PFCOUNT", "dcopy");
            s.same("PFADD", "dcopy", "z1", "z2");
            s.same("GET", "dcopy");
            s.same("PFCOUNT", "dcopy");
            // a dense string of the wrong size
            s.same(b("SET"), b("bad"), Arrays.copyOf(dense, dense.length - 1));
            s.same("PFCOUNT", "bad");
            s.same("PFADD", "bad", "x");
            // a valid cached count is trusted without decoding
            byte[] stale = sparse.clone();
            stale[8] = 123;
            s.same(b("SET"), b("cached"), stale);
            s.same("PFCOUNT", "cached");
            stale[15] = (byte) 0x80;
            s.same(b("SET"), b("cached"), stale);
            s.same("PFCOUNT", "cached");
            s.same("GET", "cached");
        });
    }

    @Test
    void corrupted() {
        run(s -> {
            // sparse opcodes covering fewer registers than 16384, cache invalid
            byte[] shortHll = header(1, 2);
            shortHll[15] = (byte) 0x80;
            shortHll[16] = 0x40 | 0x10;
            shortHll[17] = 0;
            s.same(b("SET"), b("c"), shortHll);
            s.same("OBJECT", "ENCODING", "c");
            s.same("PFCOUNT", "c");
            s.same("OBJECT", "ENCODING", "c");
            s.same("PFCOUNT", "c", "nokey");
            s.same("PFMERGE", "d", "c");
            s.same("EXISTS", "d");
            s.same("PFDEBUG", "GETREG", "c");
            s.same("PFDEBUG", "TODENSE", "c");
            s.same("PFDEBUG", "DECODE", "c");
            s.same("PFDEBUG", "ENCODING", "c");
            s.same("PFADD", "c", "a");
            s.same("PFADD", "c", "a", "b", "c", "d", "e", "f", "g", "h");
            s.same("GET", "c");
            // header only, and too many registers
            s.same(b("SET"), b("c2"), header(1, 0));
            s.same("PFADD", "c2", "x");
            s.same("PFCOUNT", "c2");
            s.same("PFDEBUG", "DECODE", "c2");
            byte[] tooMany = header(1, 4);
            tooMany[15] = (byte) 0x80;
            tooMany[16] = 0x7f;
            tooMany[17] = (byte) 0xff;
            tooMany[18] = (byte) 0x80; // VAL 1 x1
            tooMany[19] = 0x7f; // XZERO truncated
            s.same(b("SET"), b("c3"), tooMany);
            s.same("PFCOUNT", "c3");
            s.same("PFDEBUG", "DECODE", "c3");
            s.same("PFDEBUG", "TODENSE", "c3");
            s.same("PFMERGE", "c3", "nokey");
            // bad magic and encoding
            s.same("SET", "s", "not an hll at all");
            s.same("PFADD", "s", "a");
            s.same("PFCOUNT", "s");
            s.same("PFCOUNT", "s", "nokey");
            s.same("PFMERGE", "s", "nokey");
            s.same("PFMERGE", "d", "s");
            s.same("PFDEBUG", "ENCODING", "s");
            byte[] enc2 = header(2, 2);
            s.same(b("SET"), b("e2"), enc2);
            s.same("PFCOUNT", "e2");
            s.same("SET", "n", "12345");
            s.same("PFCOUNT", "n");
            s.same("SET", "short", "HYLL");
            s.same("PFCOUNT", "short");
        });
    }

    @Test
    void errors() {
        run(s -> {
            s.same("LPUSH", "l", "a");
            s.same("PFADD", "l", "a");
            s.same("PFADD", "l");
            s.same("PFCOUNT", "l");
            s.same("PFCOUNT", "l", "x");
            s.same("PFMERGE", "l", "nokey");
            s.same("PFMERGE", "d", "l");
            s.same("PFDEBUG", "GETREG", "l");
            s.same("PFADD");
            s.same("PFCOUNT");
            s.same("PFMERGE");
            s.same("PFDEBUG");
            s.same("PFDEBUG", "GETREG");
            s.same("PFDEBUG", "GETREG", "a", "b");
            s.same("PFDEBUG", "GETREG", "nokey");
            s.same("PFADD", "h", "a");
            s.same("PFDEBUG", "what", "h");
            s.same("PFDEBUG", "wh\r\nat", "h");
            s.same("PFDEBUG", "what", "nokey");
            s.same("PFDEBUG", "getreg", "h");
            s.same("PFDEBUG", "decode", "h");
            s.same("PFDEBUG", "todense", "h");
            s.same("PFDEBUG", "todense", "h");
            s.same("PFDEBUG", "decode", "h");
            s.same("PFDEBUG", "encoding", "h");
            s.same("PFSELFTEST");
            s.same("PFSELFTEST", "x");
        });
    }

    @Test
    void keyspaceEvents() {
        run(s -> s.sameEvents("KEA",
                new String[] {"PFADD", "h", "a", "b"}, new String[] {"PFADD", "h", "a"},
                new String[] {"PFADD", "n"}, new String[] {"PFADD", "n"}, new String[] {"PFCOUNT", "h"},
                new String[] {"PFCOUNT", "h", "n"}, new String[] {"PFMERGE", "m", "h", "n"},
                new String[] {"PFMERGE", "m"}, new String[] {"PFDEBUG", "TODENSE", "m"},
                new String[] {"PFDEBUG", "GETREG", "h"}, new String[] {"DEL", "h"}));
    }

    @Test
    void watchAndMulti() {
        run(s -> {
            s.same("PFADD", "h", "a");
            try (Session o = s.another()) {
                s.same("WATCH", "h");
                o.same("PFADD", "h", "a");
                s.same("MULTI");
                s.same("PFCOUNT", "h");
                s.same("EXEC");
                s.same("WATCH", "h");
                o.same("PFADD", "h", "b");
                s.same("MULTI");
                s.same("PFCOUNT", "h");
                s.same("EXEC");
                s.same("WATCH", "h");
                o.same("PFCOUNT", "h");
                s.same("MULTI");
                s.same("PFCOUNT", "h");
                s.same("EXEC");
                s.same("WATCH", "h");
                o.same("PFCOUNT", "h");
                s.same("MULTI");
                s.same("PFCOUNT", "h");
                s.same("EXEC");
                for (String[] cmd : new String[][] {{"PFDEBUG", "TODENSE", "h"}, {"PFDEBUG", "GETREG", "h"},
                        {"PFADD", "h", "a"}, {"PFCOUNT", "h", "x"}, {"PFMERGE", "x", "h"}, {"PFMERGE", "h", "x"}}) {
                    s.same("WATCH", "h");
                    o.same(cmd);
                    s.same("MULTI");
                    s.same("PFDEBUG", "ENCODING", "h");
                    s.same("EXEC");
                }
            }
        });
    }

    /** A dense HLL string with the given 6-bit registers (cache marked stale). */
    private static byte[] dense(int[] regs) {
        byte[] d = header(0, 12288);
        d[15] = (byte) 0x80;
        for (int i = 0; i < regs.length; i++) {
            int bit = i * 6;
            int v = regs[i] << (bit & 7);
            d[16 + bit / 8] |= (byte) v;
            if (16 + bit / 8 + 1 < d.length) d[16 + bit / 8 + 1] |= (byte) (v >> 8);
        }
        return d;
    }

    @Test
    void craftedRegisters() {
        run(s -> {
            Random r = new Random(7);
            int[] regs = new int[16384];
            for (int i = 0; i < regs.length; i++) regs[i] = r.nextInt(64);
            s.same(b("SET"), b("d"), dense(regs));
            s.same("PFCOUNT", "d");
            s.same("GET", "d");
            s.same("PFDEBUG", "GETREG", "d");
            s.same("PFCOUNT", "d", "nokey");
            int[] few = new int[16384];
            few[0] = 40;
            few[5] = 33;
            few[100] = 32;
            few[16383] = 63;
            few[16382] = 2;
            s.same(b("SET"), b("f"), dense(few));
            s.same("PFCOUNT", "f");
            s.same("PFCOUNT", "f", "d");
            // values past a VAL opcode's range promote a sparse destination
            s.same("PFADD", "sp", "a", "b");
            s.same("PFMERGE", "sp", "f");
            s.same("PFDEBUG", "ENCODING", "sp");
            s.same("GET", "sp");
            s.same("PFCOUNT", "sp");
            int[] low = new int[16384];
            for (int i = 0; i < 16384; i += 97) low[i] = 1 + r.nextInt(32);
            s.same(b("SET"), b("low"), dense(low));
            s.same("PFADD", "sp2", "x");
            s.same("PFMERGE", "sp3", "sp2");
            s.same("GET", "sp3");
            s.same("PFDEBUG", "DECODE", "sp3");
            s.same("PFMERGE", "sp2", "low");
            s.same("GET", "sp2");
            s.same("PFCOUNT", "sp2", "low", "sp3");
        });
    }

    @Test
    void randomElements() {
        run(s -> {
            Random r = new Random(42);
            s.same("CONFIG", "SET", "hll-sparse-max-bytes", "400");
            for (int round = 0; round < 150; round++) {
                String key = "k" + r.nextInt(4);
                int n = 1 + r.nextInt(12);
                byte[][] cmd = new byte[2 + n][];
                cmd[0] = b("PFADD");
                cmd[1] = b(key);
                for (int i = 0; i < n; i++) {
                    byte[] e = new byte[r.nextInt(20)];
                    r.nextBytes(e);
                    cmd[2 + i] = e;
                }
                s.same(cmd);
                s.same("GET", key);
                if (round % 10 == 0) s.same("PFCOUNT", key);
                if (round % 25 == 0) s.same("PFMERGE", "k" + r.nextInt(4), "k" + r.nextInt(4), "k" + r.nextInt(4));
            }
            s.same("PFCOUNT", "k0", "k1", "k2", "k3");
            s.same("CONFIG", "SET", "hll-sparse-max-bytes", "3000");
        });
    }

    @Test
    void scriptsAndTransactions() {
        run(s -> {
            s.same("EVAL", "return redis.call('PFADD', KEYS[1], 'a', 'b', 'c')", "1", "h");
            s.same("EVAL", "return redis.call('PFCOUNT', KEYS[1])", "1", "h");
            s.same("EVAL_RO", "return redis.call('PFCOUNT', KEYS[1])", "1", "h");
            s.same("EVAL_RO", "return redis.call('PFADD', KEYS[1], 'z')", "1", "h");
            // PFCOUNT (and PUBLISH) are "may replicate": refused by read-only scripts like writes
            s.same("EVAL_RO", "return redis.call('PUBLISH', 'c', 'm')", "0");
            s.same("EVAL_RO", "return redis.call('SPUBLISH', 'c', 'm')", "0");
            s.same("FUNCTION", "LOAD", "#!lua name=hl\nredis.register_function{function_name='f', "
                    + "callback=function(keys) return redis.call('pfcount', keys[1]) end, flags={'no-writes'}}");
            s.same("FCALL_RO", "f", "1", "h");
            s.same("FCALL", "f", "1", "h");
            s.same("FUNCTION", "FLUSH");
            s.same("EVAL", "return redis.call('PFADD', KEYS[1], 'x')", "1", "nope");
            s.same("EVAL", "redis.call('SET', KEYS[2], redis.call('GET', KEYS[1])) "
                    + "return redis.call('PFCOUNT', KEYS[2])", "2", "h", "h2");
            s.same("EVAL", "return redis.call('PFDEBUG', 'ENCODING', KEYS[1])", "1", "h");
            s.same("EVAL", "return redis.pcall('PFCOUNT', KEYS[1])", "1", "nope2");
            s.same("SET", "str", "abc");
            s.same("EVAL", "return redis.pcall('PFCOUNT', KEYS[1])", "1", "str");
            s.same("MULTI");
            s.same("PFADD", "m", "1", "2");
            s.same("PFCOUNT", "m");
            s.same("PFMERGE", "m2", "m", "h");
            s.same("PFCOUNT", "m2");
            s.same("PFCOUNT", "str");
            s.same("EXEC");
            s.same("MULTI");
            s.same("PFADD");
            s.same("EXEC");
            // PFDEBUG and a cached PFCOUNT turn an embstr copy raw, as dbUnshareStringValue
            s.same("SET", "h3", "x");
            s.same("EVAL", "redis.call('SET', KEYS[2], redis.call('GET', KEYS[1]))", "2", "h", "h3");
            s.same("OBJECT", "ENCODING", "h3");
            s.same("PFDEBUG", "ENCODING", "h3");
            s.same("OBJECT", "ENCODING", "h3");
            s.same("COPY", "h", "h4");
            s.same("PFCOUNT", "h4");
            s.same("GET", "h4");
        });
    }
}
