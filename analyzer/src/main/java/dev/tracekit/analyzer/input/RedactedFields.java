package dev.tracekit.analyzer.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which fields a recording's recorder replaced by keyed hashes ({@code tracekit record --redact}): the
 * "redacted" list of the filters in its header. Results show those hashes where names would be, so a reader
 * must be told.
 */
final class RedactedFields {
    private static final JsonFactory JSON = new JsonFactory();

    private RedactedFields() {
    }

    /** The names listed ("paths", "comm", "uid"); none when the header has no such list or is not JSON. */
    static List<String> of(String filtersJson) {
        try (JsonParser parser = JSON.createParser(filtersJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("redacted") && value == JsonToken.START_ARRAY) {
                    List<String> fields = new ArrayList<>();
                    while (parser.nextToken() == JsonToken.VALUE_STRING) {
                        fields.add(parser.getText());
                    }
                    return List.copyOf(fields);
                }
                parser.skipChildren();
            }
            return List.of();
        } catch (IOException e) {
            return List.of(); // a damaged header: its filters cannot say, and the events are still worth reading
        }
    }
}
