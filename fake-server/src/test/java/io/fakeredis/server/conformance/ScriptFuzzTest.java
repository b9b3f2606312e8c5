package io.fakeredis.server.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test of the reply conversions between Redis and Lua: random commands
 * of every data type run from EVAL through redis.call or redis.pcall, under RESP2 and RESP3 on
 * both sides of the script, and the script's reply compared byte for byte with the real server.
 * -Dfuzz.seed=N replays a failure.
 */
class ScriptFuzzTest extends FlushingConformanceTest {
    private static final String[] SCRIPTS = {
        "return redis.call(unpack(ARGV))",
        "return redis.pcall(unpack(ARGV))",
        "redis.setresp(3); return redis.call(unpack(ARGV))",
        "redis.setresp(3); return redis.pcall(unpack(ARGV))",
        "local r = redis.pcall(unpack(ARGV)); if type(r) == 'table' then return {type(r), #r, r.err or r.ok or ''} end; return {type(r), tostring(r)}",
        "redis.setresp(3); local r = redis.pcall(unpack(ARGV)); if type(r) ~= 'table' then return {type(r), tostring(r)} end; "
                + "if r.double then return {'double', tostring(r.double)} end; if r.map then return 'map' end; "
                + "if r.set then return 'set' end; if r.big_number then return r.big_number end; return {'table', #r}",
    };

    private Random rnd;

    private String pick(String... a) {
        return a[rnd.nextInt(a.length)];
    }

    private String key() {
        return pick("s", "l", "h", "z", "t", "x", "missing");
    }

    @Test
    void randomCommandsThroughLua() {
        fuzz((s, r, history) -> {
            s.both("CONFIG", "RESETSTAT");
            rnd = r;
            s.same("SET", "s", "10");
            s.same("RPUSH", "l", "a", "b", "c");
            s.same("HSET", "h", "f", "1", "g", "2.5");
            s.same("ZADD", "z", "1", "a", "2.5", "b", "-inf", "c");
            s.same("SADD", "t", "m");
            s.same("XADD", "x", "1-1", "f", "v");
            for (int i = 0, n = fuzzCommands(2000); i < n; i++) step(s, history);
            sameErrorStats(s, "the run");
        });
    }

    private List<String> command() {
        String k = key();
        switch (rnd.nextInt(30)) {
            case 0: return List.of("GET", k);
            case 1: return List.of("SET", k, pick("1", "v", "2.5"));
            case 2: return List.of("INCRBYFLOAT", k, pick("1.5", "1e3", "x"));
            case 3: return List.of("INCR", k);
            case 4: return List.of("LRANGE", k, "0", "-1");
            case 5: return List.of(pick("LPUSH", "RPUSH"), k, "p");
            case 6: return List.of(pick("LPOP", "RPOP"), k, pick("1", "2"));
            case 7: return List.of("LPOS", k, "b");
            case 8: return List.of("HGETALL", k);
            case 9: return List.of("HGET", k, pick("f", "g", "n"));
            case 10: return List.of("HMGET", k, "f", "n");
            case 11: return List.of("HINCRBYFLOAT", k, "g", "0.5");
            case 12: return List.of(pick("HKEYS", "HVALS", "HLEN"), k); // not HRANDFIELD: random on both servers
            case 13: return List.of("ZRANGE", k, "0", "-1", "WITHSCORES");
            case 14: return List.of("ZSCORE", k, pick("a", "b", "c", "n"));
            case 15: return List.of("ZMSCORE", k, "a", "n");
            case 16: return List.of(pick("ZPOPMIN", "ZPOPMAX"), k);
            case 17: return List.of("ZINCRBY", k, "1.5", "a");
            case 18: return List.of("ZRANK", k, "a");
            case 19: return List.of("SMEMBERS", k);
            case 20: return List.of("SISMEMBER", k, "m");
            case 21: return List.of("SMISMEMBER", k, "m", "n");
            case 22: return List.of("XRANGE", k, "-", "+");
            case 23: return List.of("TYPE", k);
            case 24: return List.of("EXISTS", k, "s");
            case 25: return List.of("PING");
            case 26: return List.of(pick("NOSUCH", "SUBSCRIBE", "MULTI", "EVAL"), k);
            case 27: return List.of("OBJECT", "ENCODING", k);
            case 28: return List.of("LCS", "s", k, "IDX", "WITHMATCHLEN");
            default: return List.of("DEL", k);
        }
    }

    /**
     * The argument fuzz through Lua: random, mostly malformed, data commands called with
     * redis.call (the error is raised out of the script) or redis.pcall (returned as a table),
     * so the error texts scripts see and pass on must be Redis's too.
     */
    @Test
    void randomArgumentsThroughLua() {
        List<String> commands = ArgumentFuzzTest.dataCommands();
        commands.removeAll(ArgumentFuzzTest.UNORDERED); // a set's order is Redis's hash order, and Lua keeps it
        fuzz((s, r, history) -> {
            s.both("CONFIG", "RESETSTAT");
            rnd = r;
            for (int i = 0, n = fuzzCommands(2000); i < n; i++) {
                if (i % 200 == 0) {
                    s.same("DEL", "s", "l", "h", "t", "z", "x", "g");
                    s.same("SET", "s", "10");
                    s.same("RPUSH", "l", "a", "b", "1");
                    s.same("ZADD", "z", "1", "a", "2", "b");
                }
                List<String> a = new ArrayList<>(List.of("EVAL", pick(SCRIPTS[0], SCRIPTS[1], SCRIPTS[4]), "0"));
                a.add(commands.get(rnd.nextInt(commands.size())));
                for (int j = 0, m = rnd.nextInt(6); j < m; j++) {
                    a.add(j == 0 || rnd.nextInt(4) == 0 ? pick(ArgumentFuzzTest.KEYS) : pick(ArgumentFuzzTest.TOKENS));
                }
                String[] args = a.toArray(new String[0]);
                history.add(String.join(" ", args));
                s.same(args);
            }
            sameErrorStats(s, "the run");
        });
    }

    private void step(ConformanceTest.Session s, List<String> history) {
        List<String> a = new ArrayList<>();
        a.add("EVAL");
        a.add(pick(SCRIPTS));
        a.add("0");
        a.addAll(command());
        String[] args = a.toArray(new String[0]);
        history.add(String.join(" ", args));
        s.same(args);
    }
}
