package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PER_METHOD: the constructor receives the same engine as the test it builds the instance for. */
@FakeRedis(server = false)
class ConstructorInjectionTest {
    private final FakeRedisEngine fromConstructor;
    private FakeRedisEngine fromBeforeEach;

    ConstructorInjectionTest(FakeRedisEngine engine) {
        this.fromConstructor = engine;
    }

    @BeforeEach
    void setUp(FakeRedisEngine engine) {
        fromBeforeEach = engine;
    }

    @Test
    void one(FakeRedisEngine engine) {
        assertThat(engine).isSameAs(fromConstructor).isSameAs(fromBeforeEach);
        assertThat(engine.get("k")).isNull();
        engine.set("k", "one");
    }

    @Test
    void two(FakeRedisEngine engine) {
        assertThat(engine).isSameAs(fromConstructor);
        assertThat(engine.get("k")).isNull();
        engine.set("k", "two");
    }
}
