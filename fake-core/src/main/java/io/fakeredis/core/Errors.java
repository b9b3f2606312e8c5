package io.fakeredis.core;

/** Redis's exact error texts, shared so that every command says them the same way. */
public final class Errors {
    private Errors() {}

    public static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    public static final String SYNTAX = "ERR syntax error";
    public static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    public static final String NOT_FLOAT = "ERR value is not a valid float";
    public static final String NO_SUCH_KEY = "ERR no such key";
    public static final String DB_INDEX_OUT_OF_RANGE = "ERR DB index is out of range";
    public static final String INVALID_EXPIRE = "ERR invalid expire time in '%s' command";
    public static final String OVERFLOW = "ERR increment or decrement would overflow";
    public static final String NOAUTH = "NOAUTH Authentication required.";
    public static final String WRONGPASS = "WRONGPASS invalid username-password pair or user is disabled.";

    public static final RedisException wrongType = new RedisException(WRONGTYPE);
    public static final RedisException syntax = new RedisException(SYNTAX);
    public static final RedisException notInteger = new RedisException(NOT_INTEGER);
    public static final RedisException notFloat = new RedisException(NOT_FLOAT);

    /** processCommand's refusal of a protected command (DEBUG, MODULE LOAD...) its option does not allow. */
    public static String notAllowed(io.fakeredis.core.command.Command cmd) {
        boolean debug = cmd.fullName.equals("debug");
        return "ERR " + (debug ? "DEBUG" : "MODULE") + " command not allowed. If the "
                + (debug ? "enable-debug-command" : "enable-module-command") + " option is set to \"local\", "
                + "you can run it from a local connection, otherwise you need to set this option in the "
                + "configuration file, and then restart the server.";
    }

    public static String wrongArgs(String fullName) {
        return "ERR wrong number of arguments for '" + fullName + "' command";
    }
}
