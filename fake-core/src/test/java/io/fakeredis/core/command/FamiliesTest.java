package io.fakeredis.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Families lists each family's names, and each family's dispatch switch lists them again: a name
 * in the first and not in the second would only fail when a client sends it. Running every
 * bound row with no client reaches its proc (which fails on the null client at once) or the
 * switch's default, which says "not bound".
 */
class FamiliesTest {
    @Test
    void everyBoundRowReachesItsProc() {
        List<String> unbound = new ArrayList<>();
        for (Command top : CommandTable.get().commands()) {
            List<Command> rows = new ArrayList<>(top.subcommands().values());
            rows.add(top);
            for (Command c : rows) {
                if (c.proc() == null) continue;
                try {
                    c.proc().call(null);
                } catch (IllegalStateException e) {
                    if (String.valueOf(e.getMessage()).startsWith("not bound")) unbound.add(c.parent == null ? c.name : c.parent.name + "|" + c.name);
                } catch (RuntimeException expected) {
                    // the proc ran and met the null client
                }
            }
        }
        assertThat(unbound).isEmpty();
    }
}
