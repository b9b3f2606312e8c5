package io.fakeredis.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.clock.ManualClock;
import org.junit.jupiter.api.Test;

class CommandLogTest {
    @Test
    void keepsTheNewestEntriesAndClearsInConstantTime() {
        try (Engine engine = new Engine(new ManualClock())) {
            Client c = engine.connect(new Client.Transport() {}, new NullSink());
            CommandLog log = new CommandLog(3);
            for (int i = 0; i < 5; i++) {
                log.record(c, new byte[][] {"ECHO".getBytes(), ("m" + i).getBytes()}, i);
            }
            assertThat(log.size()).isEqualTo(3);
            assertThat(log.entries()).extracting(e -> e.args().get(0)).containsExactly("m2", "m3", "m4");
            assertThat(log.entries()).extracting(CommandLog.Entry::timeMs).containsExactly(2L, 3L, 4L);
            log.clear();
            assertThat(log.entries()).isEmpty();
            log.record(c, new byte[][] {"PING".getBytes()}, 9);
            assertThat(log.entries()).extracting(CommandLog.Entry::name).containsExactly("PING");
            assertThat(log.toString()).contains("PING");
        }
    }

    @Test
    void growsToItsCapacityKeepingOrderThroughClearAndWrap() {
        try (Engine engine = new Engine(new ManualClock())) {
            Client c = engine.connect(new Client.Transport() {}, new NullSink());
            CommandLog log = new CommandLog(1000);
            assertThat(log.capacity()).isEqualTo(1000);
            for (int i = 0; i < 300; i++) log.record(c, new byte[][] {"ECHO".getBytes(), ("a" + i).getBytes()}, i);
            assertThat(log.entries()).extracting(CommandLog.Entry::timeMs).containsExactlyElementsOf(range(0, 300));
            log.clear();
            for (int i = 0; i < 2500; i++) log.record(c, new byte[][] {"ECHO".getBytes(), ("b" + i).getBytes()}, i);
            assertThat(log.size()).isEqualTo(1000);
            assertThat(log.entries()).extracting(CommandLog.Entry::timeMs).containsExactlyElementsOf(range(1500, 2500));
        }
    }

    private static java.util.List<Long> range(long from, long to) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (long i = from; i < to; i++) out.add(i);
        return out;
    }

    @Test
    void unloggedTransportsAreSkipped() {
        try (Engine engine = new Engine(new ManualClock())) {
            class Quiet implements Client.Transport, CommandLog.Unlogged {}
            Client c = engine.connect(new Quiet(), new NullSink());
            engine.commandLog.record(c, new byte[][] {"PING".getBytes()}, 1);
            assertThat(engine.commandLog.size()).isZero();
        }
    }

    static final class NullSink implements ReplySink {
        public int resp() { return 2; }
        public void resp(int v) {}
        public void status(String s) {}
        public void error(String s) {}
        public void integer(long v) {}
        public void bulk(byte[] b, int off, int len) {}
        public void nullBulk() {}
        public void nullArray() {}
        public void array(int n) {}
        public void map(int n) {}
        public void set(int n) {}
        public void push(int n) {}
        public void dbl(double d) {}
        public void bool(boolean b) {}
        public void verbatim(String f, byte[] t) {}
        public long errors() { return 0; }
    }
}
