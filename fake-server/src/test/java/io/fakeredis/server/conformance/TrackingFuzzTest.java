package io.fakeredis.server.conformance;

import static io.fakeredis.server.conformance.TrackingConformanceTest.ids;
import static io.fakeredis.server.conformance.TrackingConformanceTest.pending;
import static io.fakeredis.server.conformance.TrackingConformanceTest.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Randomized differential test for CLIENT TRACKING: two tracking clients switch modes at random
 * (default, OPTIN/OPTOUT with CACHING, BCAST with prefixes, NOLOOP, the first one sometimes
 * redirecting to a third client) while all three read and write a few keys, alone, in MULTI/EXEC
 * or from scripts. After each command every client's frames up to a PING's reply are compared,
 * so the invalidations and their place among the replies are checked. -Dfuzz.seed=N replays a
 * failure.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TrackingFuzzTest extends ConformanceTest {
    private static final String[] KEYS = {"k1", "k2", "k10", "x", "y"};
    private static final String[] PREFIXES = {"k", "k1", "x", "y", ""};
    private Random rnd;

    private String pick(String... a) {
        return a[rnd.nextInt(a.length)];
    }

    private String key() {
        return pick(KEYS);
    }

    @Test
    void randomTracking() {
        fuzz((s, r, history) -> {
            rnd = r;
            try (Session t2 = s.another(); Session w = s.another()) {
                Session[] all = {s, t2, w};
                String[] names = {"t1", "t2", "w"};
                long[] wid = ids(w);
                for (int i = 0, n = fuzzCommands(1500); i < n; i++) {
                    int who = rnd.nextInt(10) < 4 ? 0 : rnd.nextInt(10) < 5 ? 1 : 2;
                    Session on = all[who];
                    if (rnd.nextInt(20) == 0) {
                        transaction(on, wid, names[who], history);
                    } else {
                        String[] cmd = command(who);
                        history.add(names[who] + ": " + String.join(" ", cmd));
                        step(on, wid, cmd);
                    }
                    for (int j = 0; j < all.length; j++) {
                        if (j != who) pending(all[j], wid, "the last command, on " + names[j]);
                    }
                }
            }
        });
    }

    /** MULTI, a few commands (queued, so compared with same()), then EXEC or DISCARD. */
    private void transaction(Session on, long[] wid, String name, List<String> history) {
        history.add(name + ": MULTI");
        on.same("MULTI");
        for (int k = rnd.nextInt(4); k > 0; k--) {
            String[] cmd = rnd.nextInt(4) == 0 ? caching() : data();
            history.add(name + ":   " + String.join(" ", cmd));
            on.same(cmd);
        }
        String end = rnd.nextInt(6) == 0 ? "DISCARD" : "EXEC";
        history.add(name + ": " + end);
        step(on, wid, end);
    }

    private String[] command(int who) {
        int r = rnd.nextInt(100);
        if (who < 2 && r < 8) return tracking(who);
        if (who < 2 && r < 16) return caching();
        if (r < 19) return new String[] {"CLIENT", "TRACKINGINFO"};
        if (r < 21) return new String[] {"CLIENT", "GETREDIR"};
        if (r < 22) return new String[] {pick("FLUSHDB", "FLUSHALL")};
        return data();
    }

    /** CLIENT TRACKING with random options: mostly valid, sometimes an error Redis must give too. */
    private String[] tracking(int who) {
        List<String> a = new ArrayList<>(List.of("CLIENT", "TRACKING"));
        if (rnd.nextInt(5) == 0) {
            a.add(pick("OFF", "off", "maybe"));
            return a.toArray(new String[0]);
        }
        a.add(pick("ON", "on"));
        boolean bcast = rnd.nextInt(3) == 0;
        if (bcast) {
            a.add("BCAST");
            for (int p = rnd.nextInt(3); p > 0; p--) {
                a.add("PREFIX");
                a.add(pick(PREFIXES));
            }
        } else if (rnd.nextInt(2) == 0) {
            a.add(pick("OPTIN", "OPTOUT"));
        }
        if (rnd.nextInt(3) == 0) a.add("NOLOOP");
        // only the first client redirects: two clients redirected to one would race in BCAST
        if (who == 0 && rnd.nextInt(3) == 0) {
            a.add("REDIRECT");
            a.add("ID");
        }
        if (rnd.nextInt(15) == 0) a.add(pick("OPTIN", "OPTOUT", "BCAST", "PREFIX", "x", "NOLOOP"));
        return a.toArray(new String[0]);
    }

    private String[] caching() {
        return new String[] {"CLIENT", "CACHING", pick("yes", "no", "YES", "maybe")};
    }

    private String[] data() {
        switch (rnd.nextInt(16)) {
            case 0: case 1: return new String[] {"GET", key()};
            case 2: return new String[] {"MGET", key(), key(), key()};
            case 3: return new String[] {pick("EXISTS", "STRLEN", "TYPE", "TTL"), key()};
            case 4: return new String[] {"LRANGE", key(), "0", "-1"};
            case 5: case 6: return new String[] {"SET", key(), pick("1", "2", "v")};
            case 7: return new String[] {"MSET", key(), "a", key(), "b"};
            case 8: return new String[] {"DEL", key(), key()};
            case 9: return rnd.nextBoolean() ? new String[] {"INCR", key()} : new String[] {"APPEND", key(), "z"};
            case 10: return new String[] {pick("RPUSH", "LPUSH"), key(), "e"};
            case 11: return new String[] {"EXPIRE", key(), "10000"};
            case 12: return rnd.nextBoolean() ? new String[] {"RENAME", key(), key()}
                    : new String[] {"LMOVE", key(), key(), pick("LEFT", "RIGHT"), pick("LEFT", "RIGHT")};
            case 13: return new String[] {"EVAL", "return redis.call('get', KEYS[1])", "1", key()};
            case 14: return new String[] {"EVAL", "return redis.call('set', KEYS[1], 'e')", "1", key()};
            default: return new String[] {"EVAL", "return redis.call('mget', '" + key() + "', '" + key() + "')", "1", key()};
        }
    }
}
