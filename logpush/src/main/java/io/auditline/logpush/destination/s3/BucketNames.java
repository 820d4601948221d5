package io.auditline.logpush.destination.s3;

import io.auditline.logpush.destination.UriQuery;
import java.util.Optional;

/** The S3 naming rules for general purpose buckets, checked before any request is sent. */
final class BucketNames {

  private BucketNames() {}

  /** Why {@code bucket} cannot name an S3 bucket, if it cannot. */
  static Optional<String> problem(String bucket) {
    String quoted = "bucket: %s ".formatted(UriQuery.quoteName(bucket));
    if (bucket.length() < 3 || bucket.length() > 63) {
      return Optional.of(quoted + "(expected: 3 to 63 characters)");
    }
    if (!bucket.matches("[a-z0-9.-]+")) {
      return Optional.of(quoted + "(expected: only lowercase letters, digits, '.' and '-')");
    }
    if (!bucket.matches("[a-z0-9].*[a-z0-9]")) {
      return Optional.of(quoted + "(expected: to begin and end with a lowercase letter or digit)");
    }
    if (bucket.contains("..")) {
      return Optional.of(quoted + "(expected: no two adjacent periods)");
    }
    if (bucket.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
      return Optional.of(quoted + "(expected: a name, not an IP address)");
    }
    if (bucket.startsWith("xn--") || bucket.startsWith("sthree-")) {
      return Optional.of(quoted + "(expected: no reserved prefix 'xn--' or 'sthree-')");
    }
    return Optional.empty();
  }
}
