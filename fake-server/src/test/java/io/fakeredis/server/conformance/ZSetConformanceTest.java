package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sorted set commands against the real server, RESP2 and RESP3. */
class ZSetConformanceTest extends FlushingConformanceTest {

    @Test
    void zaddOptions() {
        run(s -> {
            s.same("ZADD", "z", "1", "a", "2", "b", "1.1", "c");
            s.same("ZRANGE", "z", "0", "-1", "WITHSCORES");
            s.same("ZADD", "z", "NX", "5", "a", "6", "d");
            s.same("ZADD", "z", "XX", "5", "a", "6", "e");
            s.same("ZADD", "z", "XX", "CH", "7", "a", "2", "b", "9", "nope");
            s.same("ZADD", "z", "CH", "7", "a", "8", "b", "9", "new");
            s.same("ZADD", "z", "GT", "CH", "1", "a", "100", "b");
            s.same("ZADD", "z", "LT", "CH", "1", "a", "100", "b", "3", "lt-new");
            s.same("ZADD", "z", "GT", "XX", "CH", "1000", "a", "1", "zz");
            s.same("ZADD", "z", "INCR", "2.5", "a");
            s.same("ZADD", "z", "INCR", "NX", "2.5", "a");
            s.same("ZADD", "z", "INCR", "XX", "2.5", "nope");
            s.same("ZADD", "z", "INCR", "GT", "-1", "a");
            s.same("ZADD", "z", "INCR", "LT", "-1", "a");
            s.same("ZADD", "z", "INCR", "2.5", "fresh");
            s.same("ZADD", "z", "incr", "xx", "gt", "ch", "0", "fresh");
            s.same("ZRANGE", "z", "0", "-1", "WITHSCORES");
            s.same("ZADD", "z", "NX", "XX", "1", "a");
            s.same("ZADD", "z", "NX", "GT", "1", "a");
            s.same("ZADD", "z", "LT", "GT", "1", "a");
            s.same("ZADD", "z", "NX", "LT", "1", "a");
            s.same("ZADD", "z", "INCR", "1", "a", "2", "b");
            s.same("ZADD", "z", "1");
            s.same("ZADD", "z", "1", "a", "2");
            s.same("ZADD", "z", "NX", "1");
            s.same("ZADD", "z", "x", "a");
            s.same("ZADD", "z", "nan", "a");
            s.same("ZADD", "z", "1e400", "a");
            s.same("ZADD", "z", "1e-400", "a");
            s.same("ZADD", "z", " 1", "a");
            s.same("ZADD", "z", "1 ", "a");
            s.same("ZADD", "z", "", "a");
            s.same("ZADD", "z", "NX", "x", "a");
            s.same("ZADD", "z", "1", "a", "x", "b");
            s.same("ZADD", "z");
            s.same("ZADD", "z", "1");
            s.same("ZADD", "nz", "XX", "1", "a");
            s.same("ZADD", "nz", "XX", "INCR", "1", "a");
            s.same("ZCARD", "nz");
            s.same("ZADD", "inf", "inf", "a", "-inf", "b", "+inf", "c", "-0", "d", "0", "e", "1e308", "f", "-1e308", "g");
            s.same("ZRANGE", "inf", "0", "-1", "WITHSCORES");
            s.same("ZADD", "inf", "INCR", "-inf", "a");
            s.same("ZINCRBY", "inf", "-inf", "a");
            s.same("ZINCRBY", "inf", "1e308", "f");
            s.same("ZSCORE", "inf", "f");
            s.same("ZADD", "inf", "0x10", "hex", "1E2", "e2", "0.1", "tenth", "12345678901234567890", "big", "3.0", "three");
            s.same("ZRANGE", "inf", "0", "-1", "WITHSCORES");
            s.same("SET", "str", "v");
            s.same("ZADD", "str", "1", "a");
            s.same("ZADD", "str", "x", "a");
            s.same("ZINCRBY", "str", "1", "a");
        });
    }

    @Test
    void zincrbyAndScores() {
        run(s -> {
            s.same("ZINCRBY", "z", "1.1", "a");
            s.same("ZINCRBY", "z", "1.1", "a");
            s.same("ZINCRBY", "z", "-2.2", "a");
            s.same("ZINCRBY", "z", "x", "a");
            s.same("ZINCRBY", "z", "nan", "a");
            s.same("ZINCRBY", "z", "nx", "a");
            s.same("ZINCRBY", "z", "1", "a", "b");
            s.same("ZSCORE", "z", "a");
            s.same("ZSCORE", "z", "nope");
            s.same("ZSCORE", "nokey", "a");
            s.same("ZMSCORE", "z", "a", "nope", "a");
            s.same("ZMSCORE", "nokey", "a", "b");
            s.same("ZADD", "neg", "-0", "a");
            s.same("ZSCORE", "neg", "a");
            s.same("ZINCRBY", "neg", "-0", "b");
            s.same("ZRANGE", "neg", "0", "-1", "WITHSCORES");
            s.same("SET", "str", "v");
            s.same("ZSCORE", "str", "a");
            s.same("ZMSCORE", "str", "a");
            s.same("ZMSCORE", "z");
        });
    }

    @Test
    void cardRankRem() {
        run(s -> {
            s.same("ZADD", "z", "1", "a", "2", "b", "3", "c", "3", "d", "-1", "e");
            s.same("ZCARD", "z");
            s.same("ZCARD", "nokey");
            s.same("ZRANK", "z", "a");
            s.same("ZRANK", "z", "d");
            s.same("ZREVRANK", "z", "d");
            s.same("ZREVRANK", "z", "e");
            s.same("ZRANK", "z", "nope");
            s.same("ZRANK", "nokey", "a");
            s.same("ZREVRANK", "nokey", "a");
            s.same("ZRANK", "z", "a", "WITHSCORE");
            s.same("ZREM", "z", "a", "nope", "a");
            s.same("ZREM", "nokey", "a");
            s.same("ZREM", "z", "b", "c", "d", "e", "f");
            s.same("ZCARD", "z");
            s.same("SET", "str", "v");
            s.same("ZCARD", "str");
            s.same("ZRANK", "str", "a");
            s.same("ZREM", "str", "a");
        });
    }

    @Test
    void countAndLexCount() {
        run(s -> {
            s.same("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e");
            s.same("ZCOUNT", "z", "-inf", "+inf");
            s.same("ZCOUNT", "z", "2", "4");
            s.same("ZCOUNT", "z", "(2", "(4");
            s.same("ZCOUNT", "z", "(2", "4");
            s.same("ZCOUNT", "z", "4", "2");
            s.same("ZCOUNT", "z", "(3", "(3");
            s.same("ZCOUNT", "z", "3", "3");
            s.same("ZCOUNT", "z", "x", "3");
            s.same("ZCOUNT", "z", "1", "(x");
            s.same("ZCOUNT", "z", "((1", "3");
            s.same("ZCOUNT", "z", "nan", "3");
            s.same("ZCOUNT", "z", "(", "3");
            s.same("ZCOUNT", "z", "", "3");
            s.same("ZCOUNT", "z", "-inf", "inf");
            s.same("ZCOUNT", "z", "1e400", "inf");
            s.same("ZCOUNT", "nokey", "0", "1");
            s.same("ZCOUNT", "nokey", "x", "1");
            s.same("ZADD", "l", "0", "a", "0", "b", "0", "c", "0", "d", "0", "e", "0", "");
            s.same("ZLEXCOUNT", "l", "-", "+");
            s.same("ZLEXCOUNT", "l", "[b", "[d");
            s.same("ZLEXCOUNT", "l", "(b", "(d");
            s.same("ZLEXCOUNT", "l", "(b", "+");
            s.same("ZLEXCOUNT", "l", "-", "(c");
            s.same("ZLEXCOUNT", "l", "[", "[a");
            s.same("ZLEXCOUNT", "l", "(", "[a");
            s.same("ZLEXCOUNT", "l", "+", "-");
            s.same("ZLEXCOUNT", "l", "-", "-");
            s.same("ZLEXCOUNT", "l", "+", "+");
            s.same("ZLEXCOUNT", "l", "[d", "[b");
            s.same("ZLEXCOUNT", "l", "[c", "(c");
            s.same("ZLEXCOUNT", "l", "[c", "[c");
            s.same("ZLEXCOUNT", "l", "b", "[d");
            s.same("ZLEXCOUNT", "l", "[b", "d");
            s.same("ZLEXCOUNT", "l", "-x", "+");
            s.same("ZLEXCOUNT", "l", "-", "+x");
            s.same("ZLEXCOUNT", "l", "", "+");
            s.same("ZLEXCOUNT", "nokey", "-", "+");
            s.same("ZLEXCOUNT", "nokey", "x", "+");
            s.same("SET", "str", "v");
            s.same("ZCOUNT", "str", "0", "1");
            s.same("ZLEXCOUNT", "str", "-", "+");
            s.same("ZCOUNT", "str", "x", "1");
        });
    }

    @Test
    void zrangeByRank() {
        run(s -> {
            s.same("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "1.5", "f");
            for (String[] r : new String[][] {{"0", "-1"}, {"0", "0"}, {"-2", "-1"}, {"2", "1"}, {"-100", "100"},
                    {"5", "10"}, {"6", "10"}, {"-1", "-100"}, {"1", "-2"},
                    {"-9223372036854775808", "9223372036854775807"}}) {
                s.same("ZRANGE", "z", r[0], r[1]);
                s.same("ZRANGE", "z", r[0], r[1], "WITHSCORES");
                s.same("ZRANGE", "z", r[0], r[1], "REV", "WITHSCORES");
                s.same("ZREVRANGE", "z", r[0], r[1]);
                s.same("ZREVRANGE", "z", r[0], r[1], "withscores");
            }
            s.same("ZRANGE", "z", "x", "1");
            s.same("ZRANGE", "z", "0", "1.5");
            s.same("ZRANGE", "z", "0", "1", "LIMIT", "0", "1");
            s.same("ZRANGE", "z", "0", "1", "FOO");
            s.same("ZRANGE", "z", "0", "1", "WITHSCORES", "WITHSCORES");
            s.same("ZRANGE", "z", "0", "1", "REV", "REV");
            s.same("ZREVRANGE", "z", "0", "1", "REV");
            s.same("ZREVRANGE", "z", "0", "1", "BYSCORE");
            s.same("ZREVRANGE", "z", "0", "1", "LIMIT", "0", "1");
            s.same("ZRANGE", "nokey", "0", "-1");
            s.same("ZRANGE", "nokey", "x", "-1");
            s.same("ZRANGE", "z", "0");
            s.same("SET", "str", "v");
            s.same("ZRANGE", "str", "0", "-1");
            s.same("ZREVRANGE", "str", "0", "-1");
        });
    }

    @Test
    void zrangeByScore() {
        run(s -> {
            s.same("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "-inf", "ni", "inf", "pi", "2", "bb");
            String[][] ranges = {{"-inf", "+inf"}, {"2", "4"}, {"(2", "4"}, {"2", "(4"}, {"(2", "(4"}, {"4", "2"},
                    {"(3", "(3"}, {"3", "3"}, {"-inf", "-inf"}, {"inf", "inf"}, {"(1", "(1.5"}, {"1e400", "+inf"}};
            for (String[] r : ranges) {
                s.same("ZRANGEBYSCORE", "z", r[0], r[1]);
                s.same("ZRANGEBYSCORE", "z", r[0], r[1], "WITHSCORES");
                s.same("ZREVRANGEBYSCORE", "z", r[1], r[0], "WITHSCORES");
                s.same("ZRANGE", "z", r[0], r[1], "BYSCORE", "WITHSCORES");
                s.same("ZRANGE", "z", r[1], r[0], "BYSCORE", "REV");
            }
            String[][] limits = {{"0", "2"}, {"1", "2"}, {"2", "-1"}, {"-1", "2"}, {"0", "0"}, {"8", "1"}, {"7", "5"},
                    {"100", "1"}, {"0", "-5"}};
            for (String[] l : limits) {
                s.same("ZRANGEBYSCORE", "z", "-inf", "+inf", "LIMIT", l[0], l[1]);
                s.same("ZREVRANGEBYSCORE", "z", "+inf", "-inf", "WITHSCORES", "LIMIT", l[0], l[1]);
                s.same("ZRANGE", "z", "(1", "5", "BYSCORE", "LIMIT", l[0], l[1], "WITHSCORES");
                s.same("ZRANGE", "z", "5", "(1", "BYSCORE", "REV", "LIMIT", l[0], l[1]);
            }
            s.same("ZRANGEBYSCORE", "z", "x", "1");
            s.same("ZRANGEBYSCORE", "z", "1", "x");
            s.same("ZRANGEBYSCORE", "z", "0", "1", "LIMIT", "x", "1");
            s.same("ZRANGEBYSCORE", "z", "0", "1", "LIMIT", "0");
            s.same("ZRANGEBYSCORE", "z", "0", "1", "REV");
            s.same("ZRANGEBYSCORE", "z", "0", "1", "BYLEX");
            s.same("ZRANGEBYSCORE", "z", "0", "1", "BYSCORE");
            s.same("ZRANGE", "z", "0", "1", "BYSCORE", "BYLEX");
            s.same("ZRANGE", "z", "0", "1", "BYSCORE", "BYSCORE");
            s.same("ZRANGEBYSCORE", "nokey", "0", "1");
            s.same("ZRANGEBYSCORE", "nokey", "x", "1");
            s.same("SET", "str", "v");
            s.same("ZRANGEBYSCORE", "str", "0", "1");
            s.same("ZRANGEBYSCORE", "str", "x", "1");
        });
    }

    @Test
    void zrangeByLex() {
        run(s -> {
            s.same("ZADD", "l", "0", "a", "0", "b", "0", "c", "0", "d", "0", "e", "0", "", "0", "aa", "0", "\u00ff");
            String[][] ranges = {{"-", "+"}, {"[b", "[d"}, {"(b", "(d"}, {"[a", "(b"}, {"[", "+"}, {"(", "+"}, {"-", "[a"},
                    {"[d", "[b"}, {"+", "-"}, {"[c", "[c"}, {"(c", "[c"}, {"-", "-"}, {"+", "+"}, {"[\u00ff", "+"}};
            for (String[] r : ranges) {
                s.same("ZRANGEBYLEX", "l", r[0], r[1]);
                s.same("ZREVRANGEBYLEX", "l", r[1], r[0]);
                s.same("ZRANGE", "l", r[0], r[1], "BYLEX");
                s.same("ZRANGE", "l", r[1], r[0], "BYLEX", "REV");
                s.same("ZRANGEBYLEX", "l", r[0], r[1], "LIMIT", "1", "2");
                s.same("ZREVRANGEBYLEX", "l", r[1], r[0], "LIMIT", "1", "-1");
            }
            s.same("ZRANGEBYLEX", "l", "a", "+");
            s.same("ZRANGEBYLEX", "l", "-", "b");
            s.same("ZRANGEBYLEX", "l", "-", "+", "WITHSCORES");
            s.same("ZRANGE", "l", "-", "+", "BYLEX", "WITHSCORES");
            s.same("ZRANGEBYLEX", "l", "-", "+", "LIMIT", "-1", "2");
            s.same("ZRANGEBYLEX", "l", "-", "+", "LIMIT", "0", "0");
            s.same("ZRANGEBYLEX", "l", "-", "+", "LIMIT", "100", "0");
            s.same("ZRANGEBYLEX", "nokey", "-", "+");
            s.same("ZRANGEBYLEX", "nokey", "x", "+");
            s.same("SET", "str", "v");
            s.same("ZRANGEBYLEX", "str", "-", "+");
        });
    }

    @Test
    void zrangestore() {
        run(s -> {
            s.same("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d");
            s.same("ZRANGESTORE", "dst", "z", "0", "1");
            s.same("ZRANGE", "dst", "0", "-1", "WITHSCORES");
            s.same("ZRANGESTORE", "dst", "z", "(1", "+inf", "BYSCORE", "LIMIT", "1", "5");
            s.same("ZRANGE", "dst", "0", "-1", "WITHSCORES");
            s.same("ZRANGESTORE", "dst", "z", "+inf", "-inf", "BYSCORE", "REV", "LIMIT", "0", "2");
            s.same("ZRANGE", "dst", "0", "-1", "WITHSCORES");
            s.same("ZRANGESTORE", "dst", "z", "[b", "[c", "BYLEX");
            s.same("ZRANGE", "dst", "0", "-1", "WITHSCORES");
            s.same("ZRANGESTORE", "dst", "z", "5", "6");
            s.same("ZCARD", "dst");
            s.same("ZRANGESTORE", "dst", "z", "0", "-1");
            s.same("ZRANGESTORE", "dst", "nokey", "0", "-1");
            s.same("ZCARD", "dst");
            s.same("ZRANGESTORE", "dst", "z", "0", "-1", "WITHSCORES");
            s.same("ZRANGESTORE", "dst", "z", "0", "-1", "LIMIT", "0", "1");
            s.same("SET", "str", "v");
            s.same("ZRANGESTORE", "str", "z", "0", "0");
            s.same("ZRANGE", "str", "0", "-1", "WITHSCORES");
            s.same("SET", "str2", "v");
            s.same("ZRANGESTORE", "dst", "str2", "0", "-1");
            s.same("ZRANGESTORE", "dst", "z");
        });
    }

    @Test
    void zremrange() {
        run(s -> {
            String[] fill = {"ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "6", "f"};
            s.same(fill);
            s.same("ZREMRANGEBYRANK", "z", "0", "0");
            s.same("ZREMRANGEBYRANK", "z", "-1", "-1");
            s.same("ZREMRANGEBYRANK", "z", "3", "1");
            s.same("ZREMRANGEBYRANK", "z", "10", "20");
            s.same("ZRANGE", "z", "0", "-1");
            s.same("ZREMRANGEBYRANK", "z", "-100", "100");
            s.same("ZCARD", "z");
            s.same(fill);
            s.same("ZREMRANGEBYSCORE", "z", "(1", "3");
            s.same("ZREMRANGEBYSCORE", "z", "10", "20");
            s.same("ZREMRANGEBYSCORE", "z", "x", "20");
            s.same("ZRANGE", "z", "0", "-1");
            s.same("ZREMRANGEBYSCORE", "z", "-inf", "+inf");
            s.same("ZCARD", "z");
            s.same("ZADD", "l", "0", "a", "0", "b", "0", "c", "0", "d");
            s.same("ZREMRANGEBYLEX", "l", "(a", "[c");
            s.same("ZREMRANGEBYLEX", "l", "x", "[c");
            s.same("ZREMRANGEBYLEX", "l", "[x", "[z");
            s.same("ZRANGE", "l", "0", "-1");
            s.same("ZREMRANGEBYLEX", "l", "-", "+");
            s.same("ZCARD", "l");
            s.same("ZREMRANGEBYRANK", "nokey", "0", "1");
            s.same("ZREMRANGEBYRANK", "nokey", "x", "1");
            s.same("ZREMRANGEBYSCORE", "nokey", "0", "1");
            s.same("ZREMRANGEBYLEX", "nokey", "-", "+");
            s.same("SET", "str", "v");
            s.same("ZREMRANGEBYRANK", "str", "0", "1");
            s.same("ZREMRANGEBYSCORE", "str", "0", "1");
            s.same("ZREMRANGEBYLEX", "str", "-", "+");
        });
    }

    @Test
    void setOperations() {
        run(s -> {
            s.same("ZADD", "a", "1", "x", "2", "y", "3", "z");
            s.same("ZADD", "b", "10", "y", "20", "z", "30", "w");
            s.same("SADD", "set", "x", "w", "v");
            for (String cmd : new String[] {"ZUNION", "ZINTER", "ZDIFF"}) {
                s.same(cmd, "2", "a", "b");
                s.same(cmd, "2", "a", "b", "WITHSCORES");
                s.same(cmd, "3", "a", "b", "set", "WITHSCORES");
                s.same(cmd, "2", "a", "nokey", "WITHSCORES");
                s.same(cmd, "2", "nokey", "a", "WITHSCORES");
                s.same(cmd, "1", "set", "WITHSCORES");
                s.same(cmd, "2", "a", "a", "WITHSCORES");
                s.same(cmd, "0", "a");
                s.same(cmd, "-1", "a");
                s.same(cmd, "x", "a");
                s.same(cmd, "3", "a", "b");
                s.same(cmd, "2", "a", "b", "FOO");
                s.same(cmd, "2", "a", "b", "WEIGHTS", "1", "2");
                s.same(cmd, "2", "a", "b", "AGGREGATE", "MAX");
                s.same(cmd, "2", "a", "b", "LIMIT", "1");
            }
            for (String agg : new String[] {"SUM", "MIN", "MAX", "min"}) {
                s.same("ZUNION", "3", "a", "b", "set", "WEIGHTS", "2", "0.5", "-1", "AGGREGATE", agg, "WITHSCORES");
                s.same("ZINTER", "2", "a", "b", "WEIGHTS", "2", "0.5", "AGGREGATE", agg, "WITHSCORES");
                s.same("ZUNIONSTORE", "dst", "3", "a", "b", "set", "AGGREGATE", agg, "WEIGHTS", "1", "1", "3");
                s.same("ZRANGE", "dst", "0", "-1", "WITHSCORES");
            }
            s.same("ZUNION", "2", "a", "b", "WEIGHTS", "1");
            s.same("ZUNION", "2", "a", "b", "WEIGHTS", "1", "x");
            s.same("ZUNION", "2", "a", "b", "WEIGHTS", "1", "nan");
            s.same("ZUNION", "2", "a", "b", "AGGREGATE", "AVG");
            s.same("ZUNION", "2", "a", "b", "AGGREGATE");
            s.same("ZUNION", "2", "a", "b", "WITHSCORES", "WITHSCORES");
            s.same("ZADD", "i1", "inf", "p", "-inf", "n");
            s.same("ZADD", "i2", "-inf", "p", "inf", "n");
            s.same("ZUNION", "2", "i1", "i2", "WITHSCORES");
            s.same("ZINTER", "2", "i1", "i2", "WITHSCORES");
            s.same("ZUNION", "2", "i1", "i2", "WEIGHTS", "0", "0", "WITHSCORES");
            s.same("ZINTER", "2", "i1", "i2", "WEIGHTS", "0", "1", "AGGREGATE", "MIN", "WITHSCORES");
            s.same("ZUNIONSTORE", "dst", "2", "a", "b");
            s.same("ZRANGE", "dst", "0", "-1", "WITHSCORES");
            s.same("ZINTERSTORE", "dst", "2", "a", "b", "WEIGHTS", "2", "3");
            s.same("ZRANGE", "dst", "0", "-1", "WITHSCORES");
            s.same("ZDIFFSTORE", "dst", "2", "a", "b");
            s.same("ZRANGE", "dst", "0", "-1", "WITHSCORES");
            s.same("ZDIFFSTORE", "dst", "2", "a", "a");
            s.same("ZCARD", "dst");
            s.same("ZINTERSTORE", "dst", "2", "a", "nokey");
            s.same("ZUNIONSTORE", "dst", "1", "a", "WITHSCORES");
            s.same("ZDIFFSTORE", "dst", "1", "a", "WEIGHTS", "1");
            s.same("ZUNIONSTORE", "dst", "0", "a");
            s.same("ZINTERSTORE", "dst", "0", "a");
            s.same("ZDIFFSTORE", "dst", "0", "a");
            s.same("ZUNIONSTORE", "set", "2", "a", "set");
            s.same("ZRANGE", "set", "0", "-1", "WITHSCORES");
            s.same("SET", "str", "v");
            s.same("ZUNION", "2", "a", "str");
            s.same("ZINTER", "2", "nokey", "str");
            s.same("ZDIFF", "2", "a", "str");
            s.same("ZUNION", "2", "a", "str", "FOO");
            s.same("ZUNIONSTORE", "dst", "1", "str");
            s.same("ZINTERCARD", "2", "a", "b");
            s.same("ZINTERCARD", "2", "a", "b", "LIMIT", "1");
            s.same("ZINTERCARD", "2", "a", "b", "LIMIT", "0");
            s.same("ZINTERCARD", "2", "a", "b", "LIMIT", "-1");
            s.same("ZINTERCARD", "2", "a", "b", "LIMIT", "x");
            s.same("ZINTERCARD", "2", "a", "b", "LIMIT");
            s.same("ZINTERCARD", "2", "a", "b", "WITHSCORES");
            s.same("ZINTERCARD", "2", "a", "b", "WEIGHTS", "1", "1");
            s.same("ZINTERCARD", "0", "a");
            s.same("ZINTERCARD", "x", "a");
            s.same("ZINTERCARD", "3", "a", "b");
            s.same("ZINTERCARD", "2", "a", "nokey");
            s.same("ZINTERCARD", "2", "a", "str");
            s.same("ZINTERCARD", "2", "a", "set");
        });
    }

    @Test
    void pops() {
        run(s -> {
            s.same("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e");
            s.same("ZPOPMIN", "z");
            s.same("ZPOPMAX", "z");
            s.same("ZPOPMIN", "z", "1");
            s.same("ZPOPMAX", "z", "0");
            s.same("ZPOPMIN", "z", "-1");
            s.same("ZPOPMIN", "z", "x");
            s.same("ZPOPMIN", "z", "1", "2");
            s.same("ZPOPMAX", "z", "10");
            s.same("ZCARD", "z");
            s.same("ZPOPMIN", "nokey");
            s.same("ZPOPMIN", "nokey", "2");
            s.same("ZPOPMAX", "nokey", "0");
            s.same("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e");
            s.same("ZMPOP", "1", "z", "MIN");
            s.same("ZMPOP", "2", "nokey", "z", "MAX", "COUNT", "2");
            s.same("ZMPOP", "1", "z", "min", "count", "100");
            s.same("ZMPOP", "1", "z", "MIN");
            s.same("ZMPOP", "2", "nokey", "z", "MIN");
            s.same("ZMPOP", "0", "z", "MIN");
            s.same("ZMPOP", "-1", "z", "MIN");
            s.same("ZMPOP", "x", "z", "MIN");
            s.same("ZMPOP", "2", "z", "MIN");
            s.same("ZMPOP", "1", "z", "MIDDLE");
            s.same("ZMPOP", "1", "z", "MIN", "COUNT", "0");
            s.same("ZMPOP", "1", "z", "MIN", "COUNT", "-1");
            s.same("ZMPOP", "1", "z", "MIN", "COUNT", "x");
            s.same("ZMPOP", "1", "z", "MIN", "COUNT", "1", "COUNT", "1");
            s.same("ZMPOP", "1", "z", "MIN", "COUNT");
            s.same("ZMPOP", "1", "z", "MIN", "FOO");
            s.same("ZADD", "z", "1", "a", "2", "b");
            s.same("BZPOPMIN", "z", "0");
            s.same("BZPOPMAX", "nokey", "z", "0");
            s.same("ZADD", "z", "1", "a", "2", "b", "3", "c");
            s.same("BZMPOP", "0", "2", "nokey", "z", "MAX", "COUNT", "2");
            s.same("BZMPOP", "0", "1", "z", "MIN");
            s.same("BZPOPMIN", "z", "x");
            s.same("BZPOPMIN", "z", "-1");
            s.same("BZMPOP", "x", "1", "z", "MIN");
            s.same("BZMPOP", "-1", "1", "z", "MIN");
            s.same("BZMPOP", "0", "0", "z", "MIN");
            s.same("BZMPOP", "0", "1", "z", "FOO");
            s.same("BZMPOP", "0", "1", "z", "MIN", "COUNT", "0");
            s.same("SET", "str", "v");
            s.same("ZPOPMIN", "str");
            s.same("ZPOPMIN", "str", "0");
            s.same("ZPOPMAX", "str", "2");
            s.same("ZMPOP", "2", "nokey", "str", "MIN");
            s.same("BZPOPMIN", "str", "0");
            s.same("BZMPOP", "0", "1", "str", "MIN");
            s.same("ZADD", "z", "1", "a");
            s.same("ZMPOP", "2", "z", "str", "MIN");
        });
    }

    @Test
    void zrandmember() {
        run(s -> {
            s.same("ZRANDMEMBER", "nokey");
            s.same("ZRANDMEMBER", "nokey", "5");
            s.same("ZRANDMEMBER", "nokey", "-5", "WITHSCORES");
            s.same("ZRANDMEMBER", "nokey", "x");
            s.same("ZADD", "z", "1", "a", "2", "b", "3.5", "c");
            s.same("ZRANDMEMBER", "z", "3");
            s.same("ZRANDMEMBER", "z", "10", "WITHSCORES");
            s.same("ZRANDMEMBER", "z", "0");
            s.same("ZRANDMEMBER", "z", "0", "WITHSCORES");
            s.same("ZRANDMEMBER", "z", "1", "WITHSCORE");
            s.same("ZRANDMEMBER", "z", "1", "WITHSCORES", "x");
            s.same("ZRANDMEMBER", "z", "x");
            s.same("ZRANDMEMBER", "z", "-9223372036854775808");
            s.same("ZRANDMEMBER", "z", "9223372036854775807", "WITHSCORES");
            s.same("ZRANDMEMBER", "z", "-4611686018427387904", "WITHSCORES");
            assertEquals(7, Reply.sameShapeCount(s.both("ZRANDMEMBER", "z", "-7")));
            assertEquals(14, Reply.sameShapeCount(s.both("ZRANDMEMBER", "z", "-7", "WITHSCORES")) * (s.resp == 3 ? 2 : 1));
            assertEquals(2, Reply.sameShapeCount(s.both("ZRANDMEMBER", "z", "2")));
            assertEquals(4, Reply.sameShapeCount(s.both("ZRANDMEMBER", "z", "2", "WITHSCORES")) * (s.resp == 3 ? 2 : 1));
            s.same("SET", "str", "v");
            s.same("ZRANDMEMBER", "str");
            s.same("ZRANDMEMBER", "str", "1");
        });
    }

    @Test
    void zscan() {
        run(s -> {
            s.same("ZSCAN", "nokey", "0");
            s.same("ZADD", "z", "1", "a", "2.1", "b", "-0", "c", "inf", "d", "1e-5", "e");
            s.same("ZSCAN", "z", "0");
            s.same("ZSCAN", "z", "0", "MATCH", "[a-c]");
            s.same("ZSCAN", "z", "0", "COUNT", "0");
            s.same("ZSCAN", "z", "x");
            s.same("ZSCAN", "z", "0", "FOO");
            String[] big = new String[2 + 400];
            big[0] = "ZADD";
            big[1] = "big";
            for (int i = 0; i < 200; i++) {
                big[2 + 2 * i] = Double.toString(i * 0.1);
                big[3 + 2 * i] = "m" + i;
            }
            s.same(big);
            s.sameScan(2, "ZSCAN", "big", "0");
            s.sameScan(2, "ZSCAN", "big", "0", "MATCH", "m1*", "COUNT", "5");
            s.same("SET", "str", "v");
            s.same("ZSCAN", "str", "0");
        });
    }

    @Test
    void edgeCases() {
        run(s -> {
            s.same("ZADD", "z", "1", "a", "2", "b", "3", "c", "inf", "i", "-inf", "n");
            s.same("ZRANGEBYSCORE", "z", "(-inf", "(inf", "WITHSCORES");
            s.same("ZRANGEBYSCORE", "z", "(inf", "+inf");
            s.same("ZRANGEBYSCORE", "z", "-inf", "(-inf");
            s.same("ZRANGEBYSCORE", "z", "-inf", "+inf", "LIMIT", "9223372036854775807", "1");
            s.same("ZRANGEBYSCORE", "z", "-inf", "+inf", "LIMIT", "1", "9223372036854775807");
            s.same("ZRANGEBYSCORE", "z", "-inf", "+inf", "LIMIT", "-9223372036854775808", "1");
            s.same("ZRANGE", "z", "0", "9223372036854775807");
            s.same("ZRANGE", "z", "-9223372036854775808", "0");
            s.same("ZUNIONSTORE", "z", "2", "z", "z");
            s.same("ZRANGE", "z", "0", "-1", "WITHSCORES");
            s.same("SADD", "s", "a", "b", "q");
            s.same("ZINTER", "2", "z", "s", "WEIGHTS", "inf", "0", "WITHSCORES");
            s.same("ZUNION", "2", "z", "s", "WEIGHTS", "0", "inf", "WITHSCORES");
            s.same("ZINTER", "2", "s", "z", "AGGREGATE", "MIN", "WITHSCORES");
            s.same("ZDIFF", "2", "s", "z", "WITHSCORES");
            s.same("ZINTERCARD", "2", "s", "z");
            s.same("ZADD", "z", "1.0000000000000002", "p", "0.30000000000000004", "q", "1e-320", "r", "-1e-320", "t");
            s.same("ZRANGE", "z", "0", "-1", "WITHSCORES");
            s.same("ZINCRBY", "z", "0.1", "q");
            s.same("ZSCORE", "z", "r");
            s.same("ZADD", "z", "123456789012345678", "big", "-9007199254740993", "neg");
            s.same("ZRANGE", "z", "0", "-1", "WITHSCORES");
            s.same("ZSCAN", "z", "0");
            s.same("ZADD", "q", "4611686018427387904", "a", "4611686018427387903", "b", "9223372036854775807", "c",
                    "1e18", "d", "-0", "e", "-4611686018427387904", "f", "-4611686018427387905", "g", "1e19", "h");
            s.same("ZSCAN", "q", "0");
            s.same("ZADD", "z", "GT", "INCR", "0", "a");
            s.same("ZADD", "z", "LT", "1", "brand-new");
            s.same("ZADD", "z", "GT", "CH", "5", "brand-new", "5", "other");
            s.same("ZADD", "z", "Nx", "ch", "1", "a");
            s.same("ZRANGE", "z", "(1", "(3", "BYSCORE", "REV");
            s.same("ZRANGE", "z", "3", "1", "BYSCORE", "REV", "LIMIT", "0", "1", "WITHSCORES");
            s.same("ZRANGE", "z", "[c", "[a", "BYLEX", "REV");
            s.same("ZRANGE", "z", "0", "-1", "REV", "BYSCORE");
        });
    }
}
