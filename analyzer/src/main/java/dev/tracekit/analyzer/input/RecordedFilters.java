package dev.tracekit.analyzer.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a recording's header says about how it was recorded (the "tracekit.filters" JSON) that changes how it
 * reads: which fields the recorder replaced by keyed hashes ({@code --redact}: results show those hashes where
 * names would be, so a reader must be told), and whether syscall counts carry latency ({@code --latency}).
 *
 * @param redacted the names listed ("paths", "comm", "uid"); none when the header has no such list
 * @param latency  whether counts were recorded with latency; null when the header does not say
 * @param intervalNs the recorder's {@code --interval} in ns; null when the header does not say
 */
record RecordedFilters(List<String> redacted, Boolean latency, Long intervalNs) {
    private static final JsonFactory JSON = new JsonFactory();
    private static final RecordedFilters UNKNOWN = new RecordedFilters(List.of(), null, null);

    /** What the filters JSON says; nothing when it is not JSON. */
    static RecordedFilters of(String filtersJson) {
        try (JsonParser parser = JSON.createParser(filtersJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return UNKNOWN;
            }
            List<String> redacted = List.of();
            Boolean latency = null;
            Long intervalNs = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("redacted") && value == JsonToken.START_ARRAY) {
                    List<String> fields = new ArrayList<>();
                    while (parser.nextToken() == JsonToken.VALUE_STRING) {
                        fields.add(parser.getText());
                    }
                    redacted = List.copyOf(fields);
                } else if (name.equals("latency") && value.isBoolean()) {
                    latency = value == JsonToken.VALUE_TRUE;
                } else if (name.equals("interval_ns") && value == JsonToken.VALUE_NUMBER_INT && parser.getLongValue() > 0) {
                    intervalNs = parser.getLongValue();
                }
                parser.skipChildren();
            }
            return new RecordedFilters(redacted, latency, intervalNs);
        } catch (IOException e) {
            return UNKNOWN; // a damaged header: its filters cannot say, and the events are still worth reading
        }
    }
}
