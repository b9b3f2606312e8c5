package io.fakeredis.core.type;

import java.util.Arrays;

/**
 * A HyperLogLog being read or edited, in Redis 7.0's string layout (hyperloglog.c): a 16-byte
 * header ("HYLL", encoding, 3 unused bytes, the cached cardinality little-endian with its top bit
 * meaning "stale") followed by 16384 six-bit registers, either dense (12288 bytes) or sparse
 * (ZERO/XZERO/VAL run-length opcodes). Commands copy the stored string into one of these, edit
 * it, and store {@link #bytes()} back, so a stored string never changes under a reader.
 */
public final class HyperLogLog {
    public static final int P = 14;
    public static final int Q = 64 - P;
    public static final int REGISTERS = 1 << P;
    static final int P_MASK = REGISTERS - 1;
    static final int BITS = 6;
    static final int REGISTER_MAX = (1 << BITS) - 1;
    public static final int HDR_SIZE = 16;
    public static final int DENSE_SIZE = HDR_SIZE + (REGISTERS * BITS + 7) / 8;
    public static final int DENSE = 0;
    public static final int SPARSE = 1;

    static final int XZERO_BIT = 0x40;
    static final int VAL_BIT = 0x80;
    static final int VAL_MAX_VALUE = 32;
    static final int VAL_MAX_LEN = 4;
    static final int ZERO_MAX_LEN = 64;
    static final int XZERO_MAX_LEN = 16384;
    static final double ALPHA_INF = 0.721347520444481703680;

    private byte[] buf;
    private int len;

    private HyperLogLog(byte[] buf, int len) {
        this.buf = buf;
        this.len = len;
    }

    /** createHLLObject: a sparse HLL whose XZERO opcodes cover every register, cached count 0. */
    public static HyperLogLog empty() {
        byte[] b = new byte[64];
        b[0] = 'H';
        b[1] = 'Y';
        b[2] = 'L';
        b[3] = 'L';
        b[4] = SPARSE;
        int n = HDR_SIZE;
        int left = REGISTERS;
        while (left > 0) {
            int run = Math.min(left, XZERO_MAX_LEN);
            xzeroSet(b, n, run);
            n += 2;
            left -= run;
        }
        return new HyperLogLog(b, n);
    }

    /** An editable copy of a stored HLL string (already checked by {@link #isValid}). */
    public static HyperLogLog of(byte[] s) {
        int cap = (s[4] & 0xff) == DENSE ? s.length : Math.max(s.length + 8, 64);
        return new HyperLogLog(Arrays.copyOf(s, cap), s.length);
    }

    /** isHLLObjectOrReply's checks: magic, a known encoding, and the exact dense size. */
    public static boolean isValid(byte[] s) {
        if (s.length < HDR_SIZE) return false;
        if (s[0] != 'H' || s[1] != 'Y' || s[2] != 'L' || s[3] != 'L') return false;
        int enc = s[4] & 0xff;
        if (enc > SPARSE) return false;
        return enc != DENSE || s.length == DENSE_SIZE;
    }

    public int encoding() {
        return buf[4] & 0xff;
    }

    /** The string as Redis holds it, exactly sized; may be the working array, so call it last. */
    public byte[] bytes() {
        return buf.length == len ? buf : Arrays.copyOf(buf, len);
    }

    /** Whether the cached cardinality of an HLL string is current. */
    public static boolean validCache(byte[] s) {
        return (s[15] & 0x80) == 0;
    }

    public void invalidateCache() {
        buf[15] |= (byte) 0x80;
    }

    /** The cached cardinality of an HLL string, little-endian in header bytes 8..15. */
    public static long cachedCard(byte[] s) {
        long card = 0;
        for (int i = 7; i >= 0; i--) card = (card << 8) | (s[8 + i] & 0xff);
        return card;
    }

    public void setCachedCard(long card) {
        for (int i = 0; i < 8; i++) buf[8 + i] = (byte) (card >>> (8 * i));
    }

    // ---- hashing ----

    /** MurmurHash64A as Redis ships it (little-endian reads), seed zero-extended from 32 bits. */
    public static long murmur64a(byte[] key, int seed) {
        final long m = 0xc6a4a7935bd1e995L;
        final int r = 47;
        int n = key.length;
        long h = (seed & 0xffffffffL) ^ ((long) n * m);
        int end = n - (n & 7);
        for (int i = 0; i < end; i += 8) {
            long k = (key[i] & 0xffL) | (key[i + 1] & 0xffL) << 8 | (key[i + 2] & 0xffL) << 16
                    | (key[i + 3] & 0xffL) << 24 | (key[i + 4] & 0xffL) << 32 | (key[i + 5] & 0xffL) << 40
                    | (key[i + 6] & 0xffL) << 48 | (key[i + 7] & 0xffL) << 56;
            k *= m;
            k ^= k >>> r;
            k *= m;
            h ^= k;
            h *= m;
        }
        int rest = n & 7;
        if (rest > 0) {
            for (int i = rest - 1; i >= 0; i--) h ^= (key[end + i] & 0xffL) << (8 * i);
            h *= m;
        }
        h ^= h >>> r;
        h *= m;
        h ^= h >>> r;
        return h;
    }

    /** hllPatLen: the register (low 32 bits of the result) and the run of zeros + 1 (high bits). */
    static long patLen(byte[] ele) {
        long hash = murmur64a(ele, 0xadc83b19);
        int index = (int) (hash & P_MASK);
        hash >>>= P;
        hash |= 1L << Q; // the count is at most Q+1
        int count = Long.numberOfTrailingZeros(hash) + 1;
        return ((long) count << 32) | index;
    }

    // ---- dense registers ----

    static int denseGet(byte[] b, int off, int reg) {
        int bytePos = off + reg * BITS / 8;
        int fb = reg * BITS & 7;
        int fb8 = 8 - fb;
        int b0 = b[bytePos] & 0xff;
        int b1 = bytePos + 1 < off + DENSE_SIZE - HDR_SIZE ? b[bytePos + 1] & 0xff : 0;
        return ((b0 >> fb) | (b1 << fb8)) & REGISTER_MAX;
    }

    static void denseSetReg(byte[] b, int off, int reg, int val) {
        int bytePos = off + reg * BITS / 8;
        int fb = reg * BITS & 7;
        int fb8 = 8 - fb;
        b[bytePos] &= (byte) ~(REGISTER_MAX << fb);
        b[bytePos] |= (byte) (val << fb);
        if (bytePos + 1 < off + DENSE_SIZE - HDR_SIZE) {
            b[bytePos + 1] &= (byte) ~(REGISTER_MAX >> fb8);
            b[bytePos + 1] |= (byte) (val >> fb8);
        }
    }

    /** Register i of a dense HLL. */
    public int register(int i) {
        return denseGet(buf, HDR_SIZE, i);
    }

    private int denseSet(int index, int count) {
        if (count > denseGet(buf, HDR_SIZE, index)) {
            denseSetReg(buf, HDR_SIZE, index, count);
            return 1;
        }
        return 0;
    }

    // ---- sparse opcodes ----

    static boolean isZero(int op) {
        return (op & 0xc0) == 0;
    }

    static boolean isXzero(int op) {
        return (op & 0xc0) == XZERO_BIT;
    }

    static boolean isVal(int op) {
        return (op & VAL_BIT) != 0;
    }

    private int at(int i) {
        return i < len ? buf[i] & 0xff : 0; // past the end reads sds's terminating zero
    }

    private int zeroLen(int p) {
        return (at(p) & 0x3f) + 1;
    }

    private int xzeroLen(int p) {
        return (((at(p) & 0x3f) << 8) | at(p + 1)) + 1;
    }

    private int valValue(int p) {
        return ((at(p) >> 2) & 0x1f) + 1;
    }

    private int valLen(int p) {
        return (at(p) & 0x3) + 1;
    }

    static void valSet(byte[] b, int p, int val, int len) {
        b[p] = (byte) (((val - 1) << 2 | (len - 1)) | VAL_BIT);
    }

    static void zeroSet(byte[] b, int p, int len) {
        b[p] = (byte) (len - 1);
    }

    static void xzeroSet(byte[] b, int p, int len) {
        int l = len - 1;
        b[p] = (byte) ((l >> 8) | XZERO_BIT);
        b[p + 1] = (byte) (l & 0xff);
    }

    /** hllSparseToDense; false when the opcodes do not cover exactly 16384 registers. */
    public boolean toDense() {
        if (encoding() == DENSE) return true;
        byte[] d = new byte[DENSE_SIZE];
        System.arraycopy(buf, 0, d, 0, HDR_SIZE); // magic, unused bytes and cached cardinality
        d[4] = DENSE;
        int idx = 0;
        int p = HDR_SIZE;
        while (p < len) {
            int op = buf[p] & 0xff;
            if (isZero(op)) {
                idx += zeroLen(p);
                p++;
            } else if (isXzero(op)) {
                idx += xzeroLen(p);
                p += 2;
            } else {
                int runlen = valLen(p);
                int regval = valValue(p);
                if (runlen + idx > REGISTERS) return false; // overflow
                while (runlen-- > 0) denseSetReg(d, HDR_SIZE, idx++, regval);
                p++;
            }
        }
        if (idx != REGISTERS) return false;
        buf = d;
        len = DENSE_SIZE;
        return true;
    }

    private void ensure(int n) {
        if (n > buf.length) buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
    }

    /**
     * hllSparseSet: 1 when the register grew, 0 when not, -1 for a corrupted HLL. Promotes to dense
     * when the value does not fit a VAL opcode or the string would pass maxBytes.
     */
    private int sparseSet(int index, int count, long maxBytes) {
        if (count > VAL_MAX_VALUE) return promote(index, count);
        ensure(len + 3 + 1);
        int p = HDR_SIZE;
        int end = len;
        int first = 0;
        int prev = -1;
        int span = 0;
        while (p < end) {
            int op = buf[p] & 0xff;
            int oplen = 1;
            if (isZero(op)) {
                span = zeroLen(p);
            } else if (isVal(op)) {
                span = valLen(p);
            } else {
                span = xzeroLen(p);
                oplen = 2;
            }
            if (index <= first + span - 1) break;
            prev = p;
            p += oplen;
            first += span;
        }
        if (span == 0 || p >= end) return -1;

        int op = buf[p] & 0xff;
        int next = isXzero(op) ? p + 2 : p + 1;
        if (next >= end) next = -1;
        boolean zero = isZero(op);
        boolean xzero = isXzero(op);
        boolean val = !zero && !xzero;
        int runlen = zero ? zeroLen(p) : xzero ? xzeroLen(p) : valLen(p);

        boolean updated = false;
        if (val) {
            int oldcount = valValue(p);
            if (oldcount >= count) return 0;
            if (runlen == 1) {
                valSet(buf, p, count, 1);
                updated = true;
            }
        }
        if (!updated && zero && runlen == 1) {
            valSet(buf, p, count, 1);
            updated = true;
        }
        if (!updated) {
            // the general case: split the opcode into up to three
            byte[] seq = new byte[5];
            int n = 0;
            int last = first + span - 1;
            if (zero || xzero) {
                if (index != first) {
                    int l = index - first;
                    if (l > ZERO_MAX_LEN) {
                        xzeroSet(seq, n, l);
                        n += 2;
                    } else {
                        zeroSet(seq, n++, l);
                    }
                }
                valSet(seq, n++, count, 1);
                if (index != last) {
                    int l = last - index;
                    if (l > ZERO_MAX_LEN) {
                        xzeroSet(seq, n, l);
                        n += 2;
                    } else {
                        zeroSet(seq, n++, l);
                    }
                }
            } else {
                int curval = valValue(p);
                if (index != first) valSet(seq, n++, curval, index - first);
                valSet(seq, n++, count, 1);
                if (index != last) valSet(seq, n++, curval, last - index);
            }
            int oldlen = xzero ? 2 : 1;
            int delta = n - oldlen;
            if (delta > 0 && len + delta > maxBytes) return promote(index, count);
            if (delta != 0 && next >= 0) System.arraycopy(buf, next, buf, next + delta, end - next);
            len += delta;
            System.arraycopy(seq, 0, buf, p, n);
            end += delta;
        }

        // merge adjacent VAL opcodes of the same value, scanning up to 5 opcodes from prev
        p = prev >= 0 ? prev : HDR_SIZE;
        int scan = 5;
        while (p < end && scan-- > 0) {
            int o = buf[p] & 0xff;
            if (isXzero(o)) {
                p += 2;
                continue;
            } else if (isZero(o)) {
                p++;
                continue;
            }
            if (p + 1 < end && isVal(buf[p + 1] & 0xff)) {
                int v1 = valValue(p);
                int v2 = valValue(p + 1);
                if (v1 == v2) {
                    int l = valLen(p) + valLen(p + 1);
                    if (l <= VAL_MAX_LEN) {
                        valSet(buf, p + 1, v1, l);
                        System.arraycopy(buf, p + 1, buf, p, end - p - 1);
                        len--;
                        end--;
                        continue;
                    }
                }
            }
            p++;
        }
        invalidateCache();
        return 1;
    }

    private int promote(int index, int count) {
        if (!toDense()) return -1;
        return denseSet(index, count);
    }

    /** hllAdd: 1 when a register changed, 0 when not, -1 for a corrupted HLL. */
    public int add(byte[] ele, long maxBytes) {
        long pl = patLen(ele);
        int index = (int) pl;
        int count = (int) (pl >>> 32);
        return switch (encoding()) {
            case DENSE -> denseSet(index, count);
            case SPARSE -> sparseSet(index, count, maxBytes);
            default -> -1;
        };
    }

    /** Sets register i to at least v (PFMERGE's write-back); a failure is ignored as Redis does. */
    public void setAtLeast(int i, int v, long maxBytes) {
        if (encoding() == DENSE) denseSet(i, v);
        else sparseSet(i, v, maxBytes);
    }

    /** hllMerge: max[i] = MAX(max[i], register i); false for a corrupted sparse HLL. */
    public static boolean merge(byte[] max, byte[] s) {
        if ((s[4] & 0xff) == DENSE) {
            for (int i = 0; i < REGISTERS; i++) {
                int v = denseGet(s, HDR_SIZE, i);
                if (v > (max[i] & 0xff)) max[i] = (byte) v;
            }
            return true;
        }
        HyperLogLog h = new HyperLogLog(s, s.length);
        int i = 0;
        int p = HDR_SIZE;
        while (p < s.length) {
            int op = s[p] & 0xff;
            if (isZero(op)) {
                i += h.zeroLen(p);
                p++;
            } else if (isXzero(op)) {
                i += h.xzeroLen(p);
                p += 2;
            } else {
                int runlen = h.valLen(p);
                int regval = h.valValue(p);
                if (runlen + i > REGISTERS) return false; // overflow
                while (runlen-- > 0) {
                    if (regval > (max[i] & 0xff)) max[i] = (byte) regval;
                    i++;
                }
                p++;
            }
        }
        return i == REGISTERS;
    }

    // ---- counting ----

    /** hllCount over this HLL; -1 when a sparse HLL is corrupted. */
    public long count() {
        int[] histo = new int[64];
        if (encoding() == DENSE) {
            for (int i = 0; i < REGISTERS; i++) histo[denseGet(buf, HDR_SIZE, i)]++;
        } else {
            int idx = 0;
            int p = HDR_SIZE;
            while (p < len) {
                int op = buf[p] & 0xff;
                if (isZero(op)) {
                    int r = zeroLen(p);
                    idx += r;
                    histo[0] += r;
                    p++;
                } else if (isXzero(op)) {
                    int r = xzeroLen(p);
                    idx += r;
                    histo[0] += r;
                    p += 2;
                } else {
                    int r = valLen(p);
                    idx += r;
                    histo[valValue(p)] += r;
                    p++;
                }
            }
            if (idx != REGISTERS) return -1;
        }
        return estimate(histo);
    }

    /** hllCount over raw 8-bit registers (PFCOUNT of several keys). */
    public static long countRaw(byte[] registers) {
        int[] histo = new int[64];
        for (int i = 0; i < REGISTERS; i++) histo[registers[i] & 0x3f]++;
        return estimate(histo);
    }

    /** Ertl's improved estimator ("New cardinality estimation algorithms for HyperLogLog sketches"). */
    static long estimate(int[] histo) {
        double m = REGISTERS;
        double z = m * tau((m - histo[Q + 1]) / m);
        for (int j = Q; j >= 1; --j) {
            z += histo[j];
            z *= 0.5;
        }
        z += m * sigma(histo[0] / m);
        return Math.round(ALPHA_INF * m * m / z);
    }

    static double sigma(double x) {
        if (x == 1.0) return Double.POSITIVE_INFINITY;
        double zPrime;
        double y = 1;
        double z = x;
        do {
            x *= x;
            zPrime = z;
            z += x * y;
            y += y;
        } while (zPrime != z);
        return z;
    }

    static double tau(double x) {
        if (x == 0.0 || x == 1.0) return 0.0;
        double zPrime;
        double y = 1.0;
        double z = 1 - x;
        do {
            x = Math.sqrt(x);
            zPrime = z;
            y *= 0.5;
            double d = 1 - x;
            z -= d * d * y;
        } while (zPrime != z);
        return z / 3;
    }

    /** PFDEBUG DECODE's text for a sparse HLL. */
    public String decode() {
        StringBuilder sb = new StringBuilder();
        int p = HDR_SIZE;
        while (p < len) {
            int op = buf[p] & 0xff;
            if (isZero(op)) {
                sb.append("z:").append(zeroLen(p)).append(' ');
                p++;
            } else if (isXzero(op)) {
                sb.append("Z:").append(xzeroLen(p)).append(' ');
                p += 2;
            } else {
                sb.append("v:").append(valValue(p)).append(',').append(valLen(p)).append(' ');
                p++;
            }
        }
        int n = sb.length();
        while (n > 0 && sb.charAt(n - 1) == ' ') n--;
        sb.setLength(n);
        return sb.toString();
    }
}
