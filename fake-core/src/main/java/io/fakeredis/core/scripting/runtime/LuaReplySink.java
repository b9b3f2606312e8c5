package io.fakeredis.core.scripting.runtime;

import io.fakeredis.core.ReplySink;
import io.fakeredis.core.scripting.LuaRuntime;
import io.fakeredis.core.scripting.lua.LuaString;
import io.fakeredis.core.scripting.lua.LuaTable;
import io.fakeredis.core.util.Bytes;
import java.util.ArrayDeque;

/** Builds the Lua value a command's reply becomes inside a script (Redis's redisProtocolToLuaType). */
final class LuaReplySink implements ReplySink {
    private static final int ARRAY = 0, MAP = 1, SET = 2;

    private static final class Frame {
        final LuaTable table;
        final Object wrapped;
        final int kind;
        int remaining;
        int index;
        Object key;
        boolean haveKey;

        Frame(LuaTable table, Object wrapped, int kind, int remaining) {
            this.table = table;
            this.wrapped = wrapped;
            this.kind = kind;
            this.remaining = remaining;
        }
    }

    private int resp;
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private Object result;
    private final LuaRuntime.Bridge bridge;
    private boolean topLevelError;

    LuaReplySink(int resp, LuaRuntime.Bridge bridge) {
        this.resp = resp;
        this.bridge = bridge;
    }

    Object result() {
        return result;
    }

    boolean isError() {
        return topLevelError;
    }

    private void add(Object v) {
        Frame f = stack.peek();
        if (f == null) {
            result = v;
            return;
        }
        switch (f.kind) {
            case MAP:
                if (!f.haveKey) {
                    f.key = v;
                    f.haveKey = true;
                    f.remaining--; // a map entry completes with its value
                    return;
                }
                if (f.key != null) f.table.put(f.key, v);
                f.haveKey = false;
                break;
            case SET:
                if (v != null) f.table.put(v, Boolean.TRUE);
                break;
            default:
                f.table.put(++f.index, v);
        }
        if (--f.remaining == 0) {
            stack.pop();
            add(f.wrapped);
        }
    }

    private void open(int kind, int n, String wrapKey) {
        LuaTable t = new LuaTable();
        Object wrapped = t;
        if (wrapKey != null) {
            LuaTable w = new LuaTable();
            w.put(wrapKey, t);
            wrapped = w;
        }
        if (n == 0) {
            add(wrapped);
            return;
        }
        stack.push(new Frame(t, wrapped, kind, n));
    }

    private static LuaTable field(String name, Object value) {
        LuaTable t = new LuaTable();
        t.put(name, value);
        return t;
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
        add(field("ok", LuaString.of(s)));
    }

    @Override
    public void error(String s) {
        bridge.errorReply(s);
        if (stack.isEmpty()) topLevelError = true;
        LuaTable t = field("err", LuaString.of(s));
        // counted now, so not again when the script returns or raises it (Redis sets this field too)
        t.put(IGNORE_STATS, Boolean.TRUE);
        add(t);
    }

    static final LuaString IGNORE_STATS = LuaString.of("ignore_error_stats_update");

    @Override
    public void integer(long v) {
        add((double) v);
    }

    @Override
    public void bulk(byte[] b, int off, int len) {
        add(LuaString.wrap(java.util.Arrays.copyOfRange(b, off, off + len)));
    }

    @Override
    public void nullBulk() {
        add(resp == 2 ? Boolean.FALSE : null);
    }

    @Override
    public void nullArray() {
        add(resp == 2 ? Boolean.FALSE : null);
    }

    @Override
    public void array(int n) {
        open(ARRAY, n, null);
    }

    @Override
    public void map(int n) {
        if (resp == 2) open(ARRAY, 2 * n, null);
        else open(MAP, 2 * n, "map");
    }

    @Override
    public void set(int n) {
        if (resp == 2) open(ARRAY, n, null);
        else open(SET, n, "set");
    }

    @Override
    public void push(int n) {
        open(ARRAY, n, null);
    }

    @Override
    public void dbl(double d) {
        if (resp == 2) add(LuaString.latin1(Bytes.formatG17(d)));
        else add(field("double", d));
    }

    @Override
    public void bool(boolean b) {
        if (resp == 2) add(b ? 1.0 : 0.0);
        else add(b);
    }

    @Override
    public void bigNumber(byte[] digits) {
        if (resp == 2) add(LuaString.of(digits));
        else add(field("big_number", LuaString.of(digits)));
    }

    @Override
    public void verbatim(String format, byte[] text) {
        if (resp == 2) {
            add(LuaString.of(text));
            return;
        }
        LuaTable inner = new LuaTable();
        inner.put("format", LuaString.of(format));
        inner.put("string", LuaString.of(text));
        add(field("verbatim_string", inner));
    }

}
