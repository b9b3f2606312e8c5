package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pub/Sub frames compared byte for byte with the real server, over RESP2 and RESP3. A script
 * has a subscriber session {@code s} and a publisher session {@code p}; after the frames a
 * subscriber expects, a PING on both proves nothing else was sent in between.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PubSubConformanceTest extends ConformanceTest {

    /** Two sessions: s subscribes, p publishes. */
    private void run2(PubScript script) {
        for (int resp = 2; resp <= 3; resp++) {
            int r = resp;
            run(r, s -> {
                flushFake();
                try (Session p = new Session(r)) {
                    // patterns left by the previous script's closed connections match everything
                    waitNoPatterns(p);
                    script.run(s, p);
                }
            });
        }
    }

    /** This branch has no FLUSHALL yet: empty the fake's databases directly. */
    private static void flushFake() {
        engine.lock.lock();
        try {
            for (int i = 0; i < io.fakeredis.core.Engine.DATABASES; i++) engine.db(i).clear();
        } finally {
            engine.lock.unlock();
        }
    }

    @FunctionalInterface
    interface PubScript {
        void run(Session s, Session p);
    }

    /** Sends a command to both and compares the next n frames of each. */
    private static void frames(Session s, int n, String... cmd) {
        byte[] raw = RawConnection.encode(RawConnection.utf8(cmd));
        s.real.write(raw);
        s.fake.write(raw);
        expect(s, n, String.join(" ", cmd));
    }

    /** Compares the next n frames each side has sent. */
    private static void expect(Session s, int n, String what) {
        byte[] r = read(s.real, n);
        byte[] f = read(s.fake, n);
        assertEquals(RawConnection.show(r), RawConnection.show(f), "RESP" + s.resp + " frames differ after " + what);
    }

    private static byte[] read(RawConnection c, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) out.writeBytes(c.read());
        return out.toByteArray();
    }

    /** Nothing pending on the subscriber: the next thing both send is the PING reply. */
    private static void quiet(Session s) {
        String pong = RawConnection.show(s.same("PING"));
        // a frame left unread on both sides would compare equal here, so check it is the PONG
        if (!pong.equals("+PONG\\r\\n") && !pong.equals("*2\\r\\n$4\\r\\npong\\r\\n$0\\r\\n\\r\\n")) {
            throw new AssertionError("RESP" + s.resp + ": a frame was still pending: " + pong);
        }
    }

    @Test
    void subscribeConfirmationsCountAndRepeat() {
        run2((s, p) -> {
            frames(s, 3, "SUBSCRIBE", "c1", "c1", "c2");
            frames(s, 2, "PSUBSCRIBE", "c*", "c*");
            frames(s, 2, "SSUBSCRIBE", "s1", "s1");
            frames(s, 1, "UNSUBSCRIBE", "c1");
            frames(s, 1, "UNSUBSCRIBE", "nope");
            frames(s, 1, "PUNSUBSCRIBE", "nope*");
            frames(s, 1, "SUNSUBSCRIBE", "nope");
            frames(s, 1, "UNSUBSCRIBE");
            frames(s, 1, "PUNSUBSCRIBE");
            frames(s, 1, "SUNSUBSCRIBE");
            quiet(s);
            // nothing left: one reply each, with a null channel
            frames(s, 1, "UNSUBSCRIBE");
            frames(s, 1, "PUNSUBSCRIBE");
            frames(s, 1, "SUNSUBSCRIBE");
            s.same("SUBSCRIBE");
            s.same("PSUBSCRIBE");
            s.same("SSUBSCRIBE");
            quiet(s);
        });
    }

    @Test
    void unsubscribeAllFromSeveral() {
        run2((s, p) -> {
            frames(s, 3, "SUBSCRIBE", "u1", "u2", "u3");
            // Redis walks its dict in hash order: compare names and the running counts apart
            byte[] raw = RawConnection.encode(RawConnection.utf8("UNSUBSCRIBE"));
            s.real.write(raw);
            s.fake.write(raw);
            List<String> rn = new ArrayList<>(), fn = new ArrayList<>();
            List<String> rc = new ArrayList<>(), fc = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                List<byte[]> re = Reply.elements(s.real.read());
                List<byte[]> fe = Reply.elements(s.fake.read());
                rn.add(RawConnection.show(re.get(1)));
                fn.add(RawConnection.show(fe.get(1)));
                rc.add(RawConnection.show(re.get(0)) + RawConnection.show(re.get(2)));
                fc.add(RawConnection.show(fe.get(0)) + RawConnection.show(fe.get(2)));
            }
            rn.sort(null);
            fn.sort(null);
            assertEquals(rn, fn);
            assertEquals(rc, fc);
            s.same("GET", "k");
        });
    }

    @Test
    void messagesPatternsAndShards() {
        run2((s, p) -> {
            frames(s, 1, "SUBSCRIBE", "news");
            p.same("PUBLISH", "news", "hello");
            expect(s, 1, "PUBLISH news");
            p.same("PUBLISH", "nobody", "x");
            frames(s, 1, "PSUBSCRIBE", "n?w[a-z]");
            // a channel and a pattern both match: two frames, PUBLISH counts 2
            p.same("PUBLISH", "news", "twice");
            expect(s, 2, "PUBLISH news twice");
            // '?' takes any byte, the class only a-z
            p.same("PUBLISH", "nEws", "yes");
            expect(s, 1, "PUBLISH nEws");
            p.same("PUBLISH", "newS", "no");
            p.same("PUBLISH", "new", "no");
            p.same("PUBLISH", "naws", "");
            expect(s, 1, "PUBLISH naws");
            frames(s, 1, "SSUBSCRIBE", "shard");
            p.same("SPUBLISH", "shard", "sm");
            expect(s, 1, "SPUBLISH shard");
            p.same("PUBLISH", "shard", "not a shard message");
            p.same("SPUBLISH", "news", "not to plain subscribers");
            p.same("PUBLISH", "news", "bin\r\n\0\u00ff");
            expect(s, 2, "PUBLISH binary");
            quiet(s);
            frames(s, 1, "PUNSUBSCRIBE", "n?w[a-z]");
            p.same("PUBLISH", "news", "once");
            expect(s, 1, "PUBLISH once");
            quiet(s);
            // the publisher hears itself when subscribed too
            p.same("PUBLISH");
            p.same("PUBLISH", "a");
            p.same("PUBLISH", "a", "b", "c");
            p.same("SPUBLISH", "a");
        });
    }

    @Test
    void globPatterns() {
        run2((s, p) -> {
            frames(s, 6, "PSUBSCRIBE", "g\\*x", "g[^a]y", "g[b-a]z", "g*a*b", "g[", "g\\");
            String[] chans = {"g*x", "gax", "gay", "gby", "gaz", "gcz", "gbz", "gxxaxxb", "gab", "gba", "g[", "g\\", "g"};
            for (String ch : chans) {
                byte[] n = p.same("PUBLISH", ch, "m");
                int count = Integer.parseInt(new String(n, 1, n.length - 3));
                expect(s, count, "PUBLISH " + ch);
            }
            quiet(s);
        });
    }

    @Test
    void starDoesNotMatchEmptyChannel() {
        run2((s, p) -> {
            frames(s, 1, "PSUBSCRIBE", "*");
            p.same("PUBLISH", "", "m");
            p.same("PUBLISH", "x", "m");
            expect(s, 1, "PUBLISH x");
            frames(s, 1, "SUBSCRIBE", "");
            p.same("PUBLISH", "", "m");
            expect(s, 1, "PUBLISH empty");
            quiet(s);
        });
    }

    @Test
    void subscribedModeRestrictions() {
        run2((s, p) -> {
            frames(s, 1, "SUBSCRIBE", "r1");
            s.same("PING");
            s.same("PING", "hi");
            s.same("PING", "a", "b");
            s.same("GET", "k");
            s.same("SET", "k", "v");
            s.same("ECHO", "x");
            s.same("PUBLISH", "r1", "self");
            if (s.resp == 3) expect(s, 1, "self publish");
            s.same("PUBSUB", "NUMSUB", "r1");
            frames(s, 1, "UNSUBSCRIBE", "r1");
            s.same("GET", "k");
            s.same("PING");
            // shard subscriptions alone keep the restriction
            frames(s, 1, "SSUBSCRIBE", "r2");
            frames(s, 1, "SUBSCRIBE", "r3");
            frames(s, 1, "UNSUBSCRIBE", "r3");
            s.same("GET", "k");
            frames(s, 1, "SUNSUBSCRIBE", "r2");
            s.same("GET", "k");
            frames(s, 1, "PSUBSCRIBE", "r*");
            s.same("QUIT");
        });
    }

    @Test
    void pubsubIntrospection() {
        run2((s, p) -> {
            frames(s, 3, "SUBSCRIBE", "intro-a", "intro-b", "intro-c");
            frames(s, 1, "SSUBSCRIBE", "intro-s");
            p.sameUnordered("PUBSUB", "CHANNELS", "intro-*");
            p.same("PUBSUB", "CHANNELS", "intro-a");
            p.same("PUBSUB", "CHANNELS", "nomatch*");
            p.same("PUBSUB", "CHANNELS", "a", "b");
            p.same("pubsub", "channels", "a", "b");
            p.same("PUBSUB", "NUMSUB", "intro-a", "intro-s", "zzz");
            p.same("PUBSUB", "NUMSUB");
            p.same("PUBSUB", "SHARDNUMSUB", "intro-a", "intro-s");
            p.same("PUBSUB", "SHARDNUMSUB");
            p.same("PUBSUB", "SHARDCHANNELS", "intro-*");
            p.same("PUBSUB", "SHARDCHANNELS", "x*");
            p.same("PUBSUB", "SHARDCHANNELS", "a", "b");
            p.same("PUBSUB", "NUMPAT", "x");
            p.same("PUBSUB", "HELP");
            p.same("PUBSUB", "help", "x");
            p.same("PUBSUB");
            p.same("PUBSUB", "NOSUCH");
            frames(s, 1, "UNSUBSCRIBE", "intro-b");
            p.same("PUBSUB", "NUMSUB", "intro-b");
        });
    }

    @Test
    void numpatCountsDistinctPatterns() {
        run2((s, p) -> {
            try (Session q = new Session(s.resp)) {
                waitNoPatterns(p);
                p.same("PUBSUB", "NUMPAT");
                frames(s, 2, "PSUBSCRIBE", "np1*", "np2*");
                frames(q, 2, "PSUBSCRIBE", "np1*", "np3*");
                p.same("PUBSUB", "NUMPAT");
                // two subscribers on one pattern: both hear it, PUBLISH counts 2
                p.same("PUBLISH", "np1x", "m");
                expect(s, 1, "PUBLISH np1x");
                expect(q, 1, "PUBLISH np1x");
                frames(s, 2, "PUNSUBSCRIBE", "np1*", "np2*");
                p.same("PUBSUB", "NUMPAT");
            }
        });
    }

    /** Closed connections of earlier scripts are dropped asynchronously by the real server. */
    private static void waitNoPatterns(Session p) {
        for (int i = 0; i < 200; i++) {
            byte[][] r = p.both("PUBSUB", "NUMPAT");
            if (new String(r[0]).equals(":0\r\n") && new String(r[1]).equals(":0\r\n")) return;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void keyspaceNotifications() {
        run2((s, p) -> {
            p.real.call("CONFIG", "SET", "notify-keyspace-events", "KEA");
            engine.config().set("notify-keyspace-events", "KEA");
            try {
                frames(s, 1, "PSUBSCRIBE", "__key*@0__:*");
                p.same("SET", "kn", "v");
                expect(s, 2, "SET kn v");
                p.same("SET", "kn", "w");
                expect(s, 2, "SET kn w");
                p.same("SET", "kn", "x", "y");
                p.same("GET", "kn");
                p.same("GET", "missing");
                quiet(s);
                // m and n are not in A
                p.real.call("CONFIG", "SET", "notify-keyspace-events", "Kmn$");
                engine.config().set("notify-keyspace-events", "Kmn$");
                p.same("GET", "missing");
                expect(s, 1, "GET missing (keymiss)");
                p.same("SET", "kn2", "v");
                expect(s, 2, "SET kn2 (new, set)");
                p.same("SET", "kn2", "v");
                expect(s, 1, "SET kn2 again");
                p.real.call("CONFIG", "SET", "notify-keyspace-events", "E$");
                engine.config().set("notify-keyspace-events", "E$");
                p.same("SET", "kn3", "v");
                expect(s, 1, "SET kn3 keyevent only");
                p.same("SELECT", "1");
                p.same("SET", "other-db", "v");
                quiet(s);
            } finally {
                p.real.call("CONFIG", "SET", "notify-keyspace-events", "");
                engine.config().set("notify-keyspace-events", "");
            }
        });
    }

    @Test
    void keyspaceEventsReachPlainSubscribersToo() {
        run2((s, p) -> {
            p.real.call("CONFIG", "SET", "notify-keyspace-events", "K$");
            engine.config().set("notify-keyspace-events", "K$");
            try {
                frames(s, 1, "SUBSCRIBE", "__keyspace@0__:ks");
                p.same("SET", "ks", "1");
                expect(s, 1, "SET ks");
                p.same("SET", "ks2", "1");
                quiet(s);
            } finally {
                p.real.call("CONFIG", "SET", "notify-keyspace-events", "");
                engine.config().set("notify-keyspace-events", "");
            }
        });
    }

    @Test
    void resp3SubscriberSeesOwnKeyspaceEventBeforeReply() {
        run(3, s -> {
            flushFake();
            s.real.call("CONFIG", "SET", "notify-keyspace-events", "KA");
            engine.config().set("notify-keyspace-events", "KA");
            try {
                frames(s, 1, "SUBSCRIBE", "__keyspace@0__:own");
                frames(s, 2, "SET", "own", "v");
            } finally {
                s.real.call("CONFIG", "SET", "notify-keyspace-events", "");
                engine.config().set("notify-keyspace-events", "");
            }
        });
    }
}
