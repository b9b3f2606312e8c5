package io.fakeredis.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fakeredis.core.clock.Clock;
import io.fakeredis.core.clock.ManualClock;
import io.fakeredis.core.db.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TTLs and expiry: exact arithmetic on a manual clock, active expiry, and the cron on real time. */
class ExpiryTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final Engine engine = new Engine(clock);
    private final TestClient c = new TestClient(engine);
    private final Database db0 = engine.db(0);

    @AfterEach
    void close() {
        engine.close();
    }

    private void advance(long ms) {
        clock.advance(Duration.ofMillis(ms));
    }

    @Test
    void keysVanishWhenTheClockPassesTheirTime() {
        c.call("SET", "k", "v");
        c.call("SET", "forever", "v");
        assertEquals(1L, c.call("PEXPIRE", "k", "1000"));
        advance(999);
        assertEquals(2, db0.size());
        assertEquals(1L, c.call("PTTL", "k"));
        advance(1);
        // gone without any command touching it
        assertEquals(1, db0.size());
        assertEquals(0, db0.volatileCount());
        assertEquals(1L, engine.stats.expiredKeys);
        assertEquals(0L, c.call("EXISTS", "k"));
        assertEquals(1L, c.call("DBSIZE"));
    }

    @Test
    void manyKeysInManyDatabasesExpireTogether() {
        for (int d = 0; d < 3; d++) {
            c.call("SELECT", Integer.toString(d));
            for (int i = 0; i < 3000; i++) {
                c.call("SET", "k" + i, "v");
                if (i % 3 != 0) c.call("PEXPIRE", "k" + i, Integer.toString(100 + i));
            }
        }
        advance(1100); // keys with i <= 1000 are due
        int gone = 0;
        for (int i = 0; i <= 1000; i++) if (i % 3 != 0) gone++;
        for (int d = 0; d < 3; d++) {
            assertEquals(3000 - gone, engine.db(d).size(), "db " + d);
            assertEquals(2000 - gone, engine.db(d).volatileCount(), "db " + d);
        }
        advance(3000);
        for (int d = 0; d < 3; d++) {
            assertEquals(1000, engine.db(d).size());
            assertEquals(0, engine.db(d).volatileCount());
            // the table shrank back as keys left
            assertTrue(engine.db(d).dict().capacity() <= 4096, "capacity " + engine.db(d).dict().capacity());
        }
        c.call("SELECT", "0");
        assertEquals(0L, c.call("EXISTS", "k1"));
        assertEquals(1L, c.call("EXISTS", "k3"));
    }

    @Test
    void partialExpiryKeepsTheRest() {
        for (int i = 0; i < 500; i++) {
            c.call("SET", "k" + i, "v");
            c.call("PEXPIRE", "k" + i, Integer.toString(1 + i));
        }
        advance(250);
        assertEquals(250, db0.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(i < 250 ? 0L : 1L, c.call("EXISTS", "k" + i), "k" + i);
        }
        advance(250);
        assertEquals(0, db0.size());
    }

    @Test
    void ttlArithmetic() {
        c.call("SET", "k", "v");
        assertEquals(-1L, c.call("TTL", "k"));
        assertEquals(-1L, c.call("PTTL", "k"));
        assertEquals(-2L, c.call("TTL", "missing"));
        c.call("PEXPIRE", "k", "1500");
        assertEquals(1500L, c.call("PTTL", "k"));
        assertEquals(2L, c.call("TTL", "k")); // rounds to nearest
        advance(600);
        assertEquals(900L, c.call("PTTL", "k"));
        assertEquals(1L, c.call("TTL", "k"));
        long at = T0.toEpochMilli() + 1500;
        assertEquals(at, c.call("PEXPIRETIME", "k"));
        assertEquals((at + 500) / 1000, c.call("EXPIRETIME", "k"));
        c.call("EXPIRE", "k", "10");
        assertEquals(10_000L, c.call("PTTL", "k"));
        c.call("EXPIREAT", "k", Long.toString(T0.getEpochSecond() + 100));
        assertEquals(100_000L - 600, c.call("PTTL", "k"));
        c.call("PEXPIREAT", "k", Long.toString(T0.toEpochMilli() + 700));
        assertEquals(100L, c.call("PTTL", "k"));
        assertEquals(0L, c.call("TTL", "k"));
        // exactly now counts as past: EXPIRE 0 deletes
        assertEquals(1L, c.call("PEXPIREAT", "k", Long.toString(T0.toEpochMilli() + 600)));
        assertEquals(0L, c.call("EXISTS", "k"));
        assertEquals(0, db0.size());
    }

    @Test
    void conditionsCompareAbsoluteTimes() {
        c.call("SET", "k", "v");
        assertEquals(1L, c.call("EXPIRE", "k", "-5", "LT"));    // no TTL counts as infinite: LT wins, key deleted
        assertEquals(0L, c.call("EXISTS", "k"));
        c.call("SET", "k", "v");
        assertEquals(0L, c.call("EXPIRE", "k", "100", "GT"));   // GT never beats infinite
        assertEquals(1L, c.call("EXPIRE", "k", "100", "NX"));
        assertEquals(0L, c.call("PEXPIRE", "k", "100000", "GT")); // equal is not greater
        assertEquals(0L, c.call("PEXPIRE", "k", "100000", "LT"));
        assertEquals(1L, c.call("PEXPIRE", "k", "100001", "GT"));
        assertEquals(1L, c.call("PEXPIRE", "k", "99999", "LT", "XX"));
        assertEquals(99999L, c.call("PTTL", "k"));
        assertEquals("-ERR NX and XX, GT or LT options at the same time are not compatible",
                c.call("EXPIRE", "k", "1", "NX", "LT"));
        assertEquals("-ERR GT and LT options at the same time are not compatible", c.call("EXPIRE", "k", "1", "GT", "LT"));
        assertEquals("-ERR invalid expire time in 'pexpire' command", c.call("PEXPIRE", "k", "9223372036854775807"));
        assertEquals("-ERR invalid expire time in 'expire' command", c.call("EXPIRE", "k", "9223372036854776"));
        assertEquals(99999L, c.call("PTTL", "k"));
    }

    @Test
    void persistAndOverwrites() {
        c.call("SET", "k", "v");
        c.call("EXPIRE", "k", "10");
        assertEquals(1, db0.volatileCount());
        assertEquals(1L, c.call("PERSIST", "k"));
        assertEquals(0, db0.volatileCount());
        assertEquals(0L, c.call("PERSIST", "k"));
        c.call("EXPIRE", "k", "10");
        c.call("SET", "k", "w");
        assertEquals(-1L, c.call("TTL", "k"));
        assertEquals(0, db0.volatileCount());
        advance(20_000);
        assertEquals("w", c.call("GET", "k"));
    }

    @Test
    void renameMoveCopyCarryTheTtl() {
        c.call("SET", "a", "v");
        c.call("PEXPIRE", "a", "5000");
        c.call("RENAME", "a", "b");
        assertEquals(5000L, c.call("PTTL", "b"));
        c.call("COPY", "b", "c");
        assertEquals(5000L, c.call("PTTL", "c"));
        c.call("MOVE", "c", "1");
        c.call("SELECT", "1");
        assertEquals(5000L, c.call("PTTL", "c"));
        assertEquals(1, engine.db(1).volatileCount());
        advance(5000);
        assertEquals(0, engine.db(1).size());
        assertEquals(0, db0.size());
    }

    @Test
    void idleTimeAndTouch() {
        c.call("SET", "k", "v");
        advance(10_000);
        assertEquals(10L, c.call("OBJECT", "IDLETIME", "k"));
        // these do not touch
        c.call("TYPE", "k");
        c.call("EXISTS", "k");
        c.call("TTL", "k");
        c.call("OBJECT", "ENCODING", "k");
        c.call("SCAN", "0", "TYPE", "string");
        c.call("KEYS", "*");
        assertEquals(10L, c.call("OBJECT", "IDLETIME", "k"));
        c.call("TOUCH", "k");
        assertEquals(0L, c.call("OBJECT", "IDLETIME", "k"));
        advance(3000);
        c.call("GET", "k");
        assertEquals(0L, c.call("OBJECT", "IDLETIME", "k"));
        advance(3000);
        c.call("RENAME", "k", "j"); // the write lookup touches it
        assertEquals(0L, c.call("OBJECT", "IDLETIME", "j"));
        advance(5000);
        c.call("SET", "j", "overwritten"); // a new value is a fresh object
        assertEquals(0L, c.call("OBJECT", "IDLETIME", "j"));
        advance(4000);
        c.call("MOVE", "j", "2");
        c.call("SELECT", "2");
        assertEquals(0L, c.call("OBJECT", "IDLETIME", "j"));
    }

    @Test
    void lfuCountersAndErrors() {
        assertTrue(((String) c.call("OBJECT", "FREQ", "missing") == null));
        c.call("SET", "k", "v");
        assertTrue(((String) c.call("OBJECT", "FREQ", "k")).startsWith("-ERR An LFU maxmemory policy is not selected"));
        engine.config().set("maxmemory-policy", "allkeys-lfu");
        c.call("SET", "f", "v");
        assertEquals(5L, c.call("OBJECT", "FREQ", "f"));
        assertTrue(((String) c.call("OBJECT", "IDLETIME", "f")).startsWith("-ERR An LFU maxmemory policy is selected"));
        advance(120_000); // two decay periods of one minute
        assertEquals(3L, c.call("OBJECT", "FREQ", "f"));
        for (int i = 0; i < 200; i++) c.call("GET", "f");
        long hot = (Long) c.call("OBJECT", "FREQ", "f");
        assertTrue(hot > 5, "counter " + hot);
        c.call("RENAME", "f", "g"); // the object keeps its counter
        long renamed = (Long) c.call("OBJECT", "FREQ", "g");
        assertTrue(renamed >= hot, renamed + " < " + hot);
        c.call("COPY", "g", "h"); // a copy is a new object
        assertEquals(5L, c.call("OBJECT", "FREQ", "h"));
    }

    @Test
    void scanSkipsExpiredKeysAndKeysHidesThem() {
        for (int i = 0; i < 100; i++) c.call("SET", "k" + i, "v");
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int steps = 0;
        do {
            @SuppressWarnings("unchecked")
            List<Object> r = (List<Object>) c.call("SCAN", cursor, "COUNT", "5");
            cursor = (String) r.get(0);
            for (Object k : (List<?>) r.get(1)) seen.add((String) k);
            // keys added during the scan may or may not be seen; the others must all be
            c.call("SET", "new" + steps, "v");
            steps++;
        } while (!cursor.equals("0"));
        for (int i = 0; i < 100; i++) assertTrue(seen.contains("k" + i), "k" + i);
        assertTrue(steps > 5);
    }

    @Test
    void randomkeyOnEmptyAndSingle() {
        assertNull(c.call("RANDOMKEY"));
        c.call("SET", "only", "v");
        for (int i = 0; i < 20; i++) assertEquals("only", c.call("RANDOMKEY"));
        c.call("PEXPIRE", "only", "10");
        advance(10);
        assertNull(c.call("RANDOMKEY"));
    }

    @Test
    void cronExpiresOnTheSystemClock() throws InterruptedException {
        try (Engine e = new Engine(Clock.system())) {
            TestClient t = new TestClient(e);
            for (int i = 0; i < 2000; i++) {
                t.call("SET", "k" + i, "v");
                t.call("PEXPIRE", "k" + i, "50");
            }
            t.call("SET", "stays", "v");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (sizeOf(e, 0) > 1 && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(1, sizeOf(e, 0));
            assertEquals(2000L, e.stats.expiredKeys);
        }
    }

    private static int sizeOf(Engine e, int db) {
        e.lock.lock();
        try {
            return e.db(db).size();
        } finally {
            e.lock.unlock();
        }
    }
}
