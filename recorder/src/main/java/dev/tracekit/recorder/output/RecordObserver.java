package dev.tracekit.recorder.output;

import dev.tracekit.recording.RecordingStream;
import org.apache.avro.specific.SpecificRecord;

/**
 * Sees every record a stream writer has appended, as it was written (redacted where --redact says so): what
 * live views count (record --metrics). Called on the recording thread, once per record, so it must be cheap
 * and must not keep the record, which its writer reuses.
 */
@FunctionalInterface
public interface RecordObserver {
    RecordObserver NONE = (stream, record) -> {
    };

    void appended(RecordingStream stream, SpecificRecord record);
}
