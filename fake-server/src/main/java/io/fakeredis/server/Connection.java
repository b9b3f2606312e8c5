package io.fakeredis.server;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One client socket. Reads and parses outside the engine lock, runs the parsed batch under it,
 * and writes every reply of the batch with one socket write.
 */
final class Connection implements Client.Transport, RespParser.Limits {
    private final EventLoop loop;
    private final Engine engine;
    final SocketChannel channel;
    private final String addr;
    private final String laddr;
    final Client client;
    private final RespWriter writer;
    private final Faults faults;
    private final RespParser parser = new RespParser();
    private final List<byte[][]> parsed = new ArrayList<>();
    /** Commands parsed but not yet run, e.g. while the client is blocked. */
    private final ArrayDeque<byte[][]> queued = new ArrayDeque<>();
    SelectionKey key;
    /** A view of the parser's buffer for socket reads, re-made only when the buffer is replaced. */
    private ByteBuffer readView;

    /** Output taken from the writer and not yet fully sent. Event-loop thread only. */
    private ByteBuffer sending;
    private byte[] spare;
    /** Set under the lock when the engine drops this client (output buffer limit); the loop closes it. */
    private volatile boolean dropNow;
    /** Replies were left in the writer while earlier output was still being sent. Event-loop thread only. */
    private boolean moreOutput;
    /** Set under the lock, possibly by another connection's thread (CLIENT KILL). */
    private volatile boolean closeAfterWrite;
    private boolean closed;
    private static final long DEFAULT_MAX_BULK = 512L * 1024 * 1024;
    /** proto-max-bulk-len as of the last batch: the parser runs outside the lock, so it reads this copy. */
    private long maxBulkLen = DEFAULT_MAX_BULK;
    /** A protocol error found behind commands that have not run yet. Event-loop thread only. */
    private String pendingProtocolError;
    private String maxBulkLenText;
    /** Bytes waiting for the socket; read by CLIENT LIST under the lock. */
    private volatile long pendingBytes;
    /** Running its commands (maybe a script) under the lock. Event-loop thread only. */
    private boolean executing;

    Connection(EventLoop loop, Engine engine, SocketChannel channel, Faults faults) throws IOException {
        this.loop = loop;
        this.faults = faults;
        this.engine = engine;
        this.writer = new RespWriter(engine.stats);
        this.channel = channel;
        this.addr = format((InetSocketAddress) channel.getRemoteAddress());
        this.laddr = format((InetSocketAddress) channel.getLocalAddress());
        this.client = engine.connect(this, writer);
    }

    private static String format(InetSocketAddress a) {
        if (a == null) return "";
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return host + ":" + a.getPort();
    }

    /** In its loop's flush requests; see EventLoop.requestFlush. */
    volatile boolean flushQueued;

    // ---- Client.Transport ----

    @Override
    public String addr() {
        return addr;
    }

    @Override
    public String laddr() {
        return laddr;
    }

    @Override
    public long outputBufferBytes() {
        return writer.len + pendingBytes;
    }

    @Override
    public void wake() {
        loop.requestFlush(this);
    }

    @Override
    public void closeAfterReply() {
        closeAfterWrite = true;
        // the loop notices even when another client asked (CLIENT KILL)
        loop.requestFlush(this);
    }

    @Override
    public void closeNow() {
        dropNow = true;
        writer.len = 0;
        loop.requestFlush(this);
    }

    // ---- RespParser.Limits ----

    @Override
    public long maxBulkLen() {
        return maxBulkLen;
    }

    /** Re-reads proto-max-bulk-len (parsing only when it changed). Caller holds the engine lock. */
    private void refreshLimits() {
        String v = engine.config().get("proto-max-bulk-len");
        if (v != maxBulkLenText) {
            maxBulkLenText = v;
            try {
                maxBulkLen = v == null ? DEFAULT_MAX_BULK : Long.parseLong(v);
            } catch (NumberFormatException e) {
                maxBulkLen = DEFAULT_MAX_BULK;
            }
        }
    }

    @Override
    public boolean authRequired() {
        return !client.authenticated;
    }

    // ---- event loop callbacks ----

    void onReadable() {
        if (!readInput()) return;
        while (true) {
            boolean ok = parser.parse(parsed, this);
            for (int i = 0, n = parsed.size(); i < n; i++) queued.addLast(parsed.get(i)); // addAll allocates a lambda
            parsed.clear();
            parser.trim();
            runQueued(ok ? null : parser.error);
            // An unauthenticated client's input is parsed one command at a time (see parse).
            if (!ok || !parser.stoppedForAuth || closed || client.closing || client.blocked) break;
        }
    }

    /** Reads what the socket has into the parser's buffer; false when the connection closed. */
    private boolean readInput() {
        int total = 0;
        try {
            while (true) {
                parser.prepareRead();
                if (parser.end == parser.buf.length) {
                    // a request beyond what an array holds (Redis: client-query-buffer-limit)
                    close();
                    return false;
                }
                if (readView == null || readView.array() != parser.buf) readView = ByteBuffer.wrap(parser.buf);
                readView.limit(parser.buf.length).position(parser.end);
                int n = channel.read(readView);
                if (n < 0) {
                    close();
                    return false;
                }
                if (n == 0) break;
                parser.end += n;
                total += n;
                if (parser.end < parser.buf.length || total > 4 * 1024 * 1024) break;
            }
        } catch (IOException e) {
            close();
            return false;
        }
        return true;
    }

    /**
     * Called on this loop's thread from the periodic hook of a script that has run past
     * busy-reply-threshold, with the engine lock held by that script (Redis's
     * processEventsWhileBlocked). Reads the client's input and, in order, answers the commands a
     * busy server answers at once (BUSY, SCRIPT KILL, FUNCTION KILL, FUNCTION STATS) and runs those
     * it lets through (HELLO, AUTH, MULTI..., unknown commands). The first command that has to wait
     * for the script to end (SHUTDOWN) stops the round; it and what follows stay queued and run
     * once the lock is free, so no command is both answered BUSY and run.
     */
    void serveWhileBusy() {
        if (closed || executing) return;
        if (sending != null) flush(); // earlier output the socket could not take yet
        // Left in the socket, so the loop sees it once the script ends: blocked or unauthenticated
        // clients and clients whose earlier commands still wait (their order must hold).
        if (closed || client.blocked || client.closing || !client.authenticated || !queued.isEmpty()
                || pendingProtocolError != null) {
            return;
        }
        if (!readInput()) return;
        boolean ok = parser.parse(parsed, this);
        for (int i = 0, n = parsed.size(); i < n; i++) queued.addLast(parsed.get(i));
        parsed.clear();
        parser.trim();
        if (!ok) pendingProtocolError = parser.error;
        while (!queued.isEmpty() && !client.closing) {
            byte[][] argv = queued.peek();
            boolean inMulti = engine.transactions.inMulti(client);
            byte[] reply = engine.scripting().busyReply(argv, client.resp(), inMulti);
            if (reply != null) {
                queued.poll();
                if (reply[0] == '-' && isExec(argv[0])) {
                    // Redis's rejectCommand on EXEC: execCommandAbort, with or without MULTI
                    engine.transactions.abort(client);
                    writer.raw(EXECABORT);
                    writer.raw(reply, 1, reply.length - 1);
                } else {
                    writer.raw(reply);
                    if (reply[0] == '-') engine.transactions.flagRejected(client); // EXEC will answer EXECABORT
                }
            } else if (engine.scripting().runsWhileBusy(argv, inMulti)) {
                queued.poll();
                int mark = writer.len;
                try {
                    engine.executeWhileBusy(client, argv);
                } catch (RuntimeException | StackOverflowError e) {
                    writer.len = mark;
                    writer.error(internalError(argv, e));
                }
            } else {
                break;
            }
        }
        if (!queued.isEmpty() || pendingProtocolError != null) loop.requestFlush(this); // run after the script
        takeOutput();
        flush();
    }

    private static final byte[] EXECABORT = "-EXECABORT Transaction discarded because of: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static boolean isExec(byte[] name) {
        return name.length == 4 && (name[0] | 0x20) == 'e' && (name[1] | 0x20) == 'x' && (name[2] | 0x20) == 'e'
                && (name[3] | 0x20) == 'c';
    }

    /**
     * Takes the engine lock, spinning briefly first: batches hold it for microseconds, and parking
     * and waking the other I/O thread costs more than waiting that long.
     */
    private void lockEngine() {
        java.util.concurrent.locks.ReentrantLock l = engine.lock;
        for (int i = 0; i < SPINS; i++) {
            if (l.tryLock()) return;
            Thread.onSpinWait();
        }
        l.lock();
    }

    static final int SPINS = Integer.getInteger("fakeredis.spins", 200);

    /**
     * Applies an injected fault to the next command; false when the connection is gone. The
     * command is logged as received; an error answers instead of it, a delay stalls the server
     * (this loop holds the engine lock) before it runs.
     */
    private boolean survive(Faults.Rule fault, byte[][] argv) {
        engine.logReceived(client, argv);
        switch (fault.kind) {
            case ERROR -> writer.error(fault.error);
            case DISCONNECT -> {
                queued.clear();
                closeNow();
                return false;
            }
            case DELAY -> {
                try {
                    Thread.sleep(fault.delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return true;
    }

    /** Runs queued commands under the lock, then sends what they wrote. */
    void runQueued(String protocolError) {
        if (!lockOrAnswerBusy(protocolError != null || pendingProtocolError != null)) return;
        executing = true; // a busy script run from here must not serve this connection
        try {
            while (!queued.isEmpty() && !client.closing && !client.blocked) {
                byte[][] argv = queued.poll();
                Faults.Rule fault = faults.match(argv);
                if (fault != null) {
                    if (!survive(fault, argv)) break;
                    if (fault.kind == Faults.Kind.ERROR) continue;
                }
                int mark = writer.len;
                try {
                    engine.execute(client, argv);
                } catch (RuntimeException | StackOverflowError e) {
                    // A bug in a command must not take the event loop (and every other client) down:
                    // drop its partial reply and answer an error instead.
                    writer.len = mark;
                    writer.error(internalError(argv, e));
                }
            }
            if (protocolError != null) pendingProtocolError = protocolError;
            // like Redis, the error is answered when the commands before it have run (a blocked
            // client answers it once unblocked)
            if (pendingProtocolError != null && queued.isEmpty() && !client.blocked && !client.closing) {
                writer.errorLatin1(pendingProtocolError);
                pendingProtocolError = null;
                client.closing = true;
                closeAfterWrite = true;
            }
            engine.afterBatch(); // BCAST invalidations follow the batch's replies, as in Redis's beforeSleep
            refreshLimits();
            takeOutput();
        } finally {
            executing = false;
            engine.lock.unlock();
        }
        flush();
    }

    /**
     * Takes the engine lock. While a script holds it past busy-reply-threshold, answers queued
     * commands as Redis does then (BUSY, SCRIPT KILL) without the lock. Returns false, without
     * the lock, when nothing is left to run.
     */
    private boolean lockOrAnswerBusy(boolean mustRun) {
        java.util.concurrent.locks.ReentrantLock l = engine.lock;
        for (int i = 0; i < SPINS; i++) {
            if (l.tryLock()) return true;
            Thread.onSpinWait();
        }
        while (true) {
            try {
                if (engine.lock.tryLock(10, java.util.concurrent.TimeUnit.MILLISECONDS)) return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                engine.lock.lock();
                return true;
            }
            byte[][] next = queued.peek();
            if (next == null || client.blocked) {
                if (mustRun) continue;
                return false;
            }
            byte[] reply = engine.scripting().busyReply(next, client.resp(), engine.transactions.inMulti(client));
            if (reply == null) continue;
            queued.poll();
            if (sending == null) {
                sending = ByteBuffer.wrap(reply);
            } else {
                ByteBuffer nb = ByteBuffer.allocate(sending.remaining() + reply.length);
                nb.put(sending).put(reply).flip();
                sending = nb;
            }
            pendingBytes = sending.remaining();
            flush();
        }
    }

    private static String internalError(byte[][] argv, Throwable e) {
        String name = argv.length > 0 ? new String(argv[0], java.nio.charset.StandardCharsets.UTF_8) : "";
        System.err.println("fakeredis: internal error running '" + name + "': " + e);
        e.printStackTrace();
        String msg = ("ERR fakeredis internal error in '" + name + "': " + e).replace('\r', ' ').replace('\n', ' ');
        return msg.length() > 300 ? msg.substring(0, 300) : msg;
    }

    /** Moves the writer's bytes to the send buffer. Caller holds the engine lock. */
    void takeOutput() {
        if (writer.len == 0) return;
        if (sending != null) {
            // Still sending earlier output: leave these bytes in the writer (which grows by
            // doubling) rather than copying everything pending on each batch.
            moreOutput = true;
            return;
        }
        sending = ByteBuffer.wrap(writer.buf, 0, writer.len);
        writer.buf = spare != null ? spare : new byte[RespWriter.INITIAL];
        writer.len = 0;
        spare = null;
        pendingBytes = sending.remaining();
    }

    /** Writes pending output; waits for OP_WRITE if the socket is full. Event-loop thread only. */
    void flush() {
        while (true) {
            if (closed) return;
            if (sending != null) {
                try {
                    channel.write(sending);
                } catch (IOException e) {
                    close();
                    return;
                }
                if (sending.hasRemaining()) {
                    pendingBytes = sending.remaining();
                    if ((key.interestOps() & SelectionKey.OP_WRITE) == 0) {
                        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    }
                    return;
                }
                byte[] b = sending.array();
                if (b.length <= 1024 * 1024 && b.length >= RespWriter.INITIAL) spare = b;
                sending = null;
                pendingBytes = 0;
            }
            if (!moreOutput) break;
            moreOutput = false;
            lockEngine();
            try {
                takeOutput();
            } finally {
                engine.lock.unlock();
            }
            if (sending == null) break;
        }
        if (key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) != 0) key.interestOps(SelectionKey.OP_READ);
        if (closeAfterWrite) close();
    }

    void onWritable() {
        flush();
    }

    /** Whether a wake-up must do more than send output: run held commands, or drop the client. */
    boolean wakeRunsCommands() {
        return dropNow || ((!queued.isEmpty() || pendingProtocolError != null) && !client.blocked);
    }

    /** Flush requested from another thread: take what the engine wrote for us, run what was waiting. */
    void onWake() {
        if (closed) return;
        if (dropNow) {
            close();
            return;
        }
        if ((!queued.isEmpty() || pendingProtocolError != null) && !client.blocked) {
            runQueued(null);
            return;
        }
        lockEngine();
        try {
            takeOutput();
        } finally {
            engine.lock.unlock();
        }
        flush();
    }

    void close() {
        if (closed) return;
        closed = true;
        if (key != null) key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        loop.forget(this);
        engine.disconnect(client);
    }

    boolean isClosed() {
        return closed;
    }
}
