package io.fakeredis.core.scripting.libs;

import java.nio.charset.StandardCharsets;

/** glibc strtod on a byte buffer: how far a number reads, and its value. */
final class Strtod {
    private Strtod() {}

    private static int at(byte[] s, int i) {
        return i < s.length ? s[i] & 0xff : 0;
    }

    private static boolean digit(int c, boolean hex) {
        return (c >= '0' && c <= '9') || (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'));
    }

    private static boolean word(byte[] s, int q, String w) {
        for (int k = 0; k < w.length(); k++) {
            if ((at(s, q + k) | 0x20) != w.charAt(k)) return false;
        }
        return true;
    }

    /** The end of the longest number starting at start; start itself when there is none. */
    static int prefix(byte[] s, int start) {
        int q = start;
        if (at(s, q) == '+' || at(s, q) == '-') q++;
        if (word(s, q, "infinity")) return q + 8;
        if (word(s, q, "inf")) return q + 3;
        if (word(s, q, "nan")) {
            q += 3;
            if (at(s, q) == '(') { // nan(chars)
                int r = q + 1;
                while (Character.isLetterOrDigit(at(s, r)) || at(s, r) == '_') r++;
                if (at(s, r) == ')') q = r + 1;
            }
            return q;
        }
        boolean hex = at(s, q) == '0' && (at(s, q + 1) | 0x20) == 'x' && (digit(at(s, q + 2), true)
                || (at(s, q + 2) == '.' && digit(at(s, q + 3), true)));
        if (hex) q += 2;
        int digits = 0;
        while (digit(at(s, q), hex)) {
            q++;
            digits++;
        }
        if (at(s, q) == '.') {
            int r = q + 1;
            while (digit(at(s, r), hex)) {
                r++;
                digits++;
            }
            if (digits > 0) q = r;
        }
        if (digits == 0) return start;
        int e = at(s, q) | 0x20;
        if (e == (hex ? 'p' : 'e')) {
            int r = q + 1;
            if (at(s, r) == '+' || at(s, r) == '-') r++;
            if (digit(at(s, r), false)) {
                while (digit(at(s, r), false)) r++;
                q = r;
            }
        }
        return q;
    }

    /** The value of s[start, end), which prefix() accepted. */
    static double value(byte[] s, int start, int end) {
        String t = new String(s, start, end - start, StandardCharsets.ISO_8859_1);
        String u = t.toLowerCase(java.util.Locale.ROOT);
        boolean negative = u.startsWith("-");
        String body = u.startsWith("-") || u.startsWith("+") ? u.substring(1) : u;
        double v;
        if (body.startsWith("inf")) {
            v = Double.POSITIVE_INFINITY;
        } else if (body.startsWith("nan")) {
            v = Double.NaN;
        } else if (body.startsWith("0x")) {
            String m = body.substring(2);
            if (!m.contains("p")) m = m + "p0";
            if (m.startsWith(".")) m = "0" + m;
            v = Double.parseDouble("0x" + m);
        } else {
            v = Double.parseDouble(body.endsWith(".") ? body + "0" : body);
        }
        return negative ? -v : v;
    }
}
