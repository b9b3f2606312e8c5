package io.fakeredis.server;

import io.fakeredis.core.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loopback RESP2/RESP3 server over an engine. Port 0 binds an ephemeral port once; the
 * bound port is then {@link #port()}. Closing frees the port, the threads and the selectors,
 * but not the engine, which the caller owns.
 */
public final class FakeRedisServer implements AutoCloseable {
    private static final AtomicInteger SERVERS = new AtomicInteger();
    /** Redis's default tcp-backlog: bursts of new connections (Redisson opens many) must not drop. */
    public static final int BACKLOG = 511;

    private final Engine engine;
    private final ServerSocketChannel socket;
    private final EventLoop[] loops;
    private final AtomicInteger next = new AtomicInteger();
    private final InetSocketAddress address;
    private volatile boolean closed;
    private final Faults faults = new Faults();

    private FakeRedisServer(Engine engine, String bind, int port, int ioThreads) throws IOException {
        this.engine = engine;
        this.socket = ServerSocketChannel.open();
        try {
            socket.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(bind), port), BACKLOG);
            socket.configureBlocking(false);
            this.address = (InetSocketAddress) socket.getLocalAddress();
            int id = SERVERS.incrementAndGet();
            loops = new EventLoop[ioThreads];
            for (int i = 0; i < ioThreads; i++) {
                loops[i] = new EventLoop(this, engine, "fakeredis-io-" + id + "-" + i, i == 0 ? socket : null);
            }
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        for (EventLoop l : loops) l.start();
    }

    /** Starts a server on 127.0.0.1 and an ephemeral port. */
    public static FakeRedisServer start(Engine engine) {
        return start(engine, "127.0.0.1", 0);
    }

    /** Starts a server over a typed-API engine on 127.0.0.1 and an ephemeral port. */
    public static FakeRedisServer start(io.fakeredis.FakeRedisEngine engine) {
        return start(engine.internal());
    }

    public static FakeRedisServer start(io.fakeredis.FakeRedisEngine engine, String bind, int port) {
        return start(engine.internal(), bind, port);
    }

    public static FakeRedisServer start(Engine engine, String bind, int port) {
        return start(engine, bind, port, defaultIoThreads());
    }

    public static FakeRedisServer start(Engine engine, String bind, int port, int ioThreads) {
        try {
            return new FakeRedisServer(engine, bind, port, Math.max(1, ioThreads));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts, once per JVM, a daemon thread that starts and stops a throwaway engine and server
     * and sends it one PING, then ends. The first real start then finds the command table read
     * and the classes (the JDK's NIO among them) loaded, which is most of its cost
     * (docs/startup.md). Returns at once; -Dfakeredis.warmup=false turns it off.
     */
    public static void warmUp() {
        if ("false".equals(System.getProperty("fakeredis.warmup")) || !WARMED.compareAndSet(false, true)) return;
        Thread t = new Thread(FakeRedisServer::warmUpNow, "fakeredis-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The JDK's first server socket and selector in a JVM cost about 10 ms of class loading and
     * native set-up. Called before building the engine a server will serve: a helper thread
     * opens and closes both meanwhile, so the two overlap. Once per JVM, and not after warmUp().
     */
    public static void prepare() {
        if (!WARMED.compareAndSet(false, true)) return;
        Thread t = new Thread(FakeRedisServer::openAndClose, "fakeredis-prepare");
        t.setDaemon(true);
        t.start();
    }

    private static void openAndClose() {
        try (ServerSocketChannel s = ServerSocketChannel.open(); java.nio.channels.Selector sel = java.nio.channels.Selector.open()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            s.configureBlocking(false);
            s.register(sel, java.nio.channels.SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException | LinkageError ignored) {
            // only a head start: the real start reports any real problem
        }
    }

    private static void warmUpNow() {
        try (Engine e = new Engine(io.fakeredis.core.clock.Clock.system()); FakeRedisServer s = start(e)) {
            try (java.net.Socket c = new java.net.Socket(s.address().getAddress(), s.port())) {
                c.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                c.getInputStream().read(new byte[7]);
            }
        } catch (IOException | RuntimeException | LinkageError ignored) {
            // only a head start: the real start reports any real problem
        }
    }

    /**
     * One event loop by default: measured against two (bench/RESULTS.md), it costs about 15% less
     * CPU per request with equal throughput, since no lock handoff between I/O threads is needed.
     */
    static int defaultIoThreads() {
        return 1;
    }

    void distribute(SocketChannel ch) {
        loops[Math.floorMod(next.getAndIncrement(), loops.length)].adopt(ch);
    }

    public Engine engine() {
        return engine;
    }

    public int port() {
        return address.getPort();
    }

    public String host() {
        return address.getAddress().getHostAddress();
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Live connections of every loop, for tests in this package. */
    java.util.List<Connection> connections() {
        java.util.List<Connection> all = new java.util.ArrayList<>();
        for (EventLoop l : loops) all.addAll(l.connections());
        return all;
    }

    /** Errors, disconnects and delays to inject into the commands clients send. */
    public Faults faults() {
        return faults;
    }

    /**
     * Closes every client connection now, as a network failure would; the server keeps listening.
     * Returns once the sockets are closed, so a client's next command sees the drop.
     */
    public void dropConnections() {
        java.util.List<Connection> dropped = connections();
        engine.lock.lock();
        try {
            for (Connection c : dropped) c.closeNow();
        } finally {
            engine.lock.unlock();
        }
        // the event loops close them; a test-only call, so a short wait is simpler than a handshake
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!java.util.Collections.disjoint(connections(), dropped) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public int connectionCount() {
        int n = 0;
        for (EventLoop l : loops) n += l.connectionCount();
        return n;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (EventLoop l : loops) l.shutdown();
        try {
            for (EventLoop l : loops) l.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to free
        }
    }

    @Override
    public String toString() {
        return "FakeRedisServer[" + host() + ":" + port() + "]";
    }
}
