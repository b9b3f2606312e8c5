package io.fakeredis.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class (or method) an in-process Redis 7.0. Inject {@code FakeRedisEngine},
 * {@code FakeRedisInfo}, {@code FakeRedisServer} or {@code ManualClock} into test methods,
 * lifecycle methods, constructors or fields.
 *
 * <pre>{@code
 * @FakeRedis
 * class CartTest {
 *     @Test void adds(FakeRedisInfo redis) {
 *         try (Jedis jedis = new Jedis(redis.host(), redis.port())) { ... }
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeRedisExtension.class)
public @interface FakeRedis {

    /** How long one instance lives. */
    enum Lifecycle {
        /** A fresh instance for every test (the default): nothing can leak between tests. */
        PER_METHOD,
        /** One instance for the test class (and its @Nested classes), flushed between tests. */
        PER_CLASS,
        /** One named instance for the whole test run, flushed between tests; see {@link #name()}. */
        PER_SUITE
    }

    /** Where time comes from. */
    enum ClockType {
        SYSTEM,
        /** Time moves only when the test advances the injected {@code ManualClock}. */
        MANUAL
    }

    /** Which protocols clients may speak. */
    enum Protocol {
        /** RESP2 and RESP3 (HELLO 3), like Redis 7. */
        RESP3,
        /** RESP2 only: HELLO answers Redis's unknown-command error, like a server without HELLO. */
        RESP2
    }

    Lifecycle lifecycle() default Lifecycle.PER_METHOD;

    /** The suite instance's name for {@link Lifecycle#PER_SUITE}: equal names share one instance. */
    String name() default "default";

    /** False: engine only, no socket (FakeRedisInfo and FakeRedisServer cannot be injected). */
    boolean server() default true;

    /** The TCP port on 127.0.0.1; 0 picks a free ephemeral port. */
    int port() default 0;

    /**
     * Empty all databases and reset the manual clock before each test of a shared (PER_CLASS,
     * PER_SUITE) instance, so data written in @BeforeAll is gone too: seed in @BeforeEach, or set
     * this to false to keep data across tests. The command and publish logs are cleared before
     * every test either way.
     */
    boolean flushBetweenTests() default true;

    /** requirepass for wire clients; empty means none. */
    String password() default "";

    ClockType clock() default ClockType.SYSTEM;

    Protocol protocol() default Protocol.RESP3;

    /** Fail a test that sent commands Redis has but this fake does not implement. */
    boolean failOnUnsupportedCommands() default true;
}
