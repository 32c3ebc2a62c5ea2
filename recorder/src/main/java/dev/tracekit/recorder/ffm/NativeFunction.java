package dev.tracekit.recorder.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * One C function bound by name, with errno captured right after the call (the JVM may clobber errno before
 * Java code could read it). None of the calls is hot, so arguments go through {@code invokeWithArguments}.
 */
@SuppressWarnings("restricted") // binding native code is this class's job
final class NativeFunction {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CALL_STATE));

    private final String name;
    private final MethodHandle handle;

    private NativeFunction(String name, MethodHandle handle) {
        this.name = name;
        this.handle = handle;
    }

    /** @throws UnsatisfiedLinkError when the library does not export the symbol */
    static NativeFunction find(SymbolLookup library, String name, FunctionDescriptor descriptor) {
        MemorySegment address = library.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("symbol not exported: " + name));
        return new NativeFunction(name, LINKER.downcallHandle(address, descriptor,
                Linker.Option.captureCallState("errno")));
    }

    String name() {
        return name;
    }

    Object call(Object... args) {
        Object[] withState = new Object[args.length + 1];
        withState[0] = STATE.get();
        System.arraycopy(args, 0, withState, 1, args.length);
        try {
            return handle.invokeWithArguments(withState);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(name + ": " + t, t);
        }
    }

    int callInt(Object... args) {
        return (int) call(args);
    }

    long callLong(Object... args) {
        return (long) call(args);
    }

    MemorySegment callPointer(Object... args) {
        return (MemorySegment) call(args);
    }

    /** errno as the last call of this thread left it. */
    static int lastErrno() {
        return (int) ERRNO.get(STATE.get(), 0L);
    }
}
