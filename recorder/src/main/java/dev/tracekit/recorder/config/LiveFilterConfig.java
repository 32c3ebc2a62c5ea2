package dev.tracekit.recorder.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracekit.names.SyscallTable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code --config} file: a JSON object whose keys replace the command line's live filters,
 * <pre>{"syscalls": ["openat", "read", 59], "pids": [1234], "tids": [], "uids": [0], "comms": ["nginx"]}</pre>
 * A key left out keeps the command line's value; an empty list turns that filter off.
 */
public final class LiveFilterConfig {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("syscalls", "pids", "tids", "uids", "comms");

    private final SyscallTable syscalls;

    public LiveFilterConfig(SyscallTable syscalls) {
        this.syscalls = syscalls;
    }

    /** @throws IllegalArgumentException with a one-line reason for a malformed file */
    public LiveFilter parse(byte[] json, LiveFilter base) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException("not valid JSON" + where);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new IllegalArgumentException("unknown key '" + PrintableText.of(name) + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        return new LiveFilter(
                values(root, "pids", base.pids(), node -> positiveInt(node, "pids")),
                values(root, "tids", base.tids(), node -> positiveInt(node, "tids")),
                values(root, "uids", base.uids(), node -> (long) positiveInt(node, "uids")),
                values(root, "comms", base.comms(), LiveFilterConfig::comm),
                values(root, "syscalls", base.syscalls(), this::syscall));
    }

    private static <T> Set<T> values(JsonNode root, String key, Set<T> base, Function<JsonNode, T> parse) {
        JsonNode list = root.get(key);
        if (list == null) {
            return base;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be a list");
        }
        Set<T> values = new LinkedHashSet<>();
        list.forEach(node -> values.add(parse.apply(node)));
        return values;
    }

    private static int positiveInt(JsonNode node, String key) {
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 0) {
            throw new IllegalArgumentException("'" + key + "' holds a value that is not a non-negative integer: "
                    + PrintableText.of(node.toString()));
        }
        return node.intValue();
    }

    private static String comm(JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("'comms' holds a value that is not a string: "
                    + PrintableText.of(node.toString()));
        }
        return CommandNames.check(node.textValue());
    }

    private int syscall(JsonNode node) {
        if (node.isTextual()) {
            return SyscallNames.number(syscalls, node.textValue());
        }
        return positiveInt(node, "syscalls");
    }
}
