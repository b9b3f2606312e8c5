package io.fakeredis.core.pubsub;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.db.Database;

/** Channels, patterns and shard channels, and keyspace notifications delivered through them. */
public final class PubSub {
    private final Engine engine;

    public PubSub(Engine engine) {
        this.engine = engine;
    }

    /** Publishes a keyspace event already known to be enabled for its class. */
    public void keyspaceEvent(int flags, String event, Database db, byte[] key) {
    }

    /** RESP2 clients with subscriptions may only run (P|S)(UN)SUBSCRIBE, PING, QUIT and RESET. */
    public boolean inSubscribedContext(Client c) {
        return false;
    }

    public void onDisconnect(Client c) {
    }
}
