package io.auditline.logpush.destination.https;

import static io.auditline.logpush.destination.https.HttpsTestSupport.gunzip;
import static io.auditline.logpush.destination.https.HttpsTestSupport.gzip;
import static io.auditline.logpush.destination.https.HttpsTestSupport.openAt;
import static io.auditline.logpush.destination.https.HttpsTestSupport.spec;
import static io.auditline.logpush.destination.https.HttpsTestSupport.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import io.auditline.platform.net.AddressGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploads to a real HTTPS server on 127.0.0.1, with the guard allowing the loopback range. */
class HttpsDestinationIT {

  private static final String SECRET = "xyz-secret-token";
  private static final DestinationContext LOOPBACK_OK =
      new DestinationContext(AddressGuard.allowing(List.of("127.0.0.0/8")), Duration.ofSeconds(10));

  private LocalHttpsServer server;

  @BeforeEach
  void start() throws Exception {
    server = LocalHttpsServer.start(InetAddress.getByName("127.0.0.1"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void postsTheGzipBodyIntactWithCustomAndUploadHeaders() throws Exception {
    byte[] ndjson = "{\"event\":\"login\"}\n".repeat(500).getBytes(StandardCharsets.UTF_8);
    Upload upload = new Upload("logs/20261126/job-p0-0001.ndjson.gz", gzip(ndjson), "application/x-ndjson", "gzip", "job:p0:0001");
    try (HttpsDestination destination = open("/ingest?header_Authorization=Bearer%20" + SECRET + "&header_X-Tenant=acme&source=auditline")) {
      assertThat(destination.upload(upload)).isEqualTo(new UploadOutcome.Stored(upload.key(), upload.body().length));
    }
    assertThat(server.received()).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.uri()).isEqualTo("/ingest?source=auditline");
      assertThat(r.header("Authorization")).isEqualTo("Bearer " + SECRET);
      assertThat(r.header("X-Tenant")).isEqualTo("acme");
      assertThat(r.header("Content-Type")).isEqualTo("application/x-ndjson");
      assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
      assertThat(r.header("Idempotency-Key")).isEqualTo("job:p0:0001");
      assertThat(r.header("X-Auditline-Object-Key")).isEqualTo(upload.key());
      assertThat(r.body()).isEqualTo(upload.body());
      assertThat(gunzip(r.body())).isEqualTo(ndjson);
    });
  }

  @Test
  void aRetriedUploadCarriesTheSameIdempotencyKeyAndBody() {
    server.thenReply(503);
    Upload upload = new Upload("k/0001.ndjson.zst", new byte[] {1, 2, 3}, "application/x-ndjson", "zstd", "job:p3:4096");
    try (HttpsDestination destination = open("/")) {
      assertThat(destination.upload(upload)).isInstanceOf(UploadOutcome.Retry.class);
      assertThat(destination.upload(upload)).isInstanceOf(UploadOutcome.Stored.class);
    }
    assertThat(server.received()).hasSize(2).allSatisfy(r -> {
      assertThat(r.header("Idempotency-Key")).isEqualTo("job:p3:4096");
      assertThat(r.header("Content-Encoding")).isEqualTo("zstd");
      assertThat(r.body()).containsExactly(1, 2, 3);
    });
  }

  @Test
  void throttlingIsRetriedAfterTheDurationTheServerAsked() {
    server.thenReply(429, "Retry-After", "7");
    try (HttpsDestination destination = open("/")) {
      assertThat(destination.upload(upload())).isEqualTo(new UploadOutcome.Retry("throttled",
          "127.0.0.1:%d answered 429 Too Many Requests".formatted(server.port()), Optional.of(Duration.ofSeconds(7))));
    }
  }

  @Test
  void serverErrorsAndRequestTimeoutsAreRetried() {
    server.thenReply(503).thenReply(500, "Retry-After", "120").thenReply(408);
    try (HttpsDestination destination = open("/")) {
      assertThat(destination.upload(upload())).isInstanceOfSatisfying(UploadOutcome.Retry.class, r -> {
        assertThat(r.reason()).isEqualTo("server_error");
        assertThat(r.message()).isEqualTo("127.0.0.1:%d answered 503 Service Unavailable".formatted(server.port()));
        assertThat(r.retryAfter()).isEmpty();
      });
      assertThat(destination.upload(upload())).isInstanceOfSatisfying(UploadOutcome.Retry.class,
          r -> assertThat(r.retryAfter()).contains(Duration.ofMinutes(2)));
      assertThat(destination.upload(upload())).isInstanceOfSatisfying(UploadOutcome.Retry.class,
          r -> assertThat(r.reason()).isEqualTo("request_timeout"));
    }
  }

  @Test
  void clientErrorsAreRejectedWithoutTheSecret() {
    server.thenReply(400).thenReply(401);
    try (HttpsDestination destination = open("/?header_Authorization=" + SECRET)) {
      for (int code : new int[] {400, 401}) {
        assertThat(destination.upload(upload())).isInstanceOfSatisfying(UploadOutcome.Rejected.class, r -> {
          assertThat(r.reason()).isEqualTo("client_error");
          assertThat(r.message()).startsWith("127.0.0.1:%d answered %d".formatted(server.port(), code)).doesNotContain(SECRET);
        });
      }
      assertThat(destination.describe()).doesNotContain(SECRET).contains("header_Authorization=REDACTED");
      assertThat(destination.toString()).doesNotContain(SECRET);
    }
  }

  @Test
  void aRedirectIsRejectedAndItsTargetNeverContacted() throws IOException {
    try (Tripwire target = Tripwire.on(InetAddress.getByName("127.0.0.2"))) {
      server.thenReply(302, "Location", "https://127.0.0.2:%d/stolen".formatted(target.port()));
      try (HttpsDestination destination = open("/?header_Authorization=" + SECRET)) {
        assertThat(destination.upload(upload())).isInstanceOfSatisfying(UploadOutcome.Rejected.class, r -> {
          assertThat(r.reason()).isEqualTo("redirect");
          assertThat(r.message()).contains("answered 302 ").doesNotContain(SECRET);
        });
      }
      assertThat(server.received()).hasSize(1);
      assertThat(target.connections()).isZero();
    }
  }

  @Test
  void aRefusedConnectionIsRetried() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    try (HttpsDestination destination = openAt("https://127.0.0.1:%d/".formatted(closedPort), LOOPBACK_OK)) {
      assertThat(destination.upload(upload())).isInstanceOfSatisfying(UploadOutcome.Retry.class,
          r -> assertThat(r.reason()).isEqualTo("connect"));
    }
  }

  @Test
  void aServerThatNeverAnswersIsATimeout() throws IOException {
    DestinationContext quick = new DestinationContext(AddressGuard.allowing(List.of("127.0.0.0/8")), Duration.ofMillis(500));
    try (Tripwire silent = Tripwire.silentOn(InetAddress.getByName("127.0.0.1"));
        HttpsDestination destination = openAt("https://127.0.0.1:%d/".formatted(silent.port()), quick)) {
      assertThat(destination.upload(upload())).isInstanceOfSatisfying(UploadOutcome.Retry.class, r -> {
        assertThat(r.reason()).isEqualTo("timeout");
        assertThat(r.message()).isEqualTo("127.0.0.1:%d did not answer within 0.5s".formatted(silent.port()));
      });
    }
  }

  @Test
  void theJvmDefaultTrustStoreDoesNotTrustTheTestCa() {
    HttpsSpec spec = spec("https://127.0.0.1:%d/".formatted(server.port()));
    try (HttpsDestination destination = spec.open(LOOPBACK_OK)) {
      assertThat(destination.upload(upload())).isInstanceOfSatisfying(UploadOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo("tls"));
    }
    assertThat(server.received()).isEmpty();
  }

  @Test
  void uploadsOverIpv6WhenTheGuardAllowsIt() throws Exception {
    InetAddress v6 = InetAddress.getByName("::1");
    LocalHttpsServer six;
    try {
      six = LocalHttpsServer.start(v6);
    } catch (IOException e) {
      assumeThat(e).as("IPv6 loopback is available").isNull();
      return;
    }
    DestinationContext context = new DestinationContext(AddressGuard.allowing(List.of("::1/128")), Duration.ofSeconds(10));
    try (six; HttpsDestination destination = openAt("https://[::1]:%d/v6".formatted(six.port()), context)) {
      assertThat(destination.upload(upload())).isInstanceOf(UploadOutcome.Stored.class);
    }
    assertThat(six.received()).singleElement().satisfies(r -> assertThat(r.header("Host")).isEqualTo("[::1]:" + six.port()));
  }

  private HttpsDestination open(String pathAndQuery) {
    return openAt("https://127.0.0.1:%d%s".formatted(server.port(), pathAndQuery), LOOPBACK_OK);
  }
}
