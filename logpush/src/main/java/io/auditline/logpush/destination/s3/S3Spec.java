package io.auditline.logpush.destination.s3;

import io.auditline.logpush.destination.DestinationParse;
import java.net.URI;

/** Placeholder until the s3 destination lands. */
public final class S3Spec {

  private S3Spec() {}

  public static DestinationParse parse(URI uri) {
    return new DestinationParse.Invalid("s3 destinations are not available yet");
  }
}
