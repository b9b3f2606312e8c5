package io.fakeredis.core.scripting.lua;

import java.io.ByteArrayOutputStream;

/** Lua 5.1's base library (lbaselib.c), with its argument checks and messages. */
final class BaseLib {
    private BaseLib() {}

    private static final LuaString[] GC_OPTIONS = {LuaString.of("stop"), LuaString.of("restart"), LuaString.of("collect"),
        LuaString.of("count"), LuaString.of("step"), LuaString.of("setpause"), LuaString.of("setstepmul")};

    static void open(LuaState L) {
        LuaTable g = L.globals;
        g.put("_G", g);
        g.put("_VERSION", LuaString.of("Lua 5.1"));
        g.put("assert", Builtin.of(BaseLib::assertFn));
        g.put("collectgarbage", Builtin.of(BaseLib::collectgarbage));
        g.put("error", Builtin.of(BaseLib::error));
        g.put("gcinfo", Builtin.of((l, a) -> new Object[] {(double) usedKb()}));
        g.put("getmetatable", Builtin.of(BaseLib::getmetatable));
        LuaFunction ipairsAux = Builtin.of(BaseLib::ipairsAux);
        g.put("ipairs", Builtin.of((l, a) -> new Object[] {ipairsAux, l.checkTable(a, 1), 0.0}));
        g.put("load", Builtin.of(BaseLib::load));
        g.put("loadstring", Builtin.of(BaseLib::loadstring));
        LuaFunction next = Builtin.of(BaseLib::next);
        g.put("next", next);
        g.put("pairs", Builtin.of((l, a) -> new Object[] {next, l.checkTable(a, 1), null}));
        g.put("pcall", Builtin.of(BaseLib::pcall));
        g.put("rawequal", Builtin.of((l, a) -> {
            l.checkAny(a, 1);
            l.checkAny(a, 2);
            return new Object[] {LuaState.rawEquals(a[0], a[1])};
        }));
        g.put("rawget", Builtin.of((l, a) -> {
            LuaTable t = l.checkTable(a, 1);
            l.checkAny(a, 2);
            return new Object[] {t.get(a[1])};
        }));
        g.put("rawset", Builtin.of((l, a) -> {
            LuaTable t = l.checkTable(a, 1);
            l.checkAny(a, 2);
            l.checkAny(a, 3);
            l.rawset(t, a[1], a[2]);
            return new Object[] {t};
        }));
        g.put("select", Builtin.of(BaseLib::select));
        g.put("setmetatable", Builtin.of(BaseLib::setmetatable));
        g.put("tonumber", Builtin.of(BaseLib::tonumber));
        g.put("tostring", Builtin.of(BaseLib::tostring));
        g.put("type", Builtin.of((l, a) -> {
            l.checkAny(a, 1);
            return new Object[] {LuaString.of(Lua.typeName(a[0]))};
        }));
        g.put("unpack", Builtin.of(BaseLib::unpack));
        g.put("xpcall", Builtin.of(BaseLib::xpcall));
    }

    private static long usedKb() {
        Runtime rt = Runtime.getRuntime();
        return Math.max(1, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static Object[] assertFn(LuaState L, Object[] a) {
        L.checkAny(a, 1);
        if (!Lua.isTrue(a[0])) {
            LuaString msg = L.optString(a, 2, LuaString.of("assertion failed!"));
            throw L.error(msg.latin1());
        }
        return a;
    }

    private static Object[] collectgarbage(LuaState L, Object[] a) {
        LuaString opt = L.optString(a, 1, GC_OPTIONS[2]);
        int o = -1;
        for (int i = 0; i < GC_OPTIONS.length; i++) {
            if (GC_OPTIONS[i].equals(opt)) o = i;
        }
        if (o < 0) throw L.argError(1, "invalid option '" + opt.latin1() + "'");
        L.optInt(a, 2, 0);
        switch (o) {
            case 3: {
                Runtime rt = Runtime.getRuntime();
                return new Object[] {(double) ((rt.totalMemory() - rt.freeMemory()) >> 10) / 1.0};
            }
            case 4:
                return new Object[] {Boolean.FALSE};
            case 5:
            case 6:
                return new Object[] {200.0};
            default:
                return new Object[] {0.0};
        }
    }

    private static Object[] error(LuaState L, Object[] a) {
        int level = L.optInt(a, 2, 1);
        Object v = a.length > 0 ? a[0] : null;
        if ((v instanceof LuaString || v instanceof Double) && level > 0) {
            v = LuaString.latin1(L.where(level) + Lua.toLuaString(v).latin1());
        }
        throw new LuaError(v);
    }

    private static Object[] getmetatable(LuaState L, Object[] a) {
        L.checkAny(a, 1);
        LuaTable mt = L.getMetatable(a[0]);
        if (mt == null) return new Object[] {null};
        Object protectedValue = mt.get(LuaState.METATABLE);
        return new Object[] {protectedValue != null ? protectedValue : mt};
    }

    private static Object[] ipairsAux(LuaState L, Object[] a) {
        LuaTable t = L.checkTable(a, 1);
        int i = L.checkInt(a, 2) + 1;
        Object v = t.get(i);
        return v == null ? Lua.NONE : new Object[] {(double) i, v};
    }

    private static Object[] compile(LuaState L, byte[] src, String chunkName) {
        try {
            return new Object[] {L.load(src, chunkName, L.globals)};
        } catch (LuaError e) {
            return new Object[] {null, e.value};
        }
    }

    private static Object[] load(LuaState L, Object[] a) {
        LuaString name = L.optString(a, 2, LuaString.of("=(load)"));
        if (a.length == 0 || !(a[0] instanceof LuaFunction)) throw L.typeError(a, 1, "function");
        ByteArrayOutputStream src = new ByteArrayOutputStream();
        for (;;) {
            Object[] r = L.call(a[0]);
            Object piece = r.length == 0 ? null : r[0];
            if (piece == null) break;
            LuaString s = Lua.toLuaString(piece);
            if (s == null) return new Object[] {null, LuaString.of("reader function must return a string")};
            if (s.length() == 0) break;
            src.write(s.bytes, 0, s.length());
        }
        return compile(L, src.toByteArray(), name.latin1());
    }

    private static Object[] loadstring(LuaState L, Object[] a) {
        LuaString s = L.checkString(a, 1);
        LuaString name = L.optString(a, 2, s);
        return compile(L, s.bytes, name.latin1());
    }

    private static Object[] next(LuaState L, Object[] a) {
        LuaTable t = L.checkTable(a, 1);
        Object[] out = new Object[2];
        if (t.next(a.length > 1 ? a[1] : null, out)) return out;
        return new Object[] {null};
    }

    private static Object[] pcall(LuaState L, Object[] a) {
        // Redis's Lua answers pcall() so, whatever the context (read from Redis 7.0.15)
        if (a.length == 0) return new Object[] {Boolean.FALSE, LuaString.of("attempt to call a boolean value")};
        Object[] args = new Object[a.length - 1];
        System.arraycopy(a, 1, args, 0, args.length);
        CallStack cs = L.cs;
        int top = cs.top;
        try {
            Object[] r = L.call(a[0], args);
            Object[] out = new Object[r.length + 1];
            out[0] = Boolean.TRUE;
            System.arraycopy(r, 0, out, 1, r.length);
            return out;
        } catch (LuaError e) {
            cs.top = top;
            return new Object[] {Boolean.FALSE, e.value};
        } catch (StackOverflowError e) {
            cs.top = top;
            return new Object[] {Boolean.FALSE, LuaString.of("stack overflow")};
        }
    }

    private static Object[] xpcall(LuaState L, Object[] a) {
        L.checkAny(a, 2);
        CallStack cs = L.cs;
        int top = cs.top;
        try {
            Object[] r = L.call(a[0]);
            Object[] out = new Object[r.length + 1];
            out[0] = Boolean.TRUE;
            System.arraycopy(r, 0, out, 1, r.length);
            return out;
        } catch (LuaError e) {
            cs.top = top;
            Object handler = a[1];
            if (!(handler instanceof LuaFunction)) return new Object[] {Boolean.FALSE, LuaString.of("error in error handling")};
            try {
                Object[] h = L.call(handler, e.value);
                return new Object[] {Boolean.FALSE, h.length == 0 ? null : h[0]};
            } catch (LuaError e2) {
                cs.top = top;
                return new Object[] {Boolean.FALSE, LuaString.of("error in error handling")};
            }
        }
    }

    private static Object[] select(LuaState L, Object[] a) {
        int n = a.length;
        if (n > 0 && a[0] instanceof LuaString && ((LuaString) a[0]).length() > 0 && ((LuaString) a[0]).bytes[0] == '#') {
            return new Object[] {(double) (n - 1)};
        }
        int i = L.checkInt(a, 1);
        if (i < 0) i = n + i;
        else if (i > n) i = n;
        if (i < 1) throw L.argError(1, "index out of range");
        Object[] r = new Object[n - i];
        System.arraycopy(a, i, r, 0, r.length);
        return r;
    }

    private static Object[] setmetatable(LuaState L, Object[] a) {
        Object mt = a.length > 1 ? a[1] : null;
        LuaTable t = L.checkTable(a, 1);
        if (a.length < 2 || !(mt == null || mt instanceof LuaTable)) throw L.argError(2, "nil or table expected");
        if (t.metatable != null && t.metatable.get(LuaState.METATABLE) != null) throw L.error("cannot change a protected metatable");
        if (t.readonly) throw new LuaError("Attempt to modify a readonly table");
        t.metatable = (LuaTable) mt;
        return new Object[] {t};
    }

    private static Object[] tonumber(LuaState L, Object[] a) {
        int base = L.optInt(a, 2, 10);
        if (base == 10) {
            L.checkAny(a, 1);
            return new Object[] {Lua.toNumber(a[0])};
        }
        LuaString s = L.checkString(a, 1);
        if (base < 2 || base > 36) throw L.argError(2, "base out of range");
        return new Object[] {strtoul(s.bytes, base)};
    }

    /** strtoul(s, &amp;end, base) that must consume the whole string but trailing spaces; else nil. */
    private static Double strtoul(byte[] s, int base) {
        int i = 0, n = s.length;
        while (i < n && Lua.isSpace(s[i])) i++;
        boolean neg = false;
        if (i < n && (s[i] == '+' || s[i] == '-')) {
            neg = s[i] == '-';
            i++;
        }
        if (base == 16 && i + 1 < n && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')
                && i + 2 < n && Character.digit(s[i + 2], 16) >= 0) {
            i += 2;
        }
        java.math.BigInteger v = java.math.BigInteger.ZERO;
        java.math.BigInteger b = java.math.BigInteger.valueOf(base);
        int start = i;
        while (i < n) {
            int d = Character.digit((char) (s[i] & 0xff), base);
            if (d < 0) break;
            v = v.multiply(b).add(java.math.BigInteger.valueOf(d));
            i++;
        }
        if (i == start) return null;
        while (i < n && Lua.isSpace(s[i])) i++;
        if (i != n) return null;
        java.math.BigInteger max = java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE);
        if (v.compareTo(max) > 0) v = max;
        else if (neg) v = java.math.BigInteger.ONE.shiftLeft(64).subtract(v).and(max);
        return v.doubleValue();
    }

    private static Object[] tostring(LuaState L, Object[] a) {
        L.checkAny(a, 1);
        Object v = a[0];
        Object h = L.metaField(v, LuaState.TOSTRING);
        if (h != null) {
            Object[] r = L.call(h, v);
            return new Object[] {r.length == 0 ? null : r[0]};
        }
        return new Object[] {LuaState.rawToString(v)};
    }

    private static Object[] unpack(LuaState L, Object[] a) {
        LuaTable t = L.checkTable(a, 1);
        int i = L.optInt(a, 2, 1);
        int e = a.length > 2 && a[2] != null ? L.checkInt(a, 3) : t.length();
        if (i > e) return Lua.NONE;
        long n = (long) e - i + 1;
        if (n <= 0 || n + a.length > 8000) throw L.error("too many results to unpack");
        Object[] r = new Object[(int) n];
        for (int k = 0; k < n; k++) r[k] = t.get(i + k);
        return r;
    }
}
