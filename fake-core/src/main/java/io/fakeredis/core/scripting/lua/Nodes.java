package io.fakeredis.core.scripting.lua;

import java.util.Arrays;

/**
 * The tree the parser builds and the interpreter walks: expressions evaluate to values,
 * statements return a Frame signal (NORMAL, BREAK, RETURN, TAILCALL). Locals live in the
 * frame's slots, resolved at compile time; a captured local's slot holds a Cell.
 */
final class Nodes {
    private Nodes() {}

    static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MOD = 4, POW = 5;
    static final String[] ARITH_EVENTS = {"__add", "__sub", "__mul", "__div", "__mod", "__pow"};

    abstract static class Expr {
        int line;

        abstract Object eval(Frame f);

        /** All values (calls and '...' can give several). */
        Object[] evalMulti(Frame f) {
            return new Object[] {eval(f)};
        }

        boolean isMulti() {
            return false;
        }

        /** How Lua's getobjname describes this expression: "local", "global", "field", "upvalue", "method" or null. */
        String kind() {
            return null;
        }

        String varName() {
            return null;
        }
    }

    abstract static class Stat {
        int line;

        abstract int exec(Frame f);
    }

    static double arith(int op, double a, double b) {
        switch (op) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case MOD: return a - Math.floor(a / b) * b;
            default: return Math.pow(a, b);
        }
    }

    // ---------------------------------------------------------------- expressions

    static final class Const extends Expr {
        final Object value;

        Const(Object value) {
            this.value = value;
        }

        @Override
        Object eval(Frame f) {
            return value;
        }
    }

    static final class Vararg extends Expr {
        @Override
        Object eval(Frame f) {
            Object[] v = f.varargs;
            return v.length == 0 ? null : v[0];
        }

        @Override
        Object[] evalMulti(Frame f) {
            Object[] v = f.varargs;
            return v.length == 0 ? v : v.clone();
        }

        @Override
        boolean isMulti() {
            return true;
        }
    }

    static final class Local extends Expr {
        final VarInfo var;
        final int slot;

        Local(VarInfo var) {
            this.var = var;
            this.slot = var.slot;
        }

        @Override
        Object eval(Frame f) {
            Object o = f.slots[slot];
            return o instanceof Cell ? ((Cell) o).v : o;
        }

        void set(Frame f, Object v) {
            Object o = f.slots[slot];
            if (o instanceof Cell) ((Cell) o).v = v;
            else f.slots[slot] = v;
        }

        @Override
        String kind() {
            return "local";
        }

        @Override
        String varName() {
            return var.name.latin1();
        }
    }

    static final class Upval extends Expr {
        final int index;
        final LuaString name;

        Upval(int index, LuaString name) {
            this.index = index;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            return f.cl.upvals[index].v;
        }

        void set(Frame f, Object v) {
            f.cl.upvals[index].v = v;
        }

        @Override
        String kind() {
            return "upvalue";
        }

        @Override
        String varName() {
            return name.latin1();
        }
    }

    static final class Global extends Expr {
        final LuaString name;

        Global(LuaString name) {
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            LuaTable env = f.cl.env;
            Object v = env.get(name);
            if (v == null && env.metatable != null) {
                f.line = line;
                return f.L.index(env, name, null);
            }
            return v;
        }

        void set(Frame f, Object v, int line) {
            LuaTable env = f.cl.env;
            if (env.metatable == null && !env.readonly) {
                env.put(name, v);
            } else {
                f.line = line;
                f.L.setIndex(env, name, v, null);
            }
        }

        @Override
        String kind() {
            return "global";
        }

        @Override
        String varName() {
            return name.latin1();
        }
    }

    static final class Index extends Expr {
        final Expr obj;
        final Expr key;

        Index(Expr obj, Expr key) {
            this.obj = obj;
            this.key = key;
        }

        @Override
        Object eval(Frame f) {
            Object o = obj.eval(f);
            Object k = key.eval(f);
            if (o instanceof LuaTable) {
                LuaTable t = (LuaTable) o;
                Object v = t.get(k);
                if (v != null || t.metatable == null) return v;
            }
            f.line = line;
            return f.L.index(o, k, obj);
        }

        @Override
        String kind() {
            return "field";
        }

        @Override
        String varName() {
            return key instanceof Const && ((Const) key).value instanceof LuaString ? ((Const) key).value.toString() : "?";
        }
    }

    static final class Paren extends Expr {
        final Expr e;

        Paren(Expr e) {
            this.e = e;
            this.line = e.line;
        }

        @Override
        Object eval(Frame f) {
            return e.eval(f);
        }

        @Override
        String kind() {
            return e.kind();
        }

        @Override
        String varName() {
            return e.varName();
        }
    }

    /** Evaluates an expression list, the last one expanded. */
    static Object[] evalList(Frame f, Expr[] list) {
        int n = list.length;
        if (n == 0) return Lua.NONE;
        Expr last = list[n - 1];
        if (!last.isMulti()) {
            Object[] r = new Object[n];
            for (int i = 0; i < n; i++) r[i] = list[i].eval(f);
            return r;
        }
        if (n == 1) return last.evalMulti(f);
        Object[] first = new Object[n - 1];
        for (int i = 0; i < n - 1; i++) first[i] = list[i].eval(f);
        Object[] rest = last.evalMulti(f);
        Object[] r = Arrays.copyOf(first, n - 1 + rest.length);
        System.arraycopy(rest, 0, r, n - 1, rest.length);
        return r;
    }

    static class Call extends Expr {
        final Expr fn;
        final Expr[] args;
        /** How the call site names the callee (getfuncname), for builtins' argument errors. */
        final String what, name;

        Call(Expr fn, Expr[] args, int line) {
            this(fn, args, line, fn == null ? null : fn.kind(), fn == null ? null : fn.varName());
        }

        Call(Expr fn, Expr[] args, int line, String what, String name) {
            this.fn = fn;
            this.args = args;
            this.line = line;
            this.what = what;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            Object[] r = evalMulti(f);
            return r.length == 0 ? null : r[0];
        }

        @Override
        boolean isMulti() {
            return true;
        }

        @Override
        Object[] evalMulti(Frame f) {
            Object fv = fn.eval(f);
            Object[] a = evalList(f, args);
            f.line = line;
            if (fv instanceof LuaClosure) return ((LuaClosure) fv).invoke(f.L, a);
            return f.L.callAt(fv, a, what, name);
        }

        /** The return-statement form: a call to a Lua closure becomes a tail call. */
        int tailCall(Frame f) {
            Object fv = fn.eval(f);
            Object[] a = evalList(f, args);
            f.line = line;
            if (fv instanceof LuaClosure) {
                f.tailFn = (LuaClosure) fv;
                f.tailArgs = a;
                return Frame.TAILCALL;
            }
            f.ret = f.L.callAt(fv, a, what, name);
            return Frame.RETURN;
        }
    }

    static final class MethodCall extends Call {
        final Expr obj;
        final LuaString method;

        MethodCall(Expr obj, LuaString name, Expr[] args, int line) {
            super(null, args, line, "method", name.latin1());
            this.obj = obj;
            this.method = name;
        }

        private Object[] prepare(Frame f, Object[] fnOut) {
            Object o = obj.eval(f);
            Object m = o instanceof LuaTable ? ((LuaTable) o).get(method) : null;
            if (m == null) {
                f.line = line;
                m = f.L.index(o, method, obj);
            }
            fnOut[0] = m;
            Object[] rest = evalList(f, args);
            Object[] a = new Object[rest.length + 1];
            a[0] = o;
            System.arraycopy(rest, 0, a, 1, rest.length);
            return a;
        }

        @Override
        Object[] evalMulti(Frame f) {
            Object[] fnOut = new Object[1];
            Object[] a = prepare(f, fnOut);
            Object fv = fnOut[0];
            f.line = line;
            if (fv instanceof LuaClosure) return ((LuaClosure) fv).invoke(f.L, a);
            return f.L.callAt(fv, a, what, name);
        }

        @Override
        int tailCall(Frame f) {
            Object[] fnOut = new Object[1];
            Object[] a = prepare(f, fnOut);
            Object fv = fnOut[0];
            f.line = line;
            if (fv instanceof LuaClosure) {
                f.tailFn = (LuaClosure) fv;
                f.tailArgs = a;
                return Frame.TAILCALL;
            }
            f.ret = f.L.callAt(fv, a, what, name);
            return Frame.RETURN;
        }

        @Override
        String kind() {
            return "method";
        }

        @Override
        String varName() {
            return name;
        }
    }

    static final class Function extends Expr {
        final FuncProto proto;

        Function(FuncProto proto) {
            this.proto = proto;
        }

        @Override
        Object eval(Frame f) {
            FuncProto p = proto;
            int n = p.upIndex.length;
            Cell[] ups = new Cell[n];
            for (int i = 0; i < n; i++) {
                ups[i] = p.upFromLocal[i] ? (Cell) f.slots[p.upIndex[i]] : f.cl.upvals[p.upIndex[i]];
            }
            return new LuaClosure(p, ups, f.cl.env);
        }
    }

    static final class And extends Expr {
        final Expr a, b;

        And(Expr a, Expr b) {
            this.a = a;
            this.b = b;
        }

        @Override
        Object eval(Frame f) {
            Object v = a.eval(f);
            return Lua.isTrue(v) ? b.eval(f) : v;
        }
    }

    static final class Or extends Expr {
        final Expr a, b;

        Or(Expr a, Expr b) {
            this.a = a;
            this.b = b;
        }

        @Override
        Object eval(Frame f) {
            Object v = a.eval(f);
            return Lua.isTrue(v) ? v : b.eval(f);
        }
    }

    static final class Not extends Expr {
        final Expr a;

        Not(Expr a) {
            this.a = a;
        }

        @Override
        Object eval(Frame f) {
            return Lua.isTrue(a.eval(f)) ? Boolean.FALSE : Boolean.TRUE;
        }
    }

    static final class Arith extends Expr {
        final int op;
        final Expr a, b;

        Arith(int op, Expr a, Expr b, int line) {
            this.op = op;
            this.a = a;
            this.b = b;
            this.line = line;
        }

        @Override
        Object eval(Frame f) {
            Object x = a.eval(f);
            Object y = b.eval(f);
            if (x instanceof Double && y instanceof Double) return arith(op, (Double) x, (Double) y);
            f.line = line;
            return f.L.arith(op, x, y, a, b);
        }
    }

    static final class Unm extends Expr {
        final Expr a;

        Unm(Expr a, int line) {
            this.a = a;
            this.line = line;
        }

        @Override
        Object eval(Frame f) {
            Object x = a.eval(f);
            if (x instanceof Double) return -(Double) x;
            f.line = line;
            return f.L.unm(x, a);
        }
    }

    static final class Len extends Expr {
        final Expr a;

        Len(Expr a, int line) {
            this.a = a;
            this.line = line;
        }

        @Override
        Object eval(Frame f) {
            Object x = a.eval(f);
            if (x instanceof LuaTable) return (double) ((LuaTable) x).length();
            if (x instanceof LuaString) return (double) ((LuaString) x).length();
            f.line = line;
            return f.L.len(x, a);
        }
    }

    static final class Concat extends Expr {
        final Expr[] parts;

        Concat(Expr[] parts, int line) {
            this.parts = parts;
            this.line = line;
        }

        @Override
        Object eval(Frame f) {
            int n = parts.length;
            Object[] v = new Object[n];
            for (int i = 0; i < n; i++) v[i] = parts[i].eval(f);
            f.line = line;
            return f.L.concat(v, parts);
        }
    }

    static final class Eq extends Expr {
        final Expr a, b;
        final boolean negate;

        Eq(Expr a, Expr b, boolean negate) {
            this.a = a;
            this.b = b;
            this.negate = negate;
        }

        @Override
        Object eval(Frame f) {
            Object x = a.eval(f);
            Object y = b.eval(f);
            boolean r;
            if (x == y) r = true;
            else if (x == null || y == null) r = false;
            else if (x instanceof Double && y instanceof Double) r = ((Double) x).doubleValue() == ((Double) y).doubleValue();
            else if (x instanceof LuaTable || x instanceof LuaUserdata) {
                f.line = line;
                r = f.L.equals(x, y);
            } else r = x.equals(y);
            return r != negate ? Boolean.TRUE : Boolean.FALSE;
        }
    }

    /** a &lt; b (or b &lt; a for '&gt;': operands are evaluated in source order, compared swapped). */
    static final class Lt extends Expr {
        final Expr a, b;
        final boolean swap, orEqual;

        Lt(Expr a, Expr b, boolean swap, boolean orEqual, int line) {
            this.a = a;
            this.b = b;
            this.swap = swap;
            this.orEqual = orEqual;
            this.line = line;
        }

        @Override
        Object eval(Frame f) {
            Object x = a.eval(f);
            Object y = b.eval(f);
            if (swap) {
                Object t = x;
                x = y;
                y = t;
            }
            if (x instanceof Double && y instanceof Double) {
                double p = (Double) x, q = (Double) y;
                return (orEqual ? p <= q : p < q) ? Boolean.TRUE : Boolean.FALSE;
            }
            f.line = line;
            boolean r = orEqual ? f.L.lessEqual(x, y) : f.L.lessThan(x, y);
            return r ? Boolean.TRUE : Boolean.FALSE;
        }
    }

    static final class Table extends Expr {
        final Expr[] arrayItems;
        /** Hash items: key, value pairs; with the number of array items pending before each. */
        final Expr[] keys, values;
        final int[] arrayBefore;
        final int narray, nhash;
        final boolean lastMulti;

        Table(Expr[] arrayItems, Expr[] keys, Expr[] values, int[] arrayBefore, int line) {
            this.arrayItems = arrayItems;
            this.keys = keys;
            this.values = values;
            this.arrayBefore = arrayBefore;
            this.line = line;
            int na = arrayItems.length;
            // only the constructor's last field expands to all its values, as in lparser.c
            this.lastMulti = na > 0 && arrayItems[na - 1].isMulti()
                    && (keys.length == 0 || arrayBefore[keys.length - 1] < na);
            if (lastMulti) na--;
            this.narray = fb2int(int2fb(na));
            this.nhash = fb2int(int2fb(keys.length));
        }

        /** OP_SETLIST: grows the array part to the last index first, so nils stay inside it. */
        private static void setList(LuaTable t, int done, Object[] values, int n) {
            if (n == 0) return;
            if (done + n > t.arraySize()) t.resizeArray(done + n);
            for (int j = 0; j < n; j++) t.put(done + j + 1, values[j]);
        }

        static int int2fb(int x) {
            int e = 0;
            while (x >= 16) {
                x = (x + 1) >>> 1;
                e++;
            }
            if (x < 8) return x;
            return ((e + 1) << 3) | (x - 8);
        }

        static int fb2int(int x) {
            int e = (x >> 3) & 31;
            if (e == 0) return x;
            return ((x & 7) + 8) << (e - 1);
        }

        @Override
        Object eval(Frame f) {
            LuaTable t = new LuaTable(narray, nhash);
            int na = arrayItems.length;
            Object[] pending = na == 0 ? null : new Object[Math.min(na, 50)];
            int done = 0; // array items stored
            int npending = 0;
            int h = 0;
            // items in source order: hash item h comes after arrayBefore[h] array items
            for (int i = 0; i <= na; i++) {
                while (h < keys.length && arrayBefore[h] == i) {
                    Object k = keys[h].eval(f);
                    Object v = values[h].eval(f);
                    f.line = line;
                    f.L.rawset(t, k, v);
                    h++;
                }
                if (i == na) break;
                if (npending == 50) {
                    setList(t, done, pending, npending);
                    done += npending;
                    npending = 0;
                }
                Expr e = arrayItems[i];
                if (i == na - 1 && lastMulti) {
                    Object[] rest = e.evalMulti(f);
                    Object[] all = java.util.Arrays.copyOf(pending, npending + rest.length);
                    System.arraycopy(rest, 0, all, npending, rest.length);
                    pending = all;
                    npending = all.length;
                } else {
                    pending[npending++] = e.eval(f);
                }
            }
            setList(t, done, pending, npending);
            return t;
        }
    }

    // ---------------------------------------------------------------- statements

    static final class Block extends Stat {
        final Stat[] stats;

        Block(Stat[] stats) {
            this.stats = stats;
        }

        @Override
        int exec(Frame f) {
            LuaState L = f.L;
            for (Stat s : stats) {
                if (--L.hookLeft <= 0) {
                    if (s.line > 0) f.line = s.line; // the hook (SCRIPT KILL) reports the running line
                    L.hookTick();
                }
                int sig = s.exec(f);
                if (sig != Frame.NORMAL) return sig;
            }
            return Frame.NORMAL;
        }
    }

    static final class LocalStat extends Stat {
        final VarInfo[] vars;
        final Expr[] exprs;

        LocalStat(VarInfo[] vars, Expr[] exprs) {
            this.vars = vars;
            this.exprs = exprs;
        }

        @Override
        int exec(Frame f) {
            Object[] slots = f.slots;
            if (vars.length == 1 && exprs.length == 1 && !exprs[0].isMulti()) {
                Object v = exprs[0].eval(f);
                VarInfo var = vars[0];
                slots[var.slot] = var.captured ? new Cell(v) : v;
                return Frame.NORMAL;
            }
            Object[] vals = evalList(f, exprs);
            for (int i = 0; i < vars.length; i++) {
                Object v = i < vals.length ? vals[i] : null;
                VarInfo var = vars[i];
                slots[var.slot] = var.captured ? new Cell(v) : v;
            }
            return Frame.NORMAL;
        }
    }

    static final class LocalFunction extends Stat {
        final VarInfo var;
        final Function fn;

        LocalFunction(VarInfo var, Function fn) {
            this.var = var;
            this.fn = fn;
        }

        @Override
        int exec(Frame f) {
            if (var.captured) {
                Cell c = new Cell(null);
                f.slots[var.slot] = c;
                c.v = fn.eval(f);
            } else {
                f.slots[var.slot] = fn.eval(f);
            }
            return Frame.NORMAL;
        }
    }

    /** Stores v into an assignable expression (local, upvalue, global, index with pre-evaluated parts). */
    static void store(Frame f, Expr target, Object obj, Object key, Object v, int line) {
        if (target instanceof Local) ((Local) target).set(f, v);
        else if (target instanceof Upval) ((Upval) target).set(f, v);
        else if (target instanceof Global) ((Global) target).set(f, v, line);
        else {
            Index ix = (Index) target;
            if (obj instanceof LuaTable) {
                LuaTable t = (LuaTable) obj;
                if (t.metatable == null && !t.readonly && key instanceof LuaString) {
                    t.put(key, v);
                    return;
                }
            }
            f.line = line;
            f.L.setIndex(obj, key, v, ix.obj);
        }
    }

    static final class Assign extends Stat {
        final Expr[] targets;
        final Expr[] exprs;

        Assign(Expr[] targets, Expr[] exprs) {
            this.targets = targets;
            this.exprs = exprs;
        }

        @Override
        int exec(Frame f) {
            if (targets.length == 1 && exprs.length == 1) {
                Expr t = targets[0];
                if (t instanceof Index) {
                    Index ix = (Index) t;
                    Object o = ix.obj.eval(f);
                    Object k = ix.key.eval(f);
                    store(f, t, o, k, exprs[0].eval(f), line);
                } else {
                    store(f, t, null, null, exprs[0].eval(f), line);
                }
                return Frame.NORMAL;
            }
            int n = targets.length;
            Object[] objs = new Object[n];
            Object[] keys = new Object[n];
            for (int i = 0; i < n; i++) {
                if (targets[i] instanceof Index) {
                    Index ix = (Index) targets[i];
                    objs[i] = ix.obj.eval(f);
                    keys[i] = ix.key.eval(f);
                }
            }
            Object[] vals = evalList(f, exprs);
            // Lua 5.1 assigns right to left
            for (int i = n - 1; i >= 0; i--) store(f, targets[i], objs[i], keys[i], i < vals.length ? vals[i] : null, line);
            return Frame.NORMAL;
        }
    }

    static final class CallStat extends Stat {
        final Call call;

        CallStat(Call call) {
            this.call = call;
            this.line = call.line;
        }

        @Override
        int exec(Frame f) {
            call.evalMulti(f);
            return Frame.NORMAL;
        }
    }

    static final class Do extends Stat {
        final Block block;

        Do(Block block) {
            this.block = block;
        }

        @Override
        int exec(Frame f) {
            return block.exec(f);
        }
    }

    static final class While extends Stat {
        final Expr cond;
        final Block block;

        While(Expr cond, Block block) {
            this.cond = cond;
            this.block = block;
        }

        @Override
        int exec(Frame f) {
            LuaState L = f.L;
            while (Lua.isTrue(cond.eval(f))) {
                if (--L.hookLeft <= 0) {
                    if (line > 0) f.line = line; // the hook (SCRIPT KILL) reports the running line
                    L.hookTick();
                }
                int sig = block.exec(f);
                if (sig == Frame.BREAK) break;
                if (sig != Frame.NORMAL) return sig;
            }
            return Frame.NORMAL;
        }
    }

    static final class Repeat extends Stat {
        final Block block;
        final Expr cond;

        Repeat(Block block, Expr cond) {
            this.block = block;
            this.cond = cond;
        }

        @Override
        int exec(Frame f) {
            LuaState L = f.L;
            do {
                if (--L.hookLeft <= 0) {
                    if (line > 0) f.line = line; // the hook (SCRIPT KILL) reports the running line
                    L.hookTick();
                }
                int sig = block.exec(f);
                if (sig == Frame.BREAK) break;
                if (sig != Frame.NORMAL) return sig;
            } while (!Lua.isTrue(cond.eval(f)));
            return Frame.NORMAL;
        }
    }

    static final class If extends Stat {
        final Expr[] conds;
        final Block[] blocks;
        final Block orElse;

        If(Expr[] conds, Block[] blocks, Block orElse) {
            this.conds = conds;
            this.blocks = blocks;
            this.orElse = orElse;
        }

        @Override
        int exec(Frame f) {
            for (int i = 0; i < conds.length; i++) {
                if (Lua.isTrue(conds[i].eval(f))) return blocks[i].exec(f);
            }
            return orElse == null ? Frame.NORMAL : orElse.exec(f);
        }
    }

    static final class NumFor extends Stat {
        final VarInfo var;
        final Expr start, limit, step;
        final Block block;

        NumFor(VarInfo var, Expr start, Expr limit, Expr step, Block block, int line) {
            this.var = var;
            this.start = start;
            this.limit = limit;
            this.step = step;
            this.block = block;
            this.line = line;
        }

        @Override
        int exec(Frame f) {
            Object a = start.eval(f);
            Object b = limit.eval(f);
            Object c = step == null ? (Object) 1.0 : step.eval(f);
            Double i0 = Lua.toNumber(a);
            if (i0 == null) throw f.error(line, "'for' initial value must be a number");
            Double lim = Lua.toNumber(b);
            if (lim == null) throw f.error(line, "'for' limit must be a number");
            Double st = Lua.toNumber(c);
            if (st == null) throw f.error(line, "'for' step must be a number");
            double i = i0, l = lim, s = st;
            LuaState L = f.L;
            Object[] slots = f.slots;
            int slot = var.slot;
            boolean boxed = var.captured;
            for (; s > 0 ? i <= l : i >= l; i += s) {
                if (--L.hookLeft <= 0) {
                    if (line > 0) f.line = line; // the hook (SCRIPT KILL) reports the running line
                    L.hookTick();
                }
                slots[slot] = boxed ? new Cell(i) : (Object) i;
                int sig = block.exec(f);
                if (sig == Frame.BREAK) break;
                if (sig != Frame.NORMAL) return sig;
            }
            return Frame.NORMAL;
        }
    }

    static final class GenFor extends Stat {
        final VarInfo[] vars;
        final Expr[] exprs;
        final Block block;

        GenFor(VarInfo[] vars, Expr[] exprs, Block block, int line) {
            this.vars = vars;
            this.exprs = exprs;
            this.block = block;
            this.line = line;
        }

        @Override
        int exec(Frame f) {
            Object[] init = evalList(f, exprs);
            Object fn = init.length > 0 ? init[0] : null;
            Object state = init.length > 1 ? init[1] : null;
            Object control = init.length > 2 ? init[2] : null;
            LuaState L = f.L;
            Object[] slots = f.slots;
            Object[] args = new Object[2];
            for (;;) {
                if (--L.hookLeft <= 0) {
                    if (line > 0) f.line = line; // the hook (SCRIPT KILL) reports the running line
                    L.hookTick();
                }
                args[0] = state;
                args[1] = control;
                f.line = line;
                Object[] r;
                // OP_TFORLOOP calls through luaD_call: a C-call level (no yield across it)
                CallStack cs = L.cs;
                if (++cs.cCalls >= CallStack.MAX_C_CALLS) {
                    cs.cCalls--;
                    throw L.runError("C stack overflow");
                }
                try {
                    if (fn instanceof LuaClosure) r = ((LuaClosure) fn).invoke(L, new Object[] {state, control});
                    else r = L.callAt(fn, args, "local", "(for generator)");
                } finally {
                    cs.cCalls--;
                }
                Object first = r.length > 0 ? r[0] : null;
                if (first == null) break;
                control = first;
                for (int i = 0; i < vars.length; i++) {
                    Object v = i < r.length ? r[i] : null;
                    VarInfo var = vars[i];
                    slots[var.slot] = var.captured ? new Cell(v) : v;
                }
                int sig = block.exec(f);
                if (sig == Frame.BREAK) break;
                if (sig != Frame.NORMAL) return sig;
            }
            return Frame.NORMAL;
        }
    }

    static final class Return extends Stat {
        final Expr[] exprs;

        Return(Expr[] exprs) {
            this.exprs = exprs;
        }

        @Override
        int exec(Frame f) {
            if (exprs.length == 1) {
                Expr e = exprs[0];
                if (e instanceof Call) return ((Call) e).tailCall(f);
                f.ret = e.isMulti() ? e.evalMulti(f) : new Object[] {e.eval(f)};
                return Frame.RETURN;
            }
            f.ret = evalList(f, exprs);
            return Frame.RETURN;
        }
    }

    static final class Break extends Stat {
        @Override
        int exec(Frame f) {
            return Frame.BREAK;
        }
    }
}
