package io.fakeredis.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.Clock;
import io.fakeredis.core.command.CommandTable;
import io.fakeredis.server.FakeRedisServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * What @FakeRedis costs: run in a fresh JVM (not a unit test), results go to docs/startup.md.
 * <pre>java -cp junit-extension/target/test-classes:junit-extension/target/classes:CLASSPATH io.fakeredis.junit.StartupBenchmark</pre>
 * With the argument {@code phases} it only times the first engine and server, phase by phase;
 * with {@code junit}, what the first @FakeRedis class adds to a JVM whose JUnit is warm.
 */
public final class StartupBenchmark {
    private StartupBenchmark() {}

    static final Settings SERVER = Settings.DEFAULTS;
    static final Settings ENGINE_ONLY = new Settings(FakeRedis.Lifecycle.PER_METHOD, "default", false, 0, true, "",
            FakeRedis.ClockType.SYSTEM, FakeRedis.Protocol.RESP3, true);

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("JVM start to main: %d ms%n", System.currentTimeMillis() - jvmStart);

        if (args.length > 0 && args[0].equals("phases")) {
            phases();
            return;
        }
        if (args.length > 0 && args[0].equals("junit")) {
            firstClassThroughJUnit();
            return;
        }
        if (args.length > 1 && args[0].equals("first")) {
            // The first and only class of a fresh JVM: run once with "plain" and once with
            // "fake", alternating over several JVMs; the difference of the means is what
            // @FakeRedis adds when nothing ran before it (warm-up only overlaps JUnit's start).
            long a = System.nanoTime();
            runTests(args[1].equals("fake") ? OneFakeRedis.class : OnePlain.class);
            System.out.printf("first class (%s) through JUnit, launcher included: wall %.1f ms%n", args[1], ms(System.nanoTime() - a));
            threadCpu();
            return;
        }

        long t0 = System.nanoTime();
        Instance cold = new Instance(SERVER);
        long t1 = System.nanoTime();
        cold.close();
        long t2 = System.nanoTime();
        System.out.printf("cold start (engine + server, first in JVM): %.1f ms, stop: %.1f ms%n", ms(t1 - t0), ms(t2 - t1));

        long e0 = System.nanoTime();
        new Instance(ENGINE_ONLY).close();
        System.out.printf("first engine-only start/stop after that: %.2f ms%n", ms(System.nanoTime() - e0));

        for (int i = 0; i < 200; i++) new Instance(SERVER).close(); // warm-up
        int n = 500;
        long w0 = System.nanoTime();
        for (int i = 0; i < n; i++) new Instance(SERVER).close();
        System.out.printf("warm start/stop pair, engine + server: %.3f ms%n", ms(System.nanoTime() - w0) / n);

        for (int i = 0; i < 2000; i++) new Instance(ENGINE_ONLY).close();
        n = 5000;
        long x0 = System.nanoTime();
        for (int i = 0; i < n; i++) new Instance(ENGINE_ONLY).close();
        System.out.printf("warm start/stop pair, engine only: %.1f us%n", us(System.nanoTime() - x0) / n);

        try (FakeRedisEngine engine = new FakeRedisEngine()) {
            for (int i = 0; i < 100_000; i++) engine.reset();
            n = 1_000_000;
            long f0 = System.nanoTime();
            for (int i = 0; i < n; i++) engine.reset();
            System.out.printf("flush of an empty engine (all 16 dbs, logs): %.3f us%n", us(System.nanoTime() - f0) / n);
        }

        // the whole extension, through the JUnit launcher: 200 per-method tests each with a fresh server
        runTests(PerMethodServer.class); // warm JUnit itself
        long j0 = System.nanoTime();
        int tests = runTests(PerMethodServer.class);
        long j1 = System.nanoTime();
        int plain = runTests(Plain.class);
        long j2 = System.nanoTime();
        System.out.printf("JUnit, @FakeRedis per-method with server: %.3f ms per test; same tests without @FakeRedis: %.3f ms per test (%d tests)%n",
                ms(j1 - j0) / tests, ms(j2 - j1) / plain, tests);
    }

    /**
     * The first engine and server in a fresh JVM, phase by phase. A lambda runs first because a
     * test JVM has already paid for the lambda machinery (JUnit uses it), so it is not ours to count.
     */
    static void phases() {
        // Wall time on a shared, loaded machine mostly measures the neighbours; this thread's CPU
        // time is the steadier figure (it leaves out JIT and GC threads), so both are printed.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] wall = new long[6];
        long[] own = new long[6];
        wall[0] = System.nanoTime();
        own[0] = cpu.getCurrentThreadCpuTime();
        Runnable warm = () -> { };
        warm.run();
        wall[1] = System.nanoTime();
        own[1] = cpu.getCurrentThreadCpuTime();
        CommandTable table = CommandTable.get();
        wall[2] = System.nanoTime();
        own[2] = cpu.getCurrentThreadCpuTime();
        Engine engine = new Engine(Clock.system());
        wall[3] = System.nanoTime();
        own[3] = cpu.getCurrentThreadCpuTime();
        FakeRedisServer server = FakeRedisServer.start(engine);
        wall[4] = System.nanoTime();
        own[4] = cpu.getCurrentThreadCpuTime();
        server.close();
        engine.close();
        wall[5] = System.nanoTime();
        own[5] = cpu.getCurrentThreadCpuTime();
        String[] names = {"lambda warm-up (not counted)", "command table (" + table.size() + " rows, families bound)",
                "new Engine(Clock.system())", "FakeRedisServer.start", "close server and engine"};
        for (int i = 0; i < names.length; i++) {
            System.out.printf("%-45s wall %6.1f ms, cpu %6.1f ms%n", names[i], ms(wall[i + 1] - wall[i]), ms(own[i + 1] - own[i]));
        }
        System.out.printf("%-45s wall %6.1f ms, cpu %6.1f ms%n", "total added by the first engine + server",
                ms(wall[5] - wall[1]), ms(own[5] - own[1]));
    }

    /**
     * What the issue measures: in a fresh JVM whose JUnit is already warm, the first test class
     * with @FakeRedis against a first test class without it. Each class is new to the JVM, so
     * both pay the same discovery cost and the difference is what @FakeRedis adds.
     */
    static void firstClassThroughJUnit() {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean(); // JUnit runs the tests on this thread
        runTests(Plain.class); // JUnit's own start, paid by every test JVM
        long a = System.nanoTime();
        long ca = cpu.getCurrentThreadCpuTime();
        runTests(OnePlain.class);
        long b = System.nanoTime();
        long cb = cpu.getCurrentThreadCpuTime();
        runTests(OneFakeRedis.class);
        long c = System.nanoTime();
        long cc = cpu.getCurrentThreadCpuTime();
        System.out.printf("first class without @FakeRedis: wall %.1f ms, cpu %.1f ms%n", ms(b - a), ms(cb - ca));
        System.out.printf("first class with @FakeRedis:    wall %.1f ms, cpu %.1f ms%n", ms(c - b), ms(cc - cb));
        System.out.printf("@FakeRedis adds:                wall %.1f ms, cpu %.1f ms%n", ms((c - b) - (b - a)), ms((cc - cb) - (cb - ca)));
    }

    /**
     * CPU per live thread from /proc (Linux only): on two cores the JIT compiler threads compete
     * with the main thread, so what a class adds shows up there too. Ended threads count in "gone".
     */
    static void threadCpu() {
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) return;
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        long tick = 10; // ms per clock tick (USER_HZ 100)
        long live = 0;
        for (java.io.File t : tasks) {
            try {
                String stat = new String(java.nio.file.Files.readAllBytes(new java.io.File(t, "stat").toPath()), java.nio.charset.StandardCharsets.US_ASCII);
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
                live += ms;
                byName.merge(name.replaceAll("[0-9]+$", ""), ms, Long::sum);
            } catch (java.io.IOException | RuntimeException e) {
                // a thread that ended meanwhile
            }
        }
        long total = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() / 1_000_000;
        StringBuilder b = new StringBuilder("thread cpu ms:");
        for (java.util.Map.Entry<String, Long> e : byName.entrySet()) if (e.getValue() > 0) b.append(' ').append(e.getKey()).append('=').append(e.getValue());
        System.out.println(b.append(" gone=").append(total - live).append(" total=").append(total));
    }

    static class OnePlain {
        @org.junit.jupiter.api.Test
        void t() {
            "k".hashCode();
        }
    }

    @FakeRedis
    static class OneFakeRedis {
        @org.junit.jupiter.api.Test
        void t(FakeRedisEngine engine) {
            engine.set("k", "v");
        }
    }

    static int runTests(Class<?> c) {
        LauncherDiscoveryRequest req = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(c))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false").build();
        SummaryGeneratingListener l = new SummaryGeneratingListener();
        LauncherFactory.create().execute(req, l);
        if (l.getSummary().getTotalFailureCount() > 0) throw new AssertionError(l.getSummary().getFailures().get(0).getException());
        return (int) l.getSummary().getTestsSucceededCount();
    }

    @FakeRedis
    static class PerMethodServer {
        @RepeatedTest(200)
        void t(FakeRedisEngine engine) {
            engine.set("k", "v");
        }
    }

    static class Plain {
        @RepeatedTest(200)
        void t() {
            "k".hashCode();
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double us(long nanos) {
        return nanos / 1e3;
    }
}
