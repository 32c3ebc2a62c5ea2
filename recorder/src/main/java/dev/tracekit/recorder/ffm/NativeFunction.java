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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One C function bound by name, with errno captured right after the call (the JVM may clobber errno before
 * Java code could read it). None of the calls is hot, so arguments go through {@code invokeWithArguments}.
 *
 * <p>The symbol is looked up at once (a missing one fails where the library is bound). The downcall is linked
 * then too ({@link #find}), on the thread that binds the library, which for the recorder is the preload thread
 * that runs beside picocli; or on the first call ({@link #findDeferred}) for what the start never calls (the
 * stop's and the interval counts' functions): linking spins a stub and its method handles, ~2 ms of CPU each that
 * no AOT cache holds, which would otherwise compete with the start on a small host. Once recording, the recorder
 * links those too ({@link Libbpf#linkDeferred}), so that the stop does not wait for it either.
 */
@SuppressWarnings("restricted") // binding native code is this class's job
final class NativeFunction {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CALL_STATE));

    /** Every function bound so far, so that a test can link them all (a descriptor libffi rejects fails there). */
    private static final List<NativeFunction> BOUND = new CopyOnWriteArrayList<>();

    private final String name;
    private final MemorySegment address;
    private final FunctionDescriptor descriptor;
    /** Linked on first use; two threads racing to link it make equal handles, either will do. */
    private volatile MethodHandle handle;

    private NativeFunction(String name, MemorySegment address, FunctionDescriptor descriptor) {
        this.name = name;
        this.address = address;
        this.descriptor = descriptor;
    }

    /** Bound and linked now. @throws UnsatisfiedLinkError when the library does not export the symbol */
    static NativeFunction find(SymbolLookup library, String name, FunctionDescriptor descriptor) {
        NativeFunction function = findDeferred(library, name, descriptor);
        function.handle();
        return function;
    }

    /** Bound now, linked on the first call. @throws UnsatisfiedLinkError when the library does not export it */
    static NativeFunction findDeferred(SymbolLookup library, String name, FunctionDescriptor descriptor) {
        MemorySegment address = library.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("symbol not exported: " + name));
        NativeFunction function = new NativeFunction(name, address, descriptor);
        BOUND.add(function);
        return function;
    }

    /** Links every function bound so far that is not linked yet. */
    static void linkAll() {
        BOUND.forEach(NativeFunction::handle);
    }

    static List<NativeFunction> bound() {
        return List.copyOf(BOUND);
    }

    MethodHandle handle() {
        MethodHandle linked = handle;
        if (linked == null) {
            linked = LINKER.downcallHandle(address, descriptor, Linker.Option.captureCallState("errno"));
            handle = linked;
        }
        return linked;
    }

    String name() {
        return name;
    }

    FunctionDescriptor descriptor() {
        return descriptor;
    }

    Object call(Object... args) {
        Object[] withState = new Object[args.length + 1];
        withState[0] = STATE.get();
        System.arraycopy(args, 0, withState, 1, args.length);
        try {
            return handle().invokeWithArguments(withState);
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
