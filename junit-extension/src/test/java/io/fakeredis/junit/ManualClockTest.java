package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Advancing the manual clock expires keys at once, for the typed API and for wire clients. */
@FakeRedis(clock = FakeRedis.ClockType.MANUAL)
class ManualClockTest {

    @Test
    void advancingExpiresThroughTheTypedApi(FakeRedisEngine engine, ManualClock clock) {
        engine.set("session", "abc");
        expireIn(engine, "session", Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(engine.get("session")).isEqualTo("abc");
        clock.advance(Duration.ofSeconds(1));
        assertThat(engine.typeOf("session")).isNull();
        assertThat(engine.get("session")).isNull();
    }

    @Test
    void advancingExpiresForJedis(FakeRedisEngine engine, FakeRedisInfo info, ManualClock clock) {
        try (Jedis jedis = new Jedis(info.host(), info.port())) {
            jedis.set("token", "t");
            expireIn(engine, "token", Duration.ofMinutes(5));
            assertThat(jedis.get("token")).isEqualTo("t");
            clock.advance(Duration.ofMinutes(5));
            assertThat(jedis.get("token")).isNull();
            assertThat(engine.internal().stats.expiredKeys).isEqualTo(1);
        }
    }

    /** EXPIRE may not exist in every build: set the TTL in the keyspace directly. */
    static void expireIn(FakeRedisEngine redis, String key, Duration d) {
        Engine e = redis.internal();
        e.lock.lock();
        try {
            e.db(redis.dbIndex()).setExpire(key.getBytes(), e.clock().millis() + d.toMillis());
        } finally {
            e.lock.unlock();
        }
    }
}
