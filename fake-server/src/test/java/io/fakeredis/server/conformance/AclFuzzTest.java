package io.fakeredis.server.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test of ACL permission checks: two users get random rules (commands,
 * categories, subcommands, key patterns with read/write, channels, selectors), and ACL DRYRUN
 * asks both servers whether random commands would run. SETUSER replies (errors for bad rules)
 * and DRYRUN answers must be equal. -Dfuzz.seed=N replays a failure.
 */
class AclFuzzTest extends FlushingConformanceTest {
    private static final String[] RULES = {"on", "off", "nopass", "~k*", "~*", "%R~r*", "%W~w*", "%RW~b*", "&c*", "&*",
        "allkeys", "resetkeys", "allchannels", "resetchannels", "+@all", "-@all", "+@read", "-@read", "+@write",
        "-@write", "+@string", "-@string", "+@list", "+@pubsub", "-@pubsub", "+@dangerous", "-@dangerous", "+@keyspace",
        "+get", "-get", "+set", "-set", "+mset", "+copy", "+lmove", "+sort", "+eval", "+config|get", "-config|get",
        "+config", "+client|id", "-client", "+publish", "+spublish", "+subscribe", "+psubscribe", "+xread",
        "allcommands", "nocommands", "(~x* +get)", "(%R~k* +@read)", "clearselectors", "+nosuch", "~", "%X~k", "%RR~k*", "%~k", "reset"};
    private static final String[][] COMMANDS = {
        {"GET", "k1"}, {"GET", "r1"}, {"GET", "w1"}, {"GET", "x1"}, {"SET", "k1", "v"}, {"SET", "w1", "v"},
        {"SET", "r1", "v"}, {"SET", "b1", "v"}, {"MSET", "k1", "1", "w2", "2"}, {"COPY", "k1", "w1"},
        {"COPY", "r1", "w1"}, {"LMOVE", "r1", "w1", "LEFT", "RIGHT"}, {"SORT", "k1", "BY", "w*"},
        {"SORT", "r1", "STORE", "w1"}, {"PUBLISH", "c1", "m"}, {"PUBLISH", "d1", "m"}, {"SPUBLISH", "c1", "m"},
        {"SUBSCRIBE", "c1", "d1"}, {"PSUBSCRIBE", "c*"}, {"PSUBSCRIBE", "*"}, {"CONFIG", "GET", "hz"},
        {"CONFIG", "SET", "hz", "10"}, {"CLIENT", "ID"}, {"CLIENT", "LIST"}, {"EVAL", "return 1", "1", "k1"},
        {"XREAD", "STREAMS", "r1", "0"}, {"FLUSHALL"}, {"KEYS", "*"}, {"GETDEL", "r1"}, {"APPEND", "w1", "x"},
        {"GET"}, {"NOSUCH", "x"}};

    private Random rnd;

    @Test
    void randomRulesAndDryRuns() {
        fuzz((s, r, history) -> {
            rnd = r;
            try {
                for (int i = 0, n = fuzzCommands(2000); i < n; i++) {
                    String user = rnd.nextBoolean() ? "u1" : "u2";
                    List<String> a = new ArrayList<>();
                    if (rnd.nextInt(4) == 0) {
                        a.addAll(List.of("ACL", "SETUSER", user));
                        for (int j = 0, m = 1 + rnd.nextInt(3); j < m; j++) a.add(RULES[rnd.nextInt(RULES.length)]);
                    } else {
                        a.addAll(List.of("ACL", "DRYRUN", user));
                        a.addAll(List.of(COMMANDS[rnd.nextInt(COMMANDS.length)]));
                    }
                    String[] args = a.toArray(new String[0]);
                    history.add(String.join(" ", args));
                    s.same(args);
                }
            } finally {
                s.both("ACL", "DELUSER", "u1", "u2");
            }
        });
    }
}
