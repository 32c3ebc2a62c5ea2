package dev.tracekit.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed synthetic fixtures are exactly what the generator writes: nobody edited them by hand, and a
 * generator change that alters them shows up here until testdata/regenerate.sh is run and its output committed.
 */
class FixturesAreReproducibleTest {
    private static final Path COMMITTED = Path.of(System.getProperty("tracekit.testdata"));

    @TempDir
    Path fresh;

    @Test
    void generatorRewritesTheCommittedFixturesByteForByte() throws IOException {
        FixtureGenerator.writeAll(fresh);
        List<Path> generated = relativeFiles(fresh);
        List<Path> committed = relativeFiles(COMMITTED).stream().filter(generated::contains).toList();
        assertEquals(generated, committed, "fixtures missing from testdata/fixtures: run testdata/regenerate.sh");
        for (Path file : generated) {
            assertArrayEquals(Files.readAllBytes(COMMITTED.resolve(file)), Files.readAllBytes(fresh.resolve(file)),
                    file + " differs from the generator's output: run testdata/regenerate.sh");
        }
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
