package io.auditline.app.cli.logpush;

import io.auditline.app.dev.DevEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Where the customer API is and which token to send: {@code --api} (default: the {@code api}
 * endpoint of {@code data/dev.json} when that file exists, else {@code http://localhost:8081}) and
 * {@code --token} (default: {@code $AUDITLINE_TOKEN}). The token is never printed.
 */
public final class ApiOptions {

  static final String DEFAULT_API = "http://localhost:8081";
  static final String TOKEN_ENV = "AUDITLINE_TOKEN";

  @Option(names = "--api", paramLabel = "URL", description = "Customer API base URL (default: the api endpoint of dev.json, else " + DEFAULT_API + ")")
  String api;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "API token with the scope logpush:write (default: $" + TOKEN_ENV + "; prefer the variable, arguments show up in ps)")
  String token;

  @Option(names = "--dev-json", paramLabel = "FILE", defaultValue = "data/dev.json",
      description = "Endpoints written by `auditline dev` (default: ${DEFAULT-VALUE})")
  Path devJson;

  /** Reads environment variables; tests replace it. */
  UnaryOperator<String> env = System::getenv;

  /** The API base URL, without a trailing slash. */
  URI baseUri() throws IOException {
    String base = api != null ? api : fromDevJson();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(base);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--api: '%s' is not a URL (expected e.g. %s)".formatted(base, DEFAULT_API));
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new UsageException("--api: '%s' (expected: an http or https URL such as %s)".formatted(base, DEFAULT_API));
    }
    return uri;
  }

  /** The bearer token; a usage error when there is none. */
  String bearerToken() {
    String value = token != null ? token : env.apply(TOKEN_ENV);
    if (value == null || value.isBlank()) {
      throw new UsageException("no API token: pass --token or set " + TOKEN_ENV
          + " (create one with: auditline tokens create --account <account> --scope logpush:write)");
    }
    return value.strip();
  }

  private String fromDevJson() throws IOException {
    if (devJson == null || !Files.exists(devJson)) {
      return DEFAULT_API;
    }
    Object api = DevEnvironment.readDevJson(devJson).get("api");
    return api instanceof String s && !s.isBlank() ? s : DEFAULT_API;
  }
}
