package io.fakeredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.Clock;
import io.fakeredis.server.conformance.RawConnection;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting and stopping servers leaves nothing behind: threads, sockets, file descriptors, ports. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LifecycleTest {

    private static int fakeredisThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("fakeredis-")) n++;
        }
        return n;
    }

    private static int openFds() {
        File[] fds = new File("/proc/self/fd").listFiles();
        return fds == null ? -1 : fds.length;
    }

    /** Waits for a count to settle back to at most want; returns the last value seen. */
    private static int settle(java.util.function.IntSupplier count, int want) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int v = count.getAsInt();
        while (v > want && System.nanoTime() < deadline) {
            Thread.sleep(10);
            v = count.getAsInt();
        }
        return v;
    }

    private static String ping(FakeRedisServer s) {
        try (RawConnection c = RawConnection.tcp(s.host(), s.port())) {
            return new String(c.call("PING"), StandardCharsets.US_ASCII);
        }
    }

    private static void rebind(int port) {
        try (ServerSocketChannel ch = ServerSocketChannel.open()) {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("port " + port + " still taken after close", e);
        }
    }

    @Test
    void warmUpLeavesNothingBehind() throws Exception {
        int before = fakeredisThreads();
        int fds = openFds();
        FakeRedisServer.warmUp();
        FakeRedisServer.warmUp(); // once per JVM
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("fakeredis-warmup")) t.join(10_000);
        }
        assertEquals(before, settle(LifecycleTest::fakeredisThreads, before), "fakeredis-* threads back to baseline");
        assertTrue(settle(LifecycleTest::openFds, fds) <= fds, "file descriptors back to baseline");
    }

    @Test
    void thousandServersLeaveNothingBehind() throws Exception {
        // warm up class loading and the first selectors so the baseline is honest
        try (Engine e = new Engine(Clock.system()); FakeRedisServer s = FakeRedisServer.start(e)) {
            assertEquals("+PONG\r\n", ping(s));
        }
        int baseThreads = settle(LifecycleTest::fakeredisThreads, 0);
        int baseFds = openFds();
        long slowestCloseNs = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            Engine engine = new Engine(Clock.system());
            FakeRedisServer server = FakeRedisServer.start(engine);
            int port = server.port();
            RawConnection left = null;
            if (i % 10 == 0) {
                assertEquals("+PONG\r\n", ping(server));
                // a client still connected when the server closes
                left = RawConnection.tcp(server.host(), port);
                left.call("SET", "k", "v");
            }
            long c0 = System.nanoTime();
            server.close();
            engine.close();
            slowestCloseNs = Math.max(slowestCloseNs, System.nanoTime() - c0);
            if (left != null) {
                assertTrue(left.isClosedByPeer(), "connections are closed with the server");
                left.close();
            }
            if (i % 100 == 0) rebind(port);
        }
        long totalMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        int threads = settle(LifecycleTest::fakeredisThreads, baseThreads);
        int fds = settle(LifecycleTest::openFds, baseFds + 5);
        System.out.printf("1000 servers in %d ms, slowest close %.1f ms, threads %d -> %d, fds %d -> %d%n", totalMs,
                slowestCloseNs / 1e6, baseThreads, threads, baseFds, fds);
        assertEquals(baseThreads, threads, "fakeredis-* threads back to baseline");
        assertTrue(fds <= baseFds + 5, "file descriptors stable: " + baseFds + " -> " + fds);
        assertTrue(slowestCloseNs < TimeUnit.MILLISECONDS.toNanos(1000), "close() is quick");
    }

    @Test
    void closeIsQuickAndFreesThePort() throws Exception {
        Engine engine = new Engine(Clock.system());
        FakeRedisServer server = FakeRedisServer.start(engine);
        int port = server.port();
        RawConnection[] clients = new RawConnection[20];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = RawConnection.tcp(server.host(), port);
            clients[i].call("PING");
        }
        long t0 = System.nanoTime();
        server.close();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 500, "close took " + ms + " ms");
        for (RawConnection c : clients) {
            assertTrue(c.isClosedByPeer());
            c.close();
        }
        assertEquals(0, server.connectionCount());
        rebind(port);
        server.close(); // idempotent
        engine.close();
    }

    @Test
    void portZeroBindsExactlyOnce() throws Exception {
        try (Engine engine = new Engine(Clock.system()); FakeRedisServer server = FakeRedisServer.start(engine)) {
            int port = server.port();
            assertTrue(port > 0);
            assertEquals(port, server.port());
            assertEquals(1, listeners(port), "one listening socket on the chosen port");
            assertEquals("+PONG\r\n", ping(server));
            // the port really is held by this server
            assertThrows(UncheckedIOException.class, () -> FakeRedisServer.start(engine, "127.0.0.1", port));
            assertEquals(1, listeners(port));
        }
    }

    /** Listening TCP sockets on the port, from /proc/net/tcp (state 0A is LISTEN). */
    private static int listeners(int port) throws IOException {
        String hex = String.format(":%04X", port);
        int n = 0;
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path p = Path.of(table);
            if (!Files.exists(p)) continue;
            for (String line : Files.readAllLines(p)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(hex) && f[3].equals("0A")) n++;
            }
        }
        return n;
    }
}
