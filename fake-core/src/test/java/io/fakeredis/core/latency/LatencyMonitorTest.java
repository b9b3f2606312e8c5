package io.fakeredis.core.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The latency monitor's ring, reset, GRAPH and DOCTOR texts, and the histogram steps, without a clock. */
class LatencyMonitorTest {
    private final LatencyMonitor m = new LatencyMonitor();

    @Test
    void keepsTheWorstSampleOfEachSecond() {
        m.add("command", 120, 1000);
        m.add("command", 300, 1000);
        m.add("command", 200, 1000);
        m.add("command", 150, 1001);
        LatencyMonitor.Series ts = m.series("command");
        assertThat(ts.samples()).isDeepEqualTo(new long[][] {{1000, 300}, {1001, 150}});
        assertThat(ts.lastTime()).isEqualTo(1001);
        assertThat(ts.lastLatency()).isEqualTo(150);
        assertThat(ts.max()).isEqualTo(300);
    }

    @Test
    void theRingKeepsTheLast160Seconds() {
        for (int i = 1; i <= 200; i++) m.add("command", i, 5000 + i);
        long[][] samples = m.series("command").samples();
        assertThat(samples.length).isEqualTo(LatencyMonitor.SAMPLES);
        assertThat(samples[0]).containsExactly(5041, 41);
        assertThat(samples[159]).containsExactly(5200, 200);
        assertThat(m.series("command").max()).isEqualTo(200);
    }

    @Test
    void historyIsCaseSensitiveResetIsNot() {
        m.add("command", 120, 1000);
        m.add("fast-command", 120, 1000);
        assertThat(m.series("COMMAND")).isNull();
        assertThat(m.reset("nosuch")).isZero();
        assertThat(m.reset("COMMAND")).isEqualTo(1);
        assertThat(m.events()).containsOnlyKeys("fast-command");
        m.add("command", 120, 1000);
        assertThat(m.reset(null)).isEqualTo(2);
        assertThat(m.events()).isEmpty();
    }

    @Test
    void graphOfOneSample() {
        // the real server's LATENCY GRAPH for one 40 ms sample taken two seconds earlier
        m.add("command", 40, 1000);
        assertThat(LatencyMonitor.graph("command", m.series("command"), 1002)).isEqualTo(
                "command - high 40 ms, low 40 ms (all time high 40 ms)\n" + "-".repeat(80) + "\n"
                + " \n \n \n_\n \n2\ns\n");
    }

    @Test
    void graphScalesSamplesOverFourRowsOfThreeSteps() {
        m.add("command", 100, 1000);
        m.add("command", 150, 1001);
        m.add("command", 200, 1002);
        m.add("command", 250, 1070);
        // steps (v-100)*12/150 → 0, 4, 8, 11 (clamped); labels 1m (70, 69, 68 s ago) and 0s
        assertThat(LatencyMonitor.graph("command", m.series("command"), 1070)).isEqualTo(
                "command - high 250 ms, low 100 ms (all time high 250 ms)\n" + "-".repeat(80) + "\n"
                + "   #\n"
                + "  #|\n"
                + " o||\n"
                + "_|||\n"
                + "    \n"
                + "1110\n"
                + "mmms\n");
    }

    @Test
    void graphWrapsAfter80Columns() {
        for (int i = 0; i < 81; i++) m.add("command", 100, 1000 + i);
        String g = LatencyMonitor.graph("command", m.series("command"), 1080);
        String[] lines = g.split("\n", -1);
        // header, dashes, 4 rows + blank + 3 label rows for 80 samples, an empty line, then the 81st
        assertThat(lines[2]).isEqualTo(" ".repeat(80));
        assertThat(lines[5]).isEqualTo("_".repeat(80));
        assertThat(lines[10]).isEmpty();
        assertThat(lines[14]).isEqualTo("_");
        assertThat(lines[16]).isEqualTo("0");
    }

    @Test
    void doctorWithoutEvents() {
        assertThat(m.doctor(0, 10000, 10, 1000)).startsWith("I'm sorry, Dave, I can't do that.");
        assertThat(m.doctor(100, 10000, 10, 1000)).startsWith("Dave, no latency spike was observed");
    }

    @Test
    void doctorReportsEachEventWithItsAdvice() {
        m.add("command", 100, 1000);
        m.add("command", 300, 1001);
        m.add("fast-command", 50, 1003);
        m.add("expire-cycle", 60, 1003);
        assertThat(m.doctor(50, 10000, 10, 1009)).isEqualTo(
                "Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n"
                + "1. command: 2 latency spikes (average 200ms, mean deviation 100ms, period 4.50 sec). Worst all time event 300ms.\n"
                + "2. fast-command: 1 latency spikes (average 50ms, mean deviation 0ms, period 6.00 sec). Worst all time event 50ms.\n"
                + "3. expire-cycle: 1 latency spikes (average 60ms, mean deviation 0ms, period 6.00 sec). Worst all time event 60ms.\n"
                + "\nI have a few advices for you:\n\n"
                + "- Check your Slow Log to understand what are the commands you are running which are too slow to execute. "
                + "Please check https://redis.io/commands/slowlog for more information.\n"
                + "- The system is slow to execute Redis code paths not containing system calls. This usually means the "
                + "system does not provide Redis CPU time to run for long periods. You should try to:\n"
                + "  1) Lower the system load.\n"
                + "  2) Use a computer / VM just for Redis if you are running other software in the same system.\n"
                + "  3) Check if you have a \"noisy neighbour\" problem.\n"
                + "  4) Check with 'redis-cli --intrinsic-latency 100' what is the intrinsic latency in your system.\n"
                + "  5) Check if the problem is allocator-related by recompiling Redis with MALLOC=libc, if you are using "
                + "Jemalloc. However this may create fragmentation problems.\n"
                + "- In order to make the Redis keys expiring process more incremental, try to set the 'hz' configuration "
                + "parameter to 100 using 'CONFIG SET hz 100'.\n"
                + "- Deleting, expiring or evicting (because of maxmemory policy) large objects is a blocking operation. "
                + "If you have very large objects that are often deleted, expired, or evicted, try to fragment those "
                + "objects into multiple smaller objects.\n");
    }

    @Test
    void doctorSlowlogAdviceFollowsItsSettings() {
        m.add("command", 100, 1000);
        assertThat(m.doctor(5, 10000, 10, 1000)).contains("period 1.00 sec")
                .contains("only logs events that are slower than your configured latency monitor threshold. "
                        + "Please use 'CONFIG SET slowlog-log-slower-than 5000'.");
        assertThat(m.doctor(5, -1, 10, 1000)).contains("Try to enable the Slow Log Redis feature using the command "
                + "'CONFIG SET slowlog-log-slower-than 5000'.");
        assertThat(m.doctor(50, 10000, 10, 1008)).doesNotContain("slowlog-log-slower-than").contains("period 8.00 sec");
    }

    @Test
    void doctorRoundsThePeriodHalfToEven() {
        // 9 s over 8 samples is 1.125: printf's %.2f gives 1.12
        for (int i = 0; i < 8; i++) m.add("command-unblocking", 100, 1000 + i);
        assertThat(m.doctor(50, 10000, 10, 1009)).contains("period 1.12 sec")
                .endsWith("\nWhile there are latency events logged, I'm not able to suggest any easy fix. Please use the "
                        + "Redis community to get some help, providing this report in your help request.\n");
    }

    @Test
    void histogramSteps() {
        // labels: 1024·2^k ns plus the HdrHistogram bucket width, minus one, in µs
        long[] labels = new long[CommandHistograms.STEPS];
        for (int k = 0; k < labels.length; k++) labels[k] = CommandHistograms.label(k);
        assertThat(labels).containsExactly(1, 2, 4, 8, 16, 33, 66, 132, 264, 528, 1056, 2113, 4227, 8454, 16908,
                33816, 67633, 135266, 270532, 541065, 1073741);
        assertThat(CommandHistograms.step(0)).isZero();
        assertThat(CommandHistograms.step(1)).isZero();
        assertThat(CommandHistograms.step(2)).isEqualTo(1);
        assertThat(CommandHistograms.step(16)).isEqualTo(4);
        assertThat(CommandHistograms.step(17)).isEqualTo(5);
        assertThat(CommandHistograms.step(66)).isEqualTo(6);
        assertThat(CommandHistograms.step(67)).isEqualTo(7);
        assertThat(CommandHistograms.step(541_065)).isEqualTo(19);
        assertThat(CommandHistograms.step(541_066)).isEqualTo(20);
        assertThat(CommandHistograms.step(5_000_000)).isEqualTo(20);
        assertThat(CommandHistograms.step(Long.MAX_VALUE)).isEqualTo(20);
    }
}
