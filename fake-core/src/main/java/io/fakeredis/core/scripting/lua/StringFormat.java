package io.fakeredis.core.scripting.lua;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * string.format as Lua 5.1.5 does it: each item goes through C's sprintf (glibc), whose output
 * is then read as a C string, so a zero byte produced by %c or found in a %s argument ends it.
 */
final class StringFormat {
    private static final String FLAGS = "-+ #0";

    private StringFormat() {}

    /** One parsed conversion: flags, width (-1: none) and precision (-1: none). */
    private static final class Spec {
        boolean left, plus, space, alt, zero;
        int width = -1;
        int precision = -1;
    }

    static Object[] format(LuaState L, Object[] args) {
        byte[] f = L.checkString(args, 1).bytes;
        ByteBuilder b = new ByteBuilder(f.length + 16);
        int arg = 1;
        int i = 0;
        int n = f.length;
        while (i < n) {
            byte c = f[i];
            if (c != '%') {
                b.append(c);
                i++;
                continue;
            }
            i++;
            // past the end, C reads the terminating zero
            int next = i < n ? f[i] & 0xff : 0;
            if (next == '%') {
                b.append('%');
                i++;
                continue;
            }
            if (++arg > args.length) throw L.argError(arg, "no value");
            Spec spec = new Spec();
            i = scan(L, f, i, spec);
            int conv = i < n ? f[i] & 0xff : 0;
            i++;
            switch (conv) {
                case 'c':
                    addCString(b, pad(spec, "", String.valueOf((char) (toInt(L.checkNumber(args, arg)) & 0xff)), false));
                    break;
                case 'd':
                case 'i':
                    b.append(formatInteger(spec, StringLib.toLong(L.checkNumber(args, arg)), true, 10, false));
                    break;
                case 'u':
                    b.append(formatInteger(spec, StringLib.toUnsignedLong(L.checkNumber(args, arg)), false, 10, false));
                    break;
                case 'o':
                    b.append(formatInteger(spec, StringLib.toUnsignedLong(L.checkNumber(args, arg)), false, 8, false));
                    break;
                case 'x':
                case 'X':
                    b.append(formatInteger(spec, StringLib.toUnsignedLong(L.checkNumber(args, arg)), false, 16, conv == 'X'));
                    break;
                case 'e':
                case 'E':
                case 'f':
                case 'g':
                case 'G':
                    b.append(formatDouble(spec, L.checkNumber(args, arg), (char) conv));
                    break;
                case 'q':
                    addQuoted(b, L.checkString(args, arg).bytes);
                    break;
                case 's': {
                    LuaString s = L.checkString(args, arg);
                    if (spec.precision < 0 && s.length() >= 100) {
                        // too long for sprintf's buffer: Lua keeps the string as it is
                        b.append(s.bytes);
                    } else {
                        int len = LuaPattern.cLength(s.bytes);
                        if (spec.precision >= 0 && spec.precision < len) len = spec.precision;
                        addPadded(b, spec, s.bytes, len);
                    }
                    break;
                }
                default:
                    // the option is one raw byte (none for the terminating zero), so the message is built as Latin-1
                    String option = conv == 0 ? "" : String.valueOf((char) conv);
                    throw new LuaError(LuaString.latin1(L.where(1) + "invalid option '%" + option + "' to 'format'"));
            }
        }
        return Lua.one(b.toLuaString());
    }

    /** (int) d as x86-64 computes it: out of range and NaN give Integer.MIN_VALUE. */
    private static int toInt(double d) {
        if (!(d < 0x1p31) || d <= -0x1p31 - 1) return Integer.MIN_VALUE;
        return (int) d;
    }

    /** scanformat: at most 5 flag characters, 2 width digits, 2 precision digits. */
    private static int scan(LuaState L, byte[] f, int i, Spec spec) {
        int n = f.length;
        int start = i;
        while (i < n && FLAGS.indexOf(f[i]) >= 0 && f[i] != 0) {
            switch (f[i]) {
                case '-': spec.left = true; break;
                case '+': spec.plus = true; break;
                case ' ': spec.space = true; break;
                case '#': spec.alt = true; break;
                default: spec.zero = true; break;
            }
            i++;
        }
        if (i - start >= FLAGS.length() + 1) throw L.error("invalid format (repeated flags)");
        if (digit(f, i)) {
            spec.width = f[i++] - '0';
            if (digit(f, i)) spec.width = spec.width * 10 + f[i++] - '0';
        }
        if (i < n && f[i] == '.') {
            i++;
            spec.precision = 0;
            if (digit(f, i)) {
                spec.precision = f[i++] - '0';
                if (digit(f, i)) spec.precision = spec.precision * 10 + f[i++] - '0';
            }
        }
        if (digit(f, i)) throw L.error("invalid format (width or precision too long)");
        return i;
    }

    private static boolean digit(byte[] f, int i) {
        return i < f.length && f[i] >= '0' && f[i] <= '9';
    }

    /** Appends a sprintf result read back with strlen. */
    private static void addCString(ByteBuilder b, String s) {
        int z = s.indexOf('\0');
        b.append(z < 0 ? s : s.substring(0, z));
    }

    private static void addPadded(ByteBuilder b, Spec spec, byte[] s, int len) {
        int fill = spec.width - len;
        if (!spec.left) for (int k = 0; k < fill; k++) b.append(' ');
        b.append(s, 0, len);
        if (spec.left) for (int k = 0; k < fill; k++) b.append(' ');
    }

    /**
     * Pads a converted item to the width: with spaces on the left (or the right for '-'), or with
     * zeros between prefix and digits for '0'.
     */
    private static String pad(Spec spec, String prefix, String body, boolean zeroPad) {
        int fill = spec.width - prefix.length() - body.length();
        if (fill <= 0) return prefix + body;
        StringBuilder sb = new StringBuilder(spec.width);
        if (spec.left) {
            sb.append(prefix).append(body);
            for (int k = 0; k < fill; k++) sb.append(' ');
        } else if (zeroPad) {
            sb.append(prefix);
            for (int k = 0; k < fill; k++) sb.append('0');
            sb.append(body);
        } else {
            for (int k = 0; k < fill; k++) sb.append(' ');
            sb.append(prefix).append(body);
        }
        return sb.toString();
    }

    /** %d %i (signed) and %u %o %x %X (the bits as unsigned). */
    static String formatInteger(Spec spec, long v, boolean signed, int radix, boolean upper) {
        boolean negative = signed && v < 0;
        String digits;
        if (negative) digits = Long.toUnsignedString(-v, radix);
        else digits = Long.toUnsignedString(v, radix);
        if (upper) digits = digits.toUpperCase(java.util.Locale.ROOT);
        if (spec.precision == 0 && v == 0) digits = "";
        if (spec.precision > digits.length()) digits = "0".repeat(spec.precision - digits.length()) + digits;
        String prefix = "";
        if (signed) {
            if (negative) prefix = "-";
            else if (spec.plus) prefix = "+";
            else if (spec.space) prefix = " ";
        } else if (spec.alt) {
            if (radix == 8 && !digits.startsWith("0")) digits = "0" + digits;
            else if (radix == 16 && v != 0) prefix = upper ? "0X" : "0x";
        }
        return pad(spec, prefix, digits, spec.zero && !spec.left && spec.precision < 0);
    }

    /** %e %E %f %g %G with glibc's exact decimal rounding (ties to even on the exact binary value). */
    static String formatDouble(Spec spec, double d, char conv) {
        boolean negative = (Double.doubleToRawLongBits(d) < 0);
        String prefix = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
        boolean upper = conv == 'E' || conv == 'G';
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            String body = Double.isNaN(d) ? "nan" : "inf";
            if (upper) body = body.toUpperCase(java.util.Locale.ROOT);
            return pad(spec, prefix, body, false);
        }
        int precision = spec.precision < 0 ? 6 : spec.precision;
        BigDecimal v = new BigDecimal(Math.abs(d));
        String body;
        switch (conv) {
            case 'f':
                body = fixed(v, precision, spec.alt);
                break;
            case 'e':
            case 'E':
                body = exponent(v, precision, spec.alt, upper);
                break;
            default: {
                int p = precision == 0 ? 1 : precision;
                int x = d == 0 ? 0 : decimalExponent(v, p);
                if (x < p && x >= -4) {
                    body = fixed(v, p - 1 - x, spec.alt);
                } else {
                    body = exponent(v, p - 1, spec.alt, upper);
                }
                if (!spec.alt) body = stripZeros(body);
            }
        }
        return pad(spec, prefix, body, spec.zero && !spec.left);
    }

    private static String fixed(BigDecimal v, int precision, boolean alt) {
        String s = v.setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        if (alt && precision == 0) s += ".";
        return s;
    }

    /** The exponent of v's leading digit after rounding to p significant digits. */
    private static int decimalExponent(BigDecimal v, int p) {
        BigDecimal r = v.round(new MathContext(p, RoundingMode.HALF_EVEN));
        return r.precision() - r.scale() - 1;
    }

    private static String exponent(BigDecimal v, int precision, boolean alt, boolean upper) {
        String digits;
        int x;
        if (v.signum() == 0) {
            digits = "0".repeat(precision + 1);
            x = 0;
        } else {
            BigDecimal r = v.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            x = r.precision() - r.scale() - 1;
            digits = r.unscaledValue().toString();
            if (digits.length() > precision + 1) digits = digits.substring(0, precision + 1);
            else if (digits.length() < precision + 1) digits = digits + "0".repeat(precision + 1 - digits.length());
        }
        StringBuilder sb = new StringBuilder(precision + 8);
        sb.append(digits.charAt(0));
        if (precision > 0 || alt) sb.append('.');
        sb.append(digits, 1, digits.length());
        sb.append(upper ? 'E' : 'e').append(x < 0 ? '-' : '+');
        int ax = Math.abs(x);
        if (ax < 10) sb.append('0');
        sb.append(ax);
        return sb.toString();
    }

    /** %g without '#': trailing zeros of the fraction go, and the point with them. */
    private static String stripZeros(String s) {
        int e = s.indexOf('e');
        if (e < 0) e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String rest = e < 0 ? "" : s.substring(e);
        if (mantissa.indexOf('.') < 0) return s;
        int end = mantissa.length();
        while (mantissa.charAt(end - 1) == '0') end--;
        if (mantissa.charAt(end - 1) == '.') end--;
        return mantissa.substring(0, end) + rest;
    }

    /** %q: a string Lua can read back; newlines are escaped with a backslash, not as \n. */
    private static void addQuoted(ByteBuilder b, byte[] s) {
        b.append('"');
        for (byte c : s) {
            switch (c) {
                case '"':
                case '\\':
                case '\n':
                    b.append('\\').append(c);
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case 0:
                    b.append("\\000");
                    break;
                default:
                    b.append(c);
            }
        }
        b.append('"');
    }
}
