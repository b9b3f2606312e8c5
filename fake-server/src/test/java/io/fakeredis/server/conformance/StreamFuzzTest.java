package io.fakeredis.server.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test for streams and consumer groups: thousands of random commands over
 * two streams, sent to both servers, every reply compared byte for byte. IDs are always explicit
 * and nothing that reports idle times is compared, so no reply depends on when a server ran it.
 * -Dfuzz.seed=N replays a failure.
 */
class StreamFuzzTest extends FlushingConformanceTest {
    private static final String[] IDS = {"1-1", "1-2", "2-0", "2-5", "3", "5-0", "10-1", "0-1", "0-0", "1-*", "7-*",
            "18446744073709551615-18446744073709551615", "x", "-1"};
    private static final String[] BOUNDS = {"-", "+", "0", "1", "1-2", "(1-1", "2", "(2-5", "5", "10-1", "x", "(0-0"};
    private static final String[] GROUP_IDS = {"0", "$", "1-1", "2-5", "5", "x"};
    private static final String[] COUNTS = {"0", "1", "2", "3", "10", "-1", "x"};

    private Random rnd;

    private String pick(String... a) {
        return a[rnd.nextInt(a.length)];
    }

    private String key() {
        return rnd.nextInt(15) == 0 ? pick("str", "missing") : pick("s1", "s2");
    }

    private void fields(List<String> a) {
        int n = 1 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
            a.add(pick("f", "g", "h"));
            a.add(pick("1", "v", "", "long value"));
        }
        if (rnd.nextInt(25) == 0) a.remove(a.size() - 1); // odd field/value count
    }

    @Test
    void randomCommands() {
        fuzz((s, r, history) -> {
            s.both("CONFIG", "RESETSTAT");
            rnd = r;
            s.same("SET", "str", "v");
            for (int i = 0, n = fuzzCommands(3000); i < n; i++) step(s, history);
            sameErrorStats(s, "the run");
        });
    }

    private void step(ConformanceTest.Session s, List<String> history) {
        List<String> a = new ArrayList<>();
        switch (rnd.nextInt(30)) {
            case 0: case 1: case 2: case 3: case 4: {
                a.add("XADD");
                a.add(key());
                if (rnd.nextInt(6) == 0) a.add("NOMKSTREAM");
                if (rnd.nextInt(5) == 0) {
                    a.add(pick("MAXLEN", "MINID"));
                    if (rnd.nextBoolean()) a.add("=");
                    a.add(a.get(a.size() - 1).equals("MINID") || a.get(a.size() - 2).equals("MINID") ? pick(IDS) : pick(COUNTS));
                }
                a.add(pick(IDS));
                fields(a);
                break;
            }
            case 5: case 6: {
                a.add(pick("XRANGE", "XREVRANGE"));
                a.add(key());
                a.add(pick(BOUNDS));
                a.add(pick(BOUNDS));
                if (rnd.nextBoolean()) { a.add("COUNT"); a.add(pick(COUNTS)); }
                break;
            }
            case 7: a.add("XLEN"); a.add(key()); break;
            case 8: a.add("XDEL"); a.add(key()); a.add(pick(IDS)); if (rnd.nextBoolean()) a.add(pick(IDS)); break;
            case 9: {
                a.add("XTRIM");
                a.add(key());
                a.add(pick("MAXLEN", "MINID"));
                if (rnd.nextBoolean()) a.add("=");
                a.add(a.contains("MINID") ? pick(IDS) : pick(COUNTS));
                break;
            }
            case 10: {
                a.add("XREAD");
                if (rnd.nextBoolean()) { a.add("COUNT"); a.add(pick(COUNTS)); }
                a.add("STREAMS");
                a.add(key());
                if (rnd.nextBoolean()) a.add(key());
                int keys = a.size() - a.indexOf("STREAMS") - 1;
                for (int i = 0; i < keys; i++) a.add(pick("0", "1-1", "2-5", "5"));
                break;
            }
            case 11: a.add("XSETID"); a.add(key()); a.add(pick(IDS)); break;
            case 12: case 13: {
                a.add("XGROUP");
                a.add("CREATE");
                a.add(key());
                a.add(pick("g1", "g2"));
                a.add(pick(GROUP_IDS));
                if (rnd.nextInt(3) == 0) a.add("MKSTREAM");
                if (rnd.nextInt(4) == 0) { a.add("ENTRIESREAD"); a.add(pick("0", "1", "3", "-1", "x")); }
                break;
            }
            case 14: a.add("XGROUP"); a.add("SETID"); a.add(key()); a.add(pick("g1", "g2")); a.add(pick(GROUP_IDS)); break;
            case 15: a.add("XGROUP"); a.add("DESTROY"); a.add(key()); a.add(pick("g1", "g2")); break;
            case 16: a.add("XGROUP"); a.add(pick("CREATECONSUMER", "DELCONSUMER")); a.add(key()); a.add(pick("g1", "g2")); a.add(pick("alice", "bob")); break;
            case 17: case 18: case 19: {
                a.add("XREADGROUP");
                a.add("GROUP");
                a.add(pick("g1", "g2"));
                a.add(pick("alice", "bob"));
                if (rnd.nextBoolean()) { a.add("COUNT"); a.add(pick("1", "2", "10")); }
                if (rnd.nextInt(4) == 0) a.add("NOACK");
                a.add("STREAMS");
                a.add(key());
                a.add(pick(">", ">", "0", "1-1", "x"));
                break;
            }
            case 20: case 21: a.add("XACK"); a.add(key()); a.add(pick("g1", "g2")); a.add(pick(IDS)); if (rnd.nextBoolean()) a.add(pick(IDS)); break;
            case 22: a.add("XPENDING"); a.add(key()); a.add(pick("g1", "g2")); break;
            case 23: a.add("XINFO"); a.add("STREAM"); a.add(key()); break;
            case 24: a.add("XINFO"); a.add("GROUPS"); a.add(key()); break;
            case 25: a.add("DEL"); a.add(key()); break;
            case 26: a.add("TYPE"); a.add(key()); break;
            case 27: a.add("OBJECT"); a.add("ENCODING"); a.add(key()); break;
            default: a.add("XRANGE"); a.add(key()); a.add("-"); a.add("+"); break;
        }
        String[] args = a.toArray(new String[0]);
        history.add(String.join(" ", args));
        s.same(args);
    }
}
