package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@FakeRedis(port = 7151)
class FixedPortTest {
    @Test
    void listensOnTheRequestedPort(FakeRedisInfo info) {
        assertThat(info.port()).isEqualTo(7151);
        assertThat(info.uri()).isEqualTo("redis://127.0.0.1:7151");
    }
}
