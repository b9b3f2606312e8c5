package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.command.CommandTable;

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

    public static void register(CommandTable t) {
        t.bind("eval", c -> c.engine.scripting.eval(c, false, false));
        t.bind("evalsha", c -> c.engine.scripting.eval(c, true, false));
        t.bind("eval_ro", c -> c.engine.scripting.eval(c, false, true));
        t.bind("evalsha_ro", c -> c.engine.scripting.eval(c, true, true));
        t.bind("script|load", c -> c.engine.scripting.scriptLoad(c));
        t.bind("script|exists", c -> c.engine.scripting.scriptExists(c));
        t.bind("script|flush", c -> c.engine.scripting.scriptFlush(c));
        // Scripts run to completion under the engine lock, so none is ever running when this arrives.
        t.bind("script|kill", c -> c.reply.error("NOTBUSY No scripts in execution right now."));
        t.bind("script|help", ScriptCommands::help);
    }

    static void help(Client c) {
        c.reply.array(SCRIPT_HELP.length);
        for (String line : SCRIPT_HELP) c.reply.status(line);
    }
}
