package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.Jedis;

/** flushBetweenTests = false keeps the data seeded once, but each test still sees its own command log. */
@FakeRedis(lifecycle = FakeRedis.Lifecycle.PER_CLASS, flushBetweenTests = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeepDataBetweenTestsTest {

    @BeforeAll
    static void seed(FakeRedisEngine engine) {
        engine.set("fixture", "loaded once");
    }

    @Test
    @Order(1)
    void first(FakeRedisInfo info, FakeRedisEngine engine) {
        try (Jedis jedis = new Jedis(info.host(), info.port())) {
            assertThat(jedis.get("fixture")).isEqualTo("loaded once");
        }
        assertThat(engine.commandLog().entries()).hasSize(1);
    }

    @Test
    @Order(2)
    void second(FakeRedisEngine engine) {
        assertThat(engine.get("fixture")).isEqualTo("loaded once");
        assertThat(engine.commandLog().entries()).isEmpty();
    }
}
