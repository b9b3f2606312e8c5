package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CLIENT TRACKING compared with the real server over RESP2 and RESP3: argument errors, the state
 * TRACKINGINFO / GETREDIR / CLIENT INFO show, and the invalidations each mode sends, frame by
 * frame and in order with the replies around them.
 *
 * <p>A tracking session {@code s} runs its commands with {@link #step}, which reads the reply,
 * then sends a PING and reads up to its PONG: every push the command caused, before or after its
 * reply, is compared (inside MULTI the PING would be queued, so queued commands use same()).
 * Another session writes; {@link #pending} then collects what the tracking session was sent.
 * Client ids differ between the servers, so REDIRECT arguments are each server's own id and
 * replies are compared with the ids replaced by "ID".
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TrackingConformanceTest extends ConformanceTest {

    private static final String PONG2 = "*2\\r\\n$4\\r\\npong\\r\\n$0\\r\\n\\r\\n";

    /** The ids of a session's two connections: {real, fake}. */
    static long[] ids(Session s) {
        byte[][] r = s.both("CLIENT", "ID");
        return new long[] {Long.parseLong(new String(r[0], 1, r[0].length - 3)), Long.parseLong(new String(r[1], 1, r[1].length - 3))};
    }

    /**
     * Shows raw bytes with the given id (a client's, on that server) written as ID where a reply
     * carries an id: TRACKINGINFO's redirect, tracking-redir-broken, HELLO's id, or the whole
     * reply when it is one (idReply: CLIENT GETREDIR).
     */
    private static String norm(byte[] raw, long id, boolean idReply) {
        String shown = RawConnection.show(raw);
        if (id <= 0) return shown;
        String n = ":" + id + "\\r\\n";
        if (idReply && shown.equals(n)) return ":ID\\r\\n";
        return shown.replace("redirect\\r\\n" + n, "redirect\\r\\n:ID\\r\\n")
                .replace("tracking-redir-broken\\r\\n" + n, "tracking-redir-broken\\r\\n:ID\\r\\n")
                .replace("$2\\r\\nid\\r\\n" + n, "$2\\r\\nid\\r\\n:ID\\r\\n");
    }

    private static boolean idReply(String... cmd) {
        return cmd.length == 2 && cmd[0].equalsIgnoreCase("CLIENT") && cmd[1].equalsIgnoreCase("GETREDIR");
    }

    /** Sends args to both, with the token "ID" replaced by each server's id from ids, and compares. */
    private static void sameWithId(Session s, long[] ids, String... args) {
        String[] r = args.clone();
        String[] f = args.clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("ID")) {
                r[i] = Long.toString(ids[0]);
                f[i] = Long.toString(ids[1]);
            }
        }
        byte[] rr = s.real.call(r);
        byte[] fr = s.fake.call(f);
        assertEquals(norm(rr, ids[0], idReply(args)), norm(fr, ids[1], idReply(args)), "RESP" + s.resp + " reply differs for " + String.join(" ", args));
    }

    /**
     * Runs a command of the tracking session: its reply (with any push before it), then a PING
     * and everything up to the PONG (pushes after the reply, including BCAST ones).
     */
    static void step(Session s, String... cmd) {
        step(s, null, cmd);
    }

    static void step(Session s, long[] ids, String... cmd) {
        String[] r = cmd.clone();
        String[] f = cmd.clone();
        if (ids != null) {
            for (int i = 0; i < cmd.length; i++) {
                if (cmd[i].equals("ID")) {
                    r[i] = Long.toString(ids[0]);
                    f[i] = Long.toString(ids[1]);
                }
            }
        }
        s.real.write(RawConnection.encode(RawConnection.utf8(r)));
        s.fake.write(RawConnection.encode(RawConnection.utf8(f)));
        List<String> rf = untilReply(s.real, ids == null ? 0 : ids[0], idReply(cmd));
        List<String> ff = untilReply(s.fake, ids == null ? 0 : ids[1], idReply(cmd));
        rf.addAll(untilPong(s.real, ids == null ? 0 : ids[0]));
        ff.addAll(untilPong(s.fake, ids == null ? 0 : ids[1]));
        assertEquals(String.join("\n", rf), String.join("\n", ff), "RESP" + s.resp + " frames differ for " + String.join(" ", cmd));
    }

    /** What a session was sent since its last command, compared up to a PING's reply. */
    static void pending(Session s, String what) {
        pending(s, 0, 0, what);
    }

    static void pending(Session s, long realId, long fakeId, String what) {
        List<String> rf = untilPong(s.real, realId);
        List<String> ff = untilPong(s.fake, fakeId);
        assertEquals(String.join("\n", rf), String.join("\n", ff), "RESP" + s.resp + " pushes differ after " + what);
    }

    static void pending(Session s, long[] ids, String what) {
        pending(s, ids[0], ids[1], what);
    }

    /** Frames up to the first that is not a push (RESP3 '>'): the command's reply. */
    private static List<String> untilReply(RawConnection c, long id, boolean idReply) {
        List<String> out = new ArrayList<>();
        while (out.size() < 1000) {
            byte[] f = c.read();
            out.add(norm(f, id, idReply && f[0] != '>'));
            if (f[0] != '>') return out;
        }
        throw new AssertionError("no reply among " + out);
    }

    private static List<String> untilPong(RawConnection c, long id) {
        c.write(RawConnection.encode(RawConnection.utf8("PING")));
        List<String> out = new ArrayList<>();
        while (out.size() < 1000) {
            String f = norm(c.read(), id, false);
            out.add(f);
            if (f.equals("+PONG\\r\\n") || f.equals(PONG2)) return out;
        }
        throw new AssertionError("no PONG among " + out);
    }

    /** Sends a command to both without waiting for anything. */
    private static void send(Session s, String... cmd) {
        byte[] raw = RawConnection.encode(RawConnection.utf8(cmd));
        s.real.write(raw);
        s.fake.write(raw);
    }

    /** Sends several commands in one write, then compares everything up to a later PING's reply. */
    private static void pipeline(Session s, String[]... cmds) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String[] c : cmds) out.writeBytes(RawConnection.encode(RawConnection.utf8(c)));
        byte[] raw = out.toByteArray();
        s.real.write(raw);
        s.fake.write(raw);
        List<String> rf = new ArrayList<>();
        List<String> ff = new ArrayList<>();
        // the replies, then whatever the batch sent after them
        for (int i = 0; i < cmds.length; i++) {
            rf.addAll(untilReply(s.real, 0, false));
            ff.addAll(untilReply(s.fake, 0, false));
        }
        rf.addAll(untilPong(s.real, 0));
        ff.addAll(untilPong(s.fake, 0));
        assertEquals(String.join("\n", rf), String.join("\n", ff), "RESP" + s.resp + " pipeline frames differ");
    }

    /** CLIENT INFO's flags (without the oracle's U for its Unix socket) and redir fields. */
    private static void sameClientFlags(Session s, long[] redirIds) {
        byte[][] r = s.both("CLIENT", "INFO");
        String rf = field(new String(r[0], java.nio.charset.StandardCharsets.UTF_8), "flags").replace("U", "");
        String ff = field(new String(r[1], java.nio.charset.StandardCharsets.UTF_8), "flags");
        assertEquals(rf.isEmpty() ? "N" : rf, ff, "RESP" + s.resp + " CLIENT INFO flags");
        String rr = field(new String(r[0], java.nio.charset.StandardCharsets.UTF_8), "redir");
        String fr = field(new String(r[1], java.nio.charset.StandardCharsets.UTF_8), "redir");
        if (redirIds != null) {
            rr = rr.equals(Long.toString(redirIds[0])) ? "ID" : rr;
            fr = fr.equals(Long.toString(redirIds[1])) ? "ID" : fr;
        }
        assertEquals(rr, fr, "RESP" + s.resp + " CLIENT INFO redir");
    }

    private static String field(String info, String name) {
        for (String part : info.split("[ \r\n]")) {
            if (part.startsWith(name + "=")) return part.substring(name.length() + 1);
        }
        throw new AssertionError("no " + name + " in " + info);
    }

    /** The tracking_* lines of INFO on both servers. */
    private static void sameTrackingInfo(Session s) {
        byte[][] r = s.both("INFO", "everything");
        assertEquals(trackingLines(r[0]), trackingLines(r[1]), "RESP" + s.resp + " INFO tracking fields");
    }

    private static String trackingLines(byte[] info) {
        StringBuilder b = new StringBuilder();
        for (String l : new String(info, java.nio.charset.StandardCharsets.UTF_8).split("\r\n")) {
            if (l.startsWith("tracking_")) b.append(l).append('\n');
        }
        return b.toString();
    }

    /** Waits until both servers have noticed that the client with these ids closed. */
    private static void waitGone(Session s, long[] ids) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            byte[] r = s.real.call("CLIENT", "LIST", "ID", Long.toString(ids[0]));
            byte[] f = s.fake.call("CLIENT", "LIST", "ID", Long.toString(ids[1]));
            if (!RawConnection.show(r).contains("id=") && !RawConnection.show(f).contains("id=")) return;
            if (System.nanoTime() > deadline) fail("a closed client is still listed");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits until both servers have dropped every key of the current database (active expiry). */
    private static void waitEmpty(Session w) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            byte[][] n = w.both("DBSIZE");
            if (RawConnection.show(n[0]).equals(":0\\r\\n") && RawConnection.show(n[1]).equals(":0\\r\\n")) return;
            if (System.nanoTime() > deadline) fail("keys did not expire: " + RawConnection.show(n[0]) + " " + RawConnection.show(n[1]));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- arguments ----

    @Test
    void argumentErrors() {
        run(s -> {
            String[][] cmds = {
                {"CLIENT", "TRACKING"}, {"CLIENT", "TRACKING", "maybe"}, {"CLIENT", "TRACKING", "on", "foo"},
                {"CLIENT", "TRACKING", "maybe", "foo"}, {"CLIENT", "TRACKING", "on", "redirect"},
                {"CLIENT", "TRACKING", "on", "redirect", "abc"}, {"CLIENT", "TRACKING", "on", "redirect", "0"},
                {"CLIENT", "TRACKING", "on", "redirect", "-1"}, {"CLIENT", "TRACKING", "on", "redirect", "99999"},
                {"CLIENT", "TRACKING", "off", "redirect", "99999"}, {"CLIENT", "TRACKING", "maybe", "redirect", "99999"},
                {"CLIENT", "TRACKING", "on", "prefix"}, {"CLIENT", "TRACKING", "on", "prefix", "a"},
                {"CLIENT", "TRACKING", "on", "bcast", "optin"}, {"CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "a", "OPTOUT"},
                {"CLIENT", "TRACKING", "on", "optin", "optout"}, {"CLIENT", "TRACKING", "ON", "prefix", "a", "optin", "optout"},
                {"CLIENT", "TRACKING", "on", "bcast", "prefix", "a", "prefix", "ab"},
                {"CLIENT", "TRACKING", "on", "bcast", "prefix", "x", "prefix", "x"},
                {"CLIENT", "TRACKING", "on", "bcast", "prefix", "zz", "prefix", "a", "prefix", ""},
                {"CLIENT", "TRACKING", "on", "bcast", "prefix", "b\u0000x", "prefix", "b\u0000xy"},
                {"CLIENT", "TRACKING", "on", "bcast", "prefix", "l\r\n1", "prefix", "l\r\n12"},
                {"CLIENT", "TRACKINGINFO"}, {"CLIENT", "TRACKING", "off", "bcast", "optin"},
                {"CLIENT", "CACHING", "yes"}, {"CLIENT", "CACHING", "maybe"}, {"CLIENT", "CACHING"},
                {"CLIENT", "CACHING", "yes", "no"}, {"CLIENT", "GETREDIR", "x"}, {"CLIENT", "TRACKINGINFO", "x"},
                {"CLIENT", "TRACKING", "on"}, {"CLIENT", "CACHING", "yes"}, {"CLIENT", "CACHING", "no"},
                {"CLIENT", "CACHING", "maybe"}, {"CLIENT", "TRACKING", "on", "bcast"}, {"CLIENT", "TRACKING", "on", "bcast", "optin"},
                {"CLIENT", "TRACKING", "on", "optin"}, {"CLIENT", "TRACKING", "on", "optout"}, {"CLIENT", "CACHING", "no"},
                {"CLIENT", "CACHING", "YES"}, {"CLIENT", "TRACKINGINFO"}, {"CLIENT", "TRACKING", "on"},
                {"CLIENT", "TRACKING", "on", "optout"}, {"CLIENT", "CACHING", "yes"}, {"CLIENT", "TRACKINGINFO"},
                {"CLIENT", "TRACKING", "off"}, {"CLIENT", "TRACKING", "off"},
                {"CLIENT", "TRACKING", "on", "bcast", "prefix", "zz", "prefix", "a", "prefix", "m", "noloop"},
                {"CLIENT", "TRACKING", "on", "bcast", "prefix", "q"}, {"CLIENT", "TRACKING", "on", "bcast", "prefix", "z"},
                {"CLIENT", "TRACKING", "on", "bcast", "prefix", "qq", "prefix", "r"}, {"CLIENT", "TRACKINGINFO"},
                {"CLIENT", "TRACKING", "on", "bcast"}, {"CLIENT", "TRACKINGINFO"}, {"CLIENT", "TRACKING", "on"},
                {"CLIENT", "TRACKING", "off"}, {"CLIENT", "TRACKINGINFO"},
            };
            for (String[] cmd : cmds) s.same(cmd);
            long[] self = ids(s);
            sameWithId(s, self, "CLIENT", "TRACKING", "on", "redirect", "ID", "redirect", "ID");
            sameWithId(s, self, "CLIENT", "TRACKING", "on", "redirect", "ID", "bcast", "optin");
            sameWithId(s, self, "CLIENT", "GETREDIR");
            s.same("CLIENT", "TRACKINGINFO");
            sameWithId(s, self, "CLIENT", "TRACKING", "on", "redirect", "ID");
            sameWithId(s, self, "CLIENT", "GETREDIR");
            sameWithId(s, self, "CLIENT", "TRACKINGINFO");
            s.same("CLIENT", "TRACKING", "off");
            // a clash between two new prefixes after the first: Redis answers the error and then OK
            step(s, "CLIENT", "TRACKING", "on", "bcast", "prefix", "a", "prefix", "b", "prefix", "bc");
            s.same("CLIENT", "TRACKINGINFO");
            s.same("CLIENT", "TRACKING", "off");
        });
    }

    @Test
    void trackingInfoGetRedirAndClientFlagsPerMode() {
        run(s -> {
            String[][] modes = {
                {}, {"ON"}, {"ON", "NOLOOP"}, {"ON", "OPTIN"}, {"ON", "OPTIN", "NOLOOP"}, {"OFF"}, {"ON", "OPTOUT"},
                {"OFF"}, {"ON", "BCAST"}, {"ON", "BCAST", "PREFIX", "b", "PREFIX", "a"}, {"OFF"},
                {"ON", "BCAST", "NOLOOP", "PREFIX", "x:"},
            };
            for (String[] m : modes) {
                if (m.length > 0) {
                    String[] cmd = new String[m.length + 2];
                    cmd[0] = "CLIENT";
                    cmd[1] = "TRACKING";
                    System.arraycopy(m, 0, cmd, 2, m.length);
                    s.same(cmd);
                }
                s.same("CLIENT", "TRACKINGINFO");
                s.same("CLIENT", "GETREDIR");
                sameClientFlags(s, null);
                sameTrackingInfo(s);
            }
            s.same("CLIENT", "TRACKING", "OFF");
            s.same("CLIENT", "TRACKING", "ON", "OPTIN");
            s.same("CLIENT", "CACHING", "YES");
            s.same("CLIENT", "TRACKINGINFO");
            s.same("CLIENT", "TRACKING", "ON", "OPTIN", "NOLOOP"); // CACHING survives a mode change
            s.same("CLIENT", "TRACKINGINFO");
            s.same("CLIENT", "TRACKING", "OFF");
            s.same("CLIENT", "TRACKINGINFO");
            try (Session r = new Session(2)) {
                long[] rid = ids(r);
                sameWithId(s, rid, "CLIENT", "TRACKING", "ON", "REDIRECT", "ID");
                sameWithId(s, rid, "CLIENT", "GETREDIR");
                sameWithId(s, rid, "CLIENT", "TRACKINGINFO");
                sameClientFlags(s, rid);
            }
            s.same("CLIENT", "TRACKING", "OFF");
            sameClientFlags(s, null);
        });
    }

    // ---- invalidations ----

    @Test
    void defaultModeInvalidations() {
        run(s -> {
            try (Session w = s.another()) {
                step(s, "CLIENT", "TRACKING", "ON");
                step(s, "GET", "k");
                w.same("SET", "k", "1");
                pending(s, "SET k by another client");
                w.same("SET", "k", "2");
                pending(s, "SET k again: it was forgotten");
                // the client's own write: the invalidation follows the reply
                step(s, "GET", "k");
                step(s, "SET", "k", "3");
                step(s, "MGET", "k", "j", "i");
                w.same("MSET", "j", "1", "i", "2", "k", "3", "other", "x");
                pending(s, "MSET of three tracked keys");
                // reads of several kinds, a failed read, a read in another database
                w.same("RPUSH", "list", "a");
                w.same("HSET", "hash", "f", "v");
                w.same("SADD", "set", "m");
                w.same("ZADD", "zset", "1", "m");
                w.same("SET", "str", "abc");
                w.same("XADD", "stream", "1-1", "f", "v");
                step(s, "LRANGE", "list", "0", "-1");
                step(s, "HGET", "hash", "f");
                step(s, "SISMEMBER", "set", "m");
                step(s, "ZSCORE", "zset", "m");
                step(s, "STRLEN", "str");
                step(s, "GET", "list");
                step(s, "EXISTS", "e1", "e2");
                step(s, "TYPE", "t");
                step(s, "ZUNION", "2", "zset", "zu");
                step(s, "SORT_RO", "list", "ALPHA");
                step(s, "XRANGE", "stream", "-", "+");
                step(s, "SELECT", "1");
                step(s, "GET", "db1key");
                step(s, "SELECT", "0");
                // keys are tracked across databases, as in Redis
                w.same("DEL", "list", "hash", "set", "zset", "str", "e1", "e2", "t", "zu", "stream", "db1key");
                pending(s, "DEL of the keys read");
                w.same("SET", "nobody", "x");
                pending(s, "SET of a key nobody read");
                sameTrackingInfo(s);
                // switching off keeps entries in the table, dropped lazily
                step(s, "GET", "lazy");
                step(s, "CLIENT", "TRACKING", "OFF");
                sameTrackingInfo(s);
                w.same("SET", "lazy", "1");
                pending(s, "SET after tracking off");
                sameTrackingInfo(s);
                // an entry read in default mode still fires after switching to OPTIN
                step(s, "CLIENT", "TRACKING", "ON");
                step(s, "GET", "stale");
                step(s, "CLIENT", "TRACKING", "ON", "OPTIN");
                w.same("SET", "stale", "1");
                pending(s, "SET of a key read before OPTIN");
            }
        });
    }

    @Test
    void optInAndOptOut() {
        run(s -> {
            try (Session w = s.another()) {
                step(s, "CLIENT", "TRACKING", "ON", "OPTIN");
                String[][][] probes = {
                    {},
                    {{"CLIENT", "CACHING", "yes"}},
                    {{"CLIENT", "CACHING", "yes"}, {"CLIENT", "GETNAME"}},
                    {{"CLIENT", "CACHING", "yes"}, {"CLIENT", "GETREDIR", "x"}},
                    {{"CLIENT", "CACHING", "yes"}, {"PING"}},
                    {{"CLIENT", "CACHING", "yes"}, {"NOSUCHCOMMAND"}},
                    {{"CLIENT", "CACHING", "yes"}, {"GET"}},
                    {{"CLIENT", "CACHING", "yes"}, {"CLIENT", "NOSUCH"}},
                    {{"CLIENT", "CACHING", "yes"}, {"CLIENT"}},
                    {{"CLIENT", "CACHING", "yes"}, {"HELLO", Integer.toString(s.resp)}},
                };
                long[] self = ids(s); // HELLO's reply holds the client's id
                int n = 0;
                for (String[][] pre : probes) {
                    String key = "in" + n++;
                    for (String[] p : pre) step(s, self, p);
                    step(s, "GET", key);
                    w.same("SET", key, "x");
                    pending(s, "SET after " + pre.length + " commands, probe " + n);
                }
                // CACHING lasts for the whole transaction
                step(s, "CLIENT", "CACHING", "yes");
                s.same("MULTI");
                s.same("PING");
                s.same("GET", "m1");
                step(s, "EXEC");
                s.same("MULTI");
                s.same("CLIENT", "CACHING", "yes");
                s.same("GET", "m2");
                s.same("GET", "m3");
                step(s, "EXEC");
                step(s, "GET", "m4");
                step(s, "CLIENT", "CACHING", "yes");
                s.same("MULTI");
                step(s, "DISCARD");
                step(s, "GET", "m5");
                w.same("MSET", "m1", "1", "m2", "2", "m3", "3", "m4", "4", "m5", "5");
                pending(s, "MSET after transactions");
                step(s, "CLIENT", "CACHING", "yes");
                step(s, "CLIENT", "TRACKINGINFO");
                step(s, "CLIENT", "TRACKINGINFO");
                step(s, "GET", "x");
                step(s, "CLIENT", "TRACKINGINFO");

                step(s, "CLIENT", "TRACKING", "OFF");
                step(s, "CLIENT", "TRACKING", "ON", "OPTOUT");
                step(s, "GET", "o1");
                step(s, "CLIENT", "CACHING", "no");
                step(s, "GET", "o2");
                step(s, "CLIENT", "CACHING", "no");
                step(s, "PING");
                step(s, "GET", "o3");
                w.same("MSET", "o1", "1", "o2", "2", "o3", "3");
                pending(s, "MSET in OPTOUT mode");
            }
        });
    }

    @Test
    void noLoop() {
        run(s -> {
            try (Session w = s.another()) {
                step(s, "CLIENT", "TRACKING", "ON", "NOLOOP");
                step(s, "GET", "k");
                step(s, "SET", "k", "1");
                step(s, "GET", "k");
                step(s, "EVAL", "return redis.call('set', KEYS[1], '2')", "1", "k");
                step(s, "GET", "k");
                s.same("MULTI");
                s.same("SET", "k", "3");
                step(s, "EXEC");
                w.same("SET", "k", "4");
                pending(s, "SET by another client");
                // BCAST NOLOOP skips keys whose last writer was the client itself
                step(s, "CLIENT", "TRACKING", "OFF");
                step(s, "CLIENT", "TRACKING", "ON", "BCAST", "NOLOOP");
                step(s, "SET", "q", "1");
                step(s, "MSET", "q", "1", "r", "2");
                w.same("SET", "q", "2");
                pending(s, "BCAST SET by another client");
                // a script's writes are its own client's, not the caller's
                step(s, "EVAL", "redis.call('set', 'q', '3') return 1", "0");
                pipeline(s, new String[] {"EVAL", "redis.call('set', 'q', '3') return 1", "0"}, new String[] {"SET", "q", "4"});
                pipeline(s, new String[] {"SET", "q", "4"}, new String[] {"EVAL", "redis.call('set', 'q', '3') return 1", "0"});
            }
        });
    }

    @Test
    void broadcastPrefixes() {
        run(s -> {
            try (Session w = s.another()) {
                step(s, "CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "user:", "PREFIX", "obj");
                w.same("SET", "user:1", "x");
                pending(s, "SET user:1");
                // one push per prefix, prefixes and keys in byte order
                w.same("MSET", "user:2", "x", "obj9", "y", "zzz", "1", "user:0", "q", "obj", "o");
                pending(s, "MSET");
                step(s, "SET", "user:5", "x");
                // a batch's keys go out together after its replies
                pipeline(s, new String[] {"SET", "user:9", "1"}, new String[] {"SET", "user:3", "1"},
                        new String[] {"DEL", "user:9"}, new String[] {"GET", "user:3"});
                step(s, "GET", "user:3");
                step(s, "FLUSHALL");
                w.same("SET", "user:1", "x");
                pending(s, "SET after FLUSHALL");
                step(s, "CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "a");
                step(s, "CLIENT", "TRACKINGINFO");
                sameTrackingInfo(s);
                w.same("MSET", "a", "1", "ab", "2", "b", "3");
                pending(s, "MSET after adding a prefix");
                // switching off before the batch ends drops what was collected for the client
                pipeline(s, new String[] {"SET", "user:1", "4"}, new String[] {"CLIENT", "TRACKING", "OFF"});
                step(s, "CLIENT", "TRACKING", "ON", "BCAST");
                pipeline(s, new String[] {"SET", "q", "4"}, new String[] {"CLIENT", "TRACKING", "OFF"},
                        new String[] {"CLIENT", "TRACKING", "ON", "BCAST"});
                // unless another client keeps the prefix alive
                try (Session other = new Session(2)) {
                    other.same("CLIENT", "TRACKING", "ON", "BCAST");
                    pipeline(s, new String[] {"SET", "q", "4"}, new String[] {"CLIENT", "TRACKING", "OFF"},
                            new String[] {"CLIENT", "TRACKING", "ON", "BCAST"});
                    sameTrackingInfo(s);
                }
                // a key read before BCAST was switched on does not fire
                step(s, "CLIENT", "TRACKING", "OFF");
                step(s, "CLIENT", "TRACKING", "ON");
                step(s, "GET", "t1");
                step(s, "CLIENT", "TRACKING", "OFF");
                step(s, "CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "zz");
                w.same("SET", "t1", "1");
                pending(s, "SET of a key read before BCAST");
            }
        });
    }

    @Test
    void redirectToResp2Subscriber() {
        run(s -> {
            try (Session w = s.another(); Session r = new Session(2)) {
                long[] rid = ids(r);
                sameWithId(s, rid, "CLIENT", "TRACKING", "ON", "REDIRECT", "ID");
                step(s, "GET", "k");
                w.same("SET", "k", "1");
                pending(r, "SET k: the RESP2 target is not subscribed");
                pending(s, "SET k: nothing on the tracking connection");
                // subscribed to anything: messages on __redis__:invalidate
                r.same("SUBSCRIBE", "other");
                step(s, "GET", "k");
                w.same("SET", "k", "2");
                pending(r, "SET k to a subscriber");
                step(s, "GET", "k");
                step(s, "SET", "k", "3");
                pending(r, "own SET k");
                step(s, "GET", "k");
                s.same("MULTI");
                s.same("SET", "k", "4");
                step(s, "EXEC");
                pending(r, "own MULTI/EXEC");
                // the flush null is written in the tracking client's protocol
                step(s, "FLUSHALL");
                pending(r, "FLUSHALL");
                w.same("FLUSHDB");
                pending(r, "FLUSHDB by another client");
                w.same("SELECT", "3");
                w.same("FLUSHDB");
                pending(r, "FLUSHDB of another database");
                w.same("SWAPDB", "0", "1");
                pending(r, "SWAPDB: no invalidation");
                w.same("SELECT", "0");
                // BCAST through the redirect
                step(s, "CLIENT", "TRACKING", "OFF");
                sameWithId(s, rid, "CLIENT", "TRACKING", "ON", "BCAST", "REDIRECT", "ID", "PREFIX", "p:");
                w.same("MSET", "p:2", "1", "p:1", "1", "x", "1");
                pending(r, "BCAST MSET");
                pending(s, "BCAST MSET, tracking connection");
                r.same("UNSUBSCRIBE");
                w.same("SET", "p:3", "1");
                pending(r, "after UNSUBSCRIBE");
            }
        });
    }

    @Test
    void redirectToResp3Client() {
        run(s -> {
            try (Session w = s.another(); Session r = new Session(3)) {
                long[] rid = ids(r);
                sameWithId(s, rid, "CLIENT", "TRACKING", "ON", "REDIRECT", "ID");
                step(s, "GET", "m");
                w.same("SET", "m", "1");
                pending(r, "SET m");
                pending(s, "SET m, tracking connection");
                w.same("FLUSHALL");
                pending(r, "FLUSHALL in the tracking client's protocol");
                // the target writes: the push comes before its own reply
                step(s, "GET", "m");
                step(r, "SET", "m", "2");
            }
        });
    }

    /**
     * The redirect target writes keys the tracking client read: Redis sends the invalidation
     * before or after the target's own reply depending on where the command signals the change.
     */
    @Test
    void redirectTargetWrites() {
        run(s -> {
            try (Session r = new Session(3)) {
                long[] rid = ids(r);
                sameWithId(s, rid, "CLIENT", "TRACKING", "ON", "REDIRECT", "ID");
                String[][][] writes = {
                    {{"SET", "a", "1"}}, {{"DEL", "a"}, {"SET", "a", "1"}}, {{"INCR", "n"}}, {{"MSET", "a", "2", "n", "3"}},
                    {{"APPEND", "a", "x"}}, {{"SETRANGE", "a", "0", "y"}}, {{"EXPIRE", "a", "100"}}, {{"PERSIST", "a"}},
                    {{"LPUSH", "l", "x"}}, {{"RPUSH", "l", "y"}}, {{"RPUSH", "nl", "y"}}, {{"LPUSHX", "l", "z"}},
                    {{"LPOP", "l"}}, {{"LSET", "l", "0", "z"}}, {{"LINSERT", "l", "BEFORE", "z", "w"}},
                    {{"LMOVE", "l", "l2", "LEFT", "LEFT"}}, {{"RPOPLPUSH", "l", "l2"}}, {{"LREM", "l2", "0", "z"}},
                    {{"HSET", "h", "f", "v"}}, {{"HSET", "nh", "f", "v"}}, {{"HSETNX", "h", "g", "v"}},
                    {{"HINCRBY", "h", "n", "1"}}, {{"HINCRBYFLOAT", "h", "x", "1.5"}}, {{"HDEL", "h", "f"}},
                    {{"ZADD", "z", "1", "m"}}, {{"ZADD", "z", "2", "m"}}, {{"ZINCRBY", "z", "1", "m"}}, {{"ZREM", "z", "m"}},
                    {{"SADD", "st", "m"}}, {{"SREM", "st", "m"}}, {{"SADD", "st", "m", "n"}}, {{"SMOVE", "st", "st2", "n"}},
                    {{"SPOP", "st"}}, {{"XADD", "x", "1-1", "f", "v"}}, {{"XADD", "x", "2-1", "f", "v"}},
                    {{"GETDEL", "a"}, {"SET", "a", "1"}}, {{"GETSET", "a", "2"}}, {{"SET", "a", "3", "GET"}},
                    {{"RENAME", "a", "b"}}, {{"COPY", "b", "a"}}, {{"PFADD", "p", "x"}}, {{"SETBIT", "bits", "3", "1"}},
                };
                for (String[][] w : writes) {
                    for (int i = 1; i < w.length; i++) step(r, w[i]);
                    step(s, "MGET", w[0][1], w[0].length > 2 ? w[0][2] : w[0][1]);
                    step(r, w[0]);
                }
            }
        });
    }

    /** CLIENT REPLY OFF and SKIP do not silence invalidations; a served BLMOVE changes keys as its own client. */
    @Test
    void replyOffAndServedBlockedClient() {
        run(s -> {
            try (Session w = s.another()) {
                step(s, "CLIENT", "TRACKING", "ON");
                step(s, "GET", "k");
                send(s, "CLIENT", "REPLY", "OFF");
                pause(100); // no reply to wait for
                w.same("SET", "k", "1");
                step(s, "CLIENT", "REPLY", "ON");
                step(s, "GET", "k");
                send(s, "CLIENT", "REPLY", "SKIP");
                pause(100);
                w.same("SET", "k", "2");
                send(s, "GET", "k"); // skipped, but the key is read
                step(s, "GET", "k");
                send(s, "CLIENT", "REPLY", "SKIP");
                send(s, "SET", "k", "3"); // the reply is skipped, the client's own invalidation is not
                pending(s, "SET k after CLIENT REPLY SKIP");
                for (String[] mode : new String[][] {{"ON"}, {"ON", "NOLOOP"}}) {
                    String[] on = new String[mode.length + 2];
                    on[0] = "CLIENT";
                    on[1] = "TRACKING";
                    System.arraycopy(mode, 0, on, 2, mode.length);
                    step(s, on);
                    step(s, "GET", "dst");
                    send(s, "BLMOVE", "src", "dst", "LEFT", "LEFT", "0");
                    waitBlocked(w);
                    w.same("RPUSH", "src", "x");
                    List<String> rf = untilReply(s.real, 0, false);
                    List<String> ff = untilReply(s.fake, 0, false);
                    rf.addAll(untilPong(s.real, 0));
                    ff.addAll(untilPong(s.fake, 0));
                    assertEquals(String.join("\n", rf), String.join("\n", ff), "RESP" + s.resp + " served BLMOVE, " + String.join(" ", mode));
                }
            }
        });
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until both servers have one blocked client. */
    private static void waitBlocked(Session w) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            byte[][] info = w.both("INFO", "clients");
            if (RawConnection.show(info[0]).contains("blocked_clients:1") && RawConnection.show(info[1]).contains("blocked_clients:1")) return;
            if (System.nanoTime() > deadline) fail("the client did not block");
            pause(10);
        }
    }

    @Test
    void brokenRedirect() {
        run(s -> {
            try (Session w = s.another()) {
                long[] rid;
                try (Session r = new Session(2)) {
                    rid = ids(r);
                    sameWithId(s, rid, "CLIENT", "TRACKING", "ON", "REDIRECT", "ID");
                    step(s, "GET", "m");
                    step(s, "GET", "n");
                }
                waitGone(s, rid);
                w.same("MSET", "m", "1", "n", "2");
                pending(s, rid, "MSET with the redirect gone");
                step(s, rid, "CLIENT", "TRACKINGINFO");
                sameClientFlags(s, rid);
                step(s, rid, "SET", "m", "2");
                step(s, rid, "GET", "m");
                step(s, rid, "SET", "m", "3");
                step(s, rid, "FLUSHALL");
                step(s, rid, "CLIENT", "GETREDIR");
                step(s, rid, "CLIENT", "TRACKING", "ON");
                step(s, rid, "CLIENT", "TRACKINGINFO");
                sameClientFlags(s, null);
            }
        });
    }

    @Test
    void flushes() {
        run(s -> {
            try (Session w = s.another(); Session b = s.another()) {
                step(s, "CLIENT", "TRACKING", "ON");
                step(b, "CLIENT", "TRACKING", "ON", "BCAST", "NOLOOP", "PREFIX", "zz");
                step(s, "MGET", "a", "b");
                w.same("FLUSHALL");
                pending(s, "FLUSHALL by another client");
                pending(b, "FLUSHALL, BCAST client");
                sameTrackingInfo(s);
                step(s, "FLUSHDB");
                pending(b, "FLUSHDB, BCAST client");
                step(b, "FLUSHALL", "ASYNC");
                pending(s, "FLUSHALL ASYNC");
                step(b, "FLUSHDB", "x");
                s.same("MULTI");
                s.same("FLUSHDB");
                s.same("SET", "a", "1");
                step(s, "EXEC");
                pending(b, "FLUSHDB in MULTI");
                step(s, "EVAL", "redis.call('flushdb') return 1", "0");
                pending(b, "FLUSHDB in a script");
            }
        });
    }

    @Test
    void expiry() {
        run(s -> {
            try (Session w = s.another(); Session r = new Session(2)) {
                step(s, "CLIENT", "TRACKING", "ON");
                w.same("SET", "e1", "v", "PX", "400");
                step(s, "GET", "e1");
                waitEmpty(w);
                pending(s, "active expiry");
                // with the redirect also hearing keyspace events: 'expired' comes first
                long[] rid = ids(r);
                w.same("CONFIG", "SET", "notify-keyspace-events", "KEA");
                try {
                    for (String ch : new String[] {"__redis__:invalidate", "__keyevent@0__:expired", "__keyevent@0__:set",
                        "__keyevent@0__:del"}) {
                        r.same("SUBSCRIBE", ch);
                    }
                    sameWithId(s, rid, "CLIENT", "TRACKING", "ON", "REDIRECT", "ID");
                    step(s, "GET", "x1");
                    w.same("SET", "x1", "v");
                    pending(r, "SET with keyspace events");
                    step(s, "GET", "x1");
                    w.same("DEL", "x1");
                    pending(r, "DEL with keyspace events");
                    w.same("SET", "x2", "v", "PX", "400");
                    step(s, "GET", "x2");
                    waitEmpty(w);
                    pending(r, "expiry with keyspace events");
                } finally {
                    w.same("CONFIG", "SET", "notify-keyspace-events", "");
                }
            }
        });
    }

    @Test
    void transactionsAndScripts() {
        run(s -> {
            try (Session w = s.another()) {
                step(s, "CLIENT", "TRACKING", "ON");
                step(s, "MGET", "a", "b", "c");
                w.same("MULTI");
                w.same("SET", "a", "1");
                w.same("INCR", "b");
                w.same("EXEC");
                pending(s, "MULTI/EXEC writer");
                step(s, "MGET", "a", "b", "c");
                w.same("EVAL", "redis.call('set', 'a', '2') redis.call('del', 'c') return redis.call('incr', 'b')", "0");
                pending(s, "EVAL writer");
                w.same("FUNCTION", "LOAD", "REPLACE", "#!lua name=trk\nredis.register_function('w', function(keys) "
                        + "return redis.call('set', keys[1], 'f') end)");
                step(s, "GET", "a");
                w.same("FCALL", "w", "1", "a");
                pending(s, "FCALL writer");
                // the caller's own script: reply, then the invalidations
                step(s, "MGET", "a", "b");
                step(s, "EVAL", "redis.call('set', 'a', '3') redis.call('set', 'b', '3') return 5", "0");
                step(s, "MGET", "a", "b");
                s.same("MULTI");
                s.same("SET", "a", "4");
                s.same("GET", "b");
                s.same("SET", "b", "4");
                step(s, "EXEC");
                // a script's reads count with the caller's declared keys
                step(s, "EVAL", "return redis.call('get', KEYS[1])", "1", "s1");
                step(s, "EVAL", "return redis.call('get', 's2')", "0");
                step(s, "EVAL", "return redis.call('get', 's3')", "1", "s4");
                step(s, "EVAL_RO", "return redis.call('get', 's5')", "1", "s6");
                step(s, "EVAL_RO", "return 1", "1", "s7");
                step(s, "EVAL", "return redis.call('dbsize')", "1", "s8");
                step(s, "EVAL", "return redis.call('ping')", "1", "s9");
                step(s, "FCALL_RO", "nosuch", "1", "s10");
                w.same("MSET", "s1", "1", "s2", "1", "s3", "1", "s4", "1", "s5", "1", "s6", "1", "s7", "1", "s8", "1",
                        "s9", "1", "s10", "1");
                pending(s, "MSET of keys scripts read");
                w.same("FUNCTION", "DELETE", "trk");
            }
        });
    }

    @Test
    void resetAndInfo() {
        run(s -> {
            try (Session w = s.another(); Session b = s.another()) {
                sameTrackingInfo(s);
                step(s, "CLIENT", "TRACKING", "ON");
                step(b, "CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "x", "PREFIX", "y");
                step(s, "MGET", "a", "b", "c");
                step(w, "CLIENT", "TRACKING", "ON");
                step(w, "GET", "a");
                sameTrackingInfo(s);
                step(w, "SET", "a", "1");
                pending(s, "SET a");
                sameTrackingInfo(s);
                step(s, "RESET");
                step(s, "CLIENT", "TRACKINGINFO");
                sameTrackingInfo(s);
                step(w, "SET", "b", "1");
                pending(s, "SET b after RESET");
                step(b, "CLIENT", "TRACKING", "OFF");
                sameTrackingInfo(s);
            }
            try (Session s2 = s.another()) {
                sameTrackingInfo(s2);
            }
        });
    }

    @Test
    void trackingTableLimit() {
        run(s -> {
            try (Session w = s.another()) {
                w.same("CONFIG", "SET", "tracking-table-max-keys", "2");
                try {
                    step(s, "CLIENT", "TRACKING", "ON");
                    step(s, "MGET", "a", "b");
                    sameTrackingInfo(s);
                    // the table is trimmed before the next command, random keys first: compare the counts
                    send(s, "MGET", "c", "d", "e");
                    String real = String.join("\n", untilReply(s.real, 0, false)) + String.join("\n", untilPong(s.real, 0));
                    String fake = String.join("\n", untilReply(s.fake, 0, false)) + String.join("\n", untilPong(s.fake, 0));
                    assertEquals(real.split("invalidate", -1).length, fake.split("invalidate", -1).length,
                            "RESP" + s.resp + " invalidations when trimming\n  redis: " + real + "\n  fake:  " + fake);
                    sameTrackingInfo(s);
                } finally {
                    w.same("CONFIG", "SET", "tracking-table-max-keys", "1000000");
                }
            }
        });
    }
}
