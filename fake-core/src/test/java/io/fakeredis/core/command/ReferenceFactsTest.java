package io.fakeredis.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
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
        "config-defaults.json, /io/fakeredis/core/config/config-defaults.json",
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
}
