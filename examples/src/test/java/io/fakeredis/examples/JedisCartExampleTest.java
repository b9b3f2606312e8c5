package io.fakeredis.examples;

import static io.fakeredis.RedisType.HASH;
import static io.fakeredis.junit.FakeRedisAssertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.junit.FakeRedis;
import io.fakeredis.junit.FakeRedisInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** Example 2: real Jedis against the fake on an ephemeral port; a cart stored in a hash. */
@FakeRedis
class JedisCartExampleTest {

    /** The code under test. */
    static final class CartService {
        private final JedisPooled jedis;

        CartService(JedisPooled jedis) {
            this.jedis = jedis;
        }

        void add(String cartId, String sku, int quantity) {
            jedis.hincrBy("cart:" + cartId, sku, quantity);
        }

        void remove(String cartId, String sku) {
            jedis.hdel("cart:" + cartId, sku);
        }

        Map<String, String> items(String cartId) {
            return jedis.hgetAll("cart:" + cartId);
        }
    }

    @Test
    void addsAndRemovesItems(FakeRedisInfo info, FakeRedisEngine redis) {
        try (JedisPooled jedis = new JedisPooled(info.host(), info.port())) {
            CartService carts = new CartService(jedis);
            carts.add("42", "sku-1", 1);
            carts.add("42", "sku-1", 1);
            carts.add("42", "sku-2", 5);
            carts.remove("42", "sku-2");

            assertThat(carts.items("42")).containsExactly(Map.entry("sku-1", "2"));
            assertThat(redis).hasKey("cart:42").ofType(HASH).withoutTtl().hasField("sku-1", "2");
        }
    }
}
