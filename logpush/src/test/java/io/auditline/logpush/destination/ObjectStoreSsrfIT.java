package io.auditline.logpush.destination;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.testkit.azure.SharedAzurite;
import io.auditline.testkit.s3.SharedS3Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * S3 and Azure endpoints given in a customer's URI are outgoing requests to customer URLs: with the
 * default guard, a loopback endpoint (where a real server listens) is refused and nothing is written.
 */
class ObjectStoreSsrfIT {

  private static final DestinationContext PUBLIC_ONLY = DestinationContext.defaults();
  private static final Upload UPLOAD = new Upload("probe.ndjson", "x\n".getBytes(StandardCharsets.UTF_8),
      "application/x-ndjson", "", "probe");

  @Test
  void anS3EndpointOnLoopbackIsRefusedAndNothingIsWritten() {
    String bucket = "ssrf-" + UUID.randomUUID().toString().substring(0, 12);
    SharedS3Proxy.createBucket(bucket);
    String uri = "s3://%s/x?endpoint=%s&access_key_id=%s&secret_access_key=%s"
        .formatted(bucket, SharedS3Proxy.endpoint(), SharedS3Proxy.accessKey(), SharedS3Proxy.secretKey());
    try (Destination destination = TestDestinations.spec(uri).open(PUBLIC_ONLY)) {
      UploadOutcome outcome = destination.upload(UPLOAD);
      assertThat(outcome).isInstanceOf(UploadOutcome.Rejected.class);
      assertThat(((UploadOutcome.Rejected) outcome).reason()).isEqualTo("address_refused");
    }
    assertThat(SharedS3Proxy.client().listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
  }

  @Test
  void anAzureEndpointOnLoopbackIsRefusedAndNothingIsWritten() {
    String container = "ssrf-" + UUID.randomUUID().toString().substring(0, 12);
    SharedAzurite.createContainer(container);
    String uri = "azure://%s/x?endpoint=%s&account_name=%s&account_key=%s".formatted(container,
        SharedAzurite.blobEndpoint(), SharedAzurite.accountName(), URLEncoder.encode(SharedAzurite.accountKey(), StandardCharsets.UTF_8));
    try (Destination destination = TestDestinations.spec(uri).open(PUBLIC_ONLY)) {
      UploadOutcome outcome = destination.upload(UPLOAD);
      assertThat(outcome).isInstanceOf(UploadOutcome.Rejected.class);
      assertThat(((UploadOutcome.Rejected) outcome).reason()).isEqualTo("address_refused");
    }
    assertThat(SharedAzurite.client().getBlobContainerClient(container).listBlobs()).isEmpty();
  }

  @Test
  void theS3ClientResolvesThroughTheGuardEvenWithoutTheUpFrontCheck() {
    // The connect-time hook alone: the S3 client's own resolver refuses loopback.
    String bucket = "ssrf-" + UUID.randomUUID().toString().substring(0, 12);
    SharedS3Proxy.createBucket(bucket);
    String uri = "s3://%s/x?endpoint=%s&access_key_id=%s&secret_access_key=%s"
        .formatted(bucket, SharedS3Proxy.endpoint(), SharedS3Proxy.accessKey(), SharedS3Proxy.secretKey());
    Destination unguarded = ((GuardedDestination) TestDestinations.spec(uri).open(PUBLIC_ONLY)).delegateForTests();
    try (unguarded) {
      assertThat(unguarded.upload(UPLOAD)).isNotInstanceOf(UploadOutcome.Stored.class);
    }
    assertThat(SharedS3Proxy.client().listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
  }
}
