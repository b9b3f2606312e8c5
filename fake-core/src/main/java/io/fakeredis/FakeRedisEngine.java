package io.fakeredis;

import io.fakeredis.core.Client;
import io.fakeredis.core.CommandLog;
import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.Clock;
import io.fakeredis.core.clock.ManualClock;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.pubsub.PubSub;
import io.fakeredis.core.type.Values;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-process Redis 7.0 for tests, used directly from Java: methods are named after the Redis
 * commands (and Jedis's signatures). Every call runs the real command through an in-process
 * client, so semantics, expiry, keyspace events and wake-ups of blocked clients are the same as
 * over the wire. Errors throw {@link FakeRedisException} with Redis's text.
 *
 * <p>Each instance owns its own engine; {@link #db(int)} returns a view on another database that
 * shares it. Thread-safe: calls are serialized on the engine lock like wire commands.
 */
public final class FakeRedisEngine implements AutoCloseable {
    private final Engine engine;
    private final Caller caller;
    private final int dbIndex;
    private final boolean owner;

    /** An engine on the system clock. */
    public FakeRedisEngine() {
        this(Clock.system());
    }

    /** An engine on the given clock; pass a {@link ManualClock} to move time by hand. */
    public FakeRedisEngine(Clock clock) {
        this(new Engine(clock), 0, true, null);
    }

    private FakeRedisEngine(Engine engine, int dbIndex, boolean owner, Caller caller) {
        this.engine = engine;
        this.dbIndex = dbIndex;
        this.owner = owner;
        this.caller = caller != null ? caller : new Caller(engine);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for a new engine. */
    public static final class Builder {
        private Clock clock = Clock.system();
        private String password;
        private boolean commandLog = true;
        private boolean resp2Only;

        private Builder() {}

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** A manual clock starting now; reach it through {@link FakeRedisEngine#manualClock()}. */
        public Builder manualClock() {
            return clock(new ManualClock());
        }

        /** A manual clock frozen at this instant until the test moves it. */
        public Builder manualClock(java.time.Instant start) {
            return clock(new ManualClock(start));
        }

        /** Sets requirepass: wire clients must AUTH. The typed API is always authenticated. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder commandLog(boolean on) {
            this.commandLog = on;
            return this;
        }

        /** Behave like a server without RESP3: HELLO answers the unknown-command error. */
        public Builder resp2Only(boolean on) {
            this.resp2Only = on;
            return this;
        }

        public FakeRedisEngine build() {
            FakeRedisEngine e = new FakeRedisEngine(clock);
            if (password != null && !password.isEmpty()) e.engine.config().set("requirepass", password);
            e.engine.commandLog.enabled(commandLog);
            if (resp2Only) e.engine.disableCommand("hello");
            return e;
        }
    }

    // ---- plumbing ----

    /** The engine behind this API, for the server module and advanced use. */
    public Engine internal() {
        return engine;
    }

    public Clock clock() {
        return engine.clock();
    }

    /** The manual clock driving this engine; fails if it runs on the system clock. */
    public ManualClock manualClock() {
        if (engine.clock() instanceof ManualClock m) return m;
        throw new IllegalStateException("this engine runs on " + engine.clock() + ", not a ManualClock");
    }

    /** A view of the same engine bound to database n (0-15). */
    public FakeRedisEngine db(int n) {
        if (n < 0 || n >= Engine.DATABASES) throw new FakeRedisException("ERR DB index is out of range");
        return n == dbIndex ? this : new FakeRedisEngine(engine, n, false, caller);
    }

    /** Alias of {@link #db(int)}, named after SELECT; the receiver is left unchanged. */
    public FakeRedisEngine select(int n) {
        return db(n);
    }

    public int dbIndex() {
        return dbIndex;
    }

    /** Commands received from wire clients (typed API calls are not recorded). */
    public CommandLog commandLog() {
        return engine.commandLog;
    }

    /** Commands Redis has that this fake does not implement, as received. */
    public List<String> unsupportedCommands() {
        return engine.unsupportedCommands();
    }

    /**
     * Returns the engine to an empty state for the next test: all databases emptied directly
     * (no FLUSHALL is logged or notified), the command log, publish log and unsupported-command
     * list cleared.
     */
    public void reset() {
        engine.lock.lock();
        try {
            for (int i = 0; i < Engine.DATABASES; i++) engine.db(i).clear();
            engine.clearPublished();
        } finally {
            engine.lock.unlock();
        }
        engine.commandLog.clear();
        engine.clearUnsupportedCommands();
    }

    /** Forgets the command log, the publish log and the unsupported-command list, keeping the data. */
    public void clearLogs() {
        engine.lock.lock();
        try {
            engine.clearPublished();
        } finally {
            engine.lock.unlock();
        }
        engine.commandLog.clear();
        engine.clearUnsupportedCommands();
    }

    /** Closes the engine (views do nothing). Wire servers over it must be closed first. */
    @Override
    public void close() {
        if (owner) engine.close();
    }

    public boolean isClosed() {
        return engine.isClosed();
    }

    /**
     * Runs any command and returns its reply as Java values: status replies and bulk strings
     * as String (UTF-8), integers as Long, doubles as Double, arrays as List, maps as Map, sets
     * as Set, nil as null. Arguments may be String, byte[] or numbers.
     */
    public Object execute(Object... argv) {
        return decode(call(args(argv)));
    }

    /** Like {@link #execute(Object...)} but keeps bulk strings as byte[]. */
    public Object executeRaw(Object... argv) {
        Object r = call(args(argv));
        return r instanceof ValueSink.Status s ? s.text() : r;
    }

    private Object call(byte[][] argv) {
        if (engine.isClosed()) throw new IllegalStateException("the engine is closed");
        return caller.call(engine.db(dbIndex), argv);
    }

    /** The typed API's own client: one per engine, connected on first use. */
    private static final class Caller implements Client.Transport, CommandLog.Unlogged {
        private final Engine engine;
        private final ValueSink sink;
        private Client client;

        Caller(Engine engine) {
            this.engine = engine;
            this.sink = new ValueSink(engine.stats);
        }

        @Override
        public String addr() {
            return "typed-api";
        }

        Object call(Database db, byte[][] argv) {
            Object r;
            engine.lock.lock();
            try {
                if (client == null) {
                    // Not a connection: keep it out of CLIENT LIST, INFO clients and the stats,
                    // so wire-visible state matches a real server that only has wire clients.
                    client = engine.connect(this, sink);
                    engine.disconnect(client);
                    engine.stats.connectionsReceived--;
                    client.name = "fakeredis-typed-api";
                }
                client.authenticated = true;
                client.db = db;
                sink.begin();
                engine.execute(client, argv);
                engine.afterBatch();
                r = sink.take();
                if (client.blocked) {
                    // nobody could ever read the reply: withdraw the waiter rather than let it
                    // swallow an element pushed later
                    engine.blocking().onDisconnect(client);
                    client.blocked = false;
                    r = new ValueSink.Error("ERR blocking commands cannot wait in the typed API: use a wire client");
                }
                if (client.monitor) {
                    // the lines would pile up where nobody reads them
                    engine.removeMonitor(client);
                    r = new ValueSink.Error("ERR MONITOR cannot stream to the typed API: use a wire client");
                }
            } finally {
                engine.lock.unlock();
            }
            if (r instanceof ValueSink.Error e) throw new FakeRedisException(e.text());
            return r;
        }
    }

    // ---- argument and reply conversion ----

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(Object o) {
        if (o == null) return null;
        if (o instanceof byte[] bytes) return new String(bytes, StandardCharsets.UTF_8);
        if (o instanceof ValueSink.Status st) return st.text();
        return o.toString();
    }

    private static byte[] arg(Object o) {
        if (o instanceof byte[] bytes) return bytes;
        if (o instanceof String str) return b(str);
        if (o instanceof Double || o instanceof Float) return b(num(((Number) o).doubleValue()));
        if (o instanceof Number || o instanceof Character || o instanceof Boolean) return b(o.toString());
        throw new IllegalArgumentException("argument must be String, byte[] or a number: " + o);
    }

    private static String num(double d) {
        if (d == Double.POSITIVE_INFINITY) return "+inf";
        if (d == Double.NEGATIVE_INFINITY) return "-inf";
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return Double.toString(d);
    }

    private static byte[][] args(Object... argv) {
        if (argv.length == 0) throw new IllegalArgumentException("no command");
        byte[][] out = new byte[argv.length][];
        for (int i = 0; i < argv.length; i++) out[i] = arg(argv[i]);
        return out;
    }

    /** Name, then fixed arguments, then a variable tail. */
    private static byte[][] args(String name, Object[] head, Object[] tail) {
        byte[][] out = new byte[1 + head.length + tail.length][];
        out[0] = b(name);
        for (int i = 0; i < head.length; i++) out[1 + i] = arg(head[i]);
        for (int i = 0; i < tail.length; i++) out[1 + head.length + i] = arg(tail[i]);
        return out;
    }

    private Object cmd(String name, Object... a) {
        return call(args(name, a, new Object[0]));
    }

    private Object cmdv(String name, Object head, Object[] tail) {
        return call(args(name, new Object[] {head}, tail));
    }

    private static Object decode(Object r) {
        if (r instanceof byte[] || r instanceof ValueSink.Status) return s(r);
        if (r instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(decode(o));
            return out;
        }
        if (r instanceof Set<?> set) {
            Set<Object> out = new LinkedHashSet<>();
            for (Object o : set) out.add(decode(o));
            return out;
        }
        if (r instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(decode(e.getKey()), decode(e.getValue()));
            return out;
        }
        if (r instanceof ValueSink.Error e) return new FakeRedisException(e.text());
        return r;
    }

    private static long lng(Object o) {
        if (o instanceof Long l) return l;
        if (o instanceof Boolean bo) return bo ? 1 : 0;
        throw new IllegalStateException("expected an integer reply, got " + o);
    }

    private static Double dbl(Object o) {
        if (o == null) return null;
        if (o instanceof Double d) return d;
        return Double.valueOf(s(o));
    }

    private static List<String> strings(Object o) {
        if (o == null) return null;
        Collection<?> c = (Collection<?>) o;
        List<String> out = new ArrayList<>(c.size());
        for (Object e : c) out.add(s(e));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<byte[]> bytesList(Object o) {
        if (o == null) return null;
        return new ArrayList<>((Collection<byte[]>) o);
    }

    private static Set<String> stringSet(Object o) {
        return new LinkedHashSet<>(strings(o));
    }

    private static Map<String, String> stringMap(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(s(e.getKey()), s(e.getValue()));
        } else {
            List<?> l = (List<?>) o;
            for (int i = 0; i + 1 < l.size(); i += 2) out.put(s(l.get(i)), s(l.get(i + 1)));
        }
        return out;
    }

    private static Map<byte[], byte[]> bytesMap(Object o) {
        Map<byte[], byte[]> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) out.put((byte[]) e.getKey(), (byte[]) e.getValue());
        } else {
            List<?> l = (List<?>) o;
            for (int i = 0; i + 1 < l.size(); i += 2) out.put((byte[]) l.get(i), (byte[]) l.get(i + 1));
        }
        return out;
    }

    private static Object[] flat(Map<?, ?> m) {
        Object[] out = new Object[m.size() * 2];
        int i = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out[i++] = e.getKey();
            out[i++] = e.getValue();
        }
        return out;
    }

    // ---- connection and server ----

    public String ping() {
        return s(cmd("PING"));
    }

    public long dbSize() {
        return lng(cmd("DBSIZE"));
    }

    public String flushAll() {
        return s(cmd("FLUSHALL"));
    }

    public String flushDb() {
        return s(cmd("FLUSHDB"));
    }

    // ---- strings ----

    public String set(String key, String value) {
        return s(cmd("SET", key, value));
    }

    public String set(byte[] key, byte[] value) {
        return s(cmd("SET", key, value));
    }

    /** SET key value PX ttl. */
    public String set(String key, String value, Duration ttl) {
        return s(cmd("SET", key, value, "PX", ttl.toMillis()));
    }

    public String set(byte[] key, byte[] value, Duration ttl) {
        return s(cmd("SET", key, value, "PX", ttl.toMillis()));
    }

    public String setex(String key, long seconds, String value) {
        return s(cmd("SETEX", key, seconds, value));
    }

    public String psetex(String key, long millis, String value) {
        return s(cmd("PSETEX", key, millis, value));
    }

    public long setnx(String key, String value) {
        return lng(cmd("SETNX", key, value));
    }

    public String get(String key) {
        return s(cmd("GET", key));
    }

    public byte[] get(byte[] key) {
        return (byte[]) cmd("GET", key);
    }

    public String getSet(String key, String value) {
        return s(cmd("GETSET", key, value));
    }

    public String getDel(String key) {
        return s(cmd("GETDEL", key));
    }

    public long append(String key, String value) {
        return lng(cmd("APPEND", key, value));
    }

    public long strlen(String key) {
        return lng(cmd("STRLEN", key));
    }

    public long incr(String key) {
        return lng(cmd("INCR", key));
    }

    public long incr(byte[] key) {
        return lng(cmd("INCR", key));
    }

    public long incrBy(String key, long increment) {
        return lng(cmd("INCRBY", key, increment));
    }

    public double incrByFloat(String key, double increment) {
        return dbl(cmd("INCRBYFLOAT", key, increment));
    }

    public long decr(String key) {
        return lng(cmd("DECR", key));
    }

    public long decrBy(String key, long decrement) {
        return lng(cmd("DECRBY", key, decrement));
    }

    /** MSET k1 v1 k2 v2 ... */
    public String mset(String... keysAndValues) {
        return s(call(args("MSET", new Object[0], keysAndValues)));
    }

    public String mset(byte[]... keysAndValues) {
        return s(call(args("MSET", new Object[0], keysAndValues)));
    }

    public String mset(Map<String, String> values) {
        return s(call(args("MSET", new Object[0], flat(values))));
    }

    public List<String> mget(String... keys) {
        return strings(call(args("MGET", new Object[0], keys)));
    }

    public List<byte[]> mget(byte[]... keys) {
        return bytesList(call(args("MGET", new Object[0], keys)));
    }

    // ---- keys ----

    public long del(String... keys) {
        return lng(call(args("DEL", new Object[0], keys)));
    }

    public long del(byte[]... keys) {
        return lng(call(args("DEL", new Object[0], keys)));
    }

    public long unlink(String... keys) {
        return lng(call(args("UNLINK", new Object[0], keys)));
    }

    public boolean exists(String key) {
        return lng(cmd("EXISTS", key)) == 1;
    }

    public boolean exists(byte[] key) {
        return lng(cmd("EXISTS", key)) == 1;
    }

    /** EXISTS with several keys: how many exist (a key named twice counts twice). */
    public long exists(String... keys) {
        return lng(call(args("EXISTS", new Object[0], keys)));
    }

    public long expire(String key, long seconds) {
        return lng(cmd("EXPIRE", key, seconds));
    }

    public long expire(byte[] key, long seconds) {
        return lng(cmd("EXPIRE", key, seconds));
    }

    public long pexpire(String key, long millis) {
        return lng(cmd("PEXPIRE", key, millis));
    }

    public long expireAt(String key, long unixSeconds) {
        return lng(cmd("EXPIREAT", key, unixSeconds));
    }

    public long pexpireAt(String key, long unixMillis) {
        return lng(cmd("PEXPIREAT", key, unixMillis));
    }

    public long ttl(String key) {
        return lng(cmd("TTL", key));
    }

    public long ttl(byte[] key) {
        return lng(cmd("TTL", key));
    }

    public long pttl(String key) {
        return lng(cmd("PTTL", key));
    }

    public long persist(String key) {
        return lng(cmd("PERSIST", key));
    }

    public Set<String> keys(String pattern) {
        return stringSet(cmd("KEYS", pattern));
    }

    public Set<byte[]> keys(byte[] pattern) {
        return new LinkedHashSet<>(bytesList(cmd("KEYS", pattern)));
    }

    /** TYPE: string, list, set, zset, hash, stream or none. */
    public String type(String key) {
        return s(cmd("TYPE", key));
    }

    public String type(byte[] key) {
        return s(cmd("TYPE", key));
    }

    public String rename(String key, String newKey) {
        return s(cmd("RENAME", key, newKey));
    }

    public String randomKey() {
        return s(cmd("RANDOMKEY"));
    }

    // ---- hashes ----

    public long hset(String key, String field, String value) {
        return lng(cmd("HSET", key, field, value));
    }

    public long hset(byte[] key, byte[] field, byte[] value) {
        return lng(cmd("HSET", key, field, value));
    }

    public long hset(String key, Map<String, String> fields) {
        return lng(cmdv("HSET", key, flat(fields)));
    }

    public String hget(String key, String field) {
        return s(cmd("HGET", key, field));
    }

    public byte[] hget(byte[] key, byte[] field) {
        return (byte[]) cmd("HGET", key, field);
    }

    public Map<String, String> hgetAll(String key) {
        return stringMap(cmd("HGETALL", key));
    }

    public Map<byte[], byte[]> hgetAll(byte[] key) {
        return bytesMap(cmd("HGETALL", key));
    }

    public long hdel(String key, String... fields) {
        return lng(cmdv("HDEL", key, fields));
    }

    public boolean hexists(String key, String field) {
        return lng(cmd("HEXISTS", key, field)) == 1;
    }

    public long hlen(String key) {
        return lng(cmd("HLEN", key));
    }

    public List<String> hmget(String key, String... fields) {
        return strings(cmdv("HMGET", key, fields));
    }

    public Set<String> hkeys(String key) {
        return stringSet(cmd("HKEYS", key));
    }

    public List<String> hvals(String key) {
        return strings(cmd("HVALS", key));
    }

    public long hincrBy(String key, String field, long increment) {
        return lng(cmd("HINCRBY", key, field, increment));
    }

    // ---- lists ----

    public long lpush(String key, String... values) {
        return lng(cmdv("LPUSH", key, values));
    }

    public long lpush(byte[] key, byte[]... values) {
        return lng(cmdv("LPUSH", key, values));
    }

    public long rpush(String key, String... values) {
        return lng(cmdv("RPUSH", key, values));
    }

    public long rpush(byte[] key, byte[]... values) {
        return lng(cmdv("RPUSH", key, values));
    }

    public String lpop(String key) {
        return s(cmd("LPOP", key));
    }

    public String rpop(String key) {
        return s(cmd("RPOP", key));
    }

    public List<String> lrange(String key, long start, long stop) {
        return strings(cmd("LRANGE", key, start, stop));
    }

    public List<byte[]> lrange(byte[] key, long start, long stop) {
        return bytesList(cmd("LRANGE", key, start, stop));
    }

    public long llen(String key) {
        return lng(cmd("LLEN", key));
    }

    public String lindex(String key, long index) {
        return s(cmd("LINDEX", key, index));
    }

    // ---- sets ----

    public long sadd(String key, String... members) {
        return lng(cmdv("SADD", key, members));
    }

    public long sadd(byte[] key, byte[]... members) {
        return lng(cmdv("SADD", key, members));
    }

    public long srem(String key, String... members) {
        return lng(cmdv("SREM", key, members));
    }

    public Set<String> smembers(String key) {
        return stringSet(cmd("SMEMBERS", key));
    }

    public Set<byte[]> smembers(byte[] key) {
        return new LinkedHashSet<>(bytesList(new ArrayList<>((Collection<?>) cmd("SMEMBERS", key))));
    }

    public boolean sismember(String key, String member) {
        return lng(cmd("SISMEMBER", key, member)) == 1;
    }

    public long scard(String key) {
        return lng(cmd("SCARD", key));
    }

    // ---- sorted sets ----

    public long zadd(String key, double score, String member) {
        return lng(cmd("ZADD", key, score, member));
    }

    public long zadd(byte[] key, double score, byte[] member) {
        return lng(cmd("ZADD", key, score, member));
    }

    /** ZADD with member to score pairs. */
    public long zadd(String key, Map<String, Double> scoreMembers) {
        Object[] a = new Object[scoreMembers.size() * 2];
        int i = 0;
        for (Map.Entry<String, Double> e : scoreMembers.entrySet()) {
            a[i++] = e.getValue();
            a[i++] = e.getKey();
        }
        return lng(cmdv("ZADD", key, a));
    }

    public Double zscore(String key, String member) {
        return dbl(cmd("ZSCORE", key, member));
    }

    public Double zscore(byte[] key, byte[] member) {
        return dbl(cmd("ZSCORE", key, member));
    }

    public double zincrby(String key, double increment, String member) {
        return dbl(cmd("ZINCRBY", key, increment, member));
    }

    public long zrem(String key, String... members) {
        return lng(cmdv("ZREM", key, members));
    }

    public long zcard(String key) {
        return lng(cmd("ZCARD", key));
    }

    public List<String> zrange(String key, long start, long stop) {
        return strings(cmd("ZRANGE", key, start, stop));
    }

    public List<ScoredValue> zrangeWithScores(String key, long start, long stop) {
        return scored(cmd("ZRANGE", key, start, stop, "WITHSCORES"));
    }

    public List<ScoredValue> zrangeWithScores(byte[] key, long start, long stop) {
        return scored(cmd("ZRANGE", key, start, stop, "WITHSCORES"));
    }

    /** RESP3 answers [[member, score], ...]; RESP2 a flat list: accept both. */
    private static List<ScoredValue> scored(Object r) {
        List<?> l = (List<?>) r;
        List<ScoredValue> out = new ArrayList<>();
        if (!l.isEmpty() && l.get(0) instanceof List) {
            for (Object o : l) {
                List<?> p = (List<?>) o;
                out.add(new ScoredValue((byte[]) p.get(0), dbl(p.get(1))));
            }
        } else {
            for (int i = 0; i + 1 < l.size(); i += 2) out.add(new ScoredValue((byte[]) l.get(i), dbl(l.get(i + 1))));
        }
        return out;
    }

    // ---- pub/sub ----

    /** PUBLISH: how many subscribers received the message. */
    public long publish(String channel, String message) {
        return lng(cmd("PUBLISH", channel, message));
    }

    public long publish(byte[] channel, byte[] message) {
        return lng(cmd("PUBLISH", channel, message));
    }

    /** Listens in-process on a channel, next to wire subscribers; close the result to stop. */
    public PubSub.Subscription subscribe(String channel, PubSub.MessageListener listener) {
        return engine.pubsub().subscribe(channel, listener);
    }

    /** Listens in-process on every channel matching a glob pattern. */
    public PubSub.Subscription psubscribe(String pattern, PubSub.PatternListener listener) {
        return engine.pubsub().psubscribe(pattern, listener);
    }

    /** Messages published so far (PUBLISH, SPUBLISH, the typed API), oldest first. */
    public List<PubSub.Published> publishedMessages() {
        return engine.pubsub().published();
    }

    // ---- inspection without commands (for assertions) ----

    /**
     * The type of a key read straight from the keyspace, without touching hit counters or access
     * times; null when absent or expired.
     */
    public RedisType typeOf(String key) {
        engine.lock.lock();
        try {
            Object v = live(b(key));
            return v == null ? null : RedisType.valueOf(Values.typeOf(v).name());
        } finally {
            engine.lock.unlock();
        }
    }

    /**
     * Remaining time to live read straight from the keyspace: null when the key is absent,
     * {@link Duration#ZERO}-or-more when it has a TTL, and a negative duration (-1 ms) when it
     * has none.
     */
    public Duration ttlOf(String key) {
        engine.lock.lock();
        try {
            byte[] k = b(key);
            if (live(k) == null) return null;
            long at = engine.db(dbIndex).expireAt(k);
            return at < 0 ? Duration.ofMillis(-1) : Duration.ofMillis(Math.max(0, at - engine.clock().millis()));
        } finally {
            engine.lock.unlock();
        }
    }

    /** The string value of a key, read without side effects; null when absent or not a string. */
    public byte[] peekString(String key) {
        engine.lock.lock();
        try {
            Object v = live(b(key));
            return v instanceof byte[] bytes ? bytes.clone() : null;
        } finally {
            engine.lock.unlock();
        }
    }

    private Object live(byte[] key) {
        Database db = engine.db(dbIndex);
        Object v = db.peek(key);
        if (v == null) return null;
        long at = db.expireAt(key);
        return at > 0 && at <= engine.clock().millis() ? null : v;
    }

    @Override
    public String toString() {
        return "FakeRedisEngine[db" + dbIndex + ", " + engine.clock() + "]";
    }
}
