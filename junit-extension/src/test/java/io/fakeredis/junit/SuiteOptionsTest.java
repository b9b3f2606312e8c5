package io.fakeredis.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.fakeredis.FakeRedisEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Suite instances: conflicting options are refused; a tolerant test does not fail the next one. */
class SuiteOptionsTest {

    @FakeRedis(lifecycle = FakeRedis.Lifecycle.PER_SUITE, name = "suite-options-a", server = false)
    static class First {
        @Test
        void uses(FakeRedisEngine engine) {
            engine.set("k", "v");
        }
    }

    @FakeRedis(lifecycle = FakeRedis.Lifecycle.PER_SUITE, name = "suite-options-a", server = false,
            clock = FakeRedis.ClockType.MANUAL)
    static class Conflicting {
        @Test
        void uses(FakeRedisEngine engine) {
            engine.set("k", "v");
        }
    }

    @FakeRedis(lifecycle = FakeRedis.Lifecycle.PER_SUITE, name = "suite-options-b", server = false,
            failOnUnsupportedCommands = false)
    static class Tolerant {
        @Test
        void sendsUnsupported(FakeRedisEngine engine) {
            try {
                engine.execute("CLUSTER", "INFO");
            } catch (RuntimeException ignored) {
                // tolerated here
            }
        }
    }

    @FakeRedis(lifecycle = FakeRedis.Lifecycle.PER_SUITE, name = "suite-options-b", server = false,
            flushBetweenTests = false)
    static class Strict {
        @Test
        void clean(FakeRedisEngine engine) {
            engine.set("k", "v");
            assertThat(engine.unsupportedCommands()).isEmpty();
        }
    }

    static final java.util.concurrent.atomic.AtomicReference<FakeRedisEngine> SUITE_ENGINE = new java.util.concurrent.atomic.AtomicReference<>();

    static class UsesSharedSuite {
        @org.junit.jupiter.api.extension.RegisterExtension
        static FakeRedisExtension redis = FakeRedisExtension.shared("suite-options-closed");

        @Test
        void uses(FakeRedisEngine engine) {
            SUITE_ENGINE.set(engine);
            assertThat(engine.isClosed()).isFalse();
        }
    }

    /** A meta-annotation: teams can name their own preset. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @FakeRedis(server = false, clock = FakeRedis.ClockType.MANUAL)
    @interface EngineWithManualClock {}

    @EngineWithManualClock
    static class UsesMetaAnnotation {
        @Test
        void gotTheManualClock(FakeRedisEngine engine, io.fakeredis.core.clock.ManualClock clock) {
            assertThat(engine.clock()).isSameAs(clock);
        }
    }

    static TestExecutionSummary run(Class<?>... classes) {
        LauncherDiscoveryRequestBuilder b = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
        for (Class<?> c : classes) b.selectors(selectClass(c));
        LauncherDiscoveryRequest req = b.build();
        SummaryGeneratingListener l = new SummaryGeneratingListener();
        LauncherFactory.create().execute(req, l);
        return l.getSummary();
    }

    @Test
    void conflictingOptionsAreRefused() {
        TestExecutionSummary s = run(First.class, Conflicting.class);
        assertThat(s.getTestsSucceededCount()).isEqualTo(1);
        assertThat(s.getTotalFailureCount()).isEqualTo(1);
        Throwable t = s.getFailures().get(0).getException();
        assertThat(t).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("suite-options-a").hasMessageContaining("clock=MANUAL");
    }

    @Test
    void suiteInstanceClosesWhenTheRunEnds() {
        TestExecutionSummary s = run(UsesSharedSuite.class);
        assertThat(s.getTestsSucceededCount()).isEqualTo(1);
        assertThat(SUITE_ENGINE.get().isClosed()).isTrue();
    }

    @Test
    void metaAnnotationsWork() {
        TestExecutionSummary s = run(UsesMetaAnnotation.class);
        assertThat(s.getTotalFailureCount()).isZero();
        assertThat(s.getTestsSucceededCount()).isEqualTo(1);
    }

    @Test
    void aTolerantTestDoesNotFailTheNext() {
        TestExecutionSummary s = run(Tolerant.class, Strict.class);
        assertThat(s.getTotalFailureCount()).isZero();
        assertThat(s.getTestsSucceededCount()).isEqualTo(2);
    }
}
