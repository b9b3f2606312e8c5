package io.fakeredis.server.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD and BITFIELD_RO against Redis 7.0.15. */
class BitmapConformanceTest extends ConformanceTest {

    @Test
    void setbitGetbit() {
        run(s -> {
            s.same("SETBIT", "b", "7", "1");
            s.same("SETBIT", "b", "7", "1");
            s.same("SETBIT", "b", "7", "0");
            s.same("GET", "b");
            s.same("SETBIT", "b", "100", "1");
            s.same("STRLEN", "b");
            s.same("GET", "b");
            s.same("OBJECT", "ENCODING", "b");
            s.same("GETBIT", "b", "100");
            s.same("GETBIT", "b", "99");
            s.same("GETBIT", "b", "100000");
            s.same("GETBIT", "nokey", "5");
            s.same("SET", "n", "123");
            s.same("OBJECT", "ENCODING", "n");
            s.same("GETBIT", "n", "2");
            s.same("GETBIT", "n", "3");
            s.same("SETBIT", "n", "0", "0");
            s.same("OBJECT", "ENCODING", "n");
            s.same("GET", "n");
            s.same("SET", "e", "abc");
            s.same("SETBIT", "e", "1", "1");
            s.same("OBJECT", "ENCODING", "e");
            s.same("GET", "e");
            // errors
            s.same("SETBIT", "b", "-1", "1");
            s.same("SETBIT", "b", "x", "1");
            s.same("SETBIT", "b", "1", "2");
            s.same("SETBIT", "b", "1", "-1");
            s.same("SETBIT", "b", "1", "x");
            s.same("SETBIT", "b", "x", "x");
            s.same("SETBIT", "b", "4294967296", "1");
            s.same("SETBIT", "b", "99999999999999999999", "1");
            s.same("GETBIT", "b", "4294967296");
            s.same("GETBIT", "b", "-1");
            s.same("GETBIT", "b", "1.5");
            s.same("GETBIT", "b", "4294967295");
            s.same("SETBIT", "b", "1");
            s.same("GETBIT", "b");
            s.same("LPUSH", "l", "a");
            s.same("SETBIT", "l", "1", "1");
            s.same("SETBIT", "l", "x", "1");
            s.same("GETBIT", "l", "1");
            s.same("GETBIT", "l", "-1");
            // proto-max-bulk-len bounds the offset
            s.same("CONFIG", "SET", "proto-max-bulk-len", "1048576");
            s.same("SETBIT", "big", "8388608", "1");
            s.same("GETBIT", "big", "8388608");
            s.same("SETBIT", "big", "8388607", "1");
            s.same("STRLEN", "big");
            s.same("BITFIELD", "big", "SET", "u8", "#1048576", "1");
            s.same("BITFIELD", "big", "SET", "u8", "#1048575", "1");
            s.same("CONFIG", "SET", "proto-max-bulk-len", "536870912");
        });
    }

    @Test
    void bitcount() {
        run(s -> {
            s.same("SET", "s", "foobar");
            s.same("BITCOUNT", "s");
            s.same("BITCOUNT", "s", "0", "0");
            s.same("BITCOUNT", "s", "1", "1");
            s.same("BITCOUNT", "s", "1", "-2");
            s.same("BITCOUNT", "s", "-3", "-1");
            s.same("BITCOUNT", "s", "-100", "100");
            s.same("BITCOUNT", "s", "5", "2");
            s.same("BITCOUNT", "s", "-1", "-2");
            s.same("BITCOUNT", "s", "-1", "-2", "FOO");
            s.same("BITCOUNT", "s", "10", "20");
            s.same("BITCOUNT", "s", "0", "-1", "BYTE");
            s.same("BITCOUNT", "s", "0", "-1", "bit");
            s.same("BITCOUNT", "s", "5", "30", "BIT");
            s.same("BITCOUNT", "s", "1", "6", "BIT");
            s.same("BITCOUNT", "s", "3", "3", "BIT");
            s.same("BITCOUNT", "s", "-5", "-1", "BIT");
            s.same("BITCOUNT", "s", "-100", "1000", "BIT");
            s.same("BITCOUNT", "s", "40", "2", "BIT");
            s.same("BITCOUNT", "s", "9", "14", "BIT");
            s.same("BITCOUNT", "nokey");
            s.same("BITCOUNT", "nokey", "0", "1");
            s.same("BITCOUNT", "nokey", "x", "y");
            s.same("BITCOUNT", "nokey", "1");
            s.same("SET", "e", "");
            s.same("BITCOUNT", "e");
            s.same("BITCOUNT", "e", "0", "-1");
            s.same("BITCOUNT", "e", "0", "-1", "BIT");
            s.same("SET", "n", "-12345");
            s.same("BITCOUNT", "n");
            s.same("BITCOUNT", "n", "1", "2", "BIT");
            // errors
            s.same("BITCOUNT", "s", "1");
            s.same("BITCOUNT", "s", "0", "1", "BIT", "x");
            s.same("BITCOUNT", "s", "x", "1");
            s.same("BITCOUNT", "s", "1", "x");
            s.same("BITCOUNT", "s", "0", "1", "bits");
            s.same("BITCOUNT", "s", "99999999999999999999", "1");
            s.same("BITCOUNT");
            s.same("HSET", "h", "f", "v");
            s.same("BITCOUNT", "h");
            s.same("BITCOUNT", "h", "x", "y");
        });
    }

    @Test
    void bitpos() {
        run(s -> {
            s.same("SET", "s", "\u0000\u00ff\u00f0");
            s.same("SET", "z", new String(new char[] {0, 0, 0}));
            s.same("SETBIT", "f", "23", "1");
            s.same("BITOP", "NOT", "ones", "z");
            for (String k : new String[] {"s", "z", "f", "ones"}) {
                for (String bit : new String[] {"0", "1"}) {
                    s.same("BITPOS", k, bit);
                    s.same("BITPOS", k, bit, "0");
                    s.same("BITPOS", k, bit, "1");
                    s.same("BITPOS", k, bit, "2");
                    s.same("BITPOS", k, bit, "-1");
                    s.same("BITPOS", k, bit, "5");
                    s.same("BITPOS", k, bit, "0", "-1");
                    s.same("BITPOS", k, bit, "1", "1");
                    s.same("BITPOS", k, bit, "2", "1");
                    s.same("BITPOS", k, bit, "-2", "-1");
                    s.same("BITPOS", k, bit, "-100", "100");
                    s.same("BITPOS", k, bit, "0", "-1", "BYTE");
                    s.same("BITPOS", k, bit, "0", "-1", "BIT");
                    s.same("BITPOS", k, bit, "3", "12", "BIT");
                    s.same("BITPOS", k, bit, "7", "7", "bit");
                    s.same("BITPOS", k, bit, "9", "14", "BIT");
                    s.same("BITPOS", k, bit, "-5", "-1", "BIT");
                    s.same("BITPOS", k, bit, "20", "10", "BIT");
                    s.same("BITPOS", k, bit, "16", "23", "BIT");
                }
            }
            s.same("SET", "e", "");
            s.same("BITPOS", "e", "0");
            s.same("BITPOS", "e", "1");
            s.same("BITPOS", "e", "0", "0");
            s.same("BITPOS", "e", "0", "0", "-1");
            s.same("BITPOS", "e", "0", "0", "-1", "BIT");
            s.same("BITPOS", "nokey", "0");
            s.same("BITPOS", "nokey", "1");
            s.same("BITPOS", "nokey", "0", "x", "y", "z", "w");
            s.same("SET", "n", "12");
            s.same("BITPOS", "n", "0");
            s.same("BITPOS", "n", "1", "1");
            // errors
            s.same("BITPOS", "s", "2");
            s.same("BITPOS", "s", "-1");
            s.same("BITPOS", "s", "x");
            s.same("BITPOS", "nokey", "2");
            s.same("BITPOS", "s", "0", "x");
            s.same("BITPOS", "s", "0", "0", "x");
            s.same("BITPOS", "s", "0", "0", "x", "BIT");
            s.same("BITPOS", "s", "0", "0", "x", "foo");
            s.same("BITPOS", "s", "0", "x", "1", "foo");
            s.same("BITPOS", "s", "0", "0", "1", "foo");
            s.same("BITPOS", "s", "0", "0", "1", "BIT", "x");
            s.same("BITPOS", "s");
            s.same("SADD", "set", "a");
            s.same("BITPOS", "set", "1");
            s.same("BITPOS", "set", "2");
            s.same("BITPOS", "set", "1", "x");
        });
    }

    @Test
    void bitop() {
        run(s -> {
            s.same("SET", "a", "abc");
            s.same("SET", "b", "\u0001\u0002");
            s.same("SET", "c", "12345");
            for (String op : new String[] {"AND", "or", "Xor"}) {
                s.same("BITOP", op, "d", "a", "b", "c");
                s.same("GET", "d");
                s.same("BITOP", op, "d", "a", "nokey");
                s.same("GET", "d");
                s.same("BITOP", op, "d", "a");
                s.same("GET", "d");
                s.same("OBJECT", "ENCODING", "d");
            }
            s.same("BITOP", "NOT", "d", "a");
            s.same("GET", "d");
            s.same("BITOP", "NOT", "d", "c");
            s.same("GET", "d");
            s.same("BITOP", "NOT", "d", "d");
            s.same("GET", "d");
            s.same("EXPIRE", "d", "100");
            s.same("BITOP", "OR", "d", "a");
            s.same("TTL", "d");
            s.same("BITOP", "AND", "d", "nokey", "nokey2");
            s.same("EXISTS", "d");
            s.same("BITOP", "NOT", "d", "nokey");
            s.same("SET", "e", "");
            s.same("SET", "d", "x");
            s.same("BITOP", "OR", "d", "e");
            s.same("EXISTS", "d");
            s.same("LPUSH", "l", "x");
            s.same("BITOP", "OR", "l", "a");
            s.same("TYPE", "l");
            // errors
            s.same("BITOP", "NOT", "d", "a", "b");
            s.same("BITOP", "NOT", "d");
            s.same("BITOP", "NAND", "d", "a");
            s.same("BITOP", "AND", "d");
            s.same("LPUSH", "l2", "x");
            s.same("BITOP", "AND", "d", "a", "l2");
            s.same("BITOP", "NOT", "d", "l2");
            s.same("BITOP", "foo", "d", "l2");
        });
    }

    @Test
    void bitfield() {
        run(s -> {
            s.same("BITFIELD", "bf", "SET", "i8", "0", "-100", "GET", "i8", "0", "GET", "u8", "0");
            s.same("OBJECT", "ENCODING", "bf");
            s.same("BITFIELD", "bf", "INCRBY", "i5", "100", "1", "GET", "u4", "0");
            s.same("BITFIELD", "bf", "SET", "u8", "#1", "255", "GET", "u8", "#1", "GET", "i16", "#0");
            s.same("BITFIELD", "bf", "GET", "i64", "0", "GET", "u63", "1", "GET", "i1", "3", "GET", "u1", "3");
            s.same("BITFIELD", "bf", "SET", "i64", "0", "-9223372036854775808", "GET", "i64", "0");
            s.same("BITFIELD", "bf", "INCRBY", "i64", "0", "-1", "INCRBY", "i64", "0", "1");
            s.same("BITFIELD", "bf", "OVERFLOW", "SAT", "INCRBY", "i64", "0", "-1", "INCRBY", "i64", "0", "9223372036854775807",
                    "INCRBY", "i64", "0", "9223372036854775807");
            s.same("BITFIELD", "bf", "OVERFLOW", "FAIL", "INCRBY", "i64", "0", "1");
            s.same("BITFIELD", "bf", "SET", "u63", "0", "9223372036854775807", "INCRBY", "u63", "0", "1");
            s.same("BITFIELD", "bf", "OVERFLOW", "sat", "SET", "u63", "0", "-1", "INCRBY", "u63", "0", "-5",
                    "INCRBY", "u63", "0", "-9223372036854775808");
            for (String ow : new String[] {"WRAP", "SAT", "FAIL"}) {
                s.same("DEL", "o");
                s.same("BITFIELD", "o", "OVERFLOW", ow, "SET", "u2", "0", "5", "SET", "i3", "8", "7", "SET", "i3", "12", "-9",
                        "GET", "u16", "0");
                s.same("BITFIELD", "o", "OVERFLOW", ow, "INCRBY", "u2", "0", "3", "INCRBY", "u2", "0", "3",
                        "INCRBY", "u2", "0", "-7", "INCRBY", "i3", "8", "3", "INCRBY", "i3", "8", "-12", "INCRBY", "i8", "16", "127",
                        "INCRBY", "i8", "16", "127", "INCRBY", "u8", "24", "-1", "SET", "u8", "24", "-1", "SET", "u8", "24", "256",
                        "SET", "i8", "24", "-129", "SET", "i8", "24", "128");
                s.same("GET", "o");
            }
            s.same("BITFIELD", "bf", "OVERFLOW", "FAIL", "SET", "u8", "0", "256", "OVERFLOW", "WRAP", "SET", "u8", "0", "256");
            s.same("BITFIELD", "nokey", "GET", "u8", "0", "GET", "i8", "100");
            s.same("EXISTS", "nokey");
            s.same("BITFIELD", "nokey");
            s.same("BITFIELD", "nokey", "OVERFLOW", "SAT");
            s.same("BITFIELD", "fk", "OVERFLOW", "FAIL", "SET", "u2", "0", "9");
            s.same("EXISTS", "fk");
            s.same("GET", "fk");
            s.same("BITFIELD", "grow", "SET", "u8", "#3", "1", "GET", "u32", "0", "GET", "u8", "#100", "GET", "i64", "20");
            s.same("BITFIELD", "grow", "GET", "u8", "#-1");
            s.same("SET", "n", "100");
            s.same("BITFIELD", "n", "GET", "u8", "0", "GET", "u8", "#2", "GET", "u8", "#3");
            s.same("OBJECT", "ENCODING", "n");
            s.same("BITFIELD", "n", "SET", "u8", "0", "49");
            s.same("OBJECT", "ENCODING", "n");
            s.same("BITFIELD_RO", "bf", "GET", "u8", "0", "GET", "i4", "#3");
            s.same("BITFIELD_RO", "nokey", "GET", "u8", "0");
            s.same("BITFIELD_RO", "bf");
            // errors
            s.same("BITFIELD_RO", "bf", "GET", "u8", "0", "SET", "u8", "0", "1");
            s.same("BITFIELD_RO", "bf", "INCRBY", "u8", "0", "1");
            s.same("BITFIELD_RO", "bf", "SET", "u8", "0", "x");
            s.same("BITFIELD_RO", "bf", "OVERFLOW", "FAIL");
            s.same("BITFIELD", "bf", "GET", "u64", "0");
            s.same("BITFIELD", "bf", "GET", "i65", "0");
            s.same("BITFIELD", "bf", "GET", "i0", "0");
            s.same("BITFIELD", "bf", "GET", "u0", "0");
            s.same("BITFIELD", "bf", "GET", "I8", "0");
            s.same("BITFIELD", "bf", "GET", "x8", "0");
            s.same("BITFIELD", "bf", "GET", "i", "0");
            s.same("BITFIELD", "bf", "GET", "", "0");
            s.same("BITFIELD", "bf", "GET", "i8\u0000x", "0");
            s.same("BITFIELD", "bf", "GET", "u8", "1\u0000");
            s.same("BITFIELD", "bf", "GET", "i08", "0");
            s.same("BITFIELD", "bf", "GET", "u-1", "0");
            s.same("BITFIELD", "bf", "GET", "u8", "-1");
            s.same("BITFIELD", "bf", "GET", "u8", "#");
            s.same("BITFIELD", "bf", "GET", "u8", "#x");
            s.same("BITFIELD", "bf", "GET", "u8", "x");
            s.same("BITFIELD", "bf", "GET", "u8", "##1");
            s.same("BITFIELD", "bf", "GET", "u8", "4294967296");
            s.same("BITFIELD", "bf", "GET", "u8", "#536870912");
            s.same("BITFIELD", "bf", "GET", "u8", "#2305843009213693952");
            s.same("BITFIELD", "bf", "GET", "u8");
            s.same("BITFIELD", "bf", "SET", "u8", "0");
            s.same("BITFIELD", "bf", "SET", "u8", "0", "x");
            s.same("BITFIELD", "bf", "SET", "u8", "0", "1.5");
            s.same("BITFIELD", "bf", "INCRBY", "u8", "0", "99999999999999999999");
            s.same("BITFIELD", "bf", "OVERFLOW");
            s.same("BITFIELD", "bf", "OVERFLOW", "bad", "GET", "u8", "0");
            s.same("BITFIELD", "bf", "GET", "u8", "0", "OVERFLOW", "bad");
            s.same("BITFIELD", "bf", "FOO", "u8", "0");
            s.same("BITFIELD", "bf", "GET", "u8", "0", "extra");
            s.same("BITFIELD", "bf", "SET", "u8", "0", "1", "GET", "u64", "0");
            s.same("GET", "bf");
            s.same("BITFIELD");
            s.same("BITFIELD_RO");
            s.same("ZADD", "zz", "1", "a");
            s.same("BITFIELD", "zz", "GET", "u8", "0");
            s.same("BITFIELD", "zz", "SET", "u8", "0", "1");
            s.same("BITFIELD", "zz");
            s.same("BITFIELD", "zz", "SET", "u8", "0", "x");
            s.same("BITFIELD_RO", "zz", "GET", "u8", "0");
            s.same("BITFIELD_RO", "zz", "SET", "u8", "0", "1");
        });
    }

    @Test
    void keyspaceEvents() {
        run(s -> s.sameEvents("KEA",
                new String[] {"SETBIT", "k", "1", "1"}, new String[] {"SETBIT", "k", "1", "1"},
                new String[] {"SETBIT", "k", "1", "0"}, new String[] {"SETBIT", "k", "0", "0"},
                new String[] {"SETBIT", "k", "20", "0"}, new String[] {"GETBIT", "k", "1"},
                new String[] {"BITFIELD", "k", "SET", "u8", "0", "0"}, new String[] {"BITFIELD", "k", "SET", "u8", "0", "7"},
                new String[] {"BITFIELD", "k", "INCRBY", "u8", "0", "0"}, new String[] {"BITFIELD", "k", "GET", "u8", "0"},
                new String[] {"BITFIELD", "k", "OVERFLOW", "FAIL", "INCRBY", "u2", "0", "9"},
                new String[] {"BITFIELD", "k", "SET", "u8", "#10", "0"},
                new String[] {"BITFIELD", "k2", "OVERFLOW", "FAIL", "INCRBY", "u2", "0", "9"},
                new String[] {"BITFIELD", "k3", "SET", "u2", "0", "0"},
                new String[] {"BITFIELD_RO", "k", "GET", "u8", "0"},
                new String[] {"BITOP", "OR", "d", "k", "k3"}, new String[] {"BITOP", "AND", "d", "nokey"},
                new String[] {"BITOP", "AND", "d", "nokey"}, new String[] {"BITCOUNT", "nokey"},
                new String[] {"BITPOS", "nokey", "1"}, new String[] {"GETBIT", "nokey", "1"}));
    }

    /** "new" events from keys the bit commands create, and keymiss from their read lookups only. */
    @Test
    void newAndMissEvents() {
        run(s -> s.sameEvents("KEAnm",
                new String[] {"GETBIT", "k", "1"}, new String[] {"BITCOUNT", "k"}, new String[] {"BITPOS", "k", "0"},
                new String[] {"BITFIELD", "k", "GET", "u8", "0"}, new String[] {"BITFIELD_RO", "k", "GET", "u8", "0"},
                new String[] {"BITOP", "OR", "d", "k", "k2"}, new String[] {"SETBIT", "k", "1", "0"},
                new String[] {"BITFIELD", "k2", "SET", "u8", "0", "1"}, new String[] {"BITOP", "XOR", "d", "k", "k2", "k3"},
                new String[] {"BITOP", "NOT", "d", "d"}));
    }

    /** Reads count keyspace hits and misses; the write lookups of SETBIT and BITFIELD do not. */
    @Test
    void keyspaceStats() {
        run(s -> {
            s.same("SET", "k", "abc");
            s.both("CONFIG", "RESETSTAT");
            String[][] cmds = {{"GETBIT", "k", "1"}, {"GETBIT", "m", "1"}, {"BITCOUNT", "k"}, {"BITCOUNT", "m"},
                    {"BITPOS", "k", "1"}, {"BITPOS", "m", "1"}, {"BITFIELD", "k", "GET", "u8", "0"},
                    {"BITFIELD", "m", "GET", "u8", "0"}, {"BITFIELD", "k", "SET", "u8", "0", "1"},
                    {"BITFIELD", "m", "SET", "u8", "0", "1"}, {"SETBIT", "k", "1", "1"}, {"SETBIT", "m2", "1", "1"},
                    {"BITOP", "AND", "d", "k", "nokey"}, {"BITFIELD_RO", "nokey", "GET", "u8", "0"}};
            for (String[] cmd : cmds) s.same(cmd);
            byte[][] info = s.both("INFO", "stats");
            org.junit.jupiter.api.Assertions.assertNotNull(stat(info[0], "keyspace_hits"));
            org.junit.jupiter.api.Assertions.assertEquals(stat(info[0], "keyspace_hits"), stat(info[1], "keyspace_hits"));
            org.junit.jupiter.api.Assertions.assertEquals(stat(info[0], "keyspace_misses"), stat(info[1], "keyspace_misses"));
        });
    }

    private static String stat(byte[] info, String name) {
        for (String line : new String(info, java.nio.charset.StandardCharsets.UTF_8).split("\r\n")) {
            if (line.startsWith(name + ":")) return line;
        }
        return null;
    }

    @Test
    void encodings() {
        run(s -> {
            s.same("INCRBYFLOAT", "f", "1.5");
            s.same("OBJECT", "ENCODING", "f");
            s.same("SETBIT", "f", "0", "0");
            s.same("OBJECT", "ENCODING", "f");
            s.same("GET", "f");
            s.same("INCRBYFLOAT", "g", "2.5");
            s.same("BITFIELD", "g", "GET", "u8", "0");
            s.same("OBJECT", "ENCODING", "g");
            s.same("BITFIELD", "g", "OVERFLOW", "FAIL", "INCRBY", "u2", "0", "9");
            s.same("OBJECT", "ENCODING", "g");
            s.same("SET", "a", "x");
            s.same("APPEND", "a", "y");
            s.same("SETBIT", "a", "0", "1");
            s.same("GET", "a");
            s.same("APPEND", "a", "z");
            s.same("GET", "a");
            s.same("SET", "short", "x");
            s.same("BITOP", "OR", "short2", "short");
            s.same("OBJECT", "ENCODING", "short2");
            s.same("SET", "i", "12");
            s.same("OBJECT", "REFCOUNT", "i");
            s.same("BITFIELD", "i", "GET", "u8", "0");
            s.same("OBJECT", "REFCOUNT", "i");
            s.same("BITOP", "OR", "i2", "i");
            s.same("OBJECT", "REFCOUNT", "i2");
            s.same("SETBIT", "i", "0", "0");
            s.same("OBJECT", "REFCOUNT", "i");
            s.same("OBJECT", "ENCODING", "i");
            s.same("OBJECT", "ENCODING", "i2");
            s.same("GET", "i2");
            s.same("STRLEN", "i2");
        });
    }

    @Test
    void withinTransaction() {
        run(s -> {
            s.same("MULTI");
            s.same("SETBIT", "k", "3", "1");
            s.same("BITFIELD", "k", "INCRBY", "u4", "0", "3");
            s.same("BITOP", "NOT", "k2", "k");
            s.same("BITCOUNT", "k2");
            s.same("BITPOS", "k2", "0");
            s.same("EXEC");
        });
    }

    /** A SETBIT or BITFIELD that changes nothing does not touch WATCHed keys; one that does, does. */
    @Test
    void watch() {
        run(s -> {
            s.same("SETBIT", "w", "3", "1");
            try (ConformanceTest.Session o = s.another()) {
                String[][] unchanged = {{"SETBIT", "w", "3", "1"}, {"SETBIT", "w", "4", "0"},
                        {"BITFIELD", "w", "SET", "u4", "0", "1"}, {"BITFIELD", "w", "OVERFLOW", "FAIL", "INCRBY", "u2", "0", "9"},
                        {"BITFIELD", "w", "GET", "u8", "0"}, {"BITCOUNT", "w"}};
                String[][] changed = {{"SETBIT", "w", "3", "0"}, {"SETBIT", "w", "30", "0"},
                        {"BITFIELD", "w", "INCRBY", "u4", "0", "1"}, {"BITFIELD", "w", "SET", "u8", "#9", "0"},
                        {"BITOP", "NOT", "w", "w"}, {"BITOP", "AND", "w", "missing"}};
                for (String[][] group : new String[][][] {unchanged, changed}) {
                    for (String[] cmd : group) {
                        s.same("SETBIT", "w", "3", "1");
                        s.same("WATCH", "w");
                        o.same(cmd);
                        s.same("MULTI");
                        s.same("PING");
                        s.same("EXEC");
                    }
                }
            }
        });
    }

    @Test
    void fromScripts() {
        run(s -> {
            s.same("EVAL", "return redis.call('BITFIELD', KEYS[1], 'OVERFLOW', 'FAIL', 'INCRBY', 'u2', '0', '9', 'GET', 'u8', '0')",
                    "1", "sk");
            s.same("EVAL", "return {redis.call('SETBIT', KEYS[1], 9, 1), redis.call('BITCOUNT', KEYS[1]),"
                    + " redis.call('BITPOS', KEYS[1], 1), redis.call('GETBIT', KEYS[1], 9)}", "1", "sk");
            s.same("EVAL", "return redis.pcall('BITFIELD_RO', KEYS[1], 'SET', 'u8', '0', '1')", "1", "sk");
            s.same("EVAL", "return redis.pcall('SETBIT', KEYS[1], -1, 1)", "1", "sk");
        });
    }

    /** A seeded random differential run: a few hundred bit commands on a few keys, on both servers. */
    @Test
    void randomDifferential() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        String[] keys = {"r1", "r2", "r3"};
        run(s -> {
            try {
                for (int i = 0; i < Integer.getInteger("bitmap.fuzz.iterations", 400); i++) {
                    s.same(randomCommand(r, keys));
                }
                for (String k : keys) s.same("GET", k);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        });
    }

    private static String[] randomCommand(Random r, String[] keys) {
        String k = keys[r.nextInt(keys.length)];
        List<String> a = new ArrayList<>();
        switch (r.nextInt(8)) {
            case 0:
                a.add("SETBIT");
                a.add(k);
                a.add(Integer.toString(r.nextInt(80)));
                a.add(Integer.toString(r.nextInt(2)));
                break;
            case 1:
                a.add("BITCOUNT");
                a.add(k);
                if (r.nextBoolean()) {
                    a.add(Integer.toString(r.nextInt(100) - 50));
                    a.add(Integer.toString(r.nextInt(100) - 50));
                    int u = r.nextInt(3);
                    if (u == 1) a.add("BIT");
                    else if (u == 2) a.add("BYTE");
                }
                break;
            case 2:
                a.add("BITPOS");
                a.add(k);
                a.add(Integer.toString(r.nextInt(2)));
                int form = r.nextInt(4);
                if (form >= 1) a.add(Integer.toString(r.nextInt(100) - 50));
                if (form >= 2) a.add(Integer.toString(r.nextInt(100) - 50));
                if (form == 3) a.add(r.nextBoolean() ? "BIT" : "BYTE");
                break;
            case 3:
            case 4: {
                boolean ro = r.nextInt(5) == 0;
                a.add(ro ? "BITFIELD_RO" : "BITFIELD");
                a.add(k);
                int n = 1 + r.nextInt(3);
                for (int j = 0; j < n; j++) {
                    int op = ro ? 0 : r.nextInt(4);
                    boolean signed = r.nextBoolean();
                    int bits = 1 + r.nextInt(signed ? 64 : 63);
                    String type = (signed ? "i" : "u") + bits;
                    String off = r.nextInt(4) == 0 ? "#" + r.nextInt(4) : Integer.toString(r.nextInt(70));
                    if (op == 0) {
                        a.add("GET");
                        a.add(type);
                        a.add(off);
                    } else if (op == 3) {
                        a.add("OVERFLOW");
                        a.add(new String[] {"WRAP", "SAT", "FAIL"}[r.nextInt(3)]);
                    } else {
                        a.add(op == 1 ? "SET" : "INCRBY");
                        a.add(type);
                        a.add(off);
                        long v;
                        switch (r.nextInt(4)) {
                            case 0: v = r.nextLong(); break;
                            case 1: v = r.nextInt(512) - 256; break;
                            case 2: v = r.nextBoolean() ? Long.MAX_VALUE - r.nextInt(3) : Long.MIN_VALUE + r.nextInt(3); break;
                            default: v = (1L << r.nextInt(63)) - r.nextInt(2); break;
                        }
                        a.add(Long.toString(v));
                    }
                }
                break;
            }
            case 5: {
                String[] ops = {"AND", "OR", "XOR", "NOT"};
                String op = ops[r.nextInt(4)];
                a.add("BITOP");
                a.add(op);
                a.add(keys[r.nextInt(keys.length)]);
                int n = op.equals("NOT") ? 1 : 1 + r.nextInt(3);
                for (int j = 0; j < n; j++) a.add(r.nextInt(6) == 0 ? "missing" : keys[r.nextInt(keys.length)]);
                break;
            }
            case 6: {
                // plain, int-encoded, empty and appended-to strings under the bit commands
                String[] vals = {"", "0", "123", "-1", "foobar", "\u00ff\u0001", Long.toString(r.nextLong())};
                a.add(r.nextBoolean() ? "SET" : "APPEND");
                a.add(k);
                a.add(vals[r.nextInt(vals.length)]);
                break;
            }
            default:
                a.add("GETBIT");
                a.add(k);
                a.add(Integer.toString(r.nextInt(100)));
                break;
        }
        return a.toArray(new String[0]);
    }
}
