package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connection commands and CLIENT subcommands against the real server. */
class ConnectionConformanceTest extends ConformanceTest {

    /** Field names of each line of CLIENT LIST / CLIENT INFO text (values differ between servers). */
    private static List<List<String>> clientShape(byte[] raw) {
        String all = new String(raw, StandardCharsets.UTF_8);
        String text = all.substring(all.indexOf("\r\n") + 2, all.length() - 2);
        if (raw[0] == '=') text = text.substring(4);
        List<List<String>> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            List<String> names = new ArrayList<>();
            for (String f : line.split(" ")) names.add(f.substring(0, f.indexOf('=')));
            out.add(names);
        }
        return out;
    }

    private static String field(byte[] raw, String name) {
        String all = new String(raw, StandardCharsets.UTF_8).replace("txt:", "");
        for (String f : all.split("[ \n\r]")) if (f.startsWith(name + "=")) return f.substring(name.length() + 1);
        return null;
    }

    /** HELLO replies are equal but for the client id. */
    private static void sameHello(Session s, String... args) {
        byte[][] h = s.both(args);
        assertEquals(Reply.header(h[0]), Reply.header(h[1]));
        List<byte[]> r = Reply.elements(h[0]);
        List<byte[]> f = Reply.elements(h[1]);
        assertEquals(r.size(), f.size());
        for (int i = 0; i < r.size(); i++) {
            if (i == 7) continue; // the client id
            assertEquals(RawConnection.show(r.get(i)), RawConnection.show(f.get(i)), "HELLO element " + i);
        }
    }

    @Test
    void flagsOfWatchersAndMonitors() {
        run(s -> {
            try (Session other = s.another(); Session mon = s.another()) {
                s.same("WATCH", "w");
                byte[][] info = s.both("CLIENT", "INFO");
                assertEquals("N", flags(info[0]));
                assertEquals(flags(info[0]), flags(info[1]));
                other.same("SET", "w", "1");
                info = s.both("CLIENT", "INFO");
                assertEquals("d", flags(info[0]));
                assertEquals(flags(info[0]), flags(info[1]));
                s.same("CLIENT", "SETNAME", "watcher");
                s.same("MULTI");
                info = other.both("CLIENT", "LIST");
                assertEquals("xd", flags(line(info[0], " name=watcher ")));
                assertEquals(flags(line(info[0], " name=watcher ")), flags(line(info[1], " name=watcher ")));
                s.same("DISCARD");
                mon.same("CLIENT", "SETNAME", "mon");
                mon.same("MONITOR");
                info = s.both("CLIENT", "LIST");
                assertEquals("O", flags(line(info[0], " name=mon ")));
                assertEquals(flags(line(info[0], " name=mon ")), flags(line(info[1], " name=mon ")));
            }
        });
    }

    /** The flags field without 'U': the oracle's clients connect over a Unix socket. */
    private static String flags(byte[] info) {
        String f = field(info, "flags").replace("U", "");
        return f.isEmpty() ? "N" : f;
    }

    private static byte[] line(byte[] list, String containing) {
        for (String line : new String(list, StandardCharsets.UTF_8).split("\n")) {
            if (line.contains(containing)) return line.getBytes(StandardCharsets.UTF_8);
        }
        throw new AssertionError("no client line with" + containing);
    }

    @Test
    void pingEchoSelect() {
        run(s -> {
            s.same("PING");
            s.same("ping", "hi");
            s.same("PING", "a", "b");
            s.same("ECHO");
            s.same("ECHO", "a", "b");
            s.same("ECHO", "");
            s.same("SELECT", "1");
            s.same("SELECT", "0");
            s.same("SELECT", "-1");
            s.same("SELECT", "15");
            s.same("SELECT", "16");
            s.same("SELECT", "1.5");
            s.same("SELECT", " 1");
            s.same("SELECT");
        });
    }

    @Test
    void helloAndAuth() {
        run(s -> {
            s.same("AUTH", "pw");
            s.same("AUTH", "default", "pw");
            s.same("AUTH", "nouser", "pw");
            s.same("AUTH", "a", "b", "c");
            s.same("AUTH");
            s.same("HELLO", "4");
            s.same("HELLO", "1");
            s.same("HELLO", "x");
            s.same("HELLO", String.valueOf(s.resp), "foo");
            s.same("HELLO", String.valueOf(s.resp), "SETNAME");
            s.same("HELLO", String.valueOf(s.resp), "SETNAME", "a b");
            s.same("HELLO", String.valueOf(s.resp), "AUTH", "default");
            sameHello(s, "HELLO", String.valueOf(s.resp), "AUTH", "default", "wrong");
            s.same("HELLO", String.valueOf(s.resp), "AUTH", "nouser", "x");
            sameHello(s, "HELLO", String.valueOf(s.resp), "SETNAME", "conn1");
            s.same("CLIENT", "GETNAME");
            sameHello(s, "HELLO", String.valueOf(s.resp), "SETNAME", "");
            s.same("CLIENT", "GETNAME");
        });
    }

    @Test
    void helloSwitchesProtocol() {
        run(2, s -> {
            sameHello(s, "HELLO", "3");
            s.same("PING");
            s.same("CLIENT", "GETNAME");
            sameHello(s, "HELLO", "2", "SETNAME", "n");
        });
    }

    @Test
    void reset() {
        run(s -> {
            s.same("SELECT", "3");
            s.same("CLIENT", "SETNAME", "before-reset");
            s.same("RESET");
            s.same("CLIENT", "GETNAME");
            s.same("PING");
            s.same("RESET", "x");
            byte[][] info = s.both("CLIENT", "INFO");
            assertEquals(field(info[0], "db"), field(info[1], "db"));
            assertEquals(field(info[0], "resp"), field(info[1], "resp"));
            assertEquals(field(info[0], "name"), field(info[1], "name"));
            assertEquals("2", field(info[1], "resp"));
        });
    }

    /** With requirepass set: NOAUTH, AUTH, HELLO AUTH and SETNAME, and RESET dropping the authentication. */
    @Test
    void requirepass() {
        run(2, s -> {
            s.same("CONFIG", "SET", "requirepass", "sekret");
            RawConnection r = oracle.connect();
            RawConnection f = RawConnection.tcp(server.host(), server.port());
            try {
                String[][] script = {
                    {"PING"}, {"ECHO", "x"}, {"CLIENT", "ID"}, {"AUTH", "wrong"}, {"AUTH", "default", "wrong"},
                    {"AUTH", "other", "sekret"}, {"HELLO", "3"}, {"HELLO", "2", "AUTH", "default", "nope"},
                    {"AUTH", "sekret"}, {"PING"}, {"RESET"}, {"PING"}, {"AUTH", "default", "sekret"}, {"PING"},
                    {"RESET"}, {"HELLO", "2", "AUTH", "default", "sekret", "SETNAME", "x"}, {"CLIENT", "GETNAME"},
                    // HELLO applies each option as it reads it, even when a later one fails or NOAUTH follows
                    {"RESET"}, {"HELLO", "2", "SETNAME", "early"}, {"HELLO", "2", "SETNAME", "bad name"},
                    {"HELLO", "2", "AUTH", "default", "sekret", "FOO"}, {"CLIENT", "GETNAME"},
                    {"HELLO", "2", "SETNAME", "y", "AUTH", "a", "b"}, {"CLIENT", "GETNAME"},
                    {"HELLO", "2", "AUTH", "a", "b", "FOO"}, {"HELLO", "2", "SETNAME", "bad name", "AUTH", "a", "b"},
                };
                for (String[] cmd : script) {
                    byte[] a = r.call(cmd);
                    byte[] b = f.call(cmd);
                    if (cmd[0].equals("HELLO") && a[0] == '*') {
                        assertEquals(Reply.header(a), Reply.header(b), String.join(" ", cmd));
                        continue;
                    }
                    if (cmd[0].equals("CLIENT") && cmd[1].equals("ID")) {
                        assertEquals(RawConnection.show(a).substring(0, 1), RawConnection.show(b).substring(0, 1));
                        continue;
                    }
                    assertEquals(RawConnection.show(a), RawConnection.show(b), String.join(" ", cmd));
                }
            } finally {
                s.both("CONFIG", "SET", "requirepass", "");
                r.close();
                f.close();
            }
            s.same("AUTH", "x");
        });
    }

    @Test
    void clientBasics() {
        run(s -> {
            byte[][] id = s.both("CLIENT", "ID");
            assertEquals((char) id[0][0], (char) id[1][0]);
            s.same("CLIENT", "ID", "x");
            s.same("CLIENT", "GETNAME");
            s.same("CLIENT", "SETNAME", "myname");
            s.same("CLIENT", "GETNAME");
            s.same("CLIENT", "SETNAME", "my name");
            s.same("CLIENT", "SETNAME", "tab\tname");
            s.same("CLIENT", "SETNAME", "caf\u00e9");
            s.same("CLIENT", "SETNAME", "~!@#");
            s.same("CLIENT", "GETNAME");
            s.same("CLIENT", "SETNAME", "");
            s.same("CLIENT", "GETNAME");
            s.same("CLIENT", "SETNAME");
            s.same("CLIENT", "SETNAME", "a", "b");
            s.same("CLIENT", "GETNAME", "x");
            s.same("CLIENT", "GETREDIR");
            s.same("CLIENT", "TRACKINGINFO");
            s.same("CLIENT", "NO-EVICT", "on");
            s.same("CLIENT", "NO-EVICT", "OFF");
            s.same("CLIENT", "NO-EVICT", "x");
            s.same("CLIENT", "NO-EVICT");
            s.same("CLIENT", "PAUSE", "0");
            s.same("CLIENT", "PAUSE", "x");
            s.same("CLIENT", "PAUSE", "-1");
            s.same("CLIENT", "PAUSE", "10", "x");
            s.same("CLIENT", "PAUSE", "0", "WRITE");
            s.same("CLIENT", "PAUSE", "0", "all");
            s.same("CLIENT", "PAUSE", "0", "all", "x");
            s.same("CLIENT", "PAUSE");
            s.same("CLIENT", "UNPAUSE");
            s.same("CLIENT", "UNPAUSE", "x");
            s.same("CLIENT", "REPLY", "ON");
            s.same("CLIENT", "REPLY", "x");
            s.same("CLIENT", "REPLY");
            s.same("CLIENT", "HELP");
            s.same("CLIENT", "help");
            s.same("CLIENT", "HELP", "x");
            s.same("CLIENT");
            s.same("CLIENT", "SETINFO", "lib-name", "x");
            s.same("CLIENT", "setinfo", "lib-name", "x");
            s.same("CLIENT", "NOSUCH");
        });
    }

    @Test
    void clientListAndInfo() {
        run(s -> {
            byte[][] list = s.both("CLIENT", "LIST");
            assertEquals((char) list[0][0], (char) list[1][0]);
            List<List<String>> real = clientShape(list[0]);
            List<List<String>> fake = clientShape(list[1]);
            assertEquals(real.get(0), fake.get(0), "CLIENT LIST fields");
            byte[][] info = s.both("CLIENT", "INFO");
            assertEquals((char) info[0][0], (char) info[1][0]);
            assertEquals(clientShape(info[0]), clientShape(info[1]), "CLIENT INFO fields");
            assertEquals(field(info[0], "cmd"), field(info[1], "cmd"));
            // flags aside: the oracle is on a Unix socket (flag U)
            assertEquals(field(info[0], "resp"), field(info[1], "resp"));
            assertEquals(field(info[0], "user"), field(info[1], "user"));
            assertEquals(field(info[0], "multi"), field(info[1], "multi"));
            s.same("CLIENT", "INFO", "x");
            // own id through the ID filter
            String realId = field(info[0], "id");
            String fakeId = field(info[1], "id");
            byte[] r = s.real.call("CLIENT", "LIST", "ID", realId);
            byte[] f = s.fake.call("CLIENT", "LIST", "ID", fakeId);
            assertEquals(clientShape(r), clientShape(f));
            assertEquals(1, clientShape(f).size());
            s.same("CLIENT", "LIST", "ID", "999999999");
            s.same("CLIENT", "LIST", "ID", "x");
            s.same("CLIENT", "LIST", "ID");
            s.same("CLIENT", "LIST", "TYPE", "x");
            s.same("CLIENT", "LIST", "TYPE", "master");
            s.same("CLIENT", "LIST", "TYPE", "replica");
            s.same("CLIENT", "LIST", "TYPE", "pubsub");
            s.same("CLIENT", "LIST", "TYPE", "slave");
            s.same("CLIENT", "LIST", "TYPE", "normal", "x");
            s.same("CLIENT", "LIST", "x");
            byte[][] normal = s.both("CLIENT", "LIST", "TYPE", "NORMAL");
            assertTrue(clientShape(normal[1]).size() >= 1);
        });
    }

    @Test
    void clientKill() {
        run(s -> {
            s.same("CLIENT", "KILL", "1.2.3.4:5");
            s.same("CLIENT", "KILL", "ID");
            s.same("CLIENT", "KILL", "ID", "999999");
            s.same("CLIENT", "KILL", "ID", "0");
            s.same("CLIENT", "KILL", "ID", "x");
            s.same("CLIENT", "KILL", "ID", "1", "TYPE");
            s.same("CLIENT", "KILL", "foo", "bar");
            s.same("CLIENT", "KILL", "TYPE", "foo");
            s.same("CLIENT", "KILL", "TYPE", "master");
            s.same("CLIENT", "KILL", "TYPE", "pubsub");
            s.same("CLIENT", "KILL", "SKIPME", "x");
            s.same("CLIENT", "KILL", "SKIPME", "yes", "ID", "999999");
            s.same("CLIENT", "KILL", "USER", "nouser");
            s.same("CLIENT", "KILL", "ADDR", "1.2.3.4:5");
            s.same("CLIENT", "KILL", "LADDR", "1.2.3.4:5");
            s.same("CLIENT", "KILL", "ADDR", "1.2.3.4:5", "USER", "default");
            s.same("CLIENT", "KILL");
        });
    }

    @Test
    void clientKillOtherConnection() {
        RawConnection victim = RawConnection.tcp(server.host(), server.port());
        RawConnection killer = RawConnection.tcp(server.host(), server.port());
        try {
            long id = Long.parseLong(Reply.header(victim.call("CLIENT", "ID")).substring(1));
            assertEquals(":1", Reply.header(killer.call("CLIENT", "KILL", "ID", Long.toString(id))));
            assertTrue(victim.isClosedByPeer(), "the killed connection is closed");
            assertEquals(":0", Reply.header(killer.call("CLIENT", "KILL", "ID", Long.toString(id))));
            // killing yourself: the reply arrives, then the connection closes
            long me = Long.parseLong(Reply.header(killer.call("CLIENT", "ID")).substring(1));
            assertEquals(":1", Reply.header(killer.call("CLIENT", "KILL", "ID", Long.toString(me), "SKIPME", "no")));
            assertTrue(killer.isClosedByPeer());
        } finally {
            victim.close();
            killer.close();
        }
    }

    @Test
    void clientReplyOffAndSkip() {
        try (RawConnection c = RawConnection.tcp(server.host(), server.port())) {
            c.write(RawConnection.encode(RawConnection.utf8("CLIENT", "REPLY", "OFF")));
            c.write(RawConnection.encode(RawConnection.utf8("PING")));
            c.write(RawConnection.encode(RawConnection.utf8("ECHO", "hidden")));
            assertEquals("+OK", Reply.header(c.call("CLIENT", "REPLY", "ON")));
            c.write(RawConnection.encode(RawConnection.utf8("CLIENT", "REPLY", "SKIP")));
            c.write(RawConnection.encode(RawConnection.utf8("COMMAND", "INFO", "get")));
            assertEquals("$4", Reply.header(c.call("ECHO", "seen")));
            assertEquals("+PONG", Reply.header(c.call("PING")));
        }
    }
}
