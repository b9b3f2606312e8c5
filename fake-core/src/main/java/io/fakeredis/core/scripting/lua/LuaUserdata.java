package io.fakeredis.core.scripting.lua;

/** A light userdata-like value (cjson.null): type() says "userdata". */
public final class LuaUserdata {
    public final String label;
    public LuaTable metatable;

    public LuaUserdata(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
