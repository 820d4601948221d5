package io.auditline.logpush.destination.https;

import io.auditline.logpush.destination.DestinationParse;
import java.net.URI;

/** Placeholder until the https destination lands. */
public final class HttpsSpec {

  private HttpsSpec() {}

  public static DestinationParse parse(URI uri) {
    return new DestinationParse.Invalid("https destinations are not available yet");
  }
}
