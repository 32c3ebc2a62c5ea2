package dev.tracekit.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --master reaches the session maker from every verb that starts Spark, and is null when not given. */
class MasterOptionTest {
    @TempDir
    Path temp;

    @Test
    void everyVerbHandsOnTheMasterGiven() {
        String empty = FleetTrees.fixtures().resolve("empty").toString();
        String table = temp.resolve("table").toString();
        List<String> seen = new ArrayList<>();
        run(seen, "summary", "--master", "local[1]", empty);
        run(seen, "compact", "--master", "spark://a:7077", empty, "--to", table);
        run(seen, "opens", empty);
        assertEquals(Arrays.asList("local[1]", "spark://a:7077", null), seen);
    }

    private static void run(List<String> seen, String... args) {
        ToolRun run = ToolRun.fleet(master -> {
            seen.add(master);
            return SharedSpark.session();
        }, args);
        assertEquals(0, run.status(), run.err());
    }
}
