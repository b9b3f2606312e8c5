package io.fakeredis.core.cmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.ReplySink;
import io.fakeredis.core.clock.ManualClock;
import io.fakeredis.core.type.MutableString;
import io.fakeredis.core.type.StringValue;
import io.fakeredis.core.type.Values;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the wire cannot show yet: OBJECT ENCODING choices and TTL effects, checked on the data layer. */
class StringCommandsTest {
    private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(1_700_000_000_000L));
    private final Engine engine = new Engine(clock);
    private final Recorder out = new Recorder();
    private final Client c = engine.connect(new Client.Transport() {}, out);

    @AfterEach
    void close() {
        engine.close();
    }

    /** Runs a command and returns its reply as text: +OK, :1, $v, _ (nil), -ERR ... */
    private String call(String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
        out.parts.clear();
        engine.lock.lock();
        try {
            engine.execute(c, argv);
        } finally {
            engine.lock.unlock();
        }
        return String.join(" ", out.parts);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String encoding(String key) {
        return Values.encoding(c.db.peek(b(key)), engine.config());
    }

    private long ttl(String key) {
        long at = c.db.expireAt(b(key));
        return at < 0 ? -1 : at - clock.instant().toEpochMilli();
    }

    @Test
    void encodingsAsRedisChoosesThem() {
        // each expectation was read from OBJECT ENCODING on Redis 7.0.15
        call("SET", "a", "123");
        call("SET", "b", "abc");
        call("SET", "c", "x".repeat(45));
        call("SET", "c44", "x".repeat(44));
        call("APPEND", "d", "12");
        call("APPEND", "e", "abc");
        call("SET", "f", "1");
        call("APPEND", "f", "2");
        call("SETRANGE", "g", "0", "12");
        call("SETRANGE", "g2", "3", "x");
        call("INCR", "h");
        call("INCRBYFLOAT", "i", "1");
        call("INCRBYFLOAT", "j", "10.5");
        call("INCRBYFLOAT", "k2", "1e43");
        call("INCRBYFLOAT", "big", "1e50");
        call("SET", "l", "5");
        call("INCRBYFLOAT", "l", "0.5");
        call("GETSET", "m", "77");
        call("MSET", "n", "12345678901234567890", "o", "-1");
        call("SETEX", "p", "100", "42");
        call("SET", "r", "-9223372036854775808");
        call("SET", "s", "9223372036854775808");
        call("SET", "t", "007");
        call("SET", "w", "1");
        call("SETRANGE", "w", "0", "");
        call("SET", "w2", "1");
        call("APPEND", "w2", "");
        String[][] expected = {{"a", "int"}, {"b", "embstr"}, {"c", "raw"}, {"c44", "embstr"}, {"d", "int"},
            {"e", "embstr"}, {"f", "raw"}, {"g", "raw"}, {"g2", "raw"}, {"h", "int"}, {"i", "embstr"}, {"j", "embstr"},
            {"k2", "embstr"}, {"big", "raw"}, {"l", "embstr"}, {"m", "int"}, {"n", "embstr"}, {"o", "int"}, {"p", "int"},
            {"r", "int"}, {"s", "embstr"}, {"t", "embstr"}, {"w", "int"}, {"w2", "raw"}};
        for (String[] e : expected) assertEquals(e[1], encoding(e[0]), e[0]);
        // INCR turns an embstr or raw number back into int
        call("INCR", "i");
        call("INCR", "f");
        assertEquals("int", encoding("i"));
        assertEquals("int", encoding("f"));
        assertEquals("$2 13", call("GET", "f"));
    }

    @Test
    void ttlEffects() {
        call("SET", "k", "v", "EX", "100");
        assertEquals(100_000, ttl("k"));
        call("SET", "k", "v", "PX", "1500");
        assertEquals(1500, ttl("k"));
        long now = clock.instant().toEpochMilli();
        call("SET", "k", "v", "PXAT", Long.toString(now + 7000));
        assertEquals(7000, ttl("k"));
        call("SET", "k", "v", "EXAT", Long.toString(now / 1000 + 20));
        assertEquals((now / 1000 + 20) * 1000 - now, ttl("k"));
        call("SET", "k", "w", "KEEPTTL");
        assertTrue(ttl("k") > 0);
        call("SET", "k", "w", "XX");
        assertEquals(-1, ttl("k"));

        call("SETEX", "n", "50", "1");
        call("INCR", "n");
        call("INCRBY", "n", "5");
        call("DECR", "n");
        call("INCRBYFLOAT", "n", "0.5");
        call("APPEND", "n", "0");
        call("SETRANGE", "n", "0", "9");
        assertEquals(50_000, ttl("n"));
        assertEquals("$4 9.50", call("GET", "n"));
        call("GETSET", "n", "1");
        assertEquals(-1, ttl("n"));

        call("PSETEX", "g", "3000", "v");
        assertEquals("$1 v", call("GETEX", "g"));
        assertEquals(3000, ttl("g"));
        call("GETEX", "g", "EX", "9");
        assertEquals(9000, ttl("g"));
        call("GETEX", "g", "PERSIST");
        assertEquals(-1, ttl("g"));
        call("GETEX", "g", "PXAT", Long.toString(now + 1));
        assertEquals(1, ttl("g"));
        call("GETEX", "g", "PXAT", Long.toString(now));
        assertNull(c.db.peek(b("g")));

        call("MSET", "m", "1");
        call("SETEX", "m", "10", "1");
        call("MSET", "m", "2");
        assertEquals(-1, ttl("m"));

        // a past absolute time is accepted by SET; the key is then expired on access
        call("SET", "p", "v", "PXAT", "1");
        assertEquals("_", call("GET", "p"));

        // time passing expires keys made by SETEX
        call("SETEX", "e", "1", "v");
        clock.advance(Duration.ofMillis(1001));
        assertEquals("_", call("GET", "e"));
    }

    @Test
    void appendGrowsInPlaceAndNeverChangesHandedOutBytes() {
        call("SET", "k", "ab");
        call("APPEND", "k", "c");
        Object v = c.db.peek(b("k"));
        assertTrue(v instanceof MutableString);
        byte[] seen = StringValue.bytes(v);
        assertArrayEquals(b("abc"), seen);
        call("SETRANGE", "k", "0", "X");
        call("APPEND", "k", "d");
        assertArrayEquals(b("abc"), seen);
        assertArrayEquals(b("Xbcd"), StringValue.bytes(c.db.peek(b("k"))));
        assertEquals(4, StringValue.length(v));
        assertTrue(Values.copy(v) != v);
        assertEquals("raw", Values.encoding(Values.copy(v), engine.config()));

        long t0 = System.nanoTime();
        for (int i = 0; i < 200_000; i++) call("APPEND", "loop", "0123456789");
        assertEquals(":2000000", call("STRLEN", "loop"));
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "APPEND loops must be amortized O(1)");
        assertEquals("$5 34567", call("GETRANGE", "loop", "1999993", "1999997"));
    }

    @Test
    void readersAcceptBothRepresentations() {
        call("APPEND", "k", "12");
        call("APPEND", "k", "3");
        assertEquals("$3 123", call("GET", "k"));
        assertEquals("*2 $3 123 _", call("MGET", "k", "nope"));
        assertEquals(":3", call("STRLEN", "k"));
        assertEquals("$2 23", call("GETRANGE", "k", "1", "-1"));
        assertEquals("$3 123", call("SET", "k", "x", "GET"));
        call("SETRANGE", "k", "0", "1");
        assertEquals(":2", call("INCR", "k"));
        call("APPEND", "k", ".5");
        assertEquals("$3 3.5", call("INCRBYFLOAT", "k", "1"));
        call("APPEND", "k", "x");
        call("SET", "o", "3.5");
        assertEquals("$3 3.5", call("LCS", "k", "o"));
        assertEquals("$4 3.5x", call("GETDEL", "k"));
        call("SETRANGE", "k", "1", "z");
        assertEquals("$2 \0z", call("GETEX", "k", "PERSIST"));
        assertEquals("$2 \0z", call("GETSET", "k", "v"));
    }

    /** Records replies as short tokens. */
    static final class Recorder implements ReplySink {
        final List<String> parts = new ArrayList<>();
        int resp = 2;

        @Override public int resp() { return resp; }
        @Override public void resp(int version) { resp = version; }
        @Override public void status(String s) { parts.add("+" + s); }
        @Override public void error(String s) { parts.add("-" + s); }
        @Override public void integer(long v) { parts.add(":" + v); }
        @Override public void bulk(byte[] b, int off, int len) {
            parts.add("$" + len);
            parts.add(new String(b, off, len, StandardCharsets.ISO_8859_1));
        }
        @Override public void nullBulk() { parts.add("_"); }
        @Override public void nullArray() { parts.add("_"); }
        @Override public void array(int n) { parts.add("*" + n); }
        @Override public void map(int n) { parts.add("%" + n); }
        @Override public void set(int n) { parts.add("~" + n); }
        @Override public void push(int n) { parts.add(">" + n); }
        @Override public void dbl(double d) { parts.add("," + d); }
        @Override public void bool(boolean b) { parts.add("#" + b); }
        @Override public void verbatim(String format, byte[] text) { parts.add("=" + new String(text, StandardCharsets.ISO_8859_1)); }
    }
}
