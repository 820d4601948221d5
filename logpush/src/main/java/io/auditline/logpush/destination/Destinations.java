package io.auditline.logpush.destination;

import io.auditline.logpush.destination.azure.AzureSpec;
import io.auditline.logpush.destination.file.FileSpec;
import io.auditline.logpush.destination.https.HttpsSpec;
import io.auditline.logpush.destination.s3.S3Spec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** Parses destination URIs into the spec of the destination package that owns the scheme. */
public final class Destinations {

  private Destinations() {}

  /** The spec for {@code uri}, or a message that says precisely what is wrong with it. */
  public static DestinationParse parse(String uri) {
    Objects.requireNonNull(uri, "uri");
    URI parsed;
    try {
      // Braces are not legal in URIs, yet prefixes such as logs/{DATE} are written with them; as
      // %7B and %7D they reach the spec parsers, which decode paths and query values.
      parsed = new URI(uri.strip().replace("{", "%7B").replace("}", "%7D"));
    } catch (URISyntaxException e) {
      // The message quotes the input; URIs may hold secrets, so only the reason and index are kept.
      return new DestinationParse.Invalid("destination is not a valid URI: %s at index %d".formatted(e.getReason(), e.getIndex()));
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "s3" -> S3Spec.parse(parsed);
      case "azure" -> AzureSpec.parse(parsed);
      case "https" -> HttpsSpec.parse(parsed);
      case "file" -> FileSpec.parse(parsed);
      case "" -> new DestinationParse.Invalid("destination has no scheme (expected: s3://, azure://, https:// or file://)");
      default -> new DestinationParse.Invalid(
          "unsupported destination scheme '%s' (expected: s3, azure, https or file)".formatted(scheme));
    };
  }
}
