package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracekit.analyzer.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AOT cache's training runs every command it lists: a verb or option renamed since fails here, not in a build. */
class AotTrainingTest {
    @Test
    void everyTrainingCommandRunsOnTheFixturesTheBuildTrainsOn() {
        assertEquals(List.of(), AotTraining.failedCommands(AotTraining.commands(Fixtures.web().toString(), Fixtures.db().toString())));
    }

    @Test
    void aCommandThatNoLongerParsesIsReported() {
        assertEquals(List.of("events --frobnicate"), AotTraining.failedCommands(List.<String[]>of(new String[] {"events", "--frobnicate"})));
    }
}
