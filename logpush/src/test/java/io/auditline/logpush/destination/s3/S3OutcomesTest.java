package io.auditline.logpush.destination.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.logpush.destination.Scrubber;
import io.auditline.logpush.destination.UploadOutcome;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3OutcomesTest {

  private static final Scrubber SCRUBBER = new Scrubber(List.of("s3cr3t-value"));

  private static S3Exception answer(int status, String code, String retryAfter) {
    SdkHttpFullResponse.Builder response = SdkHttpFullResponse.builder().statusCode(status);
    if (!retryAfter.isEmpty()) {
      response.putHeader("Retry-After", retryAfter);
    }
    return (S3Exception) S3Exception.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("detail with s3cr3t-value")
            .sdkHttpResponse(response.build()).build())
        .build();
  }

  @ParameterizedTest
  @CsvSource({
      "503, SlowDown, throttled", "429, '', throttled", "500, InternalError, server_error", "502, '', server_error",
      "400, RequestTimeout, timeout", "400, BadDigest, checksum_mismatch", "503, ServiceUnavailable, server_error"})
  void failuresThatMayPassAreRetries(int status, String code, String reason) {
    assertThat(S3Outcomes.of(answer(status, code, ""), SCRUBBER)).isInstanceOfSatisfying(UploadOutcome.Retry.class, r -> {
      assertThat(r.reason()).isEqualTo(reason);
      assertThat(r.message()).startsWith("S3 answered " + status).contains("REDACTED").doesNotContain("s3cr3t-value");
    });
  }

  @ParameterizedTest
  @CsvSource({
      "404, NoSuchBucket, no_such_bucket", "403, InvalidAccessKeyId, invalid_credentials",
      "403, SignatureDoesNotMatch, invalid_credentials", "403, AccessDenied, access_denied", "403, '', access_denied",
      "301, PermanentRedirect, wrong_region", "400, InvalidStorageClass, bad_request", "404, '', not_found",
      "400, KMS.NotFoundException, kms_key_unusable"})
  void failuresThatRetryingWillNotFixAreRejected(int status, String code, String reason) {
    assertThat(S3Outcomes.of(answer(status, code, ""), SCRUBBER)).isInstanceOfSatisfying(UploadOutcome.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(reason));
  }

  @Test
  void aThrottledAnswerCarriesItsRetryAfter() {
    assertThat(S3Outcomes.of(answer(503, "SlowDown", "7"), SCRUBBER))
        .isInstanceOfSatisfying(UploadOutcome.Retry.class, r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(7)));
  }

  @Test
  void clientSideFailuresAreClassified() {
    assertThat(S3Outcomes.of(ApiCallTimeoutException.create(1000), SCRUBBER))
        .isInstanceOfSatisfying(UploadOutcome.Retry.class, r -> assertThat(r.reason()).isEqualTo("timeout"));
    SdkClientException refused = SdkClientException.create("Unable to execute HTTP request", new ConnectException("Connection refused"));
    assertThat(S3Outcomes.of(refused, SCRUBBER))
        .isInstanceOfSatisfying(UploadOutcome.Retry.class, r -> assertThat(r.reason()).isEqualTo("connect"));
    assertThat(S3Outcomes.of(SdkClientException.create("Unable to load credentials from any of the providers"), SCRUBBER))
        .isInstanceOfSatisfying(UploadOutcome.Rejected.class, r -> assertThat(r.reason()).isEqualTo("no_credentials"));
    assertThat(Optional.of(S3Outcomes.of(SdkClientException.create("odd"), SCRUBBER)))
        .containsInstanceOf(UploadOutcome.Retry.class);
  }
}
