package io.fakeredis.core.scripting.lua;

/** One activation of a Lua function: its local slots, varargs and current line. */
final class Frame {
    static final int NORMAL = 0, BREAK = 1, RETURN = 2, TAILCALL = 3;

    final LuaState L;
    final LuaClosure cl;
    final Object[] slots;
    Object[] varargs = Lua.NONE;
    int line;
    /** Results of a return statement. */
    Object[] ret = Lua.NONE;
    /** A pending tail call to a Lua closure. */
    LuaClosure tailFn;
    Object[] tailArgs;

    Frame(LuaState L, LuaClosure cl, Object[] slots) {
        this.L = L;
        this.cl = cl;
        this.slots = slots;
    }

    LuaError error(int line, String msg) {
        return new LuaError(LuaString.latin1(cl.proto.chunkId + ":" + line + ": " + msg));
    }
}
