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
    private final RespWriter writer = new RespWriter();
    private final RespParser parser = new RespParser();
    private final List<byte[][]> parsed = new ArrayList<>();
    /** Commands parsed but not yet run, e.g. while the client is blocked. */
    private final ArrayDeque<byte[][]> queued = new ArrayDeque<>();
    SelectionKey key;

    /** Output taken from the writer and not yet fully sent. Event-loop thread only. */
    private ByteBuffer sending;
    private byte[] spare;
    private boolean closeAfterWrite;
    private boolean closed;
    /** Bytes waiting for the socket; read by CLIENT LIST under the lock. */
    private volatile long pendingBytes;

    Connection(EventLoop loop, Engine engine, SocketChannel channel) throws IOException {
        this.loop = loop;
        this.engine = engine;
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
    }

    // ---- RespParser.Limits ----

    @Override
    public long maxBulkLen() {
        String v = engine.config().get("proto-max-bulk-len");
        return v == null ? 512L * 1024 * 1024 : Long.parseLong(v);
    }

    @Override
    public boolean authRequired() {
        return !client.authenticated;
    }

    // ---- event loop callbacks ----

    void onReadable() {
        int total = 0;
        try {
            while (true) {
                parser.prepareRead();
                ByteBuffer bb = ByteBuffer.wrap(parser.buf, parser.end, parser.buf.length - parser.end);
                int n = channel.read(bb);
                if (n < 0) {
                    close();
                    return;
                }
                if (n == 0) break;
                parser.end += n;
                total += n;
                if (parser.end < parser.buf.length || total > 4 * 1024 * 1024) break;
            }
        } catch (IOException e) {
            close();
            return;
        }
        boolean ok = parser.parse(parsed, this);
        queued.addAll(parsed);
        parsed.clear();
        parser.trim();
        runQueued(ok ? null : parser.error);
    }

    /** Runs queued commands under the lock, then sends what they wrote. */
    void runQueued(String protocolError) {
        if (!lockOrAnswerBusy(protocolError != null)) return;
        try {
            while (!queued.isEmpty() && !client.closing && !client.blocked) {
                engine.execute(client, queued.poll());
            }
            if (protocolError != null && queued.isEmpty() && !client.closing) {
                writer.error(protocolError);
                client.closing = true;
                closeAfterWrite = true;
            }
            takeOutput();
        } finally {
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
            byte[] reply = engine.scripting.busyReply(next, client.resp());
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

    /** Moves the writer's bytes to the send buffer. Caller holds the engine lock. */
    void takeOutput() {
        if (writer.len == 0) return;
        if (sending != null) {
            // still sending earlier output: append behind it
            ByteBuffer nb = ByteBuffer.allocate(sending.remaining() + writer.len);
            nb.put(sending).put(writer.buf, 0, writer.len).flip();
            sending = nb;
            writer.len = 0;
        } else {
            sending = ByteBuffer.wrap(writer.buf, 0, writer.len);
            writer.buf = spare != null ? spare : new byte[RespWriter.INITIAL];
            writer.len = 0;
            spare = null;
        }
        pendingBytes = sending.remaining();
    }

    /** Writes pending output; waits for OP_WRITE if the socket is full. Event-loop thread only. */
    void flush() {
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
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            byte[] b = sending.array();
            if (b.length <= 1024 * 1024 && sending.arrayOffset() == 0 && b.length >= RespWriter.INITIAL) spare = b;
            sending = null;
            pendingBytes = 0;
            if (key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) != 0) key.interestOps(SelectionKey.OP_READ);
        }
        if (closeAfterWrite) close();
    }

    void onWritable() {
        flush();
    }

    /** Flush requested from another thread: take what the engine wrote for us, run what was waiting. */
    void onWake() {
        if (closed) return;
        if (!queued.isEmpty() && !client.blocked) {
            runQueued(null);
            return;
        }
        engine.lock.lock();
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
