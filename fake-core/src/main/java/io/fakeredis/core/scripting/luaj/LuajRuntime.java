package io.fakeredis.core.scripting.luaj;

import io.fakeredis.core.ReplySink;
import io.fakeredis.core.scripting.LuaRuntime;
import io.fakeredis.core.scripting.ScriptError;
import io.fakeredis.core.util.Bytes;
import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * LuaJ behind {@link LuaRuntime}, shaped like Redis's Lua 5.1 sandbox: read-only globals,
 * errors on unknown globals, the 5.1 names scripts rely on (unpack, loadstring), and 5.1 number
 * formatting in tostring. One runtime per engine, used under the engine lock only.
 */
public final class LuajRuntime implements LuaRuntime {
    private static final Pattern POSITION = Pattern.compile("^@?([^:\\s]+):(\\d+):? (.*)$", Pattern.DOTALL);

    private final Globals globals = new Globals();
    /**
     * What scripts see as their environment: empty, reads fall through to globals, writes fail.
     * A Globals, because LuaJ closures only report to a line tracker through their Globals.
     */
    private final Globals env = new Globals();
    private final LineTracker lines;
    private Bridge bridge;
    /** The chunk name errors mention: user_script for EVAL, user_function for libraries. */
    private final String chunk;
    /** Where unknown globals are looked up: globals, or the load-context table while a library loads. */
    private LuaTable lookup = globals;
    /** FUNCTION LOAD's globals: only a redis table with register_function, log and the constants. */
    private LuaTable loadGlobals;
    private Registrar registrar;

    public LuajRuntime(String version, int versionNum) {
        this(version, versionNum, false);
    }

    /** functions: the runtime behind FUNCTION/FCALL, a separate Lua state as in Redis. */
    public LuajRuntime(String version, int versionNum, boolean functions) {
        chunk = functions ? "user_function" : "user_script";
        lines = new LineTracker(chunk);
        globals.load(new BaseLib());
        globals.load(new PackageLib()); // the other libs register themselves in package.loaded
        globals.load(new TableLib());
        globals.load(new StringLib());
        globals.load(new JseMathLib());
        LoadState.install(globals);
        LuaC.install(globals);
        // Tracks the running line, so errors raised from Java (redis.call...) can say where, as
        // Redis's error handler does; scripts themselves never see the debug table.
        env.debuglib = lines;

        LuaValue originalToString = globals.get("tostring");
        for (String unsafe : new String[] {"dofile", "loadfile", "require", "module", "print", "package", "io", "os",
                "debug", "coroutine", "load", "rawlen", "bit32", "utf8"}) {
            globals.rawset(unsafe, LuaValue.NIL);
        }
        globals.rawset("unpack", globals.get("table").get("unpack"));
        globals.rawset("loadstring", new LoadString());
        globals.rawset("tostring", new ToString(originalToString));
        ((LuaTable) globals.rawget("string")).rawset("format", new StringFormat());
        globals.rawset("redis", redisLib(version, versionNum));
        globals.rawset("bit", BitLib.create());
        globals.rawset("cjson", CJsonLib.create());
        globals.rawset("struct", StructLib.create());
        globals.rawset("cmsgpack", CMsgPackLib.create());
        for (String lib : new String[] {"string", "table", "math", "redis", "bit", "cjson", "struct", "cmsgpack"}) {
            globals.rawset(lib, readOnly((LuaTable) globals.rawget(lib)));
        }

        // lookup is read at each access: loading a library swaps it for the load context
        env.setmetatable(strict(key -> lookup.rawget(key)));
        if (functions) loadGlobals = loadContext(version, versionNum);
    }

    /**
     * Redis's sandbox as a metatable: reads go through source (a missing name is an error, not
     * nil) and writes fail.
     */
    private static LuaTable strict(java.util.function.UnaryOperator<LuaValue> source) {
        LuaTable meta = new LuaTable();
        meta.rawset(LuaValue.INDEX, new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue table, LuaValue key) {
                LuaValue v = source.apply(key);
                if (v.isnil()) {
                    throw new LuaError("Script attempted to access nonexistent global variable '" + key.tojstring() + "'");
                }
                return v;
            }
        });
        meta.rawset(LuaValue.NEWINDEX, READ_ONLY);
        return meta;
    }

    /** The load context's globals: redis.register_function, redis.log, LOG_* and the version only. */
    private LuaTable loadContext(String version, int versionNum) {
        LuaTable r = new LuaTable();
        r.rawset("register_function", new RegisterFunction());
        LuaTable full = (LuaTable) globals.rawget("redis").getmetatable().rawget(LuaValue.INDEX);
        for (String k : new String[] {"log", "LOG_DEBUG", "LOG_VERBOSE", "LOG_NOTICE", "LOG_WARNING", "REDIS_VERSION", "REDIS_VERSION_NUM"}) {
            r.rawset(k, full.rawget(k));
        }
        LuaTable proxy = new LuaTable();
        proxy.setmetatable(strict(r::rawget));
        LuaTable g = new LuaTable();
        g.rawset("redis", proxy);
        return g;
    }

    private static final LuaValue READ_ONLY = new VarArgFunction() {
        @Override
        public Varargs invoke(Varargs args) {
            throw new LuaError("Attempt to modify a readonly table");
        }
    };

    /** A proxy whose writes fail, as Redis 7.0 makes library tables read-only. */
    static LuaTable readOnly(LuaTable real) {
        LuaTable proxy = new LuaTable();
        LuaTable meta = new LuaTable();
        meta.rawset(LuaValue.INDEX, real);
        meta.rawset(LuaValue.NEWINDEX, READ_ONLY);
        proxy.setmetatable(meta);
        return proxy;
    }

    @Override
    public Object compile(String chunkName, byte[] body) {
        try {
            return globals.load(new ByteArrayInputStream(body), "@" + chunkName, "t", env);
        } catch (LuaError e) {
            throw new ScriptError(lua51(e.getMessage()));
        }
    }

    @Override
    public void run(Object compiled, byte[][] keys, byte[][] args, Bridge bridge, ReplySink out) {
        this.bridge = bridge;
        lines.reset();
        globals.rawset("KEYS", array(keys));
        globals.rawset("ARGV", array(args));
        LuaValue result;
        try {
            result = ((LuaValue) compiled).call();
        } catch (LuaError e) {
            throw toScriptError(e);
        } catch (StackOverflowError e) {
            throw new ScriptError("ERR " + chunk + ": stack overflow", "@" + chunk, 0);
        } finally {
            this.bridge = null;
        }
        Convert.toReply(result, out, bridge.resp());
    }

    @Override
    public void kill() {
        lines.killed = true;
    }

    @Override
    public void periodic(Runnable every) {
        lines.periodic = every;
    }

    @Override
    public void loadLibrary(Object compiled, Registrar registrar, Bridge bridge) {
        this.bridge = bridge;
        this.registrar = registrar;
        lookup = loadGlobals;
        lines.reset();
        try {
            ((LuaValue) compiled).call();
        } catch (LuaError e) {
            throw toScriptError(e);
        } catch (StackOverflowError e) {
            throw new ScriptError("ERR " + chunk + ": stack overflow", "@" + chunk, 0);
        } finally {
            lookup = globals;
            this.registrar = null;
            this.bridge = null;
        }
    }

    @Override
    public void callFunction(Object function, byte[][] keys, byte[][] args, Bridge bridge, ReplySink out) {
        this.bridge = bridge;
        lines.reset();
        LuaValue result;
        try {
            result = ((LuaValue) function).call(array(keys), array(args));
        } catch (LuaError e) {
            throw toScriptError(e);
        } catch (StackOverflowError e) {
            throw new ScriptError("ERR " + chunk + ": stack overflow", "@" + chunk, 0);
        } finally {
            this.bridge = null;
        }
        Convert.toReply(result, out, bridge.resp());
    }

    /** redis.register_function(name, callback) or redis.register_function{function_name=..., callback=..., ...}. */
    private final class RegisterFunction extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            int n = args.narg();
            if (n < 1 || n > 2) throw plain("ERR wrong number of arguments to redis.register_function");
            LuaValue name = LuaValue.NIL, callback = LuaValue.NIL, description = LuaValue.NIL;
            java.util.List<String> flags = new java.util.ArrayList<>();
            if (n == 1) {
                LuaValue t = args.arg1();
                if (!t.istable()) {
                    throw plain("ERR calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).");
                }
                LuaValue k = LuaValue.NIL;
                while (true) {
                    Varargs e = t.next(k);
                    k = e.arg1();
                    if (k.isnil()) break;
                    LuaValue v = e.arg(2);
                    if (!k.isstring()) throw plain("ERR named argument key given to redis.register_function is not a string");
                    String key = k.tojstring();
                    if (key.equals("function_name")) {
                        if (!v.isstring()) throw plain("ERR function_name argument given to redis.register_function must be a string");
                        name = v;
                    } else if (key.equals("description")) {
                        if (!v.isstring()) throw plain("ERR description argument given to redis.register_function must be a string");
                        description = v;
                    } else if (key.equals("callback")) {
                        if (!v.isfunction()) throw plain("ERR callback argument given to redis.register_function must be a function");
                        callback = v;
                    } else if (key.equals("flags")) {
                        if (!v.istable()) throw plain("ERR flags argument to redis.register_function must be a table representing function flags");
                        for (int i = 1; ; i++) {
                            LuaValue f = v.rawget(i);
                            if (f.isnil()) break;
                            if (f.type() != LuaValue.TSTRING) throw plain("ERR unknown flag given");
                            flags.add(f.tojstring());
                        }
                    } else {
                        throw plain("ERR unknown argument given to redis.register_function");
                    }
                }
                if (name.isnil()) throw plain("ERR redis.register_function must get a function name argument");
                if (callback.isnil()) throw plain("ERR redis.register_function must get a callback argument");
            } else {
                name = args.arg1();
                if (!name.isstring()) throw plain("ERR first argument to redis.register_function must be a string");
                callback = args.arg(2);
                if (!callback.isfunction()) throw plain("ERR second argument to redis.register_function must be a function");
            }
            try {
                registrar.register(bytes(name.tostring()), callback, flags.toArray(new String[0]),
                        description.isnil() ? null : bytes(description.tostring()));
            } catch (ScriptError e) {
                throw plain(e.getMessage());
            }
            return LuaValue.NONE;
        }
    }

    /** An error table without a position, as luaPushError + luaError raise in the load context. */
    private static LuaError plain(String message) {
        LuaTable t = new LuaTable();
        t.rawset("err", message);
        return new LuaError(t);
    }

    private static LuaTable array(byte[][] items) {
        LuaTable t = new LuaTable(items.length, 0);
        for (int i = 0; i < items.length; i++) t.rawset(i + 1, LuaString.valueOf(items[i]));
        return t;
    }

    /** Redis's error handler: tables keep their err text, anything else becomes "ERR <message>". */
    private ScriptError toScriptError(LuaError e) {
        LuaValue obj = e.getMessageObject();
        String where = e.getMessage();
        int line = 0;
        String source = null;
        if (where != null) {
            Matcher m = POSITION.matcher(where);
            if (m.matches()) {
                source = "@" + m.group(1);
                line = Integer.parseInt(m.group(2));
            }
        }
        if (obj != null && obj.istable()) {
            LuaValue err = obj.rawget("err");
            String msg = err.isstring() ? err.tojstring() : "";
            if (obj.rawget("line").isnumber()) {
                line = obj.rawget("line").toint();
                source = obj.rawget("source").tojstring();
            }
            return new ScriptError(msg, source, line);
        }
        if (line == 0) {
            line = lines.line();
            source = line > 0 ? "@" + chunk : null;
        }
        String msg;
        if (obj == null || obj.isnil()) {
            msg = "execution failure";
        } else {
            String text = obj.isstring() ? obj.tojstring() : where;
            // Lua 5.1 puts the position in the message of errors raised by the VM itself.
            msg = POSITION.matcher(text).matches() || line == 0 ? lua51(text) : chunk + ":" + line + ": " + text;
        }
        return new ScriptError("ERR " + msg.strip(), source, line);
    }

    /** LuaJ writes positions as "@name:1 msg"; Lua 5.1 as "name:1: msg". */
    static String lua51(String message) {
        if (message == null) return "";
        Matcher m = POSITION.matcher(message);
        if (m.matches()) return m.group(1) + ":" + m.group(2) + ": " + m.group(3);
        return message;
    }

    // ---- the redis table ----

    private LuaTable redisLib(String version, int versionNum) {
        LuaTable r = new LuaTable();
        r.rawset("call", new Call(true));
        r.rawset("pcall", new Call(false));
        r.rawset("error_reply", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue msg) {
                if (!msg.isstring()) throw new LuaError("wrong number or type of arguments");
                LuaTable t = new LuaTable();
                t.rawset("err", msg.tostring());
                return t;
            }
        });
        r.rawset("status_reply", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue msg) {
                if (!msg.isstring()) throw new LuaError("wrong number or type of arguments");
                LuaTable t = new LuaTable();
                t.rawset("ok", msg.tostring());
                return t;
            }
        });
        r.rawset("sha1hex", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.narg() != 1) throw new LuaError("wrong number of arguments");
                return LuaValue.valueOf(io.fakeredis.core.scripting.Scripting.sha1hex(bytes(args.arg1())));
            }
        });
        r.rawset("log", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.narg() < 2) throw libError("redis.log() requires two arguments or more.");
                if (!args.arg1().isnumber()) throw libError("First argument must be a number (log level).");
                int level = args.arg1().toint();
                if (level < 0 || level > 3) throw libError("Invalid debug level.");
                StringBuilder b = new StringBuilder();
                for (int i = 2; i <= args.narg(); i++) {
                    if (i > 2) b.append(' ');
                    b.append(args.arg(i).tojstring());
                }
                bridge.log(level, b.toString());
                return LuaValue.NONE;
            }
        });
        r.rawset("setresp", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.narg() != 1) throw libError("redis.setresp() requires one argument.");
                int v = args.arg1().checkint();
                if (v != 2 && v != 3) throw libError("RESP version must be 2 or 3.");
                bridge.setResp(v);
                return LuaValue.NONE;
            }
        });
        VarArgFunction noop = new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return LuaValue.NONE;
            }
        };
        r.rawset("set_repl", noop);
        r.rawset("replicate_commands", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return LuaValue.TRUE;
            }
        });
        r.rawset("breakpoint", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return LuaValue.FALSE;
            }
        });
        r.rawset("debug", noop);
        r.rawset("LOG_DEBUG", 0);
        r.rawset("LOG_VERBOSE", 1);
        r.rawset("LOG_NOTICE", 2);
        r.rawset("LOG_WARNING", 3);
        r.rawset("REPL_NONE", 0);
        r.rawset("REPL_AOF", 1);
        r.rawset("REPL_SLAVE", 2);
        r.rawset("REPL_REPLICA", 2);
        r.rawset("REPL_ALL", 3);
        r.rawset("REDIS_VERSION", version);
        r.rawset("REDIS_VERSION_NUM", versionNum);
        return r;
    }

    /** redis.call and redis.pcall: identical except that pcall returns errors instead of raising them. */
    private final class Call extends VarArgFunction {
        private final boolean raise;

        Call(boolean raise) {
            this.raise = raise;
        }

        @Override
        public Varargs invoke(Varargs args) {
            int n = args.narg();
            if (n == 0) return fail("ERR Please specify at least one argument for this redis lib call");
            byte[][] argv = new byte[n][];
            for (int i = 0; i < n; i++) {
                LuaValue a = args.arg(i + 1);
                int t = a.type();
                if (t == LuaValue.TNUMBER) {
                    argv[i] = Bytes.utf8(Bytes.formatG17(a.todouble()));
                } else if (t == LuaValue.TSTRING) {
                    argv[i] = bytes(a);
                } else {
                    return fail("ERR Lua redis lib command arguments must be strings or integers");
                }
            }
            LuaSink sink = new LuaSink(bridge.resp());
            try {
                bridge.call(argv, sink);
            } catch (ScriptError e) {
                return fail(e.getMessage());
            }
            LuaValue v = sink.result();
            if (raise && sink.isError()) throw raise((LuaTable) v);
            return v;
        }

        private LuaValue fail(String message) {
            LuaTable t = new LuaTable();
            t.rawset("err", message);
            if (raise) throw raise(t);
            return t;
        }
    }

    /** An error table carrying the calling script line, as Redis's error handler adds it. */
    private LuaError raise(LuaTable err) {
        int line = lines.line();
        if (line > 0) {
            err.rawset("source", "@" + chunk);
            err.rawset("line", line);
        }
        return new LuaError(err);
    }

    /** An error from the redis library itself (bad arguments): "ERR " + text, with the line. */
    private LuaError libError(String message) {
        LuaTable t = new LuaTable();
        t.rawset("err", "ERR " + message);
        return raise(t);
    }

    static byte[] bytes(LuaValue v) {
        LuaString s = v.checkstring();
        byte[] b = new byte[s.m_length];
        System.arraycopy(s.m_bytes, s.m_offset, b, 0, s.m_length);
        return b;
    }

    /** Lua 5.1 prints numbers with %.14g; LuaJ would print 1e15 as 1000000000000000. */
    private static final class ToString extends OneArgFunction {
        private final LuaValue original;

        ToString(LuaValue original) {
            this.original = original;
        }

        @Override
        public LuaValue call(LuaValue v) {
            if (v.type() == LuaValue.TNUMBER) return LuaValue.valueOf(number(v.todouble()));
            return original.call(v);
        }
    }

    static String number(double d) {
        if (Double.isNaN(d)) return "nan";
        return Bytes.formatG(d, 14);
    }

    /** Lua 5.1's loadstring(chunk [, name]), compiled into the same sandbox. */
    private final class LoadString extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            byte[] src = bytes(args.arg1());
            String name = args.narg() > 1 ? args.arg(2).tojstring() : "=(load)";
            try {
                return globals.load(new ByteArrayInputStream(src), name, "t", env);
            } catch (LuaError e) {
                return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(lua51(e.getMessage())));
            }
        }
    }
}
