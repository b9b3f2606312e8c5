package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.fakeredis.FakeRedisEngine;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** A test that sends a command the fake lacks fails, naming the command and its arguments. */
class UnsupportedCommandsTest {

    @FakeRedis(server = false)
    static class SendsUnsupported {
        @Test
        void sendsClusterInfo(FakeRedisEngine engine) {
            try {
                engine.execute("CLUSTER", "INFO");
            } catch (RuntimeException expected) {
                // the test itself ignores the error: the extension must still fail it
            }
        }
    }

    @FakeRedis(server = false, failOnUnsupportedCommands = false)
    static class Tolerant {
        @Test
        void sendsClusterInfo(FakeRedisEngine engine) {
            try {
                engine.execute("CLUSTER", "INFO");
            } catch (RuntimeException expected) {
                // allowed here
            }
        }
    }

    /** A value whose type() throws makes TYPE crash inside the fake. */
    @FakeRedis(server = false)
    static class CrashesTheFake {
        @Test
        void plantsABrokenValue(FakeRedisEngine engine) {
            io.fakeredis.core.Engine e = engine.internal();
            e.lock.lock();
            try {
                e.db(0).add("x".getBytes(), new io.fakeredis.core.type.RedisValue() {
                    @Override public io.fakeredis.core.type.ValueType type() { throw new IllegalStateException("boom"); }
                    @Override public String encoding(io.fakeredis.core.config.Config config) { return "?"; }
                    @Override public io.fakeredis.core.type.RedisValue copy() { return this; }
                });
            } finally {
                e.lock.unlock();
            }
            try {
                engine.execute("TYPE", "x");
            } catch (RuntimeException expected) {
                // the reply is an error; the extension must still report the crash
            }
        }
    }

    static TestExecutionSummary run(Class<?> c) {
        LauncherDiscoveryRequest req = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(c)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(req, listener);
        return listener.getSummary();
    }

    @Test
    void failsTheTestNamingTheCommand() {
        TestExecutionSummary s = run(SendsUnsupported.class);
        assertThat(s.getTestsFailedCount()).isEqualTo(1);
        Throwable t = s.getFailures().get(0).getException();
        assertThat(t).isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not implement")
                .hasMessageContaining("CLUSTER INFO");
    }

    @Test
    void internalErrorsFailTheTest() {
        TestExecutionSummary s = run(CrashesTheFake.class);
        assertThat(s.getTestsFailedCount()).isEqualTo(1);
        assertThat(s.getFailures().get(0).getException())
                .hasMessageContaining("FakeRedis failed internally")
                .hasMessageContaining("boom");
    }

    @Test
    void canBeSwitchedOff() {
        TestExecutionSummary s = run(Tolerant.class);
        assertThat(s.getTestsSucceededCount()).isEqualTo(1);
        assertThat(s.getTestsFailedCount()).isZero();
    }
}
