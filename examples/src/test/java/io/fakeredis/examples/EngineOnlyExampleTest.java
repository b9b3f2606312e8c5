package io.fakeredis.examples;

import static io.fakeredis.junit.FakeRedisAssertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.core.clock.ManualClock;
import io.fakeredis.junit.FakeRedis;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Example 1: no socket at all. The typed API talks to the engine directly, and a manual clock
 * makes expiry instant and deterministic.
 */
@FakeRedis(server = false, clock = FakeRedis.ClockType.MANUAL)
class EngineOnlyExampleTest {

    /** The code under test: sessions that expire after 30 minutes. */
    static final class Sessions {
        private final FakeRedisEngine redis;

        Sessions(FakeRedisEngine redis) {
            this.redis = redis;
        }

        void login(String token, String user) {
            redis.set("session:" + token, user, Duration.ofMinutes(30));
        }

        String user(String token) {
            return redis.get("session:" + token);
        }
    }

    @Test
    void sessionExpiresAfterThirtyMinutes(FakeRedisEngine redis, ManualClock clock) {
        Sessions sessions = new Sessions(redis);
        sessions.login("t1", "alice");
        assertThat(redis).hasKey("session:t1").withValue("alice")
                .withTtlBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));

        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.user("t1")).isEqualTo("alice");

        clock.advance(Duration.ofMinutes(1));   // the key is gone the moment the clock moves
        assertThat(redis).doesNotHaveKey("session:t1");
    }
}
