package io.fakeredis.core.scripting;

import io.fakeredis.core.ReplySink;

/**
 * The Lua virtual machine behind EVAL and FCALL. The engine-neutral parts (script cache, command
 * checks, flags, error texts) live in {@link Scripting}; a runtime only compiles, runs and converts
 * values (our own Lua 5.1 interpreter: runtime.VmRuntime).
 */
public interface LuaRuntime {
    /** Compiles a chunk; throws {@link ScriptError} with Lua's message on a syntax error. */
    Object compile(String chunkName, byte[] body);

    /**
     * Runs a compiled chunk with KEYS and ARGV set, sending redis.* calls to the bridge, and writes
     * the converted result to out. Throws {@link ScriptError} when the script raises an error.
     */
    void run(Object compiled, byte[][] keys, byte[][] args, Bridge bridge, ReplySink out);

    /**
     * Runs a library body in FUNCTION LOAD's context, where only redis.register_function, redis.log
     * and the version constants exist; each registration goes to the registrar. Throws ScriptError.
     */
    void loadLibrary(Object compiled, Registrar registrar, Bridge bridge);

    /**
     * Asks the running script to stop (SCRIPT KILL): it fails with Redis's "Script killed" error
     * at its next instruction. Called from another thread; the flag clears when the next run starts.
     */
    void kill();

    /**
     * Sets what runs every 100000 instructions of a script (Redis's Lua count hook), null for
     * nothing. It runs on the script's thread between instructions and may call {@link #kill()}.
     */
    void periodic(Runnable every);

    /** Calls a registered function as Redis does: callback(keys, args). Throws ScriptError. */
    void callFunction(Object function, byte[][] keys, byte[][] args, Bridge bridge, ReplySink out);

    /** Receives redis.register_function calls; throws ScriptError with Redis's text to refuse one. */
    interface Registrar {
        void register(byte[] name, Object callback, String[] flags, byte[] description);
    }

    /** What a script can reach from the outside: redis.call and friends. */
    interface Bridge {
        /**
         * Runs a command for the script. Problems the script caused (unknown command, wrong arity,
         * write in a read-only script) are thrown as ScriptError with Redis's text; the command's
         * own reply, error or not, goes to the sink.
         */
        void call(byte[][] argv, ReplySink sink);

        /** redis.setresp(2|3): the protocol commands called from the script answer in. */
        void setResp(int resp);

        int resp();

        /** An error reply a command gave the script: Redis counts it in the error stats like any client's. */
        default void errorReply(String error) {}

        /** redis.log(level, message). */
        void log(int level, String message);

        /**
         * redis.acl_check_cmd: whether the calling user may run the command; throws ScriptError
         * ("ERR Invalid command passed to redis.acl_check_cmd()") for an unknown command.
         */
        default boolean aclCheck(byte[][] argv) {
            return true;
        }
    }
}
