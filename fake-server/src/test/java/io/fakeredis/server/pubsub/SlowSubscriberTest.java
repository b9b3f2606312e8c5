package io.fakeredis.server.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.Clock;
import io.fakeredis.core.clock.ManualClock;
import io.fakeredis.server.FakeRedisServer;
import io.fakeredis.server.conformance.RawConnection;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A subscriber that never reads must not stall the publisher or other subscribers, nor make the
 * server buffer without bound: client-output-buffer-limit pubsub drops it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowSubscriberTest {

    /** Connects with a tiny receive window, subscribes, reads the confirmation, then never reads again. */
    private static Socket stalledSubscriber(FakeRedisServer server, String channel) throws Exception {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress(server.host(), server.port()));
        OutputStream out = s.getOutputStream();
        out.write(RawConnection.encode(RawConnection.utf8("SUBSCRIBE", channel)));
        out.flush();
        InputStream in = s.getInputStream();
        byte[] conf = ("*3\r\n$9\r\nsubscribe\r\n$" + channel.length() + "\r\n" + channel + "\r\n:1\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(in.readNBytes(conf.length)).isEqualTo(conf);
        return s;
    }

    private static long maxOutput(Engine engine) {
        engine.lock.lock();
        try {
            long max = 0;
            for (Client c : engine.clients()) max = Math.max(max, c.transport.outputBufferBytes());
            return max;
        } finally {
            engine.lock.unlock();
        }
    }

    private static int numsub(RawConnection pub, String channel) {
        byte[] r = pub.call("PUBSUB", "NUMSUB", channel);
        String s = new String(r, StandardCharsets.US_ASCII);
        return Integer.parseInt(s.substring(s.lastIndexOf(':') + 1).trim());
    }

    @Test
    void hardLimitDropsStalledSubscriberWhilePublisherAndOthersGoOn() throws Exception {
        try (Engine engine = new Engine(Clock.system());
             FakeRedisServer server = FakeRedisServer.start(engine);
             Socket slow = stalledSubscriber(server, "feed");
             RawConnection fast = RawConnection.tcp(server.host(), server.port());
             RawConnection pub = RawConnection.tcp(server.host(), server.port())) {
            fast.call("SUBSCRIBE", "feed");
            AtomicLong fastGot = new AtomicLong();
            Thread reader = new Thread(() -> {
                try {
                    while (true) {
                        fast.read();
                        fastGot.incrementAndGet();
                    }
                } catch (RuntimeException closed) {
                    // test over
                }
            });
            reader.setDaemon(true);
            reader.start();

            byte[] payload = new byte[100 * 1024];
            java.util.Arrays.fill(payload, (byte) 'x');
            byte[][] cmd = {RawConnection.utf8("PUBLISH")[0], RawConnection.utf8("feed")[0], payload};
            int messages = 1000; // 100 MB in total
            long maxBuffered = 0;
            int droppedAt = -1;
            long t0 = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                byte[] r = pub.call(cmd);
                int receivers = Integer.parseInt(new String(r, 1, r.length - 3, StandardCharsets.US_ASCII));
                if (receivers == 1 && droppedAt < 0) droppedAt = i;
                if (i % 10 == 0) maxBuffered = Math.max(maxBuffered, maxOutput(engine));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            // dropped once about 32 MB were queued for it (plus what the kernel buffers took)
            assertThat(droppedAt).isBetween(200, 700);
            assertThat(maxBuffered).isLessThan(32L * 1024 * 1024 + 2 * payload.length);
            assertThat(numsub(pub, "feed")).isEqualTo(1);
            assertThat(seconds).isLessThan(60);
            // the fast subscriber got every message
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (fastGot.get() < messages && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(fastGot.get()).isEqualTo(messages);
            // and the slow socket was closed by the server
            slow.setSoTimeout(10_000);
            InputStream in = slow.getInputStream();
            byte[] sink = new byte[1 << 16];
            long drained = 0;
            int n;
            while ((n = in.read(sink)) > 0) drained += n;
            assertThat(n).isEqualTo(-1);
            assertThat(drained).isLessThan(32L * 1024 * 1024);
        }
    }

    @Test
    void infoAndClientListShowTheQueuedOutput() throws Exception {
        try (Engine engine = new Engine(Clock.system());
             FakeRedisServer server = FakeRedisServer.start(engine);
             Socket slow = stalledSubscriber(server, "feed");
             RawConnection pub = RawConnection.tcp(server.host(), server.port())) {
            byte[] payload = new byte[100 * 1024];
            byte[][] cmd = {RawConnection.utf8("PUBLISH")[0], RawConnection.utf8("feed")[0], payload};
            for (int i = 0; i < 50; i++) pub.call(cmd); // 5 MB: under both limits, mostly queued
            String info = new String(pub.call("INFO", "clients"), StandardCharsets.US_ASCII);
            long recent = Long.parseLong(info.replaceAll("(?s).*client_recent_max_output_buffer:(\\d+).*", "$1"));
            assertThat(recent).isGreaterThan(1024L * 1024);
            String list = new String(pub.call("CLIENT", "LIST"), StandardCharsets.US_ASCII);
            String line = java.util.Arrays.stream(list.split("\n")).filter(l -> l.contains("cmd=subscribe")).findFirst().orElseThrow();
            long omem = Long.parseLong(line.replaceAll(".* omem=(\\d+).*", "$1"));
            assertThat(omem).isGreaterThan(1024L * 1024);
        }
    }

    @Test
    void softLimitCountsTimeOnTheEngineClock() throws Exception {
        ManualClock clock = new ManualClock();
        try (Engine engine = new Engine(clock);
             FakeRedisServer server = FakeRedisServer.start(engine);
             Socket slow = stalledSubscriber(server, "soft");
             RawConnection pub = RawConnection.tcp(server.host(), server.port())) {
            engine.config().set("client-output-buffer-limit", "normal 0 0 0 slave 268435456 67108864 60 pubsub 0 1mb 10");
            byte[] payload = new byte[64 * 1024];
            byte[][] cmd = {RawConnection.utf8("PUBLISH")[0], RawConnection.utf8("soft")[0], payload};
            // far over the soft limit, but not for long enough
            for (int i = 0; i < 200; i++) assertThat(pub.call(cmd)).isEqualTo(":1\r\n".getBytes());
            assertThat(numsub(pub, "soft")).isEqualTo(1);
            clock.advance(Duration.ofSeconds(10));
            pub.call(cmd);
            assertThat(numsub(pub, "soft")).isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            pub.call(cmd);
            assertThat(numsub(pub, "soft")).isZero();
        }
    }
}
