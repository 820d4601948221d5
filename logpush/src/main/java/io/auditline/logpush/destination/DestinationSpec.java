package io.auditline.logpush.destination;

/**
 * A parsed destination URI: what to open and where keys go. Each destination package has one
 * implementation, parsed from its URI scheme by {@link Destinations#parse(String)}.
 */
public interface DestinationSpec {

  /** The URI scheme, for example {@code s3}. */
  String scheme();

  /** The URI with every secret (keys, SAS tokens, header values) replaced by {@code REDACTED}. */
  String redacted();

  /** The prefix that every object key starts with, placeholders unexpanded (may be empty). */
  KeyTemplate keyTemplate();

  /** Opens a client for this destination; the caller closes it. */
  Destination open(DestinationContext context);
}
