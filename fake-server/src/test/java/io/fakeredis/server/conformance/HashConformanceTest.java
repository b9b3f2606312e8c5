package io.fakeredis.server.conformance;

import static io.fakeredis.server.conformance.ListConformanceTest.clearFake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hash commands: same bytes as Redis 7.0.15 in RESP2 and RESP3, errors included. */
class HashConformanceTest extends ConformanceTest {

    @Test
    void setGetDel() {
        run(s -> {
            clearFake();
            s.same("HSET", "h", "a", "1", "b", "2");
            s.same("HSET", "h", "a", "10", "c", "3");
            s.same("HSET", "h", "a");
            s.same("HSET", "h", "a", "1", "b");
            s.same("HSET", "h");
            s.same("HMSET", "h", "d", "4", "e", "5");
            s.same("HMSET", "h", "d");
            s.same("HMSET", "h", "d", "4", "e");
            s.same("HSETNX", "h", "a", "x");
            s.same("HSETNX", "h", "z", "26");
            s.same("HSETNX", "new", "f", "v");
            s.same("HGET", "h", "a");
            s.same("HGET", "h", "nope");
            s.same("HGET", "nokey", "a");
            s.same("HMGET", "h", "a", "nope", "b");
            s.same("HMGET", "nokey", "a", "b");
            s.same("HLEN", "h");
            s.same("HLEN", "nokey");
            s.same("HSTRLEN", "h", "a");
            s.same("HSTRLEN", "h", "nope");
            s.same("HSTRLEN", "nokey", "a");
            s.same("HEXISTS", "h", "a");
            s.same("HEXISTS", "h", "nope");
            s.same("HEXISTS", "nokey", "a");
            s.same("HGETALL", "h");
            s.same("HKEYS", "h");
            s.same("HVALS", "h");
            s.same("HDEL", "h", "b", "nope", "d");
            s.same("HGETALL", "h");
            s.same("HSET", "h", "b", "again");
            s.same("HKEYS", "h");
            s.same("HGETALL", "nokey");
            s.same("HKEYS", "nokey");
            s.same("HVALS", "nokey");
            s.same("HDEL", "nokey", "a");
            s.same("HDEL", "new", "f", "f");
            s.same("HLEN", "new");
            s.same("HDEL", "h");
            s.same("SET", "str", "v");
            for (String[] cmd : new String[][] {{"HSET", "str", "a", "1"}, {"HMSET", "str", "a", "1"}, {"HSETNX", "str", "a", "1"},
                    {"HGET", "str", "a"}, {"HMGET", "str", "a"}, {"HDEL", "str", "a"}, {"HLEN", "str"}, {"HSTRLEN", "str", "a"},
                    {"HEXISTS", "str", "a"}, {"HKEYS", "str"}, {"HVALS", "str"}, {"HGETALL", "str"}, {"HINCRBY", "str", "a", "1"},
                    {"HINCRBYFLOAT", "str", "a", "1"}, {"HRANDFIELD", "str"}, {"HRANDFIELD", "str", "1"}, {"HSCAN", "str", "0"}}) {
                s.same(cmd);
            }
        });
    }

    @Test
    void incr() {
        run(s -> {
            clearFake();
            s.same("HINCRBY", "h", "n", "5");
            s.same("HINCRBY", "h", "n", "-15");
            s.same("HINCRBY", "h", "n", "x");
            s.same("HINCRBY", "h", "n", "1.5");
            s.same("HSET", "h", "s", "abc", "big", "9223372036854775807", "small", "-9223372036854775808", "sp", " 1");
            s.same("HINCRBY", "h", "s", "1");
            s.same("HINCRBY", "h", "sp", "1");
            s.same("HINCRBY", "h", "big", "1");
            s.same("HINCRBY", "h", "big", "0");
            s.same("HINCRBY", "h", "small", "-1");
            s.same("HINCRBY", "h", "small", "9223372036854775807");
            s.same("HINCRBYFLOAT", "h", "f", "10.5");
            s.same("HINCRBYFLOAT", "h", "f", "0.1");
            s.same("HINCRBYFLOAT", "h", "f", "-5.0e3");
            s.same("HINCRBYFLOAT", "h", "g", "5.0e3");
            s.same("HINCRBYFLOAT", "h", "g", "2.0e2");
            s.same("HSET", "h", "k", "1000");
            s.same("HINCRBYFLOAT", "h", "k", "0.1");
            s.same("HINCRBYFLOAT", "h", "k", "1.23456789012345678");
            s.same("HINCRBYFLOAT", "h", "k", "-1e30");
            s.same("HINCRBYFLOAT", "h", "k", "1e-20");
            s.same("HINCRBYFLOAT", "h", "k", "1e30");
            s.same("HINCRBYFLOAT", "h", "z", "0.000000000000000001");
            s.same("HINCRBYFLOAT", "h", "z2", "-0.3");
            s.same("HINCRBYFLOAT", "h", "z2", "0.3");
            s.same("HINCRBYFLOAT", "h", "hx", "0x10");
            s.same("HGETALL", "h");
            s.same("HINCRBYFLOAT", "h", "hx", "1e4000");
            s.same("HINCRBYFLOAT", "h", "hx", "1e5000");
            s.same("HINCRBYFLOAT", "h", "hx", "1e-5000");
            s.same("HINCRBYFLOAT", "h", "f", "inf");
            s.same("HINCRBYFLOAT", "h", "f", "-infinity");
            s.same("HINCRBYFLOAT", "h", "f", "nan");
            s.same("HINCRBYFLOAT", "h", "f", "x");
            s.same("HINCRBYFLOAT", "h", "f", " 1");
            s.same("HINCRBYFLOAT", "h", "f", "");
            s.same("HINCRBYFLOAT", "h", "s", "1");
            s.same("HINCRBYFLOAT", "h", "sp", "1");
            s.same("HSET", "h", "inf", "inf");
            s.same("HINCRBYFLOAT", "h", "inf", "1");
            s.same("HINCRBYFLOAT", "h", "big", "1");
            s.same("HINCRBYFLOAT", "h", "small", "-1.5");
            s.sameUnordered("HGETALL", "h");
        });
    }

    @Test
    void randfield() {
        run(s -> {
            clearFake();
            s.same("HSET", "h", "a", "1", "b", "2", "c", "3");
            s.same("HRANDFIELD", "nokey");
            s.same("HRANDFIELD", "nokey", "3");
            s.same("HRANDFIELD", "nokey", "-3", "WITHVALUES");
            s.same("HRANDFIELD", "nokey", "1", "FOO");
            s.same("HRANDFIELD", "h", "0");
            s.same("HRANDFIELD", "h", "0", "WITHVALUES");
            s.same("HRANDFIELD", "h", "3");
            s.same("HRANDFIELD", "h", "5", "WITHVALUES");
            s.same("HRANDFIELD", "h", "x");
            s.same("HRANDFIELD", "h", "1", "WITHVALUE");
            s.same("HRANDFIELD", "h", "1", "WITHVALUES", "x");
            s.same("HRANDFIELD", "h", "-9223372036854775808");
            s.same("HRANDFIELD", "h", "9223372036854775807", "WITHVALUES");
            s.same("HRANDFIELD", "h", "-4611686018427387904", "WITHVALUES");
            s.same("HRANDFIELD", "h", "4611686018427387904", "WITHVALUES");
            s.same("HRANDFIELD", "h", "-4611686018427387903", "FOO");
            // random replies: compare shapes and membership
            Set<String> fields = Set.of("a", "b", "c");
            for (String[] cmd : new String[][] {{"HRANDFIELD", "h"}, {"HRANDFIELD", "h", "1"}, {"HRANDFIELD", "h", "2"},
                    {"HRANDFIELD", "h", "-5"}, {"HRANDFIELD", "h", "-5", "WITHVALUES"}, {"HRANDFIELD", "h", "2", "WITHVALUES"},
                    {"HRANDFIELD", "h", "1", "WITHVALUES"}}) {
                byte[][] r = s.both(cmd);
                assertEquals(Reply.header(r[0]), Reply.header(r[1]), String.join(" ", cmd));
                List<byte[]> fe = Reply.elements(r[1]);
                if (cmd.length == 2) continue;
                Set<String> seen = new HashSet<>();
                for (byte[] e : fe) {
                    if (e[0] == '*') {
                        List<byte[]> pair = Reply.elements(e);
                        assertEquals(2, pair.size());
                        seen.add(Reply.bulkString(pair.get(0)));
                    } else {
                        seen.add(Reply.bulkString(e));
                    }
                }
                seen.removeAll(Set.of("1", "2", "3"));
                assertTrue(fields.containsAll(seen), seen.toString());
                if (!cmd[2].startsWith("-")) {
                    assertEquals(Reply.elements(r[0]).size(), fe.size());
                }
            }
        });
    }

    @Test
    void scan() {
        run(s -> {
            clearFake();
            s.same("HSET", "h", "a1", "1", "a2", "2", "b1", "3", "[x]", "4");
            s.same("HSCAN", "h", "0");
            s.same("HSCAN", "h", "0", "COUNT", "1");
            s.same("HSCAN", "h", "0", "MATCH", "a*");
            s.same("HSCAN", "h", "0", "MATCH", "?1", "COUNT", "100");
            s.same("HSCAN", "h", "0", "MATCH", "\\[x]");
            s.same("HSCAN", "h", "0", "MATCH", "[ab][^2]");
            s.same("HSCAN", "h", "0", "MATCH", "*");
            s.same("HSCAN", "h", "0", "MATCH", "[a-");
            s.same("HSCAN", "h", "x");
            s.same("HSCAN", "h", "-1");
            s.same("HSCAN", "h", "18446744073709551616");
            s.same("HSCAN", "h", "0", "COUNT", "0");
            s.same("HSCAN", "h", "0", "COUNT", "x");
            s.same("HSCAN", "h", "0", "COUNT");
            s.same("HSCAN", "h", "0", "FOO", "1");
            s.same("HSCAN", "h", "0", "MATCH");
            s.same("HSCAN", "nokey", "0", "FOO");
            s.same("HSCAN", "nokey", "x");
        });
    }

    @Test
    void encodings() {
        run(s -> {
            clearFake();
            s.same("RPUSH", "l", "a");
            s.same("OBJECT", "ENCODING", "l");
            s.same("RPUSH", "l2", "x".repeat(10_000));
            s.same("OBJECT", "ENCODING", "l2");
            s.same("HSET", "h", "a", "1");
            s.same("OBJECT", "ENCODING", "h");
            s.same("HSET", "h", "b", "x".repeat(64));
            s.same("OBJECT", "ENCODING", "h");
            s.same("HSET", "h", "c", "x".repeat(65));
            s.same("OBJECT", "ENCODING", "h");
            s.same("HDEL", "h", "c");
            s.same("OBJECT", "ENCODING", "h");
            s.same("HSET", "longfield", "f".repeat(65), "1");
            s.same("OBJECT", "ENCODING", "longfield");
            s.same("HSETNX", "nx", "a", "y".repeat(65));
            s.same("OBJECT", "ENCODING", "nx");
            s.same("HINCRBYFLOAT", "flt", "a", "1e60");
            s.same("OBJECT", "ENCODING", "flt");
            s.same("HINCRBYFLOAT", "flt2", "a", "1e70");
            s.same("OBJECT", "ENCODING", "flt2");
            String[] args = new String[2 + 2 * 513];
            args[0] = "HSET";
            args[1] = "many";
            for (int i = 0; i < 513; i++) {
                args[2 + 2 * i] = "f" + i;
                args[3 + 2 * i] = "v";
            }
            String[] first512 = java.util.Arrays.copyOf(args, 2 + 2 * 512);
            s.same(first512);
            s.same("OBJECT", "ENCODING", "many");
            s.same("HSET", "many", "one-more", "v");
            s.same("OBJECT", "ENCODING", "many");
            s.same("HDEL", "many", "one-more", "f1", "f2");
            s.same("OBJECT", "ENCODING", "many");
        });
    }

    @Test
    void bigHashes() {
        run(s -> {
            clearFake();
            String[] args = new String[2 + 2 * 600];
            args[0] = "HSET";
            args[1] = "big";
            for (int i = 0; i < 600; i++) {
                args[2 + 2 * i] = "field:" + i;
                args[3 + 2 * i] = "value:" + i;
            }
            s.same(args);
            s.same("HLEN", "big");
            s.sameUnordered("HKEYS", "big");
            s.sameUnordered("HVALS", "big");
            s.same("HGET", "big", "field:599");
            s.sameScan(2, "HSCAN", "big", "0");
            s.sameScan(2, "HSCAN", "big", "0", "MATCH", "field:1*", "COUNT", "7");
            s.same("HDEL", "big", "field:1", "field:2", "field:599");
            s.same("HLEN", "big");
            s.sameScan(2, "HSCAN", "big", "0", "COUNT", "50");
            // the fuzz test found this: a scan of a key of another type is an error, compared as one
            s.same("RPUSH", "list", "a");
            s.sameScan(2, "HSCAN", "list", "0");
            s.same("HRANDFIELD", "big", "0");
            // a long value converts a small hash too
            s.same("HSET", "long", "a", "1", "b", "x".repeat(65));
            s.sameUnordered("HGETALL", "long");
            s.same("HSET", "short", "a", "1", "b", "x".repeat(64));
            s.same("HGETALL", "short");
        });
    }
}
