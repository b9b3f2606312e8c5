package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fakeredis.FakeRedisEngine;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance-field registration: a fresh fake per test. */
class ProgrammaticInstanceTest {
    static final Set<FakeRedisEngine> SEEN = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    FakeRedisExtension redis = FakeRedisExtension.builder().server(false).build();

    @RepeatedTest(3)
    void freshEachTime(FakeRedisEngine engine) {
        assertThat(redis.engine()).isSameAs(engine);
        assertThat(SEEN.add(engine)).isTrue();
        assertThat(engine.get("k")).isNull();
        engine.set("k", "v");
        assertThatThrownBy(redis::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("server = false");
        assertThatThrownBy(redis::manualClock).isInstanceOf(IllegalStateException.class);
    }
}
