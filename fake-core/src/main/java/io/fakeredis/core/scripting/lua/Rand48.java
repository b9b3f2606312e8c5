package io.fakeredis.core.scripting.lua;

/**
 * Redis's rand48 (redisLrand48/redisSrand48), the generator behind math.random in scripts: the
 * 48-bit linear congruential generator of POSIX lrand48, whose state starts at 0x1234ABCD330E.
 * Redis 7.0 never reseeds it per script: one state per server, shared by EVAL and FCALL, moved
 * only by math.random and math.randomseed.
 */
public final class Rand48 {
    private static final long A = 0x5DEECE66DL;
    private static final long C = 0xB;
    private static final long MASK = (1L << 48) - 1;

    private long x = 0x1234ABCD330EL;

    /** redisSrand48: the 32 bits of the seed above the fixed low word 0x330E. */
    public synchronized void seed(int seed) {
        x = ((seed & 0xffffffffL) << 16) | 0x330E;
    }

    /** redisLrand48: the next non-negative 31-bit value. */
    public synchronized int next() {
        x = (A * x + C) & MASK;
        return (int) (x >>> 17);
    }
}
