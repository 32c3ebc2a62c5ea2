package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One command line run in-process with captured output, as {@link Main} would run it. Fixture paths in
 * stderr are shown as {@code <fixtures>} so expectations do not depend on where the checkout is.
 */
public record CliRun(int status, String out, String err) {
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CommandLineFactory.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(status, out.toString(), err.toString().replace(Fixtures.root().toString(), "<fixtures>"));
    }

    /** Args with {@code @web}, {@code @db}, ... replaced by the fixture paths. */
    public static CliRun withFixtures(String... args) {
        List<String> resolved = new ArrayList<>();
        for (String arg : args) {
            resolved.add(switch (arg) {
                case "@web" -> Fixtures.web().toString();
                case "@db" -> Fixtures.db().toString();
                case "@bundle" -> Fixtures.dbBundle().toString();
                case "@truncated" -> Fixtures.truncated().toString();
                case "@empty" -> Fixtures.empty().toString();
                case "@ci" -> Fixtures.ci().toString();
                case "@dev" -> Fixtures.dev().toString();
                case "@app" -> Fixtures.app().toString();
                case "@app13" -> Fixtures.appWithNewContainer().toString();
                case "@appcounts" -> Fixtures.appWithSyscalls(true).toString();
                case "@appevents" -> Fixtures.appWithSyscalls(false).toString();
                case "@real" -> Fixtures.real().toString();
                case "@realprocs" -> Fixtures.realProcs().toString();
                default -> arg;
            });
        }
        return of(resolved.toArray(String[]::new));
    }

    public List<String> errLines() {
        return err.isEmpty() ? List.of() : List.of(err.split("\n"));
    }
}
