package io.fakeredis.core.scripting.lua;

import java.util.concurrent.SynchronousQueue;

/**
 * A coroutine (Lua type "thread"). Each runs its function on a daemon Java thread; resume
 * and yield hand control back and forth, so exactly one of them runs at any time.
 */
public final class LuaThread {
    private static final int YIELD = 0, RETURN = 1, ERROR = 2, FAIL = 3, RESUME = 4, KILL = 5;

    private static final class Msg {
        final int kind;
        final Object[] values;
        final Object error;
        final Throwable failure;

        Msg(int kind, Object[] values, Object error, Throwable failure) {
            this.kind = kind;
            this.values = values;
            this.error = error;
            this.failure = failure;
        }
    }

    /** Unwinds a coroutine thread that closeCoroutines() ends. */
    private static final class Killed extends RuntimeException {
        Killed() {
            super(null, null, false, false);
        }
    }

    private final LuaState L;
    private final LuaClosure fn;
    final CallStack stack = new CallStack();
    /** "suspended", "running", "normal" or "dead". */
    String status = "suspended";
    private boolean started;
    /** Msg, or a Handoff answering a task. */
    private final SynchronousQueue<Object> toCo = new SynchronousQueue<>();
    /** Msg, or a Handoff carrying a task for the resumer's thread. */
    private final SynchronousQueue<Object> fromCo = new SynchronousQueue<>();

    LuaThread(LuaState L, LuaClosure fn) {
        this.L = L;
        this.fn = fn;
    }

    /**
     * lua_resume: true and the yielded or returned values, or false and the error value (also for
     * "cannot resume dead coroutine" and "cannot resume non-suspended coroutine").
     */
    Object[] resume(Object[] args) {
        if ("dead".equals(status)) return new Object[] {Boolean.FALSE, LuaString.of("cannot resume dead coroutine")};
        if (!"suspended".equals(status)) return new Object[] {Boolean.FALSE, LuaString.of("cannot resume non-suspended coroutine")};
        if (L.cs.cCalls >= CallStack.MAX_C_CALLS) return new Object[] {Boolean.FALSE, LuaString.of("C stack overflow")};
        LuaThread prev = L.running;
        CallStack prevStack = L.cs;
        LuaState.Forwarder prevFwd = L.fwd;
        String savedName = L.callName, savedWhat = L.callNameWhat;
        if (prev != null) prev.status = "normal";
        status = "running";
        L.running = this;
        L.cs = stack;
        Msg m;
        try {
            if (!started) {
                started = true;
                L.coroutines.add(this);
                L.workers.start(() -> body(args));
            } else {
                put(toCo, new Msg(RESUME, args, null, null));
            }
            for (;;) {
                Object o = take(fromCo);
                if (o instanceof Msg) {
                    m = (Msg) o;
                    break;
                }
                // a task the coroutine's thread hands to this one (see LuaState.onOwnerThread)
                put(toCo, L.serve(((LuaState.Handoff) o).task, prevFwd));
            }
        } finally {
            L.running = prev;
            L.cs = prevStack;
            L.fwd = prevFwd;
            L.callName = savedName;
            L.callNameWhat = savedWhat;
            if (prev != null) prev.status = "running";
        }
        switch (m.kind) {
            case YIELD:
                status = "suspended";
                return prepend(Boolean.TRUE, m.values);
            case RETURN:
                finish();
                return prepend(Boolean.TRUE, m.values);
            case ERROR:
                finish();
                return new Object[] {Boolean.FALSE, m.error};
            default:
                finish();
                if (m.failure instanceof RuntimeException) throw (RuntimeException) m.failure;
                if (m.failure instanceof Error) throw (Error) m.failure;
                throw new IllegalStateException(m.failure);
        }
    }

    private void finish() {
        status = "dead";
        L.coroutines.remove(this);
    }

    /** Runs a task on the thread waiting for this coroutine. */
    private Object forward(java.util.function.Supplier<Object> task) {
        put(fromCo, new LuaState.Handoff(task, null, null, false));
        return LuaState.unwrap((LuaState.Handoff) take(toCo));
    }

    private void body(Object[] args) {
        Msg result;
        L.fwd = this::forward;
        try {
            result = new Msg(RETURN, fn.invoke(L, args), null, null);
        } catch (LuaError e) {
            result = new Msg(ERROR, null, e.value, null);
        } catch (Killed e) {
            return;
        } catch (StackOverflowError e) {
            result = new Msg(ERROR, null, LuaString.of("stack overflow"), null);
        } catch (Throwable e) {
            result = new Msg(FAIL, null, null, e);
        }
        put(fromCo, result);
    }

    /** coroutine.yield inside this coroutine: hands the values to the resumer, waits for the next resume. */
    Object[] yield(Object[] values) {
        status = "suspended";
        put(fromCo, new Msg(YIELD, values, null, null));
        Msg m = (Msg) take(toCo);
        if (m.kind == KILL) throw new Killed();
        L.fwd = this::forward;
        return m.values;
    }

    /** Tells a suspended coroutine to end: its thread unwinds it (LuaState.closeCoroutines waits). */
    void kill() {
        if (started && "suspended".equals(status)) put(toCo, new Msg(KILL, null, null, null));
        status = "dead";
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] r = new Object[rest.length + 1];
        r[0] = first;
        System.arraycopy(rest, 0, r, 1, rest.length);
        return r;
    }

    static <T> void put(SynchronousQueue<T> q, T m) {
        boolean interrupted = false;
        for (;;) {
            try {
                q.put(m);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    static <T> T take(SynchronousQueue<T> q) {
        boolean interrupted = false;
        try {
            for (;;) {
                try {
                    return q.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
