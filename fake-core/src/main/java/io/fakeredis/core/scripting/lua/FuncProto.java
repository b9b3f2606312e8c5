package io.fakeredis.core.scripting.lua;

/** A compiled Lua function: what each closure of it shares. */
final class FuncProto {
    final String chunkId;
    final int lineDefined;
    VarInfo[] params;
    boolean isVararg;
    /** Lua 5.1's compatibility local 'arg' of vararg functions, filled when the body never uses '...'. */
    VarInfo argVar;
    boolean needsArg;
    int maxSlots;
    Nodes.Block body;
    /** Per upvalue: from the enclosing function's local slot (true) or its upvalue (false). */
    boolean[] upFromLocal;
    int[] upIndex;
    LuaString[] upNames;

    FuncProto(String chunkId, int lineDefined) {
        this.chunkId = chunkId;
        this.lineDefined = lineDefined;
    }
}
