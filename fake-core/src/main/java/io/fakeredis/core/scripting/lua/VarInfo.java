package io.fakeredis.core.scripting.lua;

/** A local variable as the compiler sees it: its slot, and whether a closure captures it. */
final class VarInfo {
    final LuaString name;
    final int slot;
    boolean captured;

    VarInfo(LuaString name, int slot) {
        this.name = name;
        this.slot = slot;
    }
}
