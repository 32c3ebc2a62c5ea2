package dev.tracekit.recording;

import java.util.Arrays;
import java.util.Iterator;

/** The names of the event-family streams ({@code opens}, {@code kills}, ...): what completion offers for {@code --family}. */
public final class FamilyNameList implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(RecordingStream.values()).filter(stream -> stream.family().isPresent())
                .map(RecordingStream::prefix).iterator();
    }
}
