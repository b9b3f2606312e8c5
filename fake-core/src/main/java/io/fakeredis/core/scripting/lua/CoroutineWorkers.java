package io.fakeredis.core.scripting.lua;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The daemon Java threads that run a state's coroutines. A thread whose coroutine has finished
 * waits for the next coroutine of the same state (starting a thread costs far more than a
 * handoff); stopAll() ends every one of them, so none outlives the script run.
 */
final class CoroutineWorkers {
    private static final long STACK_SIZE = 1L << 20; // deeper Lua calls continue on a larger stack
    private static final Runnable STOP = () -> {};
    private static final int IDLE_SECONDS = 10;

    private final class Worker implements Runnable {
        final SynchronousQueue<Runnable> inbox = new SynchronousQueue<>();
        final Thread thread;
        private Runnable first;

        Worker(Runnable first) {
            this.first = first;
            thread = new Thread(null, this, "fakeredis-lua-coroutine", STACK_SIZE);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            Runnable task = first;
            first = null;
            for (;;) {
                task.run();
                synchronized (idle) {
                    idle.addLast(this);
                }
                task = next();
                if (task == STOP) {
                    synchronized (idle) {
                        idle.remove(this);
                        all.remove(this);
                    }
                    return;
                }
            }
        }

        /** The next coroutine body, or STOP; also STOP after a while unused (a state never closed). */
        private Runnable next() {
            for (;;) {
                Runnable task;
                try {
                    task = inbox.poll(IDLE_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    task = null;
                }
                if (task != null) return task;
                synchronized (idle) {
                    if (idle.contains(this)) return STOP; // nobody is handing it work
                }
            }
        }
    }

    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    /** Every live worker, idle or busy (guarded by idle's lock). */
    private final List<Worker> all = new ArrayList<>();

    /** Runs a coroutine body on an idle worker, or on a new one. */
    void start(Runnable body) {
        Worker w;
        synchronized (idle) {
            w = idle.pollLast();
        }
        if (w != null) {
            LuaThread.put(w.inbox, body);
            return;
        }
        w = new Worker(body);
        synchronized (idle) {
            all.add(w);
        }
        w.thread.start();
    }

    /** Ends every worker; their coroutines must be dead or told to end already. */
    void stopAll() {
        List<Worker> workers;
        synchronized (idle) {
            workers = new ArrayList<>(all);
        }
        boolean interrupted = false;
        for (Worker w : workers) {
            // it takes STOP once its coroutine has unwound; one that timed out has ended already
            while (w.thread.isAlive()) {
                try {
                    if (w.inbox.offer(STOP, 10, TimeUnit.MILLISECONDS)) break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        for (Worker w : workers) {
            while (w.thread.isAlive()) {
                try {
                    w.thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
