package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/** A static registration: one instance for the class, reachable through the field's accessors. */
class ProgrammaticStaticTest {
    @RegisterExtension
    static FakeRedisExtension redis = FakeRedisExtension.builder().manualClock().build();

    static int port;

    @BeforeAll
    static void start() {
        port = redis.port();
    }

    @Test
    void accessorsWork(FakeRedisEngine engine) {
        assertThat(redis.engine()).isSameAs(engine);
        assertThat(redis.port()).isEqualTo(port);
        assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + port);
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            jedis.set("a", "1");
        }
        assertThat(engine.get("a")).isEqualTo("1");
        redis.manualClock().advance(Duration.ofSeconds(1));
    }

    @Test
    void sameServerFlushed() {
        assertThat(redis.port()).isEqualTo(port);
        assertThat(redis.engine().get("a")).isNull();
    }
}
