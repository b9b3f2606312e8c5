package io.fakeredis.core;

import io.fakeredis.core.clock.Clock;
import io.fakeredis.core.command.Command;
import io.fakeredis.core.command.CommandTable;
import io.fakeredis.core.config.Config;
import io.fakeredis.core.blocking.Blocking;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.multi.Transactions;
import io.fakeredis.core.pubsub.PubSub;
import io.fakeredis.core.util.Bytes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single-threaded heart, like Redis's {@code server}: databases, clients, config and the
 * dispatcher. Commands run one at a time under {@link #lock}, so each is atomic; callers parse
 * and do I/O outside it.
 */
public final class Engine implements AutoCloseable {
    public static final String VERSION = "7.0.15";
    public static final int DATABASES = 16;
    private static final AtomicInteger ENGINES = new AtomicInteger();

    /** Held while a command runs. Socket threads and the typed API both take it. */
    public final ReentrantLock lock = new ReentrantLock();
    public final Stats stats;
    public final Random random = new Random();
    public final Transactions transactions = new Transactions(this);
    /*
     * Blocking, pub/sub, scripts and functions are made on first use: most engines in a test run
     * need none of them, and loading their classes was about a tenth of the first engine's start
     * (docs/startup.md). The hot path checks for null instead: nobody blocked, nobody subscribed.
     */
    private volatile Blocking blocking;
    private volatile PubSub pubsub;
    private volatile io.fakeredis.core.scripting.Scripting scripting;
    private volatile io.fakeredis.core.scripting.Functions functions;
    /** Made when the first latency event is recorded or LATENCY asks; the threshold is 0 by default. */
    private io.fakeredis.core.latency.LatencyMonitor latency;
    /** CLIENT TRACKING's tables, made when a client first turns tracking on. */
    private volatile io.fakeredis.core.tracking.Tracking tracking;
    /** Commands received from wire clients, for test assertions; Main switches it off. */
    public final CommandLog commandLog = new CommandLog();
    public final long startMs;
    public final String runId;

    private final Clock clock;
    private final Config config = new Config();
    private final CommandTable table = CommandTable.get();
    /** ACL users; after config and table, which it reads. */
    public final io.fakeredis.core.acl.Acl acl = new io.fakeredis.core.acl.Acl(this);
    private final Database[] dbs = new Database[DATABASES];
    private final Map<Long, Client> clients = new LinkedHashMap<>();
    private final AtomicLong nextClientId = new AtomicLong(1);
    /** The cron thread (active expiry, blocking timeouts); started on first need, see {@link #cron()}. */
    private volatile ScheduledExecutorService cron;
    private final Runnable clockListener = this::onClockAdvance;
    private static final Client[] NO_CLIENTS = {};
    /** MONITOR clients in the order they started; call() checks only that this is empty. */
    private Client[] monitors = NO_CLIENTS;
    private final List<String> unsupported = Collections.synchronizedList(new ArrayList<>());
    /** Commands that failed with an unexpected exception: fake bugs, reported loudly. */
    private final List<String> internalErrors = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    /** Command time: the clock read once per command, as Redis's commandTimeSnapshot. */
    private long now;

    public Engine(Clock clock) {
        this.clock = clock;
        for (int i = 0; i < DATABASES; i++) dbs[i] = new Database(this, i);
        this.stats = new Stats(table.size());
        this.startMs = clock.millis();
        this.now = startMs;
        this.runId = randomHex(40);
        if (clock.isManual()) clock.onAdvance(clockListener);
    }

    /**
     * The cron thread, started the first time a key gets a TTL or a client blocks with a timeout:
     * most tests need neither, and the thread and its executor were a tenth of the first engine's
     * start. Null with a manual clock (advance() ticks instead) and once closed, so no thread leaks.
     */
    private ScheduledExecutorService cron() {
        ScheduledExecutorService ex = cron;
        if (ex != null || clock.isManual()) return ex;
        synchronized (this) {
            if (cron == null && !closed) {
                ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
                    Thread t = new Thread(r, "fakeredis-cron-" + ENGINES.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                e.setRemoveOnCancelPolicy(true);
                e.scheduleWithFixedDelay(this::cronTick, 100, 100, TimeUnit.MILLISECONDS);
                cron = e;
            }
            return cron;
        }
    }

    /** A key got a TTL: active expiry needs the cron thread from now on. */
    public void onExpireSet() {
        cron();
    }

    /** The tracking table went over tracking-table-max-keys: the cron trims it between commands. */
    public void needCron() {
        cron();
    }

    public Clock clock() {
        return clock;
    }

    public Config config() {
        return config;
    }

    public Blocking blocking() {
        Blocking b = blocking;
        if (b != null) return b;
        synchronized (this) {
            if (blocking == null) blocking = new Blocking(this);
            return blocking;
        }
    }

    public PubSub pubsub() {
        PubSub p = pubsub;
        if (p != null) return p;
        synchronized (this) {
            if (pubsub == null) pubsub = new PubSub(this);
            return pubsub;
        }
    }

    public io.fakeredis.core.scripting.Scripting scripting() {
        io.fakeredis.core.scripting.Scripting s = scripting;
        if (s != null) return s;
        synchronized (this) {
            if (scripting == null) scripting = new io.fakeredis.core.scripting.Scripting(this);
            return scripting;
        }
    }

    public io.fakeredis.core.scripting.Functions functions() {
        io.fakeredis.core.scripting.Functions f = functions;
        if (f != null) return f;
        synchronized (this) {
            if (functions == null) functions = new io.fakeredis.core.scripting.Functions(this);
            return functions;
        }
    }

    /** The latency monitor (LATENCY). Lock holders only. */
    public io.fakeredis.core.latency.LatencyMonitor latency() {
        if (latency == null) latency = new io.fakeredis.core.latency.LatencyMonitor();
        return latency;
    }

    /**
     * latencyAddSampleIfNeeded: records an event that took us µs when latency-monitor-threshold
     * is set and the event took at least that many ms. Lock holders only.
     */
    public void latencySample(String event, long us) {
        long threshold = config.latencyMonitorThreshold();
        if (threshold > 0 && us / 1000 >= threshold) latency().add(event, us / 1000, clock.millis() / 1000);
    }

    /**
     * A blocked client was served: its command's call is counted for LATENCY HISTOGRAM now (not
     * when it blocked, nor if it times out), as Redis's updateStatsOnUnblock. us is how long
     * serving it took (Redis adds the blocking call's own duration, a few µs).
     */
    public void servedBlocked(Client c, long us) {
        if (config.latencyTracking() && c.lastCmd != null) stats.histograms.record(c.lastCmd.id, us);
        latencySample("command-unblocking", us);
        if (c.lastCmd != null) slowlogPush(c, c.lastCmd, c.argv, us);
    }

    public io.fakeredis.core.tracking.Tracking tracking() {
        io.fakeredis.core.tracking.Tracking t = tracking;
        if (t != null) return t;
        synchronized (this) {
            if (tracking == null) tracking = new io.fakeredis.core.tracking.Tracking(this);
            return tracking;
        }
    }

    /** The tracking tables, or null while no client ever turned tracking on. */
    public io.fakeredis.core.tracking.Tracking trackingIfAny() {
        return tracking;
    }

    /** A RESP2 client with subscriptions (Redis's CLIENT_PUBSUB as RESP2 sees it). Lock holders only. */
    public boolean inSubscribedContext(Client c) {
        PubSub p = pubsub;
        return p != null && p.inSubscribedContext(c);
    }

    /** The client a script's command runs for: the script's caller, else c itself. */
    public Client scriptCaller(Client c) {
        io.fakeredis.core.scripting.Scripting s = scripting;
        if (s == null || !s.isScriptClient(c)) return c;
        Client caller = s.caller();
        return caller != null ? caller : c;
    }

    /** Forgets the typed API's publish log. */
    public void clearPublished() {
        PubSub p = pubsub;
        if (p != null) p.clearPublished();
    }

    public CommandTable commands() {
        return table;
    }

    public Database db(int i) {
        return dbs[i];
    }

    /** The time of the running command in ms, read once per command as Redis does. Lock holders only. */
    public long now() {
        return now;
    }

    // ---- clients ----

    public Client connect(Client.Transport transport, ReplySink reply) {
        Client c = new Client(this, nextClientId.getAndIncrement(), transport, reply);
        lock.lock();
        try {
            clients.put(c.id, c);
            stats.connectionsReceived++;
        } finally {
            lock.unlock();
        }
        return c;
    }

    /** Forgets a client: called when its connection closes. */
    public void disconnect(Client c) {
        lock.lock();
        try {
            clients.remove(c.id);
            onDisconnect(c);
        } finally {
            lock.unlock();
        }
    }

    /** A client that is not a connection (the script caller): never listed, never counted. */
    public Client createInternalClient(ReplySink reply) {
        return new Client(this, nextClientId.getAndIncrement(), new Client.Transport() {}, reply);
    }

    public Collection<Client> clients() {
        return Collections.unmodifiableCollection(clients.values());
    }

    public Client client(long id) {
        return clients.get(id);
    }

    // ---- dispatch ----

    /** Logs a command a server received but answered itself (an injected fault). The caller holds {@link #lock}. */
    public void logReceived(Client c, byte[][] argv) {
        commandLog.record(c, argv, clock.millis());
    }

    /**
     * Runs one command for a client. The caller holds {@link #lock}. Like Redis's processCommand:
     * look up, check arity and auth, then call.
     */
    public void execute(Client c, byte[][] argv) {
        Client outer = current;
        current = c;
        try {
            Command cmd = dispatch(c, argv);
            io.fakeredis.core.tracking.Tracking t = tracking;
            if (t != null) t.afterCommand(c, cmd);
        } finally {
            current = outer;
        }
    }

    /** The body of execute; returns the command looked up (null when unknown). */
    private Command dispatch(Client c, byte[][] argv) {
        now = clock.millis();
        c.argv = argv;
        c.lastInteractionMs = now;
        commandLog.record(c, argv, now);
        Command cmd = table.lookup(argv[0]);
        if (cmd != null && renamedAway != null && renamedAway[cmd.id]) cmd = null;
        if (cmd != null && cmd.isContainer() && argv.length >= 2) {
            Command sub = cmd.subcommand(Bytes.lower(argv[1]));
            if (sub == null || sub.proc() == null) {
                if (sub != null || !CommandTable.implemented(cmd)) noteUnsupported(argv);
                if (CommandTable.implemented(cmd)) {
                    // no command to reject: Redis's lookupCommand found none
                    reject(c, null, sanitize("ERR unknown subcommand '" + clip(argv[1]) + "'. Try "
                            + Bytes.str(argv[0]).toUpperCase(java.util.Locale.ROOT) + " HELP."));
                } else {
                    reject(c, null, unknownCommand(argv));
                }
                return null;
            }
            cmd = sub;
        } else if (cmd == null || !CommandTable.implemented(cmd)) {
            if (cmd != null) noteUnsupported(argv);
            if (cmd != null && cmd.has(Command.NO_MULTI) && transactions.inMulti(c) && cmd.arityOk(argv.length)) {
                // Redis refuses these inside MULTI before anything else would run them
                reject(c, cmd, "ERR Command not allowed inside a transaction");
                return null;
            }
            reject(c, null, unknownCommand(argv));
            return null;
        }
        if (!cmd.arityOk(argv.length)) {
            reject(c, cmd, Errors.wrongArgs(cmd.fullName));
            return cmd;
        }
        if (cmd.isProtected()) {
            reject(c, cmd, Errors.notAllowed(cmd));
            return cmd;
        }
        if (!c.authenticated && !cmd.has(Command.NO_AUTH)) {
            reject(c, cmd, Errors.NOAUTH);
            return cmd;
        }
        if (!c.aclUser.unrestricted) {
            String denied = acl.check(c.aclUser, cmd, argv);
            if (denied != null) {
                c.cmd = cmd; // as Redis, which looked the command up before refusing it
                acl.addLog(c, io.fakeredis.core.acl.Acl.reason(denied), "toplevel", acl.deniedObject, c.user,
                        io.fakeredis.core.cmd.ClientCommands.info(c));
                reject(c, cmd, denied);
                return cmd;
            }
        }
        io.fakeredis.core.tracking.Tracking t = tracking;
        if (t != null) t.limitUsedSlots(); // where Redis's processCommand does it
        PubSub ps = pubsub;
        if (ps != null && ps.inSubscribedContext(c) && !allowedWhileSubscribed(cmd)) {
            reject(c, cmd, "ERR Can't execute '" + cmd.fullName + "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");
            return cmd;
        }
        // A monitor is a replica to Redis, and replicas may not touch the keyspace.
        if (c.monitor && (cmd.has(Command.READONLY | Command.WRITE) || cmd.mayReplicate())) {
            reject(c, cmd, "ERR Replica can't interact with the keyspace");
            return cmd;
        }
        if (transactions.queueIfInMulti(c, cmd)) return cmd;
        call(c, cmd);
        t = tracking;
        if (t != null) t.sendPending(c); // after the reply, before unblocked clients are served
        Blocking b = blocking;
        if (busyDepth == 0 && b != null) b.afterCommand();
        return cmd;
    }

    /** The top-level client whose command runs (Redis's server.current_client); null between commands. */
    private Client current;
    /** The client of the innermost call(): a script's own client while the script calls. */
    private Client running;
    /** Depth of call(): above 0 while a command runs (Redis's CLIENT_EXECUTING_COMMAND). */
    private int callDepth;

    /** The top-level client whose command runs, or null (cron, expiry between commands). Lock holders only. */
    public Client currentClient() {
        return current;
    }

    /**
     * Serves a blocked client as Redis's handleClientsBlockedOnKeys does, as if its command ran
     * now: its changes are its own (tracking's NOLOOP) and its own invalidations follow its
     * reply. Lock holders only.
     */
    public boolean serveBlocked(Client c, java.util.function.BooleanSupplier serve) {
        Client outerCurrent = current, outerRunning = running;
        current = c;
        running = c;
        callDepth++;
        try {
            return serve.getAsBoolean();
        } finally {
            callDepth--;
            io.fakeredis.core.tracking.Tracking t = tracking;
            if (t != null) t.sendPending(c);
            current = outerCurrent;
            running = outerRunning;
        }
    }

    /** True while a command's proc runs. Lock holders only. */
    public boolean inCall() {
        return callDepth > 0;
    }

    private int busyDepth;

    /**
     * Runs a command that a busy script lets through (HELLO, AUTH, MULTI... see
     * Scripting.runsWhileBusy), from the script's periodic hook with the lock held. Clients the
     * script's writes unblocked are served only once the script ends, and its time stands still.
     */
    public void executeWhileBusy(Client c, byte[][] argv) {
        long saved = now;
        busyDepth++;
        try {
            execute(c, argv);
        } finally {
            busyDepth--;
            now = saved;
        }
    }

    private static boolean allowedWhileSubscribed(Command cmd) {
        switch (cmd.fullName) {
            case "ping": case "subscribe": case "unsubscribe": case "psubscribe": case "punsubscribe":
            case "ssubscribe": case "sunsubscribe": case "quit": case "reset":
                return true;
            default:
                return false;
        }
    }

    /** Runs a looked-up, checked command and keeps its statistics. */
    public void call(Client c, Command cmd) {
        c.cmd = cmd;
        stats.errorRepliesSeen = stats.errorReplies;
        long t0 = clock.nanoTime();
        Client outer = running;
        running = c;
        callDepth++;
        try {
            cmd.proc().call(c);
        } catch (RedisException e) {
            c.reply.error(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in one command must not take the connection or the event loop down with it.
            internalErrors.add(cmd.fullName + ": " + e);
            System.err.println("fakeredis: internal error in " + cmd.fullName + ": " + e);
            e.printStackTrace();
            c.reply.error("ERR internal error in fakeredis while running '" + cmd.fullName + "': " + e);
        } finally {
            callDepth--;
            running = outer;
        }
        // a read that failed (WRONGTYPE) still counts, as in Redis's call()
        io.fakeredis.core.tracking.Tracking t = tracking;
        if (t != null && cmd.has(Command.READONLY)) t.commandRan(c, cmd);
        long us = (clock.nanoTime() - t0) / 1000;
        int id = cmd.id;
        stats.calls[id]++;
        stats.usec[id] += us;
        // Redis's incrCommandStatsOnError: failed when an error was counted after this command
        // started or after its last nested call (EXEC's, a script's) ended
        if (stats.errorReplies != stats.errorRepliesSeen) stats.failedCalls[id]++;
        stats.errorRepliesSeen = stats.errorReplies;
        stats.commandsProcessed++;
        c.lastCmd = cmd;
        // a blocked client's call is counted when it is served (servedBlocked)
        if (config.latencyTracking() && !c.blocked) stats.histograms.record(id, us);
        latencySample(cmd.has(Command.FAST) ? "fast-command" : "command", us);
        byte[][] shown = c.shownArgv != null ? c.shownArgv : c.argv;
        c.shownArgv = null;
        if (!c.blocked) slowlogPush(c, cmd, shown, us);
        if (monitors.length != 0) {
            // admin commands are too dangerous to show; scripts feed themselves before they run
            if (!cmd.has(Command.SKIP_MONITOR | Command.ADMIN)) feedMonitors(c, shown);
        }
    }

    private SlowLog slowlog;

    /** SLOWLOG's entries, made on first use. Lock holders only. */
    public SlowLog slowlog() {
        if (slowlog == null) slowlog = new SlowLog();
        return slowlog;
    }

    /** slowlogPushCurrentCommand: a command that ran at least slowlog-log-slower-than µs. */
    private void slowlogPush(Client c, Command cmd, byte[][] argv, long us) {
        long threshold = config.slowlogSlowerThan();
        if (threshold < 0 || us < threshold || cmd.has(Command.SKIP_SLOWLOG)) return;
        slowlog().push(argv, us, clock.millis() / 1000, c, config.slowlogMaxLen());
    }

    // ---- MONITOR ----

    /** Whether any client is in MONITOR mode. */
    public boolean monitoring() {
        return monitors.length != 0;
    }

    /** MONITOR: the client is fed every command from now on. Lock holders only. */
    public void addMonitor(Client c) {
        c.monitor = true;
        Client[] m = java.util.Arrays.copyOf(monitors, monitors.length + 1);
        m[m.length - 1] = c;
        monitors = m;
    }

    /** Ends a client's MONITOR mode (RESET, disconnect). Lock holders only. */
    public void removeMonitor(Client c) {
        if (!c.monitor) return;
        c.monitor = false;
        Client[] m = new Client[monitors.length - 1];
        int n = 0;
        for (Client x : monitors) if (x != c) m[n++] = x;
        monitors = n == 0 ? NO_CLIENTS : m;
    }

    /**
     * replicationFeedMonitors: sends every monitor the line for a command c ran, with the time of
     * the engine's clock. EVAL, EVALSHA and FCALL call it themselves before their script runs.
     */
    public void feedMonitors(Client c, byte[][] argv) {
        Client[] ms = monitors;
        if (ms.length == 0) return;
        io.fakeredis.core.scripting.Scripting s = scripting;
        String who = s != null && s.isScriptClient(c) ? "lua" : c.transport.addr();
        String line = MonitorLine.of(clock.micros(), c.db.id, who, argv);
        byte[] frame = ("+" + line + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (Client m : ms) {
            if (m.closing) continue;
            if (!m.reply.encoded(frame)) m.reply.status(line);
            if (m != c) m.transport.wake();
        }
    }

    private void reject(Client c, Command cmd, String error) {
        transactions.flagRejected(c);
        if (cmd != null) stats.rejectedCalls[cmd.id]++;
        stats.commandsProcessed++;
        c.reply.error(error);
    }

    private static String unknownCommand(byte[][] argv) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < argv.length && args.length() < 128; i++) {
            String a = Bytes.str(argv[i]);
            int room = 128 - args.length();
            args.append('\'').append(a.length() > room ? a.substring(0, room) : a).append("' ");
        }
        return sanitize("ERR unknown command '" + clip(argv[0]) + "', with args beginning with: " + args);
    }

    private static String clip(byte[] b) {
        String s = Bytes.str(b);
        return s.length() > 128 ? s.substring(0, 128) : s;
    }

    /** Replies must never carry a line break: it would corrupt the protocol. */
    private static String sanitize(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }

    public void noteUnsupported(byte[][] argv) {
        StringBuilder b = new StringBuilder();
        for (byte[] a : argv) {
            if (b.length() > 0) b.append(' ');
            String s = Bytes.str(a);
            b.append(s.length() > 64 ? s.substring(0, 64) + "..." : s);
        }
        if (unsupported.size() < 1000) unsupported.add(b.toString());
    }

    /** Commands that Redis has but this fake does not, as received, oldest first. */
    public List<String> unsupportedCommands() {
        synchronized (unsupported) {
            return new ArrayList<>(unsupported);
        }
    }

    public void clearUnsupportedCommands() {
        unsupported.clear();
    }

    /** Commands that crashed inside the fake (a bug in the fake, never in the caller). */
    public List<String> internalErrors() {
        synchronized (internalErrors) {
            return new ArrayList<>(internalErrors);
        }
    }

    private volatile boolean[] renamedAway;

    /**
     * Hides a command from this engine as {@code rename-command NAME ""} does: it then answers
     * Redis's unknown-command error. Used to emulate a RESP2-only server (no HELLO).
     */
    public void disableCommand(String name) {
        Command cmd = table.lookup(name);
        if (cmd == null) return;
        boolean[] r = renamedAway == null ? new boolean[table.size()] : renamedAway.clone();
        r[cmd.id] = true;
        renamedAway = r;
    }

    // ---- hooks from the data layer ----

    /**
     * A key's value changed (Redis's signalModifiedKey): invalidates WATCH and tracked copies.
     * key == null stands for every key of db, for a flush (see {@link #flushed}).
     */
    public void keyModified(Database db, byte[] key) {
        changed(db, key, running);
    }

    /** A key expired: as keyModified, but no client changed it (signalModifiedKey(NULL, ...)). */
    public void keyExpired(Database db, byte[] key) {
        changed(db, key, null);
    }

    private void changed(Database db, byte[] key, Client writer) {
        stats.dirty++;
        transactions.keyModified(db, key);
        io.fakeredis.core.tracking.Tracking t = tracking;
        if (t != null && key != null) t.keyModified(key, writer);
    }

    /** FLUSHDB or FLUSHALL ran, once per command: tracking clients forget every key. */
    public void flushed() {
        io.fakeredis.core.tracking.Tracking t = tracking;
        if (t != null) t.flushed();
    }

    /**
     * What Redis does before its event loop sleeps, called after each batch of commands (a
     * connection's read, a typed API call, a cron tick): BCAST invalidations go out.
     */
    public void afterBatch() {
        io.fakeredis.core.tracking.Tracking t = tracking;
        if (t != null) t.broadcast();
    }

    /** A list, zset or stream key gained elements: blocked clients may be served. */
    public void keyReady(Database db, byte[] key) {
        Blocking b = blocking;
        if (b != null) b.keyReady(db, key);
    }

    /** Emits a keyspace notification when the class is enabled by notify-keyspace-events. */
    public void notify(int type, String event, Database db, byte[] key) {
        int flags = config.notifyFlags();
        if ((flags & type) == 0 || (flags & (Notify.KEYSPACE | Notify.KEYEVENT)) == 0) return;
        PubSub p = pubsub;
        if (p != null) p.keyspaceEvent(type, event, db, key); // else nobody can hear it
    }

    /** Drops a client's MULTI, WATCH, blocking and subscription state (RESET, disconnect). */
    public void resetClientState(Client c) {
        onDisconnect(c);
    }

    private void onDisconnect(Client c) {
        removeMonitor(c);
        transactions.onDisconnect(c);
        Blocking b = blocking;
        if (b != null) b.onDisconnect(c);
        PubSub p = pubsub;
        if (p != null) p.onDisconnect(c);
        io.fakeredis.core.tracking.Tracking t = tracking;
        if (t != null) t.onDisconnect(c);
    }

    // ---- time ----

    private void cronTick() {
        if (closed) return;
        lock.lock();
        try {
            now = clock.millis();
            long t0 = clock.nanoTime();
            for (Database db : dbs) {
                // Redis samples; a bounded sweep per tick keeps latency flat on large keyspaces.
                int budget = 2000;
                while (db.activeExpire(now, budget) > budget / 4) { /* many expired: keep going */ }
            }
            latencySample("expire-cycle", (clock.nanoTime() - t0) / 1000);
            tickBlocking();
            io.fakeredis.core.tracking.Tracking t = tracking;
            if (t != null) t.limitUsedSlots(); // serverCron trims the tracking table too
            afterBatch();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks for a blocking tick at an engine-clock time, so that timeouts fire on time rather than
     * at the next cron. With a manual clock, advance() ticks instead.
     */
    public void scheduleTick(long atMs) {
        ScheduledExecutorService ex = cron();
        if (ex == null || closed) return;
        // +1: the wall clock and the scheduler's nanoTime may disagree by a fraction of a ms
        long delay = Math.max(0, atMs - clock.millis()) + 1;
        try {
            ex.schedule(this::timerTick, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // close() shut the executor down between the check and here: nothing left to time out
        }
    }

    private void timerTick() {
        if (closed) return;
        lock.lock();
        try {
            now = clock.millis();
            tickBlocking();
            afterBatch();
        } finally {
            lock.unlock();
        }
    }

    private void onClockAdvance() {
        lock.lock();
        try {
            now = clock.millis();
            for (Database db : dbs) db.expireAll(now);
            tickBlocking();
            afterBatch();
        } finally {
            lock.unlock();
        }
    }

    /** Times out blocked clients whose deadline passed, then serves what that made ready. Lock held. */
    private void tickBlocking() {
        Blocking b = blocking;
        if (b == null) return;
        b.tick(now);
        b.afterCommand();
    }

    // ---- lifecycle ----

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        synchronized (this) {
            if (cron != null) cron.shutdownNow();
        }
        if (clock instanceof io.fakeredis.core.clock.ManualClock) {
            ((io.fakeredis.core.clock.ManualClock) clock).removeListener(clockListener);
        }
    }

    private String randomHex(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append(Character.forDigit(random.nextInt(16), 16));
        return b.toString();
    }

    /** Counters behind INFO stats and INFO commandstats. */
    public final class Stats {
        public long connectionsReceived;
        public long commandsProcessed;
        public long expiredKeys;
        public long keyspaceHits;
        public long keyspaceMisses;
        public long dirty;
        public long rejectedConnections;
        public final long[] calls;
        public final long[] usec;
        public final long[] failedCalls;
        public final long[] rejectedCalls;
        /** total_error_replies: errors answered to clients, a script's own client included. */
        public long errorReplies;
        /** INFO errorstats: count per error code, in Redis's byte order. */
        public final java.util.TreeMap<String, long[]> errorCodes = new java.util.TreeMap<>();
        /** Redis's prev_err_count: errorReplies when the running command started or its last nested call ended. */
        long errorRepliesSeen;
        /** LATENCY HISTOGRAM's counts, per command. */
        public final io.fakeredis.core.latency.CommandHistograms histograms;

        Stats(int commands) {
            histograms = new io.fakeredis.core.latency.CommandHistograms(commands);
            calls = new long[commands];
            usec = new long[commands];
            failedCalls = new long[commands];
            rejectedCalls = new long[commands];
        }

        public void reset() {
            connectionsReceived = commandsProcessed = expiredKeys = keyspaceHits = keyspaceMisses = 0;
            rejectedConnections = 0;
            java.util.Arrays.fill(calls, 0);
            java.util.Arrays.fill(usec, 0);
            java.util.Arrays.fill(failedCalls, 0);
            java.util.Arrays.fill(rejectedCalls, 0);
            errorReplies = errorRepliesSeen = 0;
            errorCodes.clear();
            histograms.reset();
        }

        /** Redis's afterErrorReply: an error reply counts under its code. */
        public void error(String reply) {
            errorReplies++;
            String code = code(reply);
            long[] n = errorCodes.get(code);
            if (n == null) errorCodes.put(code, n = new long[1]);
            n[0]++;
        }

        /**
         * An error reply left out of the error stats: counted already where it arose (a script
         * returning or raising redis.call's error), or answered to the typed API (as Redis leaves
         * out RM_Call's errors). The running command still failed.
         */
        public void errorNotCounted() {
            Client r = running;
            if (r != null && r.cmd != null) failedCalls[r.cmd.id]++;
        }

        /** A refused call that did not reach call() (a script's redis.call): Redis's incrCommandStatsOnError(cmd, REJECTED). */
        public void rejected(int cmdId, String error) {
            error(error);
            if (cmdId >= 0) rejectedCalls[cmdId]++;
            errorRepliesSeen = errorReplies;
        }

        /** The code Redis files an error under: its first word when a space ends it within 31 bytes of "-CODE". */
        static String code(String reply) {
            int sp = reply.indexOf(' ');
            return sp >= 0 && sp <= 30 ? reply.substring(0, sp) : "ERR";
        }
    }
}
