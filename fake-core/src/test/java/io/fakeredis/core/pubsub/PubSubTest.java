package io.fakeredis.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.Engine;
import io.fakeredis.core.Notify;
import io.fakeredis.core.clock.ManualClock;
import io.fakeredis.core.db.Database;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-process API: listeners, counts, isolation of failing listeners, keyspace events. */
class PubSubTest {
    private final ManualClock clock = new ManualClock();
    private final Engine engine = new Engine(clock);
    private final PubSub ps = engine.pubsub();

    @AfterEach
    void close() {
        engine.close();
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void channelListenerReceivesAndCounts() {
        List<String> got = new ArrayList<>();
        try (PubSub.Subscription sub = ps.subscribe("ch", (c, m) -> got.add(s(c) + "=" + s(m)))) {
            assertThat(ps.publish("ch", "a")).isEqualTo(1);
            assertThat(ps.publish("other", "b")).isZero();
            assertThat(ps.channelCount()).isEqualTo(1);
        }
        assertThat(ps.publish("ch", "c")).isZero();
        assertThat(ps.channelCount()).isZero();
        assertThat(got).containsExactly("ch=a");
    }

    @Test
    void patternAndChannelBothDeliver() {
        List<String> got = new ArrayList<>();
        PubSub.Subscription a = ps.subscribe("news.1", (c, m) -> got.add("ch " + s(c) + " " + s(m)));
        PubSub.Subscription b = ps.psubscribe("news.*", (p, c, m) -> got.add("pat " + s(p) + " " + s(c) + " " + s(m)));
        assertThat(ps.patternCount()).isEqualTo(1);
        assertThat(ps.publish("news.1", "x")).isEqualTo(2);
        assertThat(ps.publish("news.2", "y")).isEqualTo(1);
        assertThat(ps.publish("nEws.2", "z")).isZero();
        assertThat(got).containsExactly("ch news.1 x", "pat news.* news.1 x", "pat news.* news.2 y");
        a.close();
        b.close();
        b.close();
        assertThat(ps.patternCount()).isZero();
    }

    @Test
    void failingListenerDoesNotBreakDelivery() {
        List<String> got = new ArrayList<>();
        ps.subscribe("ch", (c, m) -> {
            throw new IllegalStateException("boom");
        });
        ps.subscribe("ch", (c, m) -> got.add(s(m)));
        assertThat(ps.publish("ch", "1")).isEqualTo(2);
        assertThat(ps.publish("ch", "2")).isEqualTo(2);
        assertThat(got).containsExactly("1", "2");
        assertThat(ps.listenerErrors()).hasSize(2).allMatch(t -> t.getMessage().equals("boom"));
    }

    @Test
    void listenerMayUnsubscribeDuringDelivery() {
        List<String> got = new ArrayList<>();
        PubSub.Subscription[] self = new PubSub.Subscription[1];
        self[0] = ps.subscribe("ch", (c, m) -> {
            got.add("first " + s(m));
            self[0].close();
        });
        ps.subscribe("ch", (c, m) -> got.add("second " + s(m)));
        ps.publish("ch", "1");
        ps.publish("ch", "2");
        assertThat(got).containsExactly("first 1", "second 1", "second 2");
    }

    @Test
    void publishedIsRecordedAndBounded() {
        ps.subscribe("ch", (c, m) -> { });
        ps.publish("ch", "hello");
        ps.publish("none", "x");
        List<PubSub.Published> p = ps.published();
        assertThat(p).hasSize(2);
        assertThat(s(p.get(0).channel())).isEqualTo("ch");
        assertThat(s(p.get(0).message())).isEqualTo("hello");
        assertThat(p.get(0).receivers()).isEqualTo(1);
        assertThat(p.get(1).receivers()).isZero();
        assertThat(p.get(0).timeMs()).isEqualTo(clock.millis());
        ps.clearPublished();
        assertThat(ps.published()).isEmpty();
        for (int i = 0; i < PubSub.PUBLISHED_LIMIT + 5; i++) ps.publish("ch", "m" + i);
        p = ps.published();
        assertThat(p).hasSize(PubSub.PUBLISHED_LIMIT);
        assertThat(s(p.get(0).message())).isEqualTo("m5");
    }

    @Test
    void keyspaceEventsFollowFlags() {
        List<String> got = new ArrayList<>();
        ps.psubscribe("__key*__:*", (p, c, m) -> got.add(s(c) + " " + s(m)));
        engine.config().set("notify-keyspace-events", "KEA");
        byte[] key = "k".getBytes(StandardCharsets.UTF_8);
        engine.lock.lock();
        try {
            engine.notify(Notify.STRING, "set", engine.db(3), key);
            engine.config().set("notify-keyspace-events", "Eg");
            engine.notify(Notify.STRING, "set", engine.db(0), key);
            engine.notify(Notify.GENERIC, "del", engine.db(0), key);
        } finally {
            engine.lock.unlock();
        }
        assertThat(got).containsExactly("__keyspace@3__:k set", "__keyevent@3__:set k", "__keyevent@0__:del k");
        // keyspace events are not PUBLISHes
        assertThat(ps.published()).isEmpty();
    }

    @Test
    void expiredEventFiresOnManualClockAdvance() {
        List<String> got = new ArrayList<>();
        ps.subscribe("__keyevent@0__:expired", (c, m) -> got.add(s(m)));
        engine.config().set("notify-keyspace-events", "Ex");
        byte[] key = "temp".getBytes(StandardCharsets.UTF_8);
        Database db = engine.db(0);
        engine.lock.lock();
        try {
            db.setKey(key, "v".getBytes(StandardCharsets.UTF_8), false);
            db.setExpire(key, clock.millis() + 1000);
        } finally {
            engine.lock.unlock();
        }
        clock.advance(Duration.ofMillis(500));
        assertThat(got).isEmpty();
        clock.advance(Duration.ofMillis(600));
        assertThat(got).containsExactly("temp");
    }

    @Test
    void globMatchesLikeRedis() {
        // stringmatchlen never matches an empty string, not even with "*"
        assertThat(m("*", "")).isFalse();
        assertThat(m("a*", "abc")).isTrue();
        assertThat(m("a?c", "abc")).isTrue();
        assertThat(m("a?c", "ac")).isFalse();
        assertThat(m("a[bc]d", "acd")).isTrue();
        assertThat(m("a[^bc]d", "acd")).isFalse();
        assertThat(m("a[^bc]d", "axd")).isTrue();
        assertThat(m("a[c-a]d", "abd")).isTrue();
        assertThat(m("a\\*", "a*")).isTrue();
        assertThat(m("a\\*", "ab")).isFalse();
        assertThat(m("a[", "a[")).isFalse();
        assertThat(m("a[", "a")).isFalse();
        assertThat(m("*a*b*c*", "xxaxxbxxc")).isTrue();
        assertThat(m("*a*b*c*", "xxaxxbxx")).isFalse();
        assertThat(m("a**", "a")).isTrue();
        assertThat(m("a\\", "a\\")).isTrue();
        assertThat(m("a[\\]]", "a]")).isTrue();
        assertThat(m("AB", "ab")).isFalse();
    }

    private static boolean m(String p, String s) {
        return PubSub.match(p.getBytes(StandardCharsets.UTF_8), s.getBytes(StandardCharsets.UTF_8));
    }
}
