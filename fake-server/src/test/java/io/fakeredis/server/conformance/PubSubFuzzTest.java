package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test for pub/sub: a subscriber subscribes and unsubscribes to random
 * channels, patterns and shard channels (and sends other commands while subscribed), while a
 * publisher publishes and asks PUBSUB. Every reply, confirmation and delivered message is
 * compared with the real server's; deliveries of one message to several patterns are compared as
 * a multiset, since Redis walks its pattern table in hash order. -Dfuzz.seed=N replays a failure.
 */
class PubSubFuzzTest extends FlushingConformanceTest {
    private static final String[] CHANNELS = {"news", "news.eu", "sport", "a", "b"};
    private static final String[] PATTERNS = {"news*", "*", "n?ws", "[ab]", "sport", "x*"};

    private Random rnd;

    private String pick(String... a) {
        return a[rnd.nextInt(a.length)];
    }

    @Test
    void randomSubscriptions() {
        fuzz((s, r, history) -> {
            rnd = r;
            awaitNoSubscribers(s.real);
            try (ConformanceTest.Session sub = s.another()) {
                for (int i = 0, n = fuzzCommands(2000); i < n; i++) step(s, sub, history);
            }
        });
    }

    private void step(ConformanceTest.Session pub, ConformanceTest.Session sub, List<String> history) {
        int r = rnd.nextInt(20);
        if (r < 7) {
            // subscriber: one confirmation frame per argument
            String cmd = pick("SUBSCRIBE", "SUBSCRIBE", "UNSUBSCRIBE", "PSUBSCRIBE", "PSUBSCRIBE", "PUNSUBSCRIBE",
                    "SSUBSCRIBE", "SUNSUBSCRIBE");
            List<String> a = new ArrayList<>(List.of(cmd));
            int n = 1 + rnd.nextInt(2);
            for (int i = 0; i < n; i++) a.add(cmd.startsWith("P") ? pick(PATTERNS) : pick(CHANNELS));
            history.add("[sub] " + String.join(" ", a));
            sameFrames(sub, a.toArray(new String[0]), n);
        } else if (r < 9) {
            // other commands while subscribed: RESP2 refuses most, RESP3 runs them
            String[] a = rnd.nextBoolean() ? new String[] {"PING", pick("hi", "")} : new String[] {pick("PING", "GET", "SET", "ECHO"), "x"};
            if (a[0].equals("SET")) a = new String[] {"SET", "k", "v"};
            history.add("[sub] " + String.join(" ", a));
            sameFrames(sub, a, 1);
        } else if (r < 15) {
            String cmd = pick("PUBLISH", "PUBLISH", "SPUBLISH");
            String[] a = {cmd, pick(CHANNELS), pick("m1", "m2", "")};
            history.add(String.join(" ", a));
            byte[] reply = pub.same(a);
            int receivers = (int) Long.parseLong(new String(reply, 1, reply.length - 3, java.nio.charset.StandardCharsets.US_ASCII));
            // the subscriber is the only client that can receive: one frame per matching subscription
            List<String> real = new ArrayList<>();
            List<String> fake = new ArrayList<>();
            for (int i = 0; i < receivers; i++) {
                real.add(RawConnection.show(sub.real.read()));
                fake.add(RawConnection.show(sub.fake.read()));
            }
            assertEquals(kinds(real), kinds(fake), "RESP" + pub.resp + " deliveries come in another order");
            assertEquals(deliveries(real), deliveries(fake), "RESP" + pub.resp + " deliveries differ");
        } else {
            String[] a;
            switch (rnd.nextInt(5)) {
                case 0: a = new String[] {"PUBSUB", "CHANNELS"}; break;
                case 1: a = new String[] {"PUBSUB", "CHANNELS", pick(PATTERNS)}; break;
                case 2: a = new String[] {"PUBSUB", "NUMSUB", pick(CHANNELS), pick(CHANNELS)}; break;
                case 3: a = new String[] {"PUBSUB", "NUMPAT"}; break;
                default: a = new String[] {"PUBSUB", pick("SHARDCHANNELS", "SHARDNUMSUB"), pick(CHANNELS)}; break;
            }
            history.add(String.join(" ", a));
            if (a[1].endsWith("CHANNELS")) pub.sameUnordered(a);
            else pub.same(a);
        }
    }

    /** The oracle is shared: subscribers another test closed may not be gone yet. */
    private static void awaitNoSubscribers(RawConnection real) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (real.call("PUBSUB", "NUMPAT")[1] != '0' || Reply.elements(real.call("PUBSUB", "CHANNELS")).size() > 0
                || Reply.elements(real.call("PUBSUB", "SHARDCHANNELS")).size() > 0) {
            if (System.nanoTime() > deadline) throw new AssertionError("the oracle still has subscribers after 5 s");
            Thread.onSpinWait();
        }
    }

    /** Which frames were channel and which pattern deliveries, in order. */
    private static List<Boolean> kinds(List<String> frames) {
        List<Boolean> out = new ArrayList<>();
        for (String f : frames) out.add(f.contains("pmessage"));
        return out;
    }

    /** Channel deliveries in order (they come first), then pattern deliveries sorted (hash order in Redis). */
    private static List<String> deliveries(List<String> frames) {
        List<String> out = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (String f : frames) (f.contains("pmessage") ? patterns : out).add(f);
        patterns.sort(null);
        out.addAll(patterns);
        return out;
    }

    /** Sends a command on both subscriber connections and compares the next frames of each. */
    private static void sameFrames(ConformanceTest.Session sub, String[] args, int frames) {
        byte[] raw = RawConnection.encode(RawConnection.utf8(args));
        sub.real.write(raw);
        sub.fake.write(raw);
        for (int i = 0; i < frames; i++) {
            byte[] r = sub.real.read();
            byte[] f = sub.fake.read();
            assertEquals(RawConnection.show(r), RawConnection.show(f), "RESP" + sub.resp + " frame " + i + " differs for " + String.join(" ", args));
        }
    }
}
