package io.fakeredis.core.command;

import io.fakeredis.core.Client;
import io.fakeredis.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one command table. Its rows come from the real server's COMMAND INFO (bundled as
 * command-info.json); command families bind procs to rows. It drives dispatch, arity errors,
 * COMMAND, MULTI queueing, script calls, ACL categories and key extraction.
 *
 * <p>The table is built once per JVM and is immutable afterwards; per-engine state such as
 * statistics lives in the engine, indexed by {@link Command#id}.
 */
public final class CommandTable {
    private static volatile CommandTable instance;

    private final List<Command> all = new ArrayList<>();      // top-level, reference order
    private final List<Command> byId = new ArrayList<>();     // every row including subcommands
    private Command[] slots = new Command[1024];               // open addressing by lower-case name

    /** The shared table with every family bound. */
    public static CommandTable get() {
        CommandTable t = instance;
        if (t == null) {
            synchronized (CommandTable.class) {
                t = instance;
                if (t == null) {
                    t = new CommandTable();
                    Families.registerAll(t);
                    instance = t;
                }
            }
        }
        return t;
    }

    private CommandTable() {
        byte[] json;
        try (InputStream in = CommandTable.class.getResourceAsStream("command-info.json")) {
            if (in == null) throw new IllegalStateException("command-info.json missing from the classpath");
            json = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Object row : (List<?>) Json.parseLazily(json)) {
            Command c = build((List<?>) row, null);
            all.add(c);
            insert(c);
        }
    }

    @SuppressWarnings("unchecked")
    private Command build(List<?> r, Command parent) {
        Command c = new Command(
                (String) r.get(0),
                ((Long) r.get(1)).intValue(),
                strings(r.get(2)),
                ((Long) r.get(3)).intValue(),
                ((Long) r.get(4)).intValue(),
                ((Long) r.get(5)).intValue(),
                strings(r.get(6)),
                strings(r.get(7)),
                keySpecsJson(r.get(8)),
                parent,
                byId.size());
        byId.add(c);
        for (Object sub : (List<?>) r.get(9)) {
            Command s = build((List<?>) sub, c);
            c.subcommands.put(s.name, s);
        }
        return c;
    }

    /** parseLazily leaves non-empty key specs as text; an empty list stays a list. */
    private static String keySpecsJson(Object o) {
        return o instanceof Json.Raw ? ((Json.Raw) o).text : "[]";
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return Collections.unmodifiableList((List<String>) o);
    }

    private void insert(Command c) {
        byte[] name = c.name.getBytes(StandardCharsets.US_ASCII);
        int i = hash(name, name.length) & (slots.length - 1);
        while (slots[i] != null) i = (i + 1) & (slots.length - 1);
        slots[i] = c;
    }

    /** Case-insensitive ASCII hash, so lookups need no lower-cased copy of the name. */
    private static int hash(byte[] b, int n) {
        int h = 0;
        for (int i = 0; i < n; i++) h = 31 * h + (b[i] | 0x20);
        return h ^ (h >>> 16);
    }

    /** The top-level row for a command name, implemented or not; null if Redis has no such command. */
    public Command lookup(byte[] name) {
        int i = hash(name, name.length) & (slots.length - 1);
        while (true) {
            Command c = slots[i];
            if (c == null) return null;
            if (matches(c.name, name)) return c;
            i = (i + 1) & (slots.length - 1);
        }
    }

    private static boolean matches(String lower, byte[] b) {
        int n = lower.length();
        if (n != b.length) return false;
        for (int i = 0; i < n; i++) {
            int x = b[i];
            if (x >= 'A' && x <= 'Z') x |= 0x20;
            if (x != lower.charAt(i)) return false;
        }
        return true;
    }

    /** A row by full name such as "get" or "client|list"; null if Redis has none. */
    public Command lookup(String fullName) {
        String f = fullName.toLowerCase(java.util.Locale.ROOT);
        int bar = f.indexOf('|');
        Command c = lookup((bar < 0 ? f : f.substring(0, bar)).getBytes(StandardCharsets.US_ASCII));
        if (c == null || bar < 0) return c;
        return c.subcommands.get(f.substring(bar + 1));
    }

    /** Binds an implementation to a row; the name must exist in the reference table. */
    public void bind(String fullName, CommandProc proc) {
        Command c = lookup(fullName);
        if (c == null) throw new IllegalArgumentException("no such command in the reference table: " + fullName);
        if (c.proc != null) throw new IllegalStateException("bound twice: " + fullName);
        c.proc = proc;
    }

    /** Binds rows to a family of Families: its class loads when one of them first runs. */
    void bind(int family, String... fullNames) {
        for (String name : fullNames) bind(name, new FamilyProc(family, name));
    }

    /** One class for every bound row, not a lambda per row or per family (each spins a hidden class). */
    private static final class FamilyProc implements CommandProc {
        private final int family;
        private final String name;

        FamilyProc(int family, String name) {
            this.family = family;
            this.name = name;
        }

        @Override
        public void call(Client c) {
            Families.dispatch(family, name, c);
        }
    }

    /** Top-level rows in the real server's order. */
    public List<Command> commands() {
        return Collections.unmodifiableList(all);
    }

    /** Number of rows, subcommands included: the size of per-engine stats arrays. */
    public int size() {
        return byId.size();
    }

    public Command byId(int id) {
        return byId.get(id);
    }

    /** Whether the fake implements the row, or for a container, at least one subcommand. */
    public static boolean implemented(Command c) {
        if (c.proc != null) return true;
        for (Command s : c.subcommands.values()) if (s.proc != null) return true;
        return false;
    }
}
