package io.fakeredis.server.pubsub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Fan-out benchmark: 1 publisher, SUBS subscribers on one channel, IDLE idle connections.
 * Usage: PubSubFanoutBench host port label serverPid [subs idle messages]. Prints one result line:
 * {@code RESULT label delivered_per_sec=... threads=... seconds=...}.
 */
public final class PubSubFanoutBench {
    private PubSubFanoutBench() {}

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String label = args[2];
        String pid = args[3];
        int subs = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        int idle = args.length > 5 ? Integer.parseInt(args[5]) : 10_000;
        int messages = args.length > 6 ? Integer.parseInt(args[6]) : 2000;
        InetSocketAddress addr = new InetSocketAddress(host, port);

        List<SocketChannel> idlers = new ArrayList<>(idle);
        for (int i = 0; i < idle; i++) idlers.add(SocketChannel.open(addr));

        String channel = "bench";
        byte[] payload = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] subscribe = cmd("SUBSCRIBE", channel);
        long confirm = ("*3\r\n$9\r\nsubscribe\r\n$5\r\nbench\r\n:1\r\n").length();
        long frame = ("*3\r\n$7\r\nmessage\r\n$5\r\nbench\r\n$16\r\n0123456789abcdef\r\n").length();
        Selector sel = Selector.open();
        List<SocketChannel> subscribers = new ArrayList<>(subs);
        for (int i = 0; i < subs; i++) {
            SocketChannel ch = SocketChannel.open(addr);
            ch.write(ByteBuffer.wrap(subscribe));
            ch.configureBlocking(false);
            ch.register(sel, SelectionKey.OP_READ);
            subscribers.add(ch);
        }
        // wait for every confirmation
        long[] received = {0};
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        drain(sel, buf, received, subs * confirm, 60_000);

        long expected = subs * confirm + (long) subs * messages * frame;
        Thread reader = new Thread(() -> {
            try {
                drain(sel, buf, received, expected, 120_000);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        try (Socket pub = new Socket()) {
            pub.setTcpNoDelay(true);
            pub.connect(addr);
            OutputStream out = pub.getOutputStream();
            InputStream in = pub.getInputStream();
            byte[] one = cmd("PUBLISH", channel, new String(payload, StandardCharsets.US_ASCII));
            int window = 50;
            byte[] batch = new byte[one.length * window];
            for (int i = 0; i < window; i++) System.arraycopy(one, 0, batch, i * one.length, one.length);
            int replyLen = (":" + subs + "\r\n").length();
            long t0 = System.nanoTime();
            reader.start();
            for (int sent = 0; sent < messages; sent += window) {
                int n = Math.min(window, messages - sent);
                out.write(batch, 0, n * one.length);
                out.flush();
                in.readNBytes(n * replyLen);
            }
            reader.join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long delivered = (received[0] - subs * confirm) / frame;
            String threads = threads(pid);
            System.out.printf("RESULT %s delivered=%d seconds=%.3f delivered_per_sec=%.0f threads=%s subs=%d idle=%d%n",
                    label, delivered, seconds, delivered / seconds, threads, subs, idle);
        }
        for (SocketChannel c : subscribers) c.close();
        for (SocketChannel c : idlers) c.close();
        sel.close();
    }

    private static void drain(Selector sel, ByteBuffer buf, long[] received, long target, long timeoutMs) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (received[0] < target) {
            if (System.currentTimeMillis() > deadline) {
                System.out.println("TIMEOUT received " + received[0] + " of " + target + " bytes");
                return;
            }
            sel.select(100);
            Iterator<SelectionKey> it = sel.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey k = it.next();
                it.remove();
                SocketChannel ch = (SocketChannel) k.channel();
                int n;
                while ((n = ch.read(buf)) > 0) {
                    received[0] += n;
                    buf.clear();
                }
                if (n < 0) {
                    k.cancel();
                }
            }
        }
    }

    private static String threads(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("Threads:")) return line.substring(8).trim();
            }
        } catch (IOException e) {
            return "?";
        }
        return "?";
    }

    private static byte[] cmd(String... args) {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) b.append('$').append(a.length()).append("\r\n").append(a).append("\r\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
