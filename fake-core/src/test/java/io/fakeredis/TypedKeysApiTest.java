package io.fakeredis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fakeredis.core.clock.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Key and server commands (DEL, EXPIRE, TTL, KEYS, DBSIZE, FLUSH*): pass once those families are merged. */
class TypedKeysApiTest {
    private final ManualClock clock = new ManualClock();
    private final FakeRedisEngine redis = new FakeRedisEngine(clock);

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void delAndExists() {
        redis.set("a", "1");
        redis.set("b", "2");
        assertThat(redis.exists("a")).isTrue();
        assertThat(redis.exists("a", "a", "b", "zz")).isEqualTo(3);
        assertThat(redis.del("a", "zz")).isEqualTo(1);
        assertThat(redis.exists("a")).isFalse();
        assertThat(redis.del("b".getBytes())).isEqualTo(1);
        assertThat(redis.exists("b".getBytes())).isFalse();
        redis.set("u", "1");
        assertThat(redis.unlink("u")).isEqualTo(1);
    }

    @Test
    void expiryFollowsTheManualClock() {
        redis.set("k", "v");
        assertThat(redis.ttl("k")).isEqualTo(-1);
        assertThat(redis.ttl("missing")).isEqualTo(-2);
        assertThat(redis.expire("k", 10)).isEqualTo(1);
        assertThat(redis.ttl("k")).isEqualTo(10);
        assertThat(redis.pttl("k")).isEqualTo(10_000);
        clock.advance(Duration.ofSeconds(4));
        assertThat(redis.ttl("k")).isEqualTo(6);
        assertThat(redis.persist("k")).isEqualTo(1);
        assertThat(redis.ttl("k")).isEqualTo(-1);
        assertThat(redis.pexpire("k", 500)).isEqualTo(1);
        clock.advance(Duration.ofMillis(500));
        assertThat(redis.exists("k")).isFalse();
        assertThat(redis.dbSize()).isZero();
        redis.set("at", "v");
        assertThat(redis.expireAt("at", clock.millis() / 1000 + 100)).isEqualTo(1);
        assertThat(redis.pexpireAt("at", clock.millis() + 1000)).isEqualTo(1);
        assertThat(redis.expire("k".getBytes(), 5)).isEqualTo(0);
        assertThat(redis.ttl("at".getBytes())).isEqualTo(1);
    }

    @Test
    void keysTypeAndRename() {
        redis.set("user:1", "a");
        redis.set("user:2", "b");
        redis.set("other", "c");
        assertThat(redis.keys("user:*")).containsExactlyInAnyOrder("user:1", "user:2");
        assertThat(redis.keys("o*".getBytes())).hasSize(1);
        assertThat(redis.type("other")).isEqualTo("string");
        assertThat(redis.type("nope")).isEqualTo("none");
        assertThat(redis.type("other".getBytes())).isEqualTo("string");
        assertThat(redis.rename("other", "renamed")).isEqualTo("OK");
        assertThat(redis.get("renamed")).isEqualTo("c");
        assertThat(redis.randomKey()).isNotNull();
        assertThatThrownBy(() -> redis.rename("nope", "x")).hasMessage("ERR no such key");
    }

    @Test
    void flushAndDbSize() {
        redis.set("a", "1");
        redis.db(1).set("b", "2");
        assertThat(redis.dbSize()).isEqualTo(1);
        assertThat(redis.db(1).flushDb()).isEqualTo("OK");
        assertThat(redis.db(1).dbSize()).isZero();
        assertThat(redis.dbSize()).isEqualTo(1);
        redis.db(2).set("c", "3");
        assertThat(redis.flushAll()).isEqualTo("OK");
        assertThat(redis.dbSize()).isZero();
        assertThat(redis.db(2).dbSize()).isZero();
    }
}
