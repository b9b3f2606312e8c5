package io.fakeredis.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.clock.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MONITOR's lines, engine side: the clock's time, the client's address, quoting, redaction. */
class MonitorTest {
    private final ManualClock clock = new ManualClock(Instant.ofEpochSecond(1_700_000_000L, 123_000));
    private final Engine engine = new Engine(clock);
    private final TestClient c = new TestClient(engine);
    private final Lines lines = new Lines();

    @AfterEach
    void close() {
        engine.close();
    }

    /** A monitor's sink that keeps the status lines it is sent and counts errors. */
    static final class Lines implements ReplySink {
        final List<String> got = new ArrayList<>();
        private long errors;

        @Override public void status(String s) { got.add(s); }
        @Override public void error(String s) { errors++; }
        @Override public int resp() { return 2; }
        @Override public void resp(int version) {}
        @Override public void integer(long v) {}
        @Override public void bulk(byte[] b, int off, int len) {}
        @Override public void nullBulk() {}
        @Override public void nullArray() {}
        @Override public void array(int n) {}
        @Override public void map(int n) {}
        @Override public void set(int n) {}
        @Override public void push(int n) {}
        @Override public void dbl(double d) {}
        @Override public void bool(boolean b) {}
        @Override public void verbatim(String format, byte[] text) {}
    }

    private Client monitor() {
        Client m = engine.connect(new Client.Transport() {
            @Override
            public String addr() {
                return "127.0.0.1:5000";
            }
        }, lines);
        engine.lock.lock();
        try {
            engine.execute(m, new byte[][] {"MONITOR".getBytes(StandardCharsets.US_ASCII)});
        } finally {
            engine.lock.unlock();
        }
        assertThat(lines.got).containsExactly("OK");
        lines.got.clear();
        return m;
    }

    @Test
    void linesCarryTheClocksTimeTheDbAndQuotedArguments() {
        monitor();
        c.call("SET", "k", "123");
        clock.advance(java.time.Duration.ofMillis(1500));
        c.call("SELECT", "3");
        c.call(new byte[][] {"SET".getBytes(), "q".getBytes(), {'"', '\\', '\n', '\r', '\t', 7, '\b', 0, 'a', (byte) 0xff}});
        assertThat(lines.got).containsExactly(
                "1700000000.000123 [0 ] \"SET\" \"k\" \"123\"",
                "1700000001.500123 [3 ] \"SELECT\" \"3\"",
                "1700000001.500123 [3 ] \"SET\" \"q\" \"\\\"\\\\\\n\\r\\t\\a\\b\\x00a\\xff\"");
    }

    @Test
    void scriptsAreFedFirstAndTheirCommandsShowLua() {
        monitor();
        c.call("EVAL", "redis.call('select', '2') return redis.call('set', 'x', '1')", "0");
        assertThat(lines.got).containsExactly(
                "1700000000.000123 [0 ] \"EVAL\" \"redis.call('select', '2') return redis.call('set', 'x', '1')\" \"0\"",
                "1700000000.000123 [2 lua] \"select\" \"2\"",
                "1700000000.000123 [2 lua] \"set\" \"x\" \"1\"");
    }

    @Test
    void passwordsAreRedactedForOneCommand() {
        c.call("AUTH", "user", "pw");
        assertThat(c.client.shownArgv).isNull();
        monitor();
        c.call("AUTH", "user", "pw");
        c.call("HELLO", "2", "AUTH", "default", "pw", "SETNAME", "me");
        assertThat(c.client.shownArgv).isNull();
        assertThat(lines.got).containsExactly(
                "1700000000.000123 [0 ] \"AUTH\" \"(redacted)\" \"(redacted)\"",
                "1700000000.000123 [0 ] \"HELLO\" \"2\" \"AUTH\" \"(redacted)\" \"(redacted)\" \"SETNAME\" \"me\"");
    }

    @Test
    void adminCommandsAreNotFedAndMonitorsStopOnReset() {
        Client m = monitor();
        c.call("CONFIG", "GET", "maxmemory");
        c.call("LATENCY", "LATEST");
        c.call("PING");
        engine.lock.lock();
        try {
            engine.execute(m, new byte[][] {"RESET".getBytes(StandardCharsets.US_ASCII)});
        } finally {
            engine.lock.unlock();
        }
        c.call("PING");
        assertThat(lines.got).containsExactly("1700000000.000123 [0 ] \"PING\"", "RESET");
        assertThat(engine.monitoring()).isFalse();
        assertThat(m.monitor).isFalse();
    }

    @Test
    void aMonitorMayNotTouchTheKeyspace() {
        Client m = monitor();
        engine.lock.lock();
        try {
            engine.execute(m, new byte[][] {"GET".getBytes(), "k".getBytes()});
            engine.execute(m, new byte[][] {"PUBLISH".getBytes(), "ch".getBytes(), "x".getBytes()});
        } finally {
            engine.lock.unlock();
        }
        assertThat(lines.got).isEmpty();
        assertThat(lines.errors).isEqualTo(2);
        engine.disconnect(m);
        assertThat(engine.monitoring()).isFalse();
    }
}
