package io.fakeredis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fakeredis.core.clock.ManualClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** String commands beyond plain GET/SET: they pass once the strings family is merged. */
class TypedStringsApiTest {
    private final ManualClock clock = new ManualClock();
    private final FakeRedisEngine redis = new FakeRedisEngine(clock);

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void counters() {
        assertThat(redis.incr("n")).isEqualTo(1);
        assertThat(redis.incrBy("n", 10)).isEqualTo(11);
        assertThat(redis.decr("n")).isEqualTo(10);
        assertThat(redis.decrBy("n", 4)).isEqualTo(6);
        assertThat(redis.incr("n".getBytes())).isEqualTo(7);
        assertThat(redis.incrByFloat("f", 1.5)).isEqualTo(1.5);
        redis.set("s", "abc");
        assertThatThrownBy(() -> redis.incr("s"))
                .isInstanceOf(FakeRedisException.class)
                .hasMessage("ERR value is not an integer or out of range");
    }

    @Test
    void msetMget() {
        assertThat(redis.mset("a", "1", "b", "2")).isEqualTo("OK");
        assertThat(redis.mget("a", "b", "c")).containsExactly("1", "2", null);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("x", "9");
        redis.mset(m);
        assertThat(redis.get("x")).isEqualTo("9");
        redis.mset("k1".getBytes(), "v1".getBytes());
        assertThat(redis.mget("k1".getBytes())).containsExactly("v1".getBytes());
        assertThatThrownBy(() -> redis.mset("a"))
                .hasMessage("ERR wrong number of arguments for 'mset' command");
    }

    @Test
    void setWithTtlExpiresWhenTheClockMoves() {
        redis.set("k", "v", Duration.ofSeconds(60));
        assertThat(redis.ttlOf("k")).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(59));
        assertThat(redis.get("k")).isEqualTo("v");
        clock.advance(Duration.ofSeconds(1));
        assertThat(redis.typeOf("k")).isNull();
        assertThat(redis.get("k")).isNull();
        redis.setex("e", 10, "v");
        redis.psetex("p", 1500, "v");
        clock.advance(Duration.ofMillis(1500));
        assertThat(redis.get("p")).isNull();
        assertThat(redis.get("e")).isEqualTo("v");
    }

    @Test
    void otherStringCommands() {
        assertThat(redis.setnx("k", "1")).isEqualTo(1);
        assertThat(redis.setnx("k", "2")).isEqualTo(0);
        assertThat(redis.append("k", "23")).isEqualTo(3);
        assertThat(redis.strlen("k")).isEqualTo(3);
        assertThat(redis.getSet("k", "new")).isEqualTo("123");
        assertThat(redis.getDel("k")).isEqualTo("new");
        assertThat(redis.get("k")).isNull();
    }
}
