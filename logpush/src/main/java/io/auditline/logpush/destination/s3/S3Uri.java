package io.auditline.logpush.destination.s3;

import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.EndpointUrls;
import io.auditline.logpush.destination.KeyTemplate;
import io.auditline.logpush.destination.Scrubber;
import io.auditline.logpush.destination.UriQuery;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Parses {@code s3://} destination URIs.
 *
 * <pre>
 * s3://BUCKET[/PREFIX][?NAME=VALUE[&amp;NAME=VALUE]...]
 *   PREFIX              key prefix; may hold {DATE}, {HOUR} and {JOB} (see KeyTemplate)
 *   region              AWS region; required unless endpoint is given, then us-east-1 by default
 *   endpoint            http(s)://host[:port] of an S3-compatible server instead of AWS
 *   path_style          true | false; true by default when endpoint is given, else false
 *   access_key_id       together with secret_access_key; without both, the SDK's default
 *   secret_access_key     credentials chain is used (instance role, environment, profile)
 *   session_token       for temporary credentials; needs the two keys
 *   storage_class       an S3 storage class such as STANDARD_IA
 *   sse                 AES256 | aws:kms | aws:kms:dsse
 *   sse_kms_key_id      the KMS key id or ARN; only with sse=aws:kms or aws:kms:dsse
 * </pre>
 *
 * Values are percent-decoded once and a {@code +} stays a plus. Unknown parameters are rejected.
 */
final class S3Uri {

  static final List<String> PARAMETERS = List.of("region", "endpoint", "path_style", "access_key_id",
      "secret_access_key", "session_token", "storage_class", "sse", "sse_kms_key_id");

  private S3Uri() {}

  static DestinationParse parse(URI uri) {
    try {
      return new DestinationParse.Valid(spec(uri));
    } catch (IllegalArgumentException e) {
      // Every message thrown below names the part of the URI and quotes no secret; scrubbing
      // the secret parameters' values all the same guards against a mistake in that.
      Scrubber scrubber = new Scrubber(UriQuery.rawValues(uri.getRawQuery(), List.of("secret_access_key", "session_token")));
      return new DestinationParse.Invalid("s3 destination: " + scrubber.scrub(e.getMessage()));
    }
  }

  private static S3Spec spec(URI uri) {
    if (uri.isOpaque() || uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
      throw new IllegalArgumentException("bucket: missing (expected: s3://<bucket>/<prefix>)");
    }
    if (uri.getRawAuthority().contains("@")) {
      throw new IllegalArgumentException(
          "the URI has user info before the bucket (expected: keys as access_key_id and secret_access_key parameters)");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("the URI has a fragment (expected: none; write '#' inside a value as %23)");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String prefix = path.startsWith("/") ? path.substring(1) : path;
    KeyTemplate.problem(prefix).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    UriQuery query = UriQuery.parse(uri.getRawQuery(), PARAMETERS);
    Optional<URI> endpoint = query.get("endpoint").map(e -> EndpointUrls.parse(e, S3Spec.EXAMPLE_ENDPOINT));
    String region = query.get("region").orElseGet(() -> endpoint.map(e -> "us-east-1").orElseThrow(() ->
        new IllegalArgumentException("region: missing (expected: region=<aws region> such as us-east-1, unless endpoint is given)")));
    boolean pathStyle = query.get("path_style").map(S3Uri::bool).orElse(endpoint.isPresent());
    return new S3Spec(uri.getRawAuthority(), new KeyTemplate(prefix), region, endpoint, pathStyle, credentials(query),
        query.get("storage_class"), query.get("sse"), query.get("sse_kms_key_id"));
  }

  private static Optional<S3Credentials> credentials(UriQuery query) {
    boolean id = query.has("access_key_id");
    boolean secret = query.has("secret_access_key");
    if (id != secret) {
      throw new IllegalArgumentException("%s: given without %s (expected: both keys or neither)"
          .formatted(id ? "access_key_id" : "secret_access_key", id ? "secret_access_key" : "access_key_id"));
    }
    if (!id) {
      if (query.has("session_token")) {
        throw new IllegalArgumentException(
            "session_token: given without access_key_id and secret_access_key (expected: all three or no session_token)");
      }
      return Optional.empty();
    }
    return Optional.of(new S3Credentials(query.get("access_key_id").orElseThrow(),
        query.get("secret_access_key").orElseThrow(), query.get("session_token")));
  }

  private static boolean bool(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("path_style: '%s' (expected: true or false)".formatted(value));
    };
  }
}
