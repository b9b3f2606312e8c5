package io.fakeredis.core.db;

import io.fakeredis.core.config.Config;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Redis's LFU counter packed into an int: 16 bits of minutes, 8 bits of logarithmic counter,
 * so OBJECT FREQ answers as Redis would when an LFU policy is set.
 */
public final class Lfu {
    private Lfu() {}

    static final int INIT_VAL = 5;

    static int initial(long nowMs) {
        return (minutes(nowMs) << 8) | INIT_VAL;
    }

    static int counter(int packed, long nowMs, Config cfg) {
        int counter = packed & 0xff;
        long decay = cfg.getLong("lfu-decay-time");
        if (decay <= 0) return counter;
        int last = packed >>> 8;
        int now = minutes(nowMs);
        int elapsed = now >= last ? now - last : 65535 - last + now;
        long periods = elapsed / decay;
        return periods > counter ? 0 : counter - (int) periods;
    }

    static int touch(int packed, long nowMs, Config cfg) {
        int counter = counter(packed, nowMs, cfg);
        if (counter < 255) {
            double r = ThreadLocalRandom.current().nextDouble();
            double base = Math.max(0, counter - INIT_VAL);
            double p = 1.0 / (base * cfg.getLong("lfu-log-factor") + 1);
            if (r < p) counter++;
        }
        return (minutes(nowMs) << 8) | counter;
    }

    private static int minutes(long ms) {
        return (int) ((ms / 60000) & 65535);
    }

    /** OBJECT FREQ's answer for the packed value in a slot. */
    public static int freq(int packed, long nowMs, Config cfg) {
        return counter(packed, nowMs, cfg);
    }
}
