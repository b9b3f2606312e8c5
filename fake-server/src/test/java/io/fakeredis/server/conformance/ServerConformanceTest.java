package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fakeredis.core.command.Command;
import io.fakeredis.core.command.CommandTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** INFO, CONFIG, COMMAND, TIME, SLOWLOG, ROLE, LASTSAVE, LOLWUT against the real server. */
class ServerConformanceTest extends ConformanceTest {

    // ---- helpers ----

    /** Section name -> field names, from INFO text (values differ between servers). */
    private static Map<String, List<String>> infoShape(byte[] raw) {
        String text;
        if (raw[0] == '=') {
            String all = new String(raw, StandardCharsets.UTF_8);
            text = all.substring(all.indexOf("\r\n") + 2 + 4);
        } else {
            text = Reply.bulkString(raw);
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        List<String> cur = null;
        for (String l : text.split("\r\n")) {
            if (l.isEmpty()) continue;
            if (l.startsWith("# ")) {
                cur = new ArrayList<>();
                m.put(l.substring(2), cur);
            } else {
                cur.add(l.substring(0, l.indexOf(':')));
            }
        }
        return m;
    }

    private void sameInfoShape(Session s, String... args) {
        byte[][] r = s.both(args);
        assertEquals((char) r[0][0], (char) r[1][0], "reply type of " + String.join(" ", args));
        Map<String, List<String>> real = infoShape(r[0]);
        Map<String, List<String>> fake = infoShape(r[1]);
        assertEquals(List.copyOf(real.keySet()), List.copyOf(fake.keySet()), "sections of " + String.join(" ", args));
        for (String sec : real.keySet()) {
            // These hold one line per command, error or db used so far: history, not shape.
            if (sec.equals("Commandstats") || sec.equals("Errorstats") || sec.equals("Latencystats") || sec.equals("Keyspace")) continue;
            assertEquals(real.get(sec), fake.get(sec), "fields of section " + sec);
        }
    }

    /** A bulk or verbatim string's text (Reply.bulkString reads only a verbatim's header). */
    private static String text(byte[] raw) {
        String all = new String(raw, StandardCharsets.UTF_8);
        String body = all.substring(all.indexOf("\r\n") + 2, all.length() - 2);
        return raw[0] == '=' ? body.substring(4) : body;
    }

    private static String str(byte[] raw) {
        return Reply.bulkString(raw);
    }

    private static List<Command> implementedRows() {
        List<Command> out = new ArrayList<>();
        for (Command c : CommandTable.get().commands()) if (CommandTable.implemented(c)) out.add(c);
        return out;
    }

    // ---- TIME, ROLE, LASTSAVE, LOLWUT, SLOWLOG ----

    @Test
    void timeRoleLastsave() {
        run(s -> {
            byte[][] t = s.both("TIME");
            assertEquals(Reply.header(t[0]), Reply.header(t[1]));
            long realSec = Long.parseLong(str(Reply.elements(t[0]).get(0)));
            long fakeSec = Long.parseLong(str(Reply.elements(t[1]).get(0)));
            assertTrue(Math.abs(realSec - fakeSec) <= 2, "TIME seconds close to the real server's");
            s.same("TIME", "x");
            s.same("ROLE");
            s.same("ROLE", "x");
            byte[][] l = s.both("LASTSAVE");
            assertEquals((char) l[0][0], (char) l[1][0]);
            s.same("LASTSAVE", "x");
            s.same("LOLWUT");
        });
    }

    @Test
    void slowlog() {
        run(s -> {
            // off, so a command that happens to be slow on either server logs nothing
            s.same("CONFIG", "SET", "slowlog-log-slower-than", "-1");
            s.same("SLOWLOG", "RESET");
            s.same("SLOWLOG", "LEN");
            s.same("SLOWLOG", "GET");
            s.same("SLOWLOG", "GET", "5");
            s.same("SLOWLOG", "GET", "-1");
            s.same("SLOWLOG", "GET", "-2");
            s.same("SLOWLOG", "GET", "x");
            s.same("SLOWLOG", "GET", "1", "2");
            s.same("SLOWLOG", "HELP");
            s.same("SLOWLOG", "help");
            s.same("SLOWLOG", "NOPE");
            s.same("SLOWLOG");
            s.same("SLOWLOG", "LEN", "x");
            s.same("CONFIG", "SET", "slowlog-log-slower-than", "10000");
        });
    }

    // ---- INFO ----

    @Test
    void info() {
        run(s -> {
            sameInfoShape(s, "INFO");
            sameInfoShape(s, "INFO", "all");
            sameInfoShape(s, "INFO", "everything");
            sameInfoShape(s, "INFO", "default");
            sameInfoShape(s, "INFO", "server", "clients");
            sameInfoShape(s, "INFO", "CPU");
            sameInfoShape(s, "INFO", "Memory");
            sameInfoShape(s, "INFO", "persistence", "stats", "replication");
            sameInfoShape(s, "INFO", "commandstats");
            sameInfoShape(s, "INFO", "default", "commandstats");
            sameInfoShape(s, "INFO", "all", "nosuch");
            sameInfoShape(s, "INFO", "keyspace");
            s.same("INFO", "nosuch");
            s.same("INFO", "cluster");
            s.same("INFO", "modules");
            sameInfoShape(s, "INFO", "errorstats", "nosuch");
        });
    }

    @Test
    void infoKeyspaceLine() {
        run(s -> {
            s.same("SELECT", "9");
            s.same("SET", "info-keyspace-key", "v");
            byte[][] r = s.both("INFO", "keyspace");
            assertEquals("db9:keys=1,expires=0,avg_ttl=0", db9(text(r[0])));
            assertEquals(db9(text(r[0])), db9(text(r[1])));
            s.same("SELECT", "0");
        });
    }

    private static String db9(String info) {
        for (String l : info.split("\r\n")) if (l.startsWith("db9:")) return l;
        return null;
    }

    @Test
    void infoCommandstatsLines() {
        run(s -> {
            s.same("CONFIG", "RESETSTAT");
            s.same("ECHO", "x");
            s.same("ECHO");
            byte[][] r = s.both("INFO", "commandstats");
            // the text without its length header, which depends on how many digits the timings have
            String real = text(r[0]).replaceAll("usec=\\d+,usec_per_call=[0-9.]+", "usec=U");
            String fake = text(r[1]).replaceAll("usec=\\d+,usec_per_call=[0-9.]+", "usec=U");
            assertEquals(new TreeSet<>(List.of(real.split("\r\n"))), new TreeSet<>(List.of(fake.split("\r\n"))));
        });
    }

    // ---- CONFIG ----

    @Test
    void configGet() {
        run(s -> {
            s.sameUnordered("CONFIG", "GET", "maxmemory");
            s.sameUnordered("CONFIG", "GET", "MAXMEMORY");
            s.sameUnordered("CONFIG", "GET", "maxmemory*");
            s.sameUnordered("CONFIG", "GET", "*max-*-entries*");
            s.sameUnordered("CONFIG", "GET", "*MAX-*-ENTRIES*");
            s.sameUnordered("CONFIG", "GET", "hash-max-*", "zset-max-*");
            s.sameUnordered("CONFIG", "GET", "hz", "hz", "h?");
            s.sameUnordered("CONFIG", "GET", "list-max-[lz]*");
            s.sameUnordered("CONFIG", "GET", "lazyfree-lazy-[^u]*");
            s.sameUnordered("CONFIG", "GET", "slave-priority", "replica-priority");
            s.sameUnordered("CONFIG", "GET", "notify-keyspace-events");
            s.sameUnordered("CONFIG", "GET", "client-output-buffer-limit");
            s.sameUnordered("CONFIG", "GET", "nosuch");
            s.sameUnordered("CONFIG", "GET", "nosuch*");
            s.same("CONFIG", "GET");
            s.same("CONFIG");
            s.same("CONFIG", "HELP");
            s.same("CONFIG", "help");
            s.same("CONFIG", "NOPE");
            s.same("CONFIG", "REWRITE");
            s.same("CONFIG", "RESETSTAT");
            s.same("CONFIG", "RESETSTAT", "x");
            // every parameter name, values aside
            byte[][] all = s.both("CONFIG", "GET", "*");
            assertEquals(names(all[0]), names(all[1]));
        });
    }

    private static TreeSet<String> names(byte[] raw) {
        TreeSet<String> n = new TreeSet<>();
        List<byte[]> e = Reply.elements(raw);
        for (int i = 0; i < e.size(); i += 2) n.add(str(e.get(i)));
        return n;
    }

    @Test
    void configSet() {
        run(s -> {
            try {
                // booleans
                s.same("CONFIG", "SET", "activerehashing", "no");
                s.sameUnordered("CONFIG", "GET", "activerehashing");
                s.same("CONFIG", "SET", "activerehashing", "YES");
                s.sameUnordered("CONFIG", "GET", "activerehashing");
                s.same("CONFIG", "SET", "activerehashing", "maybe");
                // integers and bounds
                s.same("CONFIG", "SET", "hz", "abc");
                s.same("CONFIG", "SET", "hz", "1.5");
                s.same("CONFIG", "SET", "hz", "-1");
                s.same("CONFIG", "SET", "hz", " 10");
                s.same("CONFIG", "SET", "hz", "+10");
                s.same("CONFIG", "SET", "hz", "010");
                s.same("CONFIG", "SET", "hz", "99999999999999999999");
                s.same("CONFIG", "SET", "hz", "1000");
                s.sameUnordered("CONFIG", "GET", "hz");
                s.same("CONFIG", "SET", "hz", "0");
                s.sameUnordered("CONFIG", "GET", "hz");
                s.same("CONFIG", "SET", "latency-tracking-info-percentiles", "50.0 99.123 100");
                s.sameUnordered("CONFIG", "GET", "latency-tracking-info-percentiles");
                s.same("CONFIG", "SET", "latency-tracking-info-percentiles", "50 101");
                s.same("CONFIG", "SET", "latency-tracking-info-percentiles", "x");
                s.same("CONFIG", "SET", "latency-tracking-info-percentiles", "50 99 99.9");
                s.same("CONFIG", "SET", "oom-score-adj-values", "0 200 800");
                s.sameUnordered("CONFIG", "GET", "oom-score-adj-values");
                s.same("CONFIG", "SET", "oom-score-adj-values", "0 200");
                s.same("CONFIG", "SET", "oom-score-adj-values", "0 200 9000");
                s.same("CONFIG", "SET", "oom-score-adj-values", "x 0 0");
                s.same("CONFIG", "SET", "oom-score-adj-values", "0 200 800");
                s.same("CONFIG", "SET", "client-output-buffer-limit", "normal 1 2 x");
                s.same("CONFIG", "SET", "client-output-buffer-limit", "normal 1 2 -1");
                s.same("CONFIG", "SET", "client-output-buffer-limit", "master 1 2 3");
                s.same("CONFIG", "SET", "client-output-buffer-limit", "replica 1mb 2mb 3 pubsub 4 5 6");
                s.sameUnordered("CONFIG", "GET", "client-output-buffer-limit");
                s.same("CONFIG", "SET", "client-output-buffer-limit", "slave 268435456 67108864 60 pubsub 33554432 8388608 60");
                s.same("CONFIG", "SET", "save", "1 -1");
                s.same("CONFIG", "SET", "save", "0 1");
                s.same("CONFIG", "SET", "active-expire-effort", "11");
                s.same("CONFIG", "SET", "active-expire-effort", "0");
                s.same("CONFIG", "SET", "slowlog-log-slower-than", "-2");
                s.same("CONFIG", "SET", "list-max-listpack-size", "-5");
                s.sameUnordered("CONFIG", "GET", "list-max-*");
                s.same("CONFIG", "SET", "list-max-ziplist-size", "-2");
                s.same("CONFIG", "SET", "maxclients", "0");
                s.same("CONFIG", "SET", "port", "65536");
                // memory values
                s.same("CONFIG", "SET", "maxmemory", "1mb");
                s.sameUnordered("CONFIG", "GET", "maxmemory");
                s.same("CONFIG", "SET", "maxmemory", "2K");
                s.sameUnordered("CONFIG", "GET", "maxmemory");
                s.same("CONFIG", "SET", "maxmemory", "3GB");
                s.sameUnordered("CONFIG", "GET", "maxmemory");
                s.same("CONFIG", "SET", "maxmemory", "1.5gb");
                s.same("CONFIG", "SET", "maxmemory", "-1");
                // found by ConfigFuzzTest: past LLONG_MAX a memory value wraps as in C, and errors
                // name the parameter as the table spells it (an alias is its own entry)
                s.same("CONFIG", "SET", "zset-max-listpack-value", "9223372036854775808");
                s.same("CONFIG", "SET", "zset-max-listpack-value", "18446744073709551615");
                s.same("CONFIG", "SET", "zset-max-listpack-value", "18446744073709551616");
                s.same("CONFIG", "SET", "maxmemory-clients", "9223372036854775808");
                s.same("CONFIG", "SET", "maxmemory-clients", "18446744073709551611"); // wraps to -5: 5%
                s.sameUnordered("CONFIG", "GET", "maxmemory-clients");
                s.same("CONFIG", "SET", "maxmemory-clients", "0");
                s.same("CONFIG", "SET", "STREAM-NODE-MAX-BYTES", "x");
                s.same("CONFIG", "SET", "SLAVE-PRIORITY", "x");
                s.same("CONFIG", "SET", "HZ", "10", "hz", "11");
                s.same("CONFIG", "SET", "slave-priority", "1", "replica-priority", "100");
                s.sameUnordered("CONFIG", "GET", "slave-priority");
                s.same("CONFIG", "SET", "maxmemory", "10xb");
                s.same("CONFIG", "SET", "maxmemory", "0");
                s.same("CONFIG", "SET", "proto-max-bulk-len", "1000");
                s.same("CONFIG", "SET", "client-query-buffer-limit", "1k");
                s.same("CONFIG", "SET", "maxmemory-clients", "50%");
                s.sameUnordered("CONFIG", "GET", "maxmemory-clients");
                s.same("CONFIG", "SET", "maxmemory-clients", "200%");
                s.same("CONFIG", "SET", "maxmemory-clients", "-5%");
                s.same("CONFIG", "SET", "maxmemory-clients", "x%");
                s.same("CONFIG", "SET", "maxmemory-clients", "10mb");
                s.sameUnordered("CONFIG", "GET", "maxmemory-clients");
                s.same("CONFIG", "SET", "maxmemory-clients", "0");
                // enums
                s.same("CONFIG", "SET", "maxmemory-policy", "ALLKEYS-LRU");
                s.sameUnordered("CONFIG", "GET", "maxmemory-policy");
                s.same("CONFIG", "SET", "maxmemory-policy", "lru");
                s.same("CONFIG", "SET", "maxmemory-policy", "noeviction");
                s.same("CONFIG", "SET", "appendfsync", "sometimes");
                // notify-keyspace-events
                s.same("CONFIG", "SET", "notify-keyspace-events", "KEA");
                s.sameUnordered("CONFIG", "GET", "notify-keyspace-events");
                s.same("CONFIG", "SET", "notify-keyspace-events", "Kg$lshzxetd");
                s.sameUnordered("CONFIG", "GET", "notify-keyspace-events");
                s.same("CONFIG", "SET", "notify-keyspace-events", "Em");
                s.sameUnordered("CONFIG", "GET", "notify-keyspace-events");
                for (String ev : new String[] {"n", "En", "Kn", "$n", "AKEmn", "A", "gg", "xeKE", "tdm"}) {
                    s.same("CONFIG", "SET", "notify-keyspace-events", ev);
                    s.sameUnordered("CONFIG", "GET", "notify-keyspace-events");
                }
                s.same("CONFIG", "SET", "notify-keyspace-events", "KQ");
                s.same("CONFIG", "SET", "notify-keyspace-events", "");
                // save and buffer limits
                s.same("CONFIG", "SET", "save", "100 10 60 10000");
                s.sameUnordered("CONFIG", "GET", "save");
                s.same("CONFIG", "SET", "save", "100");
                s.same("CONFIG", "SET", "save", "0 10");
                s.same("CONFIG", "SET", "save", "x 10");
                s.same("CONFIG", "SET", "save", "");
                s.sameUnordered("CONFIG", "GET", "save");
                s.same("CONFIG", "SET", "client-output-buffer-limit", "normal 1mb 2mb 3");
                s.sameUnordered("CONFIG", "GET", "client-output-buffer-limit");
                s.same("CONFIG", "SET", "client-output-buffer-limit", "normal 1mb 2mb");
                s.same("CONFIG", "SET", "client-output-buffer-limit", "bogus 1 2 3");
                s.same("CONFIG", "SET", "client-output-buffer-limit", "normal x 2 3");
                s.same("CONFIG", "SET", "client-output-buffer-limit", "normal 0 0 0");
                // aliases
                s.same("CONFIG", "SET", "slave-priority", "50");
                s.sameUnordered("CONFIG", "GET", "*-priority");
                s.same("CONFIG", "SET", "replica-priority", "100");
                s.same("CONFIG", "SET", "slave-priority", "1", "replica-priority", "2");
                // unknown, immutable, protected, duplicates, arity
                s.same("CONFIG", "SET", "nosuch", "1");
                s.same("CONFIG", "SET", "daemonize", "no");
                s.same("CONFIG", "SET", "databases", "1");
                s.same("CONFIG", "SET", "dir", "/tmp");
                s.same("CONFIG", "SET", "hz", "10", "hz", "11");
                s.same("CONFIG", "SET", "hz", "10", "HZ", "11");
                s.same("CONFIG", "SET", "hz");
                s.same("CONFIG", "SET", "hz", "10", "maxmemory");
                // several at once: all or nothing
                s.same("CONFIG", "SET", "hz", "20", "maxmemory", "1mb");
                s.sameUnordered("CONFIG", "GET", "hz", "maxmemory");
                s.same("CONFIG", "SET", "hz", "30", "maxmemory", "bad");
                s.sameUnordered("CONFIG", "GET", "hz", "maxmemory");
                s.same("CONFIG", "SET", "hz", "30", "nosuch", "1");
                s.same("CONFIG", "SET", "HZ", "10", "MaxMemory", "0");
                s.sameUnordered("CONFIG", "GET", "hz", "maxmemory");
            } finally {
                s.both("CONFIG", "SET", "hz", "10", "maxmemory", "0", "activerehashing", "yes", "maxmemory-policy", "noeviction",
                        "notify-keyspace-events", "", "save", "", "replica-priority", "100", "maxmemory-clients", "0",
                        "list-max-listpack-size", "-2", "client-output-buffer-limit", "normal 0 0 0");
            }
        });
    }

    // ---- COMMAND ----

    @Test
    void commandErrorsAndHelp() {
        run(s -> {
            s.same("COMMAND", "HELP");
            s.same("COMMAND", "help");
            s.same("COMMAND", "NOPE");
            s.same("COMMAND", "COUNT", "x");
            s.same("COMMAND", "INFO", "nosuchcommand");
            s.same("COMMAND", "DOCS", "nosuchcommand");
            s.same("COMMAND", "LIST", "x");
            s.same("COMMAND", "LIST", "FILTERBY");
            s.same("COMMAND", "LIST", "FILTERBY", "pattern");
            s.same("COMMAND", "LIST", "FILTERBY", "foo", "x");
            s.same("COMMAND", "LIST", "FILTERBY", "module", "x");
            s.same("COMMAND", "LIST", "FILTERBY", "pattern", "x", "y");
            s.same("COMMAND", "LIST", "FILTERBY", "pattern", "nosuch*");
            s.same("COMMAND", "GETKEYS");
            s.same("COMMAND", "GETKEYS", "get");
            s.same("COMMAND", "GETKEYS", "nosuch", "a");
            s.same("COMMAND", "GETKEYS", "ping", "a");
            s.same("COMMAND", "GETKEYS", "get", "a", "b");
            s.same("COMMAND", "GETKEYS", "config", "get");
            s.same("COMMAND", "GETKEYS", "config", "nosuch");
            s.same("COMMAND", "GETKEYSANDFLAGS", "ping", "x");
            // found by GetKeysFuzzTest: shard channels are not keys, and MIGRATE ... KEYS with a
            // key name keeps the key name
            s.same("COMMAND", "GETKEYS", "sunsubscribe", "a", "b");
            s.same("COMMAND", "GETKEYS", "spublish", "a", "m");
            s.same("COMMAND", "GETKEYS", "ssubscribe", "a");
            s.same("COMMAND", "GETKEYSANDFLAGS", "migrate", "h", "1", "k", "0", "5", "KEYS");
            s.same("COMMAND", "GETKEYS", "migrate", "h", "1", "k", "0", "5", "KEYS", "a", "b");
            s.same("COMMAND", "GETKEYS", "migrate", "h", "1", "", "0", "5", "KEYS", "a", "b");
            s.same("COMMAND", "GETKEYS", "migrate", "h", "1", "", "0", "5", "KEYS");
        });
    }

    @Test
    void commandGetKeys() {
        String[][] cases = {
            {"get", "a"}, {"set", "a", "b"}, {"set", "a", "b", "EX", "10"}, {"mset", "a", "1", "b", "2"},
            {"mget", "a", "b", "c"}, {"del", "a", "b"}, {"rename", "a", "b"}, {"lmove", "a", "b", "LEFT", "RIGHT"},
            {"zunionstore", "d", "2", "a", "b"}, {"zunionstore", "d", "2", "a", "b", "WEIGHTS", "1", "2"},
            {"zunionstore", "d", "3", "a", "b"}, {"zunionstore", "d", "x", "a"}, {"zinter", "2", "a", "b"},
            {"blpop", "a", "b", "0"}, {"xread", "STREAMS", "a", "b", "0", "0"}, {"eval", "s", "2", "a", "b", "c"},
            {"eval", "s", "0"}, {"object", "encoding", "k"}, {"memory", "usage", "k"}, {"bitop", "and", "d", "a", "b"},
            {"sintercard", "2", "a", "b"}, {"lmpop", "2", "a", "b", "LEFT"}, {"georadius", "k", "1", "2", "3", "m", "STORE", "d"},
            {"xreadgroup", "GROUP", "g", "c", "STREAMS", "a", "0"}, {"pfcount", "a", "b"}, {"msetnx", "a", "1", "b"},
            {"set", "a", "b", "get"}, {"bitfield", "a", "GET", "u8", "0"}, {"bitfield", "a", "SET", "u8", "0", "1"},
            {"bitfield", "a"}, {"sort", "a"}, {"sort", "a", "BY", "store", "STORE", "d"}, {"sort", "a", "STORE", "d", "STORE", "e"},
            {"sort_ro", "a", "LIMIT", "0", "1"},
            {"migrate", "h", "1", "k", "0", "10"}, {"migrate", "h", "1", "", "0", "10", "COPY", "AUTH", "p", "KEYS", "a", "b"},
            {"migrate", "h", "1", "", "0", "10", "AUTH2", "u", "p", "KEYS", "a"}, {"migrate", "h", "1", "k", "0", "10", "KEYS", "a"},
            {"zunionstore", "d", "0", "a"}, {"zunionstore", "d", "-1", "a"}, {"eval", "s", "5", "a"}, {"xread", "COUNT", "1"},
            {"xread", "STREAMS", "a", "b", "c"}, {"georadiusbymember", "k", "m", "1", "km", "STOREDIST", "d"},
            {"zdiffstore", "d", "2", "a", "b"}, {"bzmpop", "0", "2", "a", "b", "MIN"}, {"fcall", "f", "1", "k", "a"},
            {"bitfield_ro", "k", "GET", "u8", "0"}, {"getex", "k", "PX", "1"}, {"copy", "a", "b"}, {"smove", "a", "b", "m"},
        };
        run(s -> {
            for (String[] c : cases) {
                String[] a = new String[c.length + 2];
                a[0] = "COMMAND";
                a[1] = "GETKEYS";
                System.arraycopy(c, 0, a, 2, c.length);
                s.same(a);
                a[1] = "GETKEYSANDFLAGS";
                s.same(a);
            }
        });
    }

    @Test
    void commandCountAndList() {
        run(s -> {
            byte[] count = s.fake.call("COMMAND", "COUNT");
            assertEquals(":" + implementedRows().size(), Reply.header(count));
            byte[][] list = s.both("COMMAND", "LIST");
            TreeSet<String> real = new TreeSet<>();
            for (byte[] e : Reply.elements(list[0])) real.add(str(e));
            List<String> fake = new ArrayList<>();
            for (byte[] e : Reply.elements(list[1])) fake.add(str(e));
            assertTrue(real.containsAll(fake), "COMMAND LIST names are real names");
            List<String> expected = new ArrayList<>();
            for (Command c : implementedRows()) {
                expected.add(c.fullName);
                for (Command sub : c.subcommands().values()) if (sub.isImplemented()) expected.add(sub.fullName);
            }
            assertEquals(new TreeSet<>(expected), new TreeSet<>(fake));
            // filters: the fake's answer is the real answer restricted to implemented rows
            String[][] filters = {{"pattern", "c*"}, {"pattern", "CONFIG|*"}, {"pattern", "*e?"}, {"aclcat", "connection"},
                {"aclcat", "admin"}, {"aclcat", "nosuch"}, {"aclcat", "slow"}};
            for (String[] f : filters) {
                byte[][] r = s.both("COMMAND", "LIST", "FILTERBY", f[0], f[1]);
                TreeSet<String> rr = new TreeSet<>();
                for (byte[] e : Reply.elements(r[0])) if (expected.contains(str(e))) rr.add(str(e));
                TreeSet<String> ff = new TreeSet<>();
                for (byte[] e : Reply.elements(r[1])) ff.add(str(e));
                assertEquals(rr, ff, "COMMAND LIST FILTERBY " + f[0] + " " + f[1]);
            }
            // COMMAND with no arguments is COMMAND INFO of every implemented row, and so are INFO and DOCS without names
            byte[] all = s.fake.call("COMMAND");
            assertEquals(implementedRows().size(), Reply.elements(all).size());
            assertEquals(RawConnection.show(all), RawConnection.show(s.fake.call("COMMAND", "INFO")));
            assertEquals(2 * implementedRows().size(), Reply.elements(s.fake.call("COMMAND", "DOCS")).size());
        });
    }

    /** COMMAND INFO of every implemented command equals the real reply, restricted to implemented subcommands. */
    @Test
    void commandInfoEveryImplementedCommand() {
        run(s -> {
            for (Command c : implementedRows()) {
                if (!c.isContainer()) {
                    s.same("COMMAND", "INFO", c.fullName);
                    continue;
                }
                byte[][] r = s.both("COMMAND", "INFO", c.fullName);
                List<byte[]> real = Reply.elements(Reply.elements(r[0]).get(0));
                List<byte[]> fake = Reply.elements(Reply.elements(r[1]).get(0));
                assertEquals(10, fake.size());
                for (int i = 0; i < 9; i++) {
                    assertEquals(RawConnection.show(real.get(i)), RawConnection.show(fake.get(i)), c.fullName + " field " + i);
                }
                Map<String, String> realSubs = new LinkedHashMap<>();
                for (byte[] sub : Reply.elements(real.get(9))) {
                    realSubs.put(str(Reply.elements(sub).get(0)), RawConnection.show(sub));
                }
                List<byte[]> fakeSubs = Reply.elements(fake.get(9));
                long implemented = c.subcommands().values().stream().filter(Command::isImplemented).count();
                assertEquals(implemented, fakeSubs.size(), c.fullName + " subcommand count");
                for (byte[] sub : fakeSubs) {
                    String name = str(Reply.elements(sub).get(0));
                    assertEquals(realSubs.get(name), RawConnection.show(sub), "COMMAND INFO " + name);
                    s.same("COMMAND", "INFO", name);
                }
            }
            s.same("COMMAND", "INFO", "get", "nosuch", "set");
            s.same("COMMAND", "INFO", "GET", "config|get");
        });
    }

    /** COMMAND DOCS of every implemented command equals the real reply, restricted to implemented subcommands. */
    @Test
    void commandDocsEveryImplementedCommand() {
        run(s -> {
            for (Command c : implementedRows()) {
                if (!c.isContainer()) {
                    s.same("COMMAND", "DOCS", c.fullName);
                    continue;
                }
                byte[][] r = s.both("COMMAND", "DOCS", c.fullName);
                List<byte[]> realTop = Reply.elements(r[0]);
                List<byte[]> fakeTop = Reply.elements(r[1]);
                assertEquals(str(realTop.get(0)), str(fakeTop.get(0)));
                List<byte[]> real = Reply.elements(realTop.get(1));
                List<byte[]> fake = Reply.elements(fakeTop.get(1));
                assertEquals(Reply.header(realTop.get(1)), Reply.header(fakeTop.get(1)), c.fullName + " doc size");
                for (int i = 0; i < real.size(); i += 2) {
                    assertEquals(str(real.get(i)), str(fake.get(i)), c.fullName + " doc key " + i);
                    if (!str(real.get(i)).equals("subcommands")) {
                        assertEquals(RawConnection.show(real.get(i + 1)), RawConnection.show(fake.get(i + 1)), c.fullName + " " + str(real.get(i)));
                        continue;
                    }
                    Map<String, String> realSubs = new LinkedHashMap<>();
                    List<byte[]> rs = Reply.elements(real.get(i + 1));
                    for (int j = 0; j < rs.size(); j += 2) realSubs.put(str(rs.get(j)), RawConnection.show(rs.get(j + 1)));
                    List<byte[]> fs = Reply.elements(fake.get(i + 1));
                    long implemented = c.subcommands().values().stream().filter(Command::isImplemented).count();
                    assertEquals(implemented * 2, fs.size(), c.fullName + " documented subcommands");
                    for (int j = 0; j < fs.size(); j += 2) {
                        assertEquals(realSubs.get(str(fs.get(j))), RawConnection.show(fs.get(j + 1)), "COMMAND DOCS " + str(fs.get(j)));
                        s.same("COMMAND", "DOCS", str(fs.get(j)));
                    }
                }
            }
            s.same("COMMAND", "DOCS", "get", "nosuch", "set");
            s.same("COMMAND", "DOCS", "GET", "ECHO");
        });
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
