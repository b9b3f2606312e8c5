package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.acl.Acl;
import io.fakeredis.core.acl.User;
import io.fakeredis.core.command.Command;
import io.fakeredis.core.command.CommandTable;
import io.fakeredis.core.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** ACL: users, their rules, and the checks' dry run. */
public final class AclCommands {
    private AclCommands() {}

    public static void dispatch(String name, Client c) {
        switch (name) {
            case "acl|setuser" -> setuser(c);
            case "acl|getuser" -> getuser(c);
            case "acl|deluser" -> deluser(c);
            case "acl|users" -> users(c);
            case "acl|list" -> list(c);
            case "acl|whoami" -> c.reply.bulk(c.user);
            case "acl|cat" -> cat(c);
            case "acl|genpass" -> genpass(c);
            case "acl|load", "acl|save" -> c.reply.error(NO_ACL_FILE);
            case "acl|dryrun" -> dryrun(c);
            case "acl|log" -> log(c);
            case "acl|help" -> help(c);
            default -> throw new IllegalStateException("not bound in AclCommands: " + name);
        }
    }

    private static final String NO_ACL_FILE = "ERR This Redis instance is not configured to use an ACL file. "
            + "You may want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE "
            + "(assuming you have a Redis configuration file set) in order to store users in the Redis configuration.";

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static void setuser(Client c) {
        c.engine.acl.setUser(str(c.argv[2]), c.argv, 3);
        c.reply.ok();
    }

    static void getuser(Client c) {
        User u = c.engine.acl.user(str(c.argv[2]));
        if (u == null) {
            c.reply.nullBulk();
            return;
        }
        Acl acl = c.engine.acl;
        c.reply.map(6);
        c.reply.bulk("flags");
        List<String> flags = u.flags();
        c.reply.set(flags.size());
        for (String f : flags) c.reply.bulk(f);
        c.reply.bulk("passwords");
        List<String> pw = u.passwords();
        c.reply.array(pw.size());
        for (String p : pw) c.reply.bulk(p);
        c.reply.bulk("commands");
        c.reply.bulk(acl.commandsText(u));
        c.reply.bulk("keys");
        c.reply.bulk(acl.keysText(u));
        c.reply.bulk("channels");
        c.reply.bulk(acl.channelsText(u));
        c.reply.bulk("selectors");
        c.reply.array(u.selectors().size());
        for (User s : u.selectors()) {
            c.reply.map(3);
            c.reply.bulk("commands");
            c.reply.bulk(acl.commandsText(s));
            c.reply.bulk("keys");
            c.reply.bulk(acl.keysText(s));
            c.reply.bulk("channels");
            c.reply.bulk(acl.channelsText(s));
        }
    }

    static void deluser(Client c) {
        long n = 0;
        for (int i = 2; i < c.argc(); i++) {
            if (Bytes.eq(c.argv[i], "default")) {
                c.reply.error("ERR The 'default' user cannot be removed");
                return;
            }
        }
        for (int i = 2; i < c.argc(); i++) if (c.engine.acl.delete(str(c.argv[i]))) n++;
        c.reply.integer(n);
    }

    static void users(Client c) {
        var all = c.engine.acl.users();
        c.reply.array(all.size());
        for (User u : all) c.reply.bulk(u.name);
    }

    static void list(Client c) {
        var all = c.engine.acl.users();
        c.reply.array(all.size());
        for (User u : all) c.reply.bulk(c.engine.acl.describe(u));
    }

    static void cat(Client c) {
        if (c.argc() > 3) throw new RedisException("ERR unknown subcommand or wrong number of arguments for '" + str(c.argv[1]) + "'. Try ACL HELP.");
        if (c.argc() == 2) {
            c.reply.array(Acl.CATEGORIES.length);
            for (String s : Acl.CATEGORIES) c.reply.bulk(s);
            return;
        }
        String cat = str(c.argv[2]).toLowerCase(Locale.ROOT);
        if (Acl.categoryIndex(cat) < 0) {
            c.reply.error("ERR Unknown category '" + str(c.argv[2]) + "'");
            return;
        }
        String tag = "@" + cat;
        CommandTable t = c.engine.commands();
        List<String> names = new ArrayList<>();
        for (Command cmd : t.commands()) {
            if (cmd.aclCategories.contains(tag)) names.add(cmd.fullName);
            for (Command s : cmd.subcommands().values()) if (s.aclCategories.contains(tag)) names.add(s.fullName);
        }
        c.reply.array(names.size());
        for (String n : names) c.reply.bulk(n);
    }

    static void genpass(Client c) {
        long bits = 256;
        if (c.argc() > 3) throw new RedisException("ERR unknown subcommand or wrong number of arguments for '" + str(c.argv[1]) + "'. Try ACL HELP.");
        if (c.argc() == 3) {
            bits = Bytes.toLong(c.argv[2], "ERR value is not an integer or out of range");
            if (bits <= 0 || bits > 4096) {
                c.reply.error("ERR ACL GENPASS argument must be the number of bits for the output password, "
                        + "a positive number up to 4096");
                return;
            }
        }
        int chars = (int) ((bits + 3) / 4);
        StringBuilder b = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) b.append(Character.forDigit(c.engine.random.nextInt(16), 16));
        c.reply.bulk(b.toString());
    }

    static void dryrun(Client c) {
        User u = c.engine.acl.user(str(c.argv[2]));
        if (u == null) {
            c.reply.error("ERR User '" + str(c.argv[2]) + "' not found");
            return;
        }
        CommandTable t = c.engine.commands();
        byte[][] argv = java.util.Arrays.copyOfRange(c.argv, 3, c.argc());
        Command cmd = t.lookup(argv[0]);
        if (cmd != null && cmd.isContainer() && argv.length >= 2) cmd = cmd.subcommand(Bytes.lower(argv[1]));
        if (cmd == null) {
            c.reply.error("ERR Command '" + str(c.argv[3]) + "' not found");
            return;
        }
        if (!cmd.arityOk(argv.length)) {
            c.reply.error("ERR wrong number of arguments for '" + cmd.fullName + "' command");
            return;
        }
        String err = c.engine.acl.check(u, cmd, argv);
        if (err == null) {
            c.reply.ok();
            return;
        }
        String obj = str(c.engine.acl.deniedObject);
        String why = err.equals(Acl.NOPERM_KEYS) ? "no permissions to access the '" + obj + "' key"
                : err.equals(Acl.NOPERM_CHANNELS) ? "no permissions to access the '" + obj + "' channel"
                : "no permissions to run the '" + cmd.fullName + "' command";
        c.reply.bulk("This user has " + why);
    }

    static void log(Client c) {
        if (c.argc() > 3) throw new RedisException("ERR unknown subcommand or wrong number of arguments for '" + str(c.argv[1]) + "'. Try ACL HELP.");
        var log = c.engine.acl.log();
        long count = 10;
        if (c.argc() == 3) {
            if (Bytes.eq(c.argv[2], "RESET")) {
                log.clear();
                c.reply.ok();
                return;
            }
            count = Bytes.toLong(c.argv[2], "ERR value is not an integer or out of range");
            if (count < 0) count = 0;
        }
        int n = (int) Math.min(count, log.size());
        c.reply.array(n);
        long now = c.engine.clock().millis();
        int i = 0;
        for (Acl.LogEntry e : log) {
            if (i++ >= n) break;
            c.reply.map(7);
            c.reply.bulk("count");
            c.reply.integer(e.count);
            c.reply.bulk("reason");
            c.reply.bulk(e.reason);
            c.reply.bulk("context");
            c.reply.bulk(e.context);
            c.reply.bulk("object");
            c.reply.bulk(e.object);
            c.reply.bulk("username");
            c.reply.bulk(e.username);
            c.reply.bulk("age-seconds");
            c.reply.dbl((now - e.createdMs) / 1000.0);
            c.reply.bulk("client-info");
            c.reply.bulk(e.clientInfo);
        }
    }

    private static final String[] HELP = {
        "ACL <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "CAT [<category>]",
        "    List all commands that belong to <category>, or all command categories",
        "    when no category is specified.",
        "DELUSER <username> [<username> ...]",
        "    Delete a list of users.",
        "DRYRUN <username> <command> [<arg> ...]",
        "    Returns whether the user can execute the given command without executing the command.",
        "GETUSER <username>",
        "    Get the user's details.",
        "GENPASS [<bits>]",
        "    Generate a secure 256-bit user password. The optional `bits` argument can",
        "    be used to specify a different size.",
        "LIST",
        "    Show users details in config file format.",
        "LOAD",
        "    Reload users from the ACL file.",
        "LOG [<count> | RESET]",
        "    Show the ACL log entries.",
        "SAVE",
        "    Save the current config to the ACL file.",
        "SETUSER <username> <attribute> [<attribute> ...]",
        "    Create or modify a user with the specified attributes.",
        "USERS",
        "    List all the registered usernames.",
        "WHOAMI",
        "    Return the current connection username.",
        "HELP",
        "    Prints this help.",
    };

    static void help(Client c) {
        c.reply.array(HELP.length);
        for (String s : HELP) c.reply.status(s);
    }
}
