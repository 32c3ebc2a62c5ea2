package dev.tracekit.recorder.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.tracekit.names.Arch;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * libbpf's log, captured once through {@code libbpf_set_print}. Lines are kept (the last few hundred) so a
 * failed load can carry the verifier's explanation in its exception; with {@code --verbose} they are also
 * echoed to stderr. The upcall formats with vsnprintf and never throws.
 */
@SuppressWarnings("restricted") // binding native code is this class's job
public final class LibbpfLog {
    private static final int KEPT_LINES = 300;
    private static final int LINE_BYTES = 4096;
    /** How C passes a {@code va_list} argument: a pointer on x86_64, a 32-byte struct on aarch64 (AAPCS64). */
    private static final MemoryLayout VA_LIST = Arch.current() == Arch.AARCH64
            ? MemoryLayout.structLayout(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT)
            : ADDRESS;
    private static final NativeFunction VSNPRINTF = NativeFunction.find(Linker.nativeLinker().defaultLookup(),
            "vsnprintf", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, VA_LIST));
    private static final Deque<String> RECENT = new ArrayDeque<>();
    private static volatile PrintStream echo;

    private LibbpfLog() {
    }

    /** The print callback for {@code libbpf_set_print}, alive for the whole JVM. */
    static MemorySegment callback() {
        try {
            var handle = MethodHandles.lookup().findStatic(LibbpfLog.class, "print",
                    MethodType.methodType(int.class, int.class, MemorySegment.class, MemorySegment.class));
            return Linker.nativeLinker().upcallStub(handle,
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, VA_LIST), Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Echoes every libbpf line to {@code out} from now on (null: keep them quiet). */
    public static void echoTo(PrintStream out) {
        echo = out;
    }

    /** The lines logged since the last call, oldest first; clears them. */
    public static synchronized String takeRecent() {
        String text = String.join("\n", RECENT);
        RECENT.clear();
        return text;
    }

    @SuppressWarnings("unused") // called from native code
    private static int print(int level, MemorySegment format, MemorySegment args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(LINE_BYTES);
            VSNPRINTF.callInt(buffer, (long) LINE_BYTES, format, args);
            keep(buffer.getString(0));
        } catch (Throwable ignored) {
            // nothing may cross back into libbpf; a lost log line is the lesser harm
        }
        return 0;
    }

    private static synchronized void keep(String text) {
        PrintStream out = echo;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (RECENT.size() == KEPT_LINES) {
                RECENT.removeFirst();
            }
            RECENT.addLast(line);
            if (out != null) {
                out.println("libbpf: " + line);
            }
        }
    }
}
