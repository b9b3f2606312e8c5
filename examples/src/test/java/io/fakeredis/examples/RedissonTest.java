package io.fakeredis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.Clock;
import io.fakeredis.server.FakeRedisServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RCountDownLatch;
import org.redisson.api.RLock;
import org.redisson.api.RMap;
import org.redisson.api.RMapCache;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RSemaphore;
import org.redisson.api.RTopic;
import org.redisson.api.RateIntervalUnit;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** Redisson 3.37.0 against the fake: its objects are built on Lua scripts, hashes, zsets and pub/sub. */
class RedissonTest {
    static Engine engine;
    static FakeRedisServer server;
    static RedissonClient redisson;

    @BeforeAll
    static void start() {
        engine = new Engine(Clock.system());
        server = FakeRedisServer.start(engine);
        Config config = new Config();
        config.useSingleServer()
                .setAddress("redis://127.0.0.1:" + server.port())
                .setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(4)
                .setSubscriptionConnectionMinimumIdleSize(1)
                .setSubscriptionConnectionPoolSize(2)
                .setTimeout(3000)
                .setRetryAttempts(0);
        config.setCodec(StringCodec.INSTANCE);
        redisson = Redisson.create(config);
    }

    @AfterAll
    static void stop() {
        // What Redisson sent that the fake does not implement, if anything.
        if (engine != null) System.out.println("unsupported commands: " + engine.unsupportedCommands());
        if (redisson != null) redisson.shutdown(0, 2, TimeUnit.SECONDS);
        if (server != null) server.close();
        if (engine != null) engine.close();
    }

    @BeforeEach
    void flush() {
        redisson.getKeys().flushall();
    }

    @Test
    void lockUnlockAndTryLockWithLease() throws Exception {
        RLock lock = redisson.getLock("lock");
        lock.lock();
        assertThat(lock.isLocked()).isTrue();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        lock.lock(); // reentrant
        assertThat(lock.getHoldCount()).isEqualTo(2);
        lock.unlock();
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();

        assertThat(lock.tryLock(1, 10, TimeUnit.SECONDS)).isTrue();
        assertThat(lock.remainTimeToLive()).isBetween(1L, 10_000L);
        // another thread cannot take it
        boolean[] other = new boolean[1];
        Thread t = new Thread(() -> {
            try {
                other[0] = lock.tryLock(100, 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        t.join();
        assertThat(other[0]).isFalse();
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();

        // a lease expires on its own
        assertThat(lock.tryLock(1, 200, TimeUnit.MILLISECONDS)).isTrue();
        Thread.sleep(400);
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void waitingLockerIsWokenByUnlock() throws Exception {
        RLock lock = redisson.getLock("wake");
        lock.lock();
        CountDownLatch got = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            RLock l = redisson.getLock("wake");
            try {
                if (l.tryLock(5, 5, TimeUnit.SECONDS)) {
                    got.countDown();
                    l.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        Thread.sleep(200);
        lock.unlock();
        assertThat(got.await(3, TimeUnit.SECONDS)).isTrue();
        t.join();
    }

    @Test
    void map() {
        RMap<String, String> map = redisson.getMap("map");
        assertThat(map.put("a", "1")).isNull();
        assertThat(map.put("a", "2")).isEqualTo("1");
        map.fastPut("b", "3");
        assertThat(map.get("a")).isEqualTo("2");
        assertThat(map.get("nope")).isNull();
        assertThat(map.size()).isEqualTo(2);
        assertThat(map.readAllMap()).containsEntry("a", "2").containsEntry("b", "3");
        assertThat(map.putIfAbsent("a", "x")).isEqualTo("2");
        assertThat(map.remove("a")).isEqualTo("2");
        assertThat(map.containsKey("a")).isFalse();
    }

    @Test
    void mapCacheWithTtl() throws Exception {
        RMapCache<String, String> cache = redisson.getMapCache("cache");
        cache.put("short", "1", 200, TimeUnit.MILLISECONDS);
        cache.put("long", "2", 10, TimeUnit.SECONDS);
        cache.put("forever", "3");
        assertThat(cache.get("short")).isEqualTo("1");
        assertThat(cache.remainTimeToLive("long")).isBetween(1L, 10_000L);
        Thread.sleep(400);
        assertThat(cache.get("short")).isNull();
        assertThat(cache.get("long")).isEqualTo("2");
        assertThat(cache.get("forever")).isEqualTo("3");
        assertThat(cache.containsKey("short")).isFalse();
    }

    @Test
    void atomicLong() {
        RAtomicLong n = redisson.getAtomicLong("counter");
        assertThat(n.get()).isZero();
        assertThat(n.incrementAndGet()).isEqualTo(1);
        assertThat(n.addAndGet(10)).isEqualTo(11);
        assertThat(n.compareAndSet(11, 20)).isTrue();
        assertThat(n.compareAndSet(11, 30)).isFalse();
        assertThat(n.getAndSet(5)).isEqualTo(20);
        assertThat(n.decrementAndGet()).isEqualTo(4);
        assertThat(n.get()).isEqualTo(4);
    }

    @Test
    void semaphore() throws Exception {
        RSemaphore s = redisson.getSemaphore("sem");
        assertThat(s.trySetPermits(2)).isTrue();
        assertThat(s.tryAcquire()).isTrue();
        assertThat(s.tryAcquire()).isTrue();
        assertThat(s.tryAcquire()).isFalse();
        assertThat(s.availablePermits()).isZero();
        s.release();
        assertThat(s.tryAcquire(1, Duration.ofSeconds(1))).isTrue();
        // a waiter is woken by a release from another thread
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            redisson.getSemaphore("sem").release();
        });
        t.start();
        assertThat(s.tryAcquire(1, Duration.ofSeconds(3))).isTrue();
        t.join();
    }

    @Test
    void countDownLatch() throws Exception {
        RCountDownLatch latch = redisson.getCountDownLatch("latch");
        assertThat(latch.trySetCount(2)).isTrue();
        assertThat(latch.getCount()).isEqualTo(2);
        Thread t = new Thread(() -> {
            RCountDownLatch l = redisson.getCountDownLatch("latch");
            l.countDown();
            l.countDown();
        });
        t.start();
        assertThat(latch.await(3, TimeUnit.SECONDS)).isTrue();
        assertThat(latch.getCount()).isZero();
        t.join();
    }

    @Test
    void rateLimiter() {
        RRateLimiter limiter = redisson.getRateLimiter("limiter");
        assertThat(limiter.trySetRate(RateType.OVERALL, 3, 1, RateIntervalUnit.SECONDS)).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
        assertThat(limiter.availablePermits()).isZero();
    }

    @Test
    void topic() throws Exception {
        RTopic topic = redisson.getTopic("news", StringCodec.INSTANCE);
        List<String> got = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        int id = topic.addListener(String.class, (channel, msg) -> {
            got.add(msg);
            two.countDown();
        });
        assertThat(topic.countSubscribers()).isEqualTo(1);
        assertThat(topic.publish("one")).isEqualTo(1);
        assertThat(topic.publish("two")).isEqualTo(1);
        assertThat(two.await(3, TimeUnit.SECONDS)).isTrue();
        assertThat(got).containsExactly("one", "two");
        topic.removeListener(id);
    }
}
