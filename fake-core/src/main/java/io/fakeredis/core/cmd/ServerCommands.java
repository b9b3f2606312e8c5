package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.Errors;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.ReplySink;
import io.fakeredis.core.SlowLog;
import io.fakeredis.core.command.Command;
import io.fakeredis.core.command.CommandTable;
import io.fakeredis.core.config.Config;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Server commands: INFO, CONFIG, COMMAND, TIME, SLOWLOG, ROLE, LASTSAVE, LOLWUT, MONITOR, DEBUG, MODULE (server.c, config.c). */
public final class ServerCommands {
    private ServerCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "time" -> time(c);
            case "info" -> info(c);
            case "lastsave" -> c.reply.integer(c.engine.startMs / 1000);
            case "role" -> role(c);
            case "lolwut" -> lolwut(c);
            case "config|get" -> configGet(c);
            case "config|set" -> configSet(c);
            case "config|resetstat" -> {
                c.engine.stats.reset();
                c.reply.ok();
            }
            case "config|rewrite" -> c.reply.error("ERR The server is running without a config file");
            case "config|help" -> help(c, "CONFIG",
                    "GET <pattern>",
                    "    Return parameters matching the glob-like <pattern> and their values.",
                    "SET <directive> <value>",
                    "    Set the configuration <directive> to <value>.",
                    "RESETSTAT",
                    "    Reset statistics reported by the INFO command.",
                    "REWRITE",
                    "    Rewrite the configuration file.");
            case "command" -> command(c);
            case "command|count" -> commandCount(c);
            case "command|info" -> commandInfo(c);
            case "command|list" -> commandList(c);
            case "command|docs" -> commandDocs(c);
            case "command|getkeys" -> getKeys(c, false);
            case "command|getkeysandflags" -> getKeys(c, true);
            case "command|help" -> help(c, "COMMAND",
                    "(no subcommand)",
                    "    Return details about all Redis commands.",
                    "COUNT",
                    "    Return the total number of commands in this Redis server.",
                    "LIST",
                    "    Return a list of all commands in this Redis server.",
                    "INFO [<command-name> ...]",
                    "    Return details about multiple Redis commands.",
                    "    If no command names are given, documentation details for all",
                    "    commands are returned.",
                    "DOCS [<command-name> ...]",
                    "    Return documentation details about multiple Redis commands.",
                    "    If no command names are given, documentation details for all",
                    "    commands are returned.",
                    "GETKEYS <full-command>",
                    "    Return the keys from a full Redis command.",
                    "GETKEYSANDFLAGS <full-command>",
                    "    Return the keys and the access flags from a full Redis command.");
            case "slowlog|get" -> slowlogGet(c);
            case "slowlog|len" -> c.reply.integer(c.engine.slowlog().size());
            case "slowlog|reset" -> {
                c.engine.slowlog().reset();
                c.reply.ok();
            }
            case "slowlog|help" -> help(c, "SLOWLOG",
                    "GET [<count>]",
                    "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
                    "    Entries are made of:",
                    "    id, timestamp, time in microseconds, arguments array, client IP and port,",
                    "    client name",
                    "LEN",
                    "    Return the length of the slowlog.",
                    "RESET",
                    "    Reset the slowlog.");
            case "monitor" -> monitor(c);
            // The engine refuses these before they run (protected commands); a proc must exist all the same.
            case "debug", "module|load", "module|loadex", "module|unload" -> c.reply.error(Errors.notAllowed(c.cmd));
            case "module|list" -> c.reply.array(0); // no modules can be loaded
            case "module|help" -> help(c, "MODULE",
                    "LIST",
                    "    Return a list of loaded modules.",
                    "LOAD <path> [<arg> ...]",
                    "    Load a module library from <path>, passing to it any optional arguments.",
                    "LOADEX <path> [[CONFIG NAME VALUE] [CONFIG NAME VALUE]] [ARGS ...]",
                    "    Load a module library from <path>, while passing it module configurations and optional arguments.",
                    "UNLOAD <name>",
                    "    Unload a module.");
            default -> throw new IllegalStateException("not bound in ServerCommands: " + name);
        }
    }

    /** addReplyHelp: a header, the lines, and the HELP line every container has, as status replies. */
    static void help(Client c, String name, String... lines) {
        c.reply.array(lines.length + 3);
        c.reply.status(name + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        for (String l : lines) c.reply.status(l);
        c.reply.status("HELP");
        c.reply.status("    Prints this help.");
    }

    // ---- TIME, ROLE, LOLWUT, SLOWLOG, MONITOR ----

    /** monitorCommand: from now on the client is fed every command the server runs. */
    static void monitor(Client c) {
        // CLIENT_DENY_BLOCKING: a client inside EXEC expects one reply per command
        if (c.inMulti || c.engine.transactions.inMulti(c)) {
            c.reply.error("ERR MONITOR isn't allowed for DENY BLOCKING client");
            return;
        }
        if (c.monitor) return; // already monitoring: Redis ignores it, without a reply
        c.engine.addMonitor(c);
        c.reply.ok();
    }

    static void time(Client c) {
        long us = c.engine.clock().micros();
        c.reply.array(2);
        c.reply.bulk(Long.toString(us / 1_000_000));
        c.reply.bulk(Long.toString(us % 1_000_000));
    }

    static void role(Client c) {
        c.reply.array(3);
        c.reply.bulk("master");
        c.reply.integer(0);
        c.reply.array(0);
    }

    static void lolwut(Client c) {
        for (int i = 1; i < c.argc(); i++) {
            if (Bytes.eq(c.argv[i], "VERSION") && i + 1 < c.argc()) {
                Bytes.toLong(c.argv[i + 1]);
                i++;
            }
        }
        c.reply.verbatim("txt", ("Redis ver. " + Engine.VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    static void slowlogGet(Client c) {
        if (c.argc() > 3) {
            c.reply.error("ERR unknown subcommand or wrong number of arguments for '" + Bytes.str(c.argv[1])
                    + "'. Try SLOWLOG HELP.");
            return;
        }
        long count = 10;
        if (c.argc() == 3) {
            count = Bytes.toLong(c.argv[2], "ERR count should be greater than or equal to -1");
            if (count < -1) throw new RedisException("ERR count should be greater than or equal to -1");
        }
        SlowLog log = c.engine.slowlog();
        int n = count == -1 ? log.size() : (int) Math.min(count, log.size());
        c.reply.array(n);
        java.util.Iterator<SlowLog.Entry> it = log.iterator();
        for (int i = 0; i < n; i++) {
            SlowLog.Entry e = it.next();
            c.reply.array(6);
            c.reply.integer(e.id());
            c.reply.integer(e.time());
            c.reply.integer(e.durationUs());
            c.reply.array(e.argv().length);
            for (byte[] a : e.argv()) c.reply.bulk(a);
            c.reply.bulk(e.peer());
            c.reply.bulk(e.name());
        }
    }

    // ---- INFO ----

    private static final String[] SECTIONS = {"server", "clients", "memory", "persistence", "stats", "replication",
        "cpu", "modules", "commandstats", "errorstats", "latencystats", "cluster", "keyspace"};
    private static final Set<String> DEFAULT_SECTIONS = Set.of("server", "clients", "memory", "persistence", "stats",
            "replication", "cpu", "modules", "errorstats", "cluster", "keyspace");

    static void info(Client c) {
        Set<String> want = new HashSet<>();
        if (c.argc() == 1) {
            want.addAll(DEFAULT_SECTIONS);
        } else {
            for (int i = 1; i < c.argc(); i++) {
                String s = Bytes.str(c.argv[i]).toLowerCase(Locale.ROOT);
                switch (s) {
                    case "all": case "everything":
                        for (String x : SECTIONS) want.add(x);
                        break;
                    case "default":
                        want.addAll(DEFAULT_SECTIONS);
                        break;
                    default:
                        want.add(s);
                }
            }
        }
        StringBuilder b = new StringBuilder(4096);
        for (String s : SECTIONS) {
            if (!want.contains(s)) continue;
            if (b.length() > 0) b.append("\r\n");
            section(c, s, b);
        }
        c.reply.verbatim("txt", b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder b, String k, Object v) {
        b.append(k).append(':').append(v).append("\r\n");
    }

    private static void section(Client c, String s, StringBuilder b) {
        Engine e = c.engine;
        Config cfg = e.config();
        long nowMs = e.clock().millis();
        long uptime = (nowMs - e.startMs) / 1000;
        switch (s) {
            case "server":
                b.append("# Server\r\n");
                line(b, "redis_version", Engine.VERSION);
                line(b, "redis_git_sha1", "00000000");
                line(b, "redis_git_dirty", 0);
                line(b, "redis_build_id", "fakeredis");
                line(b, "redis_mode", "standalone");
                line(b, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
                line(b, "arch_bits", 64);
                line(b, "monotonic_clock", "POSIX clock_gettime");
                line(b, "multiplexing_api", "epoll");
                line(b, "atomicvar_api", "c11-builtin");
                line(b, "gcc_version", "0.0.0");
                line(b, "process_id", ProcessHandle.current().pid());
                line(b, "process_supervised", "no");
                line(b, "run_id", e.runId);
                line(b, "tcp_port", cfg.get("port"));
                line(b, "server_time_usec", e.clock().micros());
                line(b, "uptime_in_seconds", uptime);
                line(b, "uptime_in_days", uptime / 86400);
                line(b, "hz", cfg.get("hz"));
                line(b, "configured_hz", cfg.get("hz"));
                line(b, "lru_clock", (nowMs / 1000) & ((1 << 24) - 1));
                line(b, "executable", "");
                line(b, "config_file", "");
                line(b, "io_threads_active", 0);
                break;
            case "clients": {
                int blocked = 0;
                long maxOutput = 0; // Redis keeps peaks over its last seconds; the current maximum is close
                for (Client x : e.clients()) {
                    if (x.blocked) blocked++;
                    maxOutput = Math.max(maxOutput, x.transport.outputBufferBytes());
                }
                b.append("# Clients\r\n");
                line(b, "connected_clients", e.clients().size());
                line(b, "cluster_connections", 0);
                line(b, "maxclients", cfg.get("maxclients"));
                line(b, "client_recent_max_input_buffer", 0);
                line(b, "client_recent_max_output_buffer", maxOutput);
                line(b, "blocked_clients", blocked);
                io.fakeredis.core.tracking.Tracking tracking = e.trackingIfAny();
                line(b, "tracking_clients", tracking == null ? 0 : tracking.clients());
                line(b, "clients_in_timeout_table", 0);
                break;
            }
            case "memory": {
                Runtime rt = Runtime.getRuntime();
                long used = rt.totalMemory() - rt.freeMemory();
                long max = cfg.getLong("maxmemory");
                b.append("# Memory\r\n");
                line(b, "used_memory", used);
                line(b, "used_memory_human", human(used));
                line(b, "used_memory_rss", rt.totalMemory());
                line(b, "used_memory_rss_human", human(rt.totalMemory()));
                line(b, "used_memory_peak", used);
                line(b, "used_memory_peak_human", human(used));
                line(b, "used_memory_peak_perc", "100.00%");
                line(b, "used_memory_overhead", 0);
                line(b, "used_memory_startup", 0);
                line(b, "used_memory_dataset", used);
                line(b, "used_memory_dataset_perc", "100.00%");
                line(b, "allocator_allocated", used);
                line(b, "allocator_active", used);
                line(b, "allocator_resident", rt.totalMemory());
                line(b, "total_system_memory", rt.maxMemory());
                line(b, "total_system_memory_human", human(rt.maxMemory()));
                line(b, "used_memory_lua", 32768);
                line(b, "used_memory_vm_eval", 32768);
                line(b, "used_memory_lua_human", "32.00K");
                line(b, "used_memory_scripts_eval", 0);
                line(b, "number_of_cached_scripts", e.scripting().cachedScripts());
                line(b, "number_of_functions", e.functions().functionCount());
                line(b, "number_of_libraries", e.functions().libraryCount());
                line(b, "used_memory_vm_functions", 32768);
                line(b, "used_memory_vm_total", 65536);
                line(b, "used_memory_vm_total_human", "64.00K");
                line(b, "used_memory_functions", 0);
                line(b, "used_memory_scripts", 0);
                line(b, "used_memory_scripts_human", "0B");
                line(b, "maxmemory", max);
                line(b, "maxmemory_human", human(max));
                line(b, "maxmemory_policy", cfg.get("maxmemory-policy"));
                line(b, "allocator_frag_ratio", "1.00");
                line(b, "allocator_frag_bytes", 0);
                line(b, "allocator_rss_ratio", "1.00");
                line(b, "allocator_rss_bytes", 0);
                line(b, "rss_overhead_ratio", "1.00");
                line(b, "rss_overhead_bytes", 0);
                line(b, "mem_fragmentation_ratio", "1.00");
                line(b, "mem_fragmentation_bytes", 0);
                line(b, "mem_not_counted_for_evict", 0);
                line(b, "mem_replication_backlog", 0);
                line(b, "mem_total_replication_buffers", 0);
                line(b, "mem_clients_slaves", 0);
                line(b, "mem_clients_normal", 0);
                line(b, "mem_cluster_links", 0);
                line(b, "mem_aof_buffer", 0);
                line(b, "mem_allocator", "libc");
                line(b, "active_defrag_running", 0);
                line(b, "lazyfree_pending_objects", 0);
                line(b, "lazyfreed_objects", 0);
                break;
            }
            case "persistence":
                b.append("# Persistence\r\n");
                line(b, "loading", 0);
                line(b, "async_loading", 0);
                line(b, "current_cow_peak", 0);
                line(b, "current_cow_size", 0);
                line(b, "current_cow_size_age", 0);
                line(b, "current_fork_perc", "0.00");
                line(b, "current_save_keys_processed", 0);
                line(b, "current_save_keys_total", 0);
                line(b, "rdb_changes_since_last_save", e.stats.dirty);
                line(b, "rdb_bgsave_in_progress", 0);
                line(b, "rdb_last_save_time", e.startMs / 1000);
                line(b, "rdb_last_bgsave_status", "ok");
                line(b, "rdb_last_bgsave_time_sec", -1);
                line(b, "rdb_current_bgsave_time_sec", -1);
                line(b, "rdb_saves", 0);
                line(b, "rdb_last_cow_size", 0);
                line(b, "rdb_last_load_keys_expired", 0);
                line(b, "rdb_last_load_keys_loaded", 0);
                line(b, "aof_enabled", 0);
                line(b, "aof_rewrite_in_progress", 0);
                line(b, "aof_rewrite_scheduled", 0);
                line(b, "aof_last_rewrite_time_sec", -1);
                line(b, "aof_current_rewrite_time_sec", -1);
                line(b, "aof_last_bgrewrite_status", "ok");
                line(b, "aof_rewrites", 0);
                line(b, "aof_rewrites_consecutive_failures", 0);
                line(b, "aof_last_write_status", "ok");
                line(b, "aof_last_cow_size", 0);
                line(b, "module_fork_in_progress", 0);
                line(b, "module_fork_last_cow_size", 0);
                break;
            case "stats": {
                Engine.Stats st = e.stats;
                b.append("# Stats\r\n");
                line(b, "total_connections_received", st.connectionsReceived);
                line(b, "total_commands_processed", st.commandsProcessed);
                line(b, "instantaneous_ops_per_sec", 0);
                line(b, "total_net_input_bytes", 0);
                line(b, "total_net_output_bytes", 0);
                line(b, "total_net_repl_input_bytes", 0);
                line(b, "total_net_repl_output_bytes", 0);
                line(b, "instantaneous_input_kbps", "0.00");
                line(b, "instantaneous_output_kbps", "0.00");
                line(b, "instantaneous_input_repl_kbps", "0.00");
                line(b, "instantaneous_output_repl_kbps", "0.00");
                line(b, "rejected_connections", st.rejectedConnections);
                line(b, "sync_full", 0);
                line(b, "sync_partial_ok", 0);
                line(b, "sync_partial_err", 0);
                line(b, "expired_keys", st.expiredKeys);
                line(b, "expired_stale_perc", "0.00");
                line(b, "expired_time_cap_reached_count", 0);
                line(b, "expire_cycle_cpu_milliseconds", 0);
                line(b, "evicted_keys", 0);
                line(b, "evicted_clients", 0);
                line(b, "total_eviction_exceeded_time", 0);
                line(b, "current_eviction_exceeded_time", 0);
                line(b, "keyspace_hits", st.keyspaceHits);
                line(b, "keyspace_misses", st.keyspaceMisses);
                line(b, "pubsub_channels", e.pubsub().channelCount());
                line(b, "pubsub_patterns", e.pubsub().patternCount());
                line(b, "pubsubshard_channels", 0);
                line(b, "latest_fork_usec", 0);
                line(b, "total_forks", 0);
                line(b, "migrate_cached_sockets", 0);
                line(b, "slave_expires_tracked_keys", 0);
                line(b, "active_defrag_hits", 0);
                line(b, "active_defrag_misses", 0);
                line(b, "active_defrag_key_hits", 0);
                line(b, "active_defrag_key_misses", 0);
                line(b, "total_active_defrag_time", 0);
                line(b, "current_active_defrag_time", 0);
                io.fakeredis.core.tracking.Tracking tracking = e.trackingIfAny();
                line(b, "tracking_total_keys", tracking == null ? 0 : tracking.totalKeys());
                line(b, "tracking_total_items", tracking == null ? 0 : tracking.totalItems());
                line(b, "tracking_total_prefixes", tracking == null ? 0 : tracking.totalPrefixes());
                line(b, "unexpected_error_replies", 0);
                line(b, "total_error_replies", st.errorReplies);
                line(b, "dump_payload_sanitizations", 0);
                line(b, "total_reads_processed", st.commandsProcessed);
                line(b, "total_writes_processed", st.commandsProcessed);
                line(b, "io_threaded_reads_processed", 0);
                line(b, "io_threaded_writes_processed", 0);
                line(b, "reply_buffer_shrinks", 0);
                line(b, "reply_buffer_expands", 0);
                break;
            }
            case "replication":
                b.append("# Replication\r\n");
                line(b, "role", "master");
                line(b, "connected_slaves", 0);
                line(b, "master_failover_state", "no-failover");
                line(b, "master_replid", e.runId);
                line(b, "master_replid2", "0000000000000000000000000000000000000000");
                line(b, "master_repl_offset", 0);
                line(b, "second_repl_offset", -1);
                line(b, "repl_backlog_active", 0);
                line(b, "repl_backlog_size", cfg.get("repl-backlog-size"));
                line(b, "repl_backlog_first_byte_offset", 0);
                line(b, "repl_backlog_histlen", 0);
                break;
            case "cpu": {
                double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
                String u = String.format(Locale.ROOT, "%.6f", cpu);
                b.append("# CPU\r\n");
                line(b, "used_cpu_sys", "0.000000");
                line(b, "used_cpu_user", u);
                line(b, "used_cpu_sys_children", "0.000000");
                line(b, "used_cpu_user_children", "0.000000");
                line(b, "used_cpu_sys_main_thread", "0.000000");
                line(b, "used_cpu_user_main_thread", u);
                break;
            }
            case "modules":
                b.append("# Modules\r\n");
                break;
            case "commandstats": {
                b.append("# Commandstats\r\n");
                CommandTable t = e.commands();
                Engine.Stats st = e.stats;
                for (int id = 0; id < t.size(); id++) {
                    if (st.calls[id] == 0 && st.failedCalls[id] == 0 && st.rejectedCalls[id] == 0) continue;
                    double per = st.calls[id] == 0 ? 0 : (double) st.usec[id] / st.calls[id];
                    b.append("cmdstat_").append(t.byId(id).fullName).append(":calls=").append(st.calls[id])
                            .append(",usec=").append(st.usec[id])
                            .append(",usec_per_call=").append(String.format(Locale.ROOT, "%.2f", per))
                            .append(",rejected_calls=").append(st.rejectedCalls[id])
                            .append(",failed_calls=").append(st.failedCalls[id]).append("\r\n");
                }
                break;
            }
            case "errorstats":
                b.append("# Errorstats\r\n");
                for (java.util.Map.Entry<String, long[]> en : e.stats.errorCodes.entrySet()) {
                    b.append("errorstat_").append(en.getKey()).append(":count=").append(en.getValue()[0]).append("\r\n");
                }
                break;
            case "latencystats":
                b.append("# Latencystats\r\n");
                break;
            case "cluster":
                b.append("# Cluster\r\n");
                line(b, "cluster_enabled", 0);
                break;
            case "keyspace":
                b.append("# Keyspace\r\n");
                for (int i = 0; i < Engine.DATABASES; i++) {
                    Database db = e.db(i);
                    if (db.size() == 0) continue;
                    b.append("db").append(i).append(":keys=").append(db.size()).append(",expires=")
                            .append(db.volatileCount()).append(",avg_ttl=0\r\n");
                }
                break;
            default:
                break;
        }
    }

    /** bytesToHuman of Redis: B, K, M, G... with two decimals. */
    static String human(long n) {
        double d = n;
        if (n < 1024) return n + "B";
        String[] units = {"K", "M", "G", "T", "P", "E"};
        int u = -1;
        while (d >= 1024 && u < units.length - 1) {
            d /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f%s", d, units[u]);
    }

    // ---- CONFIG ----

    static void configGet(Client c) {
        Config cfg = c.engine.config();
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 2; i < c.argc(); i++) {
            String pat = Bytes.str(c.argv[i]);
            if (pat.indexOf('*') < 0 && pat.indexOf('?') < 0 && pat.indexOf('[') < 0) {
                String v = cfg.get(pat.toLowerCase(Locale.ROOT));
                if (v != null && !out.containsKey(pat)) out.put(pat, v);
                continue;
            }
            for (Map.Entry<String, String> en : cfg.all().entrySet()) {
                if (!out.containsKey(en.getKey()) && globMatch(pat, en.getKey(), true)) out.put(en.getKey(), en.getValue());
            }
        }
        c.reply.map(out.size());
        for (Map.Entry<String, String> en : out.entrySet()) {
            c.reply.bulk(en.getKey());
            c.reply.bulk(en.getValue());
        }
    }

    static void configSet(Client c) {
        if ((c.argc() & 1) != 0) throw Errors.syntax;
        // MONITOR and SLOWLOG never show a secret, whatever check fails below
        for (int i = 2; i + 1 < c.argc(); i += 2) if (Config.sensitive(Bytes.lower(c.argv[i]))) c.redact(i + 1);
        Config cfg = c.engine.config();
        int n = (c.argc() - 2) / 2;
        Config.Param[] params = new Config.Param[n];
        for (int i = 0; i < n; i++) {
            String arg = Bytes.str(c.argv[2 + 2 * i]);
            Config.Param p = Config.param(arg);
            if (p == null) {
                c.reply.error("ERR Unknown option or number of arguments for CONFIG SET - '" + arg + "'");
                return;
            }
            if (p.kind == Config.Kind.IMMUTABLE) {
                setFailed(c, arg, "can't set immutable config");
                return;
            }
            if (p.kind == Config.Kind.PROTECTED) {
                setFailed(c, arg, "can't set protected config");
                return;
            }
            for (int j = 0; j < i; j++) {
                if (params[j] == p) { // an alias and its parameter are two entries, as in Redis 7.0
                    setFailed(c, arg, "duplicate parameter");
                    return;
                }
            }
            params[i] = p;
        }
        String[] normalized = new String[n];
        for (int i = 0; i < n; i++) {
            try {
                normalized[i] = Config.normalize(params[i], Bytes.str(c.argv[3 + 2 * i]));
            } catch (Config.BadValue bad) {
                setFailed(c, params[i].name, bad.getMessage()); // the table's name, not the argument's case
                return;
            }
        }
        for (int i = 0; i < n; i++) cfg.set(params[i].name, normalized[i]);
        c.reply.ok();
    }

    private static void setFailed(Client c, String arg, String why) {
        c.reply.error("ERR CONFIG SET failed (possibly related to argument '" + arg + "') - " + why);
    }

    // ---- COMMAND ----

    static void command(Client c) {
        List<Command> rows = new ArrayList<>();
        for (Command cmd : c.engine.commands().commands()) if (CommandTable.implemented(cmd)) rows.add(cmd);
        c.reply.array(rows.size());
        for (Command cmd : rows) commandInfo(c.reply, cmd);
    }

    static void commandCount(Client c) {
        int n = 0;
        for (Command cmd : c.engine.commands().commands()) if (CommandTable.implemented(cmd)) n++;
        c.reply.integer(n);
    }

    static void commandInfo(Client c) {
        if (c.argc() == 2) {
            command(c);
            return;
        }
        c.reply.array(c.argc() - 2);
        for (int i = 2; i < c.argc(); i++) {
            Command cmd = lookupShown(c, Bytes.str(c.argv[i]));
            if (cmd == null) c.reply.nullBulk();
            else commandInfo(c.reply, cmd);
        }
    }

    /** A row by full name ("get", "config|get") when the fake implements it, else null. */
    private static Command lookupShown(Client c, String fullName) {
        Command cmd = c.engine.commands().lookup(fullName);
        return cmd != null && CommandTable.implemented(cmd) ? cmd : null;
    }

    /** addReplyCommandInfo: the ten fields, with sets where Redis 7 uses them. */
    static void commandInfo(ReplySink r, Command cmd) {
        r.array(10);
        r.bulk(cmd.fullName);
        r.integer(cmd.arity);
        r.set(cmd.flagNames.size());
        for (String f : cmd.flagNames) r.status(f);
        r.integer(cmd.firstKey);
        r.integer(cmd.lastKey);
        r.integer(cmd.keyStep);
        r.set(cmd.aclCategories.size());
        for (String a : cmd.aclCategories) r.status(a);
        r.set(cmd.tips.size());
        for (String tip : cmd.tips) r.bulk(tip);
        r.set(cmd.keySpecs().size());
        for (Object spec : cmd.keySpecs()) keySpec(r, spec, null);
        List<Command> subs = implementedSubs(cmd);
        if (subs.isEmpty()) {
            r.set(0);
        } else {
            r.array(subs.size());
            for (Command s : subs) commandInfo(r, s);
        }
    }

    private static List<Command> implementedSubs(Command cmd) {
        List<Command> subs = new ArrayList<>();
        for (Command s : cmd.subcommands().values()) if (s.isImplemented()) subs.add(s);
        return subs;
    }

    /** A key spec from the reference JSON: maps with bulk strings, integers, and flags as a set of statuses. */
    @SuppressWarnings("unchecked")
    private static void keySpec(ReplySink r, Object v, String key) {
        if (v instanceof Map) {
            Map<String, Object> m = (Map<String, Object>) v;
            r.map(m.size());
            for (Map.Entry<String, Object> en : m.entrySet()) {
                r.bulk(en.getKey());
                keySpec(r, en.getValue(), en.getKey());
            }
        } else if (v instanceof List) {
            List<Object> l = (List<Object>) v;
            r.set(l.size());
            for (Object o : l) r.status(String.valueOf(o));
        } else if (v instanceof Long) {
            r.integer((Long) v);
        } else {
            r.bulk(String.valueOf(v));
        }
    }

    static void commandList(Client c) {
        List<String> names = new ArrayList<>();
        if (c.argc() == 2) {
            for (Command cmd : c.engine.commands().commands()) addNames(cmd, names, null, null);
        } else if (c.argc() == 5 && Bytes.eq(c.argv[2], "FILTERBY")) {
            String kind = Bytes.str(c.argv[3]).toLowerCase(Locale.ROOT);
            String arg = Bytes.str(c.argv[4]);
            switch (kind) {
                case "module":
                    break; // no modules are loaded
                case "aclcat":
                    for (Command cmd : c.engine.commands().commands()) addNames(cmd, names, "@" + arg.toLowerCase(Locale.ROOT), null);
                    break;
                case "pattern":
                    for (Command cmd : c.engine.commands().commands()) addNames(cmd, names, null, arg);
                    break;
                default:
                    throw Errors.syntax;
            }
        } else {
            throw Errors.syntax;
        }
        c.reply.array(names.size());
        for (String n : names) c.reply.bulk(n);
    }

    private static void addNames(Command cmd, List<String> out, String aclcat, String pattern) {
        if (!CommandTable.implemented(cmd)) return;
        boolean ok = true;
        if (aclcat != null) ok = cmd.aclCategories.contains(aclcat);
        if (pattern != null) ok = globMatch(pattern, cmd.fullName, true);
        if (ok) out.add(cmd.fullName);
        for (Command s : implementedSubs(cmd)) addNames(s, out, aclcat, pattern);
    }

    static void commandDocs(Client c) {
        List<Command> rows = new ArrayList<>();
        if (c.argc() == 2) {
            for (Command cmd : c.engine.commands().commands()) if (CommandDocs.shown(cmd)) rows.add(cmd);
        } else {
            for (int i = 2; i < c.argc(); i++) {
                Command cmd = lookupShown(c, Bytes.str(c.argv[i]));
                if (cmd != null && CommandDocs.shown(cmd)) rows.add(cmd);
            }
        }
        c.reply.map(rows.size());
        for (Command cmd : rows) {
            c.reply.bulk(cmd.fullName);
            CommandDocs.emitDoc(c.reply, cmd, CommandDocs.doc(cmd.fullName));
        }
    }

    // ---- COMMAND GETKEYS ----

    static void getKeys(Client c, boolean withFlags) {
        int argc = c.argc() - 2;
        byte[][] argv = new byte[argc][];
        System.arraycopy(c.argv, 2, argv, 0, argc);
        CommandTable t = c.engine.commands();
        Command cmd = t.lookup(argv[0]);
        if (cmd != null && cmd.isContainer() && argc >= 2) cmd = cmd.subcommand(Bytes.lower(argv[1]));
        if (cmd == null) {
            c.reply.error("ERR Invalid command specified");
            return;
        }
        if (!cmd.hasKeys()) {
            c.reply.error("ERR The command has no key arguments");
            return;
        }
        if ((cmd.arity > 0 && cmd.arity != argc) || argc < -cmd.arity) {
            c.reply.error("ERR Invalid number of arguments specified for command");
            return;
        }
        List<int[]> keys = new ArrayList<>();
        List<List<String>> flags = new ArrayList<>();
        boolean ok = commandKeys(cmd, argv, keys, flags);
        if (!ok || keys.isEmpty()) {
            if (cmd.has(Command.NO_MANDATORY_KEYS)) c.reply.array(0);
            else c.reply.error("ERR Invalid arguments specified for command");
            return;
        }
        c.reply.array(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            if (withFlags) {
                c.reply.array(2);
                c.reply.bulk(argv[keys.get(i)[0]]);
                c.reply.set(flags.get(i).size());
                for (String f : flags.get(i)) c.reply.status(f);
            } else {
                c.reply.bulk(argv[keys.get(i)[0]]);
            }
        }
    }

    /** The key arguments of a command line (argv[0] is the command name) and each key's spec flags; ACL uses it too. */
    public static boolean commandKeys(Command cmd, byte[][] argv, List<int[]> keys, List<List<String>> flags) {
        switch (cmd.fullName) {
            // Redis asks these commands' getkeys procs: their specs have variable flags or unknown searches.
            case "set": return setKeys(argv, keys, flags);
            case "bitfield": return bitfieldKeys(argv, keys, flags);
            case "sort": case "sort_ro": return sortKeys(cmd, argv, keys, flags);
            case "migrate": return migrateKeys(argv, keys, flags);
            default: return keysFromSpecs(cmd, argv, keys, flags);
        }
    }

    private static final List<String> RW_ACCESS_UPDATE = List.of("RW", "access", "update");

    /** setGetKeys: the GET option turns an overwrite into a read-write. */
    private static boolean setKeys(byte[][] argv, List<int[]> keys, List<List<String>> flags) {
        keys.add(new int[] {1});
        for (int i = 3; i < argv.length; i++) {
            if (Bytes.eq(argv[i], "GET")) {
                flags.add(RW_ACCESS_UPDATE);
                return true;
            }
        }
        flags.add(List.of("OW", "update"));
        return true;
    }

    /** bitfieldGetKeys: read-only unless a SET/INCRBY (or anything unparsable) appears. */
    private static boolean bitfieldKeys(byte[][] argv, List<int[]> keys, List<List<String>> flags) {
        boolean readonly = true;
        for (int i = 2; i < argv.length; i++) {
            int rem = argv.length - i - 1;
            if (Bytes.eq(argv[i], "GET") && rem >= 2) {
                i += 2;
            } else if ((Bytes.eq(argv[i], "SET") || Bytes.eq(argv[i], "INCRBY")) && rem >= 3) {
                readonly = false;
                break;
            } else if (Bytes.eq(argv[i], "OVERFLOW") && rem >= 1) {
                i += 1;
            } else {
                readonly = false;
                break;
            }
        }
        keys.add(new int[] {1});
        flags.add(readonly ? List.of("RO", "access") : RW_ACCESS_UPDATE);
        return true;
    }

    /** sortGetKeys: the sorted key, and the last STORE destination. */
    @SuppressWarnings("unchecked")
    private static boolean sortKeys(Command cmd, byte[][] argv, List<int[]> keys, List<List<String>> flags) {
        keys.add(new int[] {1});
        flags.add((List<String>) ((Map<String, Object>) cmd.keySpecs().get(0)).get("flags"));
        int store = -1;
        for (int i = 2; i < argv.length; i++) {
            if (Bytes.eq(argv[i], "LIMIT")) i += 2;
            else if (Bytes.eq(argv[i], "GET") || Bytes.eq(argv[i], "BY")) i += 1;
            else if (Bytes.eq(argv[i], "STORE") && i + 1 < argv.length) store = i + 1;
        }
        if (store > 0 && cmd.keySpecs().size() > 2) {
            keys.add(new int[] {store});
            flags.add((List<String>) ((Map<String, Object>) cmd.keySpecs().get(2)).get("flags"));
        }
        return true;
    }

    /** migrateGetKeys: the key argument, or everything after KEYS when the key argument is empty. */
    private static boolean migrateKeys(byte[][] argv, List<int[]> keys, List<List<String>> flags) {
        int first = 3, num = 1;
        // Redis tries the key specs first. Their KEYS spec searches back from the second-to-last
        // argument and is incomplete, so only a KEYS with an argument after it sends Redis on to
        // migrateGetKeys below; otherwise the key is the key argument.
        boolean keysKeyword = false;
        for (int i = argv.length - 2; i >= 1 && !keysKeyword; i--) keysKeyword = Bytes.eq(argv[i], "KEYS");
        if (keysKeyword && argv.length > 6) {
            for (int i = 6; i < argv.length; i++) {
                if (Bytes.eq(argv[i], "KEYS")) {
                    if (argv[3].length > 0) return false;
                    first = i + 1;
                    num = argv.length - first;
                    break;
                }
                if (Bytes.eq(argv[i], "AUTH")) i += 1;
                else if (Bytes.eq(argv[i], "AUTH2")) i += 2;
            }
        }
        for (int i = 0; i < num; i++) {
            keys.add(new int[] {first + i});
            flags.add(List.of("RW", "access", "delete"));
        }
        return true;
    }

    /** getKeysUsingKeySpecs of db.c; false when a spec is invalid for these arguments. */
    @SuppressWarnings("unchecked")
    private static boolean keysFromSpecs(Command cmd, byte[][] argv, List<int[]> keys, List<List<String>> flags) {
        int argc = argv.length;
        for (Object o : cmd.keySpecs()) {
            Map<String, Object> spec = (Map<String, Object>) o;
            List<String> specFlags = (List<String>) spec.get("flags");
            Map<String, Object> bs = (Map<String, Object>) spec.get("begin_search");
            Map<String, Object> fk = (Map<String, Object>) spec.get("find_keys");
            Map<String, Object> bsSpec = (Map<String, Object>) bs.get("spec");
            Map<String, Object> fkSpec = (Map<String, Object>) fk.get("spec");
            int first = 0;
            String bsType = (String) bs.get("type");
            if (bsType.equals("index")) {
                first = num(bsSpec, "index");
            } else if (bsType.equals("keyword")) {
                String kw = (String) bsSpec.get("keyword");
                int from = num(bsSpec, "startfrom");
                int start = from > 0 ? from : argc + from;
                int end = from > 0 ? argc - 1 : 1;
                for (int i = start; i != end; i = start <= end ? i + 1 : i - 1) {
                    if (i >= argc || i < 1) break;
                    if (Bytes.str(argv[i]).equalsIgnoreCase(kw)) {
                        first = i + 1;
                        break;
                    }
                }
                if (first == 0) continue;
            } else {
                return false;
            }
            int last;
            int step;
            String fkType = (String) fk.get("type");
            if (fkType.equals("range")) {
                step = num(fkSpec, "keystep");
                int lastkey = num(fkSpec, "lastkey");
                int limit = num(fkSpec, "limit");
                if (lastkey >= 0) last = first + lastkey;
                else if (limit == 0) last = argc + lastkey;
                else last = first + ((argc - first) / limit + lastkey);
            } else if (fkType.equals("keynum")) {
                step = num(fkSpec, "keystep");
                int idx = num(fkSpec, "keynumidx");
                if (idx < 0 || first + idx >= argc) return false;
                long[] out = new long[1];
                byte[] a = argv[first + idx];
                if (!Bytes.parseLong(a, 0, a.length, out) || out[0] < 0) return false;
                first += num(fkSpec, "firstkey");
                last = first + (int) out[0] - 1;
            } else {
                return false;
            }
            if (last >= argc || last < first || first >= argc) return false;
            for (int i = first; i <= last; i += step) {
                keys.add(new int[] {i});
                flags.add(specFlags);
            }
            if (specFlags.contains("incomplete")) return false;
        }
        return true;
    }

    private static int num(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? 0 : ((Long) v).intValue();
    }

    /** CONFIG GET and COMMAND LIST patterns use the one glob matcher, case-insensitively. */
    static boolean globMatch(String p, String s, boolean nocase) {
        return io.fakeredis.core.util.Glob.match(Bytes.utf8(p), Bytes.utf8(s), nocase);
    }
}
