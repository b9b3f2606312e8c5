package io.fakeredis.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.config.Config;
import io.fakeredis.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled facts must say what the shared reference (read from the real server) says. The
 * bundled copies may be minified, so they are compared as parsed values.
 */
class ReferenceFactsTest {
    private static final Path SHARED = Path.of("..", "..", "shared", "reference", "redis-7.0.15");

    @ParameterizedTest
    @CsvSource({
        "command-info.json, /io/fakeredis/core/command/command-info.json",
        "commands.tsv, /io/fakeredis/core/command/commands.tsv",
    })
    void bundledCopyMatchesSharedReference(String shared, String bundled) throws IOException {
        Path ref = SHARED.resolve(shared);
        Assumptions.assumeTrue(Files.exists(ref), "no shared reference beside the project: " + ref.toAbsolutePath());
        String expected = Files.readString(ref, StandardCharsets.UTF_8);
        String actual;
        try (InputStream in = ReferenceFactsTest.class.getResourceAsStream(bundled)) {
            actual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (shared.endsWith(".json")) {
            assertThat(Json.parse(actual)).isEqualTo(Json.parse(expected));
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }

    /**
     * command-table.txt is derived from command-info.json, so the first engine need not parse
     * JSON. When they disagree, this writes the derived table into the sources and fails: run
     * the tests again and commit the file.
     */
    @Test
    void commandTableIsDerivedFromCommandInfo() throws IOException {
        StringBuilder expected = new StringBuilder();
        for (Object row : (List<?>) Json.parse(resource("/io/fakeredis/core/command/command-info.json"))) {
            expected.append(CommandTable.tableRows((List<?>) row));
        }
        String actual = resource("/io/fakeredis/core/command/command-table.txt");
        if (!actual.equals(expected.toString())) {
            Path source = Path.of("src", "main", "resources", "io", "fakeredis", "core", "command", "command-table.txt");
            Files.writeString(source, expected.toString(), StandardCharsets.UTF_8);
            throw new AssertionError("command-table.txt was stale; rewrote " + source.toAbsolutePath() + ": rebuild and commit it");
        }
    }

    /**
     * config-defaults.tsv is the shared config-defaults.json as "name TAB value" lines, so the
     * first engine need not parse JSON. Rewritten and failed when stale, like the command table.
     */
    @Test
    void configDefaultsAreDerivedFromReference() throws IOException {
        Path ref = SHARED.resolve("config-defaults.json");
        Assumptions.assumeTrue(Files.exists(ref), "no shared reference beside the project: " + ref.toAbsolutePath());
        Map<?, ?> reference = (Map<?, ?>) Json.parse(Files.readString(ref, StandardCharsets.UTF_8));
        StringBuilder expected = new StringBuilder();
        for (Map.Entry<?, ?> e : reference.entrySet()) {
            expected.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
        }
        String actual = resource("/io/fakeredis/core/config/config-defaults.tsv");
        if (!actual.equals(expected.toString())) {
            Path source = Path.of("src", "main", "resources", "io", "fakeredis", "core", "config", "config-defaults.tsv");
            Files.writeString(source, expected.toString(), StandardCharsets.UTF_8);
            throw new AssertionError("config-defaults.tsv was stale; rewrote " + source.toAbsolutePath() + ": rebuild and commit it");
        }
        assertThat(Config.defaults()).containsExactlyEntriesOf(castStrings(reference));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castStrings(Map<?, ?> m) {
        return (Map<String, String>) m;
    }

    @Test
    void loadedTableSaysWhatCommandInfoSays() throws IOException {
        CommandTable t = CommandTable.get();
        int rows = 0;
        for (Object row : (List<?>) Json.parse(resource("/io/fakeredis/core/command/command-info.json"))) {
            rows += sameRow(t, (List<?>) row);
        }
        assertThat(t.size()).isEqualTo(rows);
    }

    private static int sameRow(CommandTable t, List<?> r) {
        Command c = t.lookup((String) r.get(0));
        assertThat(List.of(c.fullName, (long) c.arity, c.flagNames, (long) c.firstKey, (long) c.lastKey, (long) c.keyStep,
                c.aclCategories, c.tips, c.keySpecs())).isEqualTo(r.subList(0, 9));
        int n = 1;
        for (Object sub : (List<?>) r.get(9)) n += sameRow(t, (List<?>) sub);
        return n;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReferenceFactsTest.class.getResourceAsStream(name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
