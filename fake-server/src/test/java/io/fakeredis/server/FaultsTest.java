package io.fakeredis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.server.conformance.RawConnection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** Injected faults: errors, disconnects, delays and dropped connections, as clients see them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultsTest {
    private FakeRedisEngine engine;
    private FakeRedisServer server;

    @BeforeEach
    void start() {
        engine = FakeRedisEngine.builder().build();
        server = FakeRedisServer.start(engine);
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private Jedis jedis() {
        return new Jedis(server.host(), server.port());
    }

    @Test
    void errorInsteadOfTheCommand() {
        server.faults().onCommand("set").replyError("LOADING Redis is loading the dataset in memory");
        try (Jedis j = jedis()) {
            assertThatThrownBy(() -> j.set("k", "v")).isInstanceOf(JedisDataException.class)
                    .hasMessage("LOADING Redis is loading the dataset in memory");
            assertThat(j.get("k")).isNull(); // not run
            assertThatThrownBy(() -> j.set("k", "v")).hasMessageStartingWith("LOADING");
            server.faults().clear();
            assertThat(j.set("k", "v")).isEqualTo("OK");
        }
        // received, though answered by the fault
        assertThat(engine.commandLog().entries()).filteredOn(e -> e.is("SET", "k", "v")).hasSize(3);
    }

    @Test
    void timesAndArgumentsNarrowARule() {
        server.faults().onCommand("GET", "a").times(2).replyError("-ERR boom");
        try (Jedis j = jedis()) {
            j.set("a", "1");
            j.set("b", "2");
            assertThat(j.get("b")).isEqualTo("2");
            assertThatThrownBy(() -> j.get("a")).hasMessage("ERR boom");
            assertThatThrownBy(() -> j.get("a")).hasMessage("ERR boom");
            assertThat(j.get("a")).isEqualTo("1");
        }
    }

    @Test
    void theFirstMatchingRuleApplies() {
        server.faults().onCommand("*").times(1).replyError("ERR first");
        server.faults().onCommand("PING").replyError("ERR second");
        try (RawConnection c = RawConnection.tcp(server.host(), server.port())) {
            assertThat(new String(c.call("ECHO", "x"))).isEqualTo("-ERR first\r\n");
            assertThat(new String(c.call("ping"))).isEqualTo("-ERR second\r\n");
            assertThat(new String(c.call("ECHO", "x"))).isEqualTo("$1\r\nx\r\n");
        }
    }

    @Test
    void disconnectDropsOnlyThatClientAndSkipsTheCommand() {
        server.faults().onCommand("INCR").times(1).disconnect();
        try (Jedis victim = jedis(); Jedis other = jedis()) {
            victim.set("n", "1");
            assertThatThrownBy(() -> victim.incr("n")).isInstanceOf(JedisConnectionException.class);
            assertThat(other.get("n")).isEqualTo("1");
            assertThat(other.incr("n")).isEqualTo(2);
        }
    }

    @Test
    void delayStallsTheServerBeforeTheCommandRuns() {
        server.faults().onCommand("GET").times(1).delay(Duration.ofMillis(300));
        try (Jedis j = jedis()) {
            j.set("k", "v");
            long t0 = System.nanoTime();
            assertThat(j.get("k")).isEqualTo("v");
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
        }
    }

    @Test
    void aDelayLongerThanTheClientTimeoutTimesItOut() {
        server.faults().onCommand("GET").times(1).delay(Duration.ofMillis(1500));
        try (Jedis j = new Jedis(server.host(), server.port(), 200)) {
            assertThatThrownBy(() -> j.get("k")).isInstanceOf(JedisConnectionException.class);
        }
    }

    @Test
    void dropConnectionsClosesEveryClientAndKeepsListening() throws Exception {
        try (Jedis a = jedis(); Jedis b = jedis()) {
            a.set("k", "v");
            b.ping();
            server.dropConnections();
            assertThatThrownBy(a::ping).isInstanceOf(JedisConnectionException.class);
            assertThatThrownBy(b::ping).isInstanceOf(JedisConnectionException.class);
        }
        try (Jedis c = jedis()) {
            assertThat(c.get("k")).isEqualTo("v");
        }
    }

    @Test
    void theTypedApiSeesNoFaults() {
        server.faults().onCommand("*").replyError("ERR down");
        engine.set("k", "v");
        assertThat(engine.get("k")).isEqualTo("v");
    }

    @Test
    void badRulesAreRefused() {
        assertThatThrownBy(() -> server.faults().onCommand("GET").times(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.faults().onCommand("GET").replyError("ERR a\r\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.faults().onCommand("GET").delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
