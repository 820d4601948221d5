package io.auditline.logpush.destination.s3;

import io.auditline.logpush.destination.RetryAfter;
import io.auditline.logpush.destination.Scrubber;
import io.auditline.logpush.destination.TransportFailures;
import io.auditline.logpush.destination.UploadOutcome;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** Maps the S3 SDK's exceptions to upload outcomes: what may pass is a Retry, the rest Rejected. */
final class S3Outcomes {

  private S3Outcomes() {}

  static UploadOutcome of(SdkException e, Scrubber scrubber) {
    if (e instanceof AwsServiceException service) {
      return ofService(service, scrubber);
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return new UploadOutcome.Retry("timeout", scrubber.scrub(e.getMessage()));
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.startsWith("Unable to load credentials")) {
      // The default chain found nothing: a deployment problem that retrying will not fix.
      return new UploadOutcome.Rejected("no_credentials", scrubber.scrub(message));
    }
    return TransportFailures.retry(e, scrubber);
  }

  private static UploadOutcome ofService(AwsServiceException e, Scrubber scrubber) {
    int status = e.statusCode();
    AwsErrorDetails details = e.awsErrorDetails();
    String code = details == null || details.errorCode() == null ? "" : details.errorCode();
    String text = details == null || details.errorMessage() == null ? "" : details.errorMessage();
    String message = scrubber.scrub("S3 answered %d %s: %s".formatted(status, code.isEmpty() ? "-" : code, text).strip());
    String reason = switch (code) {
      case "SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequests",
          "TooManyRequestsException", "RequestThrottled" -> "throttled";
      case "RequestTimeout", "RequestTimeTooSkewed" -> "timeout";
      case "BadDigest", "IncompleteBody" -> "checksum_mismatch";
      case "InternalError", "ServiceUnavailable" -> "server_error";
      default -> status == 429 ? "throttled" : status >= 500 ? "server_error" : null;
    };
    if (reason != null) {
      Optional<String> header = details == null || details.sdkHttpResponse() == null
          ? Optional.empty() : details.sdkHttpResponse().firstMatchingHeader("Retry-After");
      return new UploadOutcome.Retry(reason, message, RetryAfter.parse(header, Instant.now()));
    }
    return new UploadOutcome.Rejected(rejection(status, code), message);
  }

  private static String rejection(int status, String code) {
    return switch (code) {
      case "NoSuchBucket" -> "no_such_bucket";
      case "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken", "TokenRefreshRequired",
          "AuthorizationHeaderMalformed" -> "invalid_credentials";
      case "AccessDenied", "AllAccessDisabled", "AccountProblem" -> "access_denied";
      case "PermanentRedirect", "IllegalLocationConstraintException" -> "wrong_region";
      case "KMS.DisabledException", "KMS.NotFoundException", "KMS.KMSInvalidStateException" -> "kms_key_unusable";
      default -> switch (status) {
        case 401, 403 -> "access_denied";
        case 404 -> "not_found";
        case 301, 307 -> "wrong_region";
        default -> "bad_request";
      };
    };
  }
}
