package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SORT and SORT_RO: same bytes as Redis 7.0.15 in RESP2 and RESP3, errors included. */
class SortConformanceTest extends ConformanceTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void numericListSort() {
        run(s -> {
            s.same("RPUSH", "l", "3", "1", "2", "10", "-5", "1.5", "0", "-0", "1e2", "+7", " 4");
            s.same("SORT", "l");
            s.same("SORT", "l", "ASC");
            s.same("SORT", "l", "DESC");
            s.same("SORT_RO", "l");
            s.same("SORT_RO", "l", "DESC");
            s.same("sort", "l", "desc", "asc");
            s.same("SORT", "l", "ALPHA");
            s.same("SORT", "l", "ALPHA", "DESC");
            s.same("SORT", "l", "alpha", "limit", "2", "3");
            // duplicates and equal scores: byte-wise tie-break
            s.same("RPUSH", "d", "1", "01", "1.0", "1", "2", "02", "a0".substring(1));
            s.same("SORT", "d");
            s.same("SORT", "d", "DESC");
            s.same("SORT", "nokey");
            s.same("SORT", "nokey", "DESC", "ALPHA", "LIMIT", "0", "10");
            s.same("SORT_RO", "nokey");
        });
    }

    @Test
    void numericErrors() {
        run(s -> {
            s.same("RPUSH", "l", "1", "x", "2");
            s.same("SORT", "l");
            s.same("SORT", "l", "DESC");
            s.same("SORT", "l", "ALPHA");
            s.same("SORT", "l", "STORE", "dst");
            s.same("EXISTS", "dst");
            s.same("SORT", "l", "LIMIT", "0", "1");
            s.same("SORT", "l", "BY", "nosort");
            // scores read with strtod: what it accepts and what it rejects. Redis never clears errno
            // before strtod, so after an ERANGE value a later valid one fails too until some system
            // call resets errno: a new connection (accept ends with EAGAIN) does, so each value gets one.
            String[] values = {"1e-310", "1e-400", " 5", "", "0x10", "inf", "-inf", "infinity", "1e400", "-0", "0x",
                "1e", "5 ", "nan", "  ", "4.9e-324", "2.2250738585072014e-308", "1e-320", ".5", "5.", "+.e1",
                "0x1p-1074", "infx", "\t7", "0e0", "0.000", "-1e-400", "1_0", "0X1F", "+inf", "-3.5e+2"};
            s.same("RPUSH", "one", "x");
            s.same("RPUSH", "two", "x", "y");
            s.same("SET", "w_y", "-1");
            for (String v : values) {
                try (Session t = s.another()) {
                    t.same("SET", "w_x", v);
                    t.same("SORT", "one", "BY", "w_*");
                    t.same("SORT", "two", "BY", "w_*");
                    t.same("SORT", "two", "BY", "w_*", "DESC");
                } catch (AssertionError e) {
                    throw new AssertionError("value [" + v + "]", e);
                }
            }
            // a value with a NUL: strtod stops there
            s.same(b("SET"), b("w_x"), b("12\0junk"));
            s.same("SORT", "two", "BY", "w_*");
            s.same(b("SET"), b("w_x"), b("\0"));
            s.same("SORT", "two", "BY", "w_*");
            s.same(b("SET"), b("w_x"), b("x\0"));
            s.same("SORT", "two", "BY", "w_*");
        });
    }

    @Test
    void alphaSort() {
        run(s -> {
            s.same("RPUSH", "l", "b", "a", "B", "A", "ab", "a b", "10", "9", "\u00e9", "~", "", "zz", "Z");
            s.same("SORT", "l", "ALPHA");
            s.same("SORT", "l", "ALPHA", "DESC");
            s.same("SORT", "l", "ALPHA", "LIMIT", "1", "4");
            s.same("SORT", "l", "ALPHA", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            s.same("SORT", "l", "ALPHA", "DESC", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            // strcoll stops at NUL, the STORE comparison (memcmp) does not
            s.same(b("RPUSH"), b("n"), b("a\0z"), b("a\0b"), b("a"), b("a\0"), b("b"), b("\0"));
            s.same("SORT", "n", "ALPHA", "STORE", "nd");
            s.same("LRANGE", "nd", "0", "-1");
            s.same("SORT", "n", "ALPHA", "DESC", "STORE", "nd");
            s.same("LRANGE", "nd", "0", "-1");
            s.same(b("RPUSH"), b("n2"), b("c\0z"), b("a"), b("b\0a"));
            s.same("SORT", "n2", "ALPHA");
            s.same("SORT", "n2", "ALPHA", "DESC");
            // bytes that are not valid UTF-8 among valid ones
            s.same(b("RPUSH"), b("u"), b("\u00ff"), b("\u0080"), b("a"), b("\u00c3\u00a9"), b("\u00c3"), b("\u00e9"),
                    b("\u007f"), b("\u00f0\u009f\u0098\u0080"), b("\u00ef\u00bf\u00bf"), b("\u0001"), b("Z"));
            s.same("SORT", "u", "ALPHA");
            s.same("SORT", "u", "ALPHA", "DESC");
            s.same("SORT", "u", "ALPHA", "STORE", "ud");
            s.same("LRANGE", "ud", "0", "-1");
        });
    }

    @Test
    void limit() {
        run(s -> {
            s.same("RPUSH", "l", "5", "3", "9", "1", "7", "2");
            String[][] limits = {{"0", "0"}, {"0", "1"}, {"0", "-1"}, {"0", "-5"}, {"2", "3"}, {"2", "100"}, {"-1", "2"},
                {"-100", "3"}, {"5", "1"}, {"6", "1"}, {"7", "1"}, {"100", "-1"}, {"1", "0"},
                {"9223372036854775807", "9223372036854775807"}, {"-9223372036854775808", "-9223372036854775808"},
                {"0", "9223372036854775807"}, {"3", "-9223372036854775808"}};
            for (String[] lim : limits) {
                s.same("SORT", "l", "LIMIT", lim[0], lim[1]);
                s.same("SORT", "l", "LIMIT", lim[0], lim[1], "DESC");
                s.same("SORT", "l", "LIMIT", lim[0], lim[1], "ALPHA");
                s.same("SORT", "l", "BY", "nosort", "LIMIT", lim[0], lim[1]);
                s.same("SORT", "l", "BY", "nosort", "LIMIT", lim[0], lim[1], "DESC");
                s.same("SORT", "l", "LIMIT", lim[0], lim[1], "GET", "#", "GET", "nokey_*");
                s.same("SORT", "l", "LIMIT", lim[0], lim[1], "STORE", "dst");
                s.same("LRANGE", "dst", "0", "-1");
            }
            s.same("SORT", "nokey", "LIMIT", "0", "1");
            s.same("SORT", "nokey", "LIMIT", "-1", "-1");
            s.same("SORT", "nokey", "BY", "nosort", "LIMIT", "5", "5", "DESC");
            // the last LIMIT wins
            s.same("SORT", "l", "LIMIT", "0", "1", "LIMIT", "2", "2");
            // bad integers
            s.same("SORT", "l", "LIMIT", "x", "1");
            s.same("SORT", "l", "LIMIT", "1", "x");
            s.same("SORT", "l", "LIMIT", "1.5", "1");
            s.same("SORT", "l", "LIMIT", "9223372036854775808", "1");
            s.same("SORT", "l", "LIMIT", " 1", "1");
            s.same("SORT", "l", "LIMIT", "0");
            s.same("SORT", "l", "LIMIT");
            s.same("SORT", "l", "LIMIT", "0", "x", "BADOPT");
            s.same("SORT", "l", "BADOPT", "LIMIT", "0", "x");
        });
    }

    @Test
    void byPattern() {
        run(s -> {
            s.same("RPUSH", "l", "a", "b", "c", "d", "e");
            s.same("SET", "w_a", "5");
            s.same("SET", "w_b", "-2");
            s.same("SET", "w_c", "10");
            s.same("SET", "w_d", "5");
            // e has no weight: scores 0
            s.same("SORT", "l", "BY", "w_*");
            s.same("SORT", "l", "BY", "w_*", "DESC");
            s.same("SORT", "l", "BY", "w_*", "LIMIT", "1", "2");
            s.same("SORT", "l", "BY", "w_*", "LIMIT", "1", "2", "DESC");
            s.same("SORT", "l", "BY", "*");
            s.same("SORT", "l", "BY", "w_*_suffix");
            // ALPHA BY: missing keys come first
            s.same("SET", "s_a", "pear");
            s.same("SET", "s_b", "apple");
            s.same("SET", "s_c", "zebra");
            s.same("SET", "s_d", "Mango");
            s.same("SORT", "l", "BY", "s_*", "ALPHA");
            s.same("SORT", "l", "BY", "s_*", "ALPHA", "DESC");
            s.same("SORT", "l", "BY", "s_*", "ALPHA", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            // the weight key holds the wrong type: treated as missing
            s.same("RPUSH", "w_e", "1");
            s.same("SORT", "l", "BY", "w_*");
            s.same("SORT", "l", "BY", "w_*", "ALPHA");
            // hash fields
            s.same("HSET", "h_a", "f", "3", "g", "x");
            s.same("HSET", "h_b", "f", "1", "g", "y");
            s.same("HSET", "h_c", "f", "2");
            s.same("SET", "h_d", "9");
            s.same("SORT", "l", "BY", "h_*->f");
            s.same("SORT", "l", "BY", "h_*->f", "DESC");
            s.same("SORT", "l", "BY", "h_*->g", "ALPHA");
            s.same("SORT", "l", "BY", "h_*->g");
            s.same("SORT", "l", "BY", "h_*->nofield");
            s.same("SORT", "l", "BY", "h_*->");
            s.same("SET", "h_a->", "-1");
            s.same("SORT", "l", "BY", "h_*->");
            s.same("HSET", "x->y_a", "f", "-10");
            s.same("SORT", "l", "BY", "x->y_*->f");
            s.same("SORT", "l", "BY", "h_*->f->g");
            s.same("HSET", "h_b", "f->g", "-100");
            s.same("SORT", "l", "BY", "h_*->f->g");
            // two stars: only the first is substituted
            s.same("SET", "a*", "-50");
            s.same("SORT", "l", "BY", "**");
            // the last BY wins
            s.same("SORT", "l", "BY", "nosort", "BY", "w_*");
            s.same("SORT", "l", "BY", "w_*", "BY", "nosort");
            s.same("SORT", "l", "BY");
        });
    }

    @Test
    void nosort() {
        run(s -> {
            s.same("RPUSH", "l", "c", "a", "b", "1");
            s.same("SORT", "l", "BY", "nosort");
            s.same("SORT", "l", "BY", "nosort", "DESC");
            s.same("SORT", "l", "BY", "nosort", "ALPHA");
            s.same("SORT", "l", "BY", "nosort", "LIMIT", "1", "2");
            s.same("SORT", "l", "BY", "nosort", "LIMIT", "1", "2", "DESC");
            s.same("SORT", "l", "BY", "nosort", "GET", "#", "GET", "x_*");
            s.same("SORT", "l", "BY", "nosort", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            s.same("SORT", "l", "BY", "nosort", "DESC", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            s.same("SORT", "l", "BY", "");
            s.same(b("SORT"), b("l"), b("BY"), b("w_\0*"));
            s.same(b("SORT"), b("l"), b("BY"), b("w_*\0x"));
            // zsets keep their score order
            s.same("ZADD", "z", "3", "a", "1", "b", "2", "c", "1", "a1", "-1", "10", "5", "2");
            s.same("SORT", "z", "BY", "nosort");
            s.same("SORT", "z", "BY", "nosort", "DESC");
            s.same("SORT", "z", "BY", "nosort", "LIMIT", "1", "3");
            s.same("SORT", "z", "BY", "nosort", "LIMIT", "1", "3", "DESC");
            s.same("SORT", "z", "BY", "nosort", "LIMIT", "5", "10", "DESC");
            s.same("SORT", "z", "BY", "nosort", "LIMIT", "6", "10", "DESC");
            s.same("SORT", "z", "BY", "nosort", "LIMIT", "0", "0", "DESC");
            s.same("SORT", "z", "BY", "nosort", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            s.same("SORT", "z", "BY", "nosort", "GET", "#", "GET", "k_*");
            // intsets iterate in ascending order
            s.same("SADD", "is", "5", "-3", "10", "0");
            s.same("SORT", "is", "BY", "nosort");
            s.same("SORT", "is", "BY", "nosort", "DESC");
            s.same("SORT", "is", "BY", "nosort", "LIMIT", "1", "2");
            // a hashtable set: unspecified order unless stored (then sorted ALPHA)
            s.same("SADD", "hs", "b", "a", "10", "c", "9", "B");
            s.sameUnordered("SORT", "hs", "BY", "nosort");
            s.sameUnordered("SORT", "hs", "BY", "nosort", "DESC");
            s.same("SORT", "hs", "BY", "nosort", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            s.same("SORT", "hs", "BY", "nosort", "DESC", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            s.same("SORT", "hs", "BY", "nosort", "LIMIT", "1", "3", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            s.same("SORT", "is", "BY", "nosort", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            // inside a script a set is sorted too
            s.same("EVAL", "return redis.call('sort', KEYS[1], 'BY', 'nosort')", "1", "hs");
            s.same("EVAL", "return redis.call('sort', KEYS[1], 'BY', 'nosort', 'DESC')", "1", "hs");
            s.same("EVAL", "return redis.call('sort_ro', KEYS[1], 'BY', 'nosort', 'LIMIT', 1, 2)", "1", "hs");
            s.same("EVAL", "return redis.call('sort', KEYS[1], 'BY', 'nosort', 'DESC')", "1", "l");
            s.same("EVAL", "return redis.call('sort', KEYS[1])", "1", "hs");
        });
    }

    @Test
    void setsAndZsets() {
        run(s -> {
            s.same("SADD", "is", "5", "-3", "10", "0", "7");
            s.same("SORT", "is");
            s.same("SORT", "is", "DESC");
            s.same("SORT", "is", "ALPHA");
            s.same("SORT", "is", "LIMIT", "1", "2");
            s.same("SADD", "hs", "b", "a", "10", "c", "9", "B", "2.5");
            s.same("SORT", "hs", "ALPHA");
            s.same("SORT", "hs", "ALPHA", "DESC", "LIMIT", "0", "3");
            s.same("SORT", "hs");
            s.same("SADD", "ns", "3.5", "-1", "1e3", "0x10", "7");
            s.same("SORT", "ns");
            s.same("SORT", "ns", "DESC");
            s.same("SET", "w_7", "-100");
            s.same("SORT", "ns", "BY", "w_*");
            s.same("SORT", "ns", "BY", "w_*", "GET", "#", "GET", "w_*");
            // zsets sort by member, not by score
            s.same("ZADD", "z", "3", "1", "1", "30", "2", "2", "0", "100");
            s.same("SORT", "z");
            s.same("SORT", "z", "DESC");
            s.same("SORT", "z", "ALPHA");
            s.same("SORT", "z", "LIMIT", "1", "2");
            s.same("SORT", "z", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            s.same("ZADD", "zs", "1", "b", "2", "a");
            s.same("SORT", "zs");
            s.same("SORT", "zs", "ALPHA");
            s.sameUnordered("SORT", "zs", "BY", "w_*", "ALPHA");
            s.same("OBJECT", "ENCODING", "zs");
            // a skiplist-encoded zset
            s.same("ZADD", "big", "1", "x".repeat(100), "2", "y", "0", "a");
            s.same("SORT", "big", "ALPHA");
            s.same("SORT", "big", "BY", "nosort");
            s.same("SORT", "big", "BY", "nosort", "DESC", "LIMIT", "1", "1");
            s.same("OBJECT", "ENCODING", "big");
        });
    }

    @Test
    void getPatterns() {
        run(s -> {
            s.same("RPUSH", "l", "2", "1", "3");
            s.same("SET", "v_1", "one");
            s.same("SET", "v_2", "two");
            s.same("HSET", "h_1", "name", "uno", "n", "1");
            s.same("HSET", "h_3", "name", "tres");
            s.same("SORT", "l", "GET", "v_*");
            s.same("SORT", "l", "GET", "#");
            s.same("SORT", "l", "GET", "#", "GET", "v_*", "GET", "h_*->name", "GET", "h_*->n", "GET", "nostar");
            s.same("SORT", "l", "GET", "v_*", "DESC", "LIMIT", "0", "2");
            s.same("SORT", "l", "GET", "h_*->");
            s.same("SORT", "l", "GET", "*");
            s.same("SORT", "l", "GET", "##");
            s.same("SORT", "l", "GET", "#*");
            s.same(b("SORT"), b("l"), b("GET"), b("#\0x"));
            s.same("SORT", "l", "GET", "v_*", "GET", "v_*");
            // strings edited in place and INCRBYFLOAT results are strings too
            s.same("APPEND", "v_3", "ee");
            s.same("SET", "w_1", "1");
            s.same("INCRBYFLOAT", "w_1", "10.5");
            s.same("SET", "w_2", "2");
            s.same("APPEND", "w_2", "0");
            s.same("SORT", "l", "BY", "w_*", "GET", "v_*", "GET", "w_*");
            s.same("SORT", "l", "BY", "w_*", "GET", "v_*", "STORE", "dst");
            s.same("APPEND", "v_3", "ff");
            s.same("LRANGE", "dst", "0", "-1");
            s.same("SORT", "v_3");
            s.same("DEL", "v_3", "w_1", "w_2");
            s.same("SORT", "l", "GET");
            // wrong types give nil
            s.same("SET", "h_2", "str");
            s.same("RPUSH", "v_3", "x");
            s.same("SORT", "l", "GET", "v_*", "GET", "h_*->name");
            s.same("SORT", "l", "BY", "v_*", "ALPHA", "GET", "#");
            s.same("SORT_RO", "l", "GET", "v_*", "GET", "#");
            // STORE: missing values become empty strings
            s.same("SORT", "l", "GET", "v_*", "GET", "#", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            s.same("SORT", "l", "LIMIT", "0", "0", "GET", "v_*", "STORE", "dst");
            s.same("EXISTS", "dst");
            s.same("SORT", "nokey", "GET", "#", "GET", "v_*");
        });
    }

    @Test
    void store() {
        run(s -> {
            s.same("RPUSH", "l", "3", "1", "2");
            s.same("SORT", "l", "STORE", "dst");
            s.same("TYPE", "dst");
            s.same("OBJECT", "ENCODING", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            // overwrites any type and drops the TTL
            s.same("SET", "str", "x");
            s.same("EXPIRE", "str", "100");
            s.same("SORT", "l", "STORE", "str");
            s.same("TTL", "str");
            s.same("LRANGE", "str", "0", "-1");
            s.same("SADD", "set", "a");
            s.same("SORT", "l", "DESC", "STORE", "set");
            s.same("LRANGE", "set", "0", "-1");
            // onto itself
            s.same("SORT", "l", "DESC", "STORE", "l");
            s.same("LRANGE", "l", "0", "-1");
            // empty result deletes the destination
            s.same("SORT", "nokey", "STORE", "dst");
            s.same("EXISTS", "dst");
            s.same("SORT", "nokey", "STORE", "dst");
            s.same("SORT", "l", "LIMIT", "10", "1", "STORE", "str");
            s.same("EXISTS", "str");
            // errors leave the destination alone
            s.same("RPUSH", "bad", "x");
            s.same("SORT", "l", "STORE", "dst");
            s.same("SORT", "bad", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            s.same("SET", "strk", "v");
            s.same("SORT", "strk", "STORE", "dst");
            s.same("LRANGE", "dst", "0", "-1");
            // the last STORE wins; STORE needs its argument
            s.same("SORT", "l", "STORE", "a", "STORE", "b");
            s.same("EXISTS", "a", "b");
            s.same("SORT", "l", "STORE");
            // SORT_RO has no STORE
            s.same("SORT_RO", "l", "STORE", "ro");
            s.same("SORT_RO", "l", "STORE");
            s.same("EXISTS", "ro");
        });
    }

    @Test
    void errors() {
        run(s -> {
            s.same("SET", "str", "x");
            s.same("HSET", "h", "f", "v");
            s.same("RPUSH", "l", "1");
            s.same("SORT", "str");
            s.same("SORT", "h");
            s.same("SORT_RO", "str");
            s.same("SORT_RO", "h", "ALPHA");
            s.same("SORT", "str", "BY", "nosort");
            // syntax errors come before the type check
            s.same("SORT", "str", "BADOPT");
            s.same("SORT", "str", "LIMIT", "x", "1");
            s.same("SORT", "l", "BADOPT");
            s.same("SORT", "l", "ASC", "x");
            s.same("SORT", "l", "GET");
            s.same("SORT", "l", "BY");
            s.same("SORT", "l", "DESC", "LIMIT", "1");
            s.same("SORT_RO", "l", "BADOPT");
            s.same("SORT");
            s.same("SORT_RO");
            s.same("sOrT", "l", "aLpHa", "dEsC", "LiMiT", "0", "1");
            s.same("SORT", "l", "STORE", "dst");
            s.same("SORT_RO", "l", "STORE", "dst", "ALPHA");
            s.same("COMMAND", "GETKEYS", "SORT", "l", "STORE", "d1", "GET", "x_*", "STORE", "d2");
            s.same("COMMAND", "GETKEYS", "SORT", "l", "LIMIT", "0", "1", "BY", "w_*");
            s.same("COMMAND", "GETKEYS", "SORT_RO", "l", "GET", "x_*");
            s.same("EVAL", "return redis.call('sort', KEYS[1], 'GET', '#', 'GET', 'nokey_*')", "1", "l");
            s.same("EVAL", "return redis.pcall('sort', KEYS[1])", "1", "str");
            s.same("EVAL", "return redis.pcall('sort_ro', KEYS[1], 'STORE', 'x')", "1", "l");
        });
    }

    /** ALPHA BY leaves ties unbroken: their order is glibc's stable qsort, or Redis's pqsort with LIMIT. */
    @Test
    void tiesFollowRedisSortAlgorithms() {
        run(s -> {
            int[] sizes = {5, 7, 8, 20, 41, 90, 301};
            String[][] limits = {{"0", "3"}, {"2", "5"}, {"1", "-1"}, {"10", "10"}, {"30", "40"}, {"0", "1000"},
                {"85", "3"}, {"100", "50"}, {"250", "60"}, {"299", "5"}};
            for (int size : sizes) {
                String key = "l" + size;
                String[] push = new String[size + 2];
                push[0] = "RPUSH";
                push[1] = key;
                for (int i = 0; i < size; i++) {
                    String e = "e" + ((i * 37) % size);
                    push[i + 2] = e;
                    int w = (i * 7) % 5;
                    if (w < 3) s.same("SET", "w_" + e, "v" + w);
                    if (w != 4) s.same("SET", "n_" + e, Integer.toString(w));
                }
                s.same(push);
                s.same("SORT", key, "BY", "w_*", "ALPHA");
                s.same("SORT", key, "BY", "w_*", "ALPHA", "DESC");
                s.same("SORT", key, "BY", "n_*");
                s.same("SORT", key, "BY", "n_*", "DESC");
                s.same("SORT", key, "BY", "w_*", "ALPHA", "STORE", "dst");
                s.same("LRANGE", "dst", "0", "-1");
                for (String[] lim : limits) {
                    s.same("SORT", key, "BY", "w_*", "ALPHA", "LIMIT", lim[0], lim[1]);
                    s.same("SORT", key, "BY", "w_*", "ALPHA", "DESC", "LIMIT", lim[0], lim[1]);
                    s.same("SORT", key, "BY", "w_*", "ALPHA", "LIMIT", lim[0], lim[1], "GET", "w_*", "GET", "#");
                    s.same("SORT", key, "BY", "n_*", "LIMIT", lim[0], lim[1]);
                    s.same("SORT", key, "BY", "n_*", "DESC", "LIMIT", lim[0], lim[1]);
                    s.same("SORT", key, "BY", "w_*", "ALPHA", "LIMIT", lim[0], lim[1], "STORE", "dst");
                    s.same("LRANGE", "dst", "0", "-1");
                }
            }
        });
    }

    /** Reads what the real subscriber got up to the PONG, then as many frames from the fake. */
    private static void sameEvents(Session sub, String what) {
        sub.real.write(RawConnection.encode(RawConnection.utf8("PING")));
        sub.fake.write(RawConnection.encode(RawConnection.utf8("PING")));
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        for (;;) {
            byte[] frame = sub.real.read();
            r.writeBytes(frame);
            f.writeBytes(sub.fake.read());
            String t = new String(frame, StandardCharsets.ISO_8859_1);
            if (t.startsWith("+PONG") || t.equals("*2\r\n$4\r\npong\r\n$0\r\n\r\n")) break;
        }
        assertEquals(RawConnection.show(r.toByteArray()), RawConnection.show(f.toByteArray()),
                "RESP" + sub.resp + " events differ after " + what);
    }

    @Test
    void keyspaceEvents() {
        run(s -> {
            s.real.call("CONFIG", "SET", "notify-keyspace-events", "KEAmn");
            engine.config().set("notify-keyspace-events", "KEAmn");
            try (Session sub = s.another()) {
                sub.real.call("SUBSCRIBE", "__keyevent@0__:sortstore", "__keyevent@0__:del", "__keyspace@0__:dst",
                        "__keyevent@0__:keymiss", "__keyevent@0__:new");
                sub.fake.call("SUBSCRIBE", "__keyevent@0__:sortstore", "__keyevent@0__:del", "__keyspace@0__:dst",
                        "__keyevent@0__:keymiss", "__keyevent@0__:new");
                for (int i = 0; i < 4; i++) {
                    sub.real.read();
                    sub.fake.read();
                }
                s.same("RPUSH", "l", "2", "1", "3");
                s.same("SET", "w_1", "5");
                sameEvents(sub, "setup");
                s.same("SORT", "l", "STORE", "dst");
                sameEvents(sub, "SORT STORE (new key)");
                s.same("SORT", "l", "DESC", "STORE", "dst");
                sameEvents(sub, "SORT STORE (existing key)");
                s.same("SORT", "l", "BY", "w_*", "GET", "#", "GET", "v_*", "GET", "w_*->f");
                sameEvents(sub, "SORT BY GET (keymiss)");
                s.same("SORT", "nokey", "STORE", "dst");
                sameEvents(sub, "SORT empty STORE (del)");
                s.same("SORT", "nokey", "STORE", "dst");
                sameEvents(sub, "SORT empty STORE, nothing to delete");
                s.same("RPUSH", "bad", "x");
                s.same("SORT", "bad", "STORE", "dst");
                sameEvents(sub, "SORT error");
            } finally {
                s.real.call("CONFIG", "SET", "notify-keyspace-events", "");
                engine.config().set("notify-keyspace-events", "");
            }
        });
    }

    private static void awaitBlocked(RawConnection c) {
        for (int i = 0; i < 500; i++) {
            String info = new String(c.call("INFO", "clients"), StandardCharsets.ISO_8859_1);
            if (info.contains("blocked_clients:1\r")) return;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the BLPOP client never blocked");
    }

    private static long dirty(RawConnection c) {
        String info = new String(c.call("INFO", "persistence"), StandardCharsets.ISO_8859_1);
        int at = info.indexOf("rdb_changes_since_last_save:") + "rdb_changes_since_last_save:".length();
        return Long.parseLong(info.substring(at, info.indexOf('\r', at)));
    }

    @Test
    void watchAndStats() {
        run(s -> {
            s.same("RPUSH", "l", "2", "1");
            s.same("CONFIG", "RESETSTAT");
            s.same("SORT", "l", "BY", "w_*", "GET", "#", "GET", "x_*");
            s.same("SORT", "nokey");
            String[] stats = {new String(s.real.call("INFO", "stats"), StandardCharsets.ISO_8859_1),
                new String(s.fake.call("INFO", "stats"), StandardCharsets.ISO_8859_1)};
            for (String key : new String[] {"keyspace_hits:", "keyspace_misses:"}) {
                String[] v = new String[2];
                for (int i = 0; i < 2; i++) {
                    int at = stats[i].indexOf(key);
                    v[i] = stats[i].substring(at, stats[i].indexOf('\r', at));
                }
                assertEquals(v[0], v[1]);
            }
            // rdb_changes_since_last_save grows by the stored length, by one for a deletion
            long[] before = {dirty(s.real), dirty(s.fake)};
            s.same("SORT", "l", "STORE", "dst");
            s.same("SORT", "l", "GET", "#", "GET", "#", "STORE", "dst");
            s.same("SORT", "nokey", "STORE", "dst");
            s.same("SORT", "nokey", "STORE", "dst");
            assertEquals(dirty(s.real) - before[0], dirty(s.fake) - before[1]);
            // STORE invalidates WATCH; an empty result on a missing destination does not
            try (Session o = s.another()) {
                s.same("WATCH", "dst");
                o.same("SORT", "l", "STORE", "dst");
                s.same("MULTI");
                s.same("PING");
                s.same("EXEC");
                s.same("WATCH", "none");
                o.same("SORT", "nokey", "STORE", "none");
                s.same("MULTI");
                s.same("PING");
                s.same("EXEC");
                s.same("WATCH", "dst");
                o.same("SORT", "nokey", "STORE", "dst");
                s.same("MULTI");
                s.same("PING");
                s.same("EXEC");
                // a client blocked on the destination is served
                s.same("DEL", "dst");
                o.real.write(RawConnection.encode(RawConnection.utf8("BLPOP", "dst", "0")));
                o.fake.write(RawConnection.encode(RawConnection.utf8("BLPOP", "dst", "0")));
                awaitBlocked(s.real);
                awaitBlocked(s.fake);
                s.same("SORT", "l", "DESC", "STORE", "dst");
                assertEquals(RawConnection.show(o.real.read()), RawConnection.show(o.fake.read()));
                s.same("LRANGE", "dst", "0", "-1");
                s.same("MULTI");
                s.same("SORT", "l", "STORE", "dst");
                s.same("SORT_RO", "l", "STORE", "dst");
                s.same("SORT", "l", "DESC");
                s.same("EXEC");
            }
        });
    }
}
