package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.core.clock.ManualClock;
import io.fakeredis.server.FakeRedisServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.Jedis;

/** One instance for the class and its nested classes, flushed, with its clock reset and faults cleared between tests. */
@FakeRedis(lifecycle = FakeRedis.Lifecycle.PER_CLASS, clock = FakeRedis.ClockType.MANUAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassTest {
    static FakeRedisEngine staticEngine;
    static FakeRedisInfo staticInfo;
    static ManualClock staticClock;
    static FakeRedisEngine fromBeforeAll;
    static Instant start;

    private final FakeRedisEngine fromConstructor;

    PerClassTest(FakeRedisEngine engine) {
        this.fromConstructor = engine;
    }

    @BeforeAll
    static void beforeAll(FakeRedisEngine engine, ManualClock clock) {
        fromBeforeAll = engine;
        start = clock.instant();
    }

    @Test
    @Order(1)
    void sameInstanceEverywhere(FakeRedisEngine engine, ManualClock clock, FakeRedisServer server) {
        server.faults().onCommand("*").replyError("ERR left over");
        assertThat(engine).isSameAs(staticEngine).isSameAs(fromBeforeAll).isSameAs(fromConstructor);
        assertThat(clock).isSameAs(staticClock).isSameAs(engine.clock());
        assertThat(staticInfo.port()).isPositive();
        engine.set("left", "over");
        engine.db(7).set("also", "left");
        clock.advance(Duration.ofHours(1));
    }

    @Test
    @Order(2)
    void flushedAndClockResetBetweenTests(FakeRedisEngine engine, ManualClock clock, FakeRedisInfo info) {
        assertThat(engine).isSameAs(fromBeforeAll);
        try (Jedis jedis = new Jedis(info.host(), info.port())) {
            assertThat(jedis.ping()).isEqualTo("PONG"); // faults cleared too
        }
        assertThat(engine.get("left")).isNull();
        assertThat(engine.db(7).get("also")).isNull();
        assertThat(clock.instant()).isEqualTo(start);
    }

    @Nested
    class Inner {
        @Test
        void nestedClassesShareTheOuterInstance(FakeRedisEngine engine) {
            assertThat(engine).isSameAs(fromBeforeAll);
        }
    }
}
