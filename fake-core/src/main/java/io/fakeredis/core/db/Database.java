package io.fakeredis.core.db;

import io.fakeredis.core.Engine;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;

/**
 * One of the numbered databases: the keyspace with its TTLs, and the rules every command follows
 * when it reads or writes a key (lazy expiry, access tracking, WATCH and blocking signals), as in
 * Redis's db.c.
 */
public final class Database {
    public final int id;
    private final Engine engine;
    Dict dict = new Dict();

    public Database(Engine engine, int id) {
        this.engine = engine;
        this.id = id;
    }

    public Dict dict() {
        return dict;
    }

    public int size() {
        return dict.size();
    }

    public int volatileCount() {
        return dict.volatileCount();
    }

    /** Slot of a live key, expiring it first if its time has come; -1 when absent. */
    public int slot(byte[] key) {
        int s = dict.find(key);
        if (s < 0) return -1;
        long when = dict.expireAt(s);
        if (when != 0 && when <= engine.now()) {
            expire(s);
            return -1;
        }
        return s;
    }

    /** Value for a read: counts keyspace hits and misses and updates the access time. */
    public Object lookupRead(byte[] key) {
        int s = slot(key);
        if (s < 0) {
            engine.stats.keyspaceMisses++;
            engine.notify(Notify.KEY_MISS, "keymiss", this, key);
            return null;
        }
        engine.stats.keyspaceHits++;
        touch(s);
        return dict.valueAt(s);
    }

    /** Value for a write: expires lazily and updates the access time, without hit/miss stats. */
    public Object lookupWrite(byte[] key) {
        int s = slot(key);
        if (s < 0) return null;
        touch(s);
        return dict.valueAt(s);
    }

    /** Value without side effects other than lazy expiry (TYPE, OBJECT, EXISTS-like checks). */
    public Object peek(byte[] key) {
        int s = slot(key);
        return s < 0 ? null : dict.valueAt(s);
    }

    private void touch(int s) {
        if (engine.config().lfu()) {
            dict.setAccessAt(s, Lfu.touch(dict.accessAt(s), engine.now(), engine.config()));
        } else {
            dict.setAccessAt(s, (int) (engine.now() / 1000));
        }
    }

    /** Adds a key known to be absent. */
    public void add(byte[] key, Object val) {
        int s = dict.put(key, val);
        initAccess(s);
        signalModifiedKey(key);
        signalKeyAsReady(key);
        engine.notify(Notify.NEW, "new", this, key);
    }

    /**
     * Adds a key known to be absent without signalling the change yet, for commands that (as
     * Redis's) reply first and then call {@link #signalModifiedKey}: a tracking invalidation for
     * their own connection then follows the reply.
     */
    public void addSignalLater(byte[] key, Object val) {
        int s = dict.put(key, val);
        initAccess(s);
        signalKeyAsReady(key);
        engine.notify(Notify.NEW, "new", this, key);
    }

    /**
     * SET semantics: creates or replaces the value. The TTL is dropped unless keepTtl, as Redis's
     * setKey does.
     */
    public void setKey(byte[] key, Object val, boolean keepTtl) {
        int s = slot(key);
        if (s < 0) {
            add(key, val);
            return;
        }
        // Redis's write lookup touches the old value first: LRU restarts, LFU counts the access
        touch(s);
        dict.setValueAt(s, val);
        if (!keepTtl) dict.setExpireAt(s, 0);
        signalModifiedKey(key);
        // XREADGROUP clients blocked on an overwritten stream are unblocked with an error
        signalKeyAsReady(key);
    }

    /** Replaces the value of an existing key, keeping its TTL (e.g. a string grown by APPEND). */
    public void replaceValue(byte[] key, Object val) {
        int s = dict.find(key);
        dict.setValueAt(s, val);
    }

    public boolean delete(byte[] key) {
        int s = slot(key);
        if (s < 0) return false;
        dict.removeAt(s);
        signalModifiedKey(key);
        // as Redis's signalDeletedKeyAsReady: XREADGROUP clients blocked on it get an error
        signalKeyAsReady(key);
        return true;
    }

    /** Absolute expiry in ms, or -1 when the key has no TTL. The key must exist. */
    public long expireAt(byte[] key) {
        int s = dict.find(key);
        long when = s < 0 ? 0 : dict.expireAt(s);
        return when == 0 ? -1 : when;
    }

    public void setExpire(byte[] key, long whenMs) {
        int s = dict.find(key);
        dict.setExpireAt(s, whenMs);
        if (whenMs != 0) engine.onExpireSet();
    }

    /** Clears a TTL; true if there was one. */
    public boolean persist(byte[] key) {
        int s = dict.find(key);
        if (s < 0 || dict.expireAt(s) == 0) return false;
        dict.setExpireAt(s, 0);
        return true;
    }

    private void initAccess(int s) {
        dict.setAccessAt(s, engine.config().lfu() ? Lfu.initial(engine.now()) : (int) (engine.now() / 1000));
    }

    /**
     * Removes an expired key the way Redis's deleteExpiredKeyAndPropagate does: delete, the
     * 'expired' event, then the change signal (so a tracking invalidation follows the event).
     */
    private void expire(int s) {
        byte[] key = dict.keyAt(s);
        dict.removeAt(s);
        engine.stats.expiredKeys++;
        signalKeyAsReady(key); // XREADGROUP waiters on an expired stream get an error
        engine.notify(Notify.EXPIRED, "expired", this, key);
        engine.keyExpired(this, key);
    }

    /**
     * Deletes expired keys found in up to maxSlots slots from the rolling cursor; returns how
     * many were deleted. Active expiry calls this so that keys vanish without being touched.
     */
    public int activeExpire(long now, int maxSlots) {
        if (dict.volatileCount() == 0) return 0;
        int cap = dict.capacity();
        int n = Math.min(maxSlots, cap);
        int deleted = 0;
        for (int k = 0; k < n; k++) {
            int s = expireCursor++ & (cap - 1);
            if (dict.keyAt(s) == null) continue;
            long when = dict.expireAt(s);
            if (when != 0 && when <= now) {
                expire(s);
                deleted++;
                // the shift may have moved an unvisited key into s: look at s again
                expireCursor--;
                if (dict.capacity() != cap) break;
            }
        }
        return deleted;
    }

    private int expireCursor;

    /** Deletes every key whose time has passed, e.g. after a manual clock jumps. */
    public void expireAll(long now) {
        while (dict.volatileCount() > 0) {
            int before = dict.size();
            expireCursor = 0;
            activeExpire(now, dict.capacity());
            if (dict.size() == before) return;
        }
    }

    public void clear() {
        dict.clear();
    }

    /** Exchanges contents with another database (SWAPDB). */
    public void swapWith(Database other) {
        Dict d = dict;
        dict = other.dict;
        other.dict = d;
    }

    /** WATCH and client-side caching hook (Redis's signalModifiedKey): the key's value changed. */
    public void signalModifiedKey(byte[] key) {
        engine.keyModified(this, key);
    }

    /** Blocking hook: a list, zset or stream key may now serve a blocked client. */
    public void signalKeyAsReady(byte[] key) {
        engine.keyReady(this, key);
    }

    /** WRONGTYPE unless v is null or of the given class. */
    public static <T> T typed(Object v, Class<T> type) {
        if (v == null) return null;
        if (!type.isInstance(v)) throw Errors.wrongType;
        return type.cast(v);
    }
}
