package io.fakeredis;

import io.fakeredis.core.Engine;
import io.fakeredis.core.ReplySink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Builds Java values from a command's reply: status as {@link Status}, errors as {@link Error},
 * integers as Long, bulk strings as byte[], null, arrays as List, maps as LinkedHashMap, sets as
 * LinkedHashSet, doubles as Double, booleans as Boolean. Speaks RESP3 so types survive.
 */
final class ValueSink implements ReplySink {
    record Status(String text) {}

    record Error(String text) {}

    /** An aggregate being filled: the elements still expected and where they go. */
    private static final class Frame {
        final Object target;
        int remaining;
        Object pendingKey;
        boolean haveKey;

        Frame(Object target, int remaining) {
            this.target = target;
            this.remaining = remaining;
        }
    }

    private final ArrayList<Frame> stack = new ArrayList<>();
    private final ArrayList<Object> done = new ArrayList<>(1);
    private int resp = 3;
    /** The typed API is no wire client: like Redis's RM_Call, its errors fail the command without counting in errorstats. */
    private final Engine.Stats stats;

    ValueSink(Engine.Stats stats) {
        this.stats = stats;
    }

    /** Starts collecting the reply of one command. */
    void begin() {
        stack.clear();
        done.clear();
    }

    /** The first complete top-level reply of the command (out-of-band pushes are dropped). */
    Object take() {
        for (Object o : done) {
            if (!(o instanceof Pushed)) return o;
        }
        return null;
    }

    private record Pushed(Object value) {}

    private void add(Object v) {
        while (true) {
            if (stack.isEmpty()) {
                done.add(v);
                return;
            }
            Frame f = stack.get(stack.size() - 1);
            if (f.target instanceof Map) {
                if (!f.haveKey) {
                    f.pendingKey = v;
                    f.haveKey = true;
                    return;
                }
                @SuppressWarnings("unchecked") Map<Object, Object> m = (Map<Object, Object>) f.target;
                m.put(f.pendingKey, v);
                f.haveKey = false;
            } else {
                @SuppressWarnings("unchecked") java.util.Collection<Object> col = (java.util.Collection<Object>) f.target;
                col.add(v);
            }
            if (--f.remaining > 0) return;
            stack.remove(stack.size() - 1);
            v = f.target instanceof PushList ? new Pushed(f.target) : f.target;
        }
    }

    private static final class PushList extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;

        PushList(int n) {
            super(n);
        }
    }

    private void open(Object target, int n, int elements) {
        if (elements == 0) {
            add(target instanceof PushList ? new Pushed(target) : target);
            return;
        }
        stack.add(new Frame(target, n));
    }

    @Override
    public int resp() {
        return resp;
    }

    @Override
    public void resp(int version) {
        resp = version;
    }

    @Override
    public void status(String s) {
        add(new Status(s));
    }

    @Override
    public void error(String s) {
        stats.errorNotCounted();
        add(new Error(s));
    }

    @Override
    public void integer(long v) {
        add(v);
    }

    @Override
    public void bulk(byte[] b, int off, int len) {
        add(java.util.Arrays.copyOfRange(b, off, off + len));
    }

    @Override
    public void nullBulk() {
        add(null);
    }

    @Override
    public void nullArray() {
        add(null);
    }

    @Override
    public void array(int n) {
        open(new ArrayList<>(n), n, n);
    }

    @Override
    public void map(int n) {
        open(new LinkedHashMap<>(), n, n);
    }

    @Override
    public void set(int n) {
        open(new LinkedHashSet<>(), n, n);
    }

    @Override
    public void push(int n) {
        open(new PushList(n), n, n);
    }

    @Override
    public void dbl(double d) {
        add(d);
    }

    @Override
    public void bool(boolean b) {
        add(b);
    }

    @Override
    public void verbatim(String format, byte[] text) {
        add(text.clone());
    }
}
