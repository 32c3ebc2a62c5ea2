package dev.tracekit.analyzer.filter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Every record of some recordings, read with Avro's own generic reader: the independent reference the
 * analyzer's lean decoders and filters are checked against.
 */
final class ReferenceRecords {
    /** One record with the facts of its file. */
    record Ref(String stream, String host, String arch, long bootWallNs, long startNs, GenericRecord record) {
        boolean is(String name) {
            return stream.equals(name);
        }

        GenericRecord header() {
            return (GenericRecord) record.get("header");
        }

        int pid() {
            return (Integer) (is("syscall-counts") ? record.get("pid") : header().get("pid"));
        }

        int tid() {
            return (Integer) header().get("tid");
        }

        long uid() {
            return (Long) header().get("uid");
        }

        String comm() {
            return text(is("syscall-counts") ? record.get("comm") : header().get("comm"));
        }

        String path() {
            return text(record.get("path"));
        }

        long ts() {
            return (Long) (is("syscall-counts") ? record.get("interval_start_ns") : header().get("ts_ns"));
        }

        long num(String field) {
            return ((Number) record.get(field)).longValue();
        }

        String symbol(String field) {
            return record.get(field).toString();
        }

        private static String text(Object bytes) {
            ByteBuffer buffer = ((ByteBuffer) bytes).duplicate();
            byte[] copy = new byte[buffer.remaining()];
            buffer.get(copy);
            return new String(copy, StandardCharsets.UTF_8);
        }
    }

    private ReferenceRecords() {
    }

    static List<Ref> of(Path... recordings) {
        List<Ref> all = new ArrayList<>();
        for (Path dir : recordings) {
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.toString().endsWith(".avro")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long start = files.stream().filter(p -> p.getFileName().toString().startsWith("intervals"))
                    .flatMap(p -> read(p).stream()).mapToLong(r -> (Long) r.get("interval_start_ns")).min().orElse(0);
            for (Path file : files) {
                String name = file.getFileName().toString();
                String stream = name.substring(0, name.lastIndexOf('-'));
                if (stream.equals("intervals")) {
                    continue;
                }
                try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
                    String host = reader.getMetaString("tracekit.hostname");
                    String arch = reader.getMetaString("tracekit.arch");
                    long boot = Long.parseLong(reader.getMetaString("tracekit.boot_time_wall_ns"));
                    while (reader.hasNext()) {
                        all.add(new Ref(stream, host, arch, boot, start, reader.next()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return all;
    }

    private static List<GenericRecord> read(Path file) {
        List<GenericRecord> records = new ArrayList<>();
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            reader.forEach(records::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}
