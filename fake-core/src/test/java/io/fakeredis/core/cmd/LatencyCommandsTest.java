package io.fakeredis.core.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.Engine;
import io.fakeredis.core.TestClient;
import io.fakeredis.core.clock.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Command durations come from the engine's clock: a clock whose readings jump makes every command slow. */
class LatencyCommandsTest {
    private static final long WALL_SECONDS = 1_700_000_000L;

    /** A frozen wall clock whose duration readings each move by step ns: every command takes step. */
    static final class SlowClock implements Clock {
        long step;
        private long nanos;

        @Override
        public long micros() {
            return WALL_SECONDS * 1_000_000;
        }

        @Override
        public boolean isManual() {
            return true;
        }

        @Override
        public long nanoTime() {
            return nanos += step;
        }
    }

    private final SlowClock clock = new SlowClock();
    private final Engine engine = new Engine(clock);
    private final TestClient c = new TestClient(engine);

    @AfterEach
    void close() {
        engine.close();
    }

    /** Runs a command that takes ms milliseconds. */
    private Object slow(long ms, String... args) {
        clock.step = ms * 1_000_000;
        try {
            return c.call(args);
        } finally {
            clock.step = 0;
        }
    }

    @Test
    void nothingIsRecordedWhileTheThresholdIsZero() {
        slow(150, "SET", "k", "v");
        assertThat(c.call("LATENCY", "LATEST")).isEqualTo(List.of());
        assertThat((String) c.call("LATENCY", "DOCTOR")).startsWith("I'm sorry, Dave, I can't do that.");
    }

    @Test
    void slowCommandsAndFastCommandsAreSeparateEvents() {
        c.call("CONFIG", "SET", "latency-monitor-threshold", "100");
        slow(99, "SET", "k", "v");
        assertThat(c.call("LATENCY", "LATEST")).isEqualTo(List.of());
        slow(150, "SET", "k", "v");
        slow(120, "GET", "k");
        slow(130, "GET", "k");
        assertThat(c.call("LATENCY", "LATEST")).isEqualTo(List.of(
                List.of("command", WALL_SECONDS, 150L, 150L),
                List.of("fast-command", WALL_SECONDS, 130L, 130L)));
        assertThat(c.call("LATENCY", "HISTORY", "fast-command")).isEqualTo(List.of(List.of(WALL_SECONDS, 130L)));
        assertThat(c.call("LATENCY", "HISTORY", "Fast-Command")).isEqualTo(List.of());
        assertThat((String) c.call("LATENCY", "DOCTOR"))
                .contains("1. command: 1 latency spikes (average 150ms, mean deviation 0ms, period 1.00 sec). Worst all time event 150ms.")
                .contains("2. fast-command: 1 latency spikes (average 130ms");
        assertThat((String) c.call("LATENCY", "GRAPH", "command")).startsWith("command - high 150 ms, low 150 ms");
        assertThat(c.call("LATENCY", "GRAPH", "nosuch")).isEqualTo("-ERR No samples available for event 'nosuch'");
        assertThat(c.call("LATENCY", "RESET", "COMMAND", "nosuch")).isEqualTo(1L);
        assertThat(c.call("LATENCY", "RESET")).isEqualTo(1L);
        assertThat((String) c.call("LATENCY", "DOCTOR")).startsWith("Dave, no latency spike was observed");
    }

    @Test
    void commandsInsideExecAndScriptsAreMeasuredOneByOne() {
        c.call("CONFIG", "SET", "latency-monitor-threshold", "100");
        c.call("MULTI");
        c.call("SET", "k", "v");
        // EXEC reads the clock for itself and for SET: SET takes one step, EXEC three
        assertThat(slow(50, "EXEC")).isEqualTo(List.of("+OK"));
        assertThat(c.call("LATENCY", "LATEST")).isEqualTo(List.of(List.of("command", WALL_SECONDS, 150L, 150L)));
    }

    @Test
    void histogramCountsCallsPerCommand() {
        c.call("CONFIG", "RESETSTAT");
        slow(0, "SET", "k", "v");
        slow(10, "SET", "k", "v");
        slow(150, "GET", "k");
        c.call("CONFIG", "GET", "maxmemory");
        assertThat(c.call("LATENCY", "HISTOGRAM", "set", "GET", "nosuch", "config", "get|x")).isEqualTo(List.of(
                "set", List.of("calls", 2L, "histogram_usec", List.of(1L, 1L, 16908L, 2L)),
                "get", List.of("calls", 1L, "histogram_usec", List.of(270532L, 1L)),
                "config|resetstat", List.of("calls", 1L, "histogram_usec", List.of(1L, 1L)),
                "config|get", List.of("calls", 1L, "histogram_usec", List.of(1L, 1L))));
        // all commands: the RESETSTAT that started it all, and LATENCY HISTOGRAM itself
        @SuppressWarnings("unchecked")
        List<Object> all = (List<Object>) c.call("LATENCY", "HISTOGRAM");
        assertThat(all).hasSize(10).contains("config|resetstat", "latency|histogram");
        c.call("CONFIG", "SET", "latency-tracking", "no");
        c.call("GET", "k");
        c.call("CONFIG", "SET", "latency-tracking", "yes");
        assertThat(c.call("LATENCY", "HISTOGRAM", "get")).isEqualTo(List.of(
                "get", List.of("calls", 1L, "histogram_usec", List.of(270532L, 1L))));
        c.call("CONFIG", "RESETSTAT");
        assertThat(c.call("LATENCY", "HISTOGRAM", "set")).isEqualTo(List.of());
    }
}
