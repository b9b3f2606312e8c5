package io.fakeredis.core.scripting.luaj;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * Knows which script line is running, so errors raised from Java (redis.call and friends) can
 * name it as Redis does. LuaJ drops a frame before a tail call runs (`return redis.call(...)`),
 * so the line of the last frame that returned stands in when no Lua frame is active.
 */
final class LineTracker extends DebugLib {
    private LuaClosure[] fns = new LuaClosure[32];
    private int[] pcs = new int[32];
    private int depth;
    private LuaClosure lastFn;
    private int lastPc;
    /** Set by SCRIPT KILL from another thread; raises on every instruction so pcall cannot swallow it. */
    volatile boolean killed;
    private int untilRaise;
    /** Run every PERIOD instructions while set (Redis's count hook), e.g. to serve clients while busy. */
    Runnable periodic;
    private int untilPeriodic = PERIOD;
    static final int PERIOD = 100000;
    private final String chunk;

    LineTracker(String chunk) {
        this.chunk = chunk;
    }

    @Override
    public void onCall(LuaFunction f) {
        push(null);
    }

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
        push(c);
    }

    private void push(LuaClosure c) {
        if (depth == fns.length) {
            fns = java.util.Arrays.copyOf(fns, depth * 2);
            pcs = java.util.Arrays.copyOf(pcs, depth * 2);
        }
        fns[depth] = c;
        pcs[depth] = 0;
        depth++;
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        if (depth > 0) pcs[depth - 1] = pc;
        if (--untilPeriodic <= 0) {
            untilPeriodic = PERIOD;
            Runnable p = periodic;
            if (p != null) p.run(); // may set killed (SCRIPT KILL served from here)
        }
        if (killed && --untilRaise <= 0) {
            untilRaise = 100000; // as Redis's count hook: pcall may catch it, the next hook raises again
            org.luaj.vm2.LuaTable err = new org.luaj.vm2.LuaTable();
            err.rawset("err", "ERR Script killed by user with SCRIPT KILL...");
            int line = line();
            if (line > 0) {
                err.rawset("source", "@" + chunk);
                err.rawset("line", line);
            }
            throw new org.luaj.vm2.LuaError(err);
        }
    }

    @Override
    public void onReturn() {
        if (depth == 0) return;
        depth--;
        if (fns[depth] != null) {
            lastFn = fns[depth];
            lastPc = pcs[depth];
        }
        fns[depth] = null;
    }

    /** LuaJ appends this to error messages; positions are ours to compute, so add nothing. */
    @Override
    public String traceback(int level) {
        return "";
    }

    /** The current script line, 0 when unknown. */
    int line() {
        for (int i = depth - 1; i >= 0; i--) {
            if (fns[i] != null) return lineOf(fns[i], pcs[i]);
        }
        return lastFn == null ? 0 : lineOf(lastFn, lastPc);
    }

    void reset() {
        killed = false;
        untilRaise = 0;
        untilPeriodic = PERIOD;
        depth = 0;
        lastFn = null;
    }

    private static int lineOf(LuaClosure c, int pc) {
        int[] li = c.p.lineinfo;
        return li != null && pc >= 0 && pc < li.length ? li[pc] : 0;
    }
}
