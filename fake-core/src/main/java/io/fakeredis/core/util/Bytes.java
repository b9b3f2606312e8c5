package io.fakeredis.core.util;

import io.fakeredis.core.Errors;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/** Byte-string helpers with Redis's parsing and formatting rules. */
public final class Bytes {
    private Bytes() {}

    public static final byte[] EMPTY = new byte[0];

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Case-insensitive ASCII comparison against an upper- or lower-case literal. */
    public static boolean eq(byte[] a, String lit) {
        int n = lit.length();
        if (a.length != n) return false;
        for (int i = 0; i < n; i++) {
            int x = a[i], y = lit.charAt(i);
            if (x == y) continue;
            if ((x | 0x20) != (y | 0x20) || ((x | 0x20) < 'a' || (x | 0x20) > 'z')) return false;
        }
        return true;
    }

    /** Lower-cased ASCII copy as a String, for messages and name lookups off the hot path. */
    public static String lower(byte[] a) {
        char[] c = new char[a.length];
        for (int i = 0; i < a.length; i++) {
            int x = a[i] & 0xff;
            c[i] = (char) (x >= 'A' && x <= 'Z' ? x | 0x20 : x);
        }
        return new String(c);
    }

    /** Redis string2ll: strict decimal, no spaces, no '+', no leading zeros. Returns false if invalid. */
    public static boolean isLong(byte[] b) {
        return parseLong(b, 0, b.length, null);
    }

    /** Parses like Redis string2ll or throws {@code ERR value is not an integer or out of range}. */
    public static long toLong(byte[] b) {
        long[] out = new long[1];
        if (!parseLong(b, 0, b.length, out)) throw Errors.notInteger;
        return out[0];
    }

    /** Same as {@link #toLong} but with the caller's error text. */
    public static long toLong(byte[] b, String error) {
        long[] out = new long[1];
        if (!parseLong(b, 0, b.length, out)) throw new io.fakeredis.core.RedisException(error);
        return out[0];
    }

    public static boolean parseLong(byte[] b, int off, int len, long[] out) {
        if (len == 0 || len > 20) return false;
        int i = off, end = off + len;
        if (len == 1 && b[i] == '0') {
            if (out != null) out[0] = 0;
            return true;
        }
        boolean neg = false;
        if (b[i] == '-') {
            neg = true;
            i++;
            if (i == end) return false;
        }
        if (b[i] < '1' || b[i] > '9') return false;
        long v = 0; // accumulate negatively so Long.MIN_VALUE fits
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return false;
            if (v < (Long.MIN_VALUE + d) / 10) return false;
            v = v * 10 - d;
        }
        if (!neg) {
            if (v == Long.MIN_VALUE) return false;
            v = -v;
        }
        if (out != null) out[0] = v;
        return true;
    }

    /**
     * Decimal bytes of 0..9999, built on the first fromLong rather than when Bytes loads: building
     * them took ~6 ms of the first engine's start, and only INCR-like commands and intsets use them.
     */
    private static final class Small {
        static final byte[][] VALUES = new byte[10000][];

        static {
            for (int i = 0; i < VALUES.length; i++) VALUES[i] = Long.toString(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Decimal bytes of v. Small non-negative values are shared: callers must not mutate them. */
    public static byte[] fromLong(long v) {
        if (v >= 0 && v < 10000) return Small.VALUES[(int) v];
        return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Parses like C strtod as Redis uses it: the whole string must be consumed, no leading space,
     * no NaN. Accepts inf/infinity and hex floats as strtod does.
     */
    public static double toDouble(byte[] b) {
        double d = parseDouble(b);
        if (Double.isNaN(d)) throw Errors.notFloat;
        return d;
    }

    /** Returns NaN when the text is not a valid float for Redis. */
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    /**
     * digits[.digits] with at most 15 digits and no exponent, without allocating: the mantissa
     * and 10^k are exact doubles, so one division is correctly rounded, as strtod is. NaN when
     * the text has another shape (the caller then takes the general path).
     */
    private static double parseShortDecimal(byte[] b, int from, boolean neg) {
        int n = b.length;
        if (n - from > 16) return Double.NaN;
        long m = 0;
        int digits = 0, scale = -1;
        for (int i = from; i < n; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
                if (scale >= 0) scale++;
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 15) return Double.NaN;
        double d = scale > 0 ? m / POW10[scale] : m;
        return neg ? -d : d;
    }

    public static double parseDouble(byte[] b) {
        int n = b.length;
        if (n == 0 || n > 5 * 1024) return Double.NaN;
        int i = 0;
        boolean neg = false;
        if (b[0] == '+' || b[0] == '-') {
            neg = b[0] == '-';
            i = 1;
        }
        if (i == n) return Double.NaN;
        double fast = parseShortDecimal(b, i, neg);
        if (fast == fast) return fast;
        String rest = new String(b, i, n - i, StandardCharsets.ISO_8859_1);
        if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (rest.length() > 1 && rest.charAt(0) == '0' && (rest.charAt(1) == 'x' || rest.charAt(1) == 'X')) {
            return parseHex(rest.substring(2), neg);
        }
        // decimal: digits [. digits] [e [sign] digits], at least one mantissa digit
        int j = 0, m = rest.length(), digits = 0;
        while (j < m && isDigit(rest.charAt(j))) { j++; digits++; }
        if (j < m && rest.charAt(j) == '.') {
            j++;
            while (j < m && isDigit(rest.charAt(j))) { j++; digits++; }
        }
        if (digits == 0) return Double.NaN;
        if (j < m && (rest.charAt(j) == 'e' || rest.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < m && (rest.charAt(k) == '+' || rest.charAt(k) == '-')) k++;
            int ed = 0;
            while (k < m && isDigit(rest.charAt(k))) { k++; ed++; }
            if (ed > 0) j = k; // strtod stops before a dangling 'e'
        }
        if (j != m) return Double.NaN;
        double v = Double.parseDouble(rest);
        return neg ? -v : v;
    }

    private static double parseHex(String h, boolean neg) {
        int j = 0, m = h.length(), digits = 0;
        while (j < m && Character.digit(h.charAt(j), 16) >= 0) { j++; digits++; }
        if (j < m && h.charAt(j) == '.') {
            j++;
            while (j < m && Character.digit(h.charAt(j), 16) >= 0) { j++; digits++; }
        }
        if (digits == 0) return Double.NaN;
        String mant = h.substring(0, j);
        String exp = "0";
        if (j < m && (h.charAt(j) == 'p' || h.charAt(j) == 'P')) {
            int k = j + 1;
            if (k < m && (h.charAt(k) == '+' || h.charAt(k) == '-')) k++;
            int ed = 0;
            while (k < m && isDigit(h.charAt(k))) { k++; ed++; }
            if (ed > 0) {
                exp = h.substring(j + 1, k);
                j = k;
            }
        }
        if (j != m) return Double.NaN;
        double v = Double.parseDouble("0x" + mant + "p" + exp);
        return neg ? -v : v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** C's printf("%.17g"), which Redis uses for doubles in replies. */
    public static String formatG17(double d) {
        return formatG(d, 17);
    }

    /** C's printf("%.{precision}g"). */
    public static String formatG(double d, int precision) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        BigDecimal v = new BigDecimal(d).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exp = v.precision() - v.scale() - 1; // decimal exponent of the leading digit
        String digits = v.unscaledValue().abs().toString();
        // strip trailing zeros of the significant digits
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') end--;
        digits = digits.substring(0, end);
        StringBuilder sb = new StringBuilder(32);
        if (v.signum() < 0) sb.append('-');
        if (exp < -4 || exp >= precision) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
            sb.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) sb.append('0');
            sb.append(ae);
        } else if (exp < 0) {
            sb.append("0.");
            for (int k = -1; k > exp; k--) sb.append('0');
            sb.append(digits);
        } else {
            if (digits.length() <= exp + 1) {
                sb.append(digits);
                for (int k = digits.length(); k <= exp; k++) sb.append('0');
            } else {
                sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
            }
        }
        return sb.toString();
    }
}
