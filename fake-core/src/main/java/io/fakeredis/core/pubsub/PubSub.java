package io.fakeredis.core.pubsub;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.db.Database;
import java.util.List;

/** Channels, patterns and shard channels, and keyspace notifications delivered through them. */
public final class PubSub {
    private final Engine engine;

    public PubSub(Engine engine) {
        this.engine = engine;
    }

    /** A message seen by PUBLISH/SPUBLISH or the typed API, kept for test assertions. */
    public record Published(byte[] channel, byte[] message, long timeMs, int receivers) {}

    /** Every message published so far, oldest first. */
    public List<Published> published() {
        return List.of();
    }

    public void clearPublished() {
    }

    /** Publishes a keyspace event already known to be enabled for its class. */
    public void keyspaceEvent(int flags, String event, Database db, byte[] key) {
    }

    /** RESP2 clients with subscriptions may only run (P|S)(UN)SUBSCRIBE, PING, QUIT and RESET. */
    public boolean inSubscribedContext(Client c) {
        return false;
    }

    /** Subscription counts of a client, for CLIENT LIST sub/psub/ssub. */
    public int channels(Client c) {
        return 0;
    }

    public int patterns(Client c) {
        return 0;
    }

    public int shardChannels(Client c) {
        return 0;
    }

    /** Server-wide totals, for INFO stats pubsub_channels / pubsub_patterns. */
    public int channelCount() {
        return 0;
    }

    public int patternCount() {
        return 0;
    }

    /** Drops every subscription of a client that disconnected or was reset. */
    public void onDisconnect(Client c) {
    }
}
