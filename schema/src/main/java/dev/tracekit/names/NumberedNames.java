package dev.tracekit.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A two-way table of numbers and names, loaded from a "number TAB name" resource made by tools/gen-name-tables.sh. */
final class NumberedNames {
    private final NavigableMap<Integer, String> byNumber;
    private final Map<String, Integer> byName;

    private NumberedNames(NavigableMap<Integer, String> byNumber) {
        this.byNumber = Collections.unmodifiableNavigableMap(byNumber);
        Map<String, Integer> names = new HashMap<>();
        byNumber.forEach((number, name) -> names.putIfAbsent(name, number));
        this.byName = Map.copyOf(names);
    }

    static NumberedNames load(String resource) {
        try (InputStream in = NumberedNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("name table " + resource + " is missing from the classpath");
            }
            NavigableMap<Integer, String> table = new TreeMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                table.put(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1).strip());
            }
            return new NumberedNames(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read name table " + resource, e);
        }
    }

    String name(int number) {
        return byNumber.get(number);
    }

    Integer number(String name) {
        return byName.get(name);
    }

    NavigableMap<Integer, String> all() {
        return byNumber;
    }
}
