package io.fakeredis.core.scripting.lua;

/**
 * The call stack of one coroutine (or of the main script): a Frame per running Lua function and
 * null per running builtin, read by where() and the error positions.
 */
final class CallStack {
    /**
     * Lua 5.1 fails when its CallInfo array would grow past LUAI_MAXCALLS (20000): first when it
     * doubles from 16384; after that error the array stays at 20000 entries. One entry is the
     * base, so these count the frames above it.
     */
    static final int FIRST_MAX_FRAMES = 16383, MAX_FRAMES = 19999;
    /** Lua frames on one Java stack before the call continues on a fresh, larger Java stack. */
    static final int MAX_NATIVE_DEPTH = 160;
    /** Nested calls from builtins and metamethods (LUAI_MAXCCALLS). */
    static final int MAX_C_CALLS = 200;

    Frame[] frames = new Frame[32];
    int top;
    int nativeDepth;
    int cCalls;

    void push(LuaState L, Frame f) {
        if (top == frames.length) {
            if (top >= L.maxFrames) {
                L.maxFrames = MAX_FRAMES;
                throw L.runError("stack overflow");
            }
            frames = java.util.Arrays.copyOf(frames, Math.min(top * 2, L.maxFrames));
        }
        frames[top++] = f;
    }

    /** The running Lua frame, or null when a builtin runs (or nothing). */
    Frame current() {
        return top == 0 ? null : frames[top - 1];
    }
}
