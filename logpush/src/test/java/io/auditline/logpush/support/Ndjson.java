package io.auditline.logpush.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads delivered gzip NDJSON objects back, as a customer would. */
public final class Ndjson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Ndjson() {}

  public static List<JsonNode> lines(byte[] gzip) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<JsonNode> lines = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isEmpty()) {
          lines.add(JSON.readTree(line));
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code id} of every event in every object, duplicates kept. */
  public static List<String> ids(Collection<byte[]> objects) {
    List<String> ids = new ArrayList<>();
    objects.forEach(o -> lines(o).forEach(l -> ids.add(l.get("id").asText())));
    return ids;
  }
}
