package io.fakeredis.server;

import io.fakeredis.core.Engine;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A selector thread serving many connections; idle connections cost no thread. */
final class EventLoop implements Runnable {
    private final Engine engine;
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<SocketChannel> incoming = new ConcurrentLinkedQueue<>();
    private final Set<Connection> flushRequests = ConcurrentHashMap.newKeySet();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ServerSocketChannel acceptor;
    private final FakeRedisServer server;
    private volatile boolean running = true;

    EventLoop(FakeRedisServer server, Engine engine, String name, ServerSocketChannel acceptor) throws IOException {
        this.server = server;
        this.engine = engine;
        this.selector = Selector.open();
        this.acceptor = acceptor;
        if (acceptor != null) acceptor.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Hands over an accepted socket; it is registered on this loop's thread. */
    void adopt(SocketChannel ch) {
        incoming.add(ch);
        selector.wakeup();
        // lost a race with shutdown: nobody will register it
        if (!running) closeIncoming();
    }

    private void closeIncoming() {
        SocketChannel ch;
        while ((ch = incoming.poll()) != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    void requestFlush(Connection c) {
        // a fan-out wakes each subscriber once per message: skip the set once it is queued
        if (c.flushQueued) return;
        c.flushQueued = true;
        if (flushRequests.add(c) && Thread.currentThread() != thread) selector.wakeup();
    }

    void forget(Connection c) {
        connections.remove(c);
    }

    /** Live connections, for tests in this package. */
    java.util.List<Connection> connections() {
        return new ArrayList<>(connections);
    }

    int connectionCount() {
        return connections.size();
    }

    /**
     * Non-blocking selects after a busy one before the loop sleeps again (about 30 us). A client
     * whose request finds the loop asleep pays the kernel's wake-up of this thread inside its own
     * write; a single-threaded client such as redis-benchmark is bound by exactly that cost, and
     * serves 5-10% more requests a second when the loop is still polling (bench/RESULTS.md).
     */
    private static final int SPINS = 100;

    @Override
    public void run() {
        // a script run by one of this loop's clients serves the others from its periodic hook
        io.fakeredis.core.scripting.BusyHook.install(this::serveWhileBusy);
        try {
            int spins = 0;
            while (running) {
                // the consumer form walks ready keys without the selected-key HashSet; flush
                // requests made on this thread (e.g. by a busy script's hook) must not wait
                int n;
                if (flushRequests.isEmpty() && spins == 0) n = selector.select(this::onReady);
                else n = selector.selectNow(this::onReady);
                spins = n > 0 ? SPINS : Math.max(0, spins - 1);
                if (!running) break;
                registerIncoming();
                if (!flushRequests.isEmpty()) flushWoken();
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                System.err.println("fakeredis: event loop failed: " + e);
                e.printStackTrace();
            }
        } finally {
            running = false;
            for (Connection c : new ArrayList<>(connections)) c.close();
            closeIncoming();
            try {
                selector.close();
            } catch (IOException ignored) {
                // shutting down
            }
        }
    }

    /**
     * A script run on this thread has been busy past busy-reply-threshold: one non-blocking round
     * over this loop's connections, as Redis's processEventsWhileBlocked (the engine lock is held).
     * It reads sockets directly rather than selecting: this runs inside the selector's own select.
     */
    private void serveWhileBusy() {
        if (acceptor != null) {
            try {
                accept();
            } catch (IOException e) {
                System.err.println("fakeredis: accept failed: " + e);
            }
        }
        registerIncoming();
        for (Connection c : connections) {
            try {
                c.serveWhileBusy();
            } catch (RuntimeException e) {
                System.err.println("fakeredis: closing a connection after an unexpected error: " + e);
                c.close();
            }
        }
    }

    private void onReady(SelectionKey k) {
        if (!k.isValid()) return;
        if (k.isAcceptable()) {
            try {
                accept();
            } catch (IOException e) {
                // a failed accept (e.g. out of file descriptors) must not stop the loop
                System.err.println("fakeredis: accept failed: " + e);
            }
            return;
        }
        Connection c = (Connection) k.attachment();
        try {
            if (k.isWritable()) c.onWritable();
            if (k.isValid() && k.isReadable()) c.onReadable();
        } catch (RuntimeException e) {
            // one broken connection must not stop the loop serving the others
            System.err.println("fakeredis: closing a connection after an unexpected error: " + e);
            e.printStackTrace();
            c.close();
        }
    }

    /**
     * Sends what the engine wrote for other clients (pub/sub fan-out, unblocked clients): one
     * engine lock for all of them, then the socket writes outside it.
     */
    private void flushWoken() {
        List<Connection> plain = new ArrayList<>(flushRequests.size());
        for (Connection c : new ArrayList<>(flushRequests)) {
            // cleared first: a request made from now on queues c again (the flush below is
            // taken under the engine lock, so it also sends what such a request wrote)
            c.flushQueued = false;
            flushRequests.remove(c);
            if (c.isClosed()) continue;
            try {
                if (c.wakeRunsCommands()) c.onWake();
                else plain.add(c);
            } catch (RuntimeException e) {
                System.err.println("fakeredis: closing a connection after an unexpected error: " + e);
                c.close();
            }
        }
        if (plain.isEmpty()) return;
        engine.lock.lock();
        try {
            for (Connection c : plain) c.takeOutput();
        } finally {
            engine.lock.unlock();
        }
        for (Connection c : plain) {
            try {
                c.flush();
            } catch (RuntimeException e) {
                System.err.println("fakeredis: closing a connection after an unexpected error: " + e);
                c.close();
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel ch;
        while ((ch = acceptor.accept()) != null) {
            server.distribute(ch);
        }
    }

    private void registerIncoming() {
        SocketChannel ch;
        while ((ch = incoming.poll()) != null) {
            try {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
                Connection c = new Connection(this, engine, ch, server.faults());
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                connections.add(c);
            } catch (IOException e) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // already broken
                }
            }
        }
    }

    void shutdown() {
        running = false;
        selector.wakeup();
    }

    void join() throws InterruptedException {
        if (thread.isAlive() && Thread.currentThread() != thread) thread.join(5000);
    }
}
