package io.fakeredis.server.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test for keyspace notifications: random scripts of commands from every
 * data type, run with notify-keyspace-events KEA while a subscriber listens on both servers; the
 * replies and the event frames, in order, must be equal. Expiry only through absolute times.
 * -Dfuzz.seed=N replays a failure.
 */
class KeyspaceEventsFuzzTest extends FlushingConformanceTest {
    private Random rnd;

    private String pick(String... a) {
        return a[rnd.nextInt(a.length)];
    }

    private String key() {
        return pick("a", "b", "c", "d");
    }

    @Test
    void randomScripts() {
        fuzz((s, r, history) -> {
            rnd = r;
            for (int round = 0, rounds = Integer.getInteger("fuzz.rounds", 30); round < rounds; round++) {
                List<String[]> script = new ArrayList<>();
                int n = 10 + rnd.nextInt(30);
                for (int i = 0; i < n; i++) script.add(command());
                history.clear(); // a failure shows this round's script
                for (String[] c : script) history.add(String.join(" ", c));
                s.sameEvents(pick("KEA", "KEA", "Kg$lshzxe", "El", "Ez"), script.toArray(new String[0][]));
            }
        });
    }

    private String[] command() {
        String k = key();
        switch (rnd.nextInt(36)) {
            case 0: return new String[] {"SET", k, pick("1", "v")};
            // not a past EXAT: Redis 7.0 keeps such a key until it is touched or actively
            // expired, so when its "expired" event comes depends on timing
            case 1: return new String[] {"SET", k, "v", "EXAT", "4102444800"};
            case 2: return new String[] {"INCRBY", k, pick("1", "5")};
            case 3: return new String[] {"APPEND", k, "x"};
            case 4: return new String[] {"SETRANGE", k, "2", "yy"};
            case 5: return new String[] {"GETDEL", k};
            case 6: return rnd.nextBoolean() ? new String[] {"GETEX", k, "PERSIST"}
                    : new String[] {"GETEX", k, "PXAT", pick("4102444800000", "1000")};
            case 7: return new String[] {pick("LPUSH", "RPUSH"), k, "p", "q"};
            case 8: return new String[] {pick("LPOP", "RPOP"), k};
            case 9: return new String[] {"LMOVE", k, key(), pick("LEFT", "RIGHT"), pick("LEFT", "RIGHT")};
            case 10: return new String[] {"LTRIM", k, "1", "-1"};
            case 11: return new String[] {"LSET", k, "0", "z"};
            case 12: return new String[] {"HSET", k, pick("f", "g"), "1"};
            case 13: return new String[] {"HDEL", k, pick("f", "g")};
            case 14: return new String[] {"HINCRBY", k, "f", "2"};
            case 15: return new String[] {"SADD", k, pick("m", "n")};
            case 16: return new String[] {"SREM", k, pick("m", "n")};
            case 17: return new String[] {"SMOVE", k, key(), "m"};
            case 18: return new String[] {pick("SINTERSTORE", "SUNIONSTORE", "SDIFFSTORE"), k, key(), key()};
            case 19: return new String[] {"ZADD", k, pick("1", "2"), pick("m", "n")};
            case 20: return new String[] {"ZINCRBY", k, "1", "m"};
            case 21: return new String[] {"ZREM", k, "m"};
            case 22: return new String[] {pick("ZPOPMIN", "ZPOPMAX"), k};
            case 23: return new String[] {"ZREMRANGEBYSCORE", k, "-inf", "1"};
            case 24: return new String[] {pick("ZUNIONSTORE", "ZINTERSTORE"), k, "2", key(), key()};
            case 25: return new String[] {"XADD", k, pick("1-1", "2-0", "3-0"), "f", "v"};
            case 26: return new String[] {"XTRIM", k, "MAXLEN", "1"};
            case 27: return new String[] {"DEL", k, key()};
            case 28: return new String[] {pick("RENAME", "RENAMENX"), k, key()};
            case 29: return new String[] {"COPY", k, key(), "REPLACE"};
            case 30: return new String[] {"EXPIREAT", k, pick("4102444800", "1000")};
            case 31: return new String[] {"PERSIST", k};
            case 32: return new String[] {"SORT", k, "ALPHA", "STORE", key()};
            case 33: return new String[] {"SETBIT", k, "3", "1"};
            case 34: return new String[] {"PFADD", k, "e1", "e2"};
            default: return new String[] {"BITOP", "OR", k, key(), key()};
        }
    }
}
