package io.fakeredis.server.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** A blocking RESP connection that returns replies as raw bytes, so tests compare the exact wire format. */
public final class RawConnection implements AutoCloseable {
    private final SocketChannel ch;
    private final InputStream in;

    public RawConnection(SocketAddress address) {
        try {
            boolean unix = address instanceof UnixDomainSocketAddress;
            ch = SocketChannel.open(unix ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
            if (!unix) ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.connect(address);
            in = new java.io.BufferedInputStream(Channels.newInputStream(ch), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RawConnection tcp(String host, int port) {
        return new RawConnection(new InetSocketAddress(host, port));
    }

    /** Encodes a command as a RESP array of bulk strings. */
    public static byte[] encode(byte[]... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : args) {
            out.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(a);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return out.toByteArray();
    }

    public static byte[][] utf8(String... args) {
        byte[][] b = new byte[args.length][];
        for (int i = 0; i < args.length; i++) b[i] = args[i].getBytes(StandardCharsets.UTF_8);
        return b;
    }

    public void write(byte[] raw) {
        try {
            ByteBuffer bb = ByteBuffer.wrap(raw);
            while (bb.hasRemaining()) ch.write(bb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command and returns its raw reply. */
    public byte[] call(byte[]... args) {
        write(encode(args));
        return read();
    }

    public byte[] call(String... args) {
        return call(utf8(args));
    }

    /** Reads one complete reply (push frames included) and returns its bytes. */
    public byte[] read() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            readValue(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** True once the server has closed the connection (reads EOF). */
    public boolean isClosedByPeer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private String line(ByteArrayOutputStream out) throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) throw new IOException("connection closed by peer");
            out.write(c);
            if (c == '\r') {
                int n = in.read();
                out.write(n);
                return b.toString();
            }
            b.append((char) c);
        }
    }

    private void readValue(ByteArrayOutputStream out) throws IOException {
        int type = in.read();
        if (type < 0) throw new IOException("connection closed by peer");
        out.write(type);
        String l = line(out);
        switch (type) {
            case '$': case '=': case '!': {
                int n = Integer.parseInt(l);
                if (n < 0) return;
                byte[] data = in.readNBytes(n + 2);
                out.write(data);
                return;
            }
            case '*': case '~': case '>': {
                int n = Integer.parseInt(l);
                for (int i = 0; i < n; i++) readValue(out);
                return;
            }
            case '%': case '|': {
                int n = Integer.parseInt(l);
                for (int i = 0; i < 2 * n; i++) readValue(out);
                if (type == '|') readValue(out);
                return;
            }
            default:
                return; // + - : , # _ (
        }
    }

    @Override
    public void close() {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    /** Printable form of raw protocol bytes for failure messages. */
    public static String show(byte[] raw) {
        StringBuilder b = new StringBuilder();
        for (byte x : raw) {
            int c = x & 0xff;
            if (c == '\r') b.append("\\r");
            else if (c == '\n') b.append("\\n");
            else if (c < 32 || c > 126) b.append(String.format("\\x%02x", c));
            else b.append((char) c);
        }
        return b.toString();
    }
}
