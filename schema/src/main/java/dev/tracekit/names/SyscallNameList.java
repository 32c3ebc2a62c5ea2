package dev.tracekit.names;

import java.util.Iterator;

/**
 * The syscall names of this machine's architecture, in number order: what shell completion offers for
 * syscall options. Completion scripts are generated on the build machine, which is the package's architecture.
 */
public final class SyscallNameList implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return SyscallTable.of(Arch.current()).all().values().iterator();
    }
}
