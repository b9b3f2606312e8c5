package io.fakeredis.core.clock;

/**
 * The one source of time for an engine: TTLs, TIME, stream IDs, blocking and script timeouts all
 * read it, so a test can freeze or advance time.
 */
public interface Clock {
    /** Wall-clock time in microseconds since the epoch. */
    long micros();

    default long millis() {
        return micros() / 1000;
    }

    /**
     * A reading for measuring how long something took (command durations, the latency monitor):
     * only differences between two readings mean anything. Real time uses System.nanoTime, which
     * does not jump with the wall clock; a manual clock moves only when the test moves it.
     */
    default long nanoTime() {
        return micros() * 1000;
    }

    /** True when time only moves because a test moves it. */
    default boolean isManual() {
        return false;
    }

    /** Called when time jumps, so the engine can expire keys and time out waiters at once. */
    default void onAdvance(Runnable listener) {}

    /** Real time. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
