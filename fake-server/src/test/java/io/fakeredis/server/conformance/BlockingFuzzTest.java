package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test for blocking commands: in each round some of three waiting
 * clients block (BLPOP, BRPOP, BLMOVE, BLMPOP, BZPOPMIN, BZPOPMAX, BZMPOP, timeout 0) on a few
 * keys, a pusher writes at random (which serves waiters in Redis's order), then CLIENT UNBLOCK
 * releases whoever still waits. The pusher's replies, the UNBLOCK results and every waiter's
 * reply must be the same on both servers. -Dfuzz.seed=N replays a failure.
 */
class BlockingFuzzTest extends FlushingConformanceTest {
    private static final String[] LISTS = {"q1", "q2"};
    private Random rnd;

    private String pick(String... a) {
        return a[rnd.nextInt(a.length)];
    }

    @Test
    void randomWaitersAndPushes() {
        fuzz((s, r, history) -> {
            rnd = r;
            // the oracle is shared: a client another test left blocked may not be gone yet
            awaitBlocked(s.real, 0);
            List<ConformanceTest.Session> waiters = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) waiters.add(s.another());
                String[][] ids = new String[3][];
                for (int i = 0; i < 3; i++) {
                    ConformanceTest.Session w = waiters.get(i);
                    ids[i] = new String[] {integer(w.real.call("CLIENT", "ID")), integer(w.fake.call("CLIENT", "ID"))};
                }
                for (int round = 0, n = Integer.getInteger("fuzz.rounds", 150); round < n; round++) {
                    round(s, waiters, ids, history);
                }
            } finally {
                for (ConformanceTest.Session w : waiters) w.close();
            }
        });
    }

    private static String integer(byte[] reply) {
        return new String(reply, 1, reply.length - 3, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private String[] blocking() {
        switch (rnd.nextInt(7)) {
            case 0: return new String[] {"BLPOP", pick(LISTS), pick(LISTS), "0"};
            case 1: return new String[] {"BRPOP", pick(LISTS), "0"};
            case 2: return new String[] {"BLMOVE", pick(LISTS), pick(LISTS), pick("LEFT", "RIGHT"), pick("LEFT", "RIGHT"), "0"};
            case 3: return new String[] {"BLMPOP", "0", "2", pick(LISTS), pick(LISTS), pick("LEFT", "RIGHT"), "COUNT", pick("1", "2")};
            case 4: return new String[] {"BZPOPMIN", "z", "0"};
            case 5: return new String[] {"BZPOPMAX", "z", "0"};
            default: return new String[] {"BZMPOP", "0", "1", "z", pick("MIN", "MAX"), "COUNT", pick("1", "3")};
        }
    }

    private String[] push() {
        switch (rnd.nextInt(9)) {
            case 0: case 1: return new String[] {pick("LPUSH", "RPUSH"), pick(LISTS), pick("a", "b"), pick("c", "d")};
            case 2: return new String[] {pick("LPUSH", "RPUSH"), pick(LISTS), pick("e", "f")};
            case 3: return new String[] {"LMOVE", pick(LISTS), pick(LISTS), pick("LEFT", "RIGHT"), pick("LEFT", "RIGHT")};
            case 4: case 5: return new String[] {"ZADD", "z", pick("1", "2", "3"), pick("m", "n", "o")};
            case 6: return new String[] {pick("LPOP", "RPOP"), pick(LISTS)};
            case 7: return new String[] {"LRANGE", pick(LISTS), "0", "-1"};
            default: return new String[] {"ZRANGE", "z", "0", "-1", "WITHSCORES"};
        }
    }

    private void round(ConformanceTest.Session pusher, List<ConformanceTest.Session> waiters, String[][] ids, List<String> history) {
        boolean[] blocked = new boolean[waiters.size()];
        int steps = 1 + rnd.nextInt(8);
        for (int i = 0; i < steps; i++) {
            int w = rnd.nextInt(waiters.size() + 2);
            String[] b = blocking();
            if (w < waiters.size() && !blocked[w] && empty(pusher, b, history)) {
                // sent without reading: the reply comes when it is served or unblocked. Both
                // servers must have parked it before the pusher's next write, or the order races.
                int before = blockedClients(pusher.real.call("INFO", "clients"));
                assertEquals(before, blockedClients(pusher.fake.call("INFO", "clients")), "blocked_clients");
                history.add("[waiter " + w + "] " + String.join(" ", b));
                byte[] raw = RawConnection.encode(RawConnection.utf8(b));
                waiters.get(w).real.write(raw);
                waiters.get(w).fake.write(raw);
                blocked[w] = true;
                awaitBlocked(pusher.real, before + 1);
                awaitBlocked(pusher.fake, before + 1);
            } else {
                String[] p = push();
                history.add(String.join(" ", p));
                pusher.same(p);
            }
        }
        for (int w = 0; w < waiters.size(); w++) {
            if (!blocked[w]) continue;
            ConformanceTest.Session ws = waiters.get(w);
            history.add("CLIENT UNBLOCK <waiter " + w + ">");
            byte[] real = pusher.real.call("CLIENT", "UNBLOCK", ids[w][0]);
            byte[] fake = pusher.fake.call("CLIENT", "UNBLOCK", ids[w][1]);
            assertEquals(RawConnection.show(real), RawConnection.show(fake), "CLIENT UNBLOCK of waiter " + w);
            assertEquals(RawConnection.show(ws.real.read()), RawConnection.show(ws.fake.read()), "reply of waiter " + w);
        }
    }

    /** Whether every key the blocking command waits on is empty (on both servers), so it will block. */
    private static boolean empty(ConformanceTest.Session pusher, String[] b, List<String> history) {
        List<String> keys = new ArrayList<>(List.of("EXISTS"));
        switch (b[0]) {
            case "BLPOP": keys.add(b[1]); keys.add(b[2]); break;
            case "BLMPOP": case "BZMPOP": keys.addAll(List.of(b).subList(3, 3 + Integer.parseInt(b[2]))); break;
            default: keys.add(b[1]); break; // BRPOP, BLMOVE (its source), BZPOPMIN, BZPOPMAX
        }
        String[] a = keys.toArray(new String[0]);
        history.add(String.join(" ", a));
        return pusher.same(a)[1] == '0';
    }

    /** Polls one server until it counts this many blocked clients. */
    private static void awaitBlocked(RawConnection c, int expected) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (blockedClients(c.call("INFO", "clients")) != expected) {
            if (System.nanoTime() > deadline) throw new AssertionError("a waiter did not block within 5 s");
            Thread.onSpinWait();
        }
    }

    private static int blockedClients(byte[] info) {
        String text = new String(info, java.nio.charset.StandardCharsets.UTF_8);
        int at = text.indexOf("blocked_clients:");
        if (at < 0) return -1;
        int end = text.indexOf('\r', at);
        return Integer.parseInt(text.substring(at + "blocked_clients:".length(), end));
    }
}
