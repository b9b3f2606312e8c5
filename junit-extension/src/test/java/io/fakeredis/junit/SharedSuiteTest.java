package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two registrations of the same suite name share one instance for the whole run. */
class SharedSuiteTest {
    static final AtomicReference<FakeRedisEngine> SEEN = new AtomicReference<>();

    @RegisterExtension
    static FakeRedisExtension redis = FakeRedisExtension.shared("shared-suite-test");

    @Test
    void first(FakeRedisEngine engine) {
        check(engine);
        engine.set("k", "v");
    }

    @Test
    void second(FakeRedisEngine engine) {
        check(engine);
        assertThat(engine.get("k")).isNull();
    }

    static void check(FakeRedisEngine engine) {
        SEEN.compareAndSet(null, engine);
        assertThat(engine).isSameAs(SEEN.get());
        assertThat(engine.isClosed()).isFalse();
    }

    @Nested
    @FakeRedis(lifecycle = FakeRedis.Lifecycle.PER_SUITE, name = "shared-suite-test")
    class ViaAnnotation {
        @Test
        void sameInstance(FakeRedisEngine engine) {
            check(engine);
        }
    }
}
