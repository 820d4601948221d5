package io.auditline.logpush.destination.azure;

import com.azure.core.http.HttpResponse;
import com.azure.storage.blob.models.BlobStorageException;
import io.auditline.logpush.destination.RetryAfter;
import io.auditline.logpush.destination.Scrubber;
import io.auditline.logpush.destination.TransportFailures;
import io.auditline.logpush.destination.UploadOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps the Azure SDK's exceptions to upload outcomes: what may pass is a Retry, the rest Rejected. */
final class AzureOutcomes {

  private static final Pattern MESSAGE = Pattern.compile("<Message>(.*?)</Message>", Pattern.DOTALL);

  private AzureOutcomes() {}

  static UploadOutcome of(RuntimeException e, Scrubber scrubber) {
    if (e instanceof BlobStorageException storage) {
      return ofService(storage, scrubber);
    }
    return TransportFailures.retry(e, scrubber);
  }

  private static UploadOutcome ofService(BlobStorageException e, Scrubber scrubber) {
    int status = e.getStatusCode();
    String code = e.getErrorCode() == null ? "" : e.getErrorCode().toString();
    String text = serviceMessage(e);
    String message = scrubber.scrub("Azure answered %d %s: %s".formatted(status, code.isEmpty() ? "-" : code, text).strip());
    String reason = switch (code) {
      case "ServerBusy" -> "throttled";
      case "OperationTimedOut" -> "timeout";
      case "Md5Mismatch", "Crc64Mismatch" -> "checksum_mismatch";
      case "InternalError" -> "server_error";
      default -> status == 429 ? "throttled" : status >= 500 ? "server_error" : null;
    };
    if (reason != null) {
      HttpResponse response = e.getResponse();
      Optional<String> header = response == null ? Optional.empty() : Optional.ofNullable(response.getHeaderValue("Retry-After"));
      return new UploadOutcome.Retry(reason, message, RetryAfter.parse(header, Instant.now()));
    }
    // Azurite says AuthorizationFailure where Azure says AuthenticationFailed for a bad signature.
    boolean badSignature = code.equals("AuthorizationFailure") && text.contains("failed to authenticate");
    return new UploadOutcome.Rejected(badSignature ? "invalid_credentials" : rejection(status, code), message);
  }

  // The service's own <Message>, first line only: the SDK puts a hint about logging the string to
  // sign before it, and Azure appends request ids and times after it.
  private static String serviceMessage(BlobStorageException e) {
    Matcher m = MESSAGE.matcher(e.getMessage() == null ? "" : e.getMessage());
    return m.find() ? m.group(1).lines().findFirst().orElse("").strip() : "";
  }

  private static String rejection(int status, String code) {
    return switch (code) {
      case "ContainerNotFound", "ContainerBeingDeleted" -> "no_such_container";
      case "AuthenticationFailed", "InvalidAuthenticationInfo", "NoAuthenticationInformation" -> "invalid_credentials";
      case "AuthorizationFailure", "AuthorizationPermissionMismatch", "AuthorizationSourceIPMismatch",
          "AuthorizationProtocolMismatch", "InsufficientAccountPermissions", "AccountIsDisabled", "ContainerDisabled" ->
          "access_denied";
      case "LeaseIdMissing", "LeaseIdMismatchWithBlobOperation", "BlobImmutableDueToPolicy" -> "blob_locked";
      default -> switch (status) {
        case 401 -> "invalid_credentials";
        case 403 -> "access_denied";
        case 404 -> "not_found";
        case 409, 412 -> "conflict";
        default -> "bad_request";
      };
    };
  }
}
