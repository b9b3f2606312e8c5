package io.fakeredis.server.conformance;

import io.fakeredis.core.command.Command;
import io.fakeredis.core.command.CommandTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test of argument handling: every implemented data command (strings,
 * lists, hashes, sets, sorted sets, streams, bitmaps, HyperLogLog, geo and keyspace commands)
 * gets random argument lists built from keys of every type, numbers, bounds and option words.
 * Most are malformed, so this checks which error Redis gives first, and for what. Commands whose
 * reply is random or depends on time or on Redis's hash order are left out or compared as sets.
 * -Dfuzz.seed=N replays a failure.
 */
class ArgumentFuzzTest extends FlushingConformanceTest {
    private static final Set<String> CATEGORIES = Set.of("@string", "@list", "@hash", "@set", "@sortedset",
            "@stream", "@bitmap", "@hyperloglog", "@geo", "@keyspace");
    /** Random replies, time, blocking, other databases' state, or not a data command. */
    private static final Set<String> LEFT_OUT = Set.of("spop", "srandmember", "hrandfield", "zrandmember", "randomkey",
            "scan", "sscan", "hscan", "zscan", "keys", "dbsize", "wait", "expire", "pexpire", "setex", "psetex", "ttl",
            "pttl", "blpop", "brpop", "blmove", "brpoplpush", "blmpop", "bzpopmin", "bzpopmax", "bzmpop", "object",
            "flushdb", "flushall", "swapdb", "move", "select", "migrate", "dump", "restore", "xreadgroup", "xread",
            "xclaim", "xautoclaim", "xpending", "xinfo", "pfdebug", "pfselftest");
    /** Replies whose element order is Redis's hash order for hashtable-encoded sets. */
    static final Set<String> UNORDERED = Set.of("smembers", "sinter", "sunion", "sdiff");
    static final String[] KEYS = {"s", "l", "h", "t", "z", "x", "g", "n", "s", "l", "h", "z"};
    static final String[] TOKENS = {"0", "1", "-1", "2", "3.5", "10", "-inf", "+inf", "(1", "[a", "-", "+",
        "*", "$", ">", "a", "b", "f", "m", "", "x", "9223372036854775808", "1e2", "nan",
        "NX", "XX", "GT", "LT", "CH", "INCR", "WITHSCORES", "LIMIT", "BYSCORE", "BYLEX", "REV", "COUNT", "MATCH",
        "TYPE", "MAXLEN", "MINID", "~", "=", "STORE", "ASC", "DESC", "LEFT", "RIGHT", "BEFORE", "AFTER", "RANK",
        "WITHVALUES", "IDX", "LEN", "MINMATCHLEN", "WITHMATCHLEN", "EXAT", "PXAT", "KEEPTTL", "PERSIST", "GET",
        "AGGREGATE", "SUM", "MIN", "MAX", "WEIGHTS", "FROMMEMBER", "FROMLONLAT", "BYRADIUS", "BYBOX", "km", "m",
        "WITHCOORD", "WITHDIST", "WITHHASH", "ANY", "STOREDIST", "OVERFLOW", "WRAP", "SAT", "FAIL", "u8", "i5", "#0",
        "BIT", "BYTE", "AND", "OR", "XOR", "NOT", "NOMKSTREAM", "ENTRIESREAD", "MKSTREAM", "REPLACE", "DB",
        "JUSTID", "FORCE", "IDLE", "RETRYCOUNT", "LASTID", "1-1", "2-0", "0-0", "13.36", "38.11", "BY", "ALPHA",
        "*->f", "#", "w_*"};

    private Random rnd;
    private List<String> commands;

    private String pick(String... a) {
        return a[rnd.nextInt(a.length)];
    }

    @Test
    void randomArguments() {
        commands = dataCommands();
        org.junit.jupiter.api.Assertions.assertTrue(commands.size() > 100, "data commands found: " + commands);
        fuzz((s, r, history) -> {
            s.both("CONFIG", "RESETSTAT");
            rnd = r;
            for (int i = 0, n = fuzzCommands(4000); i < n; i++) {
                if (i % 200 == 0) seed(s, history);
                step(s, history);
            }
            sameErrorStats(s, "the run");
        });
    }

    /** The implemented data commands whose replies depend only on the arguments and the data. */
    static List<String> dataCommands() {
        List<String> out = new ArrayList<>();
        for (Command c : CommandTable.get().commands()) {
            if (!CommandTable.implemented(c) || c.isContainer() || LEFT_OUT.contains(c.name)) continue;
            for (String cat : c.aclCategories) {
                if (CATEGORIES.contains(cat)) {
                    out.add(c.name);
                    break;
                }
            }
        }
        return out;
    }

    /** Subcommands whose replies hold ids, times, random bytes or server-wide state, or that change it. */
    private static final Set<String> SUBCOMMANDS_LEFT_OUT = Set.of("client|kill", "client|pause", "client|unpause",
            "client|reply", "client|tracking", "client|list", "client|info", "client|id", "client|setname",
            "client|no-evict", "client|trackinginfo", "client|getredir", "client|caching", "client|unblock",
            "config|set", "config|resetstat", "config|rewrite", "config|get" /* dir, port... differ; ConfigFuzzTest */, "object|idletime", "function|dump",
            "function|restore", "function|flush", "function|delete", "function|load", "function|kill",
            "script|flush", "script|load", "script|kill", "acl|genpass", "acl|log", "acl|list", "acl|setuser",
            "acl|deluser", "acl|save", "acl|load", "acl|getuser", "slowlog|get", "slowlog|len", "slowlog|reset",
            "memory|usage", "memory|stats", "memory|doctor", "memory|malloc-stats", "memory|purge",
            "latency|latest", "latency|history", "latency|graph", "latency|doctor", "latency|reset",
            "latency|histogram", "cluster|info", "cluster|nodes", "cluster|myid", "cluster|shards", "cluster|slots",
            "module|load", "module|loadex", "module|unload",
            // these list what the fake implements, by design (docs/differences.md)
            "command|list", "command|count", "command|info", "command|docs",
            // state the shared oracle keeps across test classes (libraries, scripts, users, subscribers)
            "function|list", "function|stats", "script|exists", "acl|users", "pubsub|channels", "pubsub|numsub",
            "pubsub|numpat", "pubsub|shardchannels", "pubsub|shardnumsub");

    /**
     * Container commands (CLIENT, CONFIG, COMMAND, OBJECT, SCRIPT, FUNCTION, ACL, PUBSUB...) with
     * random argument lists after a real or made-up subcommand: unknown subcommands, arity and
     * syntax errors, and the replies of the subcommands that do not depend on server state.
     */
    @Test
    void randomSubcommandArguments() {
        List<String[]> subs = new ArrayList<>();
        for (Command c : CommandTable.get().commands()) {
            if (!c.isContainer() || !CommandTable.implemented(c)) continue; // others: 'unknown command
            for (Command sub : c.subcommands().values()) {
                if (sub.isImplemented() && !SUBCOMMANDS_LEFT_OUT.contains(sub.fullName)) subs.add(new String[] {c.name, sub.name});
            }
            subs.add(new String[] {c.name, "nosuch"});
        }
        fuzz((s, r, history) -> {
            s.both("CONFIG", "RESETSTAT");
            rnd = r;
            for (int i = 0, n = fuzzCommands(3000); i < n; i++) {
                List<String> a = new ArrayList<>(List.of(subs.get(rnd.nextInt(subs.size()))));
                for (int j = 0, m = rnd.nextInt(5); j < m; j++) a.add(j == 0 && rnd.nextBoolean() ? pick(KEYS) : pick(TOKENS));
                String[] args = a.toArray(new String[0]);
                history.add(String.join(" ", args));
                s.same(args);
            }
            sameErrorStats(s, "the run");
        });
    }

    /** A key of every type, short values so every collection keeps a compact encoding. */
    private void seed(ConformanceTest.Session s, List<String> history) {
        String[][] setup = {
            {"DEL", "s", "l", "h", "t", "z", "x", "g", "n"},
            {"SET", "s", "10"},
            {"RPUSH", "l", "a", "b", "1"},
            {"HSET", "h", "f", "1", "a", "b"},
            {"SADD", "t", "1", "2", "3"},
            {"ZADD", "z", "1", "a", "2", "b", "3.5", "m"},
            {"XADD", "x", "1-1", "f", "v"},
            {"GEOADD", "g", "13.36", "38.11", "m", "15.08", "37.5", "a"},
        };
        for (String[] c : setup) {
            history.add(String.join(" ", c));
            s.same(c);
        }
    }

    private void step(ConformanceTest.Session s, List<String> history) {
        String name = commands.get(rnd.nextInt(commands.size()));
        List<String> a = new ArrayList<>();
        a.add(name);
        int n = rnd.nextInt(7);
        for (int i = 0; i < n; i++) a.add(i == 0 || rnd.nextInt(4) == 0 ? pick(KEYS) : pick(TOKENS));
        String[] args = a.toArray(new String[0]);
        history.add(String.join(" ", args));
        if (UNORDERED.contains(name)) s.sameUnordered(args);
        else s.same(args);
    }
}
