package io.fakeredis.junit;

import static io.fakeredis.RedisType.HASH;
import static io.fakeredis.RedisType.STRING;
import static io.fakeredis.junit.FakeRedisAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.core.clock.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Assertions over strings, TTLs and the command log (commands every build has). */
@FakeRedis(clock = FakeRedis.ClockType.MANUAL)
class FakeRedisAssertionsTest {

    @Test
    void keysValuesAndTtls(FakeRedisEngine redis, ManualClock clock) {
        redis.set("plain", "v");
        redis.set("temp", "t");
        ManualClockTest.expireIn(redis, "temp", Duration.ofSeconds(30));
        assertThat(redis).hasKey("plain").ofType(STRING).withValue("v").withoutTtl();
        assertThat(redis).hasKey("temp").withTtlBetween(Duration.ofSeconds(29), Duration.ofSeconds(30)).withTtl();
        assertThat(redis).doesNotHaveKey("nope");
        clock.advance(Duration.ofSeconds(30));
        assertThat(redis).doesNotHaveKey("temp");
        redis.db(4).set("other", "x");
        assertThat(redis).doesNotHaveKey("other").db(4).hasKey("other");
    }

    @Test
    void failureMessagesDescribeTheKey(FakeRedisEngine redis) {
        redis.set("k", "actual-value");
        ManualClockTest.expireIn(redis, "k", Duration.ofMillis(12_500));
        assertThatThrownBy(() -> assertThat(redis).hasKey("k").withValue("expected"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting key <k> to hold the string <expected>")
                .hasMessageContaining("a string \"actual-value\" with TTL 12.500s");
        assertThatThrownBy(() -> assertThat(redis).hasKey("k").ofType(HASH))
                .hasMessageContaining("to be a hash but it is a string \"actual-value\"");
        assertThatThrownBy(() -> assertThat(redis).hasKey("k").withoutTtl())
                .hasMessageContaining("to have no TTL");
        assertThatThrownBy(() -> assertThat(redis).hasKey("k").withTtlBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessageContaining("between 1s and 2s");
        assertThatThrownBy(() -> assertThat(redis).hasKey("missing"))
                .hasMessageContaining("Expecting db0 to have key <missing> but it does not exist");
        assertThatThrownBy(() -> assertThat(redis).doesNotHaveKey("k"))
                .hasMessageContaining("but it holds a string \"actual-value\" with TTL");
        redis.set("long", "x".repeat(300));
        assertThatThrownBy(() -> assertThat(redis).hasKey("long").withValue("y"))
                .hasMessageContaining("x".repeat(100) + "...");
    }

    @Test
    void commandLog(FakeRedisEngine redis, FakeRedisInfo info) {
        try (Jedis jedis = new Jedis(info.host(), info.port())) {
            jedis.set("k", "v");
        }
        redis.set("typed", "not logged");
        assertThat(redis).received("SET", "k", "v").received("set", "k", "v")
                .didNotReceive("SET", "typed", "not logged");
        assertThatThrownBy(() -> assertThat(redis).received("SET", "k", "other"))
                .hasMessageContaining("Expecting a client to have sent <SET \"k\" \"other\">")
                .hasMessageContaining("SET \"k\" \"v\"");
    }

    @Test
    void nothingPublishedYet(FakeRedisEngine redis) {
        assertThat(redis).hasNotPublished("orders");
        assertThatThrownBy(() -> assertThat(redis).hasPublished("orders", "x"))
                .hasMessageContaining("nothing was published");
    }
}
