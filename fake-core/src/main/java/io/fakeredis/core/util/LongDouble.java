package io.fakeredis.core.util;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The x87 80-bit extended {@code long double} that Redis's INCRBYFLOAT computes with on x86-64:
 * a 64-bit mantissa, exponents down to 2^-16445 (subnormals) and up to 2^16383, round half to even.
 * Only what INCRBYFLOAT needs: parsing like Redis's string2ld (strtold), addition, and printing like
 * ld2string's human mode ({@code %.17Lf} without trailing zeros). Values are exact: mant * 2^exp.
 */
public final class LongDouble {
    private static final int MANT_BITS = 64;
    /** Exponent of the least significant mantissa bit of the smallest subnormal: 2^-16445. */
    private static final int MIN_EXP = -16445;
    /** Largest exponent of the least significant bit of a finite value: msb at 2^16383. */
    private static final int MAX_EXP = 16383 - (MANT_BITS - 1);
    /** Redis's MAX_LONG_DOUBLE_CHARS: longer inputs are refused. */
    public static final int MAX_CHARS = 5 * 1024;

    private static final int FINITE = 0, INF = 1, NAN = 2;

    public static final LongDouble ZERO = new LongDouble(false, BigInteger.ZERO, 0, FINITE);
    public static final LongDouble NaN = new LongDouble(false, BigInteger.ZERO, 0, NAN);

    private final boolean neg;
    private final BigInteger mant; // 0 <= mant < 2^64
    private final int exp;
    private final int kind;

    private LongDouble(boolean neg, BigInteger mant, int exp, int kind) {
        this.neg = neg;
        this.mant = mant;
        this.exp = exp;
        this.kind = kind;
    }

    public static LongDouble infinity(boolean negative) {
        return new LongDouble(negative, BigInteger.ZERO, 0, INF);
    }

    public static LongDouble of(long v) {
        if (v == 0) return ZERO;
        BigInteger m = BigInteger.valueOf(v).abs();
        return new LongDouble(v < 0, m, 0, FINITE);
    }

    public boolean isNaN() {
        return kind == NAN;
    }

    public boolean isInfinite() {
        return kind == INF;
    }

    public boolean isZero() {
        return kind == FINITE && mant.signum() == 0;
    }

    public boolean isNegative() {
        return neg;
    }

    /** The exact value, for finite numbers. */
    public BigDecimal toBigDecimal() {
        if (kind != FINITE) throw new ArithmeticException("not finite");
        BigDecimal v;
        if (exp >= 0) {
            v = new BigDecimal(mant.shiftLeft(exp));
        } else {
            // 2^-n = 5^n / 10^n, so the decimal expansion is exact
            v = new BigDecimal(mant.multiply(BigInteger.valueOf(5).pow(-exp)), -exp);
        }
        return neg ? v.negate() : v;
    }

    /**
     * Rounds the exact value (-1)^neg * num * 2^e2 (plus a nonzero remainder below the lowest bit
     * when sticky) to the nearest long double, ties to even. Callers that pass sticky give at least
     * two bits more than the mantissa holds, so the rounding bit is always inside num.
     */
    static LongDouble round(boolean neg, BigInteger num, long e2, boolean sticky) {
        if (num.signum() == 0) return neg ? new LongDouble(true, BigInteger.ZERO, 0, FINITE) : ZERO;
        int bl = num.bitLength();
        long shift = bl - MANT_BITS;
        if (e2 + shift < MIN_EXP) shift = MIN_EXP - e2;
        BigInteger m;
        long e;
        if (shift > 0) {
            if (shift > (long) bl + 1) {
                m = BigInteger.ZERO; // far below half of the smallest subnormal
            } else {
                int s = (int) shift;
                m = num.shiftRight(s);
                boolean half = num.testBit(s - 1);
                boolean below = sticky || num.getLowestSetBit() < s - 1;
                if (half && (below || m.testBit(0))) m = m.add(BigInteger.ONE);
            }
            e = e2 + shift;
        } else {
            m = num.shiftLeft((int) -shift);
            e = e2 + shift;
        }
        if (m.bitLength() > MANT_BITS) {
            m = m.shiftRight(1);
            e++;
        }
        if (m.signum() == 0) return neg ? new LongDouble(true, BigInteger.ZERO, 0, FINITE) : ZERO;
        if (e > MAX_EXP) return infinity(neg);
        return new LongDouble(neg, m, (int) e, FINITE);
    }

    public LongDouble add(LongDouble o) {
        if (kind == NAN || o.kind == NAN) return NaN;
        if (kind == INF || o.kind == INF) {
            if (kind == INF && o.kind == INF && neg != o.neg) return NaN;
            return kind == INF ? this : o;
        }
        if (isZero() && o.isZero()) return neg && o.neg ? this : ZERO;
        if (isZero()) return o;
        if (o.isZero()) return this;
        int e = Math.min(exp, o.exp);
        BigInteger a = mant.shiftLeft(exp - e);
        BigInteger b = o.mant.shiftLeft(o.exp - e);
        if (neg) a = a.negate();
        if (o.neg) b = b.negate();
        BigInteger sum = a.add(b);
        if (sum.signum() == 0) return ZERO; // x + (-x) is +0 when rounding to nearest
        return round(sum.signum() < 0, sum.abs(), e, false);
    }

    // ---- parsing ----

    private static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /**
     * Parses like Redis's string2ld: strtold over the whole string, refusing leading space,
     * NaN, overflow, and nonzero values that underflow to zero. Returns null when invalid.
     */
    public static LongDouble parse(byte[] b) {
        return parse(b, 0, b.length);
    }

    public static LongDouble parse(byte[] b, int off, int len) {
        if (len == 0 || len >= MAX_CHARS) return null;
        int end = off + len;
        int i = off;
        if (isSpace(b[i] & 0xff)) return null;
        boolean neg = false;
        if (b[i] == '+' || b[i] == '-') {
            neg = b[i] == '-';
            i++;
        }
        if (i == end) return null;
        int c0 = b[i] | 0x20;
        if (c0 == 'i' || c0 == 'n') return parseSpecial(b, i, end, neg);
        if (b[i] == '0' && i + 1 < end && (b[i + 1] | 0x20) == 'x') return parseHex(b, i + 2, end, neg);
        return parseDecimal(b, i, end, neg);
    }

    private static boolean matches(byte[] b, int i, int end, String lit) {
        if (end - i != lit.length()) return false;
        for (int k = 0; k < lit.length(); k++) {
            if ((b[i + k] | 0x20) != lit.charAt(k)) return false;
        }
        return true;
    }

    private static LongDouble parseSpecial(byte[] b, int i, int end, boolean neg) {
        if (matches(b, i, end, "inf") || matches(b, i, end, "infinity")) return infinity(neg);
        return null; // NaN in any spelling is refused, anything else is not a number
    }

    /** Reads decimal digits of an exponent, saturating far beyond any meaningful range. */
    private static long readExponent(byte[] b, int from, int to) {
        long v = 0;
        for (int k = from; k < to; k++) {
            v = Math.min(v * 10 + (b[k] - '0'), 1_000_000_000L);
        }
        return v;
    }

    /** Index just after a valid exponent part starting at i (an 'e' or 'p'), or i if there is none. */
    private static int exponentEnd(byte[] b, int i, int end) {
        int k = i + 1;
        if (k < end && (b[k] == '+' || b[k] == '-')) k++;
        int digits = k;
        while (k < end && b[k] >= '0' && b[k] <= '9') k++;
        return k > digits ? k : i;
    }

    private static LongDouble parseDecimal(byte[] b, int i, int end, boolean neg) {
        StringBuilder digits = new StringBuilder();
        int fraction = 0;
        int count = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            if (digits.length() > 0 || b[i] != '0') digits.append((char) b[i]);
            i++;
            count++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                if (digits.length() > 0 || b[i] != '0') digits.append((char) b[i]);
                fraction++;
                i++;
                count++;
            }
        }
        if (count == 0) return null;
        long e10 = 0;
        if (i < end && (b[i] | 0x20) == 'e') {
            int k = exponentEnd(b, i, end);
            if (k == i) return null; // strtold stops before a dangling 'e': the rest is junk
            boolean eneg = b[i + 1] == '-';
            int from = (b[i + 1] == '+' || b[i + 1] == '-') ? i + 2 : i + 1;
            long ev = readExponent(b, from, k);
            e10 = eneg ? -ev : ev;
            i = k;
        }
        if (i != end) return null;
        if (digits.length() == 0) return neg ? new LongDouble(true, BigInteger.ZERO, 0, FINITE) : ZERO;
        // Significant digits are the ones kept in 'digits'; trailing fraction digits shift the scale.
        // Count how many of the kept digits are fractional: all of the last 'fraction' digits.
        e10 -= fraction;
        BigInteger d = new BigInteger(digits.toString());
        long magnitude = digits.length() + e10; // value < 10^magnitude
        if (magnitude > 4934) return null; // overflow: strtold gives HUGE_VALL with ERANGE
        if (magnitude < -4952) return null; // underflow to zero with ERANGE
        LongDouble r;
        if (e10 >= 0) {
            r = round(neg, d.multiply(BigInteger.TEN.pow((int) e10)), 0, false);
        } else {
            BigInteger den = BigInteger.TEN.pow((int) -e10);
            int k = Math.max(0, den.bitLength() - d.bitLength() + MANT_BITS + 3);
            BigInteger[] qr = d.shiftLeft(k).divideAndRemainder(den);
            r = round(neg, qr[0], -k, qr[1].signum() != 0);
        }
        if (r.kind == INF || r.isZero()) return null; // ERANGE
        return r;
    }

    private static LongDouble parseHex(byte[] b, int i, int end, boolean neg) {
        BigInteger m = BigInteger.ZERO;
        int count = 0;
        long e2 = 0;
        while (i < end && Character.digit(b[i], 16) >= 0) {
            m = m.shiftLeft(4).or(BigInteger.valueOf(Character.digit(b[i], 16)));
            i++;
            count++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && Character.digit(b[i], 16) >= 0) {
                m = m.shiftLeft(4).or(BigInteger.valueOf(Character.digit(b[i], 16)));
                e2 -= 4;
                i++;
                count++;
            }
        }
        if (count == 0) return null; // "0x" alone: strtold reads the 0 and stops at the x
        if (i < end && (b[i] | 0x20) == 'p') {
            int k = exponentEnd(b, i, end);
            if (k == i) return null;
            boolean eneg = b[i + 1] == '-';
            int from = (b[i + 1] == '+' || b[i + 1] == '-') ? i + 2 : i + 1;
            long ev = readExponent(b, from, k);
            e2 += eneg ? -ev : ev;
            i = k;
        }
        if (i != end) return null;
        if (m.signum() == 0) return neg ? new LongDouble(true, BigInteger.ZERO, 0, FINITE) : ZERO;
        long top = e2 + m.bitLength();
        if (top > 16400) return null;
        if (top < -16500) return null;
        LongDouble r = round(neg, m, e2, false);
        if (r.kind == INF || r.isZero()) return null;
        return r;
    }

    // ---- printing ----

    /**
     * Redis's ld2string in human mode: printf("%.17Lf") with trailing zeros (and a trailing dot)
     * removed, and "-0" printed as "0".
     */
    public String toHumanString() {
        if (kind == NAN) return "nan";
        if (kind == INF) return neg ? "-inf" : "inf";
        String s;
        if (exp >= 0) {
            s = mant.shiftLeft(exp).toString();
        } else if ((long) exp + mant.bitLength() < -58) {
            return "0"; // below 2^-58 < 0.5e-17: rounds to zero, and "-0" prints as "0"
        } else {
            // value * 10^17, rounded half to even to an integer, then the point put back
            BigInteger n = mant.multiply(TEN_17);
            int sh = -exp;
            BigInteger q = n.shiftRight(sh);
            if (n.testBit(sh - 1) && (n.getLowestSetBit() < sh - 1 || q.testBit(0))) q = q.add(BigInteger.ONE);
            String d = q.toString();
            if (d.length() <= 17) d = "0".repeat(18 - d.length()) + d;
            int point = d.length() - 17;
            int l = d.length();
            while (l > point && d.charAt(l - 1) == '0') l--;
            s = l == point ? d.substring(0, point) : d.substring(0, point) + "." + d.substring(point, l);
        }
        if (neg && !s.equals("0")) return "-" + s;
        return s;
    }

    private static final BigInteger TEN_17 = BigInteger.TEN.pow(17);

    @Override
    public String toString() {
        return toHumanString();
    }
}
