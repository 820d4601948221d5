package io.auditline.logpush.destination.s3;

import java.util.Objects;
import java.util.Optional;

/**
 * Static AWS credentials from a destination URI; {@link #toString()} never shows the secrets.
 *
 * @param accessKeyId not a secret: AWS shows it in consoles and logs
 * @param secretAccessKey the secret
 * @param sessionToken for temporary credentials, also a secret
 */
public record S3Credentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {

  public S3Credentials {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(sessionToken, "sessionToken");
    if (!accessKeyId.matches("[\\x21-\\x7e]{1,128}")) {
      throw new IllegalArgumentException(
          "access_key_id: '%s' (expected: 1 to 128 printable characters without spaces)".formatted(accessKeyId));
    }
    // The messages below describe the secret without quoting it.
    if (!secretAccessKey.matches("[\\x21-\\x7e]{1,256}")) {
      throw new IllegalArgumentException(
          "secret_access_key: malformed (expected: 1 to 256 printable characters without spaces, percent-encoded where needed)");
    }
    if (sessionToken.isPresent() && !sessionToken.get().matches("[\\x21-\\x7e]{1,8192}")) {
      throw new IllegalArgumentException(
          "session_token: malformed (expected: printable characters without spaces, percent-encoded where needed)");
    }
  }

  @Override
  public String toString() {
    return "S3Credentials[accessKeyId=%s, secretAccessKey=REDACTED%s]"
        .formatted(accessKeyId, sessionToken.isPresent() ? ", sessionToken=REDACTED" : "");
  }
}
