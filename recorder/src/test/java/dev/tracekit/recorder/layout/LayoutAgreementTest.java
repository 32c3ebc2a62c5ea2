package dev.tracekit.recorder.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracekit.schema.KillSyscall;
import dev.tracekit.schema.FullPathStatus;
import dev.tracekit.schema.OpenSyscall;
import dev.tracekit.schema.ProcKind;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the Java {@link TracekitStructs} and the C structs of tracekit.h (shipped in the bpf jar) agree:
 * every size, every named field's offset and every shared constant becomes a {@code _Static_assert}, and
 * clang compiles them for the BPF target, the one that lays the structs out for the kernel side.
 */
class LayoutAgreementTest {
    @TempDir
    Path tmp;

    @Test
    void javaLayoutsMatchTheBpfTargetsCStructs() throws Exception {
        try (InputStream header = LayoutAgreementTest.class.getResourceAsStream("/dev/tracekit/bpf/tracekit.h")) {
            Files.copy(header, tmp.resolve("tracekit.h"));
        }
        List<String> asserts = new ArrayList<>();
        for (StructLayout struct : TracekitStructs.ALL) {
            String name = struct.name().orElseThrow();
            asserts.add(check("sizeof(struct " + name + ")", struct.byteSize()));
            fieldOffsets(name, struct, "", 0, asserts);
        }
        asserts.add(check("TASK_COMM_LEN", TracekitStructs.TASK_COMM_LEN));
        asserts.add(check("PATH_BUF_LEN", TracekitStructs.PATH_BUF_LEN));
        asserts.add(check("PATH_PREFIX_MAX", TracekitStructs.PATH_PREFIX_MAX));
        asserts.add(check("LATENCY_SLOTS", TracekitStructs.LATENCY_SLOTS));
        asserts.add(check("EVENT_SYSCALL", TracekitStructs.EVENT_SYSCALL));
        asserts.add(check("EVENT_OPEN", TracekitStructs.EVENT_OPEN));
        asserts.add(check("EVENT_KILL", TracekitStructs.EVENT_KILL));
        asserts.add(check("EVENT_PROC", TracekitStructs.EVENT_PROC));
        asserts.add(check("ARGV_BUF_LEN", TracekitStructs.ARGV_BUF_LEN));
        asserts.add(check("SYSCALL_IA32", Integer.toUnsignedLong(TracekitStructs.SYSCALL_IA32)));
        // the decoders index the Avro enums by the C enums' values
        enumValues("PROC_", ProcKind.values(), ProcKind.UNKNOWN, asserts);
        enumValues("OPEN_", OpenSyscall.values(), OpenSyscall.UNKNOWN, asserts);
        enumValues("KILL_", KillSyscall.values(), KillSyscall.UNKNOWN, asserts);
        for (FullPathStatus status : FullPathStatus.values()) { // NOT_RECORDED stands for files before the kernel sent one
            if (status != FullPathStatus.UNKNOWN && status != FullPathStatus.NOT_RECORDED) {
                asserts.add(check("FULL_PATH_" + status.name(), status.ordinal()));
            }
        }
        Path source = tmp.resolve("layout_check.c");
        Files.writeString(source, "#include <stddef.h>\n#include \"tracekit.h\"\n" + String.join("\n", asserts) + "\n");

        Process clang = new ProcessBuilder("clang", "-target", "bpf", "-fsyntax-only",
                "-I/usr/include/" + machine() + "-linux-gnu", "-I" + tmp, source.toString())
                .redirectErrorStream(true).start();
        String output = new String(clang.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, clang.waitFor(), "C and Java layouts disagree:\n" + output);
        assertEquals(asserts.size(), Files.readAllLines(source).size() - 2);
    }

    private static <E extends Enum<E>> void enumValues(String prefix, E[] symbols, E unknown, List<String> out) {
        for (E symbol : symbols) {
            if (symbol != unknown) {
                out.add(check(prefix + symbol.name(), symbol.ordinal()));
            }
        }
    }

    private static void fieldOffsets(String struct, GroupLayout group, String prefix, long base, List<String> out) {
        long offset = base;
        for (MemoryLayout member : group.memberLayouts()) {
            if (!(member instanceof PaddingLayout) && member.name().isPresent()) {
                String path = prefix + member.name().get();
                out.add(check("offsetof(struct " + struct + ", " + path + ")", offset));
                if (member instanceof GroupLayout nested) {
                    fieldOffsets(struct, nested, path + ".", offset, out);
                }
            }
            offset += member.byteSize();
        }
    }

    private static String check(String expression, long expected) {
        return "_Static_assert(" + expression + " == " + expected + ", \"" + expression + " is not " + expected + "\");";
    }

    private static String machine() throws IOException {
        return System.getProperty("os.arch").equals("aarch64") ? "aarch64" : "x86_64";
    }
}
