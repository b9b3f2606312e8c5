package io.fakeredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** BLPOP over a real client library: one Jedis blocks, another pushes. */
class BlockingJedisTest {
    Engine engine;
    FakeRedisServer server;

    @BeforeEach
    void start() {
        engine = new Engine(Clock.system());
        server = FakeRedisServer.start(engine);
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    @Test
    void blpopWokenByAnotherClient() throws Exception {
        try (Jedis waiter = new Jedis(server.host(), server.port());
                Jedis pusher = new Jedis(server.host(), server.port())) {
            CompletableFuture<List<String>> got = CompletableFuture.supplyAsync(() -> waiter.blpop(0, "queue"));
            long until = System.currentTimeMillis() + 5000;
            while (engine.blocking().blockedCount() == 0 && System.currentTimeMillis() < until) Thread.sleep(5);
            assertEquals(1, engine.blocking().blockedCount());
            assertEquals(1L, pusher.rpush("queue", "job-1"));
            assertEquals(List.of("queue", "job-1"), got.get(5, TimeUnit.SECONDS));
            assertEquals(0, engine.blocking().blockedCount());
            assertEquals(0L, pusher.llen("queue"));
            // the woken connection keeps working
            assertEquals(1L, waiter.rpush("queue", "x"));
        }
    }

    @Test
    void timeoutIsPunctual() {
        try (Jedis waiter = new Jedis(server.host(), server.port())) {
            long t0 = System.nanoTime();
            assertNull(waiter.blpop(0.2, "nothing"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // no upper bound worth asserting on a shared machine: the point is that it waited and then returned
            assertTrue(ms >= 195 && ms < 10_000, "took " + ms + " ms");
        }
    }
}
