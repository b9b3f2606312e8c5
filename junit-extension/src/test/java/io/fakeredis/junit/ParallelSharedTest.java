package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import redis.clients.jedis.Jedis;

/**
 * Concurrent tests sharing one PER_CLASS instance: the extension serializes them, so each test
 * sees a flushed instance that nobody else writes to while it runs.
 */
@FakeRedis(lifecycle = FakeRedis.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
class ParallelSharedTest {
    static final AtomicInteger RUNNING = new AtomicInteger();

    @RepeatedTest(12)
    void serializedOnTheSharedInstance(FakeRedisEngine engine, FakeRedisInfo info) throws InterruptedException {
        assertThat(RUNNING.incrementAndGet()).as("tests inside the shared instance at once").isEqualTo(1);
        try {
            String me = UUID.randomUUID().toString();
            try (Jedis jedis = new Jedis(info.host(), info.port())) {
                assertThat(jedis.get("owner")).isNull();
                jedis.set("owner", me);
                Thread.sleep(10);
                assertThat(jedis.get("owner")).isEqualTo(me);
            }
            assertThat(engine.commandLog().entries()).hasSize(3);
        } finally {
            RUNNING.decrementAndGet();
        }
    }
}
