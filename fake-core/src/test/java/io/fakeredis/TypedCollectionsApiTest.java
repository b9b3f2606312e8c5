package io.fakeredis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hash, list, set, sorted-set and PUBLISH methods: pass once those families are merged. */
class TypedCollectionsApiTest {
    private static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    private final FakeRedisEngine redis = new FakeRedisEngine();

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void hashes() {
        assertThat(redis.hset("h", "f1", "v1")).isEqualTo(1);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("f2", "v2");
        m.put("f3", "v3");
        assertThat(redis.hset("h", m)).isEqualTo(2);
        assertThat(redis.hget("h", "f1")).isEqualTo("v1");
        assertThat(redis.hget("h", "nope")).isNull();
        assertThat(redis.hgetAll("h")).containsEntry("f1", "v1").containsEntry("f3", "v3").hasSize(3);
        assertThat(redis.hgetAll("missing")).isEmpty();
        assertThat(redis.hmget("h", "f1", "x")).containsExactly("v1", null);
        assertThat(redis.hexists("h", "f2")).isTrue();
        assertThat(redis.hlen("h")).isEqualTo(3);
        assertThat(redis.hkeys("h")).containsExactlyInAnyOrder("f1", "f2", "f3");
        assertThat(redis.hvals("h")).containsExactlyInAnyOrder("v1", "v2", "v3");
        assertThat(redis.hincrBy("h", "n", 5)).isEqualTo(5);
        assertThat(redis.hdel("h", "f1", "f2", "zz")).isEqualTo(2);
        assertThat(redis.typeOf("h")).isEqualTo(RedisType.HASH);
        byte[] k = "hb".getBytes();
        redis.hset(k, "f".getBytes(), new byte[] {0, 1});
        assertThat(redis.hget(k, "f".getBytes())).containsExactly(0, 1);
        assertThat(redis.hgetAll(k)).hasSize(1);
        redis.set("s", "v");
        assertThatThrownBy(() -> redis.hset("s", "f", "v")).hasMessage(WRONGTYPE);
    }

    @Test
    void lists() {
        assertThat(redis.rpush("l", "a", "b")).isEqualTo(2);
        assertThat(redis.lpush("l", "z")).isEqualTo(3);
        assertThat(redis.lrange("l", 0, -1)).containsExactly("z", "a", "b");
        assertThat(redis.llen("l")).isEqualTo(3);
        assertThat(redis.lindex("l", 1)).isEqualTo("a");
        assertThat(redis.lpop("l")).isEqualTo("z");
        assertThat(redis.rpop("l")).isEqualTo("b");
        assertThat(redis.rpop("l")).isEqualTo("a");
        assertThat(redis.typeOf("l")).isNull();
        redis.rpush("lb".getBytes(), "x".getBytes());
        redis.lpush("lb".getBytes(), "w".getBytes());
        assertThat(redis.lrange("lb".getBytes(), 0, -1)).containsExactly("w".getBytes(), "x".getBytes());
        redis.set("s", "v");
        assertThatThrownBy(() -> redis.lpush("s", "x")).hasMessage(WRONGTYPE);
    }

    @Test
    void blockingCommandsDoNotWaitInTheTypedApi() {
        assertThatThrownBy(() -> redis.execute("BLPOP", "q", "0"))
                .isInstanceOf(FakeRedisException.class)
                .hasMessageContaining("blocking commands cannot wait");
        redis.rpush("q", "a");
        assertThat(redis.lrange("q", 0, -1)).containsExactly("a");
        assertThat(redis.execute("BLPOP", "q", "0")).isEqualTo(List.of("q", "a"));
    }

    @Test
    void sets() {
        assertThat(redis.sadd("s", "a", "b", "a")).isEqualTo(2);
        assertThat(redis.smembers("s")).containsExactlyInAnyOrder("a", "b");
        assertThat(redis.sismember("s", "a")).isTrue();
        assertThat(redis.scard("s")).isEqualTo(2);
        assertThat(redis.srem("s", "a", "zz")).isEqualTo(1);
        assertThat(redis.smembers("missing")).isEmpty();
        redis.sadd("sb".getBytes(), "m".getBytes());
        assertThat(redis.smembers("sb".getBytes())).hasSize(1);
    }

    @Test
    void sortedSets() {
        assertThat(redis.zadd("z", 2.5, "b")).isEqualTo(1);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("a", 1.0);
        m.put("c", 3.0);
        assertThat(redis.zadd("z", m)).isEqualTo(2);
        assertThat(redis.zscore("z", "b")).isEqualTo(2.5);
        assertThat(redis.zscore("z", "nope")).isNull();
        assertThat(redis.zrange("z", 0, -1)).containsExactly("a", "b", "c");
        List<ScoredValue> ws = redis.zrangeWithScores("z", 0, 1);
        assertThat(ws).containsExactly(ScoredValue.of("a", 1.0), ScoredValue.of("b", 2.5));
        assertThat(redis.zincrby("z", 1, "a")).isEqualTo(2.0);
        assertThat(redis.zcard("z")).isEqualTo(3);
        assertThat(redis.zrem("z", "a")).isEqualTo(1);
        redis.zadd("zb".getBytes(), 1, "m".getBytes());
        assertThat(redis.zscore("zb".getBytes(), "m".getBytes())).isEqualTo(1.0);
        assertThat(redis.zrangeWithScores("zb".getBytes(), 0, -1)).containsExactly(ScoredValue.of("m", 1));
        redis.zadd("inf", Double.POSITIVE_INFINITY, "top");
        assertThat(redis.zscore("inf", "top")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void publishIsRecorded() {
        assertThat(redis.publish("ch", "hello")).isZero();
        assertThat(redis.publish("ch".getBytes(), "bytes".getBytes())).isZero();
        assertThat(redis.internal().pubsub().published()).hasSize(2);
    }
}
