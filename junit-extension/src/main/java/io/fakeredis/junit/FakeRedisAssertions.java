package io.fakeredis.junit;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.RedisType;
import io.fakeredis.ScoredValue;
import io.fakeredis.core.CommandLog;
import io.fakeredis.core.pubsub.PubSub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a fake's keyspace, publish log and command log (needs assertj-core on the
 * test class path):
 *
 * <pre>{@code
 * assertThat(redis).hasKey("cart:42").ofType(HASH).withoutTtl().hasField("sku-1", "2");
 * assertThat(redis).hasKey("session").withTtlBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
 * assertThat(redis).received("SET", "product:1", json, "EX", "300");
 * assertThat(redis).hasPublished("orders", "created:42");
 * }</pre>
 *
 * Key state is read without touching hit counters or access times; failure messages describe the
 * key's type, a preview of its value and its TTL. It extends AssertJ's {@code Assertions}, so one
 * static import of {@code assertThat} serves both the fake and ordinary values.
 */
public class FakeRedisAssertions extends org.assertj.core.api.Assertions {
    protected FakeRedisAssertions() {}

    public static EngineAssert assertThat(FakeRedisEngine actual) {
        return new EngineAssert(actual);
    }

    /** Assertions on the whole fake (one database, see {@link #db(int)}). */
    public static final class EngineAssert extends AbstractAssert<EngineAssert, FakeRedisEngine> {
        EngineAssert(FakeRedisEngine actual) {
            super(actual, EngineAssert.class);
        }

        /** The same assertions on database n. */
        public EngineAssert db(int n) {
            isNotNull();
            return new EngineAssert(actual.db(n));
        }

        public KeyAssert hasKey(String key) {
            isNotNull();
            if (actual.typeOf(key) == null) {
                failWithMessage("Expecting db%d to have key <%s> but it does not exist", actual.dbIndex(), key);
            }
            return new KeyAssert(actual, key);
        }

        public EngineAssert doesNotHaveKey(String key) {
            isNotNull();
            if (actual.typeOf(key) != null) {
                failWithMessage("Expecting db%d not to have key <%s> but it holds %s", actual.dbIndex(), key,
                        describe(actual, key));
            }
            return this;
        }

        /** A message was published (PUBLISH, SPUBLISH or the typed API) on this channel. */
        public EngineAssert hasPublished(String channel, String message) {
            isNotNull();
            List<PubSub.Published> all = actual.internal().pubsub().published();
            byte[] ch = utf8(channel);
            byte[] msg = utf8(message);
            for (PubSub.Published p : all) {
                if (Arrays.equals(p.channel(), ch) && Arrays.equals(p.message(), msg)) return this;
            }
            StringBuilder b = new StringBuilder();
            for (PubSub.Published p : all) {
                b.append("\n  ").append(str(p.channel())).append(" <- ").append(preview(str(p.message())));
            }
            failWithMessage("Expecting a message <%s> published on channel <%s> but %s", message, channel,
                    all.isEmpty() ? "nothing was published" : "the published messages were:" + b);
            return this;
        }

        public EngineAssert hasNotPublished(String channel) {
            isNotNull();
            byte[] ch = utf8(channel);
            for (PubSub.Published p : actual.internal().pubsub().published()) {
                if (Arrays.equals(p.channel(), ch)) {
                    failWithMessage("Expecting nothing published on <%s> but <%s> was", channel, str(p.message()));
                }
            }
            return this;
        }

        /** A wire client sent this command (name in any case, exactly these arguments). */
        public EngineAssert received(String name, String... args) {
            isNotNull();
            if (!actual.commandLog().contains(name, args)) {
                failWithMessage("Expecting a client to have sent <%s> but the command log %s", command(name, args),
                        logText(actual.commandLog()));
            }
            return this;
        }

        public EngineAssert didNotReceive(String name, String... args) {
            isNotNull();
            if (actual.commandLog().contains(name, args)) {
                failWithMessage("Expecting no client to have sent <%s> but one did", command(name, args));
            }
            return this;
        }
    }

    /** Assertions on one key. */
    public static final class KeyAssert extends AbstractAssert<KeyAssert, String> {
        private final FakeRedisEngine redis;

        KeyAssert(FakeRedisEngine redis, String key) {
            super(key, KeyAssert.class);
            this.redis = redis;
        }

        public KeyAssert ofType(RedisType type) {
            RedisType t = redis.typeOf(actual);
            if (t != type) {
                failWithMessage("Expecting key <%s> to be a %s but it is %s", actual, type.redisName(), describe(redis, actual));
            }
            return this;
        }

        /** The remaining TTL lies within [min, max]. */
        public KeyAssert withTtlBetween(Duration min, Duration max) {
            Duration ttl = redis.ttlOf(actual);
            if (ttl == null || ttl.isNegative() || ttl.compareTo(min) < 0 || ttl.compareTo(max) > 0) {
                failWithMessage("Expecting key <%s> to have a TTL between %s and %s but it is %s", actual, ttlText(min),
                        ttlText(max), describe(redis, actual));
            }
            return this;
        }

        public KeyAssert withTtl() {
            Duration ttl = redis.ttlOf(actual);
            if (ttl == null || ttl.isNegative()) {
                failWithMessage("Expecting key <%s> to have a TTL but it is %s", actual, describe(redis, actual));
            }
            return this;
        }

        public KeyAssert withoutTtl() {
            Duration ttl = redis.ttlOf(actual);
            if (ttl != null && !ttl.isNegative()) {
                failWithMessage("Expecting key <%s> to have no TTL but it is %s", actual, describe(redis, actual));
            }
            return this;
        }

        /** A string key holding exactly this UTF-8 value. */
        public KeyAssert withValue(String value) {
            byte[] v = redis.peekString(actual);
            if (v == null || !Arrays.equals(v, utf8(value))) {
                failWithMessage("Expecting key <%s> to hold the string <%s> but it is %s", actual, value, describe(redis, actual));
            }
            return this;
        }

        /** A hash key with this field set to this value. */
        public KeyAssert hasField(String field, String value) {
            ofType(RedisType.HASH);
            String v = redis.hget(actual, field);
            if (v == null || !v.equals(value)) {
                failWithMessage("Expecting hash <%s> to have field <%s> = <%s> but %s; the key is %s", actual, field, value,
                        v == null ? "there is no such field" : "it is <" + v + ">", describe(redis, actual));
            }
            return this;
        }

        /** A list key holding exactly these elements in this order. */
        public KeyAssert containsExactly(String... elements) {
            ofType(RedisType.LIST);
            List<String> l = redis.lrange(actual, 0, -1);
            if (!l.equals(Arrays.asList(elements))) {
                failWithMessage("Expecting list <%s> to contain exactly %s but it is %s", actual, Arrays.toString(elements),
                        describe(redis, actual));
            }
            return this;
        }

        /** A set key holding exactly these members, in any order. */
        public KeyAssert hasMembers(String... members) {
            ofType(RedisType.SET);
            String key = this.actual;
            Set<String> got = redis.smembers(key);
            if (!got.equals(Set.copyOf(Arrays.asList(members)))) {
                failWithMessage("Expecting set <%s> to have exactly the members %s but it is %s", key,
                        Arrays.toString(members), describe(redis, key));
            }
            return this;
        }
    }

    // ---- descriptions ----

    /** e.g. {@code a string "abc" with TTL 29.5s} or {@code a hash {f=v} without TTL}. */
    static String describe(FakeRedisEngine redis, String key) {
        RedisType t = redis.typeOf(key);
        if (t == null) return "missing";
        String value;
        try {
            value = switch (t) {
                case STRING -> "\"" + preview(str(redis.peekString(key))) + "\"";
                case HASH -> preview(mapText(redis.hgetAll(key)));
                case LIST -> preview(redis.lrange(key, 0, 9).toString());
                case SET -> preview(redis.smembers(key).toString());
                case ZSET -> preview(scores(redis.zrangeWithScores(key, 0, 9)));
                case STREAM -> "(stream)";
            };
        } catch (RuntimeException e) {
            value = "(value unreadable: " + e.getMessage() + ")";
        }
        Duration ttl = redis.ttlOf(key);
        String ttlText = ttl == null ? "" : ttl.isNegative() ? " without TTL" : " with TTL " + ttlText(ttl);
        return "a " + t.redisName() + " " + value + ttlText;
    }

    private static String mapText(Map<String, String> m) {
        return m.toString();
    }

    private static String scores(List<ScoredValue> l) {
        return l.toString();
    }

    static String ttlText(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) return (ms / 1000) + "s";
        return String.format(java.util.Locale.ROOT, "%.3fs", ms / 1000.0);
    }

    static String preview(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }

    private static String command(String name, String... args) {
        StringBuilder b = new StringBuilder(name.toUpperCase(java.util.Locale.ROOT));
        for (String a : args) b.append(" \"").append(a).append('"');
        return b.toString();
    }

    private static String logText(CommandLog log) {
        List<CommandLog.Entry> e = log.entries();
        if (e.isEmpty()) return "is empty";
        StringBuilder b = new StringBuilder("holds " + e.size() + (e.size() == 1 ? " command" : " commands")
                + (e.size() > 20 ? ", the last 20:" : ":"));
        for (CommandLog.Entry x : e.subList(Math.max(0, e.size() - 20), e.size())) b.append("\n  ").append(x);
        return b.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
