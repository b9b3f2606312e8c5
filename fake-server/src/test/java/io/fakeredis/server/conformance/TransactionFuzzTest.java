package io.fakeredis.server.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test for MULTI/EXEC/DISCARD and WATCH: random transactions of string,
 * list and key commands (with queueing errors, type errors and misplaced MULTI, WATCH and EXEC),
 * while a second connection sometimes writes to watched keys. Every reply of both connections is
 * compared byte for byte. -Dfuzz.seed=N replays a failure.
 */
class TransactionFuzzTest extends FlushingConformanceTest {
    private Random rnd;
    private boolean inMulti;

    private String pick(String... a) {
        return a[rnd.nextInt(a.length)];
    }

    private String key() {
        return pick("a", "b", "c", "l", "missing");
    }

    @Test
    void randomTransactions() {
        fuzz((s, r, history) -> {
            s.both("CONFIG", "RESETSTAT");
            rnd = r;
            inMulti = false;
            try (ConformanceTest.Session other = s.another()) {
                for (int i = 0, n = fuzzCommands(3000); i < n; i++) step(s, other, history);
            }
            sameErrorStats(s, "the run");
        });
    }

    /** A data command: mostly valid, sometimes a type error, an arity error or an unknown name. */
    private void data(List<String> a) {
        switch (rnd.nextInt(16)) {
            case 0: case 1: a.add("SET"); a.add(key()); a.add(pick("1", "2", "x", "10")); break;
            case 2: case 3: a.add(pick("INCR", "DECR")); a.add(key()); break;
            case 4: a.add("INCRBY"); a.add(key()); a.add(pick("1", "-3", "x")); break;
            case 5: case 6: a.add(pick("LPUSH", "RPUSH")); a.add(key()); a.add(pick("p", "q")); break;
            case 7: a.add(pick("LPOP", "RPOP")); a.add(key()); break;
            case 8: a.add("GET"); a.add(key()); break;
            case 9: a.add("LRANGE"); a.add(key()); a.add("0"); a.add("-1"); break;
            case 10: a.add(pick("DEL", "EXISTS", "TYPE")); a.add(key()); break;
            case 11: a.add("APPEND"); a.add(key()); a.add("z"); break;
            case 12: a.add("EXPIREAT"); a.add(key()); a.add(pick("4102444800", "1000")); break;
            case 13: a.add("GET"); break; // arity error: queued as an error, EXEC aborts
            case 14: a.add(pick("NOSUCHCOMMAND", "GETT")); a.add(key()); break;
            default: a.add(pick("BLPOP", "BRPOP")); a.add(key()); a.add("0"); break; // only sent inside MULTI
        }
    }

    private void step(ConformanceTest.Session s, ConformanceTest.Session other, List<String> history) {
        List<String> a = new ArrayList<>();
        ConformanceTest.Session on = s;
        int r = rnd.nextInt(20);
        if (r < 2) {
            a.add("MULTI");
        } else if (r < 4) {
            a.add("EXEC");
        } else if (r == 4) {
            a.add("DISCARD");
        } else if (r < 7) {
            a.add("WATCH");
            a.add(key());
            if (rnd.nextBoolean()) a.add(key());
        } else if (r == 7) {
            a.add("UNWATCH");
        } else if (r < 10) {
            on = other; // another client writes, maybe to a watched key
            data(a);
            if (a.get(0).startsWith("B") && a.get(0).endsWith("POP")) a.set(0, a.get(0).substring(1));
        } else {
            data(a);
            // a blocking pop outside MULTI would wait for ever on an empty list
            if (!inMulti && a.get(0).startsWith("B") && a.get(0).endsWith("POP")) a.set(0, a.get(0).substring(1));
        }
        String[] args = a.toArray(new String[0]);
        history.add((on == other ? "[other] " : "") + String.join(" ", args));
        byte[] reply = on.same(args);
        if (on == s) {
            if (args[0].equals("MULTI") && reply[0] == '+') inMulti = true;
            if (args[0].equals("EXEC") || args[0].equals("DISCARD")) inMulti = false;
        }
    }
}
