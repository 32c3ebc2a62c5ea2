package dev.tracekit.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.analyzer.FollowedRecording;
import dev.tracekit.analyzer.aggregate.KillTally;
import dev.tracekit.analyzer.aggregate.OpenTally;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.CsvWriter;
import dev.tracekit.analyzer.render.RenderOptions;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The top lists with {@code --with} over app-1, whose pid 5000 is old-job until +1.1 s and, after bash forks it
 * again, new-job: events of both, under one name so that only the start tells them apart, are two rows, each with
 * its own process's columns. (The fixture's own opens and signals come from one life of each pid, so the events
 * are made here; who the pid was comes from the fixture's snapshots and procs records.)
 */
class ReusedPidTopRowsTest {
    private static final long STEP = 100_000_000L;
    private static final List<ContextColumn> WITH = List.of(ContextColumn.CMD, ContextColumn.PPID,
            ContextColumn.SERVICE);
    private static Recording recording;
    private static long start;

    @BeforeAll
    static void follow() {
        recording = FollowedRecording.of(Fixtures.app());
        start = recording.startBootNs().orElseThrow();
    }

    /** An event header of pid 5000 named "job" at {@code step} tenths of a second into the recording. */
    private static EventHeader job(double step) {
        long cgroup = recording.timeline().at(5000, at(step)).orElseThrow().cgroupId();
        return EventHeader.newBuilder().setTsNs(at(step)).setPid(5000).setTid(5000).setUid(0).setGid(0)
                .setComm(ByteBuffer.wrap("job".getBytes(StandardCharsets.US_ASCII))).setCgroupId(cgroup).setCpu(0)
                .build();
    }

    private static long at(double step) {
        return start + (long) (step * STEP);
    }

    private static String csv(ReportContext context, Consumer<TableWriter> report) {
        StringWriter out = new StringWriter();
        TableWriter writer = new CsvWriter(new PrintWriter(out), new RenderOptions(false));
        report.accept(writer);
        writer.finish();
        return out.toString();
    }

    private static ReportContext context(List<ContextColumn> with) {
        return new ReportContext(List.of(recording), List.of(recording), 10, with);
    }

    private static OpenTally opens(boolean oneRowPerProcess) {
        OpenTally tally = new OpenTally(oneRowPerProcess);
        for (double step : new double[] {10.2, 10.5, 13.5}) { // twice as old-job, once as new-job
            tally.open(recording, OpenEvent.newBuilder().setHeader(job(step)).setSyscall(OpenSyscall.OPENAT)
                    .setDirfd(-100).setFlags(0).setMode(0).setResolve(0).setResult(3)
                    .setPathTruncated(false).setPath(ByteBuffer.wrap("/tmp/x".getBytes(StandardCharsets.US_ASCII))).build());
        }
        return tally;
    }

    @Test
    void opensOfAReusedPidAreOneRowPerProcessWithItsColumns() {
        ReportContext context = context(WITH);
        String table = csv(context, out -> OpenTopReport.of(context, opens(true), OpenTopReport.By.processes).write(out));
        assertEquals(List.of("pid,comm,opens,failed,ppid,service,cmdline",
                "5000,job,2,0,1,cron.service,/usr/local/bin/old-job --nightly",
                "5000,job,1,0,2000,session-4.scope,new-job --once"), rows(table));
    }

    @Test
    void withoutWithTheRowIsThePidAndNameAsBefore() {
        ReportContext context = context(List.of());
        String table = csv(context, out -> OpenTopReport.of(context, opens(false), OpenTopReport.By.processes)
                .write(out));
        assertEquals(List.of("pid,comm,opens,failed", "5000,job,3,0"), rows(table));
    }

    @Test
    void signalsOfAReusedPidAreOneSenderRowPerProcess() {
        KillTally tally = new KillTally(true);
        for (double step : new double[] {10.5, 13.5}) {
            tally.kill(recording, KillEvent.newBuilder().setHeader(job(step)).setSyscall(KillSyscall.KILL)
                    .setTargetPid(1300).setTargetTid(0).setSignal(15).setResult(0).build());
        }
        ReportContext context = context(List.of(ContextColumn.CMD));
        String table = csv(context, out -> new KillTopReport(context, tally).write(out));
        assertEquals(List.of("pid,comm,target_pid,signal,signal_name,fate,fate_name,count,failed,cmdline",
                "5000,job,1300,15,SIGTERM,,,1,0,/usr/local/bin/old-job --nightly",
                "5000,job,1300,15,SIGTERM,,,1,0,new-job --once"), rows(table));
    }

    /** The table's header and rows, without the notes CSV puts after them. */
    private static List<String> rows(String csv) {
        return csv.lines().filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
