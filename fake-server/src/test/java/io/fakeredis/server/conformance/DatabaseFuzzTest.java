package io.fakeredis.server.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test across databases: SELECT, SWAPDB, MOVE, COPY ... DB, FLUSHDB and
 * DBSIZE mixed with writes and reads, the connection's selected database tracked by the server
 * alone. Every reply compared byte for byte. -Dfuzz.seed=N replays a failure.
 */
class DatabaseFuzzTest extends FlushingConformanceTest {
    private Random rnd;

    private String pick(String... a) {
        return a[rnd.nextInt(a.length)];
    }

    private String key() {
        return pick("a", "b", "c");
    }

    private String db() {
        return pick("0", "1", "2", "2", "15", "16", "-1", "x");
    }

    @Test
    void randomDatabaseOperations() {
        fuzz((s, r, history) -> {
            rnd = r;
            try {
                for (int i = 0, n = fuzzCommands(2000); i < n; i++) step(s, history);
            } finally {
                s.real.call("SELECT", "0");
                s.fake.call("SELECT", "0");
            }
        });
    }

    private void step(ConformanceTest.Session s, List<String> history) {
        String[] a;
        switch (rnd.nextInt(16)) {
            case 0: case 1: a = new String[] {"SELECT", db()}; break;
            case 2: a = new String[] {"SWAPDB", db(), db()}; break;
            case 3: case 4: a = new String[] {"MOVE", key(), db()}; break;
            case 5: a = rnd.nextBoolean() ? new String[] {"COPY", key(), key(), "DB", db()}
                    : new String[] {"COPY", key(), key(), "DB", db(), "REPLACE"}; break;
            case 6: a = new String[] {"FLUSHDB"}; break;
            case 7: a = new String[] {"DBSIZE"}; break;
            case 8: case 9: a = new String[] {"SET", key(), pick("1", "v", "w")}; break;
            case 10: a = new String[] {"RPUSH", key(), "x"}; break;
            case 11: a = new String[] {"INCR", key()}; break;
            case 12: a = new String[] {"RENAME", key(), key()}; break;
            case 13: a = new String[] {"EXISTS", "a", "b", "c"}; break;
            case 14: a = new String[] {"TYPE", key()}; break;
            default: a = new String[] {"GET", key()}; break;
        }
        history.add(String.join(" ", a));
        s.same(a);
    }
}
