package io.auditline.logpush.destination.s3;

import static io.auditline.logpush.destination.TestDestinations.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.DestinationSpec;
import io.auditline.logpush.destination.TestDestinations;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import io.auditline.testkit.s3.SharedS3Proxy;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3DestinationIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Instant BATCH_TIME = Instant.parse("2026-11-26T10:15:30Z");

  private String bucket;

  @BeforeEach
  void createBucket() {
    bucket = "it-" + UUID.randomUUID().toString().substring(0, 12);
    SharedS3Proxy.createBucket(bucket);
  }

  private static String uri(String bucket, String secret) {
    return "s3://%s/logs/{DATE}/{JOB}?endpoint=%s&access_key_id=%s&secret_access_key=%s"
        .formatted(bucket, SharedS3Proxy.endpoint(), SharedS3Proxy.accessKey(), secret);
  }

  private static Upload upload(String key, String body, String encoding) {
    return new Upload(key, body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson", encoding, "idem-" + key);
  }

  private static String keyFor(DestinationSpec spec, String name) {
    return spec.keyTemplate().expand(BATCH_TIME, "job-7") + name;
  }

  @Test
  void storesTheObjectUnderTheExpandedPrefixWithItsHeaders() {
    DestinationSpec spec = TestDestinations.spec(uri(bucket, SharedS3Proxy.secretKey()));
    String key = keyFor(spec, "p3-00000000000000004096.ndjson.gz");
    try (Destination destination = spec.open(loopback(TIMEOUT))) {
      assertThat(destination.upload(upload(key, "{\"a\":1}\n", "gzip")))
          .isEqualTo(new UploadOutcome.Stored("logs/20261126/job-7/p3-00000000000000004096.ndjson.gz", 8));
    }

    ResponseBytes<GetObjectResponse> stored = SharedS3Proxy.client().getObjectAsBytes(r -> r.bucket(bucket).key(key));
    assertThat(stored.asUtf8String()).isEqualTo("{\"a\":1}\n");
    assertThat(stored.response().contentType()).isEqualTo("application/x-ndjson");
    assertThat(stored.response().contentEncoding()).isEqualTo("gzip");
  }

  @Test
  void anEmptyEncodingSendsNoContentEncoding() {
    DestinationSpec spec = TestDestinations.spec(uri(bucket, SharedS3Proxy.secretKey()));
    try (Destination destination = spec.open(loopback(TIMEOUT))) {
      assertThat(destination.upload(upload("plain.ndjson", "x\n", ""))).isInstanceOf(UploadOutcome.Stored.class);
    }

    assertThat(SharedS3Proxy.client().headObject(r -> r.bucket(bucket).key("plain.ndjson")).contentEncoding()).isNull();
  }

  @Test
  void writingTheSameKeyAgainLeavesOneObjectWithTheNewBody() {
    DestinationSpec spec = TestDestinations.spec(uri(bucket, SharedS3Proxy.secretKey()));
    String key = keyFor(spec, "batch.ndjson");
    try (Destination destination = spec.open(loopback(TIMEOUT))) {
      assertThat(destination.upload(upload(key, "first\n", ""))).isInstanceOf(UploadOutcome.Stored.class);
      assertThat(destination.upload(upload(key, "second try\n", ""))).isInstanceOf(UploadOutcome.Stored.class);

      assertThat(SharedS3Proxy.client().listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(S3Object::key).containsExactly(key);
      assertThat(destination.read(key).found()).hasValueSatisfying(
          body -> assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("second try\n"));
    }
  }

  @Test
  void readingAMissingKeyFails() {
    try (Destination destination = TestDestinations.spec(uri(bucket, SharedS3Proxy.secretKey())).open(loopback(TIMEOUT))) {
      assertThat(destination.read("logs/none")).isEqualTo(new Destination.ReadOutcome.Failed("no object with key 'logs/none'"));
    }
  }

  @Test
  void aWrongSecretIsRejectedWithoutShowingIt() {
    String wrong = "wrong/secret+" + UUID.randomUUID();
    try (Destination destination = TestDestinations.spec(uri(bucket, wrong)).open(loopback(TIMEOUT))) {
      UploadOutcome outcome = destination.upload(upload("k.ndjson", "x", ""));

      assertThat(outcome).isInstanceOfSatisfying(UploadOutcome.Rejected.class, r -> {
        assertThat(r.reason()).isEqualTo("invalid_credentials");
        assertThat(r.message()).contains("403").doesNotContain(wrong);
      });
      assertThat(destination.describe()).doesNotContain(wrong).contains("secret_access_key=REDACTED");
    }
  }

  @Test
  void aMissingBucketIsRejected() {
    try (Destination destination = TestDestinations.spec(uri("no-such-" + bucket, SharedS3Proxy.secretKey())).open(loopback(TIMEOUT))) {
      assertThat(destination.upload(upload("k.ndjson", "x", ""))).isInstanceOfSatisfying(UploadOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo("no_such_bucket"));
    }
  }

  @Test
  void aServerThatIsDownIsARetry() {
    String uri = "s3://%s?endpoint=http://127.0.0.1:%d&access_key_id=a&secret_access_key=b"
        .formatted(bucket, TestDestinations.closedPort());
    try (Destination destination = TestDestinations.spec(uri).open(loopback(TIMEOUT))) {
      assertThat(destination.upload(upload("k.ndjson", "x", ""))).isInstanceOfSatisfying(UploadOutcome.Retry.class,
          r -> assertThat(r.reason()).isEqualTo("connect"));
    }
  }

  @Test
  void aServerThatNeverAnswersIsARetryAfterTheRequestTimeout() throws Exception {
    try (ServerSocket silent = TestDestinations.silentServer()) {
      String uri = "s3://%s?endpoint=http://127.0.0.1:%d&access_key_id=a&secret_access_key=b".formatted(bucket, silent.getLocalPort());
      try (Destination destination = TestDestinations.spec(uri).open(loopback(Duration.ofSeconds(1)))) {
        assertThat(destination.upload(upload("k.ndjson", "x", ""))).isInstanceOfSatisfying(UploadOutcome.Retry.class,
            r -> assertThat(r.reason()).isEqualTo("timeout"));
      }
    }
  }
}
