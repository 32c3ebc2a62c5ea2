package dev.tracekit.recorder.redact;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What {@code --redact} may hide: the values a recording would otherwise carry off the host verbatim. */
public enum RedactedField {
    /** Open paths (and the --path-prefix filter). */
    PATHS("paths"),
    /** Task names, in events and in syscall counts (and the --comm filter). */
    COMM("comm"),
    /** Real user ids of events (and the --uid filter). */
    UID("uid");

    private final String cliName;

    RedactedField(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** @throws IllegalArgumentException naming the unknown field */
    public static Set<RedactedField> parse(List<String> names) {
        Set<RedactedField> fields = EnumSet.noneOf(RedactedField.class);
        for (String name : names) {
            fields.add(parse(name));
        }
        return fields;
    }

    private static RedactedField parse(String name) {
        for (RedactedField field : values()) {
            if (field.cliName.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return field;
            }
        }
        throw new IllegalArgumentException("--redact takes paths, comm and uid, not '" + name + "'");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
