package io.auditline.logpush.destination.azure;

import io.auditline.logpush.destination.DestinationParse;
import java.net.URI;

/** Placeholder until the azure destination lands. */
public final class AzureSpec {

  private AzureSpec() {}

  public static DestinationParse parse(URI uri) {
    return new DestinationParse.Invalid("azure destinations are not available yet");
  }
}
