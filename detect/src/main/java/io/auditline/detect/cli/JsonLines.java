package io.auditline.detect.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints benchmark figures as BENCHMARKS.md asks: one JSON object per line with value, baseline and ratio. */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    static void print(PrintWriter out, String bench, double value, String unit, Object baseline, Object ratio,
                      Map<String, Object> params) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bench", bench);
        line.put("value", finite(value));
        line.put("unit", unit);
        line.put("baseline", baseline instanceof Double d ? finite(d) : baseline);
        line.put("ratio", ratio instanceof Double d ? finite(d) : ratio);
        line.put("params", params);
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    private static Object finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
