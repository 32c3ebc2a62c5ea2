package dev.tracekit.analyzer.aggregate;

/** What syscall figures are summed by ({@code --by}). */
public enum SyscallGrouping {
    SYSCALL(false, true),
    PROCESS(true, false),
    PROCESS_SYSCALL(true, true);

    private final boolean byProcess;
    private final boolean bySyscall;

    SyscallGrouping(boolean byProcess, boolean bySyscall) {
        this.byProcess = byProcess;
        this.bySyscall = bySyscall;
    }

    public boolean byProcess() {
        return byProcess;
    }

    public boolean bySyscall() {
        return bySyscall;
    }
}
