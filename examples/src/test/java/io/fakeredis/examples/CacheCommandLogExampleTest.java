package io.fakeredis.examples;

import static io.fakeredis.junit.FakeRedisAssertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.junit.FakeRedis;
import io.fakeredis.junit.FakeRedisInfo;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/** Example 5: the command log proves the cache wrote with {@code SET ... EX 300}. */
@FakeRedis
class CacheCommandLogExampleTest {

    /** The code under test: a read-through cache with a five-minute TTL. */
    static final class ProductCache {
        private final JedisPooled jedis;
        private final Function<String, String> loader;

        ProductCache(JedisPooled jedis, Function<String, String> loader) {
            this.jedis = jedis;
            this.loader = loader;
        }

        String product(String id) {
            String key = "product:" + id;
            String cached = jedis.get(key);
            if (cached != null) return cached;
            String json = loader.apply(id);
            jedis.set(key, json, SetParams.setParams().ex(300));
            return json;
        }
    }

    @Test
    void cachesWithAFiveMinuteTtl(FakeRedisInfo info, FakeRedisEngine redis) {
        AtomicInteger loads = new AtomicInteger();
        String json = "{\"id\":42,\"name\":\"lamp\"}";
        try (JedisPooled jedis = new JedisPooled(info.host(), info.port())) {
            ProductCache cache = new ProductCache(jedis, id -> {
                loads.incrementAndGet();
                return json;
            });
            cache.product("42");
            cache.product("42");
        }
        assertThat(loads).hasValue(1);
        assertThat(redis).received("SET", "product:42", json, "EX", "300");
        assertThat(redis).hasKey("product:42").withValue(json)
                .withTtlBetween(Duration.ofSeconds(299), Duration.ofSeconds(300));
        System.out.println(redis.commandLog());
    }
}
