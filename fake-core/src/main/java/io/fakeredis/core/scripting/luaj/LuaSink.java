package io.fakeredis.core.scripting.luaj;

import io.fakeredis.core.ReplySink;
import io.fakeredis.core.util.Bytes;
import java.util.ArrayDeque;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** Builds the Lua value a command's reply becomes inside a script (Redis's redisProtocolToLuaType). */
final class LuaSink implements ReplySink {
    private static final int ARRAY = 0, MAP = 1, SET = 2;

    private static final class Frame {
        final LuaTable table;
        final LuaValue wrapped;
        final int kind;
        int remaining;
        int index;
        LuaValue key;

        Frame(LuaTable table, LuaValue wrapped, int kind, int remaining) {
            this.table = table;
            this.wrapped = wrapped;
            this.kind = kind;
            this.remaining = remaining;
        }
    }

    private int resp;
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private LuaValue result = LuaValue.NIL;
    private long errors;
    private boolean topLevelError;

    LuaSink(int resp) {
        this.resp = resp;
    }

    LuaValue result() {
        return result;
    }

    boolean isError() {
        return topLevelError;
    }

    private void add(LuaValue v) {
        Frame f = stack.peek();
        if (f == null) {
            result = v;
            return;
        }
        switch (f.kind) {
            case MAP:
                if (f.key == null) {
                    f.key = v;
                    f.remaining--; // a map entry completes with its value
                    return;
                }
                f.table.rawset(f.key, v);
                f.key = null;
                break;
            case SET:
                f.table.rawset(v, LuaValue.TRUE);
                break;
            default:
                f.table.rawset(++f.index, v);
        }
        if (--f.remaining == 0) {
            stack.pop();
            add(f.wrapped);
        }
    }

    private void open(int kind, int n, String wrapKey) {
        LuaTable t = new LuaTable();
        LuaValue wrapped = t;
        if (wrapKey != null) {
            LuaTable w = new LuaTable();
            w.rawset(wrapKey, t);
            wrapped = w;
        }
        if (n == 0) {
            add(wrapped);
            return;
        }
        stack.push(new Frame(t, wrapped, kind, n));
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
        LuaTable t = new LuaTable();
        t.rawset("ok", s);
        add(t);
    }

    @Override
    public void error(String s) {
        errors++;
        if (stack.isEmpty()) topLevelError = true;
        LuaTable t = new LuaTable();
        t.rawset("err", s);
        add(t);
    }

    @Override
    public void integer(long v) {
        add(LuaValue.valueOf((double) v));
    }

    @Override
    public void bulk(byte[] b, int off, int len) {
        byte[] copy = new byte[len];
        System.arraycopy(b, off, copy, 0, len);
        add(LuaString.valueOf(copy));
    }

    @Override
    public void nullBulk() {
        add(resp == 2 ? LuaValue.FALSE : LuaValue.NIL);
    }

    @Override
    public void nullArray() {
        add(resp == 2 ? LuaValue.FALSE : LuaValue.NIL);
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
        if (resp == 2) {
            add(LuaValue.valueOf(Bytes.formatG17(d)));
        } else {
            LuaTable t = new LuaTable();
            t.rawset("double", LuaValue.valueOf(d));
            add(t);
        }
    }

    @Override
    public void bool(boolean b) {
        if (resp == 2) add(LuaValue.valueOf(b ? 1 : 0));
        else add(b ? LuaValue.TRUE : LuaValue.FALSE);
    }

    @Override
    public void verbatim(String format, byte[] text) {
        if (resp == 2) {
            add(LuaString.valueOf(text));
            return;
        }
        LuaTable inner = new LuaTable();
        inner.rawset("format", format);
        inner.rawset("string", LuaString.valueOf(text));
        LuaTable t = new LuaTable();
        t.rawset("verbatim_string", inner);
        add(t);
    }

    @Override
    public long errors() {
        return errors;
    }
}
