package io.fakeredis.core.scripting.lua;

/**
 * A Lua error in flight. The value is what error() was called with (any Lua value); errors the
 * VM raises carry a LuaString that already starts with "chunk:line: ".
 */
public final class LuaError extends RuntimeException {
    public final Object value;

    public LuaError(Object value) {
        super(null, null, false, false);
        this.value = value;
    }

    /** A message error (already positioned if it should be). */
    public LuaError(String message) {
        this(LuaString.of(message));
    }

    @Override
    public String getMessage() {
        return value instanceof LuaString ? value.toString() : "(error object is a " + Lua.typeName(value) + " value)";
    }
}
