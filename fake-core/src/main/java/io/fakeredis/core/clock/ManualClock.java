package io.fakeredis.core.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when the test says so. Moving it runs the listeners (the engine's active
 * expiry and timeouts) before returning, so expired keys are gone as soon as advance() returns.
 */
public final class ManualClock implements Clock {
    private volatile long micros;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Starts at the current real time, so TTL arithmetic on realistic timestamps behaves. */
    public ManualClock() {
        this(Instant.now());
    }

    public ManualClock(Instant start) {
        this.micros = toMicros(start);
    }

    @Override
    public long micros() {
        return micros;
    }

    @Override
    public boolean isManual() {
        return true;
    }

    @Override
    public void onAdvance(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    public ManualClock advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("time only moves forward: " + d);
        synchronized (this) {
            micros += d.toNanos() / 1000;
        }
        fire();
        return this;
    }

    /** Jumps to an instant, forwards or backwards. */
    public ManualClock set(Instant t) {
        synchronized (this) {
            micros = toMicros(t);
        }
        fire();
        return this;
    }

    public Instant instant() {
        long m = micros;
        return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000);
    }

    private void fire() {
        for (Runnable r : listeners) r.run();
    }

    private static long toMicros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    @Override
    public String toString() {
        return "ManualClock[" + instant() + "]";
    }
}
