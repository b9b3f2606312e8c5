package io.fakeredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.Clock;
import io.fakeredis.server.conformance.RawConnection;
import io.fakeredis.server.conformance.RealRedis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The protocol limits for clients that have not authenticated (at most 10 arguments, 16 KB bulks),
 * against a real redis-server started with requirepass. Redis parses and runs one command at a
 * time, so a pipelined AUTH lifts the limits for the commands behind it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthLimitsTest {
    private static Process real;
    private static int realPort;
    private static Path dir;
    private static Engine engine;
    private static FakeRedisServer server;

    @BeforeAll
    static void start() throws Exception {
        String exe = RealRedis.executable();
        Assumptions.assumeTrue(exe != null, "redis-server is not on PATH");
        try (ServerSocket s = new ServerSocket(0)) {
            realPort = s.getLocalPort();
        }
        dir = Files.createTempDirectory("fakeredis-auth");
        real = new ProcessBuilder(List.of(exe, "--port", Integer.toString(realPort), "--bind", "127.0.0.1",
                "--requirepass", "pw", "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", realPort), 200);
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) throw e;
                Thread.sleep(20);
            }
        }
        engine = new Engine(Clock.system());
        engine.config().set("requirepass", "pw");
        server = FakeRedisServer.start(engine);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
        if (engine != null) engine.close();
        if (real != null) {
            real.destroy();
            real.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Everything the server sends back within a short quiet period, with <EOF> if it closed. */
    private static String exchange(int port, byte[] request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(300);
            s.getOutputStream().write(request);
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] b = new byte[4096];
            try {
                while (true) {
                    int n = in.read(b);
                    if (n < 0) {
                        out.writeBytes("<EOF>".getBytes(StandardCharsets.US_ASCII));
                        break;
                    }
                    out.write(b, 0, n);
                }
            } catch (SocketTimeoutException quiet) {
                // no more replies
            }
            return RawConnection.show(out.toByteArray());
        }
    }

    private static void same(String request) throws IOException {
        byte[] raw = request.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(exchange(realPort, raw), exchange(server.port(), raw), RawConnection.show(raw));
    }

    @Test
    void unauthenticatedLimits() throws IOException {
        same("*11\r\n");
        same("*10\r\n$4\r\nECHO\r\n");
        same("*1\r\n$16385\r\n");
        same("*2\r\n$4\r\nECHO\r\n$16384\r\n");
        same("GET a\r\n");
        same("*2\r\n$3\r\nGET\r\n$1\r\na\r\n");
    }

    @Test
    void authInTheSamePipelineLiftsTheLimits() throws IOException {
        same("*2\r\n$4\r\nAUTH\r\n$2\r\npw\r\n*11\r\n$4\r\nECHO\r\n");
        same("AUTH pw\r\n*1\r\n$16385\r\n");
        same("AUTH wrong\r\n*11\r\n");
        same("PING\r\nAUTH pw\r\nPING\r\n*3\r\n$4\r\nECHO\r\n$1\r\nx\r\n");
        same("*2\r\n$4\r\nAUTH\r\n$2\r\npw\r\n*2\r\n$4\r\nECHO\r\n$5\r\nhello\r\n*1\r\n$4\r\nPING\r\n");
    }
}
