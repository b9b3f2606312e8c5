package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * DEBUG and MODULE with Redis 7.0.15's defaults (enable-debug-command and enable-module-command
 * "no"): DEBUG, MODULE LOAD, LOADEX and UNLOAD are refused right after the arity check, before
 * NOAUTH, ACL, MULTI queueing and the busy-script check; MODULE LIST and HELP answer.
 */
class DebugModuleConformanceTest extends ConformanceTest {

    @Test
    void refusedAfterTheArityCheck() {
        run(s -> {
            s.same("DEBUG");
            s.same("DEBUG", "SLEEP", "0");
            s.same("debug", "object", "k");
            s.same("DEBUG", "nosuch");
            s.same("MODULE");
            s.same("MODULE", "nosuch");
            s.same("MODULE", "LOAD");
            s.same("MODULE", "LOAD", "/nonexistent.so");
            s.same("module", "load", "/nonexistent.so", "a", "b");
            s.same("MODULE", "LOADEX", "/nonexistent.so");
            s.same("MODULE", "LOADEX", "/nonexistent.so", "CONFIG", "a", "b", "ARGS", "x");
            s.same("MODULE", "UNLOAD");
            s.same("MODULE", "UNLOAD", "m");
            s.same("MODULE", "UNLOAD", "a", "b");
            s.same("MODULE", "LIST");
            s.same("MODULE", "LIST", "x");
            s.same("MODULE", "HELP");
            s.same("MODULE", "HELP", "x");
        });
    }

    /** ServerConformanceTest compares COMMAND INFO and DOCS of every implemented row, MODULE's too. */
    @Test
    void commandTableRows() {
        run(s -> {
            s.same("COMMAND", "INFO", "debug", "module|list", "module|load", "module|help");
            s.sameUnordered("COMMAND", "LIST", "FILTERBY", "PATTERN", "module*");
            s.same("COMMAND", "GETKEYS", "DEBUG", "OBJECT", "k");
        });
    }

    @Test
    void beforeNoauthAclAndMulti() {
        run(s -> {
            s.same("MULTI");
            s.same("DEBUG", "SLEEP", "0");
            s.same("MODULE", "LIST");
            s.same("EXEC");
            s.same("MULTI");
            s.same("MODULE", "LIST");
            s.same("EXEC");
            s.same("EVAL", "return redis.pcall('debug', 'sleep', '0')", "0");
            s.same("EVAL", "return redis.pcall('module', 'load', 'x')", "0");
            s.same("EVAL", "return redis.call('module', 'help')", "0");
            s.same("EVAL", "return redis.pcall('module', 'list')", "0");
            s.same("ACL", "SETUSER", "nodebug", "on", "nopass", "+ping");
            try (Session u = s.another()) {
                u.same("AUTH", "nodebug", "x");
                u.same("DEBUG", "SLEEP", "0");
                u.same("MODULE", "UNLOAD", "m");
                u.same("MODULE", "LIST");
                u.same("ACL", "LOG", "RESET");
            }
            s.same("ACL", "DELUSER", "nodebug");
            // a new connection is not authenticated yet: HELLO 3 would fail, so plain RESP2 ones
            s.same("CONFIG", "SET", "requirepass", "secret");
            try (RawConnection real = oracle.connect(); RawConnection fake = RawConnection.tcp(server.host(), server.port())) {
                for (String[] cmd : new String[][] {{"DEBUG", "SLEEP", "0"}, {"MODULE", "LOAD", "x"}, {"MODULE", "LIST"},
                        {"MODULE"}, {"AUTH", "secret"}, {"DEBUG", "SLEEP", "0"}}) {
                    assertEquals(RawConnection.show(real.call(cmd)), RawConnection.show(fake.call(cmd)), String.join(" ", cmd));
                }
            } finally {
                s.same("CONFIG", "SET", "requirepass", "");
            }
            // a refusal counts as a rejected call, as in INFO commandstats
            s.same("CONFIG", "RESETSTAT");
            s.same("DEBUG", "SLEEP", "0");
            s.same("MODULE", "LOAD", "x");
            s.same("MODULE", "LIST");
            byte[][] r = s.both("INFO", "commandstats");
            assertEquals(commandstats(r[0]), commandstats(r[1]));
        });
    }

    /** INFO commandstats lines with the timings masked, as a set (Redis's order is its dict's). */
    static Set<String> commandstats(byte[] raw) {
        Set<String> lines = new TreeSet<>();
        for (String l : Reply.bulkString(raw).split("\r\n")) {
            if (l.startsWith("cmdstat_")) lines.add(l.replaceAll("usec=\\d+,usec_per_call=[0-9.]+", "usec=U"));
        }
        return lines;
    }

    @Test
    void refusedDuringABusyScript() {
        run(s -> {
            s.same("CONFIG", "SET", "busy-reply-threshold", "100");
            try (Session o = s.another()) {
                o.same("PING");
                BusyScriptConformanceTest.send(s, "EVAL", "local i = 0 while true do i = i + 1 end", "0");
                BusyScriptConformanceTest.settle();
                try {
                    o.same("DEBUG", "SLEEP", "0");
                    o.same("MODULE", "LOAD", "x");
                    o.same("MODULE", "LIST");
                    o.same("SCRIPT", "KILL");
                    BusyScriptConformanceTest.sameReply(s);
                } catch (AssertionError e) {
                    BusyScriptConformanceTest.unstick(s);
                    throw e;
                }
            } finally {
                s.same("CONFIG", "SET", "busy-reply-threshold", "5000");
            }
        });
    }
}
