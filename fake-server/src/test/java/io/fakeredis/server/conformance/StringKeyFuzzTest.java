package io.fakeredis.server.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test for strings and the generic key commands: thousands of random
 * commands over a few keys, sent to both servers, every reply compared byte for byte. Expiry
 * times are absolute (EXAT, PXAT, EXPIREAT), far in the future or in the past, so no reply
 * depends on when each server ran the command. -Dfuzz.seed=N replays a failure.
 */
class StringKeyFuzzTest extends FlushingConformanceTest {
    private static final String[] KEYS = {"k1", "k2", "k3", "list", "missing"};
    private static final String[] VALUES = {"", "0", "1", "-1", "10", "42", "abc", "1.5", " 1", "1e5", "007",
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "x".repeat(44), "y".repeat(45), "hello world"};
    private static final String[] INTS = {"0", "1", "-1", "5", "-5", "100", "9223372036854775807",
            "-9223372036854775808", "x", "1.5", ""};
    private static final String[] FLOATS = {"0", "1", "-1.5", "0.1", "1e3", "2.5e-3", "-0", "inf", "nan", "x", "5.0e3", "1e308"};
    private static final String[] OFFSETS = {"0", "1", "2", "3", "5", "-1", "-2", "-100", "100", "x"};
    /** Seconds and ms since the epoch: far future (2100) and long past, so replies do not depend on timing. */
    private static final String[] SECONDS = {"4102444800", "4102444801", "4102444799", "1000", "0", "-1", "x"};
    private static final String[] MILLIS = {"4102444800123", "4102444800000", "4102444900000", "1000", "-1", "x"};

    private Random rnd;

    private String pick(String... a) {
        return a[rnd.nextInt(a.length)];
    }

    private String key() {
        return rnd.nextInt(12) == 0 ? pick("list", "missing") : pick("k1", "k2", "k3");
    }

    @Test
    void randomCommands() {
        fuzz((s, r, history) -> {
            s.both("CONFIG", "RESETSTAT");
            rnd = r;
            s.same("RPUSH", "list", "a", "b");
            for (int i = 0, n = fuzzCommands(3000); i < n; i++) step(s, history);
            sameErrorStats(s, "the run");
        });
    }

    private void step(ConformanceTest.Session s, List<String> history) {
        List<String> a = new ArrayList<>();
        boolean unordered = false;
        switch (rnd.nextInt(40)) {
            case 0: case 1: case 2: {
                a.add("SET");
                a.add(key());
                a.add(pick(VALUES));
                if (rnd.nextInt(3) == 0) a.add(pick("NX", "XX"));
                if (rnd.nextInt(3) == 0) a.add("GET");
                switch (rnd.nextInt(6)) {
                    case 0: a.add("EXAT"); a.add(pick(SECONDS)); break;
                    case 1: a.add("PXAT"); a.add(pick(MILLIS)); break;
                    case 2: a.add("KEEPTTL"); break;
                    case 3: a.add(pick("EX", "PX")); a.add(pick("0", "-1", "x")); break; // errors only
                    default: break;
                }
                if (rnd.nextInt(15) == 0) java.util.Collections.shuffle(a.subList(3, a.size()), rnd);
                break;
            }
            case 3: a.add("GET"); a.add(key()); break;
            case 4: a.add(pick("GETDEL", "STRLEN", "TYPE", "PERSIST", "EXPIRETIME", "PEXPIRETIME")); a.add(key()); break;
            case 5: {
                a.add("GETEX");
                a.add(key());
                switch (rnd.nextInt(4)) {
                    case 0: a.add("EXAT"); a.add(pick(SECONDS)); break;
                    case 1: a.add("PXAT"); a.add(pick(MILLIS)); break;
                    case 2: a.add("PERSIST"); break;
                    default: break;
                }
                break;
            }
            case 6: a.add(pick("GETSET", "SETNX", "APPEND")); a.add(key()); a.add(pick(VALUES)); break;
            case 7: a.add(pick("SETEX", "PSETEX")); a.add(key()); a.add(pick("0", "-1", "x")); a.add(pick(VALUES)); break;
            case 8: case 9: a.add(pick("INCR", "DECR")); a.add(key()); break;
            case 10: case 11: a.add(pick("INCRBY", "DECRBY")); a.add(key()); a.add(pick(INTS)); break;
            case 12: a.add("INCRBYFLOAT"); a.add(key()); a.add(pick(FLOATS)); break;
            case 13: a.add(pick("GETRANGE", "SUBSTR")); a.add(key()); a.add(pick(OFFSETS)); a.add(pick(OFFSETS)); break;
            case 14: a.add("SETRANGE"); a.add(key()); a.add(pick("0", "1", "3", "10", "-1", "x", "536870912")); a.add(pick(VALUES)); break;
            case 15: {
                a.add(pick("MSET", "MSETNX"));
                int n = 1 + rnd.nextInt(3);
                for (int i = 0; i < n; i++) {
                    a.add(key());
                    a.add(pick(VALUES));
                }
                if (rnd.nextInt(20) == 0) a.remove(a.size() - 1); // odd argument count
                break;
            }
            case 16: a.add("MGET"); a.add(key()); a.add(key()); if (rnd.nextBoolean()) a.add(key()); break;
            case 17: {
                a.add("LCS");
                a.add(key());
                a.add(key());
                switch (rnd.nextInt(4)) {
                    case 0: a.add("LEN"); break;
                    case 1:
                        a.add("IDX");
                        if (rnd.nextBoolean()) { a.add("MINMATCHLEN"); a.add(pick("0", "1", "2", "-1")); }
                        if (rnd.nextBoolean()) a.add("WITHMATCHLEN");
                        break;
                    default: break;
                }
                break;
            }
            case 18: a.add(pick("DEL", "UNLINK", "EXISTS", "TOUCH")); a.add(key()); if (rnd.nextBoolean()) a.add(key()); break;
            case 19: case 20: a.add(pick("RENAME", "RENAMENX")); a.add(key()); a.add(key()); break;
            case 21: a.add("COPY"); a.add(key()); a.add(key()); if (rnd.nextBoolean()) a.add("REPLACE"); break;
            case 22: case 23: {
                a.add(pick("EXPIREAT", "PEXPIREAT"));
                a.add(key());
                a.add(a.get(0).equals("EXPIREAT") ? pick(SECONDS) : pick(MILLIS));
                if (rnd.nextBoolean()) a.add(pick("NX", "XX", "GT", "LT"));
                if (rnd.nextInt(15) == 0) a.add(pick("NX", "GT"));
                break;
            }
            case 24: a.add("OBJECT"); a.add(pick("ENCODING", "ENCODING", "REFCOUNT", "FREQ")); a.add(key()); break;
            // no DBSIZE: a key SET with a past EXAT is counted until it is touched or actively
            // expired, which depends on timing in Redis 7.0
            case 25: a.add("EXISTS"); a.add(key()); break;
            case 26: a.add("KEYS"); a.add(pick("*", "k*", "k[12]", "?1", "l*", "*[^1]")); unordered = true; break;
            case 27: a.add("SET"); a.add(key()); a.add(pick(VALUES)); break;
            default: a.add("GET"); a.add(key()); break;
        }
        String[] args = a.toArray(new String[0]);
        history.add(String.join(" ", args));
        if (unordered) s.sameUnordered(args);
        else s.same(args);
    }
}
