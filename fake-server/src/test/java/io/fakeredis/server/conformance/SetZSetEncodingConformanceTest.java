package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * OBJECT ENCODING of sets and sorted sets under the config thresholds, and the keyspace events
 * of the set and sorted set commands. Needs OBJECT, CONFIG and PSUBSCRIBE in the fake: each
 * test is skipped while those are not merged.
 */
class SetZSetEncodingConformanceTest extends FlushingConformanceTest {

    private static void assumeFakeSupports(ConformanceTest.Session s, String... probe) {
        byte[] r = s.fake.call(probe);
        String text = new String(r, java.nio.charset.StandardCharsets.UTF_8);
        Assumptions.assumeFalse(text.startsWith("-ERR unknown"), () -> "fake lacks " + probe[0] + ": " + text.trim());
    }

    private static String[] fill(String cmd, String key, int n, boolean zset, String prefix) {
        List<String> a = new ArrayList<>();
        a.add(cmd);
        a.add(key);
        for (int i = 0; i < n; i++) {
            if (zset) a.add(Integer.toString(i));
            a.add(prefix + i);
        }
        return a.toArray(new String[0]);
    }

    @Test
    void setEncodings() {
        run(s -> {
            assumeFakeSupports(s, "OBJECT", "ENCODING", "nokey");
            assumeFakeSupports(s, "CONFIG", "GET", "set-max-intset-entries");
            s.same("SADD", "i", "1", "2", "3");
            s.same("OBJECT", "ENCODING", "i");
            s.same("SADD", "h", "a");
            s.same("OBJECT", "ENCODING", "h");
            s.same("SADD", "i", "x");
            s.same("OBJECT", "ENCODING", "i");
            s.same("SREM", "i", "x");
            s.same("OBJECT", "ENCODING", "i");
            s.same(fill("SADD", "big", 513, false, ""));
            s.same("OBJECT", "ENCODING", "big");
            s.same(fill("SADD", "edge", 512, false, ""));
            s.same("OBJECT", "ENCODING", "edge");
            s.same("SINTERSTORE", "d", "big", "edge");
            s.same("OBJECT", "ENCODING", "d");
            s.same("SUNIONSTORE", "d", "big", "edge");
            s.same("OBJECT", "ENCODING", "d");
            s.same("SDIFFSTORE", "d", "h", "i");
            s.same("OBJECT", "ENCODING", "d");
            s.same("CONFIG", "SET", "set-max-intset-entries", "2");
            s.same("SADD", "small", "1", "2");
            s.same("OBJECT", "ENCODING", "small");
            s.same("SADD", "small", "3");
            s.same("OBJECT", "ENCODING", "small");
            s.same("SMOVE", "small", "m", "1");
            s.same("OBJECT", "ENCODING", "m");
            s.same("SMOVE", "h", "m2", "a");
            s.same("OBJECT", "ENCODING", "m2");
            s.same("CONFIG", "SET", "set-max-intset-entries", "512");
            s.same("TYPE", "small");
        });
    }

    @Test
    void zsetEncodings() {
        run(s -> {
            assumeFakeSupports(s, "OBJECT", "ENCODING", "nokey");
            assumeFakeSupports(s, "CONFIG", "GET", "zset-max-listpack-entries");
            s.same("ZADD", "z", "1", "a");
            s.same("OBJECT", "ENCODING", "z");
            s.same("ZADD", "z", "2", "x".repeat(65));
            s.same("OBJECT", "ENCODING", "z");
            s.same("ZADD", "long", "1", "x".repeat(65));
            s.same("OBJECT", "ENCODING", "long");
            s.same(fill("ZADD", "big", 129, true, "m"));
            s.same("OBJECT", "ENCODING", "big");
            s.same(fill("ZADD", "edge", 128, true, "m"));
            s.same("OBJECT", "ENCODING", "edge");
            s.same("ZREMRANGEBYRANK", "big", "0", "100");
            s.same("OBJECT", "ENCODING", "big");
            s.same("ZUNIONSTORE", "u", "1", "big");
            s.same("OBJECT", "ENCODING", "u");
            s.same("ZINTERSTORE", "u", "2", "big", "edge");
            s.same("OBJECT", "ENCODING", "u");
            s.same("ZRANGESTORE", "r", "big", "0", "-1");
            s.same("OBJECT", "ENCODING", "r");
            s.same("ZRANGESTORE", "r", "z", "0", "-1");
            s.same("OBJECT", "ENCODING", "r");
            s.same("ZADD", "neg", "-0", "a");
            s.same("ZSCORE", "neg", "a");
            s.same("ZADD", "neg", "1", "x".repeat(65), "-0", "b");
            s.same("ZSCORE", "neg", "b");
            s.same("ZUNIONSTORE", "negu", "1", "neg", "WEIGHTS", "-1");
            s.same("ZRANGE", "negu", "0", "-1", "WITHSCORES");
            s.same("ZUNION", "1", "neg", "WEIGHTS", "-1", "WITHSCORES");
            s.same("CONFIG", "SET", "zset-max-listpack-entries", "0");
            s.same("ZADD", "zero", "1", "a");
            s.same("OBJECT", "ENCODING", "zero");
            s.same("CONFIG", "SET", "zset-max-listpack-entries", "128");
            s.same("CONFIG", "SET", "zset-max-listpack-value", "3");
            s.same("ZADD", "v", "1", "abcd", "2", "a");
            s.same("OBJECT", "ENCODING", "v");
            s.same("ZADD", "v2", "1", "abc", "2", "a");
            s.same("OBJECT", "ENCODING", "v2");
            s.same("CONFIG", "SET", "zset-max-listpack-value", "64");
            s.same("TYPE", "v2");
        });
    }

    /** Every message up to and including the PUNSUBSCRIBE confirmation. */
    private static List<String> drain(RawConnection c) {
        List<String> out = new ArrayList<>();
        while (true) {
            String m = RawConnection.show(c.read());
            out.add(m);
            if (m.contains("punsubscribe")) return out;
            if (out.size() > 1000) return out;
        }
    }

    @Test
    void keyspaceEvents() {
        run(s -> {
            assumeFakeSupports(s, "CONFIG", "GET", "notify-keyspace-events");
            assumeFakeSupports(s, "PUBSUB", "NUMPAT");
            s.same("CONFIG", "SET", "notify-keyspace-events", "KEA");
            try (ConformanceTest.Session sub = new ConformanceTest.Session(s.resp)) {
                sub.same("PSUBSCRIBE", "__key*__:*");
                String[][] script = {
                    {"SADD", "s", "1", "2", "3"}, {"SADD", "s", "1"}, {"SREM", "s", "9"}, {"SREM", "s", "1"},
                    {"SMOVE", "s", "t", "2"}, {"SMOVE", "s", "t", "3"}, {"SREM", "t", "3"}, {"SPOP", "t"}, {"SADD", "t", "7", "8"},
                    {"SPOP", "t", "5"}, {"SADD", "a", "1", "2"}, {"SADD", "b", "2"}, {"SINTERSTORE", "d", "a", "b"},
                    {"SUNIONSTORE", "d", "a", "b"}, {"SDIFFSTORE", "d", "b", "a"}, {"SINTERSTORE", "a", "nokey"},
                    {"ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d"}, {"ZADD", "z", "NX", "1", "a"},
                    {"ZINCRBY", "z", "1", "a"}, {"ZADD", "z", "INCR", "1", "a"}, {"ZREM", "z", "nope"},
                    {"ZREM", "z", "a"}, {"ZREMRANGEBYSCORE", "z", "2", "2"}, {"ZREMRANGEBYRANK", "z", "0", "0"},
                    {"ZADD", "l", "0", "a", "0", "b"}, {"ZREMRANGEBYLEX", "l", "-", "+"}, {"ZPOPMIN", "z"},
                    {"ZADD", "z", "1", "a", "2", "b"}, {"ZPOPMAX", "z", "5"}, {"ZADD", "z", "1", "a", "2", "b"},
                    {"ZMPOP", "1", "z", "MIN", "COUNT", "1"}, {"BZPOPMAX", "z", "0"}, {"ZADD", "z", "1", "a"},
                    {"ZUNIONSTORE", "u", "1", "z"}, {"ZINTERSTORE", "u", "1", "z"}, {"ZDIFFSTORE", "u", "1", "z"},
                    {"ZRANGESTORE", "r", "z", "0", "-1"}, {"ZRANGESTORE", "r", "nokey", "0", "-1"},
                    {"ZDIFFSTORE", "u", "2", "z", "z"},
                };
                for (String[] cmd : script) s.same(cmd);
                byte[] unsub = RawConnection.encode(RawConnection.utf8("PUNSUBSCRIBE"));
                sub.real.write(unsub);
                sub.fake.write(unsub);
                List<String> real = drain(sub.real);
                List<String> fake = drain(sub.fake);
                assertEquals(String.join("\n", real), String.join("\n", fake), "RESP" + s.resp + " keyspace events differ");
            } finally {
                s.same("CONFIG", "SET", "notify-keyspace-events", "");
            }
        });
    }
}
