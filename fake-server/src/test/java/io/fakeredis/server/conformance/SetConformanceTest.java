package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Set commands against the real server, RESP2 and RESP3. */
class SetConformanceTest extends FlushingConformanceTest {

    @Test
    void addRemoveCard() {
        run(s -> {
            s.same("SADD", "s", "3", "1", "2", "2");
            s.same("SADD", "s", "1", "4");
            s.same("SMEMBERS", "s");
            s.same("SCARD", "s");
            s.same("SCARD", "nokey");
            s.same("SISMEMBER", "s", "1");
            s.same("SISMEMBER", "s", "x");
            s.same("SISMEMBER", "nokey", "x");
            s.same("SMISMEMBER", "s", "1", "x", "4");
            s.same("SMISMEMBER", "nokey", "1");
            s.same("SMISMEMBER", "s");
            s.same("SREM", "s", "1", "9");
            s.same("SREM", "nokey", "1");
            s.same("SREM", "s", "2", "3", "4", "5");
            s.same("SCARD", "s");
            s.same("SMEMBERS", "s");
            s.same("SADD", "s");
            s.same("SREM", "s");
            s.same("SADD", "h", "a", "b", "c");
            s.sameUnordered("SMEMBERS", "h");
            s.same("SADD", "neg", "-5", "10", "0", "-9223372036854775808", "9223372036854775807", "007");
            s.sameUnordered("SMEMBERS", "neg");
            s.same("SADD", "ints", "-5", "10", "0", "-9223372036854775808", "9223372036854775807", "3");
            s.same("SMEMBERS", "ints");
            s.same("SREM", "ints", "03", "3");
            s.same("SMEMBERS", "ints");
            s.same("SET", "str", "v");
            s.same("SADD", "str", "a");
            s.same("SREM", "str", "a");
            s.same("SCARD", "str");
            s.same("SISMEMBER", "str", "a");
            s.same("SMISMEMBER", "str", "a");
            s.same("SMEMBERS", "str");
            s.same("SMEMBERS", "nokey");
        });
    }

    @Test
    void intsetLimitAndOrder() {
        run(s -> {
            String[] args = new String[2 + 600];
            args[0] = "SADD";
            args[1] = "big";
            for (int i = 0; i < 600; i++) args[2 + i] = Integer.toString(600 - i);
            s.same(args);
            s.sameUnordered("SMEMBERS", "big");
            s.same("SCARD", "big");
            String[] small = new String[2 + 512];
            small[0] = "SADD";
            small[1] = "small";
            for (int i = 0; i < 512; i++) small[2 + i] = Integer.toString(1000 - i);
            s.same(small);
            s.same("SMEMBERS", "small");
            s.same("SADD", "small", "x");
            s.sameUnordered("SMEMBERS", "small");
        });
    }

    @Test
    void smove() {
        run(s -> {
            s.same("SADD", "a", "1", "2", "x");
            s.same("SADD", "b", "3");
            s.same("SMOVE", "a", "b", "1");
            s.same("SMOVE", "a", "b", "nope");
            s.same("SMOVE", "nokey", "b", "1");
            s.same("SMOVE", "a", "a", "2");
            s.same("SMOVE", "a", "a", "9");
            s.same("SMOVE", "a", "new", "x");
            s.same("SMEMBERS", "new");
            s.same("SMOVE", "a", "b", "2");
            s.same("SCARD", "a");
            s.same("SMEMBERS", "b");
            s.same("SET", "str", "v");
            s.same("SMOVE", "str", "b", "1");
            s.same("SMOVE", "b", "str", "1");
            s.same("SMOVE", "nokey", "str", "1");
            s.same("SMOVE", "b", "str", "nope");
            s.same("SMOVE", "b", "b", "1");
        });
    }

    @Test
    void popAndRandom() {
        run(s -> {
            s.same("SPOP", "nokey");
            s.same("SPOP", "nokey", "3");
            s.same("SPOP", "nokey", "0");
            s.same("SPOP", "nokey", "-1");
            s.same("SPOP", "nokey", "x");
            s.same("SPOP", "nokey", "1", "2");
            s.same("SRANDMEMBER", "nokey");
            s.same("SRANDMEMBER", "nokey", "5");
            s.same("SRANDMEMBER", "nokey", "-5");
            s.same("SRANDMEMBER", "nokey", "0");
            s.same("SRANDMEMBER", "nokey", "x");
            s.same("SRANDMEMBER", "nokey", "-9223372036854775808");
            s.same("SRANDMEMBER", "nokey", "1", "2");
            s.same("SADD", "s", "1", "2", "3");
            s.same("SRANDMEMBER", "s", "3");
            s.same("SRANDMEMBER", "s", "10");
            s.same("SRANDMEMBER", "s", "0");
            s.same("SPOP", "s", "0");
            assertEquals(4, Reply.sameShapeCount(s.both("SRANDMEMBER", "s", "-4")));
            assertEquals(2, Reply.sameShapeCount(s.both("SRANDMEMBER", "s", "2")));
            s.same("SPOP", "s", "3");
            s.same("SCARD", "s");
            s.same("SADD", "s", "1", "2", "3", "a");
            s.sameUnordered("SPOP", "s", "10");
            s.same("SADD", "s", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            assertEquals(3, Reply.sameShapeCount(s.both("SPOP", "s", "3")));
            s.same("SCARD", "s");
            assertEquals(6, Reply.sameShapeCount(s.both("SPOP", "s", "6")));
            s.same("SCARD", "s");
            s.both("SPOP", "s");
            s.same("SCARD", "s");
            s.same("SET", "str", "v");
            s.same("SPOP", "str");
            s.same("SPOP", "str", "1");
            s.same("SRANDMEMBER", "str");
            s.same("SRANDMEMBER", "str", "1");
        });
    }

    @Test
    void algebra() {
        run(s -> {
            s.same("SADD", "a", "1", "2", "3", "4");
            s.same("SADD", "b", "3", "4", "5");
            s.same("SADD", "c", "x", "4", "3");
            s.same("SINTER", "a", "b");
            s.sameUnordered("SINTER", "a", "c");
            s.same("SINTER", "a", "nokey");
            s.same("SINTER", "nokey", "a");
            s.same("SUNION", "a", "b");
            s.sameUnordered("SUNION", "a", "c");
            s.same("SUNION", "nokey");
            s.same("SDIFF", "a", "b");
            s.same("SDIFF", "a", "nokey", "b");
            s.same("SDIFF", "nokey", "a");
            s.same("SDIFF", "a", "a");
            s.sameUnordered("SDIFF", "c", "a");
            s.same("SINTERSTORE", "d", "a", "b");
            s.same("SMEMBERS", "d");
            s.same("SINTERSTORE", "d", "a", "nokey");
            s.same("SCARD", "d");
            s.same("SUNIONSTORE", "d", "a", "b");
            s.same("SMEMBERS", "d");
            s.same("SDIFFSTORE", "d", "a", "b");
            s.same("SMEMBERS", "d");
            s.same("SDIFFSTORE", "d", "a", "a");
            s.same("SCARD", "d");
            s.same("SUNIONSTORE", "a", "a", "c");
            s.sameUnordered("SMEMBERS", "a");
            s.same("SINTERCARD", "2", "a", "b");
            s.same("SINTERCARD", "2", "a", "b", "LIMIT", "1");
            s.same("SINTERCARD", "2", "a", "b", "limit", "0");
            s.same("SINTERCARD", "1", "a", "LIMIT", "100");
            s.same("SINTERCARD", "2", "a", "nokey");
            s.same("SINTERCARD", "0", "a");
            s.same("SINTERCARD", "-1", "a");
            s.same("SINTERCARD", "x", "a");
            s.same("SINTERCARD", "3", "a", "b");
            s.same("SINTERCARD", "1", "a", "LIMIT");
            s.same("SINTERCARD", "1", "a", "LIMIT", "-1");
            s.same("SINTERCARD", "1", "a", "LIMIT", "x");
            s.same("SINTERCARD", "1", "a", "FOO", "1");
            s.same("SINTERCARD", "1");
            s.same("SET", "str", "v");
            s.same("SINTER", "a", "str");
            s.same("SINTER", "nokey", "str");
            s.same("SUNION", "a", "str");
            s.same("SDIFF", "nokey", "str");
            s.same("SINTERSTORE", "d", "a", "str");
            s.same("SUNIONSTORE", "d", "a", "str");
            s.same("SDIFFSTORE", "d", "a", "str");
            s.same("SINTERCARD", "2", "a", "str");
            s.same("SUNIONSTORE", "str", "a");
            s.sameUnordered("SMEMBERS", "str");
            s.same("SINTERSTORE");
            s.same("SINTER");
        });
    }

    @Test
    void sscan() {
        run(s -> {
            s.same("SSCAN", "nokey", "0");
            s.same("SADD", "i", "1", "2", "3", "10");
            s.same("SSCAN", "i", "0");
            s.same("SSCAN", "i", "0", "MATCH", "1*");
            s.same("SSCAN", "i", "0", "COUNT", "1");
            s.same("SSCAN", "i", "0", "COUNT", "0");
            s.same("SSCAN", "i", "0", "COUNT", "x");
            s.same("SSCAN", "i", "0", "MATCH");
            s.same("SSCAN", "i", "0", "FOO", "bar");
            s.same("SSCAN", "i", "x");
            s.same("SSCAN", "i", "-1");
            s.same("SSCAN", "nokey", "0", "COUNT", "0");
            String[] args = new String[2 + 300];
            args[0] = "SADD";
            args[1] = "h";
            for (int i = 0; i < 300; i++) args[2 + i] = "m" + i;
            s.same(args);
            s.sameScan(2, "SSCAN", "h", "0");
            s.sameScan(2, "SSCAN", "h", "0", "COUNT", "7");
            s.sameScan(2, "SSCAN", "h", "0", "MATCH", "m1*");
            s.sameScan(2, "SSCAN", "h", "0", "MATCH", "m[1-3]?", "COUNT", "50");
            s.sameScan(2, "SSCAN", "h", "0", "MATCH", "*9");
            s.same("SET", "str", "v");
            s.same("SSCAN", "str", "0");
        });
    }

    @Test
    void edgeCases() {
        run(s -> {
            s.same("SADD", "a", "1", "2", "3");
            s.same("SADD", "b", "2", "3", "4");
            s.same("SINTERSTORE", "a", "a", "b");
            s.same("SMEMBERS", "a");
            s.same("SDIFFSTORE", "b", "b", "a");
            s.same("SMEMBERS", "b");
            s.same("SMISMEMBER", "b", "4", "4", "x");
            s.same("SADD", "e", "");
            s.same("SMEMBERS", "e");
            s.same("SISMEMBER", "e", "");
            s.same("SADD", "n", "-0", "0", "+1", "1", " 1", "1.0");
            s.sameUnordered("SMEMBERS", "n");
            s.same("SCARD", "n");
            s.same("SUNION", "a", "b", "nokey");
            s.same("SDIFF", "a", "a", "nokey");
            s.same("SINTER", "a", "a");
            s.same("SINTERCARD", "2", "a", "a", "LIMIT", "9223372036854775807");
            s.same("SRANDMEMBER", "b", "-1"); // b holds one member: the pick is deterministic
            s.same("SPOP", "a", "9223372036854775807");
            s.same("SCARD", "a");
        });
    }
}
