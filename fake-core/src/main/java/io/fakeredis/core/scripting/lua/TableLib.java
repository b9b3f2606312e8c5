package io.fakeredis.core.scripting.lua;

import java.io.ByteArrayOutputStream;

/**
 * Lua 5.1's table library as Redis 7.0 ships it (ltablib.c behaviour and error texts): concat,
 * foreach, foreachi, getn, insert, maxn, remove, setn, sort.
 *
 * <p>{@link #install(LuaState)} builds the table, stores it as the global {@code table} and
 * returns it. Lengths are raw borders (luaL_getn is lua_objlen: no __len), reads and writes are raw.
 */
public final class TableLib {
    private TableLib() {}

    public static LuaTable install(LuaState L) {
        LuaTable t = LuaTable.createTable(0, 9);
        t.put("concat", LuaFunction.of(TableLib::concat));
        t.put("foreach", LuaFunction.of(TableLib::foreach));
        t.put("foreachi", LuaFunction.of(TableLib::foreachi));
        t.put("getn", LuaFunction.of(TableLib::getn));
        t.put("insert", LuaFunction.of(TableLib::insert));
        t.put("maxn", LuaFunction.of(TableLib::maxn));
        t.put("remove", LuaFunction.of(TableLib::remove));
        t.put("setn", LuaFunction.of(TableLib::setn));
        t.put("sort", LuaFunction.of(TableLib::sort));
        L.globals.put("table", t);
        return t;
    }

    /** luaL_checktype(L, n, LUA_TFUNCTION). */
    private static Object checkFunction(LuaState L, Object[] a, int n) {
        if (n <= a.length && a[n - 1] instanceof LuaFunction) return a[n - 1];
        throw L.typeError(a, n, "function");
    }

    static Object[] concat(LuaState L, Object[] a) {
        LuaString sep = L.optString(a, 2, LuaString.EMPTY);
        LuaTable t = L.checkTable(a, 1);
        int i = L.optInt(a, 3, 1);
        int last = a.length < 4 || a[3] == null ? t.length() : L.checkInt(a, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (; i < last; i++) {
            addField(L, out, t, i);
            out.write(sep.bytes, 0, sep.bytes.length);
        }
        if (i == last) addField(L, out, t, i);
        return Lua.one(LuaString.wrap(out.toByteArray()));
    }

    private static void addField(LuaState L, ByteArrayOutputStream out, LuaTable t, int i) {
        Object v = t.get(i);
        LuaString s = Lua.toLuaString(v);
        // Redis's Lua names the type: Lua 5.1.5 says "invalid value (at index %d) ..."
        if (s == null) throw L.error("invalid value (" + Lua.typeName(v) + ") at index " + i + " in table for 'concat'");
        out.write(s.bytes, 0, s.bytes.length);
    }

    static Object[] foreach(LuaState L, Object[] a) {
        LuaTable t = L.checkTable(a, 1);
        Object fn = checkFunction(L, a, 2);
        Object[] kv = new Object[2];
        for (Object k = null; t.next(k, kv); ) {
            k = kv[0];
            Object r = Lua.first(L.call(fn, k, kv[1]));
            if (r != null) return Lua.one(r);
        }
        return Lua.NONE;
    }

    static Object[] foreachi(LuaState L, Object[] a) {
        LuaTable t = L.checkTable(a, 1);
        int n = t.length();
        Object fn = checkFunction(L, a, 2);
        for (int i = 1; i <= n; i++) {
            Object r = Lua.first(L.call(fn, (double) i, t.get(i)));
            if (r != null) return Lua.one(r);
        }
        return Lua.NONE;
    }

    static Object[] getn(LuaState L, Object[] a) {
        return Lua.one((double) L.checkTable(a, 1).length());
    }

    static Object[] setn(LuaState L, Object[] a) {
        L.checkTable(a, 1);
        throw L.error("'setn' is obsolete");
    }

    static Object[] maxn(LuaState L, Object[] a) {
        LuaTable t = L.checkTable(a, 1);
        double max = 0;
        Object[] kv = new Object[2];
        for (Object k = null; t.next(k, kv); ) {
            k = kv[0];
            if (k instanceof Double && (Double) k > max) max = (Double) k;
        }
        return Lua.one(max);
    }

    static Object[] insert(LuaState L, Object[] a) {
        LuaTable t = L.checkTable(a, 1);
        int e = t.length() + 1; // first empty slot
        int pos;
        switch (a.length) {
            case 2:
                pos = e;
                break;
            case 3:
                pos = L.checkInt(a, 2);
                if (pos > e) e = pos; // inserting past the end grows the range
                for (int i = e; i > pos; i--) t.put(i, t.get(i - 1));
                break;
            default:
                throw L.error("wrong number of arguments to 'insert'");
        }
        t.put(pos, a[a.length - 1]);
        return Lua.NONE;
    }

    static Object[] remove(LuaState L, Object[] a) {
        LuaTable t = L.checkTable(a, 1);
        int e = t.length();
        int pos = L.optInt(a, 2, e);
        if (!(1 <= pos && pos <= e)) return Lua.NONE;
        Object removed = t.get(pos);
        for (; pos < e; pos++) t.put(pos, t.get(pos + 1));
        t.put(e, null);
        return Lua.one(removed);
    }

    static Object[] sort(LuaState L, Object[] a) {
        LuaTable t = L.checkTable(a, 1);
        int n = t.length();
        Object cmp = null;
        if (a.length >= 2 && a[1] != null) cmp = checkFunction(L, a, 2);
        new Sorter(L, t, cmp).sort(1, n);
        return Lua.NONE;
    }

    /**
     * Lua 5.1's auxsort: quicksort with a median of three, the pivot parked at u-1, and recursion
     * on the smaller part; kept step for step so that ties and inconsistent comparators end in
     * the same order (or the same error) as in Redis.
     */
    private static final class Sorter {
        final LuaState L;
        final LuaTable t;
        final Object cmp;

        Sorter(LuaState L, LuaTable t, Object cmp) {
            this.L = L;
            this.t = t;
            this.cmp = cmp;
        }

        boolean less(Object x, Object y) {
            if (cmp == null) return L.lessThan(x, y);
            return Lua.isTrue(Lua.first(L.call(cmp, x, y)));
        }

        void swap(int i, int j) {
            Object x = t.get(i);
            t.put(i, t.get(j));
            t.put(j, x);
        }

        void sort(int l, int u) {
            while (l < u) {
                // order a[l], a[(l+u)/2], a[u]
                Object al = t.get(l), au = t.get(u);
                if (less(au, al)) {
                    t.put(l, au);
                    t.put(u, al);
                }
                if (u - l == 1) break;
                int i = (l + u) / 2;
                Object ai = t.get(i);
                al = t.get(l);
                if (less(ai, al)) {
                    t.put(i, al);
                    t.put(l, ai);
                } else {
                    au = t.get(u);
                    if (less(au, ai)) {
                        t.put(i, au);
                        t.put(u, ai);
                    }
                }
                if (u - l == 2) break;
                Object pivot = t.get(i);
                t.put(i, t.get(u - 1));
                t.put(u - 1, pivot);
                // a[l] <= P == a[u-1] <= a[u]: partition l+1..u-2
                i = l;
                int j = u - 1;
                for (;;) {
                    Object x;
                    while (less(x = t.get(++i), pivot)) {
                        if (i > u) throw L.error("invalid order function for sorting");
                    }
                    Object y;
                    while (less(pivot, y = t.get(--j))) {
                        if (j < l) throw L.error("invalid order function for sorting");
                    }
                    if (j < i) break;
                    t.put(i, y);
                    t.put(j, x);
                }
                swap(u - 1, i);
                // recurse into the smaller part, loop on the larger one
                if (i - l < u - i) {
                    j = l;
                    i = i - 1;
                    l = i + 2;
                } else {
                    j = i + 1;
                    i = u;
                    u = j - 2;
                }
                sort(j, i);
            }
        }
    }
}
