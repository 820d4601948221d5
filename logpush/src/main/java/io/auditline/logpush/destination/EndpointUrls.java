package io.auditline.logpush.destination;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the {@code endpoint} parameter of destination URIs: an http or https URL of a server.
 * Messages quote at most its scheme, since a mistyped URL can hide a password anywhere in it.
 */
public final class EndpointUrls {

  private EndpointUrls() {}

  /**
   * Parses {@code value}, dropping trailing slashes, or throws an {@link IllegalArgumentException}
   * that names the problem.
   *
   * @param example a valid endpoint for the message, such as {@code http://127.0.0.1:9000}
   */
  public static URI parse(String value, String example) {
    if (value.contains("@")) {
      throw new IllegalArgumentException("endpoint: contains user info " + expected(example));
    }
    String trimmed = value;
    while (trimmed.endsWith("/") && !trimmed.endsWith("//")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      return new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("endpoint: not a URL: %s %s".formatted(e.getReason(), expected(example)));
    }
  }

  /** Why {@code endpoint} is not an http or https server URL, if it is not. */
  public static Optional<String> problem(URI endpoint, boolean pathAllowed, String example) {
    if (endpoint.getRawUserInfo() != null || endpoint.toString().contains("@")) {
      return Optional.of("endpoint: contains user info " + expected(example));
    }
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))) {
      return Optional.of("endpoint: %s %s".formatted(scheme.isEmpty() || endpoint.isOpaque() ? "no scheme" : "scheme '" + scheme + "'", expected(example)));
    }
    if (endpoint.getHost() == null) {
      return Optional.of("endpoint: no host " + expected(example));
    }
    boolean hasPath = endpoint.getRawPath() != null && !endpoint.getRawPath().isEmpty() && !endpoint.getRawPath().equals("/");
    if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null || (hasPath && !pathAllowed)) {
      return Optional.of("endpoint: has %s %s".formatted(pathAllowed ? "a query or fragment" : "a path, query or fragment", expected(example)));
    }
    return Optional.empty();
  }

  private static String expected(String example) {
    return "(expected: an http or https URL such as %s)".formatted(example);
  }
}
