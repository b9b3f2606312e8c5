package io.fakeredis.core.scripting.lua;

/**
 * Lua 5.1.5's string library as Redis 7.0 ships it. {@link #install} builds the {@code string}
 * table, stores it as the global {@code string}, and sets {@code L.stringMetatable} to
 * {@code {__index = string}} so {@code s:sub(1, 2)} works.
 *
 * <p>Integer arguments follow C: luaL_checkinteger converts a double to a 64-bit long the way
 * x86-64 does (out of range and NaN give Long.MIN_VALUE), luaL_checkint then keeps the low 32
 * bits. So {@code string.sub("hello", 1, 1e20)} is "" as in Redis.
 */
public final class StringLib {
    /** LUAI_MAXCSTACK: how many values a C function may push (string.byte's limit). */
    private static final int MAX_C_STACK = 8000;
    private static final String SPECIALS = "^$*+?.([%-";

    private StringLib() {}

    /** Creates the string table, registers it as the global "string" and sets the string metatable. */
    public static LuaTable install(LuaState L) {
        LuaTable t = new LuaTable(0, 16);
        t.put("byte", LuaFunction.of(StringLib::byte_));
        t.put("char", LuaFunction.of(StringLib::char_));
        t.put("dump", LuaFunction.of(StringLib::dump));
        t.put("find", LuaFunction.of((l, a) -> findAux(l, a, true)));
        t.put("format", LuaFunction.of(StringFormat::format));
        LuaFunction gmatch = LuaFunction.of(StringLib::gmatch);
        t.put("gfind", gmatch);
        t.put("gmatch", gmatch);
        t.put("gsub", LuaFunction.of(StringLib::gsub));
        t.put("len", LuaFunction.of(StringLib::len));
        t.put("lower", LuaFunction.of(StringLib::lower));
        t.put("match", LuaFunction.of((l, a) -> findAux(l, a, false)));
        t.put("rep", LuaFunction.of(StringLib::rep));
        t.put("reverse", LuaFunction.of(StringLib::reverse));
        t.put("sub", LuaFunction.of(StringLib::sub));
        t.put("upper", LuaFunction.of(StringLib::upper));
        L.globals.put("string", t);
        LuaTable meta = new LuaTable(0, 1);
        meta.put("__index", t);
        L.stringMetatable = meta;
        return t;
    }

    // ---- C conversions of numbers ----

    /** (long) d as x86-64 computes it: out of range and NaN give Long.MIN_VALUE. */
    static long toLong(double d) {
        if (!(d < 0x1p63) || d < -0x1p63) return Long.MIN_VALUE;
        return (long) d;
    }

    /** (unsigned long) d as gcc compiles it on x86-64 (negative values wrap, 2^64 and up give 0). */
    static long toUnsignedLong(double d) {
        if (Double.isNaN(d)) return Long.MIN_VALUE;
        if (d < 0x1p63) return toLong(d);
        return toLong(d - 0x1p63) ^ Long.MIN_VALUE;
    }

    /** luaL_checkinteger. */
    static long checkInteger(LuaState L, Object[] args, int narg) {
        return toLong(L.checkNumber(args, narg));
    }

    static long optInteger(LuaState L, Object[] args, int narg, long def) {
        return narg > args.length || args[narg - 1] == null ? def : checkInteger(L, args, narg);
    }

    /** luaL_checkint: the long conversion, then the low 32 bits. */
    static int checkInt(LuaState L, Object[] args, int narg) {
        return (int) checkInteger(L, args, narg);
    }

    static int optInt(LuaState L, Object[] args, int narg, int def) {
        return narg > args.length || args[narg - 1] == null ? def : checkInt(L, args, narg);
    }

    /** A relative string position: negative counts from the end; below the start is 0. */
    private static long posrelat(long pos, long len) {
        if (pos < 0) pos += len + 1;
        return pos >= 0 ? pos : 0;
    }

    // ---- the functions ----

    private static Object[] len(LuaState L, Object[] args) {
        return Lua.one((double) L.checkString(args, 1).length());
    }

    private static Object[] sub(LuaState L, Object[] args) {
        LuaString s = L.checkString(args, 1);
        long l = s.length();
        long start = posrelat(checkInteger(L, args, 2), l);
        long end = posrelat(optInteger(L, args, 3, -1), l);
        if (start < 1) start = 1;
        if (end > l) end = l;
        if (start > end) return Lua.one(LuaString.EMPTY);
        if (start == 1 && end == l) return Lua.one(s);
        return Lua.one(LuaString.wrap(java.util.Arrays.copyOfRange(s.bytes, (int) start - 1, (int) end)));
    }

    private static Object[] reverse(LuaState L, Object[] args) {
        byte[] s = L.checkString(args, 1).bytes;
        byte[] r = new byte[s.length];
        for (int i = 0; i < s.length; i++) r[i] = s[s.length - 1 - i];
        return Lua.one(LuaString.wrap(r));
    }

    private static Object[] lower(LuaState L, Object[] args) {
        byte[] s = L.checkString(args, 1).bytes;
        byte[] r = new byte[s.length];
        for (int i = 0; i < s.length; i++) {
            byte c = s[i];
            r[i] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
        }
        return Lua.one(LuaString.wrap(r));
    }

    private static Object[] upper(LuaState L, Object[] args) {
        byte[] s = L.checkString(args, 1).bytes;
        byte[] r = new byte[s.length];
        for (int i = 0; i < s.length; i++) {
            byte c = s[i];
            r[i] = c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
        }
        return Lua.one(LuaString.wrap(r));
    }

    private static Object[] rep(LuaState L, Object[] args) {
        byte[] s = L.checkString(args, 1).bytes;
        int n = checkInt(L, args, 2);
        if (n <= 0 || s.length == 0) return Lua.one(LuaString.EMPTY);
        long total = (long) s.length * n;
        if (total > Integer.MAX_VALUE - 8) throw new LuaError("not enough memory");
        byte[] r = new byte[(int) total];
        for (int i = 0; i < n; i++) System.arraycopy(s, 0, r, i * s.length, s.length);
        return Lua.one(LuaString.wrap(r));
    }

    private static Object[] byte_(LuaState L, Object[] args) {
        byte[] s = L.checkString(args, 1).bytes;
        long l = s.length;
        long posi = posrelat(optInteger(L, args, 2, 1), l);
        long pose = posrelat(optInteger(L, args, 3, posi), l);
        if (posi <= 0) posi = 1;
        if (pose > l) pose = l;
        if (posi > pose) return Lua.NONE;
        int n = (int) (pose - posi + 1);
        if (n + args.length > MAX_C_STACK) throw L.error("stack overflow (string slice too long)");
        Object[] r = new Object[n];
        for (int i = 0; i < n; i++) r[i] = (double) (s[(int) posi - 1 + i] & 0xff);
        return r;
    }

    private static Object[] char_(LuaState L, Object[] args) {
        byte[] r = new byte[args.length];
        for (int i = 1; i <= args.length; i++) {
            int c = checkInt(L, args, i);
            if ((c & 0xff) != c) throw L.argError(i, "invalid value");
            r[i - 1] = (byte) c;
        }
        return Lua.one(LuaString.wrap(r));
    }

    private static Object[] dump(LuaState L, Object[] args) {
        if (args.length < 1 || !(args[0] instanceof LuaFunction)) throw L.typeError(args, 1, "function");
        // Real Lua dumps a Lua function's bytecode, which this interpreter does not have.
        throw L.error("unable to dump given function");
    }

    // ---- pattern functions ----

    /** Whether a pattern (as a C string: up to its first zero) has no magic characters. */
    private static boolean noSpecials(byte[] p) {
        for (byte b : p) {
            if (b == 0) return true;
            if (SPECIALS.indexOf(b) >= 0) return false;
        }
        return true;
    }

    /** The first occurrence of p in s at or after from, or -1. */
    private static int find(byte[] s, int from, byte[] p) {
        if (p.length == 0) return from;
        if (p.length > s.length - from) return -1;
        byte first = p[0];
        int last = s.length - p.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (s[i] != first) continue;
            for (int k = 1; k < p.length; k++) {
                if (s[i + k] != p[k]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** string.find (find true) and string.match. */
    private static Object[] findAux(LuaState L, Object[] args, boolean find) {
        byte[] s = L.checkString(args, 1).bytes;
        byte[] p = L.checkString(args, 2).bytes;
        long init = posrelat(optInteger(L, args, 3, 1), s.length) - 1;
        if (init < 0) init = 0;
        else if (init > s.length) init = s.length;
        if (find && ((args.length >= 4 && Lua.isTrue(args[3])) || noSpecials(p))) {
            int at = find(s, (int) init, p);
            if (at >= 0) return new Object[] {(double) (at + 1), (double) (at + p.length)};
        } else {
            LuaPattern m = new LuaPattern(L, s, p);
            boolean anchor = p.length > 0 && p[0] == '^';
            int pstart = anchor ? 1 : 0;
            int s1 = (int) init;
            do {
                int e = m.attempt(s1, pstart);
                if (e >= 0) {
                    if (!find) return m.captures(s1, e, true);
                    Object[] caps = m.captures(s1, e, false);
                    Object[] r = new Object[2 + caps.length];
                    r[0] = (double) (s1 + 1);
                    r[1] = (double) e;
                    System.arraycopy(caps, 0, r, 2, caps.length);
                    return r;
                }
            } while (s1++ < m.srcEnd && !anchor);
        }
        return new Object[] {null};
    }

    private static Object[] gmatch(LuaState L, Object[] args) {
        byte[] s = L.checkString(args, 1).bytes;
        byte[] p = L.checkString(args, 2).bytes;
        return Lua.one(new GmatchIterator(s, p));
    }

    /** The iterator gmatch returns; in 5.1 a leading '^' is an ordinary character here. */
    private static final class GmatchIterator extends LuaFunction {
        private final byte[] s;
        private final byte[] p;
        private int pos;

        GmatchIterator(byte[] s, byte[] p) {
            this.s = s;
            this.p = p;
        }

        @Override
        public Object[] call(LuaState L, Object[] args) {
            LuaPattern m = new LuaPattern(L, s, p);
            for (int src = pos; src <= s.length; src++) {
                int e = m.attempt(src, 0);
                if (e >= 0) {
                    // an empty match moves on by one, so the loop ends
                    pos = e == src ? e + 1 : e;
                    return m.captures(src, e, true);
                }
            }
            pos = s.length + 1;
            return Lua.NONE;
        }
    }

    private static Object[] gsub(LuaState L, Object[] args) {
        byte[] src = L.checkString(args, 1).bytes;
        byte[] p = L.checkString(args, 2).bytes;
        Object repl = args.length >= 3 ? args[2] : null;
        int maxN = optInt(L, args, 4, src.length + 1);
        if (!(repl instanceof Double || repl instanceof LuaString || repl instanceof LuaTable || repl instanceof LuaFunction)) {
            throw L.argError(3, "string/function/table expected");
        }
        byte[] replBytes = repl instanceof LuaTable || repl instanceof LuaFunction ? null : Lua.toLuaString(repl).bytes;
        boolean anchor = p.length > 0 && p[0] == '^';
        int pstart = anchor ? 1 : 0;
        LuaPattern m = new LuaPattern(L, src, p);
        ByteBuilder b = new ByteBuilder(src.length);
        int s = 0;
        int n = 0;
        while (n < maxN) {
            int e = m.attempt(s, pstart);
            if (e >= 0) {
                n++;
                if (replBytes != null) addString(L, m, b, s, e, replBytes);
                else addValue(L, m, b, s, e, repl);
            }
            if (e >= 0 && e > s) s = e;
            else if (s < src.length) b.append(src[s++]);
            else break;
            if (anchor) break;
        }
        b.append(src, s, src.length);
        return new Object[] {b.toLuaString(), (double) n};
    }

    /** A replacement string: %0-%9 insert captures, % before anything else inserts that byte. */
    private static void addString(LuaState L, LuaPattern m, ByteBuilder b, int s, int e, byte[] r) {
        for (int i = 0; i < r.length; i++) {
            byte c = r[i];
            if (c != '%') {
                b.append(c);
                continue;
            }
            i++;
            // a trailing '%' reads the C terminator and inserts a zero byte
            int d = i < r.length ? r[i] & 0xff : 0;
            if (d < '0' || d > '9') {
                b.append(d);
            } else if (d == '0') {
                b.append(m.src, s, e);
            } else {
                Object v = m.capture(d - '1', s, e);
                b.append(Lua.toLuaString(v).bytes);
            }
        }
    }

    /** A replacement table or function; false or nil keeps the matched text. */
    private static void addValue(LuaState L, LuaPattern m, ByteBuilder b, int s, int e, Object repl) {
        Object v;
        if (repl instanceof LuaFunction) {
            v = Lua.first(L.call(repl, m.captures(s, e, true)));
        } else {
            v = L.index(repl, m.capture(0, s, e));
        }
        if (!Lua.isTrue(v)) {
            b.append(m.src, s, e);
            return;
        }
        LuaString str = Lua.toLuaString(v);
        if (str == null) throw L.error("invalid replacement value (a " + Lua.typeName(v) + ")");
        b.append(str.bytes);
    }
}
