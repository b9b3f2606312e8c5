package io.fakeredis.server.conformance;


import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * INFO errorstats, total_error_replies and the calls / rejected_calls / failed_calls of INFO
 * commandstats, after the same commands on both servers: which errors count, under which code,
 * and which command they fail or reject (Redis's afterErrorReply and incrCommandStatsOnError).
 */
class ErrorStatsConformanceTest extends ConformanceTest {

    /** Resets the stats, runs the commands on both servers (replies compared), compares the stats. */
    private static void counts(Session s, String[]... commands) {
        s.both("CONFIG", "RESETSTAT");
        List<String> what = new ArrayList<>();
        for (String[] c : commands) {
            s.same(c);
            what.add(String.join(" ", c));
        }
        sameErrorStats(s, String.join("; ", what));
    }

    private static String[] c(String... args) {
        return args;
    }

    @Test
    void commandErrorsFailTheirCommand() {
        run(s -> {
            s.same("SET", "str", "abc");
            s.same("LPUSH", "list", "a");
            counts(s, c("AUTH", "k"));
            counts(s, c("INCR", "str"), c("INCR", "str"), c("GET", "str"));
            counts(s, c("GET", "list"), c("HGET", "str", "f"));
            counts(s, c("XGROUP", "CREATECONSUMER", "nostream", "g", "c"));
            counts(s, c("XADD", "s1", "1-1", "f", "v"), c("XGROUP", "CREATECONSUMER", "s1", "nogroup", "c"));
            counts(s, c("EXEC"), c("DISCARD"), c("SET", "k", "v", "XX", "NX"));
            counts(s, c("OBJECT", "ENCODING", "nokey"), c("SELECT", "99"), c("EXPIRE", "str", "x"));
        });
    }

    @Test
    void rejectedCommandsCountAsRejected() {
        run(s -> {
            counts(s, c("NOSUCHCOMMAND", "a"), c("SET", "k"), c("SET", "k1", "v1"), c("SET", "k2", "v2"));
            counts(s, c("CONFIG", "NOSUCH"), c("OBJECT"), c("GET"));
        });
    }

    @Test
    void transactions() {
        run(s -> {
            counts(s, c("MULTI"), c("SET", "a", "b"), c("AUTH", "a"), c("EXEC"));
            counts(s, c("MULTI"), c("SET"), c("EXEC"));
            counts(s, c("MULTI"), c("NOSUCH"), c("GET", "a"), c("EXEC"));
            counts(s, c("SET", "str", "abc"), c("MULTI"), c("INCR", "str"), c("INCR", "str"), c("GET", "str"), c("EXEC"));
            counts(s, c("MULTI"), c("MULTI"), c("WATCH", "a"), c("DISCARD"));
        });
    }

    @Test
    void scripts() {
        run(s -> {
            s.same("SET", "s", "abc");
            // an error a command gave the script counts once, there, whether the script raises it,
            // returns it, or keeps it
            counts(s, c("EVAL", "return redis.call('incr','s')", "0"));
            counts(s, c("EVAL", "redis.call('incr','s')", "0"));
            counts(s, c("EVAL", "return redis.pcall('incr','s')", "0"));
            counts(s, c("EVAL", "redis.pcall('incr','s') return 1", "0"));
            counts(s, c("EVAL", "return {redis.pcall('incr','s'), 1}", "0"));
            counts(s, c("EVAL", "return {redis.pcall('incr','s'), redis.error_reply('MY x')}", "0"));
            counts(s, c("EVAL", "local t = redis.pcall('incr','s'); t.x = 1; return t", "0"));
            counts(s, c("EVAL", "return tostring(redis.pcall('incr','s').ignore_error_stats_update)", "0"));
            // a new table is a new error
            counts(s, c("EVAL", "return {err=redis.pcall('incr','s').err}", "0"));
            counts(s, c("EVAL", "return {err='ERR a', ignore_error_stats_update=true}", "0"));
            counts(s, c("EVAL", "error({err='ERR b', ignore_error_stats_update=true})", "0"));
            // refused calls: counted where refused, and rejected for a known command
            counts(s, c("EVAL", "redis.call('nosuch')", "0"));
            counts(s, c("EVAL", "return redis.pcall('nosuch')", "0"));
            counts(s, c("EVAL", "redis.call('set','k')", "0"));
            counts(s, c("EVAL", "return redis.pcall('set','k')", "0"));
            counts(s, c("EVAL", "redis.call('eval','return 1', '0')", "0"));
            counts(s, c("EVAL", "return tostring(redis.pcall('set','k').ignore_error_stats_update)", "0"));
            counts(s, c("EVAL_RO", "return redis.pcall('set','k','v')", "0"));
            // errors the script makes itself
            counts(s, c("EVAL", "return redis.error_reply('MY bad')", "0"));
            counts(s, c("EVAL", "return redis.error_reply('nospace')", "0"));
            counts(s, c("EVAL", "error('boom')", "0"));
            counts(s, c("EVAL", "return {err='X y'}", "0"));
            counts(s, c("EVAL", "return {err='nospace'}", "0"));
            counts(s, c("EVAL", "return redis.call('get', KEYS[1])", "0"));
            counts(s, c("EVAL", "local ok, e = pcall(redis.call, 'incr','s'); return e", "0"));
            counts(s, c("EVAL", "local ok, e = pcall(redis.call, 'incr','s'); error(e)", "0"));
            counts(s, c("EVAL", "a"), c("EVALSHA", "ffffffffffffffffffffffffffffffffffffffff", "0"), c("FCALL", "nofunc", "0"));
        });
    }

    @Test
    void errorCodes() {
        run(s -> {
            // Redis files an error under its first word only when a space ends it within 31 bytes
            counts(s, c("EVAL", "return {err='ABCDEFGHIJKLMNOPQRSTUVWXYZ0123 x'}", "0"),
                    c("EVAL", "return {err='ABCDEFGHIJKLMNOPQRSTUVWXYZ01234 x'}", "0"),
                    c("EVAL", "return {err=' x'}", "0"),
                    c("EVAL", "return {err='b x'}", "0"),
                    c("EVAL", "return {err='a x'}", "0"),
                    c("EVAL", "return {err='B x'}", "0"));
        });
    }

    @Test
    void mutedRepliesStillCount() {
        run(s -> {
            s.both("CONFIG", "RESETSTAT");
            for (String[] cmd : List.of(c("LPUSH", "list", "a"), c("CLIENT", "REPLY", "OFF"), c("INCR", "list"), c("NOSUCH"))) {
                byte[] raw = RawConnection.encode(RawConnection.utf8(cmd));
                s.real.write(raw);
                s.fake.write(raw);
            }
            s.same("CLIENT", "REPLY", "ON");
            sameErrorStats(s, "errors under CLIENT REPLY OFF");
        });
    }
}
