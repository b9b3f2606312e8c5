package io.fakeredis.core.command;

import io.fakeredis.core.Client;
import io.fakeredis.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one command table. Its rows come from the real server's COMMAND INFO (bundled as
 * command-info.json, and as command-table.txt derived from it); command families bind procs to
 * rows. It drives dispatch, arity errors, COMMAND, MULTI queueing, script calls, ACL categories
 * and key extraction.
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
        byte[] b = resource("command-table.txt");
        Command parent = null;
        int[] at = new int[1];
        while (at[0] < b.length) {
            // plain index arithmetic rather than String.split: this runs once, in the interpreter
            String name = field(b, at);
            int arity = Integer.parseInt(field(b, at));
            List<String> flags = list(b, at);
            int first = Integer.parseInt(field(b, at));
            int last = Integer.parseInt(field(b, at));
            int step = Integer.parseInt(field(b, at));
            List<String> acl = list(b, at);
            List<String> tips = list(b, at);
            boolean sub = name.indexOf('|') >= 0;
            Command c = new Command(name, arity, flags, first, last, step, acl, tips, sub ? parent : null, byId.size());
            byId.add(c);
            if (sub) {
                parent.subcommands.put(c.name, c);
            } else {
                parent = c;
                all.add(c);
                insert(c);
            }
        }
    }

    /** The field at at[0], up to a tab or a newline; moves at[0] past the separator. */
    private static String field(byte[] b, int[] at) {
        int from = at[0], i = from;
        while (b[i] != '\t' && b[i] != '\n') i++;
        at[0] = i + 1;
        return new String(b, from, i - from, StandardCharsets.ISO_8859_1);
    }

    /** A comma-separated field as an immutable list. */
    private static List<String> list(byte[] b, int[] at) {
        int from = at[0], i = from, n = 1;
        while (b[i] != '\t' && b[i] != '\n') if (b[i++] == ',') n++;
        at[0] = i + 1;
        if (i == from) return List.of();
        String[] items = new String[n];
        for (int k = 0, start = from; k < n; k++) {
            int end = start;
            while (end < i && b[end] != ',') end++;
            items[k] = new String(b, start, end - start, StandardCharsets.ISO_8859_1);
            start = end + 1;
        }
        return List.of(items);
    }

    /**
     * One row of command-table.txt from a row of command-info.json (the real server's COMMAND
     * INFO): the facts the first engine needs, tab-separated, lists comma-separated, subcommands
     * on the lines after their command. Key specs stay in command-info.json, read on first use.
     * It is a third of the JSON's size and needs no JSON parse, which was about 7 ms of the
     * first engine's start (docs/startup.md); a test keeps it equal to the JSON.
     */
    public static String tableRows(List<?> row) {
        StringBuilder b = new StringBuilder();
        b.append(row.get(0)).append('\t').append(row.get(1)).append('\t').append(String.join(",", strings(row.get(2))))
                .append('\t').append(row.get(3)).append('\t').append(row.get(4)).append('\t').append(row.get(5))
                .append('\t').append(String.join(",", strings(row.get(6))))
                .append('\t').append(String.join(",", strings(row.get(7)))).append('\n');
        for (Object sub : (List<?>) row.get(9)) b.append(tableRows((List<?>) sub));
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return (List<String>) o;
    }

    private static byte[] resource(String name) {
        try (InputStream in = CommandTable.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " missing from the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static volatile Map<String, String> keySpecs;

    /** A row's key specs as JSON text, from command-info.json, read the first time any are needed. */
    static String keySpecsJson(String fullName) {
        Map<String, String> k = keySpecs;
        if (k == null) {
            Map<String, String> m = new HashMap<>();
            for (Object row : (List<?>) Json.parseLazily(resource("command-info.json"))) keySpecs(m, (List<?>) row);
            keySpecs = k = m;
        }
        return k.getOrDefault(fullName, "[]");
    }

    /** parseLazily leaves non-empty key specs as text; an empty list stays a list. */
    private static void keySpecs(Map<String, String> into, List<?> row) {
        if (row.get(8) instanceof Json.Raw) into.put((String) row.get(0), ((Json.Raw) row.get(8)).text);
        for (Object sub : (List<?>) row.get(9)) keySpecs(into, (List<?>) sub);
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

    /** Marks rows as Redis's protected commands (see {@link Command#isProtected()}). */
    void protect(String... fullNames) {
        for (String name : fullNames) lookup(name).isProtected = true;
    }

    /** Marks rows as Redis's may-replicate commands (see {@link Command#mayReplicate()}). */
    void mayReplicate(String... fullNames) {
        for (String name : fullNames) lookup(name).mayReplicate = true;
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
