package io.fakeredis.core.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fakeredis.core.Engine;
import io.fakeredis.core.TestClient;
import io.fakeredis.core.clock.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Idle, delivery and seen times of consumer groups follow the engine clock exactly. */
class StreamGroupCommandsTest {

    private static final long T0 = 1_700_000_000_000L;

    @Test
    void idleTimesFollowTheManualClock() {
        ManualClock clock = new ManualClock(Instant.ofEpochMilli(T0));
        Engine engine = new Engine(clock);
        try {
            TestClient c = new TestClient(engine);
            c.call("XADD", "s", "1-0", "f", "v");
            c.call("XADD", "s", "2-0", "f", "v");
            c.call("XGROUP", "CREATE", "s", "g", "0");
            c.call("XREADGROUP", "GROUP", "g", "a", "COUNT", "1", "STREAMS", "s", ">");
            clock.advance(Duration.ofMillis(300));
            c.call("XREADGROUP", "GROUP", "g", "b", "STREAMS", "s", ">");
            clock.advance(Duration.ofMillis(200));
            assertEquals(List.of(List.of("1-0", "a", 500L, 1L), List.of("2-0", "b", 200L, 1L)),
                    c.call("XPENDING", "s", "g", "-", "+", "10"));
            assertEquals(List.of(List.of("1-0", "a", 500L, 1L)), c.call("XPENDING", "s", "g", "IDLE", "201", "-", "+", "10"));
            assertEquals(List.of(List.of("name", "a", "pending", 1L, "idle", 500L),
                    List.of("name", "b", "pending", 1L, "idle", 200L)), c.call("XINFO", "CONSUMERS", "s", "g"));
            // XCLAIM with a minimum idle time takes only the entries idle long enough
            assertEquals(List.of("1-0"), c.call("XCLAIM", "s", "g", "b", "400", "1-0", "2-0", "JUSTID"));
            assertEquals(List.of(List.of("1-0", "b", 0L, 1L), List.of("2-0", "b", 200L, 1L)),
                    c.call("XPENDING", "s", "g", "-", "+", "10"));
            // IDLE and TIME set the delivery time
            c.call("XCLAIM", "s", "g", "a", "0", "1-0", "IDLE", "1234");
            c.call("XCLAIM", "s", "g", "a", "0", "2-0", "TIME", Long.toString(T0 + 100));
            assertEquals(List.of(List.of("1-0", "a", 1234L, 2L), List.of("2-0", "a", 400L, 2L)),
                    c.call("XPENDING", "s", "g", "-", "+", "10"));
            // XAUTOCLAIM after 700 more: 1-0 is idle 1934 ms, 2-0 1100 ms
            clock.advance(Duration.ofMillis(700));
            assertEquals(List.of("0-0", List.of("1-0"), List.of()),
                    c.call("XAUTOCLAIM", "s", "g", "c", "1500", "0", "JUSTID"));
            // XREADGROUP history redelivers: count up, delivery time now
            clock.advance(Duration.ofMillis(50));
            c.call("XREADGROUP", "GROUP", "g", "a", "STREAMS", "s", "0");
            assertEquals(List.of(List.of("1-0", "c", 50L, 2L), List.of("2-0", "a", 0L, 3L)),
                    c.call("XPENDING", "s", "g", "-", "+", "10"));
            assertEquals(List.of("name", "c", "seen-time", T0 + 1200, "pel-count", 1L, "pending",
                    List.of(List.of("1-0", T0 + 1200, 2L))), consumer(c.call("XINFO", "STREAM", "s", "FULL"), 2));
        } finally {
            engine.close();
        }
    }

    /** The i-th consumer of the first group in an XINFO STREAM FULL reply. */
    private static Object consumer(Object full, int i) {
        List<?> top = (List<?>) full;
        List<?> groups = (List<?>) top.get(top.indexOf("groups") + 1);
        List<?> group = (List<?>) groups.get(0);
        List<?> consumers = (List<?>) group.get(group.indexOf("consumers") + 1);
        return consumers.get(i);
    }
}
