package io.fakeredis.core.scripting;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.ReplySink;
import io.fakeredis.core.command.Command;
import io.fakeredis.core.command.CommandTable;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.scripting.lua.Rand48;
import io.fakeredis.core.scripting.runtime.VmRuntime;
import io.fakeredis.core.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * EVAL and friends, as Redis's eval.c and script.c: the script cache (by real SHA1), shebang
 * flags, the checks redis.call applies, and Redis's error texts. Runs under the engine lock, so
 * a script is atomic.
 */
public final class Scripting {
    public static final int FLAG_NO_WRITES = 1;
    public static final int FLAG_ALLOW_OOM = 2;
    public static final int FLAG_ALLOW_STALE = 4;
    public static final int FLAG_NO_CLUSTER = 8;
    public static final int FLAG_ALLOW_CROSS_SLOT = 16;

    private static final String[] FLAG_NAMES = {"no-writes", "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys"};

    private final Engine engine;
    private LuaRuntime lua;
    private final Map<String, Script> scripts = new HashMap<>();
    private Client scriptClient;
    private final Bridge bridge = new Bridge();
    private final List<String> log = new ArrayList<>();

    /** A cached script body and its compiled form. */
    private static final class Script {
        final Object compiled;
        final int flags;

        Script(Object compiled, int flags) {
            this.compiled = compiled;
            this.flags = flags;
        }
    }

    /** math.random's generator: one per server, shared with functions, kept across SCRIPT FLUSH (as Redis's). */
    final Rand48 luaRandom = new Rand48();

    public Scripting(Engine engine) {
        this.engine = engine;
    }

    /** Scripts in the cache, for INFO memory's number_of_cached_scripts. */
    public int cachedScripts() {
        return scripts.size();
    }

    private LuaRuntime lua() {
        if (lua == null) lua = new VmRuntime(Engine.VERSION, versionNum(Engine.VERSION), false, luaRandom);
        return lua;
    }

    static int versionNum(String v) {
        String[] p = v.split("\\.");
        return (Integer.parseInt(p[0]) << 16) | (Integer.parseInt(p[1]) << 8) | Integer.parseInt(p[2]);
    }

    public static String sha1hex(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(body);
            StringBuilder b = new StringBuilder(40);
            for (byte x : d) b.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- commands ----

    /** EVAL, EVALSHA, EVAL_RO, EVALSHA_RO. */
    public void eval(Client c, boolean bySha, boolean readOnly) {
        // fed here, not after the call, so that the script's commands come after it
        engine.feedMonitors(c, c.argv);
        long numkeys = Bytes.toLong(c.argv[2]);
        if (numkeys > c.argc() - 3) {
            c.reply.error("ERR Number of keys can't be greater than number of args");
            return;
        }
        if (numkeys < 0) {
            c.reply.error("ERR Number of keys can't be negative");
            return;
        }
        String sha;
        Script script;
        if (bySha) {
            sha = Bytes.str(c.argv[1]).toLowerCase(java.util.Locale.ROOT);
            script = sha.length() == 40 ? scripts.get(sha) : null;
            if (script == null) {
                c.reply.error("NOSCRIPT No matching script. Please use EVAL.");
                return;
            }
        } else {
            sha = sha1hex(c.argv[1]);
            script = scripts.get(sha);
            if (script == null) {
                script = create(c, c.argv[1]);
                if (script == null) return;
                scripts.put(sha, script);
            }
        }
        byte[][] keys = Arrays.copyOfRange(c.argv, 3, 3 + (int) numkeys);
        byte[][] args = Arrays.copyOfRange(c.argv, 3 + (int) numkeys, c.argc());
        run(c, sha, script, keys, args, readOnly || (script.flags & FLAG_NO_WRITES) != 0);
    }

    public void scriptLoad(Client c) {
        String sha = sha1hex(c.argv[2]);
        if (!scripts.containsKey(sha)) {
            Script s = create(c, c.argv[2]);
            if (s == null) return;
            scripts.put(sha, s);
        }
        c.reply.bulk(sha);
    }

    public void scriptExists(Client c) {
        c.reply.array(c.argc() - 2);
        for (int i = 2; i < c.argc(); i++) {
            c.reply.integer(scripts.containsKey(Bytes.str(c.argv[i]).toLowerCase(java.util.Locale.ROOT)) ? 1 : 0);
        }
    }

    public void scriptFlush(Client c) {
        if (c.argc() == 3 && !Bytes.eq(c.argv[2], "SYNC") && !Bytes.eq(c.argv[2], "ASYNC") || c.argc() > 3) {
            c.reply.error("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
            return;
        }
        flush();
        c.reply.ok();
    }

    /** Forgets every script and starts a fresh Lua state, as SCRIPT FLUSH does. */
    public void flush() {
        scripts.clear();
        lua = null;
    }

    /** Messages scripts wrote with redis.log, oldest first. */
    public List<String> log() {
        return new ArrayList<>(log);
    }

    // ---- running ----

    /** Compiles a body (shebang handled); on failure replies with Redis's error and returns null. */
    private Script create(Client c, byte[] body) {
        int flags = 0;
        byte[] code = body;
        if (body.length >= 2 && body[0] == '#' && body[1] == '!') {
            int nl = 0;
            while (nl < body.length && body[nl] != '\n') nl++;
            if (nl == body.length) {
                c.reply.error("ERR Invalid script shebang");
                return null;
            }
            String[] parts = new String(body, 0, nl, StandardCharsets.UTF_8).trim().split("\\s+");
            if (!parts[0].equals("#!lua")) {
                c.reply.error("ERR Unexpected engine in script shebang: " + parts[0]);
                return null;
            }
            for (int j = 1; j < parts.length; j++) {
                if (!parts[j].startsWith("flags=")) {
                    c.reply.error("ERR Unknown lua shebang option: " + parts[j]);
                    return null;
                }
                for (String f : parts[j].substring(6).split(",", -1)) {
                    int bit = flagBit(f);
                    if (bit == 0) {
                        c.reply.error("ERR Unexpected flag in script shebang: " + f);
                        return null;
                    }
                    flags |= bit;
                }
            }
            code = Arrays.copyOfRange(body, nl, body.length); // keep the newline: line numbers stay right
        }
        try {
            return new Script(lua().compile("user_script", code), flags);
        } catch (ScriptError e) {
            c.reply.error("ERR Error compiling script (new function): " + e.getMessage());
            return null;
        }
    }

    public static String flagName(int bit) {
        return FLAG_NAMES[bit];
    }

    public static int flagBit(String name) {
        for (int i = 0; i < FLAG_NAMES.length; i++) if (FLAG_NAMES[i].equals(name)) return 1 << i;
        return 0;
    }

    private void run(Client caller, String sha, Script script, byte[][] keys, byte[][] args, boolean readOnly) {
        Client sc = scriptClient();
        sc.db = caller.db;
        sc.reply.resp(2);
        sc.authenticated = true;
        bridge.readOnly = readOnly;
        bridge.caller = caller;
        LuaRuntime rt = lua();
        starting(rt, true, caller, sha);
        try {
            rt.run(script.compiled, keys, args, bridge, caller.reply);
        } catch (ScriptError e) {
            String where = e.line > 0 && e.source != null ? " script: " + sha + ", on " + e.source + ":" + e.line + "." : "";
            raised(caller, e, where);
        } finally {
            bridge.caller = null;
            running = null;
        }
    }

    /** The error a script raised, as its caller's reply. */
    private static void raised(Client caller, ScriptError e, String where) {
        String text = (e.getMessage() + where).replace('\r', ' ').replace('\n', ' ');
        if (e.counted) caller.reply.errorCounted(text);
        else caller.reply.error(text);
    }

    // ---- the busy script: read by I/O threads that could not get the engine lock ----

    public static final String BUSY_EVAL = "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
    public static final String BUSY_FUNCTION = "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";
    private static final String UNKILLABLE = "UNKILLABLE Sorry the script already executed write commands against the dataset. "
            + "You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.";
    private static final String NOTBUSY = "NOTBUSY No scripts in execution right now.";

    /** The runtime running a script or function, null when none runs. */
    private volatile LuaRuntime running;
    private volatile long runningSince;
    private volatile long busyThreshold;
    private volatile boolean runningEval;
    private volatile boolean wroteDirty;

    private volatile byte[][] runningArgv;
    private volatile String runningName;

    /** The running script's thread's {@link BusyHook}, null when none is installed. */
    private Runnable whileBusy;
    private boolean serving;
    private final Runnable tick = this::tick;

    /** Every 100000 instructions of the running script. */
    private void tick() {
        Runnable hook = whileBusy;
        if (hook == null || serving || running == null) return;
        if (engine.clock().millis() - runningSince < busyThreshold) return;
        serving = true;
        try {
            hook.run();
        } catch (RuntimeException e) {
            // the script must not fail because serving another client did
            System.err.println("fakeredis: error serving clients during a busy script: " + e);
        } finally {
            serving = false;
        }
    }

    private void starting(LuaRuntime rt, boolean eval, Client caller, String name) {
        runningArgv = caller.argv;
        runningName = name;
        runningSince = engine.clock().millis();
        busyThreshold = engine.config().getLong("busy-reply-threshold");
        runningEval = eval;
        wroteDirty = false;
        whileBusy = BusyHook.current();
        rt.periodic(whileBusy == null ? null : tick);
        running = rt;
    }

    /**
     * The reply for a command that arrives while a script holds the engine lock, as Redis's
     * processCommand gives it once the script has run past busy-reply-threshold: BUSY for most
     * commands, SCRIPT KILL and FUNCTION KILL handled. Null means: wait for the lock. Safe
     * without the engine lock. The reply is an error or +OK, identical in RESP2 and RESP3.
     */
    public byte[] busyReply(byte[][] argv, int resp) {
        return busyReply(argv, resp, false);
    }

    /**
     * As {@link #busyReply(byte[][], int)} for a client that may be inside MULTI: there the
     * allow-busy commands are queued as usual (null: the caller runs or waits for them).
     */
    public byte[] busyReply(byte[][] argv, int resp, boolean inMulti) {
        LuaRuntime rt = running;
        if (rt == null || argv.length == 0) return null;
        if (engine.clock().millis() - runningSince < busyThreshold) return null;
        Command cmd = engine.commands().lookup(argv[0]);
        if (cmd != null && cmd.isContainer() && argv.length >= 2) cmd = cmd.subcommand(Bytes.lower(argv[1]));
        if (cmd == null || !cmd.arityOk(argv.length) || cmd.isProtected()) return null;
        boolean eval = runningEval;
        String busy = eval ? BUSY_EVAL : BUSY_FUNCTION;
        String reply;
        if (!cmd.has(Command.ALLOW_BUSY)) {
            reply = busy;
        } else if (inMulti) {
            return null;
        } else if (cmd.fullName.equals("script|kill") || cmd.fullName.equals("function|kill")) {
            boolean killEval = cmd.fullName.equals("script|kill");
            if (wroteDirty) {
                reply = UNKILLABLE;
            } else if (killEval != eval) {
                reply = busy;
            } else {
                rt.kill();
                return "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
            }
        } else if (cmd.fullName.equals("function|stats")) {
            if (eval) {
                reply = busy;
            } else {
                return busyStats(resp);
            }
        } else {
            return null;
        }
        return ("-" + reply + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Whether a command that {@link #busyReply} leaves waiting runs at once during a busy script,
     * through Engine.executeWhileBusy: the allow-busy commands that only touch the connection
     * (HELLO, AUTH, MULTI, DISCARD, WATCH, UNWATCH, RESET, QUIT), any allow-busy command inside MULTI
     * (queued), and commands Redis refuses before its busy check (unknown command or subcommand,
     * wrong arity, protected commands). SHUTDOWN outside MULTI waits for the script.
     */
    public boolean runsWhileBusy(byte[][] argv, boolean inMulti) {
        if (argv.length == 0) return false;
        Command cmd = engine.commands().lookup(argv[0]);
        if (cmd == null) return true;
        if (cmd.isContainer() && argv.length >= 2) {
            Command sub = cmd.subcommand(Bytes.lower(argv[1]));
            if (sub == null || sub.proc() == null) return true;
            cmd = sub;
        } else if (!io.fakeredis.core.command.CommandTable.implemented(cmd)) {
            return true;
        }
        if (!cmd.arityOk(argv.length) || cmd.isProtected()) return true;
        // inside MULTI an allow-busy command is queued (or refused, e.g. WATCH), never run
        if (inMulti && cmd.has(Command.ALLOW_BUSY)) return true;
        switch (cmd.fullName) {
            case "hello": case "auth": case "multi": case "discard": case "watch": case "unwatch":
            case "reset": case "quit":
                return true;
            default:
                return false;
        }
    }

    /** FUNCTION STATS while a function runs: its name, command line and running time. */
    private byte[] busyStats(int resp) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        byte[][] argv = runningArgv;
        header(o, resp, 2);
        bulk(o, Bytes.utf8("running_script"));
        header(o, resp, 3);
        bulk(o, Bytes.utf8("name"));
        bulk(o, Bytes.utf8(runningName));
        bulk(o, Bytes.utf8("command"));
        o.writeBytes(Bytes.utf8("*" + argv.length + "\r\n"));
        for (byte[] a : argv) bulk(o, a);
        bulk(o, Bytes.utf8("duration_ms"));
        o.writeBytes(Bytes.utf8(":" + (engine.clock().millis() - runningSince) + "\r\n"));
        bulk(o, Bytes.utf8("engines"));
        header(o, resp, 1);
        bulk(o, Bytes.utf8("LUA"));
        header(o, resp, 2);
        bulk(o, Bytes.utf8("libraries_count"));
        o.writeBytes(Bytes.utf8(":" + engine.functions().libraryCount() + "\r\n"));
        bulk(o, Bytes.utf8("functions_count"));
        o.writeBytes(Bytes.utf8(":" + engine.functions().functionCount() + "\r\n"));
        return o.toByteArray();
    }

    private static void header(java.io.ByteArrayOutputStream o, int resp, int pairs) {
        o.writeBytes(Bytes.utf8(resp == 3 ? "%" + pairs + "\r\n" : "*" + pairs * 2 + "\r\n"));
    }

    private static void bulk(java.io.ByteArrayOutputStream o, byte[] b) {
        o.writeBytes(Bytes.utf8("$" + b.length + "\r\n"));
        o.writeBytes(b);
        o.writeBytes(Bytes.utf8("\r\n"));
    }

    /** SCRIPT KILL / FUNCTION KILL under the lock: no script can be running then. */
    public void kill(Client c) {
        c.reply.error(NOTBUSY);
    }

    /** FCALL: runs a library function's callback with Redis's error suffix naming the function. */
    public void runFunction(Client caller, String name, LuaRuntime rt, Object callback, byte[][] keys, byte[][] args, boolean readOnly) {
        Client sc = scriptClient();
        sc.db = caller.db;
        sc.reply.resp(2);
        sc.authenticated = true;
        bridge.readOnly = readOnly;
        bridge.caller = caller;
        starting(rt, false, caller, name);
        try {
            rt.callFunction(callback, keys, args, bridge, caller.reply);
        } catch (ScriptError e) {
            String where = e.line > 0 && e.source != null ? " script: " + name + ", on " + e.source + ":" + e.line + "." : "";
            raised(caller, e, where);
        } finally {
            bridge.caller = null;
            running = null;
        }
    }

    /** The bridge FUNCTION LOAD gets: only redis.log reaches it. */
    public LuaRuntime.Bridge logBridge() {
        scriptClient();
        return bridge;
    }

    private Client scriptClient() {
        if (scriptClient == null) {
            scriptClient = engine.createInternalClient(new NullSink());
            // scripts never block: BLPOP and friends answer at once, as with CLIENT_DENY_BLOCKING
            scriptClient.inMulti = true;
        }
        return scriptClient;
    }

    /** redis.call's view of the engine, with the checks Redis applies to script calls. */
    private final class Bridge implements LuaRuntime.Bridge {
        boolean readOnly;
        Client caller;

        @Override
        public void call(byte[][] argv, ReplySink sink) {
            CommandTable table = engine.commands();
            Command cmd = table.lookup(argv[0]);
            if (cmd != null && cmd.isContainer() && argv.length >= 2) cmd = cmd.subcommand(Bytes.lower(argv[1]));
            if (cmd == null) throw refuse(null, "ERR Unknown Redis command called from script");
            if (!cmd.arityOk(argv.length)) throw refuse(cmd, "ERR Wrong number of args calling Redis command from script");
            if (cmd.has(Command.NOSCRIPT)) throw refuse(cmd, "ERR This Redis command is not allowed from script");
            if (!CommandTable.implemented(cmd)) {
                engine.noteUnsupported(argv);
                throw refuse(null, "ERR Unknown Redis command called from script");
            }
            if (caller != null && !caller.aclUser.unrestricted) {
                String denied = engine.acl.check(caller.aclUser, cmd, argv);
                if (denied != null) {
                    engine.acl.addLog(caller, io.fakeredis.core.acl.Acl.reason(denied), "lua", engine.acl.deniedObject,
                            caller.user, io.fakeredis.core.cmd.ClientCommands.info(caller));
                    throw refuse(cmd, io.fakeredis.core.acl.Acl.scriptError(denied));
                }
            }
            if (readOnly && (cmd.has(Command.WRITE) || cmd.mayReplicate())) {
                throw refuse(cmd, "ERR Write commands are not allowed from read-only scripts.");
            }
            if (cmd.has(Command.WRITE)) wroteDirty = true; // from now on SCRIPT KILL refuses
            Client sc = scriptClient;
            ReplySink own = sc.reply;
            int resp = own.resp();
            sc.reply = sink;
            sink.resp(resp);
            sc.argv = argv;
            try {
                engine.call(sc, cmd);
            } finally {
                sc.reply = own;
            }
        }

        /** Redis's scriptCall refusing a call: an error reply of the script's client, and a rejected call of a known command. */
        private ScriptError refuse(Command cmd, String error) {
            engine.stats.rejected(cmd == null ? -1 : cmd.id, error);
            return new ScriptError(error);
        }

        @Override
        public void errorReply(String error) {
            engine.stats.error(error);
        }

        @Override
        public boolean aclCheck(byte[][] argv) {
            Command cmd = engine.commands().lookup(argv[0]);
            if (cmd != null && cmd.isContainer() && argv.length >= 2) cmd = cmd.subcommand(Bytes.lower(argv[1]));
            if (cmd == null) throw new ScriptError("ERR Invalid command passed to redis.acl_check_cmd()");
            return caller == null || caller.aclUser.unrestricted || engine.acl.check(caller.aclUser, cmd, argv) == null;
        }

        @Override
        public void setResp(int resp) {
            scriptClient.reply.resp(resp);
        }

        @Override
        public int resp() {
            return scriptClient.reply.resp();
        }

        @Override
        public void log(int level, String message) {
            if (log.size() >= 1000) log.remove(0);
            log.add(message);
        }
    }

    /** The script client's idle sink: only its protocol version matters between calls. */
    private static final class NullSink implements ReplySink {
        private int resp = 2;

        @Override public int resp() { return resp; }
        @Override public void resp(int version) { resp = version; }
        @Override public void status(String s) {}
        @Override public void error(String s) {}
        @Override public void integer(long v) {}
        @Override public void bulk(byte[] b, int off, int len) {}
        @Override public void nullBulk() {}
        @Override public void nullArray() {}
        @Override public void array(int n) {}
        @Override public void map(int n) {}
        @Override public void set(int n) {}
        @Override public void push(int n) {}
        @Override public void dbl(double d) {}
        @Override public void bool(boolean b) {}
        @Override public void verbatim(String format, byte[] text) {}
    }

    /** The database a script's calls run in; SELECT inside a script changes only this. */
    public Database scriptDb() {
        return scriptClient == null ? null : scriptClient.db;
    }

    /** The client whose script or function is running (Redis's script_caller), else null. */
    public Client caller() {
        return bridge.caller;
    }

    /** True for the client scripts run their calls through (Redis's CLIENT_SCRIPT flag). */
    public boolean isScriptClient(Client c) {
        return c != null && c == scriptClient;
    }
}
