package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fakeredis.FakeRedisEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

class ServerOptionsTest {

    @Test
    @FakeRedis(protocol = FakeRedis.Protocol.RESP2)
    void resp2OnlyAnswersHelloAsUnknown(FakeRedisInfo info, FakeRedisEngine engine) throws IOException {
        assertThat(raw(info.port(), "*2\r\n$5\r\nHELLO\r\n$1\r\n3\r\n"))
                .isEqualTo("-ERR unknown command 'HELLO', with args beginning with: '3' \r\n");
        assertThat(engine.unsupportedCommands()).isEmpty();
    }

    @Test
    @FakeRedis
    void resp3IsAvailableByDefault(FakeRedisInfo info) throws IOException {
        assertThat(raw(info.port(), "*2\r\n$5\r\nHELLO\r\n$1\r\n3\r\n")).startsWith("%");
    }

    @Test
    @FakeRedis(password = "s3cret")
    void passwordIsRequired(FakeRedisInfo info, FakeRedisEngine engine) {
        assertThat(info.password()).isEqualTo("s3cret");
        assertThat(info.uri()).isEqualTo("redis://127.0.0.1:" + info.port());
        try (Jedis jedis = new Jedis(info.host(), info.port())) {
            assertThatThrownBy(() -> jedis.get("k")).isInstanceOf(JedisDataException.class).hasMessageStartingWith("NOAUTH");
            jedis.auth(info.password());
            jedis.set("k", "v");
        }
        assertThat(engine.get("k")).isEqualTo("v");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    @FakeRedis(server = false)
    void engineOnly(FakeRedisEngine engine) {
        assertThat(engine.internal().clients()).isEmpty();
        engine.set("k", "v");
        assertThat(engine.get("k")).isEqualTo("v");
    }

    static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            return new String(buf, 0, n, StandardCharsets.UTF_8);
        }
    }
}
