package io.fakeredis.core.cmd;

import io.fakeredis.core.ReplySink;
import io.fakeredis.core.command.Command;
import io.fakeredis.core.command.CommandTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * COMMAND DOCS: the real server's full RESP3 reply (command-docs.resp3), parsed once into a tree
 * and re-emitted through a {@link ReplySink}, so RESP2 clients get the same conversion Redis does.
 */
final class CommandDocs {
    private CommandDocs() {}

    /** One RESP3 value: type is the RESP prefix byte; aggregates keep their children in order. */
    static final class Node {
        final byte type;
        final byte[] text;
        final long num;
        final List<Node> kids;

        Node(byte type, byte[] text, long num, List<Node> kids) {
            this.type = type;
            this.text = text;
            this.num = num;
            this.kids = kids;
        }

        String str() {
            return new String(text, StandardCharsets.UTF_8);
        }
    }

    /** Doc of each command by full name ("get", "config|get"), subcommands included. */
    private static final Map<String, Node> DOCS = load();

    static Node doc(String fullName) {
        return DOCS.get(fullName);
    }

    private static Map<String, Node> load() {
        byte[] raw;
        try (InputStream in = Command.class.getResourceAsStream("command-docs.resp3")) {
            if (in == null) throw new IllegalStateException("command-docs.resp3 missing from the classpath");
            raw = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] pos = {0};
        Node top = parse(raw, pos);
        Map<String, Node> m = new HashMap<>();
        index(top, m);
        return m;
    }

    private static void index(Node map, Map<String, Node> out) {
        for (int i = 0; i + 1 < map.kids.size(); i += 2) {
            Node doc = map.kids.get(i + 1);
            out.put(map.kids.get(i).str(), doc);
            Node subs = field(doc, "subcommands");
            if (subs != null) index(subs, out);
        }
    }

    static Node field(Node map, String key) {
        for (int i = 0; i + 1 < map.kids.size(); i += 2) {
            if (map.kids.get(i).str().equals(key)) return map.kids.get(i + 1);
        }
        return null;
    }

    private static Node parse(byte[] b, int[] pos) {
        byte t = b[pos[0]];
        int start = pos[0] + 1;
        int end = start;
        while (b[end] != '\r') end++;
        String line = new String(b, start, end - start, StandardCharsets.US_ASCII);
        pos[0] = end + 2;
        switch (t) {
            case '$': case '=': case '!': {
                int n = Integer.parseInt(line);
                byte[] text = new byte[n];
                System.arraycopy(b, pos[0], text, 0, n);
                pos[0] += n + 2;
                return new Node(t, text, 0, null);
            }
            case '+': case '-':
                return new Node(t, line.getBytes(StandardCharsets.UTF_8), 0, null);
            case ':':
                return new Node(t, null, Long.parseLong(line), null);
            case '*': case '~': case '%': case '>': {
                int n = Integer.parseInt(line) * (t == '%' ? 2 : 1);
                List<Node> kids = new ArrayList<>(n);
                for (int i = 0; i < n; i++) kids.add(parse(b, pos));
                return new Node(t, null, 0, kids);
            }
            case '_':
                return new Node(t, null, 0, null);
            default:
                throw new IllegalStateException("unexpected RESP3 type " + (char) t + " in command-docs.resp3");
        }
    }

    /** Writes one command's doc, keeping only implemented subcommands, as Redis shows only registered ones. */
    static void emitDoc(ReplySink r, Command cmd, Node doc) {
        int n = doc.kids.size() / 2;
        Node subs = field(doc, "subcommands");
        List<Command> implSubs = new ArrayList<>();
        if (subs != null) {
            for (Command s : cmd.subcommands().values()) if (s.isImplemented()) implSubs.add(s);
            if (implSubs.isEmpty()) n--;
        }
        r.map(n);
        for (int i = 0; i + 1 < doc.kids.size(); i += 2) {
            Node k = doc.kids.get(i);
            if (subs != null && k.str().equals("subcommands")) {
                if (implSubs.isEmpty()) continue;
                emit(r, k);
                // Subcommands in the reference reply's order, filtered to the implemented ones.
                List<Node> keep = new ArrayList<>();
                for (int j = 0; j + 1 < subs.kids.size(); j += 2) {
                    Command s = cmd.subcommand(subs.kids.get(j).str().substring(cmd.name.length() + 1));
                    if (s != null && s.isImplemented()) {
                        keep.add(subs.kids.get(j));
                        keep.add(subs.kids.get(j + 1));
                    }
                }
                r.map(keep.size() / 2);
                for (int j = 0; j < keep.size(); j += 2) {
                    emit(r, keep.get(j));
                    Command s = cmd.subcommand(keep.get(j).str().substring(cmd.name.length() + 1));
                    emitDoc(r, s, keep.get(j + 1));
                }
                continue;
            }
            emit(r, k);
            emit(r, doc.kids.get(i + 1));
        }
    }

    static void emit(ReplySink r, Node n) {
        switch (n.type) {
            case '$': r.bulk(n.text); break;
            case '=': r.verbatim(new String(n.text, 0, 3, StandardCharsets.US_ASCII),
                    java.util.Arrays.copyOfRange(n.text, 4, n.text.length)); break;
            case '+': r.status(n.str()); break;
            case '-': r.error(n.str()); break;
            case ':': r.integer(n.num); break;
            case '_': r.nullBulk(); break;
            case '*': r.array(n.kids.size()); for (Node k : n.kids) emit(r, k); break;
            case '~': r.set(n.kids.size()); for (Node k : n.kids) emit(r, k); break;
            case '>': r.push(n.kids.size()); for (Node k : n.kids) emit(r, k); break;
            case '%': r.map(n.kids.size() / 2); for (Node k : n.kids) emit(r, k); break;
            default: throw new IllegalStateException("unexpected node");
        }
    }

    /** Whether the command (or a container with an implemented subcommand) has docs to show. */
    static boolean shown(Command c) {
        return CommandTable.implemented(c) && DOCS.containsKey(c.fullName);
    }
}
