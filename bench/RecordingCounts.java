import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a tracekit recording holds of the workload, asked of the analyzer (bin/tracekit ... --format json). */
final class RecordingCounts {
    static final Path TRACEKIT = Path.of("bin/tracekit");

    /** Events kept of the workload, and events the kernel counted as lost for the family. */
    record Capture(long events, long lost) {
    }

    private RecordingCounts() {
    }

    /** The workload's opens (of /dev/null) or kills, and the family's counted losses. */
    static Capture events(Path recording, String family, List<String> filters) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TRACEKIT.toString(), "summary", recording.toString(),
                "--format", "json"));
        command.addAll(filters);
        String line = run(command).lines().filter(l -> l.contains("\"family\":\"" + family + "\"")).findFirst()
                .orElse("");
        return new Capture(jsonLong(line, "matched"), jsonLong(line, "lost"));
    }

    /** One syscall's count over the filtered processes, as counted in the kernel or captured one by one. */
    static Capture syscall(Path recording, String syscall, List<String> filters) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TRACEKIT.toString(), "syscalls", recording.toString(),
                "--syscall", syscall, "--format", "json"));
        command.addAll(filters);
        String line = run(command).lines().findFirst().orElse("");
        return new Capture(jsonLong(line, "count"), Math.max(0, jsonLong(line, "lost")));
    }

    /** Execs of /bin/true by children of {@code parent}, as tracekit procs replays them. */
    static long execs(Path recording, long parent) throws IOException, InterruptedException {
        return run(List.of(TRACEKIT.toString(), "procs", recording.toString(), "--format", "json")).lines()
                .filter(l -> l.contains("\"event\":\"exec\"") && l.contains("\"ppid\":" + parent + ",")
                        && l.contains("tk-bench-exec"))
                .count();
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    /** A number field of one NDJSON line; -1 when absent. */
    static long jsonLong(String json, String key) {
        int at = json.indexOf("\"" + key + "\":");
        if (at < 0) {
            return -1;
        }
        int start = at + key.length() + 3;
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return Long.parseLong(json.substring(start, end));
    }
}
