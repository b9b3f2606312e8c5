package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.core.clock.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/** The manual clock seen through Jedis with SET EX, EXPIRE and TTL: passes once those are merged. */
@FakeRedis(clock = FakeRedis.ClockType.MANUAL)
class TypedKeysApiJedisTest {

    @Test
    void setExExpiresWhenTheClockMoves(FakeRedisInfo info, FakeRedisEngine redis, ManualClock clock) {
        try (Jedis jedis = new Jedis(info.host(), info.port())) {
            jedis.set("k", "v", SetParams.setParams().ex(60));
            assertThat(jedis.ttl("k")).isEqualTo(60);
            clock.advance(Duration.ofSeconds(59));
            assertThat(jedis.ttl("k")).isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(jedis.exists("k")).isFalse();
            assertThat(redis.typeOf("k")).isNull();

            redis.set("typed", "v");
            redis.expire("typed", 10);
            assertThat(jedis.ttl("typed")).isEqualTo(10);
            clock.advance(Duration.ofSeconds(10));
            assertThat(jedis.get("typed")).isNull();
        }
    }
}
