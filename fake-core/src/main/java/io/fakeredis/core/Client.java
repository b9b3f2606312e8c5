package io.fakeredis.core;

import io.fakeredis.core.command.Command;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.util.Bytes;

/**
 * The state of one connection (or of an in-process caller), like Redis's {@code client}. Commands
 * read {@link #argv} and answer through {@link #reply}. Only touched under the engine lock.
 */
public final class Client {
    /** Where a client lives: a socket, the typed API, a script. */
    public interface Transport {
        /** Peer address as CLIENT LIST prints it, e.g. 127.0.0.1:51234. */
        default String addr() { return ""; }
        default String laddr() { return ""; }
        default int fd() { return -1; }
        /** Bytes waiting in the output buffer, for CLIENT LIST omem and output limits. */
        default long outputBufferBytes() { return 0; }
        /** Replies were added outside the client's own command (pub/sub, unblocking): flush them. */
        default void wake() {}
        /** Close after pending replies are written (QUIT, CLIENT KILL). */
        default void closeAfterReply() {}
        /** Drop the connection now, discarding pending output (output buffer limits). */
        default void closeNow() { closeAfterReply(); }
    }

    public final long id;
    public final Engine engine;
    public final Transport transport;
    public ReplySink reply;
    public byte[][] argv;
    public Database db;
    public String name;
    public String libName;
    public String libVer;
    public String user = "default";
    /** The ACL user this client is authenticated as (default until AUTH). */
    public io.fakeredis.core.acl.User aclUser;
    public boolean authenticated;
    public final long createdMs;
    public long lastInteractionMs;
    /** The command being run, and the last one run. */
    public Command cmd;
    public Command lastCmd;
    /** Set by QUIT, CLIENT KILL, protocol errors: the connection closes once replies are out. */
    public boolean closing;
    /** MULTI state, null outside a transaction. */
    public io.fakeredis.core.multi.Transactions.State multi;
    /** A watched key changed: the next EXEC fails. */
    public boolean dirtyCas;
    /** Keys this client WATCHes, null when none. Managed by Transactions. */
    public java.util.List<io.fakeredis.core.multi.Transactions.Watch> watches;
    /** Parked by a blocking command: the transport holds further commands until it is woken. */
    public boolean blocked;
    /**
     * Set while the client's commands run inside MULTI/EXEC (or wherever blocking is not
     * allowed): blocking commands then answer at once as if their timeout had expired.
     */
    public boolean inMulti;
    /** In MONITOR mode (Redis's CLIENT_MONITOR): fed every command, and kept off the keyspace. */
    public boolean monitor;
    /** The arguments MONITOR and SLOWLOG show when a command hid some of them (a password); null otherwise. */
    byte[][] shownArgv;
    private static final byte[] REDACTED = Bytes.utf8("(redacted)");
    /** CLIENT TRACKING settings, null until the client first turns tracking on. Managed by tracking.Tracking. */
    public io.fakeredis.core.tracking.Tracking.State tracking;

    Client(Engine engine, long id, Transport transport, ReplySink reply) {
        this.engine = engine;
        this.id = id;
        this.transport = transport;
        this.reply = reply;
        this.db = engine.db(0);
        this.createdMs = engine.clock().millis();
        this.lastInteractionMs = createdMs;
        this.aclUser = engine.acl.defaultUser();
        this.authenticated = engine.acl.authenticatedOnConnect();
    }

    public int argc() {
        return argv.length;
    }

    public int resp() {
        return reply.resp();
    }

    public int dbIndex() {
        return db.id;
    }

    /** redactClientCommandArgument: MONITOR and SLOWLOG show argument i of the running command as "(redacted)". */
    public void redact(int i) {
        if (shownArgv == null) shownArgv = argv.clone();
        shownArgv[i] = REDACTED;
    }
}
