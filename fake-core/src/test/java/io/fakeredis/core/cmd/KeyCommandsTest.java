package io.fakeredis.core.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fakeredis.core.Engine;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.TestClient;
import io.fakeredis.core.clock.ManualClock;
import io.fakeredis.core.config.Config;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Key commands on an engine, for what the conformance suite cannot see. */
class KeyCommandsTest {
    private final Engine engine = new Engine(new ManualClock());
    private final TestClient c = new TestClient(engine);

    @AfterEach
    void close() {
        engine.close();
    }

    private static long cursor(String s) {
        return KeyCommands.parseCursor(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void cursorsParseLikeStrtoul() {
        assertEquals(0, cursor("0"));
        assertEquals(0, cursor(""));
        assertEquals(0, cursor("-0"));
        assertEquals(5, cursor("+5"));
        assertEquals(-1L, cursor("-1"));
        assertEquals(-1L, cursor("18446744073709551615"));
        assertEquals(Long.MIN_VALUE, cursor("9223372036854775808"));
        assertEquals(7, cursor("7\0junk"));
        for (String bad : new String[] {"18446744073709551616", "-18446744073709551616", " 1", "\t1", "1 ", "+", "-",
            "x", "0x1", "1.0", "--1", "+-1"}) {
            RedisException e = assertThrows(RedisException.class, () -> cursor(bad), bad);
            assertEquals("ERR invalid cursor", e.getMessage());
        }
    }

    @Test
    void refcountOfSharedIntegers() {
        Config cfg = engine.config();
        byte[] v = "42".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Integer.MAX_VALUE, KeyCommands.refcount(v, cfg));
        assertEquals(1, KeyCommands.refcount("10000".getBytes(StandardCharsets.US_ASCII), cfg));
        assertEquals(1, KeyCommands.refcount("-1".getBytes(StandardCharsets.US_ASCII), cfg));
        assertEquals(1, KeyCommands.refcount("x".getBytes(StandardCharsets.US_ASCII), cfg));
        cfg.set("maxmemory-policy", "allkeys-lru");
        assertEquals(Integer.MAX_VALUE, KeyCommands.refcount(v, cfg)); // no maxmemory: still shared
        cfg.set("maxmemory", "1000000");
        assertEquals(1, KeyCommands.refcount(v, cfg));
        cfg.set("maxmemory-policy", "allkeys-random");
        assertEquals(Integer.MAX_VALUE, KeyCommands.refcount(v, cfg));
    }

    @Test
    void copiesOfSmallIntegersAreNotShared() {
        c.call("SET", "k", "12");
        assertEquals((long) Integer.MAX_VALUE, c.call("OBJECT", "REFCOUNT", "k"));
        c.call("COPY", "k", "j");
        assertEquals(1L, c.call("OBJECT", "REFCOUNT", "j"));
        assertEquals("int", c.call("OBJECT", "ENCODING", "j"));
        c.call("RENAME", "j", "i");
        assertEquals(1L, c.call("OBJECT", "REFCOUNT", "i"));
        assertEquals((long) Integer.MAX_VALUE, c.call("OBJECT", "REFCOUNT", "k"));
    }

    @Test
    void swapdbKeepsClientsInTheirDatabase() {
        TestClient other = new TestClient(engine);
        other.call("SELECT", "1");
        c.call("SET", "zero", "0");
        other.call("SET", "one", "1");
        assertEquals("+OK", c.call("SWAPDB", "0", "1"));
        assertEquals("1", c.call("GET", "one"));
        assertNull(c.call("GET", "zero"));
        assertEquals("0", other.call("GET", "zero"));
        assertEquals(1, engine.db(0).size());
        assertEquals("+OK", c.call("SWAPDB", "1", "1"));
        assertEquals("0", other.call("GET", "zero"));
    }

    @Test
    void flushallEmptiesEveryDatabase() {
        for (int d = 0; d < Engine.DATABASES; d++) {
            c.call("SELECT", Integer.toString(d));
            c.call("SET", "k", "v");
            c.call("EXPIRE", "k", "100");
        }
        assertEquals("+OK", c.call("FLUSHALL"));
        for (int d = 0; d < Engine.DATABASES; d++) {
            assertEquals(0, engine.db(d).size());
            assertEquals(0, engine.db(d).volatileCount());
        }
        c.call("SET", "k", "v");
        assertEquals("+OK", c.call("FLUSHDB", "ASYNC"));
        assertEquals(0L, c.call("DBSIZE"));
    }

    @Test
    void hitsAndMissesCountLikeRedis() {
        c.call("SET", "k", "v");
        long hits = engine.stats.keyspaceHits, misses = engine.stats.keyspaceMisses;
        c.call("EXISTS", "k", "nope");
        c.call("TYPE", "k");
        c.call("TTL", "nope");
        c.call("OBJECT", "ENCODING", "k");
        c.call("TOUCH", "k");
        assertEquals(hits + 4, engine.stats.keyspaceHits);
        assertEquals(misses + 2, engine.stats.keyspaceMisses);
        // writes do not count
        c.call("DEL", "nope");
        c.call("EXPIRE", "nope", "1");
        c.call("PERSIST", "k");
        c.call("RENAME", "k", "j");
        assertEquals(hits + 4, engine.stats.keyspaceHits);
        assertEquals(misses + 2, engine.stats.keyspaceMisses);
        // SCAN's TYPE filter and COPY's source are read lookups (numbers checked against Redis 7.0)
        c.call("SCAN", "0", "TYPE", "string");
        c.call("COPY", "j", "m");
        c.call("MOVE", "m", "2");
        assertEquals(hits + 6, engine.stats.keyspaceHits);
        assertEquals(misses + 2, engine.stats.keyspaceMisses);
    }

    @Test
    void scanWithTypeAndMatchOverManyKeys() {
        for (int i = 0; i < 1000; i++) c.call("SET", "key:" + i, "v");
        Set<String> seen = new HashSet<>();
        String cur = "0";
        do {
            @SuppressWarnings("unchecked")
            List<Object> r = (List<Object>) c.call("SCAN", cur, "MATCH", "key:1*", "TYPE", "STRING", "COUNT", "13");
            cur = (String) r.get(0);
            for (Object k : (List<?>) r.get(1)) assertTrue(seen.add((String) k), "twice: " + k);
        } while (!cur.equals("0"));
        Set<String> want = new HashSet<>();
        for (int i = 0; i < 1000; i++) if (Integer.toString(i).startsWith("1")) want.add("key:" + i);
        assertEquals(want, seen);
        @SuppressWarnings("unchecked")
        List<Object> none = (List<Object>) c.call("SCAN", "0", "TYPE", "hash", "COUNT", "100000");
        assertEquals(List.of("0", new ArrayList<>()), none);
    }

    @Test
    void keysReturnsEveryMatch() {
        for (int i = 0; i < 300; i++) c.call("SET", "a" + i, "v");
        assertEquals(300, ((List<?>) c.call("KEYS", "*")).size());
        assertEquals(10, ((List<?>) c.call("KEYS", "a1?")).size()); // a10..a19
        assertEquals(List.of("a7"), c.call("KEYS", "a7"));
    }
}
