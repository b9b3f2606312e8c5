package io.fakeredis.server.conformance;

import java.io.File;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The oracle: a real redis-server on a private Unix socket (no port to race for), one per JVM,
 * stopped when the JVM exits. Absent redis-server means conformance tests are skipped, loudly;
 * with FAKEREDIS_REQUIRE_ORACLE=1 (as in CI) its absence is a failure instead.
 */
public final class RealRedis {
    private static RealRedis instance;
    private static String unavailable;

    public final UnixDomainSocketAddress address;
    public final Path dir;
    private final Process process;
    public final int port;

    private RealRedis(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.address = UnixDomainSocketAddress.of(dir.resolve("redis.sock"));
    }

    public static String executable() {
        String override = System.getenv("REDIS_SERVER");
        if (override != null && !override.isEmpty()) return override;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(d, "redis-server");
            if (f.canExecute()) return f.getPath();
        }
        return null;
    }

    public static boolean required() {
        return "1".equals(System.getenv("FAKEREDIS_REQUIRE_ORACLE"));
    }

    /** The shared oracle, or null with {@link #whyUnavailable()} set. */
    public static synchronized RealRedis get() {
        if (instance != null || unavailable != null) return instance;
        String exe = executable();
        if (exe == null) {
            unavailable = "redis-server is not on PATH: conformance tests against the real server are SKIPPED"
                    + " (apt-get install redis-server, or set REDIS_SERVER)";
            System.err.println("\n*** " + unavailable + " ***\n");
            return null;
        }
        try {
            Path dir = Files.createTempDirectory("fakeredis-oracle");
            // A TCP port only for tools that need one; tests use the socket.
            int port = 0;
            Process p = new ProcessBuilder(List.of(exe, "--port", "0", "--unixsocket", dir.resolve("redis.sock").toString(),
                    "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no",
                    "--loglevel", "warning"))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
            RealRedis r = new RealRedis(dir, p, port);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!Files.exists(r.address.getPath())) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    unavailable = "redis-server did not start: " + Files.readString(dir.resolve("redis.log"));
                    p.destroyForcibly();
                    System.err.println("\n*** " + unavailable + " ***\n");
                    return null;
                }
                Thread.sleep(10);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                p.destroy();
                try {
                    p.waitFor();
                } catch (InterruptedException ignored) {
                    // exiting
                }
            }));
            instance = r;
            return r;
        } catch (IOException e) {
            unavailable = "cannot start redis-server: " + e;
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted starting redis-server";
            return null;
        }
    }

    public static String whyUnavailable() {
        return unavailable;
    }

    public RawConnection connect() {
        return new RawConnection(address);
    }
}
