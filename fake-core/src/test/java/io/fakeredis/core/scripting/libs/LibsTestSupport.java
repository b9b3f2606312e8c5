package io.fakeredis.core.scripting.libs;

import io.fakeredis.core.scripting.lua.LuaFunction;
import io.fakeredis.core.scripting.lua.LuaState;
import io.fakeredis.core.scripting.lua.LuaString;
import io.fakeredis.core.scripting.lua.LuaTable;
import java.nio.charset.StandardCharsets;

/** Calls library functions straight from Java, without the interpreter. */
final class LibsTestSupport {
    private LibsTestSupport() {}

    static Object[] call(LuaState L, LuaTable lib, String name, Object... args) {
        L.callName = name;
        L.callNameWhat = "field";
        return ((LuaFunction) lib.get(name)).call(L, args);
    }

    static LuaString s(String text) {
        return LuaString.latin1(text);
    }

    static LuaString bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return LuaString.wrap(out);
    }

    static String text(Object v) {
        return new String(((LuaString) v).bytes, StandardCharsets.ISO_8859_1);
    }

    static LuaTable list(Object... items) {
        LuaTable t = new LuaTable();
        for (int i = 0; i < items.length; i++) t.put(i + 1, items[i]);
        return t;
    }
}
