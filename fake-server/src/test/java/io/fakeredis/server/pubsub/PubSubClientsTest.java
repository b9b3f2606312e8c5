package io.fakeredis.server.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.Clock;
import io.fakeredis.server.FakeRedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.ClientOptions;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/** Real clients against the fake: Jedis (RESP2 subscribed mode) and Lettuce (RESP3 pushes). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PubSubClientsTest {
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

    @Test
    void jedisSubscriber() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        CountDownLatch subscribed = new CountDownLatch(2);
        CountDownLatch done = new CountDownLatch(1);
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                got.add("message " + channel + " " + message);
                if (message.equals("bye")) unsubscribe();
            }

            @Override
            public void onPMessage(String pattern, String channel, String message) {
                got.add("pmessage " + pattern + " " + channel + " " + message);
                if (message.equals("bye")) punsubscribe();
            }

            @Override
            public void onSubscribe(String channel, int count) {
                got.add("subscribe " + channel + " " + count);
                subscribed.countDown();
            }

            @Override
            public void onPSubscribe(String pattern, int count) {
                got.add("psubscribe " + pattern + " " + count);
                subscribed.countDown();
            }

            @Override
            public void onUnsubscribe(String channel, int count) {
                got.add("unsubscribe " + channel + " " + count);
            }

            @Override
            public void onPUnsubscribe(String pattern, int count) {
                got.add("punsubscribe " + pattern + " " + count);
            }
        };
        Thread t = new Thread(() -> {
            try (Jedis sub = new Jedis(server.host(), server.port())) {
                sub.subscribe(listener, "jch");
            }
            done.countDown();
        });
        t.start();
        try (Jedis pub = new Jedis(server.host(), server.port())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!listener.isSubscribed() && System.nanoTime() < deadline) Thread.sleep(5);
            listener.psubscribe("j*");
            assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
            listener.ping();
            assertThat(pub.publish("jch", "hello")).isEqualTo(2);
            assertThat(pub.publish("jother", "p")).isEqualTo(1);
            assertThat(pub.pubsubNumSub("jch")).containsEntry("jch", 1L);
            assertThat(pub.pubsubNumPat()).isEqualTo(1);
            assertThat(pub.publish("jch", "bye")).isEqualTo(2);
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(pub.publish("jch", "after")).isZero();
        }
        assertThat(got).containsExactly(
                "subscribe jch 1",
                "psubscribe j* 2",
                "message jch hello",
                "pmessage j* jch hello",
                "pmessage j* jother p",
                "message jch bye",
                "pmessage j* jch bye",
                "unsubscribe jch 1",
                "punsubscribe j* 0");
    }

    @Test
    void lettuceResp3Pushes() throws Exception {
        RedisClient client = RedisClient.create(RedisURI.create(server.host(), server.port()));
        client.setOptions(ClientOptions.builder().protocolVersion(ProtocolVersion.RESP3).build());
        try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
             StatefulRedisConnection<String, String> pub = client.connect()) {
            BlockingQueue<String> got = new LinkedBlockingQueue<>();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    got.add("message " + channel + " " + message);
                }

                @Override
                public void message(String pattern, String channel, String message) {
                    got.add("pmessage " + pattern + " " + channel + " " + message);
                }

                @Override
                public void ssubscribed(String channel, long count) {
                    got.add("ssubscribed " + channel + " " + count);
                }
            });
            sub.sync().subscribe("lch");
            sub.sync().psubscribe("l?h");
            // RESP3: ordinary commands stay allowed while subscribed
            assertThat(sub.sync().ping()).isEqualTo("PONG");
            assertThat(sub.sync().publish("lch", "self")).isEqualTo(2);
            assertThat(pub.sync().publish("lch", "hi")).isEqualTo(2);
            assertThat(pub.sync().publish("lxh", "pat")).isEqualTo(1);
            assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("message lch self");
            assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("pmessage l?h lch self");
            assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("message lch hi");
            assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("pmessage l?h lch hi");
            assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("pmessage l?h lxh pat");
            assertThat(pub.sync().pubsubChannels()).containsExactly("lch");
            sub.sync().unsubscribe("lch");
            sub.sync().punsubscribe("l?h");
            assertThat(pub.sync().publish("lch", "gone")).isZero();
            assertThat(got.poll(200, TimeUnit.MILLISECONDS)).isNull();
        } finally {
            client.shutdown();
        }
    }
}
