package io.fakeredis.core.scripting.lua;

/**
 * One Lua 5.1 interpreter state: globals, the string metatable, the call stack that error
 * positions are read from, and the instruction hook. Not thread-safe: one thread at a time (the
 * engine lock holder).
 *
 * <p>SKELETON: the interpreter helper replaces the bodies; the signatures are the contract the
 * libraries code against.
 */
public final class LuaState {
    /** The global table (_G). */
    public final LuaTable globals = new LuaTable();
    /**
     * How the call site names the builtin being called ("sub") and how ("global", "local",
     * "method", "field", "upvalue", or null): set by the interpreter before each call of a
     * LuaFunction that is not a Lua closure, read by argError.
     */
    public String callName;
    public String callNameWhat;

    /** The metatable every string shares ({__index = string}), so s:sub() works. */
    public LuaTable stringMetatable;

    /** Compiles a chunk. A syntax error throws LuaError whose message is Lua's, e.g. "user_script:1: unexpected symbol near '&lt;eof&gt;'". */
    public LuaFunction load(byte[] source, String chunkName) {
        throw new UnsupportedOperationException();
    }

    /** Calls any callable value (functions, or values whose metatable has __call). */
    public Object[] call(Object fn, Object... args) {
        throw new UnsupportedOperationException();
    }

    /** t[k] with __index. */
    public Object index(Object t, Object k) {
        throw new UnsupportedOperationException();
    }

    /** t[k] = v with __newindex. */
    public void setIndex(Object t, Object k, Object v) {
        throw new UnsupportedOperationException();
    }

    /** rawset with Lua's checks: "table index is nil" / "table index is NaN" (positioned). */
    public void rawset(LuaTable t, Object k, Object v) {
        throw new UnsupportedOperationException();
    }

    /** tostring(): __tostring, or the default text ("table: 0x...", numbers as %.14g). */
    public LuaString tostring(Object v) {
        throw new UnsupportedOperationException();
    }

    /** a == b with __eq. */
    public boolean equals(Object a, Object b) {
        throw new UnsupportedOperationException();
    }

    /** a &lt; b with __lt, or Lua's "attempt to compare ..." error. */
    public boolean lessThan(Object a, Object b) {
        throw new UnsupportedOperationException();
    }

    /** The metatable of any value (strings share stringMetatable), or null. */
    public LuaTable getMetatable(Object v) {
        throw new UnsupportedOperationException();
    }

    /** luaL_where(level): "chunk:line: " of the Lua function at that level, or "". */
    public String where(int level) {
        throw new UnsupportedOperationException();
    }

    /** luaL_error: an error whose message starts with where(1). */
    public LuaError error(String message) {
        return new LuaError(where(1) + message);
    }

    /**
     * luaL_argerror for the builtin being called: "bad argument #n to 'name' (extra)", named as
     * the call site names it, with Lua's method adjustments ("calling 'x' on bad self").
     */
    public LuaError argError(int narg, String extra) {
        String name = callName;
        if ("method".equals(callNameWhat)) {
            narg--;
            if (narg == 0) return error("calling '" + name + "' on bad self (" + extra + ")");
        }
        if (name == null) name = "?";
        return error("bad argument #" + narg + " to '" + name + "' (" + extra + ")");
    }

    /** luaL_typerror: argError(narg, "tname expected, got <type or 'no value'>"). */
    public LuaError typeError(Object[] args, int narg, String tname) {
        String got = narg <= args.length ? Lua.typeName(args[narg - 1]) : "no value";
        return argError(narg, tname + " expected, got " + got);
    }

    // ---- luaL_check* / luaL_opt* (narg is 1-based, as in Lua) ----

    public Object checkAny(Object[] args, int narg) {
        if (narg > args.length) throw argError(narg, "value expected");
        return args[narg - 1];
    }

    public LuaString checkString(Object[] args, int narg) {
        LuaString s = narg <= args.length ? Lua.toLuaString(args[narg - 1]) : null;
        if (s == null) throw typeError(args, narg, "string");
        return s;
    }

    public double checkNumber(Object[] args, int narg) {
        Double d = narg <= args.length ? Lua.toNumber(args[narg - 1]) : null;
        if (d == null) throw typeError(args, narg, "number");
        return d;
    }

    /** luaL_checkint: the number truncated toward zero, as (int) lua_Number. */
    public int checkInt(Object[] args, int narg) {
        return (int) (long) checkNumber(args, narg);
    }

    public LuaTable checkTable(Object[] args, int narg) {
        if (narg <= args.length && args[narg - 1] instanceof LuaTable) return (LuaTable) args[narg - 1];
        throw typeError(args, narg, "table");
    }

    public LuaString optString(Object[] args, int narg, LuaString def) {
        return narg > args.length || args[narg - 1] == null ? def : checkString(args, narg);
    }

    public double optNumber(Object[] args, int narg, double def) {
        return narg > args.length || args[narg - 1] == null ? def : checkNumber(args, narg);
    }

    public int optInt(Object[] args, int narg, int def) {
        return narg > args.length || args[narg - 1] == null ? def : checkInt(args, narg);
    }

    /**
     * Runs every after this many VM instructions (Lua's count hook); null for none. The hook may
     * throw LuaError to stop the script (SCRIPT KILL).
     */
    public void setHook(Runnable every, int count) {
        throw new UnsupportedOperationException();
    }
}
