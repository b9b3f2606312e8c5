package io.fakeredis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.pubsub.PubSub;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypedPubSubApiTest {
    @Test
    void inProcessListenersCountLikeWireSubscribersAndPublishesAreRecorded() {
        try (FakeRedisEngine redis = new FakeRedisEngine()) {
            List<String> got = new ArrayList<>();
            try (PubSub.Subscription a = redis.subscribe("orders", (ch, msg) -> got.add("c:" + str(msg)));
                    PubSub.Subscription b = redis.psubscribe("ord*", (p, ch, msg) -> got.add("p:" + str(ch) + ":" + str(msg)))) {
                assertThat(redis.publish("orders", "o-1")).isEqualTo(2);
                assertThat(redis.publish("other", "x")).isZero();
            }
            assertThat(redis.publish("orders", "after-close")).isZero();
            assertThat(got).containsExactly("c:o-1", "p:orders:o-1");
            assertThat(redis.publishedMessages()).extracting(m -> str(m.message())).containsExactly("o-1", "x", "after-close");
        }
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
