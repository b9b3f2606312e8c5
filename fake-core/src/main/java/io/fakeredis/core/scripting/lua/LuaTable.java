package io.fakeredis.core.scripting.lua;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Lua table. PLACEHOLDER: a plain map, to be replaced by Lua 5.1's array part plus hash part
 * (ltable.c), whose layout decides the order of next/pairs and the border # returns.
 *
 * <p>Keys: any value but nil and NaN (callers check, see {@link LuaState#rawset}); a Double key
 * with an integral value is the same key as that integer.
 */
public final class LuaTable {
    public LuaTable metatable;
    private final LinkedHashMap<Object, Object> map = new LinkedHashMap<>();

    public LuaTable() {}

    /** Pre-sized as lua_createtable(narray, nhash). */
    public LuaTable(int narray, int nhash) {}

    /** Raw get; nil (null) when absent. */
    public Object get(Object key) {
        return key == null ? null : map.get(key);
    }

    public Object get(int i) {
        return map.get((double) i);
    }

    /** Key as the UTF-8 LuaString of s. */
    public Object get(String s) {
        return map.get(LuaString.of(s));
    }

    /** Raw set; value nil removes. key must not be nil or NaN. */
    public void put(Object key, Object value) {
        if (value == null) map.remove(key);
        else map.put(key, value);
    }

    public void put(int i, Object value) {
        put((double) i, value);
    }

    public void put(String s, Object value) {
        put(LuaString.of(s), value);
    }

    /** The length operator without metamethods (luaH_getn): a border. */
    public int length() {
        int n = 0;
        while (map.containsKey((double) (n + 1))) n++;
        return n;
    }

    /**
     * next(): the entry after key (nil: the first). Stores key and value in out[0], out[1] and
     * returns true, or returns false at the end. Throws LuaError("invalid key to 'next'") for a
     * key that is not in the table.
     */
    public boolean next(Object key, Object[] out) {
        boolean found = key == null;
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            if (found) {
                out[0] = e.getKey();
                out[1] = e.getValue();
                return true;
            }
            if (e.getKey().equals(key)) found = true;
        }
        if (!found) throw new LuaError("invalid key to 'next'");
        return false;
    }
}
