package io.fakeredis.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.ReplySink;
import io.fakeredis.core.clock.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-client accessors, subscribed context, disconnect and output-limit drops, through engine.execute. */
class PubSubClientStateTest {
    private final Engine engine = new Engine(new ManualClock());
    private final PubSub ps = engine.pubsub();

    @AfterEach
    void close() {
        engine.close();
    }

    /** Records replies as text tokens; counts its bytes roughly for the output limit. */
    static final class Sink implements ReplySink, Client.Transport {
        final List<String> out = new ArrayList<>();
        int resp = 2;
        long bytes;
        int wakes;
        boolean dropped;

        @Override public int resp() { return resp; }
        @Override public void resp(int v) { resp = v; }
        @Override public void status(String s) { add("+" + s); }
        @Override public void error(String s) { add("-" + s); }
        @Override public void integer(long v) { add(":" + v); }
        @Override public void bulk(byte[] b, int off, int len) { add("$" + new String(b, off, len, StandardCharsets.UTF_8)); }
        @Override public void nullBulk() { add("null"); }
        @Override public void nullArray() { add("nullarray"); }
        @Override public void array(int n) { add("*" + n); }
        @Override public void map(int n) { add("%" + n); }
        @Override public void set(int n) { add("~" + n); }
        @Override public void push(int n) { add((resp == 2 ? "*" : ">") + n); }
        @Override public void dbl(double d) { add("," + d); }
        @Override public void bool(boolean b) { add("#" + b); }
        @Override public void verbatim(String f, byte[] t) { add("=" + new String(t, StandardCharsets.UTF_8)); }
        @Override public long outputBufferBytes() { return bytes; }
        @Override public void wake() { wakes++; }
        @Override public void closeNow() { dropped = true; }

        private void add(String s) {
            out.add(s);
            bytes += s.length() + 2;
        }
    }

    private Client connect(Sink s) {
        return engine.connect(s, s);
    }

    private void run(Client c, String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
        engine.lock.lock();
        try {
            engine.execute(c, argv);
        } finally {
            engine.lock.unlock();
        }
    }

    @Test
    void countsContextAndDisconnect() {
        Sink s = new Sink();
        Client c = connect(s);
        run(c, "SUBSCRIBE", "a", "b");
        run(c, "PSUBSCRIBE", "p*");
        run(c, "SSUBSCRIBE", "s");
        assertThat(ps.channels(c)).isEqualTo(2);
        assertThat(ps.patterns(c)).isEqualTo(1);
        assertThat(ps.shardChannels(c)).isEqualTo(1);
        assertThat(ps.channelCount()).isEqualTo(2);
        assertThat(ps.patternCount()).isEqualTo(1);
        assertThat(ps.shardChannelCount()).isEqualTo(1);
        assertThat(ps.inSubscribedContext(c)).isTrue();
        s.out.clear();
        run(c, "PING");
        assertThat(s.out).containsExactly("*2", "$pong", "$");
        s.resp = 3;
        assertThat(ps.inSubscribedContext(c)).isFalse();
        s.resp = 2;
        engine.disconnect(c);
        assertThat(ps.channels(c)).isZero();
        assertThat(ps.channelCount()).isZero();
        assertThat(ps.patternCount()).isZero();
        assertThat(ps.shardChannelCount()).isZero();
        assertThat(ps.inSubscribedContext(c)).isFalse();
    }

    @Test
    void deliveryWakesOtherClients() {
        Sink sub = new Sink();
        Client c = connect(sub);
        Sink pubSink = new Sink();
        Client p = connect(pubSink);
        run(c, "SUBSCRIBE", "ch");
        sub.out.clear();
        run(p, "PUBLISH", "ch", "m");
        assertThat(pubSink.out).containsExactly(":1");
        assertThat(sub.out).containsExactly("*3", "$message", "$ch", "$m");
        assertThat(sub.wakes).isEqualTo(1);
    }

    @Test
    void overTheHardLimitTheSubscriberIsDropped() {
        engine.config().set("client-output-buffer-limit", "normal 0 0 0 slave 0 0 0 pubsub 1kb 0 0");
        Sink sub = new Sink();
        Client c = connect(sub);
        Client p = connect(new Sink());
        run(c, "SUBSCRIBE", "ch");
        String big = "x".repeat(600);
        run(p, "PUBLISH", "ch", big);
        assertThat(sub.dropped).isFalse();
        run(p, "PUBLISH", "ch", big);
        assertThat(sub.dropped).isTrue();
        assertThat(c.closing).isTrue();
        assertThat(ps.channelCount()).isZero();
        assertThat(ps.publish("ch", "after")).isZero();
    }
}
