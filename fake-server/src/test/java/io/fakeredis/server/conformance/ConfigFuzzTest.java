package io.fakeredis.server.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test of CONFIG SET validation: random values (in range, at the bounds,
 * past them, malformed, with units, in other cases) for parameters that are safe to change on a
 * running oracle, alone and several at once, each followed by CONFIG GET. Replies, error texts
 * included, must be equal. Every parameter is put back afterwards. -Dfuzz.seed=N replays a failure.
 */
class ConfigFuzzTest extends FlushingConformanceTest {
    /** Changing these cannot cut the test's own connections, fill memory or write files. */
    private static final String[] SAFE = {"hz", "maxmemory-samples", "maxmemory-policy", "lfu-log-factor",
        "lfu-decay-time", "slowlog-log-slower-than", "slowlog-max-len", "list-max-listpack-size",
        "list-compress-depth", "hash-max-listpack-entries", "hash-max-listpack-value", "set-max-intset-entries",
        "zset-max-listpack-entries", "zset-max-listpack-value", "stream-node-max-bytes", "stream-node-max-entries",
        "notify-keyspace-events", "activerehashing", "lazyfree-lazy-eviction", "lazyfree-lazy-expire",
        "lazyfree-lazy-user-del", "busy-reply-threshold", "lua-time-limit", "tcp-keepalive",
        "latency-monitor-threshold", "hll-sparse-max-bytes", "active-expire-effort", "acllog-max-len",
        "active-defrag-cycle-min", "active-defrag-cycle-max", "active-defrag-threshold-lower",
        "active-defrag-threshold-upper", "appendfsync", "acl-pubsub-default", "hash-max-ziplist-entries",
        "zset-max-ziplist-value", "io-threads", "daemonize", "enable-debug-command", "maxmemory-eviction-tenacity",
        "replica-priority", "slave-priority", "min-replicas-to-write", "repl-timeout", "repl-backlog-ttl",
        "proto-max-bulk-len", "client-query-buffer-limit", "lua-replicate-commands", "no-such-parameter"};

    private Random rnd;
    private final Map<String, String[]> types = new HashMap<>();

    private String pick(String... a) {
        return a[rnd.nextInt(a.length)];
    }

    @Test
    void randomConfigSets() throws IOException {
        try (InputStream in = ConfigFuzzTest.class.getResourceAsStream("/io/fakeredis/core/config/config-types.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t", -1);
                types.put(f[0], f);
            }
        }
        fuzz((s, r, history) -> {
            rnd = r;
            Map<String, String> saved = new HashMap<>();
            for (String p : SAFE) {
                List<byte[]> kv = Reply.elements(s.real.call(RawConnection.utf8("CONFIG", "GET", p)));
                if (kv.size() == 2) saved.put(p, Reply.bulkString(kv.get(1)));
            }
            try {
                for (int i = 0, n = fuzzCommands(1500); i < n; i++) step(s, history);
            } finally {
                for (Map.Entry<String, String> e : saved.entrySet()) {
                    s.real.call(RawConnection.utf8("CONFIG", "SET", e.getKey(), e.getValue()));
                    s.fake.call(RawConnection.utf8("CONFIG", "SET", e.getKey(), e.getValue()));
                }
            }
        });
    }

    /** A value for the parameter: usually one its kind accepts, often one just outside. */
    private String value(String param) {
        String[] t = types.get(param);
        String kind = t == null ? "int" : t[1];
        switch (kind) {
            case "bool":
                return pick("yes", "no", "YES", "No", "1", "0", "true", "");
            case "enum": {
                String[] choices = t[2].split(", ");
                String c = choices[rnd.nextInt(choices.length)];
                return pick(c, c, c.toUpperCase(java.util.Locale.ROOT), c + "x", "", "bogus");
            }
            case "int":
            case "mem": {
                String[] b = t == null ? new String[] {"0", "100"} : t[2].split(" ");
                long min = Long.parseLong(b[0]);
                long max = Long.parseLong(b[1]);
                String mem = kind.equals("mem") ? pick("1kb", "1k", "2mb", "1gb", "1GB", "1.5mb", "3b", "1tb") : "1k";
                return pick(Long.toString(min), Long.toString(max), Long.toString(min - 1),
                        max == Long.MAX_VALUE ? "9223372036854775808" : Long.toString(max + 1), "0", "5", "100", "-1",
                        "x", "", " 5", "5 ", "1.5", "0x10", mem, mem, "16", "128");
            }
            default:
                if (param.equals("notify-keyspace-events")) return pick("KEA", "Ex", "", "z", "Q", "AKE", "gxe$", "K");
                return pick("", "x", "5");
        }
    }

    private void step(ConformanceTest.Session s, List<String> history) {
        List<String> a = new ArrayList<>();
        String p = pick(SAFE);
        if (rnd.nextInt(4) == 0) {
            a.add("CONFIG");
            a.add("GET");
            a.add(p);
            if (rnd.nextBoolean()) a.add(pick(SAFE));
        } else {
            a.add("CONFIG");
            a.add("SET");
            a.add(rnd.nextInt(10) == 0 ? p.toUpperCase(java.util.Locale.ROOT) : p);
            a.add(value(p));
            if (rnd.nextInt(4) == 0) {
                String q = rnd.nextInt(5) == 0 ? p : pick(SAFE);
                a.add(q);
                a.add(value(q));
            }
            if (rnd.nextInt(30) == 0) a.remove(a.size() - 1); // odd argument count
        }
        String[] args = a.toArray(new String[0]);
        history.add(String.join(" ", args));
        if (args[1].equals("GET") && args.length > 3) s.sameUnordered(args); // two parameters: order unspecified
        else s.same(args);
        if (args[1].equals("SET")) {
            String[] get = {"CONFIG", "GET", p};
            history.add(String.join(" ", get));
            s.same(get);
        }
    }
}
