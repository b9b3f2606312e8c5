package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;

/** FUNCTION and FCALL: bindings to the engine's Functions. */
public final class FunctionCommands {
    private FunctionCommands() {}

    private static final String[] HELP = {
        "FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "LOAD [REPLACE] <FUNCTION CODE>",
        "    Create a new library with the given library name and code.",
        "DELETE <LIBRARY NAME>",
        "    Delete the given library.",
        "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
        "    Return general information on all the libraries:",
        "    * Library name",
        "    * The engine used to run the Library",
        "    * Library description",
        "    * Functions list",
        "    * Library code (if WITHCODE is given)",
        "    It also possible to get only function that matches a pattern using LIBRARYNAME argument.",
        "STATS",
        "    Return information about the current function running:",
        "    * Function name",
        "    * Command used to run the function",
        "    * Duration in MS that the function is running",
        "    If no function is running, return nil",
        "    In addition, returns a list of available engines.",
        "KILL",
        "    Kill the current running function.",
        "FLUSH [ASYNC|SYNC]",
        "    Delete all the libraries.",
        "    When called without the optional mode argument, the behavior is determined by the",
        "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
        "    * ASYNC: Asynchronously flush the libraries.",
        "    * SYNC: Synchronously flush the libraries.",
        "DUMP",
        "    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command",
        "RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
        "    Restore the libraries represented by the given payload, it is possible to give a restore policy to",
        "    control how to handle existing libraries (default APPEND):",
        "    * FLUSH: delete all existing libraries.",
        "    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.",
        "    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old",
        "      libraries with the new libraries (notice that even on this option there is a chance of failure",
        "      in case of functions name collision with another library).",
        "HELP",
        "    Prints this help.",
    };

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "fcall" -> c.engine.functions().fcall(c, false);
            case "fcall_ro" -> c.engine.functions().fcall(c, true);
            case "function|load" -> c.engine.functions().load(c);
            case "function|list" -> c.engine.functions().list(c);
            case "function|delete" -> c.engine.functions().delete(c);
            case "function|flush" -> c.engine.functions().flush(c);
            case "function|stats" -> c.engine.functions().stats(c);
            case "function|dump" -> c.engine.functions().dump(c);
            case "function|restore" -> c.engine.functions().restore(c);
            // Functions run to completion under the engine lock, so none is running when this arrives.
            case "function|kill" -> c.reply.error("NOTBUSY No scripts in execution right now.");
            case "function|help" -> help(c);
            default -> throw new IllegalStateException("not bound in FunctionCommands: " + name);
        }
    }

    static void help(Client c) {
        c.reply.array(HELP.length);
        for (String line : HELP) c.reply.status(line);
    }
}
