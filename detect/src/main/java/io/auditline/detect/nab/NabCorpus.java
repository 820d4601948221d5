package io.auditline.detect.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loads a directory in the NAB layout: {@code data/<category>/<series>.csv} and {@code labels/combined_windows.json}. */
public final class NabCorpus {

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private NabCorpus() {
    }

    /** Every series listed in the label file, sorted by key, with windows resolved to rows. */
    public static List<NabSeries> load(Path root) {
        try {
            JsonNode labels = new ObjectMapper().readTree(root.resolve("labels/combined_windows.json").toFile());
            List<NabSeries> corpus = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Path file = root.resolve("data").resolve(entry.getKey());
                if (Files.exists(file)) {
                    corpus.add(read(entry.getKey(), file, entry.getValue()));
                }
            }
            corpus.sort((a, b) -> a.key().compareTo(b.key()));
            return corpus;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NabSeries read(String key, Path file, JsonNode windowLabels) throws IOException {
        List<long[]> rows;
        try (Stream<String> lines = Files.lines(file)) {
            rows = lines.skip(1).filter(l -> !l.isBlank()).map(NabCorpus::parseRow).toList();
        }
        long[] timestamps = new long[rows.size()];
        double[] values = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            timestamps[i] = rows.get(i)[0];
            values[i] = Double.longBitsToDouble(rows.get(i)[1]);
        }
        List<NabSeries.Window> windows = new ArrayList<>();
        for (JsonNode w : windowLabels) {
            long start = parseTime(w.get(0).asText());
            long end = parseTime(w.get(1).asText());
            int first = 0;
            while (first < timestamps.length && timestamps[first] < start) {
                first++;
            }
            int last = timestamps.length - 1;
            while (last >= 0 && timestamps[last] > end) {
                last--;
            }
            if (first <= last) {
                windows.add(new NabSeries.Window(first, last));
            }
        }
        return new NabSeries(key, timestamps, values, windows);
    }

    private static long[] parseRow(String line) {
        int comma = line.indexOf(',');
        return new long[] {parseTime(line.substring(0, comma).trim()),
                Double.doubleToLongBits(Double.parseDouble(line.substring(comma + 1).trim()))};
    }

    static long parseTime(String text) {
        return LocalDateTime.parse(text, TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** Formats epoch milliseconds the way NAB writes timestamps. */
    public static String formatTime(long epochMillis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L), 0, ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }
}
