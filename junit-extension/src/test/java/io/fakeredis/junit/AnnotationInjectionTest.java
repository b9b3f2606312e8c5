package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.server.FakeRedisServer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.Jedis;

/** The default: a fresh engine and server per test, injected wherever asked. */
@FakeRedis
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnotationInjectionTest {
    private static final AtomicReference<FakeRedisEngine> FIRST = new AtomicReference<>();

    FakeRedisEngine engineField;
    FakeRedisInfo infoField;
    FakeRedisServer serverField;
    private FakeRedisEngine fromBeforeEach;

    @BeforeEach
    void setUp(FakeRedisEngine engine) {
        fromBeforeEach = engine;
    }

    @Test
    @Order(1)
    void injectsParametersAndFields(FakeRedisEngine engine, FakeRedisInfo info, FakeRedisServer server) {
        FIRST.set(engine);
        assertThat(engineField).isSameAs(engine).isSameAs(fromBeforeEach);
        assertThat(infoField).isEqualTo(info);
        assertThat(serverField).isSameAs(server);
        assertThat(server.engine()).isSameAs(engine.internal());
        assertThat(info.host()).isEqualTo("127.0.0.1");
        assertThat(info.port()).isEqualTo(server.port()).isPositive();
        assertThat(info.uri()).isEqualTo("redis://127.0.0.1:" + server.port());
        assertThat(info.password()).isNull();
    }

    @Test
    @Order(2)
    void jedisAndTheTypedApiSeeTheSameData(FakeRedisEngine engine, FakeRedisInfo info) {
        assertThat(engine).isNotSameAs(FIRST.get());
        assertThat(FIRST.get().isClosed()).isTrue();
        try (Jedis jedis = new Jedis(info.host(), info.port())) {
            jedis.set("from-jedis", "1");
            engine.set("from-engine", "2");
            assertThat(engine.get("from-jedis")).isEqualTo("1");
            assertThat(jedis.get("from-engine")).isEqualTo("2");
        }
        assertThat(engine.commandLog().contains("SET", "from-jedis", "1")).isTrue();
        assertThat(engine.commandLog().contains("SET", "from-engine", "2")).isFalse();
    }

    @Test
    @Order(3)
    void startsEmpty(FakeRedisEngine engine) {
        assertThat(engine.get("from-jedis")).isNull();
        assertThat(engine.commandLog().entries()).isEmpty();
    }
}
