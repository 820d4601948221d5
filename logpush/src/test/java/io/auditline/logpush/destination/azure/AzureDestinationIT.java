package io.auditline.logpush.destination.azure;

import static io.auditline.logpush.destination.TestDestinations.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.DestinationSpec;
import io.auditline.logpush.destination.TestDestinations;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import io.auditline.testkit.azure.SharedAzurite;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AzureDestinationIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Instant BATCH_TIME = Instant.parse("2026-11-26T10:15:30Z");

  private String name;
  private BlobContainerClient container;

  @BeforeEach
  void createContainer() {
    name = "it-" + UUID.randomUUID().toString().substring(0, 12);
    container = SharedAzurite.createContainer(name);
  }

  private static String keyUri(String container, String key) {
    return "azure://%s/logs/{DATE}/{JOB}?endpoint=%s&account_name=%s&account_key=%s"
        .formatted(container, SharedAzurite.blobEndpoint(), SharedAzurite.accountName(), key);
  }

  private String sasUri(BlobContainerSasPermission permission) {
    String sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1), permission));
    return "azure://%s/logs?endpoint=%s&sas=%s"
        .formatted(name, SharedAzurite.blobEndpoint(), URLEncoder.encode(sas, StandardCharsets.UTF_8));
  }

  private static Upload upload(String key, String body, String encoding) {
    return new Upload(key, body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson", encoding, "idem-" + key);
  }

  @Test
  void storesTheBlobUnderTheExpandedPrefixWithItsHeaders() {
    DestinationSpec spec = TestDestinations.spec(keyUri(name, SharedAzurite.accountKey()));
    String key = spec.keyTemplate().expand(BATCH_TIME, "job-7") + "p3-00000000000000004096.ndjson.gz";
    try (Destination destination = spec.open(loopback(TIMEOUT))) {
      assertThat(destination.upload(upload(key, "{\"a\":1}\n", "gzip")))
          .isEqualTo(new UploadOutcome.Stored("logs/20261126/job-7/p3-00000000000000004096.ndjson.gz", 8));
    }

    assertThat(container.getBlobClient(key).downloadContent().toString()).isEqualTo("{\"a\":1}\n");
    BlobProperties properties = container.getBlobClient(key).getProperties();
    assertThat(properties.getContentType()).isEqualTo("application/x-ndjson");
    assertThat(properties.getContentEncoding()).isEqualTo("gzip");
  }

  @Test
  void writingTheSameKeyAgainLeavesOneBlobWithTheNewBody() {
    try (Destination destination = TestDestinations.spec(keyUri(name, SharedAzurite.accountKey())).open(loopback(TIMEOUT))) {
      assertThat(destination.upload(upload("logs/batch.ndjson", "first\n", ""))).isInstanceOf(UploadOutcome.Stored.class);
      assertThat(destination.upload(upload("logs/batch.ndjson", "second try\n", ""))).isInstanceOf(UploadOutcome.Stored.class);

      assertThat(container.listBlobs()).extracting(BlobItem::getName).containsExactly("logs/batch.ndjson");
      assertThat(destination.read("logs/batch.ndjson").found()).hasValueSatisfying(
          body -> assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("second try\n"));
      assertThat(destination.read("logs/none")).isEqualTo(new Destination.ReadOutcome.Failed("no blob with key 'logs/none'"));
    }
    assertThat(container.getBlobClient("logs/batch.ndjson").getProperties().getContentEncoding()).isNull();
  }

  @Test
  void aSasWithWritePermissionUploadsAndReadsBack() {
    BlobContainerSasPermission permission = new BlobContainerSasPermission()
        .setCreatePermission(true).setWritePermission(true).setReadPermission(true);
    try (Destination destination = TestDestinations.spec(sasUri(permission)).open(loopback(TIMEOUT))) {
      assertThat(destination.upload(upload("logs/sas.ndjson", "via sas\n", ""))).isInstanceOf(UploadOutcome.Stored.class);
      assertThat(destination.read("logs/sas.ndjson").found()).isPresent();
      assertThat(destination.describe()).endsWith("&sas=REDACTED");
    }
  }

  @Test
  void aReadOnlySasIsRejectedAsAccessDenied() {
    try (Destination destination = TestDestinations.spec(sasUri(new BlobContainerSasPermission().setReadPermission(true)))
        .open(loopback(TIMEOUT))) {
      assertThat(destination.upload(upload("logs/k.ndjson", "x", ""))).isInstanceOfSatisfying(UploadOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo("access_denied"));
    }
  }

  @Test
  void aWrongAccountKeyIsRejectedWithoutShowingIt() {
    String wrong = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.UTF_8));
    try (Destination destination = TestDestinations.spec(keyUri(name, wrong)).open(loopback(TIMEOUT))) {
      UploadOutcome outcome = destination.upload(upload("k.ndjson", "x", ""));

      assertThat(outcome).isInstanceOfSatisfying(UploadOutcome.Rejected.class, r -> {
        assertThat(r.reason()).isEqualTo("invalid_credentials");
        assertThat(r.message()).startsWith("Azure answered 403 AuthorizationFailure: Server failed to authenticate the request.").doesNotContain(wrong);
      });
      assertThat(destination.describe()).doesNotContain(wrong).contains("account_key=REDACTED");
    }
  }

  @Test
  void aMissingContainerIsRejected() {
    try (Destination destination = TestDestinations.spec(keyUri("no-such-" + name, SharedAzurite.accountKey())).open(loopback(TIMEOUT))) {
      assertThat(destination.upload(upload("k.ndjson", "x", ""))).isInstanceOfSatisfying(UploadOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo("no_such_container"));
    }
  }

  @Test
  void aServerThatIsDownIsARetry() {
    String uri = "azure://%s?endpoint=http://127.0.0.1:%d/devstoreaccount1&account_name=devstoreaccount1&account_key=%s"
        .formatted(name, TestDestinations.closedPort(), SharedAzurite.accountKey());
    try (Destination destination = TestDestinations.spec(uri).open(loopback(TIMEOUT))) {
      assertThat(destination.upload(upload("k.ndjson", "x", ""))).isInstanceOfSatisfying(UploadOutcome.Retry.class,
          r -> assertThat(r.reason()).isEqualTo("connect"));
    }
  }

  @Test
  void aServerThatNeverAnswersIsARetryAfterTheRequestTimeout() throws Exception {
    try (ServerSocket silent = TestDestinations.silentServer()) {
      String uri = "azure://%s?endpoint=http://127.0.0.1:%d/devstoreaccount1&account_name=devstoreaccount1&account_key=%s"
          .formatted(name, silent.getLocalPort(), SharedAzurite.accountKey());
      try (Destination destination = TestDestinations.spec(uri).open(loopback(Duration.ofSeconds(1)))) {
        assertThat(destination.upload(upload("k.ndjson", "x", ""))).isInstanceOfSatisfying(UploadOutcome.Retry.class,
            r -> assertThat(r.reason()).isEqualTo("timeout"));
      }
    }
  }
}
