package io.fakeredis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fakeredis.core.Client;
import io.fakeredis.core.CommandLog;
import io.fakeredis.core.Engine;
import io.fakeredis.core.ReplySink;
import io.fakeredis.core.clock.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The typed API over the commands every branch has: GET, SET, PING, SELECT, ECHO. */
class FakeRedisEngineTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final FakeRedisEngine redis = new FakeRedisEngine(clock);

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void setAndGetStrings() {
        assertThat(redis.get("missing")).isNull();
        assertThat(redis.set("k", "v\u00e9")).isEqualTo("OK");
        assertThat(redis.get("k")).isEqualTo("v\u00e9");
        assertThat(redis.get("k".getBytes(StandardCharsets.UTF_8))).isEqualTo("v\u00e9".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void binarySafe() {
        byte[] key = {0, (byte) 0xff, 13, 10};
        byte[] val = {(byte) 0x80, 0, 1};
        redis.set(key, val);
        assertThat(redis.get(key)).isEqualTo(val);
    }

    @Test
    void errorsCarryRedisText() {
        assertThatThrownBy(() -> redis.execute("SET", "k"))
                .isInstanceOf(FakeRedisException.class)
                .hasMessage("ERR wrong number of arguments for 'set' command");
        assertThatThrownBy(() -> redis.execute("NOSUCH", "a"))
                .hasMessage("ERR unknown command 'NOSUCH', with args beginning with: 'a' ");
        FakeRedisException e = org.junit.jupiter.api.Assertions.assertThrows(FakeRedisException.class,
                () -> redis.execute("SET", "k", "v", "BOGUS"));
        assertThat(e.code()).isEqualTo("ERR");
    }

    @Test
    void typedApiErrorsFailTheCommandButStayOutOfErrorstats() {
        // as Redis leaves RM_Call's errors out: the typed API is no client of the server
        redis.execute("CONFIG", "RESETSTAT");
        redis.set("s", "abc");
        assertThatThrownBy(() -> redis.execute("INCR", "s")).hasMessage("ERR value is not an integer or out of range");
        String info = (String) redis.execute("INFO", "all");
        assertThat(info).contains("total_error_replies:0\r\n").contains("# Errorstats\r\n\r\n# ")
                .contains("cmdstat_incr:calls=1,").contains(",rejected_calls=0,failed_calls=1\r\n");
    }

    @Test
    void wrongTypeFromTheKeyspace() {
        // a non-string value planted directly: GET must answer WRONGTYPE through the typed API
        Engine engine = redis.internal();
        engine.lock.lock();
        try {
            engine.db(0).add("h".getBytes(), new io.fakeredis.core.type.RedisValue() {
                @Override public io.fakeredis.core.type.ValueType type() { return io.fakeredis.core.type.ValueType.HASH; }
                @Override public String encoding(io.fakeredis.core.config.Config config) { return "listpack"; }
                @Override public io.fakeredis.core.type.RedisValue copy() { return this; }
            });
        } finally {
            engine.lock.unlock();
        }
        assertThatThrownBy(() -> redis.get("h"))
                .isInstanceOf(FakeRedisException.class)
                .hasMessage("WRONGTYPE Operation against a key holding the wrong kind of value");
        assertThat(redis.typeOf("h")).isEqualTo(RedisType.HASH);
    }

    @Test
    void executeDecodesReplies() {
        assertThat(redis.execute("PING")).isEqualTo("PONG");
        assertThat(redis.execute("ECHO", "hi")).isEqualTo("hi");
        assertThat(redis.executeRaw("ECHO", "hi")).isEqualTo("hi".getBytes());
        assertThat(redis.ping()).isEqualTo("PONG");
        assertThat(redis.execute("SET", "n", 42)).isEqualTo("OK");
        assertThat(redis.get("n")).isEqualTo("42");
    }

    @Test
    void databaseViewsAreIsolated() {
        FakeRedisEngine db3 = redis.db(3);
        db3.set("k", "three");
        redis.set("k", "zero");
        assertThat(db3.get("k")).isEqualTo("three");
        assertThat(redis.get("k")).isEqualTo("zero");
        assertThat(redis.select(3).get("k")).isEqualTo("three");
        assertThat(db3.dbIndex()).isEqualTo(3);
        assertThat(redis.db(0)).isSameAs(redis);
        assertThatThrownBy(() -> redis.db(16)).isInstanceOf(FakeRedisException.class);
        db3.close(); // a view: the engine stays open
        assertThat(redis.get("k")).isEqualTo("zero");
    }

    @Test
    void manualClockExpiresKeysAtOnce() {
        redis.set("k", "v");
        setExpireDirectly("k", clock.millis() + 5_000);
        assertThat(redis.ttlOf("k")).isEqualTo(Duration.ofSeconds(5));
        clock.advance(Duration.ofMillis(4_999));
        assertThat(redis.get("k")).isEqualTo("v");
        clock.advance(Duration.ofMillis(1));
        // gone from the keyspace itself, not only for reads
        Engine engine = redis.internal();
        engine.lock.lock();
        try {
            assertThat(engine.db(0).size()).isZero();
        } finally {
            engine.lock.unlock();
        }
        assertThat(redis.get("k")).isNull();
        assertThat(engine.stats.expiredKeys).isEqualTo(1);
    }

    private void setExpireDirectly(String key, long at) {
        Engine engine = redis.internal();
        engine.lock.lock();
        try {
            engine.db(0).setExpire(key.getBytes(), at);
        } finally {
            engine.lock.unlock();
        }
    }

    @Test
    void inspectionWithoutSideEffects() {
        assertThat(redis.typeOf("none")).isNull();
        assertThat(redis.ttlOf("none")).isNull();
        redis.set("s", "v");
        assertThat(redis.typeOf("s")).isEqualTo(RedisType.STRING);
        assertThat(redis.ttlOf("s")).isNegative();
        assertThat(redis.peekString("s")).isEqualTo("v".getBytes());
        long hits = redis.internal().stats.keyspaceHits;
        redis.typeOf("s");
        redis.peekString("s");
        assertThat(redis.internal().stats.keyspaceHits).isEqualTo(hits);
    }

    @Test
    void typedCallsAreNotInTheCommandLogButWireClientsAre() {
        redis.set("typed", "1");
        assertThat(redis.commandLog().entries()).isEmpty();
        Client wire = wireClient();
        clock.advance(Duration.ofSeconds(1));
        run(wire, "select", "2");
        run(wire, "set", "k", "v");
        List<CommandLog.Entry> log = redis.commandLog().entries();
        assertThat(log).hasSize(2);
        CommandLog.Entry set = log.get(1);
        assertThat(set.name()).isEqualTo("SET");
        assertThat(set.args()).containsExactly("k", "v");
        assertThat(set.db()).isEqualTo(2);
        assertThat(set.clientId()).isEqualTo(wire.id);
        assertThat(set.time()).isEqualTo(Instant.parse("2030-01-01T00:00:01Z"));
        assertThat(set.is("set", "k", "v")).isTrue();
        assertThat(redis.commandLog().contains("SET", "k", "v")).isTrue();
        assertThat(redis.commandLog().contains("SET", "k")).isFalse();
        redis.commandLog().clear();
        assertThat(redis.commandLog().entries()).isEmpty();
        run(wire, "get", "k");
        assertThat(redis.commandLog().entries()).extracting(CommandLog.Entry::name).containsExactly("GET");
    }

    @Test
    void commandLogCopiesArgvAndCanBeSwitchedOff() {
        Client wire = wireClient();
        byte[][] argv = {"SET".getBytes(), "k".getBytes(), "v".getBytes()};
        execute(wire, argv);
        argv[1][0] = 'x';
        assertThat(redis.commandLog().entries().get(0).args()).containsExactly("k", "v");
        redis.commandLog().enabled(false);
        run(wire, "get", "k");
        assertThat(redis.commandLog().size()).isEqualTo(1);
        assertThat(redis.commandLog().isEnabled()).isFalse();
    }

    @Test
    void resp2OnlyHidesHello() {
        try (FakeRedisEngine r2 = FakeRedisEngine.builder().resp2Only(true).build()) {
            assertThatThrownBy(() -> r2.execute("HELLO", "3"))
                    .hasMessage("ERR unknown command 'HELLO', with args beginning with: '3' ");
            assertThat(r2.unsupportedCommands()).isEmpty();
            assertThat(r2.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void passwordProtectsWireClientsOnly() {
        try (FakeRedisEngine p = FakeRedisEngine.builder().password("s3cret").build()) {
            assertThat(p.set("k", "v")).isEqualTo("OK");
            Client wire = p.internal().connect(new Client.Transport() {}, new Recorder());
            Recorder r = (Recorder) wire.reply;
            p.internal().lock.lock();
            try {
                p.internal().execute(wire, new byte[][] {"GET".getBytes(), "k".getBytes()});
            } finally {
                p.internal().lock.unlock();
            }
            assertThat(r.last).startsWith("NOAUTH");
        }
    }

    @Test
    void builderManualClockAndReset() {
        try (FakeRedisEngine m = FakeRedisEngine.builder().manualClock().build()) {
            assertThat(m.manualClock()).isSameAs(m.clock());
            m.set("a", "1");
            m.db(5).set("b", "2");
            m.reset();
            assertThat(m.get("a")).isNull();
            assertThat(m.db(5).get("b")).isNull();
        }
        try (FakeRedisEngine sys = new FakeRedisEngine()) {
            assertThatThrownBy(sys::manualClock).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theTypedClientIsNotAConnection() {
        redis.set("k", "v");
        assertThat(redis.internal().clients()).isEmpty();
        assertThat(redis.internal().stats.connectionsReceived).isZero();
        try (FakeRedisEngine frozen = FakeRedisEngine.builder().manualClock(Instant.parse("2031-05-06T07:08:09Z")).build()) {
            assertThat(frozen.manualClock().instant()).isEqualTo(Instant.parse("2031-05-06T07:08:09Z"));
        }
    }

    @Test
    void closedEngineRefusesCalls() {
        FakeRedisEngine e = new FakeRedisEngine();
        e.close();
        assertThat(e.isClosed()).isTrue();
        assertThatThrownBy(() -> e.get("k")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentCallersAreSerialized() throws Exception {
        Thread[] ts = new Thread[4];
        for (int t = 0; t < ts.length; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    redis.set("k" + id + ":" + i, "v" + i);
                    assertThat(redis.get("k" + id + ":" + i)).isEqualTo("v" + i);
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        assertThat(redis.get("k3:499")).isEqualTo("v499");
    }

    // ---- a minimal wire-like client ----

    private Client wireClient() {
        return redis.internal().connect(new Client.Transport() {}, new Recorder());
    }

    private void run(Client c, String... argv) {
        byte[][] a = new byte[argv.length][];
        for (int i = 0; i < argv.length; i++) a[i] = argv[i].getBytes(StandardCharsets.UTF_8);
        execute(c, a);
    }

    private void execute(Client c, byte[][] argv) {
        Engine engine = redis.internal();
        engine.lock.lock();
        try {
            engine.execute(c, argv);
        } finally {
            engine.lock.unlock();
        }
    }

    /** Keeps the last status or error text. */
    static final class Recorder implements ReplySink {
        String last;
        long errors;
        public int resp() { return 2; }
        public void resp(int v) {}
        public void status(String s) { last = s; }
        public void error(String s) { last = s; errors++; }
        public void integer(long v) { last = Long.toString(v); }
        public void bulk(byte[] b, int off, int len) { last = new String(b, off, len, StandardCharsets.UTF_8); }
        public void nullBulk() { last = null; }
        public void nullArray() { last = null; }
        public void array(int n) {}
        public void map(int n) {}
        public void set(int n) {}
        public void push(int n) {}
        public void dbl(double d) {}
        public void bool(boolean b) {}
        public void verbatim(String f, byte[] t) {}
        public long errors() { return errors; }
    }
}
