package io.fakeredis.core.scripting.lua;

import io.fakeredis.core.scripting.lua.Nodes.Expr;
import io.fakeredis.core.scripting.lua.Nodes.Stat;
import java.util.ArrayList;
import java.util.List;

/**
 * Lua 5.1 recursive-descent parser, shaped like lparser.c so the syntax errors come out at the
 * same token with the same text. Builds the node tree with locals resolved to frame slots.
 */
final class Parser {
    private static final int MAX_VARS = 200;
    private static final int MAX_UPVALUES = 60;
    private static final int MAX_LEVELS = 200;
    private static final int UNARY_PRIORITY = 8;

    private final Lexer lx;
    private FuncState fs;
    private int level;
    /** Registers luac would hold for the expression being parsed, above the locals (approximate). */
    private int regs;
    private static final int MAX_STACK = 250;

    private static final class BlockScope {
        final BlockScope prev;
        final int nactive;
        final int freeSlot;
        final boolean breakable;

        BlockScope(BlockScope prev, int nactive, int freeSlot, boolean breakable) {
            this.prev = prev;
            this.nactive = nactive;
            this.freeSlot = freeSlot;
            this.breakable = breakable;
        }
    }

    private static final class FuncState {
        final FuncState parent;
        final FuncProto proto;
        final List<VarInfo> actives = new ArrayList<>();
        final List<LuaString> upNames = new ArrayList<>();
        final List<Boolean> upFromLocal = new ArrayList<>();
        final List<Integer> upIndex = new ArrayList<>();
        int freeSlot;
        int maxSlots;
        /** The hidden control variables of enclosing for loops (3 each), as registers. */
        int hidden;
        BlockScope block;

        FuncState(FuncState parent, FuncProto proto) {
            this.parent = parent;
            this.proto = proto;
        }
    }

    private Parser(Lexer lx) {
        this.lx = lx;
    }

    /** Compiles a main chunk (a vararg function without parameters). */
    static FuncProto parse(byte[] source, String chunkId, int cCalls) {
        Lexer lx = new Lexer(source, chunkId);
        Parser p = new Parser(lx);
        p.level = cCalls; // Lua counts syntax levels on top of the C calls in progress
        FuncProto proto = new FuncProto(chunkId, 0);
        proto.isVararg = true;
        proto.params = new VarInfo[0];
        p.fs = new FuncState(null, proto);
        lx.next();
        Nodes.Block body = p.chunk();
        p.check(Lexer.EOS);
        p.closeFunc(body);
        return proto;
    }

    // ---------------------------------------------------------------- helpers

    private LuaError errorExpected(int token) {
        return lx.syntaxError("'" + Lexer.token2str(token) + "' expected");
    }

    private void check(int token) {
        if (lx.token != token) throw errorExpected(token);
    }

    private void checkNext(int token) {
        check(token);
        lx.next();
    }

    private boolean testNext(int token) {
        if (lx.token == token) {
            lx.next();
            return true;
        }
        return false;
    }

    private void checkMatch(int what, int who, int where) {
        if (!testNext(what)) {
            if (where == lx.lineNumber) throw errorExpected(what);
            throw lx.syntaxError("'" + Lexer.token2str(what) + "' expected (to close '" + Lexer.token2str(who) + "' at line " + where + ")");
        }
    }

    private LuaString checkName() {
        check(Lexer.NAME);
        LuaString s = lx.sval;
        lx.next();
        return s;
    }

    private static boolean blockFollow(int token) {
        switch (token) {
            case Lexer.ELSE:
            case Lexer.ELSEIF:
            case Lexer.END:
            case Lexer.UNTIL:
            case Lexer.EOS:
                return true;
            default:
                return false;
        }
    }

    private void enterLevel() {
        if (++level > MAX_LEVELS) throw lx.lexError("chunk has too many syntax levels", 0);
    }

    private LuaError limitError(int limit, String what) {
        String msg = fs.proto.lineDefined == 0
                ? "main function has more than " + limit + " " + what
                : "function at line " + fs.proto.lineDefined + " has more than " + limit + " " + what;
        return lx.lexError(msg, 0);
    }

    /** luaK_reserveregs(1): "function or expression too complex" past MAXSTACK registers. */
    private void reserveReg() {
        if (fs.actives.size() + fs.hidden + regs + 1 >= MAX_STACK) throw lx.syntaxError("function or expression too complex");
        regs++;
    }

    // ---------------------------------------------------------------- scopes and variables

    private VarInfo newLocal(LuaString name) {
        if (fs.actives.size() + 1 > MAX_VARS) throw limitError(MAX_VARS, "local variables");
        VarInfo v = new VarInfo(name, fs.freeSlot++);
        if (fs.freeSlot > fs.maxSlots) fs.maxSlots = fs.freeSlot;
        return v;
    }

    private void activate(VarInfo v) {
        fs.actives.add(v);
    }

    private void openBlock(boolean breakable) {
        fs.block = new BlockScope(fs.block, fs.actives.size(), fs.freeSlot, breakable);
    }

    private void closeBlock() {
        BlockScope b = fs.block;
        while (fs.actives.size() > b.nactive) fs.actives.remove(fs.actives.size() - 1);
        fs.freeSlot = b.freeSlot;
        fs.block = b.prev;
    }

    private static VarInfo findLocal(FuncState f, LuaString name) {
        for (int i = f.actives.size() - 1; i >= 0; i--) {
            if (f.actives.get(i).name.equals(name)) return f.actives.get(i);
        }
        return null;
    }

    private int findUpval(FuncState f, LuaString name) {
        for (int i = 0; i < f.upNames.size(); i++) {
            if (f.upNames.get(i).equals(name)) return i;
        }
        if (f.parent == null) return -1;
        VarInfo v = findLocal(f.parent, name);
        if (v != null) {
            v.captured = true;
            return addUpval(f, name, true, v.slot);
        }
        int pu = findUpval(f.parent, name);
        if (pu < 0) return -1;
        return addUpval(f, name, false, pu);
    }

    private int addUpval(FuncState f, LuaString name, boolean fromLocal, int index) {
        if (f.upNames.size() + 1 > MAX_UPVALUES) {
            FuncState saved = fs;
            fs = f;
            LuaError e = limitError(MAX_UPVALUES, "upvalues");
            fs = saved;
            throw e;
        }
        f.upNames.add(name);
        f.upFromLocal.add(fromLocal);
        f.upIndex.add(index);
        return f.upNames.size() - 1;
    }

    private Expr singleVar(LuaString name) {
        Expr e;
        VarInfo v = findLocal(fs, name);
        if (v != null) {
            e = new Nodes.Local(v);
        } else {
            int up = findUpval(fs, name);
            e = up >= 0 ? new Nodes.Upval(up, name) : new Nodes.Global(name);
        }
        e.line = lx.lastLine;
        return e;
    }

    private void closeFunc(Nodes.Block body) {
        FuncProto p = fs.proto;
        p.body = body;
        p.maxSlots = fs.maxSlots;
        int n = fs.upNames.size();
        p.upNames = fs.upNames.toArray(new LuaString[0]);
        p.upFromLocal = new boolean[n];
        p.upIndex = new int[n];
        for (int i = 0; i < n; i++) {
            p.upFromLocal[i] = fs.upFromLocal.get(i);
            p.upIndex[i] = fs.upIndex.get(i);
        }
    }

    // ---------------------------------------------------------------- statements

    private Nodes.Block chunk() {
        List<Stat> stats = new ArrayList<>();
        enterLevel();
        boolean last = false;
        while (!last && !blockFollow(lx.token)) {
            int tok = lx.token;
            last = tok == Lexer.RETURN || tok == Lexer.BREAK;
            stats.add(statement());
            testNext(';');
        }
        level--;
        return new Nodes.Block(stats.toArray(new Stat[0]));
    }

    private Nodes.Block block(boolean breakable) {
        openBlock(breakable);
        Nodes.Block b = chunk();
        closeBlock();
        return b;
    }

    private Stat statement() {
        int line = lx.lineNumber;
        regs = 0;
        Stat s;
        switch (lx.token) {
            case Lexer.IF:
                s = ifStat(line);
                break;
            case Lexer.WHILE: {
                lx.next();
                Expr cond = expr();
                checkNext(Lexer.DO);
                Nodes.Block b = block(true);
                checkMatch(Lexer.END, Lexer.WHILE, line);
                s = new Nodes.While(cond, b);
                break;
            }
            case Lexer.DO: {
                lx.next();
                Nodes.Block b = block(false);
                checkMatch(Lexer.END, Lexer.DO, line);
                s = new Nodes.Do(b);
                break;
            }
            case Lexer.FOR:
                s = forStat(line);
                break;
            case Lexer.REPEAT:
                s = repeatStat(line);
                break;
            case Lexer.FUNCTION:
                s = funcStat(line);
                break;
            case Lexer.LOCAL:
                lx.next();
                if (testNext(Lexer.FUNCTION)) s = localFunc();
                else s = localStat();
                break;
            case Lexer.RETURN:
                lx.next();
                s = retStat();
                break;
            case Lexer.BREAK: {
                lx.next();
                BlockScope b = fs.block;
                while (b != null && !b.breakable) b = b.prev;
                if (b == null) throw lx.syntaxError("no loop to break");
                s = new Nodes.Break();
                break;
            }
            default:
                s = exprStat();
                break;
        }
        if (s.line == 0) s.line = line;
        return s;
    }

    private Stat ifStat(int line) {
        List<Expr> conds = new ArrayList<>();
        List<Nodes.Block> blocks = new ArrayList<>();
        Nodes.Block orElse = null;
        // IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END
        do {
            lx.next();
            conds.add(expr());
            checkNext(Lexer.THEN);
            blocks.add(block(false));
        } while (lx.token == Lexer.ELSEIF);
        if (testNext(Lexer.ELSE)) orElse = block(false);
        checkMatch(Lexer.END, Lexer.IF, line);
        return new Nodes.If(conds.toArray(new Expr[0]), blocks.toArray(new Nodes.Block[0]), orElse);
    }

    private Stat forStat(int line) {
        lx.next();
        openBlock(true);
        LuaString name = checkName();
        Stat s;
        switch (lx.token) {
            case '=': {
                lx.next();
                Expr start = expr();
                checkNext(',');
                Expr limit = expr();
                Expr step = testNext(',') ? expr() : null;
                checkNext(Lexer.DO);
                int doLine = lx.lastLine;
                // hidden state has no slot: it lives in the loop node
                openBlock(false);
                VarInfo v = newLocal(name);
                activate(v);
                fs.hidden += 3;
                Nodes.Block b = chunkInScope();
                fs.hidden -= 3;
                closeBlock();
                s = new Nodes.NumFor(v, start, limit, step, b, doLine);
                break;
            }
            case ',':
            case Lexer.IN: {
                List<LuaString> names = new ArrayList<>();
                names.add(name);
                while (testNext(',')) names.add(checkName());
                checkNext(Lexer.IN);
                int exprLine = lx.lineNumber;
                Expr[] exprs = exprList();
                checkNext(Lexer.DO);
                openBlock(false);
                VarInfo[] vars = new VarInfo[names.size()];
                for (int i = 0; i < vars.length; i++) vars[i] = newLocal(names.get(i));
                for (VarInfo v : vars) activate(v);
                fs.hidden += 3;
                Nodes.Block b = chunkInScope();
                fs.hidden -= 3;
                closeBlock();
                s = new Nodes.GenFor(vars, exprs, b, exprLine);
                break;
            }
            default:
                throw lx.syntaxError("'=' or 'in' expected");
        }
        checkMatch(Lexer.END, Lexer.FOR, line);
        closeBlock();
        return s;
    }

    /** A block body whose scope the caller opened (loops put their variables in it). */
    private Nodes.Block chunkInScope() {
        return chunk();
    }

    private Stat repeatStat(int line) {
        lx.next();
        openBlock(true);
        openBlock(false);
        Nodes.Block b = chunk();
        checkMatch(Lexer.UNTIL, Lexer.REPEAT, line);
        Expr cond = expr(); // sees the body's locals
        closeBlock();
        closeBlock();
        return new Nodes.Repeat(b, cond);
    }

    private Stat funcStat(int line) {
        lx.next();
        Expr target = singleVar(checkName());
        boolean method = false;
        while (lx.token == '.') {
            lx.next();
            LuaString key = checkName();
            Expr k = new Nodes.Const(key);
            target = index(target, k);
        }
        if (lx.token == ':') {
            lx.next();
            LuaString key = checkName();
            target = index(target, new Nodes.Const(key));
            method = true;
        }
        Nodes.Function fn = body(method, line);
        Nodes.Assign a = new Nodes.Assign(new Expr[] {target}, new Expr[] {fn});
        a.line = lx.lastLine;
        return a;
    }

    private Expr index(Expr obj, Expr key) {
        Nodes.Index ix = new Nodes.Index(obj, key);
        ix.line = lx.lastLine;
        return ix;
    }

    private Stat localFunc() {
        VarInfo v = newLocal(checkName());
        activate(v);
        Nodes.Function fn = body(false, lx.lineNumber);
        return new Nodes.LocalFunction(v, fn);
    }

    private Stat localStat() {
        List<VarInfo> vars = new ArrayList<>();
        do {
            vars.add(newLocal(checkName()));
        } while (testNext(','));
        Expr[] exprs = testNext('=') ? exprList() : new Expr[0];
        for (VarInfo v : vars) activate(v);
        return new Nodes.LocalStat(vars.toArray(new VarInfo[0]), exprs);
    }

    private Stat retStat() {
        Expr[] exprs;
        if (blockFollow(lx.token) || lx.token == ';') exprs = new Expr[0];
        else exprs = exprList();
        if (exprs.length > 1 && !exprs[exprs.length - 1].isMulti()) {
            regs = exprs.length - 1; // the last value is closed into its register after the list
            reserveReg();
        }
        return new Nodes.Return(exprs);
    }

    private Stat exprStat() {
        Expr e = primaryExp();
        if (e instanceof Nodes.Call) return new Nodes.CallStat((Nodes.Call) e);
        List<Expr> targets = new ArrayList<>();
        targets.add(e);
        for (;;) {
            Expr t = targets.get(targets.size() - 1);
            if (!(t instanceof Nodes.Local || t instanceof Nodes.Upval || t instanceof Nodes.Global || t instanceof Nodes.Index)) {
                throw lx.syntaxError("syntax error");
            }
            if (!testNext(',')) break;
            targets.add(primaryExp());
        }
        checkNext('=');
        Expr[] exprs = exprList();
        Nodes.Assign a = new Nodes.Assign(targets.toArray(new Expr[0]), exprs);
        a.line = lx.lastLine;
        return a;
    }

    // ---------------------------------------------------------------- functions

    private Nodes.Function body(boolean needSelf, int line) {
        FuncProto proto = new FuncProto(lx.chunkId, line);
        FuncState nfs = new FuncState(fs, proto);
        int savedRegs = regs;
        regs = 0;
        fs = nfs;
        List<VarInfo> params = new ArrayList<>();
        if (needSelf) {
            VarInfo self = newLocal(LuaString.of("self"));
            activate(self);
            params.add(self);
        }
        checkNext('(');
        if (lx.token != ')') {
            do {
                switch (lx.token) {
                    case Lexer.NAME: {
                        VarInfo v = newLocal(checkName());
                        params.add(v);
                        break;
                    }
                    case Lexer.DOTS:
                        lx.next();
                        proto.isVararg = true;
                        // LUA_COMPAT_VARARG: a local 'arg' holds the varargs unless the body uses '...'
                        proto.argVar = newLocal(LuaString.of("arg"));
                        proto.needsArg = true;
                        params.add(proto.argVar);
                        break;
                    default:
                        throw lx.syntaxError("<name> or '...' expected");
                }
            } while (!proto.isVararg && testNext(','));
        }
        for (VarInfo v : params) {
            if (!needSelf || v != params.get(0)) activate(v);
        }
        if (proto.argVar != null) params.remove(proto.argVar);
        proto.params = params.toArray(new VarInfo[0]);
        checkNext(')');
        Nodes.Block b = chunk();
        checkMatch(Lexer.END, Lexer.FUNCTION, line);
        closeFunc(b);
        fs = nfs.parent;
        regs = savedRegs;
        Nodes.Function fn = new Nodes.Function(proto);
        fn.line = line;
        return fn;
    }

    // ---------------------------------------------------------------- expressions

    private Expr[] exprList() {
        int base = regs;
        List<Expr> list = new ArrayList<>();
        list.add(expr());
        while (testNext(',')) {
            reserveReg(); // the value before the comma goes to the next register
            list.add(expr());
        }
        regs = base;
        return list.toArray(new Expr[0]);
    }

    private Expr expr() {
        Expr[] out = new Expr[1];
        subExpr(out, 0);
        return out[0];
    }

    private Expr prefixExp() {
        switch (lx.token) {
            case Lexer.NAME:
                return singleVar(checkName());
            case '(': {
                int line = lx.lineNumber;
                lx.next();
                Expr e = expr();
                checkMatch(')', '(', line);
                return new Nodes.Paren(e);
            }
            default:
                throw lx.syntaxError("unexpected symbol");
        }
    }

    private Expr primaryExp() {
        Expr e = prefixExp();
        for (;;) {
            switch (lx.token) {
                case '.': {
                    lx.next();
                    LuaString key = checkName();
                    e = index(e, new Nodes.Const(key));
                    break;
                }
                case '[': {
                    lx.next();
                    Expr key = expr();
                    checkNext(']');
                    e = index(e, key);
                    break;
                }
                case ':': {
                    lx.next();
                    LuaString name = checkName();
                    int line = lx.lineNumber;
                    int base = regs;
                    reserveReg();
                    reserveReg();
                    Expr[] args = funcArgs();
                    regs = base;
                    e = new Nodes.MethodCall(e, name, args, line);
                    break;
                }
                case '(':
                case Lexer.STRING:
                case '{': {
                    int line = lx.lineNumber;
                    int base = regs;
                    reserveReg();
                    Expr[] args = funcArgs();
                    regs = base;
                    e = new Nodes.Call(e, args, line);
                    break;
                }
                default:
                    return e;
            }
        }
    }

    private Expr[] funcArgs() {
        int line = lx.lineNumber;
        switch (lx.token) {
            case '(': {
                if (line != lx.lastLine) throw lx.syntaxError("ambiguous syntax (function call x new statement)");
                lx.next();
                int base = regs;
                Expr[] args = lx.token == ')' ? new Expr[0] : exprList();
                checkMatch(')', '(', line);
                if (args.length > 0 && !args[args.length - 1].isMulti()) {
                    // the last argument is closed into its register after the ')'
                    regs = base + args.length - 1;
                    reserveReg();
                }
                regs = base;
                return args;
            }
            case '{':
                return new Expr[] {constructor()};
            case Lexer.STRING: {
                Expr s = new Nodes.Const(lx.sval);
                lx.next();
                return new Expr[] {s};
            }
            default:
                throw lx.syntaxError("function arguments expected");
        }
    }

    private Expr constructor() {
        int line = lx.lineNumber;
        checkNext('{');
        List<Expr> array = new ArrayList<>();
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        List<Integer> before = new ArrayList<>();
        do {
            if (lx.token == '}') break;
            switch (lx.token) {
                case Lexer.NAME:
                    if (lx.lookahead() != '=') {
                        array.add(expr());
                    } else {
                        LuaString k = checkName();
                        checkNext('=');
                        before.add(array.size());
                        keys.add(new Nodes.Const(k));
                        values.add(expr());
                    }
                    break;
                case '[': {
                    lx.next();
                    Expr k = expr();
                    checkNext(']');
                    checkNext('=');
                    before.add(array.size());
                    keys.add(k);
                    values.add(expr());
                    break;
                }
                default:
                    array.add(expr());
            }
        } while (testNext(',') || testNext(';'));
        checkMatch('}', '{', line);
        int[] b = new int[before.size()];
        for (int i = 0; i < b.length; i++) b[i] = before.get(i);
        return new Nodes.Table(array.toArray(new Expr[0]), keys.toArray(new Expr[0]), values.toArray(new Expr[0]), b, line);
    }

    private Expr simpleExp() {
        Expr e;
        switch (lx.token) {
            case Lexer.NUMBER:
                e = new Nodes.Const(lx.nval);
                break;
            case Lexer.STRING:
                e = new Nodes.Const(lx.sval);
                break;
            case Lexer.NIL:
                e = new Nodes.Const(null);
                break;
            case Lexer.TRUE:
                e = new Nodes.Const(Boolean.TRUE);
                break;
            case Lexer.FALSE:
                e = new Nodes.Const(Boolean.FALSE);
                break;
            case Lexer.DOTS:
                if (!fs.proto.isVararg) throw lx.syntaxError("cannot use '...' outside a vararg function");
                fs.proto.needsArg = false;
                e = new Nodes.Vararg();
                break;
            case '{':
                return constructor();
            case Lexer.FUNCTION: {
                lx.next();
                return body(false, lx.lineNumber);
            }
            default:
                return primaryExp();
        }
        e.line = lx.lineNumber;
        lx.next();
        return e;
    }

    private static int binaryOp(int token) {
        switch (token) {
            case '+': return 0;
            case '-': return 1;
            case '*': return 2;
            case '/': return 3;
            case '%': return 4;
            case '^': return 5;
            case Lexer.CONCAT: return 6;
            case Lexer.NE: return 7;
            case Lexer.EQ: return 8;
            case '<': return 9;
            case Lexer.LE: return 10;
            case '>': return 11;
            case Lexer.GE: return 12;
            case Lexer.AND: return 13;
            case Lexer.OR: return 14;
            default: return -1;
        }
    }

    private static final int[] LEFT = {6, 6, 7, 7, 7, 10, 5, 3, 3, 3, 3, 3, 3, 2, 1};
    private static final int[] RIGHT = {6, 6, 7, 7, 7, 9, 4, 3, 3, 3, 3, 3, 3, 2, 1};

    /** subexpr: returns the first binary operator not consumed (or -1). */
    private int subExpr(Expr[] out, int limit) {
        enterLevel();
        int t = lx.token;
        Expr e;
        if (t == Lexer.NOT || t == '-' || t == '#') {
            int line = lx.lineNumber;
            lx.next();
            Expr[] operand = new Expr[1];
            subExpr(operand, UNARY_PRIORITY);
            if (t == Lexer.NOT) e = new Nodes.Not(operand[0]);
            else if (t == '-') {
                Expr o = operand[0];
                if (o instanceof Nodes.Const && ((Nodes.Const) o).value instanceof Double) e = new Nodes.Const(-(Double) ((Nodes.Const) o).value);
                else e = new Nodes.Unm(o, lx.lastLine);
            } else e = new Nodes.Len(operand[0], lx.lastLine);
            e.line = e.line == 0 ? line : e.line;
        } else {
            e = simpleExp();
        }
        int op = binaryOp(lx.token);
        while (op >= 0 && LEFT[op] > limit) {
            lx.next();
            Expr[] rhs = new Expr[1];
            int next = subExpr(rhs, RIGHT[op]);
            e = binary(op, e, rhs[0], lx.lastLine);
            op = next;
        }
        level--;
        out[0] = e;
        return op;
    }

    private static Expr binary(int op, Expr a, Expr b, int line) {
        Expr e;
        switch (op) {
            case 0: case 1: case 2: case 3: case 4: case 5:
                e = new Nodes.Arith(op, a, b, line);
                break;
            case 6: {
                if (b instanceof Nodes.Concat) {
                    Expr[] rest = ((Nodes.Concat) b).parts;
                    Expr[] parts = new Expr[rest.length + 1];
                    parts[0] = a;
                    System.arraycopy(rest, 0, parts, 1, rest.length);
                    e = new Nodes.Concat(parts, line);
                } else {
                    e = new Nodes.Concat(new Expr[] {a, b}, line);
                }
                break;
            }
            case 7: e = new Nodes.Eq(a, b, true); break;
            case 8: e = new Nodes.Eq(a, b, false); break;
            case 9: e = new Nodes.Lt(a, b, false, false, line); break;
            case 10: e = new Nodes.Lt(a, b, false, true, line); break;
            case 11: e = new Nodes.Lt(a, b, true, false, line); break;
            case 12: e = new Nodes.Lt(a, b, true, true, line); break;
            case 13: e = new Nodes.And(a, b); break;
            default: e = new Nodes.Or(a, b); break;
        }
        e.line = line;
        return e;
    }
}
