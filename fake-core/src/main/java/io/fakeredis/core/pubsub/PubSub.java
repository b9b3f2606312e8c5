package io.fakeredis.core.pubsub;

import io.fakeredis.core.util.ByteKey;
import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.Notify;
import io.fakeredis.core.ReplySink;
import io.fakeredis.core.db.Database;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Channels, patterns and shard channels, and keyspace notifications delivered through them, as
 * Redis's pubsub.c. Everything here runs under the engine lock.
 *
 * <p>An inverted index maps each channel to its receivers, and patterns are kept in a list, so a
 * PUBLISH costs O(receivers of the channel + number of patterns). Receiver lists are copied on
 * write: a publish iterates a stable array even if a delivery drops a client or a listener
 * unsubscribes.
 */
public final class PubSub {
    /** Receives messages published to a channel, in-process. */
    @FunctionalInterface
    public interface MessageListener {
        void onMessage(byte[] channel, byte[] message);
    }

    /** Receives messages whose channel matches a pattern, in-process. */
    @FunctionalInterface
    public interface PatternListener {
        void onMessage(byte[] pattern, byte[] channel, byte[] message);
    }

    /** An in-process subscription; closing it unsubscribes. Closing twice is harmless. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** A message seen by PUBLISH/SPUBLISH or the typed API, kept for test assertions. */
    public record Published(byte[] channel, byte[] message, long timeMs, int receivers) {}

    /** Oldest published messages are forgotten beyond this many. */
    public static final int PUBLISHED_LIMIT = 10_000;
    private static final int ERRORS_LIMIT = 1_000;

    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] PMESSAGE = ascii("pmessage");
    private static final byte[] SMESSAGE = ascii("smessage");
    private static final Receiver[] NO_RECEIVERS = new Receiver[0];
    private static final Entry[] NO_ENTRIES = new Entry[0];

    private final Engine engine;
    private final Map<ByteKey, Entry> channels = new HashMap<>();
    private final Map<ByteKey, Entry> shardChannels = new HashMap<>();
    private final Map<ByteKey, Entry> patterns = new HashMap<>();
    /** Patterns in subscription order, copied on write. */
    private Entry[] patternList = NO_ENTRIES;
    /** Wire clients with at least one subscription. */
    private final Map<Client, ClientSubs> clients = new IdentityHashMap<>();
    private final ArrayDeque<Published> published = new ArrayDeque<>();
    private final List<Throwable> listenerErrors = new ArrayList<>();

    /** Parsed pubsub class of client-output-buffer-limit, refreshed when the config string changes. */
    private String limitSource;
    private long hardLimit;
    private long softLimit;
    private long softSeconds;

    public PubSub(Engine engine) {
        this.engine = engine;
    }

    // ---- test-facing views ----

    /** Every message published so far, oldest first (the last {@link #PUBLISHED_LIMIT}). */
    public List<Published> published() {
        engine.lock.lock();
        try {
            return new ArrayList<>(published);
        } finally {
            engine.lock.unlock();
        }
    }

    public void clearPublished() {
        engine.lock.lock();
        try {
            published.clear();
        } finally {
            engine.lock.unlock();
        }
    }

    /** Exceptions thrown by in-process listeners (the last 1000); delivery went on regardless. */
    public List<Throwable> listenerErrors() {
        engine.lock.lock();
        try {
            return new ArrayList<>(listenerErrors);
        } finally {
            engine.lock.unlock();
        }
    }

    // ---- state accessors ----

    /** RESP2 clients with subscriptions may only run (P|S)(UN)SUBSCRIBE, PING, QUIT and RESET. */
    public boolean inSubscribedContext(Client c) {
        // Redis 7.0 keeps CLIENT_PUBSUB while any channel, pattern or shard channel remains.
        return c.resp() == 2 && !clients.isEmpty() && clients.containsKey(c);
    }

    /** Subscription counts of a client, for CLIENT LIST sub/psub/ssub. */
    public int channels(Client c) {
        ClientSubs s = clients.get(c);
        return s == null ? 0 : s.channels.size();
    }

    public int patterns(Client c) {
        ClientSubs s = clients.get(c);
        return s == null ? 0 : s.patterns.size();
    }

    public int shardChannels(Client c) {
        ClientSubs s = clients.get(c);
        return s == null ? 0 : s.shard.size();
    }

    /** A client's subscribed names of one kind (ACL checks them when a user's channels shrink). */
    public List<byte[]> subscriptions(Client c, Kind kind) {
        ClientSubs s = clients.get(c);
        List<byte[]> out = new ArrayList<>();
        if (s != null) for (ByteKey k : s.set(kind)) out.add(k.bytes);
        return out;
    }

    /** Server-wide totals, for INFO stats pubsub_channels / pubsub_patterns. */
    public int channelCount() {
        return channels.size();
    }

    public int patternCount() {
        return patterns.size();
    }

    public int shardChannelCount() {
        return shardChannels.size();
    }

    /** Drops every subscription of a client that disconnected or was reset. */
    public void onDisconnect(Client c) {
        ClientSubs s = clients.remove(c);
        if (s == null) return;
        for (ByteKey k : s.channels) removeReceiver(channels, k, s, false);
        for (ByteKey k : s.patterns) removeReceiver(patterns, k, s, true);
        for (ByteKey k : s.shard) removeReceiver(shardChannels, k, s, false);
        s.channels.clear();
        s.patterns.clear();
        s.shard.clear();
    }

    // ---- wire commands (called by PubSubCommands) ----

    /** The three kinds of subscription and their reply words. */
    public enum Kind {
        CHANNEL("subscribe", "unsubscribe"),
        PATTERN("psubscribe", "punsubscribe"),
        SHARD("ssubscribe", "sunsubscribe");

        final byte[] subscribeWord;
        final byte[] unsubscribeWord;

        Kind(String sub, String unsub) {
            this.subscribeWord = ascii(sub);
            this.unsubscribeWord = ascii(unsub);
        }
    }

    /** SUBSCRIBE / PSUBSCRIBE / SSUBSCRIBE of one name, with its confirmation. */
    public void subscribe(Client c, Kind kind, byte[] name) {
        ClientSubs s = clients.computeIfAbsent(c, ClientSubs::new);
        ByteKey k = new ByteKey(name);
        if (s.set(kind).add(k)) addReceiver(index(kind), k, s, kind == Kind.PATTERN);
        confirm(c, kind.subscribeWord, name, s.count(kind));
    }

    /** (P|S)UNSUBSCRIBE of one name, with its confirmation. */
    public void unsubscribe(Client c, Kind kind, byte[] name) {
        ClientSubs s = clients.get(c);
        ByteKey k = new ByteKey(name);
        if (s != null && s.set(kind).remove(k)) {
            removeReceiver(index(kind), k, s, kind == Kind.PATTERN);
            if (s.total() == 0) clients.remove(c);
        }
        confirm(c, kind.unsubscribeWord, name, s == null ? 0 : s.count(kind));
    }

    /** (P|S)UNSUBSCRIBE without arguments: every name, or one reply with a null name if none. */
    public void unsubscribeAll(Client c, Kind kind) {
        ClientSubs s = clients.get(c);
        if (s == null || s.set(kind).isEmpty()) {
            confirm(c, kind.unsubscribeWord, null, s == null ? 0 : s.count(kind));
            return;
        }
        for (ByteKey k : new ArrayList<>(s.set(kind))) unsubscribe(c, kind, k.bytes);
    }

    private static void confirm(Client c, byte[] word, byte[] name, int count) {
        ReplySink r = c.reply;
        r.push(3);
        r.bulk(word);
        if (name == null) r.nullBulk();
        else r.bulk(name);
        r.integer(count);
    }

    /**
     * PUBLISH: delivers to channel then pattern subscribers; returns the number of receivers.
     * Safe from any thread (the lock is reentrant for command procs that already hold it).
     */
    public int publish(byte[] channel, byte[] message) {
        engine.lock.lock();
        try {
            int n = deliver(channel, message, false);
            record(channel, message, n);
            return n;
        } finally {
            engine.lock.unlock();
        }
    }

    /** SPUBLISH: delivers to shard channel subscribers. */
    public int spublish(byte[] channel, byte[] message) {
        engine.lock.lock();
        try {
            int n = deliver(channel, message, true);
            record(channel, message, n);
            return n;
        } finally {
            engine.lock.unlock();
        }
    }

    /** Names of active channels (shard or not) matching an optional pattern. */
    public List<byte[]> activeChannels(boolean shard, byte[] pattern) {
        List<byte[]> out = new ArrayList<>();
        for (Entry e : (shard ? shardChannels : channels).values()) {
            if (pattern == null || match(pattern, e.name)) out.add(e.name);
        }
        return out;
    }

    /** Subscribers of one channel, patterns excluded (PUBSUB NUMSUB / SHARDNUMSUB). */
    public int subscribers(boolean shard, byte[] channel) {
        Entry e = (shard ? shardChannels : channels).get(new ByteKey(channel));
        return e == null ? 0 : e.receivers.length;
    }

    // ---- keyspace notifications ----

    /** Publishes a keyspace event already known to be enabled for its class. */
    public void keyspaceEvent(int flags, String event, Database db, byte[] key) {
        int cfg = engine.config().notifyFlags();
        // Nobody can hear it: skip building the channel names.
        if (channels.isEmpty() && patternList.length == 0) return;
        byte[] ev = event.getBytes(StandardCharsets.US_ASCII);
        if ((cfg & Notify.KEYSPACE) != 0) {
            deliver(concat("__keyspace@" + db.id + "__:", key), ev, false);
        }
        if ((cfg & Notify.KEYEVENT) != 0) {
            deliver(concat("__keyevent@" + db.id + "__:", ev), key, false);
        }
    }

    private static byte[] concat(String prefix, byte[] tail) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(p, p.length + tail.length);
        System.arraycopy(tail, 0, out, p.length, tail.length);
        return out;
    }

    // ---- in-process API ----

    /** Subscribes a listener to a channel; messages arrive under the engine lock, in publish order. */
    public Subscription subscribe(byte[] channel, MessageListener listener) {
        return addListener(channels, channel, new ListenerReceiver(listener, null), false);
    }

    public Subscription subscribe(String channel, MessageListener listener) {
        return subscribe(channel.getBytes(StandardCharsets.UTF_8), listener);
    }

    /** Subscribes a listener to a glob pattern, matched like PSUBSCRIBE. */
    public Subscription psubscribe(byte[] pattern, PatternListener listener) {
        return addListener(patterns, pattern, new ListenerReceiver(null, listener), true);
    }

    public Subscription psubscribe(String pattern, PatternListener listener) {
        return psubscribe(pattern.getBytes(StandardCharsets.UTF_8), listener);
    }

    /** Publishes from the typed API; in-process and wire subscribers both count. */
    public int publish(String channel, String message) {
        return publish(channel.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8));
    }

    private Subscription addListener(Map<ByteKey, Entry> index, byte[] name, ListenerReceiver r, boolean pattern) {
        ByteKey k = new ByteKey(name.clone());
        engine.lock.lock();
        try {
            addReceiver(index, k, r, pattern);
        } finally {
            engine.lock.unlock();
        }
        return () -> {
            engine.lock.lock();
            try {
                if (r.closed) return;
                r.closed = true;
                removeReceiver(index, k, r, pattern);
            } finally {
                engine.lock.unlock();
            }
        };
    }

    // ---- delivery ----

    private int deliver(byte[] channel, byte[] message, boolean shard) {
        refreshLimits();
        int n = 0;
        Entry e = (shard ? shardChannels : channels).get(new ByteKey(channel));
        if (e != null) {
            byte[] word = shard ? SMESSAGE : MESSAGE;
            Frames f = new Frames(word, channel, message);
            for (Receiver r : e.receivers) {
                r.message(f, word, channel, message);
                n++;
            }
        }
        if (!shard) {
            for (Entry p : patternList) {
                if (!match(p.name, channel)) continue;
                Frames f = new Frames(PMESSAGE, p.name, channel, message);
                for (Receiver r : p.receivers) {
                    r.pmessage(f, p.name, channel, message);
                    n++;
                }
            }
        }
        return n;
    }

    private void record(byte[] channel, byte[] message, int receivers) {
        if (published.size() >= PUBLISHED_LIMIT) published.pollFirst();
        published.addLast(new Published(channel.clone(), message.clone(), engine.clock().millis(), receivers));
    }

    private Map<ByteKey, Entry> index(Kind kind) {
        switch (kind) {
            case PATTERN: return patterns;
            case SHARD: return shardChannels;
            default: return channels;
        }
    }

    private void addReceiver(Map<ByteKey, Entry> index, ByteKey k, Receiver r, boolean pattern) {
        Entry e = index.get(k);
        if (e == null) {
            e = new Entry(k.bytes);
            index.put(k, e);
            if (pattern) {
                patternList = Arrays.copyOf(patternList, patternList.length + 1);
                patternList[patternList.length - 1] = e;
            }
        }
        Receiver[] a = Arrays.copyOf(e.receivers, e.receivers.length + 1);
        a[a.length - 1] = r;
        e.receivers = a;
    }

    private void removeReceiver(Map<ByteKey, Entry> index, ByteKey k, Receiver r, boolean pattern) {
        Entry e = index.get(k);
        if (e == null) return;
        Receiver[] a = e.receivers;
        int i = 0;
        while (i < a.length && a[i] != r) i++;
        if (i == a.length) return;
        if (a.length == 1) {
            e.receivers = NO_RECEIVERS;
            index.remove(k);
            if (pattern) {
                Entry[] pl = patternList;
                int j = 0;
                while (pl[j] != e) j++;
                Entry[] np = new Entry[pl.length - 1];
                System.arraycopy(pl, 0, np, 0, j);
                System.arraycopy(pl, j + 1, np, j, pl.length - j - 1);
                patternList = np;
            }
            return;
        }
        Receiver[] na = new Receiver[a.length - 1];
        System.arraycopy(a, 0, na, 0, i);
        System.arraycopy(a, i + 1, na, i, a.length - i - 1);
        e.receivers = na;
    }

    /**
     * client-output-buffer-limit for the pubsub class: over the hard limit, or over the soft
     * limit for longer than its seconds (engine clock), the subscriber is dropped at once, without
     * flushing, as Redis's closeClientOnOutputBufferLimitReached does.
     */
    private void checkOutputLimit(ClientSubs s) {
        Client c = s.client;
        if (hardLimit == 0 && softLimit == 0) return;
        long used = c.transport.outputBufferBytes();
        boolean over = hardLimit > 0 && used >= hardLimit;
        if (!over && softLimit > 0 && used >= softLimit) {
            long now = engine.now();
            if (s.softSince < 0) s.softSince = now;
            else if (now - s.softSince > softSeconds * 1000) over = true;
        } else if (!over) {
            s.softSince = -1;
        }
        if (!over) return;
        c.closing = true;
        onDisconnect(c);
        c.transport.closeNow();
    }

    /** Once per delivery, not per subscriber: the config lookup is a map read. */
    private void refreshLimits() {
        String src = engine.config().get("client-output-buffer-limit");
        if (src != limitSource) parseLimits(src);
    }

    private void parseLimits(String src) {
        limitSource = src;
        hardLimit = softLimit = softSeconds = 0;
        if (src == null) return;
        String[] f = src.trim().split("\\s+");
        for (int i = 0; i + 3 < f.length; i += 4) {
            if (!f[i].equalsIgnoreCase("pubsub")) continue;
            try {
                hardLimit = memory(f[i + 1]);
                softLimit = memory(f[i + 2]);
                softSeconds = Long.parseLong(f[i + 3]);
            } catch (NumberFormatException e) {
                hardLimit = softLimit = softSeconds = 0;
            }
        }
    }

    /** Redis's memtoull: a number with an optional k/kb/m/mb/g/gb suffix. */
    private static long memory(String s) {
        String l = s.toLowerCase(java.util.Locale.ROOT);
        long mul = 1;
        String[][] units = {{"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"}, {"k", "1000"}, {"m", "1000000"},
            {"g", "1000000000"}, {"b", "1"}};
        for (String[] u : units) {
            if (l.endsWith(u[0])) {
                mul = Long.parseLong(u[1]);
                l = l.substring(0, l.length() - u[0].length());
                break;
            }
        }
        return Long.parseLong(l) * mul;
    }

    private void listenerFailed(Throwable t) {
        if (listenerErrors.size() >= ERRORS_LIMIT) listenerErrors.remove(0);
        listenerErrors.add(t);
        System.err.println("fakeredis: pub/sub listener threw " + t);
    }

    /** Channel patterns use the one glob matcher; unlike KEYS, '*' does not match an empty name. */
    static boolean match(byte[] pattern, byte[] string) {
        return io.fakeredis.core.util.Glob.match(pattern, string);
    }

    // ---- internals ----

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A channel or pattern with its receivers in subscription order. */
    private static final class Entry {
        final byte[] name;
        Receiver[] receivers = NO_RECEIVERS;

        Entry(byte[] name) {
            this.name = name;
        }
    }

    /** A wire client or an in-process listener. */
    private abstract static class Receiver {
        abstract void message(Frames f, byte[] word, byte[] channel, byte[] message);

        abstract void pmessage(Frames f, byte[] pattern, byte[] channel, byte[] message);
    }

    /**
     * One delivery's frames, RESP2 and RESP3, encoded on first need: a thousand subscribers of a
     * channel then cost a copy each, not a thousand encodings.
     */
    private static final class Frames {
        private byte[] resp2;
        private byte[] resp3;
        private final byte[][] parts;

        Frames(byte[]... parts) {
            this.parts = parts;
        }

        byte[] get(int resp) {
            if (resp == 2) return resp2 != null ? resp2 : (resp2 = encode('*'));
            return resp3 != null ? resp3 : (resp3 = encode('>'));
        }

        private byte[] encode(char type) {
            int n = 0;
            for (byte[] p : parts) n += p.length + 16;
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(n + 8);
            header(out, type, parts.length);
            for (byte[] p : parts) {
                header(out, '$', p.length);
                out.write(p, 0, p.length);
                out.write('\r');
                out.write('\n');
            }
            return out.toByteArray();
        }

        private static void header(java.io.ByteArrayOutputStream out, char type, int n) {
            out.write(type);
            byte[] digits = Integer.toString(n).getBytes(StandardCharsets.US_ASCII);
            out.write(digits, 0, digits.length);
            out.write('\r');
            out.write('\n');
        }
    }

    /** A wire client's subscriptions, in subscription order. */
    private final class ClientSubs extends Receiver {
        final Client client;
        final LinkedHashSet<ByteKey> channels = new LinkedHashSet<>();
        final LinkedHashSet<ByteKey> patterns = new LinkedHashSet<>();
        final LinkedHashSet<ByteKey> shard = new LinkedHashSet<>();
        /** When the soft output limit was first exceeded, engine clock; -1 when under it. */
        long softSince = -1;

        ClientSubs(Client client) {
            this.client = client;
        }

        LinkedHashSet<ByteKey> set(Kind kind) {
            switch (kind) {
                case PATTERN: return patterns;
                case SHARD: return shard;
                default: return channels;
            }
        }

        /** The running count in confirmations: channels + patterns, or shard channels alone. */
        int count(Kind kind) {
            return kind == Kind.SHARD ? shard.size() : channels.size() + patterns.size();
        }

        int total() {
            return channels.size() + patterns.size() + shard.size();
        }

        @Override
        void message(Frames f, byte[] word, byte[] channel, byte[] message) {
            if (client.closing) return;
            ReplySink r = client.reply;
            if (!r.encoded(f.get(r.resp()))) {
                r.push(3);
                r.bulk(word);
                r.bulk(channel);
                r.bulk(message);
            }
            delivered();
        }

        @Override
        void pmessage(Frames f, byte[] pattern, byte[] channel, byte[] message) {
            if (client.closing) return;
            ReplySink r = client.reply;
            if (!r.encoded(f.get(r.resp()))) {
                r.push(4);
                r.bulk(PMESSAGE);
                r.bulk(pattern);
                r.bulk(channel);
                r.bulk(message);
            }
            delivered();
        }

        private void delivered() {
            checkOutputLimit(this);
            if (!client.closing) client.transport.wake();
        }
    }

    /** An in-process listener; exceptions are collected and never stop delivery. */
    private final class ListenerReceiver extends Receiver {
        final MessageListener onMessage;
        final PatternListener onPattern;
        boolean closed;

        ListenerReceiver(MessageListener onMessage, PatternListener onPattern) {
            this.onMessage = onMessage;
            this.onPattern = onPattern;
        }

        @Override
        void message(Frames f, byte[] word, byte[] channel, byte[] message) {
            if (closed || onMessage == null) return;
            try {
                onMessage.onMessage(channel.clone(), message.clone());
            } catch (RuntimeException | Error e) {
                listenerFailed(e);
            }
        }

        @Override
        void pmessage(Frames f, byte[] pattern, byte[] channel, byte[] message) {
            if (closed || onPattern == null) return;
            try {
                onPattern.onMessage(pattern.clone(), channel.clone(), message.clone());
            } catch (RuntimeException | Error e) {
                listenerFailed(e);
            }
        }
    }
}
