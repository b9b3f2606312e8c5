package io.fakeredis.core.acl;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.cmd.ServerCommands;
import io.fakeredis.core.command.Command;
import io.fakeredis.core.command.CommandTable;
import io.fakeredis.core.pubsub.PubSub;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/** The engine's ACL users, as Redis's acl.c: the default user carries requirepass. */
public final class Acl {
    /** ACLCommandCategories, in Redis's order. */
    public static final String[] CATEGORIES = {
        "keyspace", "read", "write", "set", "sortedset", "list", "hash", "string", "bitmap", "hyperloglog",
        "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking", "dangerous", "connection",
        "transaction", "scripting"
    };

    public static int categoryIndex(String lower) {
        for (int i = 0; i < CATEGORIES.length; i++) if (CATEGORIES[i].equals(lower)) return i;
        return -1;
    }

    private final Engine engine;
    private final CommandTable table;
    /** By name; Redis keeps users in a radix tree, so they list in byte order. */
    private final TreeMap<String, User> users = new TreeMap<>();
    private final User defaultUser;
    /** The requirepass value last copied into the default user. */
    private String syncedRequirepass = "";

    public Acl(Engine engine) {
        this.engine = engine;
        this.table = engine.commands();
        defaultUser = new User("default", table.size());
        defaultUser.apply(table, bytes("+@all"));
        defaultUser.apply(table, bytes("~*"));
        defaultUser.apply(table, bytes("&*"));
        defaultUser.apply(table, bytes("on"));
        defaultUser.apply(table, bytes("nopass"));
        defaultUser.update(table);
        users.put("default", defaultUser);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** CONFIG SET requirepass is the default user's password: follow it when it changed. */
    private void sync() {
        String rp = engine.config().requirepass();
        if (rp.equals(syncedRequirepass)) return;
        syncedRequirepass = rp;
        defaultUser.apply(table, bytes("resetpass"));
        if (rp.isEmpty()) defaultUser.apply(table, bytes("nopass"));
        else defaultUser.apply(table, rp.getBytes(StandardCharsets.UTF_8).length == rp.length()
                ? bytes(">" + rp) : (">" + rp).getBytes(StandardCharsets.UTF_8));
    }

    public User defaultUser() {
        sync();
        return defaultUser;
    }

    /** A new connection is authenticated when the default user needs no password. */
    public boolean authenticatedOnConnect() {
        sync();
        return defaultUser.enabled && defaultUser.nopass;
    }

    public User user(String name) {
        sync();
        return users.get(name);
    }

    public Collection<User> users() {
        sync();
        return users.values();
    }

    /** Null when the credentials are wrong or the user is disabled. */
    public User authenticate(byte[] name, byte[] pass) {
        User u = user(new String(name, StandardCharsets.ISO_8859_1));
        if (u == null || !u.enabled || !u.checkPassword(pass)) return null;
        return u;
    }

    /** ACL SETUSER: all rules apply, or none. */
    public void setUser(String name, byte[][] argv, int from) {
        sync();
        if (name.indexOf(' ') >= 0 || name.indexOf('\0') >= 0) {
            throw new RedisException("ERR Usernames can't contain spaces or null characters");
        }
        User existing = users.get(name);
        User u = existing != null ? existing.copy(table.size()) : new User(name, table.size());
        for (byte[] op : mergeSelectors(argv, from)) {
            try {
                u.apply(table, op);
            } catch (RedisException e) {
                throw new RedisException("ERR Error in ACL SETUSER modifier '"
                        + new String(op, StandardCharsets.ISO_8859_1) + "': " + e.getMessage());
            }
        }
        u.update(table);
        if (existing != null) {
            existing.copyFrom(u);
            if (!existing.allChannels) killSubscribersNoLongerAllowed(existing);
        } else {
            users.put(name, u);
        }
    }

    /** ACLKillPubsubClientsIfNeeded: subscribers of a channel the user may no longer use are dropped. */
    private void killSubscribersNoLongerAllowed(User u) {
        for (Client c : new ArrayList<>(engine.clients())) {
            if (c.aclUser != u) continue;
            boolean ok = true;
            for (byte[] ch : engine.pubsub().subscriptions(c, PubSub.Kind.CHANNEL)) ok &= u.channelAllowed(ch, false);
            for (byte[] ch : engine.pubsub().subscriptions(c, PubSub.Kind.SHARD)) ok &= u.channelAllowed(ch, false);
            for (byte[] p : engine.pubsub().subscriptions(c, PubSub.Kind.PATTERN)) ok &= u.channelAllowed(p, true);
            if (!ok) {
                c.closing = true;
                c.transport.closeAfterReply();
            }
        }
    }

    /** ACLMergeSelectorArguments: a selector may span arguments, "(~k" "+get)" is "(~k +get)". */
    private static List<byte[]> mergeSelectors(byte[][] argv, int from) {
        List<byte[]> ops = new ArrayList<>();
        StringBuilder open = null;
        String start = null;
        for (int i = from; i < argv.length; i++) {
            String a = new String(argv[i], StandardCharsets.ISO_8859_1);
            if (open != null) {
                open.append(' ').append(a);
                if (a.endsWith(")")) {
                    ops.add(bytes(open.toString()));
                    open = null;
                }
            } else if (a.startsWith("(") && !a.endsWith(")")) {
                open = new StringBuilder(a);
                start = a;
            } else {
                ops.add(argv[i]);
            }
        }
        if (open != null) throw new RedisException("ERR Unmatched parenthesis in acl selector starting at '" + start + "'.");
        return ops;
    }

    /** ACL DELUSER of one user: true if it existed. Its clients are disconnected. */
    public boolean delete(String name) {
        User u = users.remove(name);
        if (u == null) return false;
        for (Client c : new ArrayList<>(engine.clients())) {
            if (c.aclUser == u) {
                c.closing = true;
                c.transport.closeAfterReply();
            }
        }
        return true;
    }

    public String commandsText(User u) {
        return u.commandsText(table);
    }

    public String keysText(User u) {
        return u.keysText();
    }

    public String channelsText(User u) {
        return u.channelsText();
    }

    public String describe(User u) {
        return u.describe(table);
    }

    // ---- checks (only for clients whose user is restricted) ----

    public static final String NOPERM_KEYS = "NOPERM this user has no permissions to access one of the keys used as arguments";
    public static final String NOPERM_CHANNELS = "NOPERM this user has no permissions to access one of the channels used as arguments";

    public static String nopermCommand(Command cmd) {
        return "NOPERM this user has no permissions to run the '" + cmd.fullName + "' command";
    }

    /** scriptVerifyACL's wording of a denial. */
    /** The ACL LOG reason of a NOPERM error. */
    public static String reason(String denied) {
        return denied.equals(NOPERM_KEYS) ? "key" : denied.equals(NOPERM_CHANNELS) ? "channel" : "command";
    }

    /** execCommand's wording of a denial found at EXEC time. */
    public static String execError(String denied) {
        String why = denied.equals(NOPERM_KEYS) ? "no permission to touch the specified keys"
                : denied.equals(NOPERM_CHANNELS) ? "no permission for pubsub channels"
                : "no permission to execute the command or subcommand";
        return "NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC call. "
                + "This command is no longer allowed for the following reason: " + why;
    }

    public static String scriptError(String denied) {
        if (denied.equals(NOPERM_KEYS)) {
            return "ERR The user executing the script can't access at least one of the keys mentioned in the command arguments";
        }
        if (denied.equals(NOPERM_CHANNELS)) {
            return "ERR The user executing the script can't publish to the channel mentioned in the command";
        }
        return "ERR The user executing the script can't run this command or subcommand";
    }

    /** The key or channel the last failed check refused (for ACL LOG and DRYRUN). */
    public byte[] deniedObject;

    /** One ACL LOG entry; similar denials within a minute are counted in one. */
    public static final class LogEntry {
        public long count = 1;
        public final String reason;
        public final String context;
        public final byte[] object;
        public final String username;
        public long createdMs;
        public String clientInfo;

        LogEntry(String reason, String context, byte[] object, String username) {
            this.reason = reason;
            this.context = context;
            this.object = object;
            this.username = username;
        }
    }

    private final java.util.ArrayDeque<LogEntry> log = new java.util.ArrayDeque<>();

    /** Newest first. */
    public java.util.ArrayDeque<LogEntry> log() {
        return log;
    }

    /** addACLLogEntry: reason is command, key, channel or auth. */
    public void addLog(Client c, String reason, String context, byte[] object, String username, String clientInfo) {
        long now = engine.now();
        int seen = 0;
        for (LogEntry e : log) {
            if (seen++ >= 10) break;
            if (e.reason.equals(reason) && e.context.equals(context) && java.util.Arrays.equals(e.object, object)
                    && e.username.equals(username) && now - e.createdMs < 60000) {
                e.count++;
                e.createdMs = now;
                e.clientInfo = clientInfo;
                return;
            }
        }
        LogEntry e = new LogEntry(reason, context, object, username);
        e.createdMs = now;
        e.clientInfo = clientInfo;
        log.addFirst(e);
        while (log.size() > 128) log.removeLast();
    }

    /**
     * ACLCheckAllUserCommandPerm: null when the user or one of its selectors may run the command
     * line, else the most relevant NOPERM error (channel, then key, then command).
     */
    public String check(User u, Command cmd, byte[][] argv) {
        String err = checkSelector(u, cmd, argv);
        if (err == null || u.selectors.isEmpty()) return err;
        byte[] obj = deniedObject;
        for (User s : u.selectors) {
            String e = checkSelector(s, cmd, argv);
            if (e == null) return null;
            if (rank(e) > rank(err)) {
                err = e;
                obj = deniedObject;
            }
        }
        deniedObject = obj;
        return err;
    }

    private static int rank(String err) {
        return err.equals(NOPERM_CHANNELS) ? 3 : err.equals(NOPERM_KEYS) ? 2 : 1;
    }

    /** ACLSelectorCheckCmd. */
    private String checkSelector(User u, Command cmd, byte[][] argv) {
        if (!u.canRun(cmd)) {
            deniedObject = cmd.fullName.getBytes(StandardCharsets.ISO_8859_1);
            return nopermCommand(cmd);
        }
        if (!u.allKeys && cmd.hasKeys()) {
            List<int[]> keys = new ArrayList<>();
            List<List<String>> flags = new ArrayList<>();
            ServerCommands.commandKeys(cmd, argv, keys, flags);
            for (int i = 0; i < keys.size(); i++) {
                int need = 0;
                List<String> f = flags.get(i);
                if (f.contains("access")) need |= User.READ;
                if (f.contains("insert") || f.contains("delete") || f.contains("update")) need |= User.WRITE;
                if (!u.keyAllowed(argv[keys.get(i)[0]], need)) {
                    deniedObject = argv[keys.get(i)[0]];
                    return NOPERM_KEYS;
                }
            }
        }
        if (!u.allChannels) {
            switch (cmd.fullName) {
                case "publish", "spublish" -> {
                    if (!u.channelAllowed(argv[1], false)) {
                        deniedObject = argv[1];
                        return NOPERM_CHANNELS;
                    }
                }
                case "subscribe", "ssubscribe", "psubscribe" -> {
                    boolean pattern = cmd.fullName.equals("psubscribe");
                    for (int i = 1; i < argv.length; i++) {
                        if (!u.channelAllowed(argv[i], pattern)) {
                            deniedObject = argv[i];
                            return NOPERM_CHANNELS;
                        }
                    }
                }
                default -> { }
            }
        }
        return null;
    }
}
