package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BZPOPMIN, BZPOPMAX and BZMPOP actually blocking: one connection waits, another writes. Skipped
 * while the fake has no blocking engine (it would never answer a parked client).
 */
class ZSetBlockingConformanceTest extends FlushingConformanceTest {

    @BeforeEach
    void needsBlockingEngine() {
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try (RawConnection probe = RawConnection.tcp(server.host(), server.port())) {
            Future<byte[]> f = ex.submit(() -> probe.call("BZPOPMIN", "__blocking_probe__", "0.01"));
            try {
                f.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                Assumptions.abort("the fake's blocking engine is not merged yet");
            }
        } finally {
            ex.shutdownNow();
        }
    }

    /** A second pair of connections, for the writer side. */
    private static final class Writer implements AutoCloseable {
        final RawConnection real = oracle.connect();
        final RawConnection fake = RawConnection.tcp(server.host(), server.port());

        void same(String... args) {
            byte[] r = real.call(args);
            byte[] f = fake.call(args);
            assertArrayEquals(r, f, () -> "writer reply differs for " + String.join(" ", args)
                    + "\n  redis: " + RawConnection.show(r) + "\n  fake:  " + RawConnection.show(f));
        }

        @Override
        public void close() {
            real.close();
            fake.close();
        }
    }

    /** Sends a command on the session without reading its reply. */
    private static void send(ConformanceTest.Session s, String... args) {
        byte[] raw = RawConnection.encode(RawConnection.utf8(args));
        s.real.write(raw);
        s.fake.write(raw);
    }

    /** Reads one pending reply from both sides and compares them. */
    private static void sameReply(ConformanceTest.Session s, String what) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            byte[] r = s.real.read();
            byte[] f = s.fake.read();
            assertArrayEquals(r, f, () -> "RESP" + s.resp + " reply differs for " + what
                    + "\n  redis: " + RawConnection.show(r) + "\n  fake:  " + RawConnection.show(f));
        });
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void bzpopminServedByZadd() {
        run(s -> {
            try (Writer w = new Writer()) {
                send(s, "BZPOPMIN", "z1", "z2", "0");
                pause();
                w.same("ZADD", "other", "1", "x");
                w.same("ZADD", "z2", "2", "b", "1", "a");
                sameReply(s, "BZPOPMIN z1 z2 0");
                s.same("ZRANGE", "z2", "0", "-1", "WITHSCORES");
            }
        });
    }

    @Test
    void bzpopmaxServedByZunionstore() {
        run(s -> {
            try (Writer w = new Writer()) {
                w.same("ZADD", "src", "1", "a", "3", "c");
                send(s, "BZPOPMAX", "z", "0");
                pause();
                w.same("ZUNIONSTORE", "z", "1", "src");
                sameReply(s, "BZPOPMAX z 0");
                s.same("ZRANGE", "z", "0", "-1", "WITHSCORES");
            }
        });
    }

    @Test
    void bzmpopWithCount() {
        run(s -> {
            try (Writer w = new Writer()) {
                send(s, "BZMPOP", "0", "2", "a", "b", "MIN", "COUNT", "2");
                pause();
                w.same("ZADD", "b", "3", "x", "1", "y", "2", "z");
                sameReply(s, "BZMPOP 0 2 a b MIN COUNT 2");
                s.same("ZRANGE", "b", "0", "-1", "WITHSCORES");
            }
        });
    }

    @Test
    void timeoutsReplyNull() {
        run(s -> {
            send(s, "BZPOPMIN", "nokey", "0.1");
            sameReply(s, "BZPOPMIN nokey 0.1");
            send(s, "BZMPOP", "0.1", "1", "nokey", "MAX");
            sameReply(s, "BZMPOP 0.1 1 nokey MAX");
        });
    }

    @Test
    void waitersAreServedInOrder() {
        run(s -> {
            try (Writer w = new Writer();
                    ConformanceTest.Session second = newSession(s.resp)) {
                send(s, "BZPOPMIN", "q", "0");
                pause();
                send(second, "BZPOPMIN", "q", "0");
                pause();
                w.same("ZADD", "q", "1", "a");
                sameReply(s, "first BZPOPMIN q 0");
                w.same("ZADD", "q", "2", "b");
                sameReply(second, "second BZPOPMIN q 0");
            }
        });
    }

    @Test
    void insideMultiDoesNotBlock() {
        run(s -> {
            s.same("MULTI");
            s.same("BZPOPMIN", "nokey", "0");
            s.same("BZMPOP", "0", "1", "nokey", "MIN");
            // a client that cannot block (EXEC, scripts) gets a null array at once
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> s.same("EXEC"));
        });
    }

    private static ConformanceTest.Session newSession(int resp) {
        return new ConformanceTest.Session(resp);
    }
}
