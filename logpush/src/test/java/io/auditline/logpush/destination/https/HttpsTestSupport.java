package io.auditline.logpush.destination.https;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.Destinations;
import io.auditline.logpush.destination.Upload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Opening https destinations that trust the test CA, and small uploads for the ITs. */
final class HttpsTestSupport {

  private HttpsTestSupport() {}

  static HttpsDestination openAt(String uri, DestinationContext context) {
    try {
      return spec(uri).openTrusting(context, TestTls.clientTrustingTestCa());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpsSpec spec(String uri) {
    DestinationParse parse = Destinations.parse(uri);
    assertThat(parse).isInstanceOf(DestinationParse.Valid.class);
    return (HttpsSpec) ((DestinationParse.Valid) parse).spec();
  }

  static Upload upload() {
    return new Upload("k/0001.ndjson", "{}\n".getBytes(StandardCharsets.UTF_8), "application/x-ndjson", "", "idem-1");
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] gunzip(byte[] data) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return in.readAllBytes();
    }
  }
}
