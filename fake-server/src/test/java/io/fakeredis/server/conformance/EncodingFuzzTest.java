package io.fakeredis.server.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test of OBJECT ENCODING: random small listpack and intset thresholds,
 * then random writes and removals on a list, a hash, a set and a sorted set, with OBJECT
 * ENCODING (and the collection, where its order is defined by the encoding) compared after each.
 * The thresholds are put back afterwards. -Dfuzz.seed=N replays a failure.
 */
class EncodingFuzzTest extends FlushingConformanceTest {
    private static final String[] THRESHOLDS = {"list-max-listpack-size", "hash-max-listpack-entries",
        "hash-max-listpack-value", "set-max-intset-entries", "zset-max-listpack-entries", "zset-max-listpack-value"};

    private Random rnd;

    private String pick(String... a) {
        return a[rnd.nextInt(a.length)];
    }

    /** Short and long, integer and not: each can move a key across an encoding boundary. */
    private String element() {
        return pick("1", "2", "3", "42", "-7", "a", "b", "ccc", "dddddddd", "eeeeeeeeeeeeeeee", "12345678901234567890",
                "9223372036854775807", "x".repeat(70));
    }

    @Test
    void randomConversions() {
        fuzz((s, r, history) -> {
            rnd = r;
            String[] saved = new String[THRESHOLDS.length];
            for (int i = 0; i < THRESHOLDS.length; i++) {
                saved[i] = Reply.bulkString(Reply.elements(s.real.call(RawConnection.utf8("CONFIG", "GET", THRESHOLDS[i]))).get(1));
            }
            try {
                for (int round = 0, n = Integer.getInteger("fuzz.rounds", 40); round < n; round++) round(s, history);
            } finally {
                for (int i = 0; i < THRESHOLDS.length; i++) {
                    s.real.call(RawConnection.utf8("CONFIG", "SET", THRESHOLDS[i], saved[i]));
                    s.fake.call(RawConnection.utf8("CONFIG", "SET", THRESHOLDS[i], saved[i]));
                }
            }
        });
    }

    private void send(ConformanceTest.Session s, List<String> history, String... args) {
        history.add(String.join(" ", args));
        s.same(args);
    }

    private void round(ConformanceTest.Session s, List<String> history) {
        send(s, history, "CONFIG", "SET", "list-max-listpack-size", pick("-2", "-1", "1", "2", "3", "5"),
                "hash-max-listpack-entries", pick("0", "1", "2", "4", "128"), "hash-max-listpack-value", pick("0", "1", "4", "8", "64"),
                "set-max-intset-entries", pick("0", "1", "2", "4", "512"), "zset-max-listpack-entries", pick("0", "1", "2", "4", "128"),
                "zset-max-listpack-value", pick("0", "1", "4", "8", "64"));
        send(s, history, "DEL", "l", "h", "s", "z");
        int n = 5 + rnd.nextInt(25);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(12)) {
                case 0: case 1: send(s, history, pick("LPUSH", "RPUSH"), "l", element()); break;
                case 2: send(s, history, pick("LPOP", "RPOP"), "l"); break;
                case 3: case 4: send(s, history, "HSET", "h", element(), element()); break;
                case 5: send(s, history, "HDEL", "h", element()); break;
                case 6: case 7: send(s, history, "SADD", "s", element()); break;
                case 8: send(s, history, "SREM", "s", element()); break;
                case 9: case 10: send(s, history, "ZADD", "z", pick("1", "2", "-1.5"), element()); break;
                default: send(s, history, "ZREM", "z", element()); break;
            }
            String key = pick("l", "h", "s", "z");
            send(s, history, "OBJECT", "ENCODING", key);
        }
        // where the encoding fixes the order, the whole collection must match too
        send(s, history, "LRANGE", "l", "0", "-1");
        send(s, history, "ZRANGE", "z", "0", "-1", "WITHSCORES");
        for (String key : new String[] {"h", "s"}) {
            byte[] enc = s.same("OBJECT", "ENCODING", key);
            String e = new String(enc, java.nio.charset.StandardCharsets.US_ASCII);
            if (e.contains("listpack") || e.contains("intset")) send(s, history, key.equals("h") ? "HGETALL" : "SMEMBERS", key);
        }
    }
}
