package io.auditline.logpush.destination.file;

import io.auditline.logpush.destination.DestinationParse;
import java.net.URI;

/** Placeholder until the file destination lands. */
public final class FileSpec {

  private FileSpec() {}

  public static DestinationParse parse(URI uri) {
    return new DestinationParse.Invalid("file destinations are not available yet");
  }
}
