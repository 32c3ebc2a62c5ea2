package dev.tracekit.analyzer.aggregate;

/**
 * Open-addressing table from (recording, pid, comm, syscall, window) to {@link SyscallStats}: the hot map of
 * syscall aggregation, without a key object per event. Comms are interned, so they compare by identity
 * first. Grows with distinct keys only.
 */
final class SyscallKeyTable {
    /** Receives every entry. */
    interface EntryConsumer {
        void accept(int recording, int pid, ByteString comm, int syscall, long bucket, SyscallStats stats);
    }

    private int[] recordings = new int[1024];
    private long[] pidSyscalls = new long[1024];
    private long[] buckets = new long[1024];
    private ByteString[] comms = new ByteString[1024];
    private SyscallStats[] stats = new SyscallStats[1024];
    private int size;

    SyscallStats get(int recording, int pid, ByteString comm, int syscall, long bucket) {
        long pidSyscall = (long) pid << 32 | (syscall & 0xffffffffL);
        int mask = stats.length - 1;
        for (int i = slot(recording, pidSyscall, comm, bucket) & mask; ; i = (i + 1) & mask) {
            SyscallStats found = stats[i];
            if (found == null) {
                return add(i, recording, pidSyscall, comm, bucket);
            }
            if (pidSyscalls[i] == pidSyscall && buckets[i] == bucket && recordings[i] == recording
                    && (comms[i] == comm || comms[i] != null && comms[i].equals(comm))) {
                return found;
            }
        }
    }

    private SyscallStats add(int i, int recording, long pidSyscall, ByteString comm, long bucket) {
        SyscallStats created = new SyscallStats();
        recordings[i] = recording;
        pidSyscalls[i] = pidSyscall;
        buckets[i] = bucket;
        comms[i] = comm;
        stats[i] = created;
        if (++size * 2 > stats.length) {
            grow();
        }
        return created;
    }

    private static int slot(int recording, long pidSyscall, ByteString comm, long bucket) {
        long h = pidSyscall * 0x9E3779B97F4A7C15L + bucket * 0xC2B2AE3D27D4EB4FL + recording * 31L
                + (comm == null ? 0 : comm.hashCode());
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    private void grow() {
        int[] oldRecordings = recordings;
        long[] oldPidSyscalls = pidSyscalls;
        long[] oldBuckets = buckets;
        ByteString[] oldComms = comms;
        SyscallStats[] oldStats = stats;
        int capacity = oldStats.length * 2;
        recordings = new int[capacity];
        pidSyscalls = new long[capacity];
        buckets = new long[capacity];
        comms = new ByteString[capacity];
        stats = new SyscallStats[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldStats.length; j++) {
            if (oldStats[j] != null) {
                int i = slot(oldRecordings[j], oldPidSyscalls[j], oldComms[j], oldBuckets[j]) & mask;
                while (stats[i] != null) {
                    i = (i + 1) & mask;
                }
                recordings[i] = oldRecordings[j];
                pidSyscalls[i] = oldPidSyscalls[j];
                buckets[i] = oldBuckets[j];
                comms[i] = oldComms[j];
                stats[i] = oldStats[j];
            }
        }
    }

    void forEach(EntryConsumer consumer) {
        for (int i = 0; i < stats.length; i++) {
            if (stats[i] != null) {
                consumer.accept(recordings[i], (int) (pidSyscalls[i] >> 32), comms[i], (int) pidSyscalls[i], buckets[i],
                        stats[i]);
            }
        }
    }
}
