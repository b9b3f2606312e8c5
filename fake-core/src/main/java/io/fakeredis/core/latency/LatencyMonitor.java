package io.fakeredis.core.latency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Redis's latency monitor (latency.c): for each event that took at least
 * latency-monitor-threshold ms, a ring of its last 160 samples, one per second (the worst of that
 * second), and its all-time worst. The engine feeds it "command" and "fast-command" (a command
 * slower than the threshold), "command-unblocking" (serving a blocked client) and "expire-cycle"
 * (active expiry); the events of persistence, forks and eviction cannot happen in the fake.
 * Times are engine-clock seconds. Lock holders only.
 */
public final class LatencyMonitor {
    /** LATENCY_TS_LEN: samples kept per event. */
    public static final int SAMPLES = 160;
    private static final int GRAPH_COLUMNS = 80;

    /** One event's samples; a slot whose time is 0 is empty. */
    public static final class Series {
        final long[] time = new long[SAMPLES];
        final long[] latency = new long[SAMPLES];
        /** The next slot to write: the oldest sample once the ring is full. */
        int idx;
        long max;

        /** The last sample's time, 0 if none. */
        public long lastTime() {
            return time[(idx + SAMPLES - 1) % SAMPLES];
        }

        public long lastLatency() {
            return latency[(idx + SAMPLES - 1) % SAMPLES];
        }

        /** The all-time worst latency, in ms. */
        public long max() {
            return max;
        }

        /** The samples oldest first, as {time, latency} pairs. */
        public long[][] samples() {
            int n = 0;
            for (long t : time) if (t != 0) n++;
            long[][] out = new long[n][];
            int k = 0;
            for (int j = 0; j < SAMPLES; j++) {
                int i = (idx + j) % SAMPLES;
                if (time[i] != 0) out[k++] = new long[] {time[i], latency[i]};
            }
            return out;
        }
    }

    /** Redis keeps events in a dict (its order depends on a random seed); here, first-seen order. */
    private final Map<String, Series> events = new LinkedHashMap<>();

    /** latencyAddSample: the caller has checked the threshold. */
    public void add(String event, long ms, long nowSeconds) {
        Series ts = events.computeIfAbsent(event, e -> new Series());
        if (ms > ts.max) ts.max = ms;
        int prev = (ts.idx + SAMPLES - 1) % SAMPLES;
        if (ts.time[prev] == nowSeconds) {
            // one sample per second: the worst of it
            if (ms > ts.latency[prev]) ts.latency[prev] = ms;
            return;
        }
        ts.time[ts.idx] = nowSeconds;
        ts.latency[ts.idx] = ms;
        ts.idx = (ts.idx + 1) % SAMPLES;
    }

    /** The event's series by its exact name (HISTORY and GRAPH are case-sensitive), or null. */
    public Series series(String event) {
        return events.get(event);
    }

    public Map<String, Series> events() {
        return java.util.Collections.unmodifiableMap(events);
    }

    /** latencyResetEvent: forgets the event (case-insensitively), or every event for null; returns how many. */
    public int reset(String event) {
        int n = 0;
        for (Iterator<String> it = events.keySet().iterator(); it.hasNext(); ) {
            String name = it.next();
            if (event == null || name.equalsIgnoreCase(event)) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    /** LATENCY GRAPH's text (latencyCommandGenSparkeline). */
    public static String graph(String event, Series ts, long nowSeconds) {
        Sparkline seq = new Sparkline();
        long min = 0, max = 0;
        boolean first = true;
        for (long[] s : ts.samples()) {
            if (first) {
                min = max = s[1];
                first = false;
            } else {
                max = Math.max(max, s[1]);
                min = Math.min(min, s[1]);
            }
            // the label: how long ago, in seconds, minutes, hours or days
            long elapsed = nowSeconds - s[0];
            String label = elapsed < 60 ? elapsed + "s" : elapsed < 3600 ? elapsed / 60 + "m"
                    : elapsed < 3600 * 24 ? elapsed / 3600 + "h" : elapsed / (3600 * 24) + "d";
            seq.add(s[1], label);
        }
        StringBuilder b = new StringBuilder();
        b.append(event).append(" - high ").append(max).append(" ms, low ").append(min)
                .append(" ms (all time high ").append(ts.max).append(" ms)\n");
        b.append("-".repeat(GRAPH_COLUMNS)).append('\n');
        seq.render(b, GRAPH_COLUMNS, 4);
        return b.toString();
    }

    private static final String DISABLED = "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this "
            + "Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable "
            + "it. If we weren't in a deep space mission I'd suggest to take a look at "
            + "https://redis.io/topics/latency-monitor.\n";

    /**
     * LATENCY DOCTOR's report (createLatencyReport), for the events the fake can record. Redis
     * also advises about transparent huge pages when its own process uses them; the fake has no
     * such pages to report, so that advice never appears.
     */
    public String doctor(long threshold, long slowlogSlowerThan, long hz, long nowSeconds) {
        if (events.isEmpty() && threshold == 0) return DISABLED;
        if (events.isEmpty()) {
            return "Dave, no latency spike was observed during the lifetime of this Redis instance, not in the "
                    + "slightest bit. I honestly think you ought to sit down calmly, take a stress pill, and think "
                    + "things over.\n";
        }
        boolean slowlogEnabled = false, slowlogTuning = false, slowlogInspect = false, scheduler = false;
        boolean hzAdvice = false, largeObjects = false;
        int advices = 0;
        StringBuilder b = new StringBuilder("Dave, I have observed latency spikes in this Redis instance. "
                + "You don't mind talking about it, do you Dave?\n\n");
        int eventNum = 0;
        for (Map.Entry<String, Series> e : events.entrySet()) {
            String event = e.getKey();
            Series ts = e.getValue();
            eventNum++;
            long[][] samples = ts.samples();
            long sum = 0, oldest = 0;
            for (long[] s : samples) {
                sum += s[1];
                if (oldest == 0 || s[0] < oldest) oldest = s[0];
            }
            int n = samples.length; // at least one: an event exists once sampled
            long avg = sum / n;
            long mad = 0;
            for (long[] s : samples) mad += Math.abs(avg - s[1]);
            mad /= n;
            long period = nowSeconds - oldest;
            if (period == 0) period = 1;
            double perSample = (double) period / n;
            b.append(eventNum).append(". ").append(event).append(": ").append(n)
                    .append(" latency spikes (average ").append(avg).append("ms, mean deviation ").append(mad)
                    .append("ms, period ").append(fixed2(perSample)).append(" sec). Worst all time event ")
                    .append(ts.max).append("ms.");
            switch (event.toLowerCase(java.util.Locale.ROOT)) {
                case "command":
                    if (slowlogSlowerThan < 0) {
                        slowlogEnabled = true;
                        advices++;
                    } else if (slowlogSlowerThan / 1000 > threshold) {
                        slowlogTuning = true;
                        advices++;
                    }
                    slowlogInspect = true;
                    largeObjects = true;
                    advices += 2;
                    break;
                case "fast-command":
                    scheduler = true;
                    advices++;
                    break;
                case "expire-cycle":
                    hzAdvice = true;
                    largeObjects = true;
                    advices += 2;
                    break;
                default:
                    break;
            }
            b.append('\n');
        }
        if (advices == 0) {
            return b.append("\nWhile there are latency events logged, I'm not able to suggest any easy fix. Please use "
                    + "the Redis community to get some help, providing this report in your help request.\n").toString();
        }
        b.append("\nI have a few advices for you:\n\n");
        if (slowlogEnabled) {
            b.append("- There are latency issues with potentially slow commands you are using. Try to enable the Slow "
                    + "Log Redis feature using the command 'CONFIG SET slowlog-log-slower-than ")
                    .append(threshold * 1000).append("'. If the Slow log is disabled Redis is not able to log slow "
                    + "commands execution for you.\n");
        }
        if (slowlogTuning) {
            b.append("- Your current Slow Log configuration only logs events that are slower than your configured "
                    + "latency monitor threshold. Please use 'CONFIG SET slowlog-log-slower-than ")
                    .append(threshold * 1000).append("'.\n");
        }
        if (slowlogInspect) {
            b.append("- Check your Slow Log to understand what are the commands you are running which are too slow to "
                    + "execute. Please check https://redis.io/commands/slowlog for more information.\n");
        }
        if (scheduler) {
            b.append("- The system is slow to execute Redis code paths not containing system calls. This usually means "
                    + "the system does not provide Redis CPU time to run for long periods. You should try to:\n"
                    + "  1) Lower the system load.\n"
                    + "  2) Use a computer / VM just for Redis if you are running other software in the same system.\n"
                    + "  3) Check if you have a \"noisy neighbour\" problem.\n"
                    + "  4) Check with 'redis-cli --intrinsic-latency 100' what is the intrinsic latency in your system.\n"
                    + "  5) Check if the problem is allocator-related by recompiling Redis with MALLOC=libc, if you are "
                    + "using Jemalloc. However this may create fragmentation problems.\n");
        }
        if (hzAdvice && hz < 100) {
            b.append("- In order to make the Redis keys expiring process more incremental, try to set the 'hz' "
                    + "configuration parameter to 100 using 'CONFIG SET hz 100'.\n");
        }
        if (largeObjects) {
            b.append("- Deleting, expiring or evicting (because of maxmemory policy) large objects is a blocking "
                    + "operation. If you have very large objects that are often deleted, expired, or evicted, try to "
                    + "fragment those objects into multiple smaller objects.\n");
        }
        return b.toString();
    }

    /** printf's %.2f: the double's exact value, rounded half to even. */
    private static String fixed2(double d) {
        return new BigDecimal(d).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
