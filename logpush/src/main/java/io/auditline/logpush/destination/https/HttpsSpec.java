package io.auditline.logpush.destination.https;

import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.DestinationSpec;
import io.auditline.logpush.destination.KeyTemplate;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS endpoint that receives each object as a POST: {@code
 * https://host[:port]/path[?query]}, where query parameters named {@code header_<Name>} are taken
 * out of the URL and sent as the header {@code <Name>} (as in Cloudflare Logpush's HTTP
 * destination), for example {@code ?header_Authorization=Bearer%20xyz}. Values are
 * percent-decoded; a {@code +} stays a {@code +}.
 *
 * <p>{@link #toString()} and {@link #redacted()} show header names but never their values, nor
 * the values of other query parameters, which often hold tokens too.
 */
public final class HttpsSpec implements DestinationSpec {

  private final String host;
  private final int explicitPort;
  private final int port;
  private final String rawPath;
  private final List<QueryParameter> parameters;

  HttpsSpec(String host, int explicitPort, int port, String rawPath, List<QueryParameter> parameters) {
    this.host = Objects.requireNonNull(host, "host");
    this.explicitPort = explicitPort;
    this.port = port;
    this.rawPath = Objects.requireNonNull(rawPath, "rawPath");
    this.parameters = List.copyOf(parameters);
  }

  /** The spec for an {@code https://} URI, or a message naming what is wrong without quoting secrets. */
  public static DestinationParse parse(URI uri) {
    Objects.requireNonNull(uri, "uri");
    try {
      return new DestinationParse.Valid(HttpsUri.parse(uri));
    } catch (HttpsUri.Problem p) {
      return new DestinationParse.Invalid(p.getMessage());
    }
  }

  @Override
  public String scheme() {
    return "https";
  }

  /** The host as written in the URI (IPv6 literals in brackets). */
  public String host() {
    return host;
  }

  /** The port, 443 when the URI names none. */
  public int port() {
    return port;
  }

  @Override
  public String redacted() {
    return url(parameters.stream().map(p -> p.render(true)).toList());
  }

  /** The object key travels in the {@code X-Auditline-Object-Key} header, so there is no prefix. */
  @Override
  public KeyTemplate keyTemplate() {
    return KeyTemplate.empty();
  }

  /** Opens a client that trusts the JVM's default trust store. */
  @Override
  public HttpsDestination open(DestinationContext context) {
    try {
      return openTrusting(context, SSLContext.getDefault());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
  }

  /**
   * Opens a client whose TLS trust (and client identity, if any) comes from {@code sslContext}:
   * for endpoints behind a private CA, and for tests against a local server.
   */
  public HttpsDestination openTrusting(DestinationContext context, SSLContext sslContext) {
    return new HttpsDestination(this, context, sslContext);
  }

  @Override
  public String toString() {
    return redacted();
  }

  /** Where to POST: the URI without the header parameters. Holds query values: never log it. */
  URI endpoint() {
    return URI.create(url(parameters.stream().filter(p -> !p.isHeader()).map(p -> p.render(false)).toList()));
  }

  /** Header name to value, in URI order. */
  Map<String, String> headers() {
    return parameters.stream().filter(QueryParameter::isHeader).collect(Collectors.toMap(
        QueryParameter::header, QueryParameter::value, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  /** Every value that must never appear in a message: header values and query values. */
  List<String> secrets() {
    return parameters.stream().map(QueryParameter::value).filter(v -> !v.isBlank()).toList();
  }

  /** {@code host:port}, for messages. */
  String hostAndPort() {
    return host + ":" + port;
  }

  private String url(List<String> query) {
    String authority = explicitPort == -1 ? host : host + ":" + explicitPort;
    return "https://" + authority + rawPath + (query.isEmpty() ? "" : "?" + String.join("&", query));
  }
}
