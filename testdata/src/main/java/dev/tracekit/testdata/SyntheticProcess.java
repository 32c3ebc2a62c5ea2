package dev.tracekit.testdata;

import dev.tracekit.schema.EventHeader;
import java.nio.ByteBuffer;
import java.util.List;

/** A made-up process of a synthetic host: its ids, name and threads. */
record SyntheticProcess(int pid, byte[] comm, long uid, long gid, long cgroupId, List<Integer> tids) {

    SyntheticProcess {
        tids = List.copyOf(tids);
    }

    EventHeader header(long tsNs, int tid, int cpu) {
        return EventHeader.newBuilder()
                .setTsNs(tsNs)
                .setPid(pid)
                .setTid(tid)
                .setUid(uid)
                .setGid(gid)
                .setComm(ByteBuffer.wrap(comm))
                .setCgroupId(cgroupId)
                .setCpu(cpu)
                .build();
    }
}
