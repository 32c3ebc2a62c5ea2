package dev.tracekit.analyzer.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Newline-delimited JSON: one object per row, for jq and DuckDB. Rows of a titled table (a section of a
 * report) carry a {@code section} field first.
 */
public final class NdjsonWriter implements TableWriter {
    private final PrintWriter out;
    private final JsonGenerator json;
    private final RenderOptions options;
    private TableSpec table;

    public NdjsonWriter(PrintWriter out, RenderOptions options) {
        this.out = out;
        try {
            this.json = new JsonFactory().createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Each row ends its line at once (not when the next begins): a follower's last row reaches jq without waiting.
        json.setRootValueSeparator(new SerializedString(""));
        this.options = options;
    }

    @Override
    public void begin(TableSpec spec) {
        table = spec;
    }

    @Override
    public void row(List<?> values) {
        try {
            json.writeStartObject();
            if (table.title() != null) {
                json.writeStringField("section", table.name());
            }
            for (int i = 0; i < values.size(); i++) {
                for (Fields.Field field : Fields.json(table.columns().get(i), values.get(i), options)) {
                    json.writeFieldName(field.name());
                    writeValue(field.value());
                }
            }
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeValue(Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case Long l -> json.writeNumber(l);
            case Integer i -> json.writeNumber(i);
            case Double d -> json.writeNumber(Math.round(d * 1e4) / 1e4);
            case Boolean b -> json.writeBoolean(b);
            default -> json.writeString(value.toString());
        }
    }

    @Override
    public void end(List<String> notes) {
        // Notes are for people; JSON rows carry their loss counts in fields.
    }

    @Override
    public void finish() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean broken() {
        try {
            json.flush();
        } catch (IOException e) {
            return true;
        }
        return out.checkError();
    }
}
