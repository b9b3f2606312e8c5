package io.fakeredis.core.scripting;

/**
 * Per thread: what a script that runs past busy-reply-threshold on that thread calls to serve
 * other clients (Redis's processEventsWhileBlocked). Apart from {@link Scripting} so that a
 * server's I/O thread can install its hook without loading the scripting engine.
 */
public final class BusyHook {
    private BusyHook() {}

    private static final ThreadLocal<Runnable> HOOK = new ThreadLocal<>();

    /**
     * Installs the hook for scripts run on the calling thread: a server's I/O thread answers its
     * other clients there, using {@link Scripting#busyReply}. The hook runs with the engine lock
     * held, between two Lua instructions; it must not run commands or scripts.
     */
    public static void install(Runnable hook) {
        if (hook == null) HOOK.remove();
        else HOOK.set(hook);
    }

    static Runnable current() {
        return HOOK.get();
    }
}
