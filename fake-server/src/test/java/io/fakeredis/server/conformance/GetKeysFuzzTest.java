package io.fakeredis.server.conformance;

import io.fakeredis.core.command.Command;
import io.fakeredis.core.command.CommandTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test of key extraction: COMMAND GETKEYS and GETKEYSANDFLAGS for every
 * command and subcommand of the reference table with random argument lists, so the key specs
 * (and the movable-keys procs behind SORT, ZUNION, EVAL, XREAD, MIGRATE and the rest) find the
 * same keys, or fail with the same error, as the real server. -Dfuzz.seed=N replays a failure.
 */
class GetKeysFuzzTest extends FlushingConformanceTest {
    private static final String[] TOKENS = {"k1", "k2", "k3", "0", "1", "2", "3", "-1", "x", "STREAMS", "STORE", "BY",
        "GET", "KEYS", "LIMIT", "COUNT", "BLOCK", "100", "$", ">", "WEIGHTS", "AGGREGATE", "SUM", "LEFT", "RIGHT",
        "STOREDIST", "FROMMEMBER", "*", "#", "w_*", "AUTH", "AUTH2", "COPY", "REPLACE", "", "numkeys", "GROUP", "g"};

    private Random rnd;
    private final List<String[]> names = new ArrayList<>();

    @Test
    void randomArguments() {
        for (Command c : CommandTable.get().commands()) {
            if (c.isContainer()) {
                for (Command sub : c.subcommands().values()) names.add(new String[] {c.name, sub.name});
            } else {
                names.add(new String[] {c.name});
            }
        }
        fuzz((s, r, history) -> {
            rnd = r;
            for (int i = 0, n = fuzzCommands(3000); i < n; i++) {
                List<String> a = new ArrayList<>(List.of("COMMAND", rnd.nextBoolean() ? "GETKEYS" : "GETKEYSANDFLAGS"));
                a.addAll(List.of(names.get(rnd.nextInt(names.size()))));
                for (int j = 0, m = rnd.nextInt(8); j < m; j++) a.add(TOKENS[rnd.nextInt(TOKENS.length)]);
                String[] args = a.toArray(new String[0]);
                history.add(String.join(" ", args));
                s.same(args);
            }
        });
    }
}
