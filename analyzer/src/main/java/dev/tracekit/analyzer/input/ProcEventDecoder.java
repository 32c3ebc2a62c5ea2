package dev.tracekit.analyzer.input;

import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.ProcKind;
import java.nio.ByteBuffer;
import java.util.Set;

/** ProcEvent's fields after kind and ppid are all {@code ["null", T]} unions: branch 0 is null. */
final class ProcEventDecoder implements LeadingFieldsDecoder<ProcEvent> {
    private static final ProcKind[] KINDS = ProcKind.values();
    /** new_cgroup_id and cgroup_path came with 1.3: files of earlier versions end their records before them. */
    private static final int NEW_CGROUP_ID_FIELD = ProcEvent.getClassSchema().getField("new_cgroup_id").pos();

    private final EventHeaderDecoder header;
    private int writerFields = ProcEvent.getClassSchema().getFields().size();

    ProcEventDecoder(Set<OptionalField> reads) {
        this.header = new EventHeaderDecoder(reads);
    }

    @Override
    public void writerFields(int fields) {
        writerFields = fields;
    }

    @Override
    public ProcEvent newRecord() {
        ProcEvent e = new ProcEvent();
        e.setHeader(EventHeaderDecoder.newHeader());
        return e;
    }

    @Override
    public ProcEvent read(AvroCursor in, ProcEvent e) throws CorruptInputException {
        header.read(in, e.getHeader());
        e.setKind(KINDS[in.readIndex(KINDS.length)]);
        e.setPpid(in.readInt());
        e.setFilename(bytes(in, e.getFilename()));
        e.setArgv(bytes(in, e.getArgv()));
        e.setArgvTruncated(present(in) ? in.readBoolean() : null);
        e.setOldPid(present(in) ? in.readInt() : null);
        e.setParentPid(present(in) ? in.readInt() : null);
        e.setParentTid(present(in) ? in.readInt() : null);
        e.setChildPid(present(in) ? in.readInt() : null);
        e.setChildTid(present(in) ? in.readInt() : null);
        e.setChildIsThread(present(in) ? in.readBoolean() : null);
        e.setExitCode(present(in) ? in.readInt() : null);
        e.setExitSignal(present(in) ? in.readInt() : null);
        e.setCoreDumped(present(in) ? in.readBoolean() : null);
        e.setLastThread(present(in) ? in.readBoolean() : null);
        e.setRenamedTid(present(in) ? in.readInt() : null);
        e.setOldComm(bytes(in, e.getOldComm()));
        e.setNewComm(bytes(in, e.getNewComm()));
        boolean cgroupFields = writerFields > NEW_CGROUP_ID_FIELD;
        e.setNewCgroupId(cgroupFields && present(in) ? in.readLong() : null);
        e.setCgroupPath(cgroupFields ? bytes(in, e.getCgroupPath()) : null);
        return e;
    }

    private static boolean present(AvroCursor in) throws CorruptInputException {
        return in.readIndex(2) == 1;
    }

    private static ByteBuffer bytes(AvroCursor in, ByteBuffer reuse) throws CorruptInputException {
        return present(in) ? in.readBytes(reuse) : null;
    }
}
