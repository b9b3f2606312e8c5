package io.fakeredis.server.conformance;

import static io.fakeredis.server.conformance.ListConformanceTest.clearFake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fakeredis.core.Client;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Blocking list commands: a client blocks on each server, another connection writes, and the
 * blocked client's reply bytes must be equal.
 */
class BlockingConformanceTest extends ConformanceTest {

    /** A second pair of connections, for the writers. */
    static final class Pushers implements AutoCloseable {
        final RawConnection real = oracle.connect();
        final RawConnection fake = RawConnection.tcp(server.host(), server.port());

        byte[] same(String... args) {
            byte[] r = real.call(args);
            byte[] f = fake.call(args);
            if (!Arrays.equals(r, f)) {
                fail("pusher reply differs for " + String.join(" ", args) + "\n  redis: " + RawConnection.show(r)
                        + "\n  fake:  " + RawConnection.show(f));
            }
            return r;
        }

        @Override
        public void close() {
            real.close();
            fake.close();
        }
    }

    static void send(RawConnection real, RawConnection fake, String... args) {
        byte[] cmd = RawConnection.encode(RawConnection.utf8(args));
        real.write(cmd);
        fake.write(cmd);
        pause();
    }

    /** Lets the blocking command reach both servers before the writer acts. */
    static void pause() {
        try {
            Thread.sleep(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sameRead(RawConnection real, RawConnection fake, String what) {
        byte[] r = real.read();
        byte[] f = fake.read();
        if (!Arrays.equals(r, f)) {
            fail("blocked reply differs for " + what + "\n  redis: " + RawConnection.show(r) + "\n  fake:  " + RawConnection.show(f));
        }
    }

    @Test
    void immediateAndErrors() {
        run(s -> {
            clearFake();
            s.same("RPUSH", "l", "a", "b", "c");
            s.same("BLPOP", "nokey", "l", "0");
            s.same("BRPOP", "nokey", "l", "0");
            s.same("BLMPOP", "0", "2", "nokey", "l", "LEFT");
            s.same("RPUSH", "l", "d", "e", "f", "g", "h");
            s.same("BLMPOP", "0", "1", "l", "RIGHT", "COUNT", "2");
            s.same("BLMOVE", "l", "m", "LEFT", "RIGHT", "0");
            s.same("BRPOPLPUSH", "l", "m", "0");
            s.same("LRANGE", "m", "0", "-1");
            s.same("BLPOP", "l", "0");
            s.same("LLEN", "l");
            s.same("SET", "str", "v");
            s.same("BLPOP", "str", "0");
            s.same("BLPOP", "nokey", "str", "0");
            s.same("BLMPOP", "0", "1", "str", "LEFT");
            s.same("BLMOVE", "str", "m", "LEFT", "LEFT", "0");
            s.same("BLMOVE", "m", "str", "LEFT", "LEFT", "0");
            s.same("BRPOPLPUSH", "m", "str", "0");
            s.same("BRPOPLPUSH", "str", "m", "0");
            for (String t : new String[] {"-1", "abc", "inf", "-inf", "1e30", "nan", "", "9300000000000000", "1e5000", "0x", "1e-5000", "0.0001"}) {
                s.same("BLPOP", "k", t);
                s.same("BRPOP", "k", t);
                s.same("BLMOVE", "k", "d", "LEFT", "LEFT", t);
                s.same("BRPOPLPUSH", "k", "d", t);
                s.same("BLMPOP", t, "1", "k", "LEFT");
            }
            s.same("BLMPOP", "abc", "0", "k", "LEFT");
            s.same("BLMPOP", "0", "0", "k", "LEFT");
            s.same("BLMPOP", "0", "2", "k", "LEFT");
            s.same("BLMPOP", "0", "9223372036854775807", "k", "LEFT");
            s.same("BLMPOP", "0", "1", "k", "UP");
            s.same("BLMPOP", "0", "1", "k", "LEFT", "COUNT", "0");
            s.same("BLMPOP", "0", "1", "k", "LEFT", "COUNT", "1", "COUNT", "1");
            s.same("BLMOVE", "k", "d", "UP", "LEFT", "abc");
            s.same("BLMOVE", "k", "d", "LEFT", "UP", "0");
            s.same("BLPOP", "k");
            s.same("BLMPOP", "0", "1");
        });
    }

    @Test
    void insideMultiAndScripts() {
        run(s -> {
            clearFake();
            s.same("MULTI");
            s.same("BLPOP", "k", "0");
            s.same("BRPOP", "k", "k2", "0");
            s.same("BLMOVE", "k", "d", "LEFT", "RIGHT", "0");
            s.same("BRPOPLPUSH", "k", "d", "0");
            s.same("BLMPOP", "0", "1", "k", "LEFT");
            s.same("RPUSH", "k", "a", "b", "c");
            s.same("BLPOP", "k", "0");
            s.same("BLMPOP", "0", "1", "k", "RIGHT", "COUNT", "5");
            s.same("EXEC");
            s.same("EVAL", "return redis.call('BLPOP', 'k', 0)", "0");
            s.same("EVAL", "return redis.call('BLMOVE', 'k', 'd', 'LEFT', 'LEFT', 0)", "0");
            s.same("EVAL", "return redis.pcall('BLMPOP', 0, 1, 'k', 'LEFT')", "0");
            s.same("RPUSH", "k", "x");
            s.same("EVAL", "return redis.call('BRPOP', 'k', 0)", "0");
        });
    }

    @Test
    void execWakesWaiters() {
        run(s -> {
            clearFake();
            try (Pushers p = new Pushers()) {
                send(s.real, s.fake, "BLPOP", "q1", "q2", "0");
                p.same("MULTI");
                p.same("RPUSH", "q2", "from-q2");
                p.same("RPUSH", "q1", "from-q1");
                p.same("EXEC");
                sameRead(s.real, s.fake, "BLPOP woken by EXEC");
                p.same("LRANGE", "q1", "0", "-1");
                p.same("LRANGE", "q2", "0", "-1");
                // a list created and emptied in one transaction serves nobody
                send(s.real, s.fake, "BLPOP", "q3", "0.3");
                p.same("MULTI");
                p.same("RPUSH", "q3", "x");
                p.same("LPOP", "q3");
                p.same("EXEC");
                sameRead(s.real, s.fake, "BLPOP after an emptied list");
            }
        });
    }

    @Test
    void timeouts() {
        run(s -> {
            clearFake();
            s.same("BLPOP", "k", "0.05");
            s.same("BRPOP", "k", "k2", "0.05");
            s.same("BLMPOP", "0.05", "2", "k", "k2", "LEFT", "COUNT", "3");
            s.same("BLMOVE", "k", "d", "LEFT", "RIGHT", "0.05");
            s.same("BRPOPLPUSH", "k", "d", "0.05");
            s.same("BLPOP", "k", "0.0001");
            s.same("SET", "str", "v");
            s.same("BLPOP", "k", "str2", "0.05");
            // the client is usable after a timeout
            s.same("RPUSH", "k", "x");
            s.same("BLPOP", "k", "0.05");
        });
    }

    @Test
    void wokenByPush() {
        run(s -> {
            clearFake();
            try (Pushers p = new Pushers()) {
                send(s.real, s.fake, "BLPOP", "a", "b", "0");
                p.same("RPUSH", "b", "1", "2", "3");
                sameRead(s.real, s.fake, "BLPOP a b");
                s.same("LRANGE", "b", "0", "-1");

                send(s.real, s.fake, "BRPOP", "a", "b", "5");
                p.same("LPUSH", "a", "x", "y");
                sameRead(s.real, s.fake, "BRPOP a b");
                s.same("LRANGE", "a", "0", "-1");

                send(s.real, s.fake, "BLMPOP", "0", "2", "c", "d", "RIGHT", "COUNT", "2");
                p.same("RPUSH", "d", "1", "2", "3");
                sameRead(s.real, s.fake, "BLMPOP");
                s.same("LRANGE", "d", "0", "-1");

                send(s.real, s.fake, "BLMPOP", "0", "1", "e", "LEFT", "COUNT", "10");
                p.same("RPUSH", "e", "1", "2");
                sameRead(s.real, s.fake, "BLMPOP count");
                s.same("LLEN", "e");

                send(s.real, s.fake, "BLMOVE", "src", "dst", "LEFT", "LEFT", "0");
                p.same("RPUSH", "src", "1", "2");
                sameRead(s.real, s.fake, "BLMOVE");
                s.same("LRANGE", "dst", "0", "-1");
                s.same("LRANGE", "src", "0", "-1");

                send(s.real, s.fake, "BRPOPLPUSH", "src2", "dst", "0");
                p.same("LPUSH", "src2", "1", "2");
                sameRead(s.real, s.fake, "BRPOPLPUSH");
                s.same("LRANGE", "dst", "0", "-1");

                // destination of the wrong type: the waiter gets WRONGTYPE and the element stays
                s.same("SET", "str", "v");
                send(s.real, s.fake, "BLMOVE", "src3", "str", "LEFT", "LEFT", "0");
                p.same("RPUSH", "src3", "1");
                sameRead(s.real, s.fake, "BLMOVE wrongtype");
                s.same("LRANGE", "src3", "0", "-1");

                // a key of another type under the awaited name does not wake the client
                send(s.real, s.fake, "BLPOP", "w", "0.3");
                p.same("SET", "w", "x");
                sameRead(s.real, s.fake, "BLPOP on a string");
            }
        });
    }

    @Test
    void fifoAndChains() {
        run(s -> {
            clearFake();
            try (Pushers p = new Pushers();
                    Pushers second = new Pushers()) {
                if (s.resp == 3) {
                    second.real.call("HELLO", "3");
                    second.fake.call("HELLO", "3");
                }
                // first blocked, first served
                send(s.real, s.fake, "BLPOP", "q", "0");
                send(second.real, second.fake, "BLPOP", "q", "0");
                p.same("RPUSH", "q", "one");
                sameRead(s.real, s.fake, "first waiter");
                p.same("RPUSH", "q", "two");
                sameRead(second.real, second.fake, "second waiter");

                // one push of two elements serves both waiters
                send(s.real, s.fake, "BRPOP", "q", "0");
                send(second.real, second.fake, "BRPOP", "q", "0");
                p.same("RPUSH", "q", "a", "b", "c");
                sameRead(s.real, s.fake, "first of two");
                sameRead(second.real, second.fake, "second of two");
                p.same("LRANGE", "q", "0", "-1");

                // BLMOVE feeds a BLPOP waiting on its destination
                send(s.real, s.fake, "BLPOP", "chain-dst", "0");
                send(second.real, second.fake, "BLMOVE", "chain-src", "chain-dst", "LEFT", "RIGHT", "0");
                p.same("RPUSH", "chain-src", "v");
                sameRead(second.real, second.fake, "mover");
                sameRead(s.real, s.fake, "chained popper");
                p.same("LLEN", "chain-dst");

                // other databases do not wake the client
                s.same("SELECT", "1");
                send(s.real, s.fake, "BLPOP", "x", "0");
                p.same("RPUSH", "x", "db0");
                p.same("SELECT", "1");
                p.same("RPUSH", "x", "db1");
                sameRead(s.real, s.fake, "db1 waiter");
                p.same("LRANGE", "x", "0", "-1");
                p.same("SELECT", "0");
                p.same("LRANGE", "x", "0", "-1");
            }
        });
    }

    @Test
    void commandsQueuedBehindABlockedClient() {
        run(s -> {
            clearFake();
            try (Pushers p = new Pushers()) {
                byte[] two = concat(RawConnection.encode(RawConnection.utf8("BLPOP", "z", "0")),
                        RawConnection.encode(RawConnection.utf8("ECHO", "after")));
                s.real.write(two);
                s.fake.write(two);
                pause();
                p.same("RPUSH", "z", "1");
                sameRead(s.real, s.fake, "BLPOP");
                sameRead(s.real, s.fake, "ECHO after the blocked command");
            }
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The fake's client that is blocked right now. */
    private static long blockedFakeId() {
        engine.lock.lock();
        try {
            for (Client c : engine.clients()) if (c.blocked) return c.id;
        } finally {
            engine.lock.unlock();
        }
        fail("no blocked client on the fake");
        return -1;
    }

    @Test
    void clientUnblock() {
        run(s -> {
            clearFake();
            try (Pushers p = new Pushers()) {
                p.same("CLIENT", "UNBLOCK", "999999");
                p.same("CLIENT", "UNBLOCK", "999999", "ERROR");
                p.same("CLIENT", "UNBLOCK", "999999", "foo");
                p.same("CLIENT", "UNBLOCK", "x", "foo");
                p.same("CLIENT", "UNBLOCK", "x");
                p.same("CLIENT", "UNBLOCK", "1", "TIMEOUT", "x");
                p.same("CLIENT", "UNBLOCK");
                for (String[] cmd : new String[][] {{"BLPOP", "u", "0"}, {"BLMOVE", "u", "v", "LEFT", "LEFT", "0"},
                        {"BLMPOP", "0", "1", "u", "LEFT"}}) {
                    for (String how : new String[] {"TIMEOUT", "ERROR"}) {
                        String realId = RawConnection.show(s.real.call("CLIENT", "ID")).replaceAll("[^0-9]", "");
                        send(s.real, s.fake, cmd);
                        long fakeId = blockedFakeId();
                        byte[] r = p.real.call("CLIENT", "UNBLOCK", realId, how);
                        byte[] f = p.fake.call("CLIENT", "UNBLOCK", Long.toString(fakeId), how);
                        assertEquals(RawConnection.show(r), RawConnection.show(f));
                        sameRead(s.real, s.fake, String.join(" ", cmd) + " unblocked by " + how);
                        // not blocked any more
                        assertEquals(":0\\r\\n", RawConnection.show(p.fake.call("CLIENT", "UNBLOCK", Long.toString(fakeId))));
                    }
                }
            }
        });
    }

    @Test
    void disconnectedWaiterIsForgotten() {
        run(s -> {
            clearFake();
            try (Pushers p = new Pushers()) {
                RawConnection gone = RawConnection.tcp(server.host(), server.port());
                gone.write(RawConnection.encode(RawConnection.utf8("BLPOP", "g", "0")));
                pause();
                assertEquals(1, engine.blocking().blockedCount());
                gone.close();
                long until = System.currentTimeMillis() + 2000;
                while (engine.blocking().blockedCount() != 0 && System.currentTimeMillis() < until) pause();
                assertEquals(0, engine.blocking().blockedCount());
                p.same("RPUSH", "g", "1");
                p.same("LLEN", "g");
                assertTrue(true);
            }
        });
    }
}
