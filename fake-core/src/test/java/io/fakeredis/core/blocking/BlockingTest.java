package io.fakeredis.core.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.ReplySink;
import io.fakeredis.core.clock.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blocking deadlines and wakeups on a manual clock, without sockets. */
class BlockingTest {
    ManualClock clock;
    Engine engine;

    /** Records replies as short tokens, and counts wakeups. */
    static final class Recorder implements ReplySink, Client.Transport {
        final List<String> out = new ArrayList<>();
        int wakes;

        @Override public int resp() { return 2; }
        @Override public void resp(int version) { }
        @Override public void status(String s) { out.add("+" + s); }
        @Override public void error(String s) { out.add("-" + s); }
        @Override public void integer(long v) { out.add(":" + v); }
        @Override public void bulk(byte[] b, int off, int len) { out.add(new String(b, off, len, StandardCharsets.UTF_8)); }
        @Override public void nullBulk() { out.add("$-1"); }
        @Override public void nullArray() { out.add("*-1"); }
        @Override public void array(int n) { out.add("*" + n); }
        @Override public void map(int n) { out.add("%" + n); }
        @Override public void set(int n) { out.add("~" + n); }
        @Override public void push(int n) { out.add(">" + n); }
        @Override public void dbl(double d) { out.add("," + d); }
        @Override public void bool(boolean b) { out.add("#" + b); }
        @Override public void verbatim(String format, byte[] text) { out.add("=" + new String(text, StandardCharsets.UTF_8)); }
        @Override public void wake() { wakes++; }

        String take() {
            String s = String.join(" ", out);
            out.clear();
            return s;
        }
    }

    Recorder ra = new Recorder();
    Recorder rb = new Recorder();
    Recorder rc = new Recorder();
    Client a;
    Client b;
    Client c;

    @BeforeEach
    void setUp() {
        clock = new ManualClock();
        engine = new Engine(clock);
        a = engine.connect(ra, ra);
        b = engine.connect(rb, rb);
        c = engine.connect(rc, rc);
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    void exec(Client cl, String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
        engine.lock.lock();
        try {
            engine.execute(cl, argv);
        } finally {
            engine.lock.unlock();
        }
    }

    @Test
    void timesOutExactlyAtTheDeadline() {
        exec(a, "BLPOP", "k", "1.5");
        assertTrue(a.blocked);
        assertEquals("", ra.take());
        assertEquals(1, engine.blocking().blockedCount());
        clock.advance(Duration.ofMillis(1499));
        assertTrue(a.blocked);
        assertEquals("", ra.take());
        clock.advance(Duration.ofMillis(1));
        assertFalse(a.blocked);
        assertEquals("*-1", ra.take());
        assertEquals(1, ra.wakes);
        assertEquals(0, engine.blocking().blockedCount());
    }

    @Test
    void zeroWaitsForever() {
        exec(a, "BRPOPLPUSH", "k", "d", "0");
        clock.advance(Duration.ofDays(3650));
        assertTrue(a.blocked);
        exec(b, "LPUSH", "k", "x");
        assertEquals(":1", rb.take());
        assertEquals("x", ra.take());
        assertFalse(a.blocked);
        exec(b, "LRANGE", "d", "0", "-1");
        assertEquals("*1 x", rb.take());
    }

    @Test
    void timedOutMoveRepliesNullArray() {
        exec(a, "BLMOVE", "k", "d", "LEFT", "RIGHT", "0.01");
        clock.advance(Duration.ofMillis(10));
        assertEquals("*-1", ra.take());
    }

    @Test
    void firstBlockedFirstServed() {
        exec(a, "BLPOP", "k", "10");
        exec(b, "BLPOP", "other", "k", "10");
        exec(c, "RPUSH", "k", "1");
        assertEquals("*2 k 1", ra.take());
        assertTrue(b.blocked);
        exec(c, "RPUSH", "other", "2");
        assertEquals("*2 other 2", rb.take());
        // the earlier deadline of a served client must not fire later
        clock.advance(Duration.ofSeconds(20));
        assertEquals("", ra.take());
        assertEquals("", rb.take());
    }

    @Test
    void oneWriteServesSeveralWaiters() {
        exec(a, "BLMPOP", "0", "1", "k", "LEFT", "COUNT", "2");
        exec(b, "BRPOP", "k", "0");
        exec(c, "RPUSH", "k", "1", "2", "3", "4");
        assertEquals(":4", rc.take());
        assertEquals("*2 k *2 1 2", ra.take());
        assertEquals("*2 k 4", rb.take());
        exec(c, "LRANGE", "k", "0", "-1");
        assertEquals("*1 3", rc.take());
    }

    @Test
    void insideMultiActsAtOnce() {
        a.inMulti = true;
        exec(a, "BLPOP", "k", "0");
        assertEquals("*-1", ra.take());
        exec(a, "BLMOVE", "k", "d", "LEFT", "LEFT", "0");
        assertEquals("$-1", ra.take());
        exec(a, "BRPOPLPUSH", "k", "d", "0");
        assertEquals("$-1", ra.take());
        exec(a, "BLMPOP", "0", "1", "k", "LEFT");
        assertEquals("*-1", ra.take());
        assertFalse(a.blocked);
        assertEquals(0, engine.blocking().blockedCount());
    }

    @Test
    void disconnectForgets() {
        exec(a, "BLPOP", "k", "5");
        engine.disconnect(a);
        assertEquals(0, engine.blocking().blockedCount());
        exec(b, "RPUSH", "k", "v");
        exec(b, "LLEN", "k");
        assertEquals(":1 :1", rb.take());
        clock.advance(Duration.ofSeconds(10));
        assertEquals("", ra.take());
    }

    @Test
    void clientUnblock() {
        exec(a, "BLPOP", "k", "0");
        exec(b, "CLIENT", "UNBLOCK", Long.toString(a.id));
        assertEquals(":1", rb.take());
        assertEquals("*-1", ra.take());
        exec(a, "BLPOP", "k", "0");
        exec(b, "CLIENT", "UNBLOCK", Long.toString(a.id), "ERROR");
        assertEquals(":1", rb.take());
        assertEquals("-UNBLOCKED client unblocked via CLIENT UNBLOCK", ra.take());
        exec(b, "CLIENT", "UNBLOCK", Long.toString(a.id));
        assertEquals(":0", rb.take());
    }

    @Test
    void keyOfOtherDbDoesNotWake() {
        exec(a, "SELECT", "3");
        exec(a, "BLPOP", "k", "0");
        ra.take();
        exec(b, "RPUSH", "k", "v");
        assertTrue(a.blocked);
        exec(b, "SELECT", "3");
        exec(b, "RPUSH", "k", "w");
        assertEquals("*2 k w", ra.take());
    }
}
