package io.fakeredis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.junit.FakeRedisExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.JedisPooled;

/**
 * Example 4: one fake for the whole test run, shared by every class that names it, and its
 * address published as application properties, the way Spring's {@code @DynamicPropertySource}
 * does. Framework-free here: the "registry" is a map of property suppliers.
 */
class SharedSuitePropertiesExampleTest {
    @RegisterExtension
    static FakeRedisExtension redis = FakeRedisExtension.shared("app");

    static final Map<String, Supplier<Object>> properties = new LinkedHashMap<>();

    /** With Spring: {@code @DynamicPropertySource static void redisProperties(DynamicPropertyRegistry registry)}. */
    static void redisProperties(Map<String, Supplier<Object>> registry) {
        registry.put("spring.data.redis.host", redis::host);
        registry.put("spring.data.redis.port", redis::port);
        registry.put("spring.data.redis.url", redis::uri);
    }

    @BeforeAll
    static void publishProperties() {
        redisProperties(properties);
    }

    @Test
    void propertiesPointAtTheSharedFake() {
        assertThat(properties.get("spring.data.redis.host").get()).isEqualTo("127.0.0.1");
        assertThat(properties.get("spring.data.redis.port").get()).isEqualTo(redis.port());
        assertThat(properties.get("spring.data.redis.url").get()).isEqualTo("redis://127.0.0.1:" + redis.port());
        properties.forEach((k, v) -> System.out.println(k + "=" + v.get()));

        // an application configured only from those properties reaches the same keyspace
        String host = (String) properties.get("spring.data.redis.host").get();
        int port = (Integer) properties.get("spring.data.redis.port").get();
        try (JedisPooled app = new JedisPooled(host, port)) {
            app.set("greeting", "hello");
        }
        assertThat(redis.engine().get("greeting")).isEqualTo("hello");
    }

    @Test
    void eachTestStartsEmpty() {
        assertThat(redis.engine().get("greeting")).isNull();
    }
}
