package io.fakeredis.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A script past busy-reply-threshold: BUSY for other clients, SCRIPT KILL / FUNCTION KILL, UNKILLABLE.
 * With the default single event loop the fake answers these from the script's periodic hook on
 * the same I/O thread; {@link BusyScriptTwoLoopsConformanceTest} runs the same tests with the other client on a second loop.
 */
class BusyScriptConformanceTest extends ConformanceTest {
    /**
     * Whether the fake runs the allow-busy connection commands (WATCH, MULTI, AUTH...) and answers
     * unknown commands during the script. Only the script's own I/O thread can (it holds the lock):
     * a client on another event loop gets BUSY and the kills at once, the rest after the script.
     */
    boolean runsAllowedCommands() {
        return true;
    }

    static final String SPIN = "#!lua name=spin\n"
            + "redis.register_function('spin', function(k, a)\n"
            + "  local i = 0\n"
            + "  while true do i = i + 1 end\n"
            + "end)\n"
            + "redis.register_function('spinw', function(k, a)\n"
            + "  redis.call('set', 'w', '1')\n"
            + "  local t = redis.call('time')\n"
            + "  while true do\n"
            + "    local n = redis.call('time')\n"
            + "    if (n[1] - t[1]) * 1000000 + (n[2] - t[2]) > 700000 then return 'done' end\n"
            + "  end\n"
            + "end)\n";

    /** Sends a command on both servers without reading the reply. */
    static void send(Session s, String... args) {
        byte[] raw = RawConnection.encode(RawConnection.utf8(args));
        s.real.write(raw);
        s.fake.write(raw);
    }

    static void settle() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends commands in one write on both servers, then compares the replies one by one. */
    static void pipeline(Session s, String[][] cmds) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String[] c : cmds) out.writeBytes(RawConnection.encode(RawConnection.utf8(c)));
        s.real.write(out.toByteArray());
        s.fake.write(out.toByteArray());
        for (String[] c : cmds) {
            byte[] r = s.real.read();
            byte[] f = s.fake.read();
            assertThat(RawConnection.show(f)).as(String.join(" ", c)).isEqualTo(RawConnection.show(r));
        }
    }

    /** After a failure: kills whatever still runs on both servers so the clean-up does not hang. */
    static void unstick(Session s) {
        try (Session k = s.another()) {
            k.both("SCRIPT", "KILL");
            k.both("FUNCTION", "KILL");
        }
        s.real.read();
        s.fake.read();
    }

    /** Reads the pending reply on both servers and compares. */
    static void sameReply(Session s) {
        byte[] r = s.real.read();
        byte[] f = s.fake.read();
        assertThat(RawConnection.show(f)).isEqualTo(RawConnection.show(r));
    }

    private Session m;

    @Test
    void busyEvalAndKill() {
        run(s -> {
            s.same("CONFIG", "SET", "busy-reply-threshold", "100");
            try (Session o = s.another()) {
                o.same("PING"); // accepted and registered before the script starts
                send(s, "EVAL", "local i = 0 while true do i = i + 1 end", "0");
                settle();
                o.same("PING");
                o.same("GET", "x");
                // one pipeline: refused, run at once and queued commands answered in order
                pipeline(o, runsAllowedCommands()
                        ? new String[][] {
                            {"SET", "x", "1"}, {"WATCH", "x"}, {"UNWATCH"}, {"NOSUCH", "a"}, {"GET"},
                            {"SCRIPT", "NOSUCH"}, {"AUTH", "foo"}, {"MULTI"}, {"GET", "x"}, {"SCRIPT", "KILL"},
                            {"EXEC"}, {"DISCARD"}, {"PING"}}
                        : new String[][] {{"SET", "x", "1"}, {"GET", "x"}, {"FUNCTION", "KILL"}, {"PING"}});
                // a client connecting (and saying HELLO 3) during the script; BUSY inside MULTI
                m = runsAllowedCommands() ? s.another() : null;
                if (m != null) {
                    m.same("MULTI");
                    m.same("GET", "x");
                    m.same("PING");
                }
                o.same("GET", "x");
                o.same("FUNCTION", "KILL");
                o.same("FUNCTION", "STATS");
                o.same("SCRIPT", "KILL");
                sameReply(s);
                if (m != null) m.same("EXEC"); // the commands refused with BUSY inside MULTI abort it
                o.same("GET", "x"); // nothing refused ran later
                o.same("PING");
                o.same("SCRIPT", "KILL");
                // pcall catches the kill once; the script then finishes
                send(s, "EVAL", "pcall(function() while true do end end) return 'x'", "0");
                settle();
                o.same("SCRIPT", "KILL");
                sameReply(s);
                // a script that wrote cannot be killed
                send(s, "EVAL", "redis.call('set', 'w', '1') local t = redis.call('time') while true do "
                        + "local n = redis.call('time') if (n[1] - t[1]) * 1000000 + (n[2] - t[2]) > 700000 then return 'done' end end", "0");
                settle();
                o.same("SCRIPT", "KILL");
                o.same("FUNCTION", "KILL");
                o.same("PING");
                sameReply(s);
                o.same("GET", "w");
            } catch (RuntimeException | Error e) {
                unstick(s);
                throw e;
            } finally {
                if (m != null) m.close();
                m = null;
                s.same("CONFIG", "SET", "busy-reply-threshold", "5000");
            }
        });
    }

    @Test
    void busyFunctionAndKill() {
        run(s -> {
            s.same("FUNCTION", "FLUSH");
            s.same("FUNCTION", "LOAD", SPIN);
            s.same("CONFIG", "SET", "busy-reply-threshold", "100");
            try (Session o = s.another()) {
                o.same("PING"); // accepted and registered before the script starts
                send(s, "FCALL", "spin", "0");
                settle();
                o.same("PING");
                o.same("SCRIPT", "KILL");
                byte[][] stats = o.both("FUNCTION", "STATS");
                String prefix = o.resp == 3
                        ? "%2\r\n$14\r\nrunning_script\r\n%3\r\n$4\r\nname\r\n$4\r\nspin\r\n$7\r\ncommand\r\n*3\r\n$5\r\nFCALL\r\n$4\r\nspin\r\n$1\r\n0\r\n$11\r\nduration_ms\r\n:"
                        : "*4\r\n$14\r\nrunning_script\r\n*6\r\n$4\r\nname\r\n$4\r\nspin\r\n$7\r\ncommand\r\n*3\r\n$5\r\nFCALL\r\n$4\r\nspin\r\n$1\r\n0\r\n$11\r\nduration_ms\r\n:";
                assertThat(new String(stats[0])).startsWith(prefix);
                assertThat(new String(stats[1])).startsWith(prefix);
                o.same("FUNCTION", "KILL");
                sameReply(s);
                o.same("FUNCTION", "KILL");
                send(s, "FCALL", "spinw", "0");
                settle();
                o.same("FUNCTION", "KILL");
                o.same("SCRIPT", "KILL");
                o.same("GET", "w");
                sameReply(s);
            } catch (RuntimeException | Error e) {
                unstick(s);
                throw e;
            } finally {
                s.same("CONFIG", "SET", "busy-reply-threshold", "5000");
                s.same("FUNCTION", "FLUSH");
            }
        });
    }
}
