package io.auditline.detect.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A customer's webhook: where to POST, the secret that signs each request, and how long one attempt
 * may take. {@code http} URLs are accepted here, but {@link WebhookNotifier} only connects over plain
 * HTTP to addresses the operator's {@code AddressGuard} allow-list admits (local servers in tests and
 * development); to a public address it refuses them.
 */
public record WebhookSettings(URI url, String secret, Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public WebhookSettings {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("url: scheme %s (expected: https)".formatted(scheme.isEmpty() ? "missing" : scheme));
    }
    if (url.getHost() == null || url.getHost().isBlank()) {
      throw new IllegalArgumentException("url: no host (expected: https://host/path)");
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException("url: has user info (expected: none; requests are signed instead)");
    }
    Objects.requireNonNull(secret, "secret");
    if (!secret.isEmpty() && secret.length() < 16) {
      throw new IllegalArgumentException("secret: %d characters (expected: >= 16, or empty for unsigned requests)"
          .formatted(secret.length()));
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: %s (expected: > 0)".formatted(timeout));
    }
  }

  public WebhookSettings(URI url, String secret) {
    this(url, secret, DEFAULT_TIMEOUT);
  }

  boolean plaintext() {
    return url.getScheme().equalsIgnoreCase("http");
  }

  /** The URL without its query, which may hold a token. */
  String redactedUrl() {
    return url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
  }

  /** Never the secret. */
  @Override
  public String toString() {
    return "WebhookSettings[url=" + redactedUrl() + ", timeout=" + timeout + "]";
  }
}
