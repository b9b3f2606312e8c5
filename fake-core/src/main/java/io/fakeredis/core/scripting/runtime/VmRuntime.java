package io.fakeredis.core.scripting.runtime;

import io.fakeredis.core.ReplySink;
import io.fakeredis.core.scripting.LuaRuntime;
import io.fakeredis.core.scripting.ScriptError;
import io.fakeredis.core.scripting.libs.BitLib;
import io.fakeredis.core.scripting.libs.CJsonLib;
import io.fakeredis.core.scripting.libs.CMsgPackLib;
import io.fakeredis.core.scripting.libs.StructLib;
import io.fakeredis.core.scripting.lua.Builtin;
import io.fakeredis.core.scripting.lua.Lua;
import io.fakeredis.core.scripting.lua.LuaError;
import io.fakeredis.core.scripting.lua.LuaFunction;
import io.fakeredis.core.scripting.lua.LuaState;
import io.fakeredis.core.scripting.lua.LuaString;
import io.fakeredis.core.scripting.lua.LuaTable;
import io.fakeredis.core.scripting.lua.Rand48;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our Lua 5.1 interpreter behind {@link LuaRuntime}, sandboxed as Redis 7.0 does: only Redis's
 * globals, _G and the library tables read-only, reading an unknown global is an error, and errors
 * carry the script line the way Redis's __redis__err__handler finds it. One runtime per engine
 * (one for EVAL, one for functions, as Redis has two Lua states), used under the engine lock.
 */
public final class VmRuntime implements LuaRuntime {
    /** A position prefix as luaL_where writes it: "chunk:line: ". */
    private static final Pattern WHERE = Pattern.compile("^(.*?):(\\d+): ", Pattern.DOTALL);
    private static final Pattern STRING_CHUNK = Pattern.compile("^\\[string \"(.*)\"\\]$", Pattern.DOTALL);
    /** Redis 7.0's script globals; whatever else the libraries define is removed. */
    private static final Set<String> EVAL_GLOBALS = Set.of("_G", "_VERSION", "assert", "bit", "cjson", "cmsgpack",
            "collectgarbage", "coroutine", "error", "gcinfo", "getmetatable", "ipairs", "load", "loadstring", "math", "next",
            "pairs", "pcall", "rawequal", "rawget", "rawset", "redis", "select", "setmetatable", "string", "struct", "table",
            "tonumber", "tostring", "type", "unpack", "xpcall", "__redis__err__handler");
    private static final String[] LIBRARIES = {"string", "table", "math", "coroutine", "redis", "cjson", "bit", "struct", "cmsgpack"};
    /**
     * Redis's count hook runs every 100000 VM instructions; our interpreter counts statements and
     * loop iterations, each worth several instructions.
     */
    private static final int HOOK_PERIOD = 10000;

    final LuaState L;
    /** The caller's side while a script runs; null between runs. */
    Bridge bridge;
    private final String chunk;
    private final LuaTable globals;
    /** FUNCTION LOAD's redis table: register_function, log, LOG_* and the version only. */
    private LuaTable loadRedis;
    private Registrar registrar;
    /** While FUNCTION LOAD runs a library body: when it times out (System.nanoTime), else 0. */
    private long loadDeadline;
    /** Redis's FUNCTION LOAD limit. */
    private static final long LOAD_TIMEOUT_NANOS = 500_000_000L;
    private volatile boolean killed;
    private volatile Runnable periodic;
    /** Where the last error raised through a builtin was raised: Redis's error handler reads it from the stack. */
    private LuaError lastError;
    private String lastSource;
    private int lastLine;

    public VmRuntime(String version, int versionNum) {
        this(version, versionNum, false, new Rand48());
    }

    /**
     * functions: the runtime behind FUNCTION/FCALL, a separate Lua state as in Redis. random: the
     * generator behind math.random, one per server as Redis's (shared by EVAL and functions).
     */
    public VmRuntime(String version, int versionNum, boolean functions, Rand48 random) {
        L = Libraries.newState(random);
        chunk = functions ? "user_function" : "user_script";
        globals = L.globals;
        RedisLib redisLib = new RedisLib(this);
        globals.put("redis", redisLib.create(version, versionNum));
        globals.put("cjson", CJsonLib.create(L));
        globals.put("struct", StructLib.create(L));
        globals.put("cmsgpack", CMsgPackLib.create(L));
        globals.put("bit", BitLib.create(L));
        if (!functions) globals.put("__redis__err__handler", errorHandler());
        globals.put("_G", globals);

        List<Object> extra = new ArrayList<>();
        Object[] kv = new Object[2];
        Object k = null;
        while (globals.next(k, kv)) {
            k = kv[0];
            if (!(k instanceof LuaString) || !EVAL_GLOBALS.contains(k.toString())) extra.add(k);
        }
        for (Object key : extra) globals.put(key, null);
        for (String lib : LIBRARIES) wrapBuiltins((LuaTable) globals.get(lib), !lib.equals("redis"));
        wrapBuiltins(globals, true);
        globals.put("pcall", redisPcall((LuaFunction) globals.get("pcall")));
        for (String lib : LIBRARIES) ((LuaTable) globals.get(lib)).readonly = true;
        globals.metatable = strict();
        globals.metatable.readonly = true;
        globals.readonly = true;
        if (functions) loadRedis = loadContext(redisLib, version, versionNum);
    }

    /** A metatable that makes reading a missing key an error, as Redis's luaSetErrorMetatable. */
    private static LuaTable strict() {
        LuaTable meta = new LuaTable();
        meta.put("__index", LuaFunction.of((L, a) -> {
            LuaString name = a.length > 1 ? Lua.toLuaString(a[1]) : null;
            throw L.error("Script attempted to access nonexistent global variable '" + (name == null ? "?" : name.latin1()) + "'");
        }));
        return meta;
    }

    /** The load context's redis table. */
    private LuaTable loadContext(RedisLib redisLib, String version, int versionNum) {
        LuaTable r = new LuaTable();
        r.put("register_function", LuaFunction.of(this::registerFunction));
        r.put("log", redisLib.log());
        RedisLib.putLogLevels(r);
        r.put("REDIS_VERSION", LuaString.of(version));
        r.put("REDIS_VERSION_NUM", (double) versionNum);
        r.metatable = strict();
        r.readonly = true;
        return r;
    }

    /** __redis__err__handler: the table Redis's handler makes of an error. */
    private static LuaFunction errorHandler() {
        return LuaFunction.of((L, a) -> {
            Object err = a.length > 0 ? a[0] : null;
            if (err instanceof LuaTable) return Lua.one(err);
            LuaTable t = new LuaTable();
            t.put("err", LuaString.of("ERR " + L.tostring(err).latin1()));
            return Lua.one(t);
        });
    }

    /**
     * Wraps the builtins of a table so an error passing through one remembers the script line it
     * was raised from (as Redis's error handler reads it off the stack before unwinding). pcall
     * and xpcall stay as they are.
     */
    private void wrapBuiltins(LuaTable t, boolean wrap) {
        if (!wrap) return;
        List<Object[]> wrapped = new ArrayList<>();
        Object[] kv = new Object[2];
        Object k = null;
        while (t.next(k, kv)) {
            k = kv[0];
            Object v = kv[1];
            if (!(v instanceof LuaFunction) || !(k instanceof LuaString)) continue;
            String name = k.toString();
            if (name.equals("pcall") || name.equals("xpcall") || name.startsWith("__")) continue;
            wrapped.add(new Object[] {k, positioned((LuaFunction) v)});
        }
        for (Object[] e : wrapped) t.put(e[0], e[1]);
    }

    /** Redis 7.0's pcall: an error table that has an err string comes back as that string. */
    private static LuaFunction redisPcall(LuaFunction pcall) {
        return Builtin.of((S, a) -> {
            Object[] r = pcall.call(S, a);
            if (r.length > 1 && r[0] == Boolean.FALSE && r[1] instanceof LuaTable) {
                Object err = ((LuaTable) r[1]).get("err");
                if (err instanceof LuaString) r[1] = err;
            }
            return r;
        });
    }

    /**
     * The builtin f, noting where its errors were raised. A Builtin stays one, so it keeps running
     * on the Lua code's own thread (coroutines, yield and pcall depend on it).
     */
    private LuaFunction positioned(LuaFunction f) {
        LuaFunction.Body body = (S, args) -> {
            try {
                return f.call(S, args);
            } catch (LuaError e) {
                if (e != lastError) note(S, e);
                throw e;
            }
        };
        return f instanceof Builtin ? Builtin.of(body) : LuaFunction.of(body);
    }

    /** Remembers the position of the innermost Lua function for this error. */
    private void note(LuaState S, LuaError e) {
        note(S, e, 1);
    }

    /** level: 1 from a builtin (its caller), 0 from the hook (the running Lua function). */
    private void note(LuaState S, LuaError e, int level) {
        lastError = e;
        lastSource = null;
        lastLine = 0;
        String where;
        try {
            where = S.where(level);
        } catch (RuntimeException ex) {
            return;
        }
        Matcher m = WHERE.matcher(where);
        if (m.find()) {
            lastSource = source(m.group(1));
            lastLine = Integer.parseInt(m.group(2));
        }
    }

    /** Redis's error for a builtin of the redis table: the table, raised, with the position noted. */
    LuaError raise(LuaState S, LuaTable err) {
        LuaError e = new LuaError(err);
        note(S, e);
        return e;
    }

    /** The debug source of a chunk from its chunk id: "@user_script" for ours, the code for loadstring's. */
    private String source(String chunkId) {
        if (chunkId.equals(chunk)) return "@" + chunk;
        Matcher m = STRING_CHUNK.matcher(chunkId);
        if (m.matches()) return m.group(1);
        return chunkId;
    }

    // ---- LuaRuntime ----

    @Override
    public Object compile(String chunkName, byte[] body) {
        try {
            return L.load(body, "@" + chunkName);
        } catch (LuaError e) {
            throw new ScriptError(e.getMessage());
        }
    }

    private void begin(Bridge bridge) {
        this.bridge = bridge;
        killed = false;
        lastError = null;
        L.setHook(this::hook, HOOK_PERIOD);
    }

    private void end() {
        bridge = null;
        lastError = null;
        L.closeCoroutines();
    }

    /** Redis's count hook: serve the periodic work, and stop a killed script at every instruction. */
    private void hook() {
        if (loadDeadline != 0 && System.nanoTime() - loadDeadline > 0) {
            // as luaEngineLoadHook: raised again at each hook, so a pcall cannot keep the load going
            LuaError e = new LuaError(RedisLib.errorTable("FUNCTION LOAD timeout"));
            note(L, e, 0);
            throw e;
        }
        Runnable p = periodic;
        if (p != null && !killed) p.run(); // may call kill()
        if (killed) {
            // raised again at every hook: a pcall may catch it once, as with Redis's line hook
            LuaError e = new LuaError(RedisLib.errorTable("Script killed by user with SCRIPT KILL..."));
            note(L, e, 0);
            throw e;
        }
    }

    @Override
    public void kill() {
        killed = true;
    }

    @Override
    public void periodic(Runnable every) {
        periodic = every;
    }

    @Override
    public void run(Object compiled, byte[][] keys, byte[][] args, Bridge bridge, ReplySink out) {
        begin(bridge);
        Object result;
        try {
            globals.readonly = false;
            globals.put("KEYS", array(keys));
            globals.put("ARGV", array(args));
            globals.readonly = true;
            result = Lua.first(L.call(compiled));
            ToReply.write(result, out, bridge.resp());
        } catch (LuaError e) {
            throw toScriptError(e);
        } catch (StackOverflowError e) {
            throw new ScriptError("ERR " + chunk + ": stack overflow", "@" + chunk, 0);
        } finally {
            end();
        }
    }

    @Override
    public void callFunction(Object function, byte[][] keys, byte[][] args, Bridge bridge, ReplySink out) {
        begin(bridge);
        try {
            Object result = Lua.first(L.call(function, array(keys), array(args)));
            ToReply.write(result, out, bridge.resp());
        } catch (LuaError e) {
            throw toScriptError(e);
        } catch (StackOverflowError e) {
            throw new ScriptError("ERR " + chunk + ": stack overflow", "@" + chunk, 0);
        } finally {
            end();
        }
    }

    @Override
    public void loadLibrary(Object compiled, Registrar registrar, Bridge bridge) {
        begin(bridge);
        this.registrar = registrar;
        // The library body sees a globals table holding only the load context's redis table.
        List<Object[]> saved = new ArrayList<>();
        Object[] kv = new Object[2];
        Object k = null;
        while (globals.next(k, kv)) {
            k = kv[0];
            saved.add(new Object[] {kv[0], kv[1]});
        }
        globals.readonly = false;
        for (Object[] e : saved) globals.put(e[0], null);
        globals.put("redis", loadRedis);
        globals.readonly = true;
        loadDeadline = System.nanoTime() + LOAD_TIMEOUT_NANOS;
        if (loadDeadline == 0) loadDeadline = 1;
        try {
            L.call(compiled);
        } catch (LuaError e) {
            throw toScriptError(e);
        } catch (StackOverflowError e) {
            throw new ScriptError("ERR " + chunk + ": stack overflow", "@" + chunk, 0);
        } finally {
            loadDeadline = 0;
            globals.readonly = false;
            globals.put("redis", null);
            for (Object[] e : saved) globals.put(e[0], e[1]);
            globals.readonly = true;
            this.registrar = null;
            end();
        }
    }

    private static LuaTable array(byte[][] items) {
        LuaTable t = new LuaTable(items.length, 0);
        for (int i = 0; i < items.length; i++) t.put(i + 1, (Object) LuaString.of(items[i]));
        return t;
    }

    /** What Redis's error handler and luaCallFunction make of an error: text, source and line. */
    private ScriptError toScriptError(LuaError e) {
        Object v = e.value;
        String source = null;
        int line = 0;
        // the same error, or its value raised again (coroutine.wrap re-raises a coroutine's error)
        if (e == lastError || (lastError != null && v instanceof LuaTable && lastError.value == v)) {
            source = lastSource;
            line = lastLine;
        } else if (v instanceof LuaString) {
            Matcher m = WHERE.matcher(((LuaString) v).latin1());
            if (m.find()) {
                source = source(m.group(1));
                line = Integer.parseInt(m.group(2));
            }
        }
        if (v instanceof LuaTable) {
            Object err = ((LuaTable) v).get("err");
            boolean counted = Boolean.TRUE.equals(((LuaTable) v).get(LuaReplySink.IGNORE_STATS));
            return new ScriptError(err instanceof LuaString ? err.toString() : "", source, line, counted);
        }
        String text;
        try {
            text = L.tostring(v).toString();
        } catch (LuaError inner) {
            text = Lua.typeName(v);
        }
        return new ScriptError("ERR " + text, source, line);
    }

    // ---- FUNCTION LOAD ----

    /** redis.register_function(name, callback) or redis.register_function{function_name=..., callback=..., ...}. */
    private Object[] registerFunction(LuaState S, Object[] a) {
        int n = a.length;
        if (n < 1 || n > 2) throw plain("ERR wrong number of arguments to redis.register_function");
        Object name = null, callback = null, description = null;
        List<String> flags = new ArrayList<>();
        if (n == 1) {
            if (!(a[0] instanceof LuaTable)) {
                throw plain("ERR calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).");
            }
            LuaTable t = (LuaTable) a[0];
            Object[] kv = new Object[2];
            Object k = null;
            while (t.next(k, kv)) {
                k = kv[0];
                Object v = kv[1];
                if (!isString(k)) throw plain("ERR named argument key given to redis.register_function is not a string");
                String key = Lua.toLuaString(k).toString();
                if (key.equals("function_name")) {
                    if (!isString(v)) throw plain("ERR function_name argument given to redis.register_function must be a string");
                    name = v;
                } else if (key.equals("description")) {
                    if (!isString(v)) throw plain("ERR description argument given to redis.register_function must be a string");
                    description = v;
                } else if (key.equals("callback")) {
                    if (!(v instanceof LuaFunction)) throw plain("ERR callback argument given to redis.register_function must be a function");
                    callback = v;
                } else if (key.equals("flags")) {
                    if (!(v instanceof LuaTable)) {
                        throw plain("ERR flags argument to redis.register_function must be a table representing function flags");
                    }
                    for (int i = 1; ; i++) {
                        Object f = ((LuaTable) v).get(i);
                        if (f == null) break;
                        if (!(f instanceof LuaString)) throw plain("ERR unknown flag given");
                        flags.add(f.toString());
                    }
                } else {
                    throw plain("ERR unknown argument given to redis.register_function");
                }
            }
            if (name == null) throw plain("ERR redis.register_function must get a function name argument");
            if (callback == null) throw plain("ERR redis.register_function must get a callback argument");
        } else {
            name = a[0];
            callback = a[1];
            if (!(callback instanceof LuaFunction)) throw plain("ERR second argument to redis.register_function must be a function");
            if (!isString(name)) throw plain("ERR first argument to redis.register_function must be a string");
        }
        try {
            registrar.register(Lua.toLuaString(name).bytes, callback, flags.toArray(new String[0]),
                    description == null ? null : Lua.toLuaString(description).bytes);
        } catch (ScriptError e) {
            throw plain(e.getMessage());
        }
        return Lua.NONE;
    }

    private static boolean isString(Object v) {
        return v instanceof LuaString || v instanceof Double;
    }

    /** An error table without a position, as luaPushError + luaError raise in the load context. */
    private static LuaError plain(String message) {
        return new LuaError(RedisLib.rawErrorTable(message));
    }
}
