package io.fakeredis.core.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.ReplySink;
import io.fakeredis.core.clock.Clock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CLIENT TRACKING seen from inside the engine: writes through the typed API, lazy expiry and
 * flushes reach an in-process RESP3 client. The wire behaviour is compared with Redis in
 * fake-server's TrackingConformanceTest.
 */
class TrackingTest {

    /** A connected client that writes what it receives as flat tokens: ">2", "$invalidate", "*1", "$k", "_". */
    private static final class Recorder implements ReplySink {
        final List<String> tokens = new ArrayList<>();
        final Client client;
        int resp = 3;
        int wakes;

        Recorder(Engine engine) {
            client = engine.connect(new Client.Transport() {
                @Override
                public void wake() {
                    wakes++;
                }
            }, this);
        }

        /** Runs a command and returns everything written since the last call. */
        List<String> run(Engine engine, String... args) {
            byte[][] argv = new byte[args.length][];
            for (int i = 0; i < args.length; i++) argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
            engine.lock.lock();
            try {
                engine.execute(client, argv);
                engine.afterBatch();
            } finally {
                engine.lock.unlock();
            }
            return take();
        }

        List<String> take() {
            List<String> out = new ArrayList<>(tokens);
            tokens.clear();
            return out;
        }

        @Override public int resp() { return resp; }
        @Override public void resp(int version) { resp = version; }
        @Override public void status(String s) { tokens.add("+" + s); }
        @Override public void error(String s) { tokens.add("-" + s); }
        @Override public void integer(long v) { tokens.add(":" + v); }
        @Override public void bulk(byte[] b, int off, int len) { tokens.add("$" + new String(b, off, len, StandardCharsets.UTF_8)); }
        @Override public void nullBulk() { tokens.add("_"); }
        @Override public void nullArray() { tokens.add("_"); }
        @Override public void array(int n) { tokens.add("*" + n); }
        @Override public void map(int n) { tokens.add("%" + n); }
        @Override public void set(int n) { tokens.add("~" + n); }
        @Override public void push(int n) { tokens.add(">" + n); }
        @Override public void dbl(double d) { tokens.add("," + d); }
        @Override public void bool(boolean b) { tokens.add("#" + b); }
        @Override public void verbatim(String format, byte[] text) { tokens.add("=" + new String(text, StandardCharsets.UTF_8)); }
    }

    /** A clock that moves only when told and does not expire keys when it does: expiry stays lazy. */
    private static final class StillClock implements Clock {
        long ms = 1_000_000;

        @Override public long micros() { return ms * 1000; }
        @Override public boolean isManual() { return true; }
    }

    private static List<String> invalidate(String... keys) {
        List<String> out = new ArrayList<>(List.of(">2", "$invalidate", "*" + keys.length));
        for (String k : keys) out.add("$" + k);
        return out;
    }

    @Test
    void typedApiWriteInvalidatesTrackedKey() {
        try (FakeRedisEngine redis = new FakeRedisEngine()) {
            Engine engine = redis.internal();
            Recorder a = new Recorder(engine);
            assertEquals(List.of("+OK"), a.run(engine, "CLIENT", "TRACKING", "ON"));
            assertEquals(List.of("_"), a.run(engine, "GET", "k"));
            redis.set("k", "v");
            assertEquals(invalidate("k"), a.take());
            assertEquals(1, a.wakes);
            // forgotten once invalidated, until read again
            redis.set("k", "w");
            assertEquals(List.of(), a.take());
            a.run(engine, "GET", "k");
            redis.del("k");
            assertEquals(invalidate("k"), a.take());
            assertEquals(1, engine.trackingIfAny().clients());
            assertEquals(0, engine.trackingIfAny().totalKeys());
        }
    }

    @Test
    void typedApiFlushAndBroadcast() {
        try (FakeRedisEngine redis = new FakeRedisEngine()) {
            Engine engine = redis.internal();
            Recorder a = new Recorder(engine);
            a.run(engine, "CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "user:");
            redis.set("user:2", "x");
            assertEquals(invalidate("user:2"), a.take());
            redis.set("other", "x");
            assertEquals(List.of(), a.take());
            redis.flushAll();
            assertEquals(List.of(">2", "$invalidate", "_"), a.take());
        }
    }

    @Test
    void ownWriteAndLazyExpiryFollowTheReply() {
        StillClock clock = new StillClock();
        try (Engine engine = new Engine(clock)) {
            Recorder a = new Recorder(engine);
            Recorder b = new Recorder(engine);
            a.run(engine, "CLIENT", "TRACKING", "ON");
            b.run(engine, "SET", "k", "v", "PX", "100");
            a.run(engine, "GET", "k");
            clock.ms += 200;
            // the GET itself expires the key: its reply comes first, then the invalidation
            List<String> expected = new ArrayList<>(List.of("_"));
            expected.addAll(invalidate("k"));
            assertEquals(expected, a.run(engine, "GET", "k"));
            // the GET read the key again: a write from b invalidates it at once
            b.run(engine, "SET", "k", "1");
            assertEquals(invalidate("k"), a.take());
            // NOLOOP: the client's own expiry-on-read is its own change
            a.run(engine, "CLIENT", "TRACKING", "ON", "NOLOOP");
            b.run(engine, "SET", "k", "v", "PX", "100");
            a.take();
            a.run(engine, "GET", "k");
            clock.ms += 200;
            assertEquals(List.of("_"), a.run(engine, "GET", "k"));
            b.run(engine, "SET", "k", "1");
            assertEquals(invalidate("k"), a.take());
        }
    }

    @Test
    void disconnectStopsTracking() {
        try (Engine engine = new Engine(Clock.system())) {
            Recorder a = new Recorder(engine);
            Recorder b = new Recorder(engine);
            a.run(engine, "CLIENT", "TRACKING", "ON", "BCAST");
            assertEquals(1, engine.trackingIfAny().clients());
            assertEquals(1, engine.trackingIfAny().totalPrefixes());
            engine.disconnect(a.client);
            assertEquals(0, engine.trackingIfAny().clients());
            assertEquals(0, engine.trackingIfAny().totalPrefixes());
            b.run(engine, "SET", "k", "v");
            assertEquals(List.of(), a.take());
        }
    }
}
