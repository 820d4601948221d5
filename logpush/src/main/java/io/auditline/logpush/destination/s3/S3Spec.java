package io.auditline.logpush.destination.s3;

import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.GuardedDestination;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.DestinationSpec;
import io.auditline.logpush.destination.EndpointUrls;
import io.auditline.logpush.destination.KeyTemplate;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * An S3 or S3-compatible bucket and key prefix, parsed from {@code s3://bucket/prefix?...} (the
 * grammar is on {@link S3Uri}).
 *
 * @param region the signing region; {@code us-east-1} when an endpoint was given without one
 * @param endpoint an S3-compatible server instead of AWS, for example {@code http://127.0.0.1:9000}
 * @param pathStyle {@code https://endpoint/bucket/key} instead of {@code https://bucket.endpoint/key}
 * @param credentials static keys; empty to use the SDK's default credentials chain (instance role,
 *     environment, profile)
 * @param storageClass an S3 storage class such as {@code STANDARD_IA}; empty for the bucket default
 * @param sse server-side encryption ({@code AES256}, {@code aws:kms}, {@code aws:kms:dsse}); empty
 *     for the bucket default
 * @param sseKmsKeyId the KMS key for {@code aws:kms} encryption; empty for the AWS managed key
 */
public record S3Spec(
    String bucket,
    KeyTemplate keyTemplate,
    String region,
    Optional<URI> endpoint,
    boolean pathStyle,
    Optional<S3Credentials> credentials,
    Optional<String> storageClass,
    Optional<String> sse,
    Optional<String> sseKmsKeyId)
    implements DestinationSpec {

  static final String EXAMPLE_ENDPOINT = "http://127.0.0.1:9000";

  public S3Spec {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(keyTemplate, "keyTemplate");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(storageClass, "storageClass");
    Objects.requireNonNull(sse, "sse");
    Objects.requireNonNull(sseKmsKeyId, "sseKmsKeyId");
    BucketNames.problem(bucket).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    if (!region.matches("[a-z0-9]+(-[a-z0-9]+)*") || region.length() > 64) {
      throw new IllegalArgumentException("region: '%s' (expected: a region such as us-east-1)".formatted(region));
    }
    endpoint.flatMap(e -> EndpointUrls.problem(e, false, EXAMPLE_ENDPOINT)).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    storageClass.ifPresent(s -> {
      if (StorageClass.fromValue(s) == StorageClass.UNKNOWN_TO_SDK_VERSION) {
        throw new IllegalArgumentException("storage_class: '%s' (expected: one of %s)".formatted(s, known(StorageClass.knownValues())));
      }
    });
    List<String> encryptions = List.of(ServerSideEncryption.AES256.toString(), ServerSideEncryption.AWS_KMS.toString(),
        ServerSideEncryption.AWS_KMS_DSSE.toString());
    sse.ifPresent(s -> {
      if (!encryptions.contains(s)) {
        throw new IllegalArgumentException("sse: '%s' (expected: one of %s)".formatted(s, String.join(", ", encryptions)));
      }
    });
    if (sseKmsKeyId.isPresent() && !sse.orElse("").startsWith("aws:kms")) {
      throw new IllegalArgumentException("sse_kms_key_id: given without sse=aws:kms (expected: sse=aws:kms or sse=aws:kms:dsse with it)");
    }
  }

  /** Parses an {@code s3://} URI; the message of an invalid one never contains a secret. */
  public static DestinationParse parse(URI uri) {
    return S3Uri.parse(uri);
  }

  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public String redacted() {
    String prefix = keyTemplate.template();
    StringBuilder uri = new StringBuilder("s3://").append(bucket).append(prefix.isEmpty() ? "" : "/" + prefix);
    List<String> params = new ArrayList<>();
    params.add("region=" + region);
    endpoint.ifPresent(e -> params.add("endpoint=" + e));
    if (pathStyle != endpoint.isPresent()) {
      params.add("path_style=" + pathStyle);
    }
    credentials.ifPresent(c -> {
      params.add("access_key_id=" + c.accessKeyId());
      params.add("secret_access_key=REDACTED");
      c.sessionToken().ifPresent(t -> params.add("session_token=REDACTED"));
    });
    storageClass.ifPresent(s -> params.add("storage_class=" + s));
    sse.ifPresent(s -> params.add("sse=" + s));
    sseKmsKeyId.ifPresent(k -> params.add("sse_kms_key_id=" + k));
    return uri.append('?').append(String.join("&", params)).toString();
  }

  @Override
  public Destination open(DestinationContext context) {
    AwsCredentialsProvider credentials = S3Clients.credentials(this);
    Destination destination =
        new S3Destination(this, S3Clients.create(this, context.requestTimeout(), credentials, context.addressGuard()), credentials);
    // The client's connections resolve through the guard as well; this answers refusals without a request.
    return endpoint.isPresent() ? new GuardedDestination(destination, context.addressGuard(), endpoint.get().getHost()) : destination;
  }

  @Override
  public String toString() {
    return "S3Spec[" + redacted() + "]";
  }

  private static String known(java.util.Set<StorageClass> values) {
    return values.stream().map(StorageClass::toString).sorted().reduce((a, b) -> a + ", " + b).orElse("");
  }
}
