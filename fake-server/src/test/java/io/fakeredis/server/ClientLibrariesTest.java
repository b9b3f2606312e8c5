package io.fakeredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.Clock;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/** Real client libraries against the fake, with their default handshakes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientLibrariesTest {
    private static Engine engine;
    private static FakeRedisServer server;

    @BeforeAll
    static void start() {
        engine = new Engine(Clock.system());
        server = FakeRedisServer.start(engine);
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    // ---- Jedis (RESP2; sends CLIENT SETINFO, which 7.0 rejects, on connect) ----

    @Test
    void jedisBasics() {
        try (Jedis j = new Jedis(server.host(), server.port())) {
            assertEquals("PONG", j.ping());
            assertEquals("OK", j.set("jedis:k", "v\r\n\0"));
            assertEquals("v\r\n\0", j.get("jedis:k"));
            assertNull(j.get("jedis:missing"));
            assertEquals("hi", j.echo("hi"));
            assertEquals("OK", j.select(3));
            assertNull(j.get("jedis:k"));
            byte[] bin = {0, 1, (byte) 0xff, '\r', '\n'};
            assertEquals("OK", j.set(bin, bin));
            assertEquals(new String(bin, java.nio.charset.StandardCharsets.ISO_8859_1),
                    new String(j.get(bin), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void jedisPipeline() {
        try (Jedis j = new Jedis(server.host(), server.port())) {
            Pipeline p = j.pipelined();
            List<Response<String>> gets = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                p.set("jp:" + i, "v" + i);
                gets.add(p.get("jp:" + i));
            }
            p.sync();
            for (int i = 0; i < 5000; i++) assertEquals("v" + i, gets.get(i).get());
        }
    }

    @Test
    void jedisPoolWithManyThreads() throws Exception {
        JedisPoolConfig cfg = new JedisPoolConfig();
        cfg.setMaxTotal(16);
        try (JedisPool pool = new JedisPool(cfg, server.host(), server.port())) {
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 8; t++) {
                int id = t;
                Thread th = new Thread(() -> {
                    try {
                        for (int i = 0; i < 200; i++) {
                            try (Jedis j = pool.getResource()) {
                                j.set("pool:" + id + ":" + i, "x" + i);
                                assertEquals("x" + i, j.get("pool:" + id + ":" + i));
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) th.join();
            assertEquals(List.of(), failures);
        }
    }

    private static <T> T getQuietly(RedisFuture<T> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---- Lettuce (negotiates RESP3 with HELLO 3 by default) ----

    private static <T> T withLettuce(java.util.function.Function<StatefulRedisConnection<String, String>, T> body) {
        ClientResources res = DefaultClientResources.builder().ioThreadPoolSize(1).computationThreadPoolSize(1).build();
        RedisClient client = RedisClient.create(res, RedisURI.create(server.host(), server.port()));
        client.setOptions(ClientOptions.builder().build()); // default protocol: RESP3 via HELLO
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            c.setTimeout(Duration.ofSeconds(10));
            return body.apply(c);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(5));
            res.shutdown(0, 5, TimeUnit.SECONDS);
        }
    }

    @Test
    void lettuceNegotiatesResp3() {
        List<Integer> protocols = withLettuce(c -> {
            RedisCommands<String, String> r = c.sync();
            assertEquals("PONG", r.ping());
            assertEquals("OK", r.set("lettuce:k", "v"));
            assertEquals("v", r.get("lettuce:k"));
            assertNull(r.get("lettuce:missing"));
            assertEquals("echoed", r.echo("echoed"));
            assertEquals("OK", r.select(2));
            assertNull(r.get("lettuce:k"));
            return serverSideProtocols();
        });
        // Lettuce's connection switched to RESP3 with HELLO 3 (Jedis connections stay on RESP2)
        org.junit.jupiter.api.Assertions.assertTrue(protocols.contains(3), "protocols seen: " + protocols);
    }

    /** RESP version of every connected client, as the server sees them. */
    private static List<Integer> serverSideProtocols() {
        engine.lock.lock();
        try {
            List<Integer> v = new ArrayList<>();
            for (io.fakeredis.core.Client cl : engine.clients()) v.add(cl.resp());
            return v;
        } finally {
            engine.lock.unlock();
        }
    }

    @Test
    void lettucePipeline() {
        withLettuce(c -> {
            RedisAsyncCommands<String, String> a = c.async();
            c.setAutoFlushCommands(false);
            List<RedisFuture<?>> futures = new ArrayList<>();
            for (int i = 0; i < 5000; i++) futures.add(a.set("lp:" + i, "v" + i));
            List<RedisFuture<String>> gets = new ArrayList<>();
            for (int i = 0; i < 5000; i++) gets.add(a.get("lp:" + i));
            c.flushCommands();
            LettuceFutures.awaitAll(Duration.ofSeconds(20), futures.toArray(new RedisFuture[0]));
            LettuceFutures.awaitAll(Duration.ofSeconds(20), gets.toArray(new RedisFuture[0]));
            c.setAutoFlushCommands(true);
            for (int i = 0; i < 5000; i++) assertEquals("v" + i, getQuietly(gets.get(i)));
            return null;
        });
    }
}
