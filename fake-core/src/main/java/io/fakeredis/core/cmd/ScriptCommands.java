package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;

/** EVAL, EVALSHA, their read-only forms, and SCRIPT: bindings to the engine's Scripting. */
public final class ScriptCommands {
    private ScriptCommands() {}

    private static final String[] SCRIPT_HELP = {
        "SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "DEBUG (YES|SYNC|NO)",
        "    Set the debug mode for subsequent scripts executed.",
        "EXISTS <sha1> [<sha1> ...]",
        "    Return information about the existence of the scripts in the script cache.",
        "FLUSH [ASYNC|SYNC]",
        "    Flush the Lua scripts cache. Very dangerous on replicas.",
        "    When called without the optional mode argument, the behavior is determined by the",
        "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
        "    * ASYNC: Asynchronously flush the scripts cache.",
        "    * SYNC: Synchronously flush the scripts cache.",
        "KILL",
        "    Kill the currently executing Lua script.",
        "LOAD <script>",
        "    Load a script into the scripts cache without executing it.",
        "HELP",
        "    Prints this help.",
    };

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "eval" -> c.engine.scripting().eval(c, false, false);
            case "evalsha" -> c.engine.scripting().eval(c, true, false);
            case "eval_ro" -> c.engine.scripting().eval(c, false, true);
            case "evalsha_ro" -> c.engine.scripting().eval(c, true, true);
            case "script|load" -> c.engine.scripting().scriptLoad(c);
            case "script|exists" -> c.engine.scripting().scriptExists(c);
            case "script|flush" -> c.engine.scripting().scriptFlush(c);
            // Scripts run to completion under the engine lock, so none is ever running when this arrives.
            case "script|kill" -> c.reply.error("NOTBUSY No scripts in execution right now.");
            case "script|help" -> help(c);
            default -> throw new IllegalStateException("not bound in ScriptCommands: " + name);
        }
    }

    static void help(Client c) {
        c.reply.array(SCRIPT_HELP.length);
        for (String line : SCRIPT_HELP) c.reply.status(line);
    }
}
