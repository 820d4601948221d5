package io.auditline.logpush.destination.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import io.auditline.platform.net.AddressGuard;
import io.auditline.platform.net.RefusedAddressException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the SDK client for one {@link S3Spec}. */
final class S3Clients {

  /** One retry inside the SDK for a dropped connection; the delivery engine owns the real retries. */
  static final int SDK_MAX_ATTEMPTS = 2;

  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private S3Clients() {}

  private static java.net.InetAddress[] guarded(AddressGuard guard, String host) throws java.net.UnknownHostException {
    try {
      return guard.resolve(host).toArray(java.net.InetAddress[]::new);
    } catch (RefusedAddressException e) {
      throw new java.net.UnknownHostException("refused by the address guard: " + e.getMessage());
    }
  }

  static S3Client create(S3Spec spec, Duration requestTimeout, AwsCredentialsProvider credentials, AddressGuard guard) {
    Duration connectTimeout = requestTimeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? requestTimeout : MAX_CONNECT_TIMEOUT;
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(connectTimeout).socketTimeout(requestTimeout)
            // Every connection, to the endpoint or a redirect target, resolves through the guard.
            .dnsResolver(host -> guarded(guard, host)))
        .region(Region.of(spec.region()))
        .forcePathStyle(spec.pathStyle())
        // The body is in memory, so it is signed whole: aws-chunked bodies confuse some S3-compatible
        // servers, which store "aws-chunked" as the object's Content-Encoding.
        .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
        .credentialsProvider(credentials)
        // Uploads carry Content-MD5 instead of the SDK's default CRC32 trailers, which many
        // S3-compatible servers reject; responses are checked only where S3 requires it.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .overrideConfiguration(o -> o
            .apiCallTimeout(requestTimeout)
            .retryStrategy(r -> r.maxAttempts(SDK_MAX_ATTEMPTS)));
    spec.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** The spec's static keys, or a new default chain, which the destination closes with its client. */
  static AwsCredentialsProvider credentials(S3Spec spec) {
    return spec.credentials()
        .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(c.sessionToken()
            .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(
                t -> AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), t))
            .orElseGet(() -> AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()))))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }
}
