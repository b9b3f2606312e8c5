package io.fakeredis.junit;

import static io.fakeredis.RedisType.HASH;
import static io.fakeredis.RedisType.LIST;
import static io.fakeredis.junit.FakeRedisAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fakeredis.FakeRedisEngine;
import org.junit.jupiter.api.Test;

/** Assertions over hashes, lists, sets and the publish log: pass once those families are merged. */
@FakeRedis(server = false)
class TypedCollectionsAssertionsTest {

    @Test
    void hashes(FakeRedisEngine redis) {
        redis.hset("cart:1", "sku-1", "2");
        assertThat(redis).hasKey("cart:1").ofType(HASH).withoutTtl().hasField("sku-1", "2");
        assertThatThrownBy(() -> assertThat(redis).hasKey("cart:1").hasField("sku-1", "3"))
                .hasMessageContaining("it is <2>")
                .hasMessageContaining("a hash {sku-1=2} without TTL");
    }

    @Test
    void listsAndSets(FakeRedisEngine redis) {
        redis.rpush("q", "a", "b");
        assertThat(redis).hasKey("q").ofType(LIST).containsExactly("a", "b");
        assertThatThrownBy(() -> assertThat(redis).hasKey("q").containsExactly("b", "a"))
                .hasMessageContaining("a list [a, b]");
        redis.sadd("s", "x", "y");
        assertThat(redis).hasKey("s").hasMembers("y", "x");
    }

    @Test
    void published(FakeRedisEngine redis) {
        redis.publish("orders", "created:42");
        assertThat(redis).hasPublished("orders", "created:42");
        assertThatThrownBy(() -> assertThat(redis).hasPublished("orders", "other"))
                .hasMessageContaining("orders <- created:42");
    }
}
