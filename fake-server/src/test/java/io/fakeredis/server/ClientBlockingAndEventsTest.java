package io.fakeredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.ManualClock;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Blocking pops and keyspace notifications through real clients, with time driven by a manual
 * clock: no test here waits for wall-clock time to pass.
 */
class ClientBlockingAndEventsTest {
    ManualClock clock;
    Engine engine;
    FakeRedisServer server;
    RedisClient lettuce;

    @BeforeEach
    void start() {
        clock = new ManualClock();
        engine = new Engine(clock);
        server = FakeRedisServer.start(engine);
        lettuce = RedisClient.create(RedisURI.create(server.host(), server.port()));
    }

    @AfterEach
    void stop() {
        lettuce.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        server.close();
        engine.close();
    }

    private void awaitBlocked(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.blocking().blockedCount() != n && System.nanoTime() < until) Thread.sleep(2);
        assertEquals(n, engine.blocking().blockedCount());
    }

    @Test
    void lettuceBlpopWokenByAnotherClient() throws Exception {
        try (StatefulRedisConnection<String, String> waiter = lettuce.connect();
                StatefulRedisConnection<String, String> pusher = lettuce.connect()) {
            CompletableFuture<KeyValue<String, String>> got = waiter.async().blpop(0, "jobs").toCompletableFuture();
            awaitBlocked(1);
            assertEquals(1L, pusher.sync().rpush("jobs", "job-1"));
            assertEquals(KeyValue.just("jobs", "job-1"), got.get(10, TimeUnit.SECONDS));
            assertEquals(0L, pusher.sync().llen("jobs"));
        }
    }

    @Test
    void lettuceBlpopTimesOutWhenTheManualClockPassesTheDeadline() throws Exception {
        try (StatefulRedisConnection<String, String> waiter = lettuce.connect()) {
            CompletableFuture<KeyValue<String, String>> got = waiter.async().blpop(30, "jobs").toCompletableFuture();
            awaitBlocked(1);
            clock.advance(Duration.ofSeconds(29));
            assertFalse(got.isDone(), "woke before its deadline");
            assertEquals(1, engine.blocking().blockedCount());
            clock.advance(Duration.ofSeconds(2));
            assertNull(got.get(10, TimeUnit.SECONDS));
            assertEquals(0, engine.blocking().blockedCount());
        }
    }

    @Test
    void jedisBzpopminTimesOutOnTheManualClock() throws Exception {
        try (Jedis waiter = new Jedis(server.host(), server.port())) {
            CompletableFuture<Object> got = CompletableFuture.supplyAsync(() -> waiter.bzpopmin(5, "z"));
            awaitBlocked(1);
            clock.advance(Duration.ofSeconds(6));
            assertNull(got.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void lettuceSeesExpiredEventsWhenTheClockMoves() throws Exception {
        BlockingQueue<List<String>> events = new LinkedBlockingQueue<>();
        try (StatefulRedisPubSubConnection<String, String> sub = lettuce.connectPubSub();
                StatefulRedisConnection<String, String> conn = lettuce.connect()) {
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String pattern, String channel, String message) {
                    events.add(List.of(pattern, channel, message));
                }
            });
            conn.sync().configSet("notify-keyspace-events", "Ex");
            sub.sync().psubscribe("__keyevent@0__:expired");
            conn.sync().setex("session:1", 60, "alice");
            conn.sync().setex("session:2", 120, "bob");
            clock.advance(Duration.ofSeconds(61));
            assertEquals(List.of("__keyevent@0__:expired", "__keyevent@0__:expired", "session:1"),
                    events.poll(10, TimeUnit.SECONDS));
            assertNull(events.poll(200, TimeUnit.MILLISECONDS), "session:2 must not expire yet");
            assertEquals(0L, conn.sync().exists("session:1"));
            assertEquals(1L, conn.sync().exists("session:2"));
        }
    }
}
