package io.fakeredis.core.scripting.lua;

import io.fakeredis.core.util.Bytes;

/**
 * Lua values and their plain conversions. A value is a Java object: null is nil, then Boolean,
 * Double (every Lua 5.1 number), LuaString, LuaTable, LuaFunction, LuaUserdata and LuaThread.
 */
public final class Lua {
    public static final Object[] NONE = new Object[0];

    private Lua() {}

    public static String typeName(Object v) {
        if (v == null) return "nil";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof Double) return "number";
        if (v instanceof LuaString) return "string";
        if (v instanceof LuaTable) return "table";
        if (v instanceof LuaFunction) return "function";
        if (v instanceof LuaUserdata) return "userdata";
        return "thread";
    }

    /** Everything but nil and false is true. */
    public static boolean isTrue(Object v) {
        return v != null && v != Boolean.FALSE && !(v instanceof Boolean && !((Boolean) v));
    }

    public static Object[] one(Object v) {
        return new Object[] {v};
    }

    /** The first value of a result list, nil when empty. */
    public static Object first(Object[] r) {
        return r.length == 0 ? null : r[0];
    }

    /** Arithmetic coercion (lua_tonumber): numbers, and strings that read as numbers; else null. */
    public static Double toNumber(Object v) {
        if (v instanceof Double) return (Double) v;
        if (v instanceof LuaString) return str2number(((LuaString) v).bytes);
        return null;
    }

    /** String coercion (lua_tolstring): strings, and numbers formatted as tostring does; else null. */
    public static LuaString toLuaString(Object v) {
        if (v instanceof LuaString) return (LuaString) v;
        if (v instanceof Double) return LuaString.latin1(numberToString((Double) v));
        return null;
    }

    /** Lua 5.1's LUA_NUMBER_FMT "%.14g" as glibc prints it (inf, -inf, nan, -nan). */
    public static String numberToString(double d) {
        if (Double.isNaN(d)) {
            // x86 produces the NaN of 0/0 with the sign bit set, and glibc prints it as -nan
            return (Double.doubleToRawLongBits(d) < 0) ? "-nan" : "nan";
        }
        return Bytes.formatG(d, 14);
    }

    /**
     * luaO_str2d: glibc's strtod over the whole string, leading and trailing whitespace allowed.
     * glibc reads hexadecimal ("0x1F", "0x1.8p1"), inf and nan too. Null when not a number.
     */
    public static Double str2number(byte[] s) {
        int n = s.length;
        int i = 0;
        while (i < n && isSpace(s[i])) i++;
        int end = n;
        while (end > i && isSpace(s[end - 1])) end--;
        if (i == end) return null;
        String t = new String(s, i, end - i, java.nio.charset.StandardCharsets.ISO_8859_1);
        return strtod(t);
    }

    private static Double strtod(String t) {
        // digits [. digits] [e [sign] digits], or inf/infinity/nan, with an optional sign
        int k = 0, n = t.length();
        if (k < n && (t.charAt(k) == '+' || t.charAt(k) == '-')) k++;
        String rest = t.substring(k).toLowerCase(java.util.Locale.ROOT);
        if (rest.equals("inf") || rest.equals("infinity")) return t.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (rest.equals("nan")) return Double.NaN;
        if (rest.startsWith("0x")) return hex(t.charAt(0) == '-', rest.substring(2));
        int digits = 0;
        while (k < n && Character.isDigit(t.charAt(k))) {
            k++;
            digits++;
        }
        if (k < n && t.charAt(k) == '.') {
            k++;
            while (k < n && Character.isDigit(t.charAt(k))) {
                k++;
                digits++;
            }
        }
        if (digits == 0) return null;
        if (k < n && (t.charAt(k) == 'e' || t.charAt(k) == 'E')) {
            int e = k + 1;
            if (e < n && (t.charAt(e) == '+' || t.charAt(e) == '-')) e++;
            int ed = 0;
            while (e < n && Character.isDigit(t.charAt(e))) {
                e++;
                ed++;
            }
            if (ed > 0) k = e; // else strtod stops before the 'e'
        }
        if (k != n) return null;
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static Double hex(boolean negative, String h) {
        int k = 0, n = h.length(), digits = 0;
        while (k < n && Character.digit(h.charAt(k), 16) >= 0) {
            k++;
            digits++;
        }
        if (k < n && h.charAt(k) == '.') {
            k++;
            while (k < n && Character.digit(h.charAt(k), 16) >= 0) {
                k++;
                digits++;
            }
        }
        if (digits == 0) return null;
        String mantissa = h.substring(0, k);
        String exp = "p0";
        if (k < n && h.charAt(k) == 'p') {
            int e = k + 1;
            if (e < n && (h.charAt(e) == '+' || h.charAt(e) == '-')) e++;
            int ed = e;
            while (e < n && Character.isDigit(h.charAt(e))) e++;
            if (e > ed) {
                exp = h.substring(k, e);
                k = e;
            }
        }
        if (k != n) return null;
        double d = Double.parseDouble("0x" + (mantissa.startsWith(".") ? "0" : "") + mantissa + exp);
        return negative ? -d : d;
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
    }
}
