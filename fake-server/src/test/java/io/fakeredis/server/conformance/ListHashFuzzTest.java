package io.fakeredis.server.conformance;

import static io.fakeredis.server.conformance.ListConformanceTest.clearFake;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test: thousands of random list and hash commands over a small key
 * space, sent to both servers, every reply compared byte for byte. The seed is printed on
 * failure; set -Dfuzz.seed=N to replay one.
 */
class ListHashFuzzTest extends ConformanceTest {
    static final int STEPS = Integer.getInteger("fuzz.steps", 3000);

    static final String[] LISTS = {"l1", "l2", "l3"};
    /** h1 and h2 only ever hold short values (listpack: order compared); h3 may convert. */
    static final String[] HASHES = {"h1", "h2", "h3"};
    static final String[] ALL = {"l1", "l2", "l3", "h1", "h2", "h3", "s1", "none"};

    @Test
    void randomCommands() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        try {
            run(s -> {
                clearFake();
                Random r = new Random(seed);
                for (int i = 0; i < STEPS; i++) step(s, r);
            });
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("fuzz seed " + seed + " (replay with -Dfuzz.seed=" + seed + "): " + e.getMessage(), e);
        }
    }

    static String pick(Random r, String... a) {
        return a[r.nextInt(a.length)];
    }

    /** A key of the expected kind most of the time, any key sometimes (WRONGTYPE paths). */
    static String key(Random r, String[] kind) {
        return r.nextInt(10) == 0 ? pick(r, ALL) : pick(r, kind);
    }

    static String elem(Random r) {
        return pick(r, "a", "b", "c", "d", "1", "2", "-3", "");
    }

    static String index(Random r) {
        return Integer.toString(r.nextInt(16) - 8);
    }

    static String count(Random r) {
        return pick(r, "0", "1", "2", "3", "5", "-1", "x");
    }

    static String field(Random r) {
        return pick(r, "f1", "f2", "f3", "f4", "f5", "n");
    }

    static String value(Random r, String key) {
        if (key.equals("h3") && r.nextInt(30) == 0) return "v".repeat(70);
        return pick(r, "1", "10", "-5", "2.5", "abc", "", "9223372036854775807", "0.1");
    }

    static void step(Session s, Random r) {
        int op = r.nextInt(40);
        String l = key(r, LISTS);
        String h = key(r, HASHES);
        List<String> c = new ArrayList<>();
        switch (op) {
            case 0: case 1: {
                c.add(pick(r, "LPUSH", "RPUSH", "LPUSHX", "RPUSHX"));
                c.add(l);
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) c.add(elem(r));
                break;
            }
            case 2: case 3:
                c.add(pick(r, "LPOP", "RPOP"));
                c.add(l);
                if (r.nextBoolean()) c.add(count(r));
                break;
            case 4: c.add("LRANGE"); c.add(l); c.add(index(r)); c.add(index(r)); break;
            case 5: c.add("LINDEX"); c.add(l); c.add(index(r)); break;
            case 6: c.add("LSET"); c.add(l); c.add(index(r)); c.add(elem(r)); break;
            case 7: c.add("LINSERT"); c.add(l); c.add(pick(r, "BEFORE", "AFTER")); c.add(elem(r)); c.add(elem(r)); break;
            case 8: c.add("LREM"); c.add(l); c.add(index(r)); c.add(elem(r)); break;
            case 9: c.add("LTRIM"); c.add(l); c.add(index(r)); c.add(index(r)); break;
            case 10: c.add("LLEN"); c.add(l); break;
            case 11: {
                c.add("LPOS");
                c.add(l);
                c.add(elem(r));
                if (r.nextBoolean()) { c.add("RANK"); c.add(pick(r, "1", "2", "-1", "-2", "0")); }
                if (r.nextBoolean()) { c.add("COUNT"); c.add(pick(r, "0", "1", "2")); }
                if (r.nextInt(3) == 0) { c.add("MAXLEN"); c.add(pick(r, "0", "1", "3")); }
                break;
            }
            case 12: c.add("LMOVE"); c.add(l); c.add(key(r, LISTS)); c.add(pick(r, "LEFT", "RIGHT")); c.add(pick(r, "LEFT", "RIGHT")); break;
            case 13: c.add("RPOPLPUSH"); c.add(l); c.add(key(r, LISTS)); break;
            case 14: {
                c.add("LMPOP");
                c.add("2");
                c.add(l);
                c.add(key(r, LISTS));
                c.add(pick(r, "LEFT", "RIGHT"));
                if (r.nextBoolean()) { c.add("COUNT"); c.add(pick(r, "1", "2", "10")); }
                break;
            }
            case 15: {
                // blocking forms only where they answer at once or after a short timeout
                c.add(pick(r, "BLPOP", "BRPOP"));
                c.add(l);
                c.add(key(r, LISTS));
                c.add("0.01");
                break;
            }
            case 16: c.add("BLMOVE"); c.add(l); c.add(key(r, LISTS)); c.add(pick(r, "LEFT", "RIGHT")); c.add(pick(r, "LEFT", "RIGHT")); c.add("0.01"); break;
            case 17: case 18: case 19: {
                c.add(pick(r, "HSET", "HSET", "HMSET"));
                c.add(h);
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    c.add(field(r));
                    c.add(value(r, h));
                }
                break;
            }
            case 20: c.add("HSETNX"); c.add(h); c.add(field(r)); c.add(value(r, h)); break;
            case 21: c.add("HGET"); c.add(h); c.add(field(r)); break;
            case 22: c.add("HMGET"); c.add(h); c.add(field(r)); c.add(field(r)); break;
            case 23: c.add("HDEL"); c.add(h); c.add(field(r)); if (r.nextBoolean()) c.add(field(r)); break;
            case 24: c.add("HLEN"); c.add(h); break;
            case 25: c.add("HSTRLEN"); c.add(h); c.add(field(r)); break;
            case 26: c.add("HEXISTS"); c.add(h); c.add(field(r)); break;
            case 27: case 28: c.add(pick(r, "HKEYS", "HVALS", "HGETALL")); c.add(h); break;
            case 29: c.add("HINCRBY"); c.add(h); c.add(field(r)); c.add(pick(r, "1", "-7", "100", "x", "9223372036854775807")); break;
            case 30: c.add("HINCRBYFLOAT"); c.add(h); c.add(field(r)); c.add(pick(r, "0.1", "-1.5", "1e3", "3", "x", "2.5e-3")); break;
            case 31: c.add("SET"); c.add("s1"); c.add(elem(r)); break;
            case 32: c.add("HSCAN"); c.add(h); c.add("0"); if (r.nextBoolean()) { c.add("MATCH"); c.add(pick(r, "f*", "?1", "[fn]*", "n")); } break;
            default: {
                // read back a whole key now and then
                String k = pick(r, ALL);
                if (k.startsWith("l")) { c.add("LRANGE"); c.add(k); c.add("0"); c.add("-1"); }
                else if (k.startsWith("h")) { c.add("HGETALL"); c.add(k); }
                else { c.add("GET"); c.add(k); }
            }
        }
        String[] args = c.toArray(new String[0]);
        boolean h3 = c.size() >= 2 && c.get(1).equals("h3");
        boolean unordered = h3 && (c.get(0).equals("HKEYS") || c.get(0).equals("HVALS") || c.get(0).equals("HGETALL"));
        if (h3 && c.get(0).equals("HSCAN")) s.sameScan(2, args);
        else if (unordered) s.sameUnordered(args);
        else s.same(args);
    }
}
