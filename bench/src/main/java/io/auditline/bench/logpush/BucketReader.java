package io.auditline.bench.logpush;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reads what Logpush delivered: lists the bucket and reads each gzip NDJSON object's event ids. */
final class BucketReader {

  private static final JsonFactory JSON = new JsonFactory();

  private final S3Client client;
  private final String bucket;
  private final String prefix;

  BucketReader(S3Client client, String bucket, String prefix) {
    this.client = client;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  /** Every object under the prefix, as the server lists it now. */
  List<S3Object> list() {
    return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().toList();
  }

  /** Gunzips object {@code key} and hands over the top-level {@code id} of each line; returns the line count. */
  long ids(String key, Consumer<String> ids) throws IOException {
    long lines = 0;
    try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(bucket).key(key));
        BufferedReader reader = new BufferedReader(
            new InputStreamReader(new GZIPInputStream(in, 64 * 1024), StandardCharsets.UTF_8), 64 * 1024)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines++;
        ids.accept(id(line));
      }
    }
    return lines;
  }

  private static String id(String line) throws IOException {
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object: " + abbreviate(line));
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (name.equals("id")) {
          return parser.getText();
        }
        parser.skipChildren();
      }
    }
    throw new IOException("a line without a top-level id: " + abbreviate(line));
  }

  private static String abbreviate(String line) {
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }
}
