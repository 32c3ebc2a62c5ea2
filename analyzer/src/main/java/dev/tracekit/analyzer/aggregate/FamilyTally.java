package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.FamilyDescriptor;
import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.Family;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/** Records read per recording and family: what the summary's "events per family" shows. */
public final class FamilyTally implements RecordVisitor {
    /** Indexed by recording, then family ordinal; grown as recordings appear. */
    private long[][] byRecording = new long[0][];

    private long[] of(Recording recording) {
        return counts(recording.index());
    }

    private long[] counts(int index) {
        if (index >= byRecording.length) {
            byRecording = Arrays.copyOf(byRecording, index + 1);
        }
        if (byRecording[index] == null) {
            byRecording[index] = new long[Family.values().length];
        }
        return byRecording[index];
    }

    @Override
    public Set<OptionalField> reads() {
        return EnumSet.noneOf(OptionalField.class); // it counts records and reads no field
    }






    @Override
    public <R extends SpecificRecord> void record(Recording recording, FamilyDescriptor<R> family, R record) {
        of(recording)[family.family().ordinal()]++;
    }

    public void merge(FamilyTally other) {
        for (int index = 0; index < other.byRecording.length; index++) {
            if (other.byRecording[index] != null) {
                long[] mine = counts(index);
                for (int i = 0; i < mine.length; i++) {
                    mine[i] += other.byRecording[index][i];
                }
            }
        }
    }

    public long records(Recording recording, Family family) {
        int index = recording.index();
        return index < byRecording.length && byRecording[index] != null ? byRecording[index][family.ordinal()] : 0;
    }
}
