package dev.tracekit.recording;

import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * Whether data written with one schema is, byte for byte, data of another: the same fields in the same order
 * with the same types, where an enum may have fewer symbols as long as they are the other's first ones (an
 * enum is written as its symbol's index, so appended symbols leave older data meaning the same). Files of such
 * a schema need no resolution: a decoder made for the other reads them as they are.
 */
public final class SchemaLayout {
    private SchemaLayout() {
    }

    /** True when data written with {@code written} reads as data of {@code current} without resolution. */
    public static boolean encodesAlike(Schema written, Schema current) {
        if (written.getType() != current.getType()) {
            return false;
        }
        return switch (written.getType()) {
            case RECORD -> written.getFullName().equals(current.getFullName())
                    && fieldsAlike(written.getFields(), current.getFields());
            case ENUM -> written.getFullName().equals(current.getFullName())
                    && written.getEnumSymbols().size() <= current.getEnumSymbols().size()
                    && current.getEnumSymbols().subList(0, written.getEnumSymbols().size())
                            .equals(written.getEnumSymbols());
            case ARRAY -> encodesAlike(written.getElementType(), current.getElementType());
            case MAP -> encodesAlike(written.getValueType(), current.getValueType());
            case UNION -> branchesAlike(written.getTypes(), current.getTypes());
            case FIXED -> written.getFullName().equals(current.getFullName())
                    && written.getFixedSize() == current.getFixedSize();
            default -> true; // the same primitive type
        };
    }

    /**
     * True when data written with {@code written} is data of {@code current} but for a tail of fields added since,
     * each {@code ["null", ...]} with the default null: a decoder that reads the tail only when the writer had it
     * reads such data as it is (an older minor version's records), leaving the tail null as resolution would.
     */
    public static boolean encodesAlikeUpToNullTail(Schema written, Schema current) {
        if (written.getType() != Schema.Type.RECORD || current.getType() != Schema.Type.RECORD
                || !written.getFullName().equals(current.getFullName())) {
            return false;
        }
        List<Schema.Field> have = written.getFields();
        List<Schema.Field> want = current.getFields();
        if (have.size() >= want.size() || !fieldsAlike(have, want.subList(0, have.size()))) {
            return false;
        }
        return want.subList(have.size(), want.size()).stream().allMatch(field -> field.schema().isUnion()
                && field.schema().getTypes().getFirst().getType() == Schema.Type.NULL
                && field.defaultVal() == JsonProperties.NULL_VALUE);
    }

    private static boolean fieldsAlike(List<Schema.Field> written, List<Schema.Field> current) {
        if (written.size() != current.size()) {
            return false;
        }
        for (int i = 0; i < written.size(); i++) {
            if (!written.get(i).name().equals(current.get(i).name())
                    || !encodesAlike(written.get(i).schema(), current.get(i).schema())) {
                return false;
            }
        }
        return true;
    }

    private static boolean branchesAlike(List<Schema> written, List<Schema> current) {
        if (written.size() != current.size()) {
            return false;
        }
        for (int i = 0; i < written.size(); i++) {
            if (!encodesAlike(written.get(i), current.get(i))) {
                return false;
            }
        }
        return true;
    }
}
