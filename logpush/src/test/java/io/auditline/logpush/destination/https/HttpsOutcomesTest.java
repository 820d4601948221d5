package io.auditline.logpush.destination.https;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import io.auditline.platform.net.RefusedAddressException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpsOutcomesTest {

  private static final Upload UPLOAD = new Upload("k/1", new byte[] {1, 2}, "application/x-ndjson", "", "i");
  private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "200, Stored, ", "201, Stored, ", "204, Stored, ",
    "301, Rejected, redirect", "302, Rejected, redirect", "307, Rejected, redirect", "308, Rejected, redirect",
    "400, Rejected, client_error", "401, Rejected, client_error", "403, Rejected, client_error", "404, Rejected, client_error",
    "408, Retry, request_timeout", "429, Retry, throttled",
    "500, Retry, server_error", "502, Retry, server_error", "503, Retry, server_error", "504, Retry, server_error"})
  void mapsStatusCodes(int code, String kind, String reason) {
    UploadOutcome outcome = HttpsOutcomes.forResponse(new BasicClassicHttpResponse(code), UPLOAD, "h:443", NOW);
    assertThat(outcome.getClass().getSimpleName()).isEqualTo(kind);
    switch (outcome) {
      case UploadOutcome.Stored s -> assertThat(s).isEqualTo(new UploadOutcome.Stored("k/1", 2));
      case UploadOutcome.Retry r -> assertThat(r.reason()).isEqualTo(reason);
      case UploadOutcome.Rejected r -> assertThat(r.reason()).isEqualTo(reason);
    }
  }

  @Test
  void readsRetryAfterAsAnHttpDate() {
    BasicClassicHttpResponse response = new BasicClassicHttpResponse(503);
    response.addHeader("Retry-After", "Thu, 26 Nov 2026 00:01:30 GMT");
    assertThat(HttpsOutcomes.forResponse(response, UPLOAD, "h:443", NOW))
        .isEqualTo(new UploadOutcome.Retry("server_error", "h:443 answered 503 Service Unavailable",
            Optional.of(Duration.ofSeconds(90))));
  }

  @Test
  void mapsFailures() throws UnknownHostException {
    Duration t = Duration.ofSeconds(30);
    assertThat(HttpsOutcomes.forFailure(new SocketTimeoutException("Read timed out"), "h:443", t, false))
        .isEqualTo(new UploadOutcome.Retry("timeout", "h:443 did not answer within 30s"));
    assertThat(HttpsOutcomes.forFailure(new IOException("Request aborted"), "h:443", t, true))
        .isEqualTo(new UploadOutcome.Retry("timeout", "h:443 did not answer within 30s"));
    assertThat(HttpsOutcomes.forFailure(new HttpHostConnectException("Connection refused"), "h:443", t, false))
        .isInstanceOfSatisfying(UploadOutcome.Retry.class, r -> assertThat(r.reason()).isEqualTo("connect"));
    assertThat(HttpsOutcomes.forFailure(new ConnectException("Connection refused"), "h:443", t, false))
        .isInstanceOfSatisfying(UploadOutcome.Retry.class, r -> assertThat(r.reason()).isEqualTo("connect"));
    assertThat(HttpsOutcomes.forFailure(new UnknownHostException("h"), "h:443", t, false))
        .isEqualTo(new UploadOutcome.Retry("dns", "cannot resolve the host of h:443"));
    var refused = new RefusedAddressException("h", InetAddress.getByName("10.0.0.1"), "10.0.0.1 is a private address");
    assertThat(HttpsOutcomes.forFailure(new GuardedDnsResolver.Refused(refused), "h:443", t, false))
        .isEqualTo(new UploadOutcome.Rejected("address_refused",
            "h:443 is not reachable: host 'h' resolves to 10.0.0.1: 10.0.0.1 is a private address"));
    SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
    untrusted.initCause(new CertificateException("unable to find valid certification path"));
    assertThat(HttpsOutcomes.forFailure(untrusted, "h:443", t, false))
        .isInstanceOfSatisfying(UploadOutcome.Rejected.class, r -> assertThat(r.reason()).isEqualTo("tls"));
    assertThat(HttpsOutcomes.forFailure(new SSLHandshakeException("Remote host terminated the handshake"), "h:443", t, false))
        .isInstanceOfSatisfying(UploadOutcome.Retry.class, r -> assertThat(r.reason()).isEqualTo("io"));
    assertThat(HttpsOutcomes.forFailure(new IOException("Connection reset"), "h:443", t, false))
        .isEqualTo(new UploadOutcome.Retry("io", "I/O error talking to h:443: Connection reset"));
  }
}
