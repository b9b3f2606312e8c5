package io.fakeredis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.junit.FakeRedis;
import io.fakeredis.junit.FakeRedisInfo;
import io.fakeredis.server.FakeRedisServer;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/** Injected faults: the cache must serve from its loader when Redis errors, hangs or goes away. */
@FakeRedis
class FaultInjectionExampleTest {

    /** The code under test: a read-through cache that treats Redis as optional. */
    static final class PriceCache {
        private final JedisPooled jedis;
        private final Function<String, String> loader;

        PriceCache(JedisPooled jedis, Function<String, String> loader) {
            this.jedis = jedis;
            this.loader = loader;
        }

        String price(String sku) {
            try {
                String cached = jedis.get("price:" + sku);
                if (cached != null) return cached;
            } catch (JedisException redisDown) {
                return loader.apply(sku);
            }
            String price = loader.apply(sku);
            jedis.setex("price:" + sku, 60, price);
            return price;
        }
    }

    private static JedisPooled jedis(FakeRedisInfo info) {
        return new JedisPooled(new HostAndPort(info.host(), info.port()),
                DefaultJedisClientConfig.builder().socketTimeoutMillis(200).build());
    }

    @Test
    void servesFromTheLoaderWhenRedisAnswersAnError(FakeRedisInfo info, FakeRedisServer server) {
        server.faults().onCommand("GET").replyError("LOADING Redis is loading the dataset in memory");
        try (JedisPooled jedis = jedis(info)) {
            assertThat(new PriceCache(jedis, sku -> "9.99").price("lamp")).isEqualTo("9.99");
        }
    }

    @Test
    void servesFromTheLoaderWhenRedisIsTooSlow(FakeRedisInfo info, FakeRedisServer server) {
        server.faults().onCommand("GET").times(1).delay(Duration.ofMillis(1000));
        try (JedisPooled jedis = jedis(info)) {
            assertThat(new PriceCache(jedis, sku -> "9.99").price("lamp")).isEqualTo("9.99");
        }
    }

    @Test
    void recoversAfterTheConnectionDrops(FakeRedisInfo info, FakeRedisServer server) {
        try (JedisPooled jedis = jedis(info)) {
            PriceCache cache = new PriceCache(jedis, sku -> "9.99");
            cache.price("lamp");
            server.dropConnections();
            // the first call after the drop falls back to the loader; the pool then reconnects
            assertThat(cache.price("lamp")).isEqualTo("9.99");
            assertThat(jedis.get("price:lamp")).isEqualTo("9.99");
        }
    }
}
