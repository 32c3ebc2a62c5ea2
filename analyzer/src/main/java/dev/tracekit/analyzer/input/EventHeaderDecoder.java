package dev.tracekit.analyzer.input;

import dev.tracekit.schema.EventHeader;
import java.util.Set;

/** The common head of every per-event record, decoded in place, with the optional fields a visitor reads. */
final class EventHeaderDecoder {
    private final boolean threadAndUser;
    private final boolean cgroupAndCpu;

    EventHeaderDecoder(Set<OptionalField> reads) {
        this.threadAndUser = reads.contains(OptionalField.THREAD_AND_USER);
        this.cgroupAndCpu = reads.contains(OptionalField.CGROUP_AND_CPU);
    }

    static EventHeader newHeader() {
        return new EventHeader(0L, 0, 0, 0L, 0L, null, 0L, 0);
    }

    void read(AvroCursor in, EventHeader h) throws CorruptInputException {
        h.setTsNs(in.readLong());
        h.setPid(in.readInt());
        if (threadAndUser) {
            h.setTid(in.readInt());
            h.setUid(in.readLong());
            h.setGid(in.readLong());
        } else {
            in.skipLongs(3);
        }
        h.setComm(in.readBytes(h.getComm()));
        if (cgroupAndCpu) {
            h.setCgroupId(in.readLong());
            h.setCpu(in.readInt());
        } else {
            in.skipLongs(2);
        }
    }
}
