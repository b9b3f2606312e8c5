package io.fakeredis.core.scripting.lua;

import java.util.Arrays;

/** A Lua function compiled from source, with its upvalues and environment (globals) table. */
public final class LuaClosure extends LuaFunction {
    final FuncProto proto;
    final Cell[] upvals;
    /** The table global names resolve in (setfenv/getfenv). */
    public LuaTable env;

    LuaClosure(FuncProto proto, Cell[] upvals, LuaTable env) {
        this.proto = proto;
        this.upvals = upvals;
        this.env = env;
    }

    @Override
    public Object[] call(LuaState L, Object[] args) {
        return invoke(L, args);
    }

    /** Runs the function; tail calls to Lua closures loop here instead of growing the stack. */
    Object[] invoke(LuaState L, Object[] args) {
        LuaClosure c = this;
        for (;;) {
            FuncProto p = c.proto;
            Object[] slots = new Object[p.maxSlots];
            VarInfo[] params = p.params;
            int np = params.length;
            for (int i = 0; i < np; i++) {
                Object v = i < args.length ? args[i] : null;
                slots[i] = params[i].captured ? new Cell(v) : v;
            }
            Frame f = new Frame(L, c, slots);
            f.line = p.lineDefined;
            if (p.isVararg && args.length > np) f.varargs = Arrays.copyOfRange(args, np, args.length);
            if (p.argVar != null) {
                Object arg = null;
                if (p.needsArg) {
                    Object[] va = f.varargs;
                    LuaTable t = new LuaTable(va.length, 1);
                    for (int i = 0; i < va.length; i++) t.put(i + 1, va[i]);
                    t.put("n", (double) va.length);
                    arg = t;
                }
                slots[p.argVar.slot] = p.argVar.captured ? new Cell(arg) : arg;
            }
            CallStack cs = L.cs;
            if (cs.nativeDepth >= CallStack.MAX_NATIVE_DEPTH) return L.continueOnFreshStack(c, args);
            cs.push(L, f);
            cs.nativeDepth++;
            int sig;
            try {
                sig = p.body.exec(f);
            } catch (StackOverflowError e) {
                throw L.runError("stack overflow");
            } finally {
                cs.top--;
                cs.nativeDepth--;
            }
            if (sig == Frame.TAILCALL) {
                c = f.tailFn;
                args = f.tailArgs;
                continue;
            }
            return sig == Frame.RETURN ? f.ret : Lua.NONE;
        }
    }
}
