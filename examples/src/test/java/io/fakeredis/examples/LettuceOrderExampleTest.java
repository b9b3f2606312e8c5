package io.fakeredis.examples;

import static io.fakeredis.junit.FakeRedisAssertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.junit.FakeRedis;
import io.fakeredis.junit.FakeRedisInfo;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Example 3: Lettuce speaking RESP3; the order service publishes an event. */
@FakeRedis
class LettuceOrderExampleTest {

    /** The code under test. */
    static final class OrderService {
        private final RedisCommands<String, String> redis;

        OrderService(RedisCommands<String, String> redis) {
            this.redis = redis;
        }

        void place(String orderId, String customer) {
            redis.hset("order:" + orderId, Map.of("customer", customer, "status", "created"));
            redis.publish("orders", "created:" + orderId);
        }
    }

    @Test
    void placingAnOrderPublishesAnEvent(FakeRedisInfo info, FakeRedisEngine redis) {
        RedisClient client = RedisClient.create(info.uri());
        client.setOptions(ClientOptions.builder().protocolVersion(ProtocolVersion.RESP3).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            new OrderService(connection.sync()).place("42", "alice");
        } finally {
            client.shutdown();
        }
        assertThat(redis).hasKey("order:42").hasField("status", "created");
        assertThat(redis).hasPublished("orders", "created:42");
        assertThat(redis).received("HELLO", "3");
    }
}
