package io.fakeredis.server.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test: thousands of random set and sorted set commands on a small key
 * space, sent to both servers. Set the seed with -Dfuzz.seed=N to replay a failure; the seed is
 * printed in every failure message.
 */
class SetZSetFuzzTest extends FlushingConformanceTest {
    private static final String[] KEYS = {"k0", "k1", "k2", "k3", "str"};
    private static final String[] MEMBERS = {"a", "b", "c", "d", "e", "aa", "", "1", "2", "10", "-3", "007", "x y"};
    private static final String[] SCORES = {"0", "1", "-1", "2.5", "1.1", "-0", "inf", "-inf", "1e308", "-1e308",
            "3", "0.1", "7", "nan", "x", "1e-300"};
    private static final String[] BOUNDS = {"-inf", "+inf", "0", "1", "(1", "2.5", "(2.5", "-1", "(0", "inf", "x", "3"};
    private static final String[] LEX = {"-", "+", "[a", "(a", "[b", "(c", "[e", "[", "(", "[1", "(aa", "a", "[x y"};
    private static final String[] INTS = {"0", "1", "-1", "2", "-2", "3", "5", "-5", "100", "-100", "x"};

    private Random rnd;

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private String key() {
        return rnd.nextInt(20) == 0 ? "str" : KEYS[rnd.nextInt(4)];
    }

    @Test
    void randomCommands() {
        fuzz((s, r, history) -> {
            rnd = r;
            s.same("SET", "str", "v");
            for (int i = 0, n = fuzzCommands(3000); i < n; i++) step(s, history);
        });
    }

    private void step(ConformanceTest.Session s, List<String> history) {
        List<String> a = new ArrayList<>();
        boolean unordered = false;
        boolean scan = false;
        int kind = rnd.nextInt(44);
        switch (kind) {
            case 0: case 1: case 2:
                a.add("SADD");
                a.add(key());
                for (int i = rnd.nextInt(4) + 1; i > 0; i--) a.add(pick(MEMBERS));
                break;
            case 3:
                a.add("SREM");
                a.add(key());
                for (int i = rnd.nextInt(3) + 1; i > 0; i--) a.add(pick(MEMBERS));
                break;
            case 4:
                a.add(rnd.nextBoolean() ? "SCARD" : "SMEMBERS");
                a.add(key());
                unordered = true;
                break;
            case 5:
                a.add(rnd.nextBoolean() ? "SISMEMBER" : "SMISMEMBER");
                a.add(key());
                a.add(pick(MEMBERS));
                if (a.get(0).equals("SMISMEMBER")) a.add(pick(MEMBERS));
                break;
            case 6:
                a.add("SMOVE");
                a.add(key());
                a.add(key());
                a.add(pick(MEMBERS));
                break;
            case 7: case 8: {
                String[] ops = {"SINTER", "SUNION", "SDIFF", "SINTERSTORE", "SUNIONSTORE", "SDIFFSTORE"};
                String op = pick(ops);
                a.add(op);
                if (op.endsWith("STORE")) a.add(key());
                for (int i = rnd.nextInt(3) + 1; i > 0; i--) a.add(key());
                unordered = !op.endsWith("STORE");
                break;
            }
            case 9:
                a.add("SINTERCARD");
                a.add("2");
                a.add(key());
                a.add(key());
                if (rnd.nextBoolean()) {
                    a.add("LIMIT");
                    a.add(pick(INTS));
                }
                break;
            case 10:
                // counts that take the whole set are deterministic up to order
                a.add(rnd.nextBoolean() ? "SPOP" : "SRANDMEMBER");
                a.add(key());
                a.add(rnd.nextBoolean() ? "100" : "0");
                unordered = true;
                break;
            case 11: case 12: case 13: case 14: {
                a.add("ZADD");
                a.add(key());
                for (String f : new String[] {"NX", "XX", "GT", "LT", "CH", "INCR"}) if (rnd.nextInt(8) == 0) a.add(f);
                int pairs = rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(3) + 1;
                for (int i = 0; i < pairs; i++) {
                    a.add(pick(SCORES));
                    a.add(pick(MEMBERS));
                }
                break;
            }
            case 15:
                a.add("ZINCRBY");
                a.add(key());
                a.add(pick(SCORES));
                a.add(pick(MEMBERS));
                break;
            case 16:
                a.add("ZREM");
                a.add(key());
                a.add(pick(MEMBERS));
                a.add(pick(MEMBERS));
                break;
            case 17:
                a.add(pick(new String[] {"ZCARD", "ZSCORE", "ZRANK", "ZREVRANK"}));
                a.add(key());
                if (!a.get(0).equals("ZCARD")) a.add(pick(MEMBERS));
                break;
            case 18:
                a.add("ZMSCORE");
                a.add(key());
                a.add(pick(MEMBERS));
                a.add(pick(MEMBERS));
                break;
            case 19:
                a.add("ZCOUNT");
                a.add(key());
                a.add(pick(BOUNDS));
                a.add(pick(BOUNDS));
                break;
            case 20:
                a.add("ZLEXCOUNT");
                a.add(key());
                a.add(pick(LEX));
                a.add(pick(LEX));
                break;
            case 21: case 22: case 23: {
                String[] cmds = {"ZRANGE", "ZREVRANGE", "ZRANGEBYSCORE", "ZREVRANGEBYSCORE", "ZRANGEBYLEX", "ZREVRANGEBYLEX"};
                String cmd = pick(cmds);
                a.add(cmd);
                a.add(key());
                String[] pool = cmd.contains("LEX") ? LEX : cmd.contains("SCORE") ? BOUNDS : INTS;
                a.add(pick(pool));
                a.add(pick(pool));
                options(a, cmd.equals("ZRANGE"));
                break;
            }
            case 24: case 25: {
                a.add("ZRANGE");
                a.add(key());
                int t = rnd.nextInt(3);
                String[] pool = t == 0 ? INTS : t == 1 ? BOUNDS : LEX;
                a.add(pick(pool));
                a.add(pick(pool));
                if (t == 1) a.add("BYSCORE");
                if (t == 2) a.add("BYLEX");
                options(a, true);
                break;
            }
            case 26: {
                a.add("ZRANGESTORE");
                a.add(key());
                a.add(key());
                int t = rnd.nextInt(3);
                String[] pool = t == 0 ? INTS : t == 1 ? BOUNDS : LEX;
                a.add(pick(pool));
                a.add(pick(pool));
                if (t == 1) a.add("BYSCORE");
                if (t == 2) a.add("BYLEX");
                if (rnd.nextBoolean()) a.add("REV");
                if (t > 0 && rnd.nextBoolean()) {
                    a.add("LIMIT");
                    a.add(pick(INTS));
                    a.add(pick(INTS));
                }
                break;
            }
            case 27: {
                String[] cmds = {"ZREMRANGEBYRANK", "ZREMRANGEBYSCORE", "ZREMRANGEBYLEX"};
                int t = rnd.nextInt(3);
                a.add(cmds[t]);
                a.add(key());
                String[] pool = t == 0 ? INTS : t == 1 ? BOUNDS : LEX;
                a.add(pick(pool));
                a.add(pick(pool));
                break;
            }
            case 28: case 29: case 30: case 31: {
                String[] ops = {"ZUNION", "ZINTER", "ZDIFF", "ZUNIONSTORE", "ZINTERSTORE", "ZDIFFSTORE", "ZINTERCARD"};
                String op = pick(ops);
                a.add(op);
                if (op.endsWith("STORE")) a.add(key());
                int nk = rnd.nextInt(3) + 1;
                a.add(Integer.toString(nk));
                for (int i = 0; i < nk; i++) a.add(key());
                if (!op.startsWith("ZDIFF") && !op.equals("ZINTERCARD")) {
                    if (rnd.nextBoolean()) {
                        a.add("WEIGHTS");
                        for (int i = 0; i < nk; i++) a.add(pick(new String[] {"1", "2", "-1", "0", "0.5", "inf"}));
                    }
                    if (rnd.nextBoolean()) {
                        a.add("AGGREGATE");
                        a.add(pick(new String[] {"SUM", "MIN", "MAX"}));
                    }
                }
                if (op.equals("ZINTERCARD") && rnd.nextBoolean()) {
                    a.add("LIMIT");
                    a.add(pick(INTS));
                }
                if (!op.endsWith("STORE") && !op.equals("ZINTERCARD") && rnd.nextBoolean()) a.add("WITHSCORES");
                break;
            }
            case 32: case 33:
                a.add(rnd.nextBoolean() ? "ZPOPMIN" : "ZPOPMAX");
                a.add(key());
                if (rnd.nextBoolean()) a.add(pick(INTS));
                break;
            case 34: {
                a.add("ZMPOP");
                int nk = rnd.nextInt(2) + 1;
                a.add(Integer.toString(nk));
                for (int i = 0; i < nk; i++) a.add(key());
                a.add(rnd.nextBoolean() ? "MIN" : "MAX");
                if (rnd.nextBoolean()) {
                    a.add("COUNT");
                    a.add(pick(INTS));
                }
                break;
            }
            case 35:
                a.add(rnd.nextBoolean() ? "BZPOPMIN" : "BZPOPMAX");
                a.add(key());
                a.add(key());
                a.add("0");
                break;
            case 36:
                a.add("ZRANDMEMBER");
                a.add(key());
                a.add("100");
                if (rnd.nextBoolean()) a.add("WITHSCORES");
                break;
            case 37:
                a.add("ZSCAN");
                a.add(key());
                a.add("0");
                break;
            case 38:
                a.add("SSCAN");
                a.add(key());
                a.add("0");
                a.add("COUNT");
                a.add("1000");
                scan = true;
                break;
            default:
                // small-cardinality checks keep both sides honest about what is stored
                a.add("ZRANGE");
                a.add(key());
                a.add("0");
                a.add("-1");
                a.add("WITHSCORES");
                break;
        }
        if (a.get(1).equals("str") && rnd.nextBoolean()) a.set(1, KEYS[rnd.nextInt(4)]);
        // blocking pops only when something can be popped: the blocking path is tested elsewhere
        if (a.get(0).startsWith("BZPOP") && !nonEmptyZset(s, a.get(1)) && !nonEmptyZset(s, a.get(2))) return;
        String[] args = a.toArray(new String[0]);
        history.add(String.join(" ", args));
        if (scan) s.sameScan(2, args);
        else if (unordered) s.sameUnordered(args);
        else s.same(args);
    }

    private boolean nonEmptyZset(ConformanceTest.Session s, String key) {
        byte[] r = s.real.call(RawConnection.utf8("ZCARD", key));
        return r[0] == ':' && r[1] != '0';
    }

    private void options(List<String> a, boolean zrange) {
        if (zrange && rnd.nextInt(4) == 0) a.add("REV");
        if (rnd.nextBoolean()) a.add("WITHSCORES");
        if (rnd.nextInt(3) == 0) {
            a.add("LIMIT");
            a.add(pick(INTS));
            a.add(pick(INTS));
        }
    }
}
