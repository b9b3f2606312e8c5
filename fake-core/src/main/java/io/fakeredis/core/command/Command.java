package io.fakeredis.core.command;

import io.fakeredis.core.util.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the command table: the real server's facts (arity, flags, key positions, ACL
 * categories, tips, key specs, subcommands) plus the proc that implements it, if the fake does.
 */
public final class Command {
    // Flag bits, named as in Redis's server.h.
    public static final long WRITE = 1L;
    public static final long READONLY = 1L << 1;
    public static final long DENYOOM = 1L << 2;
    public static final long MODULE = 1L << 3;
    public static final long ADMIN = 1L << 4;
    public static final long PUBSUB = 1L << 5;
    public static final long NOSCRIPT = 1L << 6;
    public static final long BLOCKING = 1L << 8;
    public static final long LOADING = 1L << 9;
    public static final long STALE = 1L << 10;
    public static final long SKIP_MONITOR = 1L << 11;
    public static final long SKIP_SLOWLOG = 1L << 12;
    public static final long ASKING = 1L << 13;
    public static final long FAST = 1L << 14;
    public static final long NO_AUTH = 1L << 15;
    public static final long NO_MANDATORY_KEYS = 1L << 19;
    public static final long NO_ASYNC_LOADING = 1L << 21;
    public static final long NO_MULTI = 1L << 22;
    public static final long MOVABLE_KEYS = 1L << 23;
    public static final long ALLOW_BUSY = 1L << 26;

    static long flagBit(String name) {
        switch (name) {
            case "write": return WRITE;
            case "readonly": return READONLY;
            case "denyoom": return DENYOOM;
            case "module": return MODULE;
            case "admin": return ADMIN;
            case "pubsub": return PUBSUB;
            case "noscript": return NOSCRIPT;
            case "blocking": return BLOCKING;
            case "loading": return LOADING;
            case "stale": return STALE;
            case "skip_monitor": return SKIP_MONITOR;
            case "skip_slowlog": return SKIP_SLOWLOG;
            case "asking": return ASKING;
            case "fast": return FAST;
            case "no_auth": return NO_AUTH;
            case "no_mandatory_keys": return NO_MANDATORY_KEYS;
            case "no_async_loading": return NO_ASYNC_LOADING;
            case "no_multi": return NO_MULTI;
            case "movablekeys": return MOVABLE_KEYS;
            case "allow_busy": return ALLOW_BUSY;
            default: throw new IllegalArgumentException("unknown command flag " + name);
        }
    }

    /** Short name: "get", or "list" for CLIENT LIST. */
    public final String name;
    /** Name as Redis reports it: "get", "client|list". */
    public final String fullName;
    public final int arity;
    public final long flags;
    public final List<String> flagNames;
    public final int firstKey;
    public final int lastKey;
    public final int keyStep;
    /** ACL categories with their '@', as COMMAND INFO prints them. */
    public final List<String> aclCategories;
    public final List<String> tips;
    /** Parsed on first use: only COMMAND INFO, GETKEYS and key-restricted ACL users read them. */
    private volatile List<Object> keySpecs;
    public final Command parent;
    /** Index into per-engine arrays such as command statistics. */
    public final int id;
    /** Subcommands by lower-case short name, in the real server's order; empty for plain commands. */
    final Map<String, Command> subcommands = new LinkedHashMap<>();

    CommandProc proc;
    /**
     * Redis's CMD_PROTECTED, which COMMAND INFO does not list: DEBUG and MODULE LOAD, LOADEX and
     * UNLOAD. The fake's enable-debug-command and enable-module-command stay at their immutable
     * default "no", so these rows are always refused, right after the arity check.
     */
    boolean isProtected;
    /** Redis's CMD_MAY_REPLICATE, which COMMAND INFO does not list either: see Families. */
    boolean mayReplicate;

    Command(String fullName, int arity, List<String> flagNames, int firstKey, int lastKey, int keyStep,
            List<String> aclCategories, List<String> tips, Command parent, int id) {
        this.id = id;
        this.fullName = fullName;
        int bar = fullName.indexOf('|');
        this.name = bar < 0 ? fullName : fullName.substring(bar + 1);
        this.arity = arity;
        long f = 0;
        for (String n : flagNames) f |= flagBit(n);
        this.flags = f;
        this.flagNames = flagNames;
        this.firstKey = firstKey;
        this.lastKey = lastKey;
        this.keyStep = keyStep;
        this.aclCategories = aclCategories;
        this.tips = tips;
        this.parent = parent;
    }

    /** Key specs as the reference JSON gives them (maps, lists, strings, longs). */
    @SuppressWarnings("unchecked")
    public List<Object> keySpecs() {
        List<Object> k = keySpecs;
        if (k == null) {
            // two threads may both parse; either result is the same immutable list
            k = Collections.unmodifiableList((List<Object>) Json.parse(CommandTable.keySpecsJson(fullName)));
            keySpecs = k;
        }
        return k;
    }

    /**
     * Redis's doesCommandHaveKeys: some key spec is not marked not_key. The shard channels of
     * SPUBLISH, SSUBSCRIBE and SUNSUBSCRIBE have specs (for cluster slots) but are not keys, so
     * COMMAND GETKEYS refuses them and ACL checks them as channels only.
     */
    @SuppressWarnings("unchecked")
    public boolean hasKeys() {
        for (Object spec : keySpecs()) {
            if (!((List<String>) ((Map<String, Object>) spec).get("flags")).contains("not_key")) return true;
        }
        return false;
    }

    public boolean has(long flag) {
        return (flags & flag) != 0;
    }

    public boolean isImplemented() {
        return proc != null;
    }

    public CommandProc proc() {
        return proc;
    }

    public boolean isProtected() {
        return isProtected;
    }

    /**
     * Commands that may be propagated without the write flag (scripts, PUBLISH, PFCOUNT's cache,
     * FUNCTION LOAD...): read-only scripts refuse them like writes, and monitors like any key access.
     */
    public boolean mayReplicate() {
        return mayReplicate;
    }

    public boolean isContainer() {
        return !subcommands.isEmpty();
    }

    public Map<String, Command> subcommands() {
        return Collections.unmodifiableMap(subcommands);
    }

    public Command subcommand(String lowerName) {
        return subcommands.get(lowerName);
    }

    /** Whether argc satisfies the arity (negative arity means "at least"). */
    public boolean arityOk(int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }

    @Override
    public String toString() {
        return fullName;
    }
}
