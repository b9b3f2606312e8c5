package io.fakeredis.core.scripting.runtime;

import io.fakeredis.core.scripting.LuaRuntime.Bridge;
import io.fakeredis.core.scripting.ScriptError;
import io.fakeredis.core.scripting.Scripting;
import io.fakeredis.core.scripting.lua.Lua;
import io.fakeredis.core.scripting.lua.LuaError;
import io.fakeredis.core.scripting.lua.LuaFunction;
import io.fakeredis.core.scripting.lua.LuaState;
import io.fakeredis.core.scripting.lua.LuaString;
import io.fakeredis.core.scripting.lua.LuaTable;
import io.fakeredis.core.util.Bytes;

/** The redis table scripts see: call, pcall, the reply helpers, log, setresp and the constants. */
final class RedisLib {
    private final VmRuntime runtime;

    RedisLib(VmRuntime runtime) {
        this.runtime = runtime;
    }

    private Bridge bridge() {
        return runtime.bridge;
    }

    LuaTable create(String version, int versionNum) {
        LuaTable r = new LuaTable();
        r.put("call", LuaFunction.of((L, a) -> call(L, a, true)));
        r.put("pcall", LuaFunction.of((L, a) -> call(L, a, false)));
        r.put("error_reply", LuaFunction.of((L, a) -> {
            if (a.length != 1 || !(a[0] instanceof LuaString)) return Lua.one(errorTable("wrong number or type of arguments"));
            LuaString s = (LuaString) a[0];
            return Lua.one(errorTable(s.length() > 0 && s.bytes[0] == '-' ? s.latin1() : "-" + s.latin1()));
        }));
        r.put("status_reply", LuaFunction.of((L, a) -> {
            if (a.length != 1 || !(a[0] instanceof LuaString)) return Lua.one(errorTable("wrong number or type of arguments"));
            LuaTable t = new LuaTable();
            t.put("ok", a[0]);
            return Lua.one(t);
        }));
        r.put("sha1hex", LuaFunction.of((L, a) -> {
            if (a.length != 1) throw runtime.raise(L, errorTable("wrong number of arguments"));
            LuaString s = Lua.toLuaString(a[0]);
            return Lua.one(LuaString.latin1(Scripting.sha1hex(s == null ? Bytes.EMPTY : s.bytes)));
        }));
        r.put("log", log());
        r.put("setresp", LuaFunction.of((L, a) -> {
            if (a.length != 1) throw runtime.raise(L, errorTable("redis.setresp() requires one argument."));
            Double d = Lua.toNumber(a[0]);
            int resp = d == null ? 0 : (int) (double) d;
            if (resp != 2 && resp != 3) throw runtime.raise(L, errorTable("RESP version must be 2 or 3."));
            bridge().setResp(resp);
            return Lua.NONE;
        }));
        r.put("set_repl", LuaFunction.of((L, a) -> {
            if (a.length != 1) throw runtime.raise(L, errorTable("redis.set_repl() requires two arguments."));
            Double d = Lua.toNumber(a[0]);
            long flags = d == null ? 0 : (long) (double) d;
            if ((flags & ~3L) != 0) {
                throw runtime.raise(L, errorTable("Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE."));
            }
            return Lua.NONE;
        }));
        r.put("replicate_commands", LuaFunction.of((L, a) -> Lua.one(Boolean.TRUE)));
        r.put("breakpoint", LuaFunction.of((L, a) -> Lua.one(Boolean.FALSE)));
        r.put("debug", LuaFunction.of((L, a) -> Lua.NONE));
        r.put("acl_check_cmd", LuaFunction.of((L, a) -> {
            byte[][] argv = argv(L, a, true);
            try {
                return Lua.one(bridge().aclCheck(argv));
            } catch (ScriptError e) {
                throw runtime.raise(L, rawErrorTable(e.getMessage()));
            }
        }));
        putLogLevels(r);
        r.put("REPL_NONE", 0.0);
        r.put("REPL_AOF", 1.0);
        r.put("REPL_SLAVE", 2.0);
        r.put("REPL_REPLICA", 2.0);
        r.put("REPL_ALL", 3.0);
        r.put("REDIS_VERSION", LuaString.of(version));
        r.put("REDIS_VERSION_NUM", (double) versionNum);
        return r;
    }

    static void putLogLevels(LuaTable r) {
        r.put("LOG_DEBUG", 0.0);
        r.put("LOG_VERBOSE", 1.0);
        r.put("LOG_NOTICE", 2.0);
        r.put("LOG_WARNING", 3.0);
    }

    LuaFunction log() {
        return LuaFunction.of((L, a) -> {
            if (a.length < 2) throw runtime.raise(L, errorTable("redis.log() requires two arguments or more."));
            Double level = Lua.toNumber(a[0]);
            if (level == null) throw runtime.raise(L, errorTable("First argument must be a number (log level)."));
            if (level < 0 || level > 3) throw runtime.raise(L, errorTable("Invalid debug level."));
            StringBuilder b = new StringBuilder();
            for (int i = 1; i < a.length; i++) {
                LuaString s = Lua.toLuaString(a[i]);
                if (s == null) continue;
                if (i != 1) b.append(' ');
                b.append(s);
            }
            if (bridge() != null) bridge().log((int) (double) level, b.toString());
            return Lua.NONE;
        });
    }

    /**
     * luaPushErrorBuff: "-CODE text" keeps its code, anything else gets "ERR"; the table is what
     * redis.pcall returns and redis.call raises.
     */
    static LuaTable errorTable(String error) {
        String code = "ERR";
        String msg = error;
        if (error.startsWith("-")) {
            int sp = error.indexOf(' ');
            if (sp < 0) {
                msg = error.substring(1);
            } else {
                code = error.substring(1, sp);
                msg = error.substring(sp + 1);
            }
        }
        msg = strip(msg);
        LuaTable t = new LuaTable();
        t.put("err", LuaString.latin1(code + " " + msg));
        return t;
    }

    /** An error table for a text that already starts with its code ("ERR ..."). */
    static LuaTable rawErrorTable(String message) {
        LuaTable t = new LuaTable();
        t.put("err", LuaString.of(message));
        return t;
    }

    /** sdstrim(msg, "\r\n"): both ends. */
    private static String strip(String s) {
        int b = 0, e = s.length();
        while (b < e && (s.charAt(b) == '\r' || s.charAt(b) == '\n')) b++;
        while (e > b && (s.charAt(e - 1) == '\r' || s.charAt(e - 1) == '\n')) e--;
        return s.substring(b, e);
    }

    /** luaArgsToRedisArgv: strings as they are, numbers as %.17g, anything else refused. */
    private byte[][] argv(LuaState L, Object[] a, boolean raise) {
        if (a.length == 0) {
            throw fail(L, "Please specify at least one argument for this redis lib call", raise);
        }
        byte[][] argv = new byte[a.length][];
        for (int i = 0; i < a.length; i++) {
            Object v = a[i];
            if (v instanceof Double) {
                argv[i] = Bytes.utf8(Bytes.formatG17((Double) v));
            } else if (v instanceof LuaString) {
                argv[i] = ((LuaString) v).bytes;
            } else {
                throw fail(L, "Lua redis lib command arguments must be strings or integers", raise);
            }
        }
        return argv;
    }

    /** A refused call: redis.call raises the error table, redis.pcall returns it (via Refused). */
    private RuntimeException fail(LuaState L, String message, boolean raise) {
        LuaTable t = errorTable(message);
        if (raise) return runtime.raise(L, t);
        return new Refused(t);
    }

    /** redis.pcall's early return of an error table. */
    private static final class Refused extends RuntimeException {
        final LuaTable error;

        Refused(LuaTable error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    private Object[] call(LuaState L, Object[] a, boolean raise) {
        byte[][] argv;
        try {
            argv = argv(L, a, raise);
        } catch (Refused r) {
            return Lua.one(r.error);
        }
        Bridge bridge = bridge();
        LuaReplySink sink = new LuaReplySink(bridge.resp(), bridge);
        try {
            bridge.call(argv, sink);
        } catch (ScriptError e) {
            // refused by the script checks (arity, ACL...): counted there, as Redis's scriptCall does
            LuaTable t = rawErrorTable(e.getMessage());
            t.put(LuaReplySink.IGNORE_STATS, Boolean.TRUE);
            if (raise) throw runtime.raise(L, t);
            return Lua.one(t);
        }
        Object v = sink.result();
        if (raise && sink.isError()) throw runtime.raise(L, (LuaTable) v);
        return Lua.one(v);
    }

    /** An error table raised as a Lua error. */
    static LuaError error(LuaTable t) {
        return new LuaError(t);
    }
}
