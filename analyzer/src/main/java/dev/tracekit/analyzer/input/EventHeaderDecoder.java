package dev.tracekit.analyzer.input;

import dev.tracekit.schema.EventHeader;

/** The common head of every per-event record, decoded in place. */
final class EventHeaderDecoder {
    private EventHeaderDecoder() {
    }

    static EventHeader newHeader() {
        return new EventHeader(0L, 0, 0, 0L, 0L, null, 0L, 0);
    }

    static void read(AvroCursor in, EventHeader h) throws CorruptInputException {
        h.setTsNs(in.readLong());
        h.setPid(in.readInt());
        h.setTid(in.readInt());
        h.setUid(in.readLong());
        h.setGid(in.readLong());
        h.setComm(in.readBytes(h.getComm()));
        h.setCgroupId(in.readLong());
        h.setCpu(in.readInt());
    }
}
