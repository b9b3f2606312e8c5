package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import redis.clients.jedis.Jedis;

/**
 * Concurrent tests each get their own engine and port, and never see each other's keys. Run with
 * parallel execution on by the "parallel" surefire execution of this module.
 */
@FakeRedis
@Execution(ExecutionMode.CONCURRENT)
class ParallelPerMethodTest {
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MAX = new AtomicInteger();
    /** Ports of the tests running now: the OS may hand a finished test's port to a later one. */
    static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

    FakeRedisEngine engine;

    @RepeatedTest(16)
    void isolated(FakeRedisInfo info) throws InterruptedException {
        int now = RUNNING.incrementAndGet();
        MAX.accumulateAndGet(now, Math::max);
        try {
            assertThat(PORTS.add(info.port())).isTrue();
            String me = UUID.randomUUID().toString();
            try (Jedis jedis = new Jedis(info.host(), info.port())) {
                assertThat(jedis.get("owner")).isNull();
                jedis.set("owner", me);
                Thread.sleep(20);
                assertThat(jedis.get("owner")).isEqualTo(me);
            }
            assertThat(engine.get("owner")).isEqualTo(me);
            assertThat(engine.commandLog().entries()).hasSize(3);
        } finally {
            PORTS.remove(info.port());
            RUNNING.decrementAndGet();
        }
    }

    /** In the "parallel" surefire execution the tests must really have overlapped. */
    @AfterAll
    static void reallyRanInParallel() {
        if (Boolean.getBoolean("fakeredis.parallel")) {
            assertThat(MAX.get()).as("tests running at once").isGreaterThan(1);
        }
    }
}
