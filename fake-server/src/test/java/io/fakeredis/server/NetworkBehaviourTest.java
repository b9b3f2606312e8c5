package io.fakeredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.Clock;
import io.fakeredis.server.conformance.RawConnection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Socket-level behaviour: connection bursts (backlog) and no Nagle/delayed-ACK stalls. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetworkBehaviourTest {
    private static Engine engine;
    private static FakeRedisServer server;

    @BeforeAll
    static void start() {
        engine = new Engine(Clock.system());
        server = FakeRedisServer.start(engine);
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    @Test
    void burstOfFiftySimultaneousConnects() throws Exception {
        int n = 50;
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger ok = new AtomicInteger();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        RawConnection[] conns = new RawConnection[n];
        for (int i = 0; i < n; i++) {
            int id = i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    conns[id] = RawConnection.tcp(server.host(), server.port());
                    if (Arrays.equals("+PONG\r\n".getBytes(StandardCharsets.US_ASCII), conns[id].call("PING"))) {
                        ok.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        long t0 = System.nanoTime();
        go.countDown();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(List.of(), failures);
        assertEquals(n, ok.get());
        // a dropped SYN would cost a 1 s retransmit
        assertTrue(ms < 900, "50 connects took " + ms + " ms");
        assertEquals(n, server.connectionCount());
        for (RawConnection c : conns) c.close();
    }

    @Test
    void acceptedSocketsHaveNoDelayAndKeepAlive() throws Exception {
        try (RawConnection c = RawConnection.tcp(server.host(), server.port())) {
            c.call("PING");
            List<Connection> conns = server.connections();
            assertTrue(!conns.isEmpty());
            for (Connection conn : conns) {
                // without TCP_NODELAY a reply written while an earlier one is unacknowledged
                // waits for the peer's delayed ACK (~40 ms)
                assertEquals(true, conn.channel.getOption(java.net.StandardSocketOptions.TCP_NODELAY));
                assertEquals(true, conn.channel.getOption(java.net.StandardSocketOptions.SO_KEEPALIVE));
            }
        }
    }

    @Test
    void pipelinedBurstsDoNotStall() {
        byte[] value = new byte[3000];
        Arrays.fill(value, (byte) 'x');
        try (RawConnection c = RawConnection.tcp(server.host(), server.port())) {
            c.call(new byte[][] {b("SET"), b("stall:k"), value});
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            int batch = 30; // about 90 KB of replies per burst: several TCP segments
            for (int i = 0; i < batch; i++) {
                o.writeBytes(RawConnection.encode(b(i % 3 == 0 ? "PING" : "GET"), b("stall:k")));
            }
            byte[] burst = o.toByteArray();
            int rounds = 200;
            long[] rtt = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                c.write(burst);
                for (int i = 0; i < batch; i++) c.read();
                rtt[r] = System.nanoTime() - t0;
            }
            Arrays.sort(rtt);
            double medianMs = rtt[rounds / 2] / 1e6;
            double p90Ms = rtt[rounds * 9 / 10] / 1e6;
            System.out.printf("pipelined burst round trip: median %.2f ms, p90 %.2f ms%n", medianMs, p90Ms);
            // Nagle plus delayed ACK would put most rounds at ~40 ms
            assertTrue(medianMs < 10, "median " + medianMs + " ms");
            assertTrue(p90Ms < 30, "p90 " + p90Ms + " ms");
        }
    }

    @Test
    void smallRequestResponseDoesNotStall() {
        try (RawConnection c = RawConnection.tcp(server.host(), server.port())) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 500; i++) c.call("PING");
            double perCallMs = (System.nanoTime() - t0) / 1e6 / 500;
            assertTrue(perCallMs < 5, perCallMs + " ms per PING");
        }
    }

    @Test
    void slowReaderOfAHugePipelineGetsEveryReplyInOrder() throws Exception {
        byte[] value = new byte[1000];
        Arrays.fill(value, (byte) 'v');
        int n = 50_000;
        try (RawConnection c = RawConnection.tcp(server.host(), server.port())) {
            c.call(new byte[][] {b("SET"), b("slow:k"), value});
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                o.writeBytes(i % 2 == 0 ? RawConnection.encode(b("GET"), b("slow:k")) : RawConnection.encode(b("ECHO"), b("e" + i)));
            }
            byte[] all = o.toByteArray();
            Thread writer = new Thread(() -> c.write(all));
            writer.start();
            Thread.sleep(300); // the server's output backs up meanwhile
            String expectedGet = "$1000\r\n" + new String(value, StandardCharsets.US_ASCII) + "\r\n";
            for (int i = 0; i < n; i++) {
                String r = new String(c.read(), StandardCharsets.US_ASCII);
                String want = i % 2 == 0 ? expectedGet : "$" + ("e" + i).length() + "\r\ne" + i + "\r\n";
                if (!want.equals(r)) assertEquals(want, r, "reply " + i);
            }
            writer.join();
            assertEquals("+PONG\r\n", new String(c.call("PING"), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void twoEventLoopsServeConcurrentClients() throws Exception {
        try (Engine e = new Engine(Clock.system()); FakeRedisServer two = FakeRedisServer.start(e, "127.0.0.1", 0, 2)) {
            int threads = 8;
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Thread th = new Thread(() -> {
                    try (RawConnection c = RawConnection.tcp(two.host(), two.port())) {
                        for (int i = 0; i < 500; i++) {
                            String v = id + ":" + i;
                            c.call("SET", "two:" + id, v);
                            String r = new String(c.call("GET", "two:" + id), StandardCharsets.US_ASCII);
                            if (!r.equals("$" + v.length() + "\r\n" + v + "\r\n")) throw new AssertionError(r);
                        }
                    } catch (Throwable ex) {
                        failures.add(ex);
                    }
                });
                all.add(th);
                th.start();
            }
            for (Thread th : all) th.join();
            assertEquals(List.of(), failures);
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
