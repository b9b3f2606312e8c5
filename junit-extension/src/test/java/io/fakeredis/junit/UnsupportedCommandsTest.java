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
        void sendsModuleList(FakeRedisEngine engine) {
            try {
                engine.execute("MODULE", "LIST");
            } catch (RuntimeException expected) {
                // the test itself ignores the error: the extension must still fail it
            }
        }
    }

    @FakeRedis(server = false, failOnUnsupportedCommands = false)
    static class Tolerant {
        @Test
        void sendsModuleList(FakeRedisEngine engine) {
            try {
                engine.execute("MODULE", "LIST");
            } catch (RuntimeException expected) {
                // allowed here
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
                .hasMessageContaining("MODULE LIST");
    }

    @Test
    void canBeSwitchedOff() {
        TestExecutionSummary s = run(Tolerant.class);
        assertThat(s.getTestsSucceededCount()).isEqualTo(1);
        assertThat(s.getTestsFailedCount()).isZero();
    }
}
