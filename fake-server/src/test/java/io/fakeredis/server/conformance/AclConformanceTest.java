package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** ACL users, their rules as ACL LIST / GETUSER print them, AUTH as a user, and NOPERM checks. */
class AclConformanceTest extends ConformanceTest {
    private static final String HASH = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    /** Deletes the test users on both servers, whatever happened. */
    private static void cleanup(Session s) {
        s.both("ACL", "DELUSER", "alice", "bob", "carol", "dave", "eve", "u1", "u2", "u3", "u4", "u5");
        s.both("CONFIG", "SET", "requirepass", "");
    }

    @Test
    void setuserAndDescribe() {
        run(s -> {
            try {
                s.same("ACL", "LIST");
                s.same("ACL", "GETUSER", "default");
                s.same("ACL", "USERS");
                s.same("ACL", "WHOAMI");
                s.same("ACL", "GETUSER", "nosuch");
                s.same("ACL", "SETUSER", "alice");
                s.same("ACL", "GETUSER", "alice");
                s.same("ACL", "SETUSER", "alice", "on", ">p1", ">p2", "#" + HASH, "~k*", "%R~r*", "%W~w*",
                        "&ch*", "+@hash", "-hdel");
                s.same("ACL", "GETUSER", "alice");
                s.same("ACL", "LIST");
                s.same("ACL", "USERS");
                s.same("ACL", "SETUSER", "alice", ">p1", "<p2", "!" + HASH);
                s.same("ACL", "GETUSER", "alice");
                s.same("ACL", "SETUSER", "alice", "<nope");
                s.same("ACL", "SETUSER", "alice", "!" + HASH);
                s.same("ACL", "SETUSER", "alice", "#abc");
                s.same("ACL", "SETUSER", "alice", "#" + HASH.toUpperCase());
                s.same("ACL", "SETUSER", "alice", "+nosuch");
                s.same("ACL", "SETUSER", "alice", "-@nosuch");
                s.same("ACL", "SETUSER", "alice", "bogus");
                s.same("ACL", "SETUSER", "alice", "%X~k");
                s.same("ACL", "SETUSER", "alice", "%RR~k"); // found by AclFuzzTest: R or W twice is an error
                s.same("ACL", "SETUSER", "eve", "allkeys", "%X~k"); // and allkeys is checked before the flags
                s.same("ACL", "SETUSER", "alice", "off", "bogus"); // nothing applies
                s.same("ACL", "GETUSER", "alice");
                s.same("ACL", "SETUSER", "alice", "allkeys", "~more");
                s.same("ACL", "SETUSER", "alice", "nopass");
                s.same("ACL", "GETUSER", "alice");
                s.same("ACL", "SETUSER", "alice", "resetpass", "resetkeys", "resetchannels", "nocommands");
                s.same("ACL", "GETUSER", "alice");
                s.same("ACL", "SETUSER", "bob", "nopass", "resetpass", "allkeys", "allchannels", "allcommands", "-@dangerous");
                s.same("ACL", "GETUSER", "bob");
                s.same("ACL", "SETUSER", "bob", "reset");
                s.same("ACL", "GETUSER", "bob");
                s.same("ACL", "SETUSER", "bob", "skip-sanitize-payload");
                s.same("ACL", "GETUSER", "bob");
                s.same("ACL", "SETUSER", "carol", "+@all", "-@hash", "+hget", "-hset");
                s.same("ACL", "SETUSER", "dave", "+config");
                s.same("ACL", "SETUSER", "eve", "+get", "-get", "~a", "~a", "%R~b", "%W~b", "&x", "&x");
                s.same("ACL", "SETUSER", "u1", "+client|id");
                s.same("ACL", "SETUSER", "u3", "allcommands", "-set");
                s.same("ACL", "SETUSER", "u4", "+@all", "-@all", "+@pubsub");
                s.same("ACL", "SETUSER", "u5", "+@write", "+@read", "-@write", "+@set", "+@hash", "-@set", "+@all", "-@admin", "+@admin");
                s.same("ACL", "LIST");
                s.same("ACL", "GETUSER", "eve");
                s.same("ACL", "DELUSER", "alice", "nosuch");
                s.same("ACL", "DELUSER", "default");
                s.same("ACL", "DELUSER", "bob", "default");
                s.same("ACL", "USERS");
                s.same("ACL", "SETUSER", "u5", "ON", "NOPASS", "ALLKEYS", "AllChannels", "+GET", ">", "~", "%RW~x");
                s.same("ACL", "GETUSER", "u5");
                s.same("ACL", "SETUSER", "u5", "resetkeys", "%RW~x", "%R~x", "%W~y", "~y", "%~z");
                s.same("ACL", "SETUSER", "u5", "clearselectors", "+select|0", "+config|nosuch", "+get|x");
                s.same("ACL", "SETUSER", "u5", "-config|get", "+config", "-config|set");
                s.same("ACL", "GETUSER", "u5");
                s.same("ACL", "SETUSER", "u5", "+@all", "-@all", "+config|get", "+@admin");
                s.same("ACL", "GETUSER", "u5");
                s.same("ACL", "SETUSER", "a b", "on");
                s.same("ACL", "SETUSER", "a\0b", "on");
                s.same("ACL", "SETUSER");
                s.same("ACL", "GETUSER");
                s.same("ACL", "DELUSER");
            } finally {
                cleanup(s);
            }
        });
    }

    @Test
    void catGenpassHelpLoadSave() {
        run(s -> {
            s.same("ACL", "CAT");
            for (String cat : new String[] {"keyspace", "read", "write", "set", "sortedset", "list", "hash", "string",
                    "bitmap", "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking",
                    "dangerous", "connection", "transaction", "scripting"}) {
                s.sameUnordered("ACL", "CAT", cat);
            }
            s.sameUnordered("ACL", "CAT", "HASH");
            s.same("ACL", "CAT", "nosuch");
            s.same("ACL", "CAT", "a", "b");
            s.same("ACL", "HELP");
            s.same("ACL", "LOAD");
            s.same("ACL", "SAVE");
            s.same("ACL", "GENPASS", "0");
            s.same("ACL", "GENPASS", "4097");
            s.same("ACL", "GENPASS", "x");
            s.same("ACL", "GENPASS", "1", "2");
            for (String bits : new String[] {"1", "4", "5", "64", "4096"}) {
                byte[][] r = s.both("ACL", "GENPASS", bits);
                assertEquals(r[0].length, r[1].length, "GENPASS " + bits);
            }
            byte[][] r = s.both("ACL", "GENPASS");
            assertEquals(r[0].length, r[1].length);
            s.same("ACL", "NOSUCH");
        });
    }

    @Test
    void authAsUser() {
        run(s -> {
            try (Session o = s.another()) {
                s.same("ACL", "SETUSER", "alice", "on", ">pw", "allkeys", "allchannels", "+@all");
                s.same("ACL", "SETUSER", "bob", "off", ">pw", "+@all");
                s.same("ACL", "SETUSER", "carol", "on", "nopass", "+acl|whoami");
                o.same("AUTH", "alice", "bad");
                o.same("AUTH", "nouser", "pw");
                o.same("AUTH", "bob", "pw");
                o.same("AUTH", "pw");
                o.same("AUTH", "alice", "pw");
                o.same("ACL", "WHOAMI");
                o.same("AUTH", "carol", "anything");
                o.same("ACL", "WHOAMI");
                o.same("ACL", "LIST");
                o.same("HELLO", String.valueOf(s.resp), "AUTH", "bob", "pw");
                o.same("HELLO", String.valueOf(s.resp), "AUTH", "alice", "nope");
                byte[][] h = o.both("HELLO", String.valueOf(s.resp), "AUTH", "alice", "pw");
                assertEquals((char) h[0][0], (char) h[1][0]);
                o.same("ACL", "WHOAMI");
                o.same("RESET");
                o.same("ACL", "WHOAMI");
            } finally {
                cleanup(s);
            }
        });
    }

    @Test
    void requirepassIsTheDefaultUsersPassword() {
        run(2, s -> {
            try (Session o = s.another()) {
                s.same("CONFIG", "SET", "requirepass", "sekret");
                s.same("ACL", "GETUSER", "default");
                s.same("ACL", "LIST");
                try (Session p = s.another()) {
                    p.same("PING");
                    p.same("AUTH", "wrong");
                    p.same("AUTH", "default", "sekret");
                    p.same("PING");
                }
                s.same("CONFIG", "SET", "requirepass", "");
                s.same("ACL", "GETUSER", "default");
                o.same("AUTH", "x");
            } finally {
                cleanup(s);
            }
        });
    }

    @Test
    void commandPermissions() {
        run(s -> {
            try (Session o = s.another()) {
                s.same("ACL", "SETUSER", "alice", "on", ">pw", "allkeys", "allchannels", "-@all", "+get", "+@hash",
                        "-hdel", "+client|id", "+multi", "+exec");
                o.same("AUTH", "alice", "pw");
                o.same("GET", "k");
                o.same("SET", "k", "v");
                o.same("HSET", "h", "f", "v");
                o.same("HDEL", "h", "f");
                byte[][] id = o.both("CLIENT", "ID");
                assertEquals((char) id[0][0], (char) id[1][0]);
                o.same("CLIENT", "LIST");
                o.same("ACL", "WHOAMI");
                o.same("NOSUCHCMD");
                o.same("GET");
                o.same("MULTI");
                o.same("SET", "k", "v");
                o.same("GET", "k");
                o.same("EXEC");
                // rules changed between MULTI and EXEC: checked again at EXEC
                o.same("MULTI");
                o.same("GET", "k");
                o.same("GET", "k");
                s.same("ACL", "SETUSER", "alice", "-get");
                o.same("EXEC");
                s.same("ACL", "SETUSER", "alice", "+get", "resetkeys", "~k");
                o.same("MULTI");
                o.same("GET", "k");
                s.same("ACL", "SETUSER", "alice", "resetkeys", "~z");
                o.same("EXEC");
                s.same("ACL", "SETUSER", "alice", "allkeys");
                // changes apply to a connected user at once
                s.same("ACL", "SETUSER", "alice", "+set");
                o.same("SET", "k", "v");
                s.same("ACL", "SETUSER", "alice", "nocommands");
                o.same("GET", "k");
                o.same("AUTH", "alice", "pw");
                s.same("ACL", "SETUSER", "alice", "+eval", "+@string");
                o.same("EVAL", "return redis.call('get', KEYS[1])", "1", "k");
                o.same("EVAL", "return redis.call('hget', KEYS[1], 'f')", "1", "h");
                o.same("EVAL", "return redis.acl_check_cmd('hget', 'h', 'f')", "0");
                o.same("EVAL", "return redis.acl_check_cmd('get', 'k')", "0");
                o.same("EVAL", "return redis.pcall('hget', KEYS[1], 'f')", "1", "h");
            } finally {
                cleanup(s);
            }
        });
    }

    @Test
    void keyPermissions() {
        run(s -> {
            try (Session o = s.another()) {
                s.same("MSET", "k1", "a", "r1", "b", "w1", "c", "x", "d");
                s.same("ACL", "SETUSER", "alice", "on", ">pw", "allchannels", "+@all", "~k*", "%R~r*", "%W~w*");
                o.same("AUTH", "alice", "pw");
                o.same("GET", "k1");
                o.same("GET", "x");
                o.same("GET", "r1");
                o.same("SET", "r1", "v");
                o.same("GET", "w1");
                o.same("SET", "w1", "v");
                o.same("SET", "w1", "v", "GET");
                o.same("MGET", "k1", "r1");
                o.same("MGET", "k1", "w1");
                o.same("MSET", "k1", "a", "w1", "b");
                o.same("MSET", "k1", "a", "r1", "b");
                o.same("COPY", "r1", "w2");
                o.same("COPY", "w1", "r2");
                o.same("LMOVE", "r1", "w1", "LEFT", "RIGHT");
                o.same("EXISTS", "r1", "w1", "k1");
                o.same("EXISTS", "x");
                o.same("DEL", "r1");
                o.same("DEL", "w1");
                o.sameUnordered("KEYS", "*");
                o.same("EVAL", "return redis.call('get', KEYS[1])", "1", "x");
                o.same("EVAL", "return redis.call('get', 'k1')", "0");
                o.same("EVAL", "return 1", "1", "x");
                o.same("ZUNIONSTORE", "k2", "2", "k1", "x");
                o.same("SORT", "k1", "STORE", "x");
                s.same("ACL", "SETUSER", "alice", "resetkeys");
                o.same("GET", "k1");
                o.same("PING");
                s.same("ACL", "SETUSER", "alice", "allkeys");
                o.same("GET", "x");
            } finally {
                cleanup(s);
            }
        });
    }

    @Test
    void channelPermissions() {
        run(s -> {
            try (Session o = s.another()) {
                s.same("ACL", "SETUSER", "alice", "on", ">pw", "allkeys", "+@all", "resetchannels", "&news.*", "&lit*");
                o.same("AUTH", "alice", "pw");
                o.same("PUBLISH", "news.a", "x");
                o.same("PUBLISH", "other", "x");
                o.same("SPUBLISH", "other", "x");
                o.same("SUBSCRIBE", "other");
                o.same("PSUBSCRIBE", "news.*x");
                o.same("PSUBSCRIBE", "news.*", "other");
                o.same("SUBSCRIBE", "news.a", "news.b");
                o.same("UNSUBSCRIBE", "news.a");
                o.same("UNSUBSCRIBE", "news.b");
                o.same("PSUBSCRIBE", "lit*");
                o.same("PUNSUBSCRIBE");
                o.same("EVAL", "return redis.call('publish', 'other', 'x')", "0");
                o.same("SUBSCRIBE", "news.a");
                s.same("ACL", "SETUSER", "alice", "&more");
                assertEquals(1, clientsOf(s, "alice"));
                s.same("ACL", "SETUSER", "alice", "resetchannels", "&lit*");
                assertEquals(0, clientsOf(s, "alice"));
            } finally {
                cleanup(s);
            }
        });
    }

    /** ACL LOG entries, compared without their age and client-info (time and address dependent). */
    private static void sameLog(Session s, String... args) {
        byte[][] r = s.both(args);
        assertEquals(Reply.header(r[0]), Reply.header(r[1]), RawConnection.show(r[0]) + "\n" + RawConnection.show(r[1]));
        if (r[0][0] != '*') {
            assertEquals(RawConnection.show(r[0]), RawConnection.show(r[1]));
            return;
        }
        List<byte[]> a = Reply.elements(r[0]);
        List<byte[]> b = Reply.elements(r[1]);
        for (int i = 0; i < a.size(); i++) {
            List<byte[]> x = Reply.elements(a.get(i));
            List<byte[]> y = Reply.elements(b.get(i));
            assertEquals(x.size(), y.size());
            for (int j = 0; j < x.size(); j++) {
                if (j == 11 || j == 13) {
                    assertEquals((char) x.get(j)[0], (char) y.get(j)[0]);
                    continue;
                }
                assertEquals(RawConnection.show(x.get(j)), RawConnection.show(y.get(j)), "entry " + i + " field " + j);
            }
            String info = Reply.bulkString(y.get(13));
            assertTrue(info.startsWith("id=") && info.contains(" user="), info);
            assertEquals(token(Reply.bulkString(x.get(13)), " cmd="), token(info, " cmd="));
            assertEquals(token(Reply.bulkString(x.get(13)), " user="), token(info, " user="));
        }
    }

    private static String token(String info, String key) {
        int i = info.indexOf(key);
        int j = info.indexOf(' ', i + 1);
        return info.substring(i, j < 0 ? info.length() : j);
    }

    @Test
    void log() {
        run(s -> {
            try (Session o = s.another()) {
                s.same("ACL", "LOG", "RESET");
                sameLog(s, "ACL", "LOG");
                s.same("ACL", "SETUSER", "alice", "on", ">pw", "+get", "+set", "+publish", "+eval", "~k*", "&c*");
                o.same("AUTH", "nouser", "x");
                o.same("AUTH", "nouser", "x");
                s.same("ACL", "SETUSER", "bob", "off", ">pw");
                o.same("AUTH", "bob", "pw");
                o.same("HELLO", String.valueOf(s.resp), "AUTH", "alice", "bad");
                o.same("MULTI");
                o.same("AUTH", "alice", "bad");
                o.same("EXEC");
                o.same("AUTH", "alice", "pw");
                o.same("GET", "x");
                o.same("PUBLISH", "zz", "1");
                o.same("HGET", "k", "f");
                o.same("HGET", "k", "f");
                o.same("EVAL", "return redis.call('get', 'x')", "0");
                sameLog(s, "ACL", "LOG");
                sameLog(s, "ACL", "LOG", "2");
                sameLog(s, "ACL", "LOG", "0");
                sameLog(s, "ACL", "LOG", "-1");
                s.same("ACL", "LOG", "x");
                s.same("ACL", "LOG", "1", "2");
                s.same("ACL", "LOG", "RESET");
                sameLog(s, "ACL", "LOG");
            } finally {
                s.both("ACL", "LOG", "RESET");
                cleanup(s);
            }
        });
    }

    /** How many clients both servers list as logged in as the user (they must agree). */
    private static int clientsOf(Session s, String user) {
        byte[][] r = s.both("CLIENT", "LIST");
        int a = new String(r[0], java.nio.charset.StandardCharsets.UTF_8).split(" user=" + user + " ", -1).length - 1;
        int b = new String(r[1], java.nio.charset.StandardCharsets.UTF_8).split(" user=" + user + " ", -1).length - 1;
        assertEquals(a, b, "clients of " + user);
        return a;
    }

    @Test
    void selectors() {
        run(s -> {
            try (Session o = s.another()) {
                s.same("ACL", "SETUSER", "alice", "on", ">pw", "~a", "+get", "(~b +set &c)", "(+@hash", "~h*)");
                s.same("ACL", "GETUSER", "alice");
                s.same("ACL", "LIST");
                s.same("ACL", "SETUSER", "bob", "(~b");
                s.same("ACL", "SETUSER", "bob", "(bogus)");
                s.same("ACL", "SETUSER", "bob", "(nopass)");
                s.same("ACL", "SETUSER", "bob", "(>pw)");
                s.same("ACL", "SETUSER", "bob", "(", "~x", "+get", ")");
                s.same("ACL", "GETUSER", "bob");
                s.same("ACL", "USERS");
                o.same("AUTH", "alice", "pw");
                o.same("GET", "a");
                o.same("GET", "b");
                o.same("SET", "b", "1");
                o.same("SET", "a", "1");
                o.same("HSET", "h1", "f", "v");
                o.same("HSET", "a", "f", "v");
                o.same("LPUSH", "a", "x");
                o.same("PUBLISH", "c", "x");
                s.same("ACL", "SETUSER", "alice", "+@pubsub");
                o.same("PUBLISH", "c", "x");
                o.same("PUBLISH", "d", "x");
                s.same("ACL", "DRYRUN", "alice", "SET", "b", "1");
                s.same("ACL", "DRYRUN", "alice", "SET", "z", "1");
                s.same("ACL", "SETUSER", "alice", "clearselectors");
                s.same("ACL", "GETUSER", "alice");
                o.same("SET", "b", "1");
                s.same("ACL", "SETUSER", "alice", "(~x +get)", "reset");
                s.same("ACL", "GETUSER", "alice");
            } finally {
                cleanup(s);
            }
        });
    }

    @Test
    void dryrun() {
        run(s -> {
            try {
                s.same("ACL", "SETUSER", "alice", "on", "nopass", "+get", "+set", "~k*", "&c*");
                s.same("ACL", "DRYRUN", "alice", "GET", "k1");
                s.same("ACL", "DRYRUN", "alice", "GET", "x");
                s.same("ACL", "DRYRUN", "alice", "SET", "k1", "v");
                s.same("ACL", "SETUSER", "alice", "+publish");
                s.same("ACL", "DRYRUN", "alice", "PUBLISH", "c1", "x");
                s.same("ACL", "DRYRUN", "alice", "PUBLISH", "x", "x");
                // shard channels are checked as channels, not keys: their key specs are not_key
                s.same("ACL", "SETUSER", "alice", "+spublish", "+ssubscribe");
                s.same("ACL", "DRYRUN", "alice", "SPUBLISH", "c1", "x");
                s.same("ACL", "DRYRUN", "alice", "SPUBLISH", "k1", "x");
                s.same("ACL", "DRYRUN", "alice", "SSUBSCRIBE", "c1", "c2");
                s.same("ACL", "DRYRUN", "alice", "HGET", "k1", "f");
                s.same("ACL", "DRYRUN", "alice", "CONFIG", "GET", "x");
                s.same("ACL", "DRYRUN", "alice", "GET");
                s.same("ACL", "DRYRUN", "alice", "NOSUCH");
                s.same("ACL", "DRYRUN", "nosuch", "GET", "k");
                s.same("ACL", "DRYRUN", "alice");
            } finally {
                cleanup(s);
            }
        });
    }

    @Test
    void deletedUserIsDisconnected() {
        run(s -> {
            try (Session o = s.another()) {
                s.same("ACL", "SETUSER", "alice", "on", ">pw", "+@all", "allkeys");
                o.same("AUTH", "alice", "pw");
                assertEquals(1, clientsOf(s, "alice"));
                s.same("ACL", "DELUSER", "alice");
                assertEquals(0, clientsOf(s, "alice"));
            } finally {
                cleanup(s);
            }
        });
    }
}
