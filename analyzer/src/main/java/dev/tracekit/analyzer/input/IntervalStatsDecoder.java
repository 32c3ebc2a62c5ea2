package dev.tracekit.analyzer.input;

import dev.tracekit.schema.Drop;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.IntervalStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interval rows are kept (one per interval of a recording), so each gets fresh objects. */
final class IntervalStatsDecoder implements RecordDecoder<IntervalStats> {
    private static final Family[] FAMILIES = Family.values();

    @Override
    public IntervalStats newRecord() {
        return new IntervalStats();
    }

    @Override
    public IntervalStats read(AvroCursor in, IntervalStats ignored) throws CorruptInputException {
        IntervalStats s = new IntervalStats();
        s.setIntervalStartNs(in.readLong());
        s.setIntervalEndNs(in.readLong());
        s.setBootToWallNs(in.readLong());
        Map<String, Long> events = new HashMap<>();
        for (long n = in.readBlockCount(); n != 0; n = in.readBlockCount()) {
            for (long i = 0; i < n; i++) {
                events.put(in.readString(), in.readLong());
            }
        }
        s.setEvents(events);
        List<Drop> drops = new ArrayList<>();
        for (long n = in.readBlockCount(); n != 0; n = in.readBlockCount()) {
            for (long i = 0; i < n; i++) {
                drops.add(new Drop(FAMILIES[in.readIndex(FAMILIES.length)], in.readInt(), in.readLong()));
            }
        }
        s.setDrops(drops);
        s.setCountOverflows(in.readLong());
        return s;
    }
}
