package io.fakeredis.core.scripting.lua;

import io.fakeredis.core.scripting.lua.Nodes.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * One Lua 5.1 interpreter state: globals, the string metatable, the call stack that error
 * positions are read from, and the instruction hook. Not thread-safe: one thread at a time (the
 * engine lock holder; coroutines hand control over, they never run side by side).
 */
public final class LuaState {
    private static final int MAX_TAG_LOOP = 100;
    static final LuaString INDEX = LuaString.of("__index"), NEWINDEX = LuaString.of("__newindex"),
            CALL = LuaString.of("__call"), EQ = LuaString.of("__eq"), LT = LuaString.of("__lt"),
            LE = LuaString.of("__le"), CONCAT = LuaString.of("__concat"), UNM = LuaString.of("__unm"),
            LEN = LuaString.of("__len"), TOSTRING = LuaString.of("__tostring"), METATABLE = LuaString.of("__metatable");
    private static final LuaString[] ARITH_EVENTS = new LuaString[Nodes.ARITH_EVENTS.length];

    static {
        for (int i = 0; i < ARITH_EVENTS.length; i++) ARITH_EVENTS[i] = LuaString.of(Nodes.ARITH_EVENTS[i]);
    }

    /** The global table (_G). */
    public final LuaTable globals = new LuaTable();
    /**
     * How the call site names the builtin being called ("sub") and how ("global", "local",
     * "method", "field", "upvalue", or null): set by the interpreter before each call of a
     * LuaFunction that is not a Lua closure, read by argError.
     */
    public String callName;
    public String callNameWhat;

    /** The metatable every string shares ({__index = string}), so s:sub() works. */
    public LuaTable stringMetatable;

    /** The running coroutine's call stack. */
    CallStack cs = new CallStack();
    /** The running coroutine, null for the main script. */
    LuaThread running;
    /**
     * Non-null while Lua runs on a helper thread (a coroutine's or a larger stack's) for a thread
     * that waits: how to run work on the thread that entered the interpreter.
     */
    Forwarder fwd;

    /** Runs a task on the waiting thread that the current helper thread works for. */
    interface Forwarder {
        Object run(java.util.function.Supplier<Object> task);
    }

    /** Started coroutines not yet dead, ended by closeCoroutines(). */
    final List<LuaThread> coroutines = new ArrayList<>();
    /** The threads coroutines run on. */
    final CoroutineWorkers workers = new CoroutineWorkers();

    /** Lua frames allowed on a call stack (grows once, after the first "stack overflow", as in Lua). */
    int maxFrames = CallStack.FIRST_MAX_FRAMES;
    int hookLeft = Integer.MAX_VALUE;
    private int hookCount = Integer.MAX_VALUE;
    private Runnable hook;

    public LuaState() {}

    /** A state with the base and coroutine libraries opened in its globals. */
    public static LuaState withBaseLibs() {
        LuaState L = new LuaState();
        BaseLib.open(L);
        CoroutineLib.open(L);
        return L;
    }

    // ---------------------------------------------------------------- compiling

    /**
     * Compiles a chunk. A syntax error throws LuaError whose message is Lua's, e.g.
     * "user_script:1: unexpected symbol near '&lt;eof&gt;'". A chunk name starting with '@' or '='
     * is shown without it; any other is shown as [string "..."].
     */
    public LuaFunction load(byte[] source, String chunkName) {
        return load(source, chunkName, globals);
    }

    /** Compiles a chunk whose global names resolve in env. */
    public LuaClosure load(byte[] source, String chunkName, LuaTable env) {
        FuncProto p;
        try {
            p = Parser.parse(source, chunkId(chunkName), cs.cCalls);
        } catch (StackOverflowError e) {
            throw new LuaError(chunkId(chunkName) + ": chunk has too many syntax levels");
        }
        return new LuaClosure(p, new Cell[0], env);
    }

    /** luaO_chunkid: how a chunk name appears in messages. */
    static String chunkId(String name) {
        if (name.startsWith("=") || name.startsWith("@")) {
            String s = name.substring(1);
            // Redis's Lua has LUA_IDSIZE 80
            if (name.startsWith("=")) return s.length() > 79 ? s.substring(0, 79) : s;
            return s.length() > 79 ? "..." + s.substring(s.length() - 76) : s;
        }
        int len = 0;
        while (len < name.length() && name.charAt(len) != '\n' && name.charAt(len) != '\r') len++;
        int max = 80 - 17;
        if (len > max) len = max;
        if (len < name.length()) return "[string \"" + name.substring(0, len) + "...\"]";
        return "[string \"" + name + "\"]";
    }

    // ---------------------------------------------------------------- calls

    /** Calls any callable value (functions, or values whose metatable has __call), as lua_call from a builtin. */
    public Object[] call(Object fn, Object... args) {
        CallStack s = cs;
        if (++s.cCalls >= CallStack.MAX_C_CALLS) {
            s.cCalls--;
            throw runError("C stack overflow");
        }
        // the calling builtin may still name itself in an argument error afterwards
        String savedName = callName, savedWhat = callNameWhat;
        try {
            if (fn instanceof LuaClosure) return ((LuaClosure) fn).invoke(this, args);
            return callAt(fn, args, null, null);
        } finally {
            s.cCalls--;
            callName = savedName;
            callNameWhat = savedWhat;
        }
    }

    /** A call from Lua code: names the callee for error messages as the call site does. */
    Object[] callAt(Object fn, Object[] args, String what, String name) {
        if (fn instanceof LuaClosure) return ((LuaClosure) fn).invoke(this, args);
        if (fn instanceof LuaFunction) {
            callName = name;
            callNameWhat = what;
            return callBuiltin((LuaFunction) fn, args);
        }
        Object h = metaField(fn, CALL);
        if (!(h instanceof LuaFunction)) {
            // the generic for's iterator is named in argument errors only
            if ("(for generator)".equals(name)) what = null;
            throw runError(typeMessage("call", fn, what, name));
        }
        Object[] a = new Object[args.length + 1];
        a[0] = fn;
        System.arraycopy(args, 0, a, 1, args.length);
        if (h instanceof LuaClosure) return ((LuaClosure) h).invoke(this, a);
        callName = name;
        callNameWhat = what;
        return callBuiltin((LuaFunction) h, a);
    }

    private Object[] callBuiltin(LuaFunction fn, Object[] args) {
        CallStack s = cs;
        s.push(this, null);
        try {
            Object[] r = fwd != null && !(fn instanceof Builtin) ? (Object[]) fwd.run(() -> fn.call(this, args)) : fn.call(this, args);
            return r == null ? Lua.NONE : r;
        } catch (StackOverflowError e) {
            throw runError("stack overflow");
        } finally {
            s.top--;
        }
    }

    /** A metamethod call (counts as a C call, as luaD_call does); its first result. */
    private Object callMeta(Object h, Object... args) {
        Object[] r = call(h, args);
        return r.length == 0 ? null : r[0];
    }

    /**
     * Runs a task on the Java thread that entered the interpreter: directly when that is the
     * current thread, else handed to it (it waits for the helper thread running Lua now). For
     * builtins that touch state owned by that thread; plain builtins are already run this way.
     */
    public Object onOwnerThread(java.util.function.Supplier<Object> task) {
        Forwarder f = fwd;
        return f == null ? task.get() : f.run(task);
    }

    /** A message between a helper thread and the thread waiting for it. */
    static final class Handoff {
        final java.util.function.Supplier<Object> task;
        final Object result;
        final Throwable failure;
        final boolean done;

        Handoff(java.util.function.Supplier<Object> task, Object result, Throwable failure, boolean done) {
            this.task = task;
            this.result = result;
            this.failure = failure;
            this.done = done;
        }
    }

    /** Runs a helper thread's task here, in the waiting thread's own context. */
    Handoff serve(java.util.function.Supplier<Object> task, Forwarder own) {
        Forwarder child = fwd;
        fwd = own;
        try {
            return new Handoff(null, onOwnerThread(task), null, true);
        } catch (Throwable e) {
            return new Handoff(null, null, e, true);
        } finally {
            fwd = child;
        }
    }

    static Object unwrap(Handoff h) {
        if (h.failure instanceof RuntimeException) throw (RuntimeException) h.failure;
        if (h.failure instanceof Error) throw (Error) h.failure;
        if (h.failure != null) throw new IllegalStateException(h.failure);
        return h.result;
    }

    /** Runs a deep Lua call on a fresh thread with a large stack, waiting for it. */
    Object[] continueOnFreshStack(LuaClosure c, Object[] args) {
        CallStack s = cs;
        int savedDepth = s.nativeDepth;
        Forwarder own = fwd;
        java.util.concurrent.SynchronousQueue<Handoff> up = new java.util.concurrent.SynchronousQueue<>();
        java.util.concurrent.SynchronousQueue<Handoff> down = new java.util.concurrent.SynchronousQueue<>();
        Thread t = new Thread(null, () -> {
            s.nativeDepth = Integer.MIN_VALUE / 2; // this stack is large enough for MAX_FRAMES
            fwd = task -> {
                LuaThread.put(up, new Handoff(task, null, null, false));
                return unwrap(LuaThread.take(down));
            };
            Handoff result;
            try {
                result = new Handoff(null, c.invoke(this, args), null, true);
            } catch (Throwable e) {
                result = new Handoff(null, null, e, true);
            }
            LuaThread.put(up, result);
        }, "fakeredis-lua-stack", 1L << 28); // 20000 Lua frames need about 60 MB; reserved, not committed
        t.setDaemon(true);
        try {
            t.start();
        } catch (OutOfMemoryError e) {
            // no room for another thread: go on here, a StackOverflowError becomes "stack overflow"
            s.nativeDepth = Integer.MIN_VALUE / 2;
            try {
                return c.invoke(this, args);
            } finally {
                s.nativeDepth = savedDepth;
            }
        }
        try {
            for (;;) {
                Handoff h = LuaThread.take(up);
                if (h.done) return (Object[]) unwrap(h);
                LuaThread.put(down, serve(h.task, own));
            }
        } finally {
            fwd = own;
            s.nativeDepth = savedDepth;
        }
    }

    // ---------------------------------------------------------------- errors and positions

    /** luaG_runerror: the message positioned at the running Lua function's current line, if one runs. */
    LuaError runError(String msg) {
        Frame f = cs.current();
        if (f != null) return new LuaError(LuaString.latin1(f.cl.proto.chunkId + ":" + f.line + ": " + msg));
        return new LuaError(LuaString.latin1(msg));
    }

    /** luaG_typeerror's text: "attempt to call global 'f' (a nil value)". */
    static String typeMessage(String op, Object v, String what, String name) {
        String t = Lua.typeName(v);
        if (what != null) return "attempt to " + op + " " + what + " '" + name + "' (a " + t + " value)";
        return "attempt to " + op + " a " + t + " value";
    }

    private LuaError typeError(String op, Object v, Expr e) {
        return runError(typeMessage(op, v, e == null ? null : e.kind(), e == null ? null : e.varName()));
    }

    /** luaL_where(level): "chunk:line: " of the Lua function at that level, or "". */
    public String where(int level) {
        CallStack s = cs;
        int i = s.top - 1 - level;
        if (i < 0 || i >= s.top) return "";
        Frame f = s.frames[i];
        if (f == null) return "";
        return f.cl.proto.chunkId + ":" + f.line + ": ";
    }

    // ---------------------------------------------------------------- metatables

    /** The metatable of any value (strings share stringMetatable), or null. */
    public LuaTable getMetatable(Object v) {
        if (v instanceof LuaTable) return ((LuaTable) v).metatable;
        if (v instanceof LuaString) return stringMetatable;
        if (v instanceof LuaUserdata) return ((LuaUserdata) v).metatable;
        return null;
    }

    /** A raw field of v's metatable, or null. */
    Object metaField(Object v, LuaString event) {
        LuaTable mt = getMetatable(v);
        return mt == null ? null : mt.get(event);
    }

    // ---------------------------------------------------------------- indexing

    /** t[k] with __index. */
    public Object index(Object t, Object k) {
        return index(t, k, null);
    }

    Object index(Object t, Object k, Expr tExpr) {
        for (int loop = 0; loop < MAX_TAG_LOOP; loop++) {
            Object h;
            if (t instanceof LuaTable) {
                LuaTable tab = (LuaTable) t;
                Object v = tab.get(k);
                if (v != null || tab.metatable == null || (h = tab.metatable.get(INDEX)) == null) return v;
            } else {
                h = metaField(t, INDEX);
                if (h == null) throw typeError("index", t, loop == 0 ? tExpr : null);
            }
            if (h instanceof LuaFunction) return callMeta(h, t, k);
            t = h;
        }
        throw runError("loop in gettable");
    }

    /** t[k] = v with __newindex. */
    public void setIndex(Object t, Object k, Object v) {
        setIndex(t, k, v, null);
    }

    void setIndex(Object t, Object k, Object v, Expr tExpr) {
        for (int loop = 0; loop < MAX_TAG_LOOP; loop++) {
            Object h;
            if (t instanceof LuaTable) {
                LuaTable tab = (LuaTable) t;
                // Redis 7's readonly tables (the sandbox's globals and libraries), checked first as its lvm.c does
                if (tab.readonly) throw runError("Attempt to modify a readonly table");
                checkKey(k);
                if (tab.metatable == null || tab.get(k) != null || (h = tab.metatable.get(NEWINDEX)) == null) {
                    tab.put(k, v);
                    return;
                }
            } else {
                h = metaField(t, NEWINDEX);
                if (h == null) throw typeError("index", t, loop == 0 ? tExpr : null);
            }
            if (h instanceof LuaFunction) {
                call(h, t, k, v);
                return;
            }
            t = h;
        }
        throw runError("loop in settable");
    }

    private void checkKey(Object k) {
        if (k == null) throw runError("table index is nil");
        if (k instanceof Double && Double.isNaN((Double) k)) throw runError("table index is NaN");
    }

    /** rawset with Lua's checks: "table index is nil" / "table index is NaN" (positioned). */
    public void rawset(LuaTable t, Object k, Object v) {
        checkKey(k);
        t.put(k, v);
    }

    // ---------------------------------------------------------------- operators

    Object arith(int op, Object a, Object b, Expr ea, Expr eb) {
        Double x = Lua.toNumber(a);
        Double y = x == null ? null : Lua.toNumber(b);
        if (x != null && y != null) return Nodes.arith(op, x, y);
        LuaString event = ARITH_EVENTS[op];
        Object h = metaField(a, event);
        if (h == null) h = metaField(b, event);
        if (h != null) return callMeta(h, a, b);
        if (x == null) throw typeError("perform arithmetic on", a, ea);
        throw typeError("perform arithmetic on", b, eb);
    }

    Object unm(Object a, Expr ea) {
        Double x = Lua.toNumber(a);
        if (x != null) return -x;
        Object h = metaField(a, UNM);
        if (h != null) return callMeta(h, a, a);
        throw typeError("perform arithmetic on", a, ea);
    }

    Object len(Object a, Expr ea) {
        if (a instanceof LuaTable) return (double) ((LuaTable) a).length();
        if (a instanceof LuaString) return (double) ((LuaString) a).length();
        Object h = metaField(a, LEN);
        if (h != null) return callMeta(h, a, null);
        throw typeError("get length of", a, ea);
    }

    private static boolean isStringLike(Object v) {
        return v instanceof LuaString || v instanceof Double;
    }

    /** luaV_concat over the values of one concatenation chain, right to left. */
    Object concat(Object[] v, Expr[] exprs) {
        int total = v.length;
        int last = total - 1;
        do {
            int n = 2;
            Object a = v[last - 1], b = v[last];
            if (!isStringLike(a) || !isStringLike(b)) {
                Object h = metaField(a, CONCAT);
                if (h == null) h = metaField(b, CONCAT);
                if (h == null) {
                    int bad = isStringLike(a) ? last : last - 1;
                    throw typeError("concatenate", v[bad], exprs == null ? null : exprs[bad]);
                }
                v[last - 1] = callMeta(h, a, b);
            } else {
                n = 1;
                int size = Lua.toLuaString(b).length();
                while (n < total && isStringLike(v[last - n])) {
                    size += Lua.toLuaString(v[last - n]).length();
                    n++;
                }
                byte[] out = new byte[size];
                int pos = 0;
                for (int i = last - n + 1; i <= last; i++) {
                    byte[] s = Lua.toLuaString(v[i]).bytes;
                    System.arraycopy(s, 0, out, pos, s.length);
                    pos += s.length;
                }
                v[last - n + 1] = LuaString.wrap(out);
            }
            total -= n - 1;
            last -= n - 1;
        } while (total > 1);
        return v[last];
    }

    /** a == b with __eq. */
    public boolean equals(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof Double && b instanceof Double) return ((Double) a).doubleValue() == ((Double) b).doubleValue();
        if (a instanceof LuaTable && b instanceof LuaTable || a instanceof LuaUserdata && b instanceof LuaUserdata) {
            Object h = compareMeta(a, b, EQ);
            return h != null && Lua.isTrue(callMeta(h, a, b));
        }
        return a.equals(b);
    }

    /** Raw equality (rawequal). */
    static boolean rawEquals(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof Double && b instanceof Double) return ((Double) a).doubleValue() == ((Double) b).doubleValue();
        if (a instanceof LuaString || a instanceof Boolean) return a.equals(b);
        return false;
    }

    /** get_compTM: the metamethod both operands share, or null. */
    private Object compareMeta(Object a, Object b, LuaString event) {
        LuaTable m1 = getMetatable(a);
        Object h1 = m1 == null ? null : m1.get(event);
        if (h1 == null) return null;
        LuaTable m2 = getMetatable(b);
        if (m1 == m2) return h1;
        Object h2 = m2 == null ? null : m2.get(event);
        return h2 != null && rawEquals(h1, h2) ? h1 : null;
    }

    private LuaError orderError(Object a, Object b) {
        String t1 = Lua.typeName(a), t2 = Lua.typeName(b);
        if (t1.charAt(2) == t2.charAt(2)) return runError("attempt to compare two " + t1 + " values");
        return runError("attempt to compare " + t1 + " with " + t2);
    }

    /** call_orderTM: 1 true, 0 false, -1 when the operands share no such metamethod. */
    private int orderMeta(Object a, Object b, LuaString event) {
        Object h1 = metaField(a, event);
        if (h1 == null) return -1;
        Object h2 = metaField(b, event);
        if (!rawEquals(h1, h2)) return -1;
        return Lua.isTrue(callMeta(h1, a, b)) ? 1 : 0;
    }

    /** a &lt; b with __lt, or Lua's "attempt to compare ..." error. */
    public boolean lessThan(Object a, Object b) {
        if (a instanceof Double && b instanceof Double) return (Double) a < (Double) b;
        if (a instanceof LuaString && b instanceof LuaString) return ((LuaString) a).compareTo((LuaString) b) < 0;
        if (a == null || b == null || !Lua.typeName(a).equals(Lua.typeName(b))) throw orderError(a, b);
        int r = orderMeta(a, b, LT);
        if (r >= 0) return r == 1;
        throw orderError(a, b);
    }

    /** a &lt;= b with __le, falling back to not (b &lt; a) with __lt. */
    public boolean lessEqual(Object a, Object b) {
        if (a instanceof Double && b instanceof Double) return (Double) a <= (Double) b;
        if (a instanceof LuaString && b instanceof LuaString) return ((LuaString) a).compareTo((LuaString) b) <= 0;
        if (a == null || b == null || !Lua.typeName(a).equals(Lua.typeName(b))) throw orderError(a, b);
        int r = orderMeta(a, b, LE);
        if (r >= 0) return r == 1;
        r = orderMeta(b, a, LT);
        if (r >= 0) return r == 0;
        throw orderError(a, b);
    }

    // ---------------------------------------------------------------- strings

    /** tostring(): __tostring, or the default text ("table: 0x...", numbers as %.14g). */
    public LuaString tostring(Object v) {
        Object h = metaField(v, TOSTRING);
        if (h != null) {
            Object r = callMeta(h, v);
            LuaString s = Lua.toLuaString(r);
            if (s == null) throw error("'__tostring' must return a string");
            return s;
        }
        return rawToString(v);
    }

    /** The text of a value without metamethods. */
    static LuaString rawToString(Object v) {
        if (v == null) return LuaString.of("nil");
        if (v instanceof Boolean) return LuaString.of((Boolean) v ? "true" : "false");
        LuaString s = Lua.toLuaString(v);
        if (s != null) return s;
        // a light userdata prints its pointer: cjson.null's is NULL, "userdata: (nil)" in glibc
        if (v instanceof LuaUserdata && ((LuaUserdata) v).label != null) return LuaString.of("userdata: " + ((LuaUserdata) v).label);
        String type = v instanceof LuaFunction ? "function" : Lua.typeName(v);
        return LuaString.of(type + ": " + address(v));
    }

    /** A stable pseudo address, printed as %p does. */
    static String address(Object v) {
        return String.format("0x%08x", System.identityHashCode(v));
    }

    // ---------------------------------------------------------------- coroutines

    /** Ends every suspended coroutine (their Java threads finish); call after each script run. */
    public void closeCoroutines() {
        List<LuaThread> all = new ArrayList<>(coroutines);
        coroutines.clear();
        for (LuaThread co : all) co.kill();
        workers.stopAll();
    }

    /** luaL_error: an error whose message starts with where(1). */
    public LuaError error(String message) {
        return new LuaError(text(where(1) + message));
    }

    /**
     * A message as Lua bytes: one byte per char, as the libraries embed Lua strings with
     * LuaString.latin1(); a text with chars beyond 0xff is taken as UTF-8.
     */
    static LuaString text(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xff) return LuaString.of(s);
        }
        return LuaString.latin1(s);
    }

    /**
     * luaL_argerror for the builtin being called: "bad argument #n to 'name' (extra)", named as
     * the call site names it, with Lua's method adjustments ("calling 'x' on bad self").
     */
    public LuaError argError(int narg, String extra) {
        String name = callName;
        if ("method".equals(callNameWhat)) {
            narg--;
            if (narg == 0) return error("calling '" + name + "' on bad self (" + extra + ")");
        }
        if (name == null) name = "?";
        return error("bad argument #" + narg + " to '" + name + "' (" + extra + ")");
    }

    /** luaL_typerror: argError(narg, "tname expected, got <type or 'no value'>"). */
    public LuaError typeError(Object[] args, int narg, String tname) {
        String got = narg <= args.length ? Lua.typeName(args[narg - 1]) : "no value";
        return argError(narg, tname + " expected, got " + got);
    }

    // ---- luaL_check* / luaL_opt* (narg is 1-based, as in Lua) ----

    public Object checkAny(Object[] args, int narg) {
        if (narg > args.length) throw argError(narg, "value expected");
        return args[narg - 1];
    }

    public LuaString checkString(Object[] args, int narg) {
        LuaString s = narg <= args.length ? Lua.toLuaString(args[narg - 1]) : null;
        if (s == null) throw typeError(args, narg, "string");
        return s;
    }

    public double checkNumber(Object[] args, int narg) {
        Double d = narg <= args.length ? Lua.toNumber(args[narg - 1]) : null;
        if (d == null) throw typeError(args, narg, "number");
        return d;
    }

    /** luaL_checkint: the number truncated toward zero, as (int) lua_Number. */
    public int checkInt(Object[] args, int narg) {
        return (int) (long) checkNumber(args, narg);
    }

    public LuaTable checkTable(Object[] args, int narg) {
        if (narg <= args.length && args[narg - 1] instanceof LuaTable) return (LuaTable) args[narg - 1];
        throw typeError(args, narg, "table");
    }

    public LuaString optString(Object[] args, int narg, LuaString def) {
        return narg > args.length || args[narg - 1] == null ? def : checkString(args, narg);
    }

    public double optNumber(Object[] args, int narg, double def) {
        return narg > args.length || args[narg - 1] == null ? def : checkNumber(args, narg);
    }

    public int optInt(Object[] args, int narg, int def) {
        return narg > args.length || args[narg - 1] == null ? def : checkInt(args, narg);
    }

    /**
     * Runs every after this many VM instructions (Lua's count hook); null for none. The hook may
     * throw LuaError to stop the script (SCRIPT KILL).
     */
    public void setHook(Runnable every, int count) {
        hook = every;
        hookCount = every == null ? Integer.MAX_VALUE : Math.max(1, count);
        hookLeft = hookCount;
    }

    /** Called by the interpreter when the instruction budget runs out. */
    void hookTick() {
        hookLeft = hookCount;
        Runnable h = hook;
        if (h == null) return;
        if (fwd == null) {
            h.run();
        } else {
            fwd.run(() -> {
                h.run();
                return null;
            });
        }
    }
}
