package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.server.FakeRedisServer;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Without JUnit's help: an engine and a server started and closed by hand. */
class ServerOverloadTest {
    @Test
    void serveATypedEngine() {
        try (FakeRedisEngine engine = new FakeRedisEngine();
             FakeRedisServer server = FakeRedisServer.start(engine);
             Jedis jedis = new Jedis(server.host(), server.port())) {
            jedis.set("k", "v");
            assertThat(engine.get("k")).isEqualTo("v");
            assertThat(engine.commandLog().contains("SET", "k", "v")).isTrue();
        }
    }

    @Test
    void serveOnAChosenAddress() throws Exception {
        int port = ServerOptionsTest.freePort();
        try (FakeRedisEngine engine = new FakeRedisEngine();
             FakeRedisServer server = FakeRedisServer.start(engine, "127.0.0.1", port)) {
            assertThat(server.port()).isEqualTo(port);
            assertThat(ServerOptionsTest.raw(port, "*1\r\n$4\r\nPING\r\n")).isEqualTo("+PONG\r\n");
        }
    }
}
