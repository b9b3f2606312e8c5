package io.fakeredis.junit;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.core.clock.ManualClock;
import io.fakeredis.junit.FakeRedis.ClockType;
import io.fakeredis.junit.FakeRedis.Lifecycle;
import io.fakeredis.junit.FakeRedis.Protocol;
import io.fakeredis.server.FakeRedisServer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs the fakes behind {@link FakeRedis}. Used either through the annotation or registered
 * programmatically:
 *
 * <pre>{@code
 * @RegisterExtension static FakeRedisExtension redis = FakeRedisExtension.builder().manualClock().build(); // per class
 * @RegisterExtension FakeRedisExtension redis = FakeRedisExtension.builder().build();                       // per method
 * @RegisterExtension static FakeRedisExtension redis = FakeRedisExtension.shared("app");                  // per suite
 * }</pre>
 *
 * Before each test the fake is emptied (all databases), its manual clock reset and its command
 * log cleared; after each test, commands it does not implement fail the test. Tests that share
 * an instance are serialized, so parallel execution stays isolated.
 */
public final class FakeRedisExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FakeRedisExtension.class);
    private static final String DECLARATIVE = "fakeredis";

    /** Builder settings; null when the options come from {@link FakeRedis}. */
    private final Settings fixed;
    /** Programmatic only: saw beforeAll, so it was registered on a static field. */
    private volatile boolean registeredStatic;
    /** Programmatic only: the instance the accessors answer for. */
    private volatile Instance current;

    /** Used by {@code @ExtendWith}: options come from {@link FakeRedis}. */
    public FakeRedisExtension() {
        this.fixed = null;
    }

    private FakeRedisExtension(Settings fixed) {
        this.fixed = fixed;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A suite-wide instance with this name, started on first use and closed when the test run ends. */
    public static FakeRedisExtension shared(String name) {
        return builder().lifecycle(Lifecycle.PER_SUITE).name(name).build();
    }

    /** Options for a programmatically registered fake; the defaults match {@link FakeRedis}. */
    public static final class Builder {
        private Lifecycle lifecycle;
        private String name = "default";
        private boolean server = true;
        private int port;
        private boolean flush = true;
        private String password = "";
        private ClockType clock = ClockType.SYSTEM;
        private Protocol protocol = Protocol.RESP3;
        private boolean failOnUnsupported = true;

        private Builder() {}

        /** Default: per class on a static field, per method on an instance field. */
        public Builder lifecycle(Lifecycle l) {
            lifecycle = l;
            return this;
        }

        public Builder name(String n) {
            name = n;
            return this;
        }

        public Builder server(boolean on) {
            server = on;
            return this;
        }

        public Builder port(int p) {
            port = p;
            return this;
        }

        public Builder flushBetweenTests(boolean on) {
            flush = on;
            return this;
        }

        public Builder password(String p) {
            password = p == null ? "" : p;
            return this;
        }

        public Builder clock(ClockType c) {
            clock = c;
            return this;
        }

        public Builder manualClock() {
            return clock(ClockType.MANUAL);
        }

        public Builder protocol(Protocol p) {
            protocol = p;
            return this;
        }

        public Builder failOnUnsupportedCommands(boolean on) {
            failOnUnsupported = on;
            return this;
        }

        public FakeRedisExtension build() {
            return new FakeRedisExtension(new Settings(lifecycle, name, server, port, flush, password, clock,
                    protocol, failOnUnsupported));
        }
    }

    // ---- accessors for programmatic registration ----

    private Instance current() {
        Instance i = current;
        if (i == null) throw new IllegalStateException("FakeRedis is not running yet: use it from a test or a lifecycle method");
        return i;
    }

    public FakeRedisEngine engine() {
        return current().engine;
    }

    public FakeRedisInfo info() {
        return requireServer(current()).info;
    }

    public FakeRedisServer server() {
        return requireServer(current()).server;
    }

    public String host() {
        return info().host();
    }

    public int port() {
        return info().port();
    }

    public String uri() {
        return info().uri();
    }

    public ManualClock manualClock() {
        return requireClock(current()).clock;
    }

    private static Instance requireServer(Instance i) {
        if (i.server == null) {
            throw new IllegalStateException("this FakeRedis runs without a server (server = false): only the engine is available");
        }
        return i;
    }

    private static Instance requireClock(Instance i) {
        if (i.clock == null) {
            throw new IllegalStateException("this FakeRedis runs on the system clock: use clock = MANUAL to get a ManualClock");
        }
        return i;
    }

    // ---- callbacks ----

    @Override
    public void beforeAll(ExtensionContext context) {
        if (fixed != null) registeredStatic = true;
        Settings s = settings(context);
        if (s.lifecycle() == Lifecycle.PER_METHOD) return;
        Instance i = acquire(context, s, false);
        if (fixed != null) current = i;
        injectFields(context.getRequiredTestClass(), null, i, true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // the stores close the instances they own
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Settings s = settings(context);
        Instance i = acquire(context, s, false);
        if (fixed != null) current = i;
        if (s.lifecycle() != Lifecycle.PER_METHOD) {
            i.testLock.lock();
            if (s.flushBetweenTests()) i.reset();
            else i.engine.clearLogs();
        } else {
            // a fresh engine; only what a constructor or a field initializer sent is forgotten
            i.engine.commandLog().clear();
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            injectFields(instance.getClass(), instance, i, false);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Instance i = find(context, settings(context));
        if (i == null) return;
        try {
            // always taken, so a tolerant test never fails the next one on a shared instance
            List<String> unsupported = i.takeUnsupported();
            List<String> crashed = i.takeInternalErrors();
            if (!crashed.isEmpty()) {
                throw new AssertionError("FakeRedis failed internally while running " + crashed
                        + ": this is a bug in FakeRedis, not in the test; please report it");
            }
            if (settings(context).failOnUnsupportedCommands()) failOnUnsupported(unsupported);
        } finally {
            if (i.testLock.isHeldByCurrentThread()) i.testLock.unlock();
        }
    }

    /** Throws the assertion failure reporting unimplemented commands, if any. */
    static void failOnUnsupported(List<String> unsupported) {
        if (unsupported.isEmpty()) return;
        StringBuilder b = new StringBuilder("FakeRedis received ").append(unsupported.size())
                .append(unsupported.size() == 1 ? " command" : " commands")
                .append(" that it does not implement yet (set failOnUnsupportedCommands = false to allow):");
        for (String c : unsupported) b.append("\n  ").append(c);
        throw new AssertionError(b.toString());
    }

    // ---- parameters ----

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        return injectable(pc.getParameter().getType());
    }

    private static boolean injectable(Class<?> t) {
        return t == FakeRedisEngine.class || t == FakeRedisInfo.class || t == FakeRedisServer.class
                || t == ManualClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        boolean constructor = pc.getDeclaringExecutable() instanceof Constructor;
        try {
            Instance i = acquire(ec, settings(ec), constructor);
            return value(pc.getParameter().getType(), i);
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    private static Object value(Class<?> t, Instance i) {
        if (t == FakeRedisEngine.class) return i.engine;
        if (t == FakeRedisInfo.class) return requireServer(i).info;
        if (t == FakeRedisServer.class) return requireServer(i).server;
        return requireClock(i).clock;
    }

    // ---- fields ----

    private static void injectFields(Class<?> type, Object target, Instance i, boolean statics) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (!injectable(f.getType()) || Modifier.isFinal(mod) || Modifier.isStatic(mod) != statics) continue;
                if ((f.getType() == FakeRedisInfo.class || f.getType() == FakeRedisServer.class) && i.server == null) continue;
                if (f.getType() == ManualClock.class && i.clock == null) continue;
                try {
                    f.setAccessible(true);
                    Object old = f.get(target);
                    if (old == null || Injected.ours(old)) f.set(target, value(f.getType(), i));
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new ExtensionConfigurationException("cannot inject FakeRedis into " + f, e);
                }
            }
        }
    }

    // ---- where instances live ----

    private Object key() {
        return fixed == null ? DECLARATIVE : this;
    }

    /**
     * A key in JUnit's stores: the instance of a test method, one pending for a thread, or a
     * named suite instance. A plain class, not records: a record's first hashCode spins its
     * ObjectMethods bootstrap, about 20 ms of the first @FakeRedis class (docs/startup.md).
     */
    private static final class Key {
        final char kind;
        final Object owner;
        final long thread;

        private Key(char kind, Object owner, long thread) {
            this.kind = kind;
            this.owner = owner;
            this.thread = thread;
        }

        static Key method(Object owner) {
            return new Key('m', owner, 0);
        }

        static Key pending(Object owner, long thread) {
            return new Key('p', owner, thread);
        }

        static Key suite(String name) {
            return new Key('s', name, 0);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).kind == kind && ((Key) o).owner.equals(owner) && ((Key) o).thread == thread;
        }

        @Override
        public int hashCode() {
            return (owner.hashCode() * 31 + Long.hashCode(thread)) * 31 + kind;
        }
    }

    private Instance acquire(ExtensionContext ec, Settings s, boolean constructor) {
        switch (s.lifecycle()) {
            case PER_SUITE: {
                Instance i = ec.getRoot().getStore(NS).getOrComputeIfAbsent(Key.suite(s.name()), k -> new Instance(s), Instance.class);
                if (!i.settings.sameServer(s)) {
                    throw new ExtensionConfigurationException("the suite FakeRedis '" + s.name() + "' already runs with "
                            + i.settings.serverText() + " but this test asks for " + s.serverText()
                            + ": give it another name or use the same options");
                }
                return i;
            }
            case PER_CLASS:
                // a store lookup sees the parents', so @Nested classes share their outer class's instance
                return classContext(ec).getStore(NS).getOrComputeIfAbsent(key(), k -> new Instance(s), Instance.class);
            default:
                break;
        }
        ExtensionContext.Store classStore = classContext(ec).getStore(NS);
        Key pending = Key.pending(key(), Thread.currentThread().getId());
        if (ec.getTestMethod().isEmpty()) {
            // JUnit resolves constructor parameters in the class context: park the instance
            // until beforeEach of the same test (same thread) adopts it
            boolean perMethodInstances = ec.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                    == TestInstance.Lifecycle.PER_METHOD;
            if (!constructor || !perMethodInstances) {
                throw new IllegalStateException("a PER_METHOD FakeRedis does not exist outside a test: "
                        + "use lifecycle = PER_CLASS (or PER_SUITE) to use it in @BeforeAll or a PER_CLASS test instance");
            }
            return classStore.getOrComputeIfAbsent(pending, k -> new Instance(s), Instance.class);
        }
        ExtensionContext.Store store = ec.getStore(NS);
        Instance i = store.get(Key.method(key()), Instance.class);
        if (i != null) return i;
        Instance parked = classStore.remove(pending, Instance.class);
        Instance fresh = parked != null ? parked : new Instance(s);
        store.put(Key.method(key()), fresh);
        return fresh;
    }

    private Instance find(ExtensionContext ec, Settings s) {
        switch (s.lifecycle()) {
            case PER_SUITE:
                return ec.getRoot().getStore(NS).get(Key.suite(s.name()), Instance.class);
            case PER_CLASS:
                return classContext(ec).getStore(NS).get(key(), Instance.class);
            default:
                return ec.getStore(NS).get(Key.method(key()), Instance.class);
        }
    }

    private static ExtensionContext classContext(ExtensionContext ec) {
        ExtensionContext c = ec;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) c = c.getParent().get();
        return c;
    }

    // ---- options ----

    private Settings settings(ExtensionContext ec) {
        if (fixed != null) {
            if (fixed.lifecycle() != null) return fixed;
            return fixed.withLifecycle(registeredStatic ? Lifecycle.PER_CLASS : Lifecycle.PER_METHOD);
        }
        Optional<Method> m = ec.getTestMethod();
        if (m.isPresent()) {
            Optional<FakeRedis> a = AnnotationSupport.findAnnotation(m.get(), FakeRedis.class);
            if (a.isPresent()) return Settings.of(a.get());
        }
        for (Class<?> c = ec.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            Optional<FakeRedis> a = AnnotationSupport.findAnnotation(c, FakeRedis.class);
            if (a.isPresent()) return Settings.of(a.get());
        }
        return Settings.DEFAULTS;
    }

    @Override
    public String toString() {
        Instance i = current;
        return "FakeRedisExtension[" + (i == null ? "not started" : i.info != null ? i.info.uri() : "engine only") + "]";
    }
}
