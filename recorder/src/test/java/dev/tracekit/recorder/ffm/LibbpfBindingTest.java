package dev.tracekit.recorder.ffm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every bound libbpf function resolves in the installed libbpf.so.1 (its exported API), and errors read well. */
class LibbpfBindingTest {
    @Test
    void everyBoundSymbolIsExported() {
        assertDoesNotThrow(() -> Class.forName(Libbpf.class.getName()));
        assertTrue(Libbpf.libbpf_num_possible_cpus() >= 1);
    }

    /** Downcalls link on first use: each one's descriptor must still link, whether the recorder calls it or not. */
    @Test
    void everyBoundFunctionLinks() throws ClassNotFoundException {
        for (Class<?> binding : new Class<?>[] {Libbpf.class, Libc.class, LibbpfLog.class}) {
            Class.forName(binding.getName());
        }
        assertTrue(NativeFunction.bound().size() >= 40, "bound: " + NativeFunction.bound().size());
        for (NativeFunction function : NativeFunction.bound()) {
            assertEquals(function.descriptor().toMethodType().parameterCount() + 1,
                    function.handle().type().parameterCount(), function.name());
        }
    }

    @Test
    void failuresSayFunctionErrnoTextAndName() {
        NativeCallException e = new NativeCallException("bpf_object__load", 1, "");
        assertEquals("bpf_object__load: Operation not permitted (EPERM)", e.getMessage());
        assertEquals(1, e.errno());
    }
}
