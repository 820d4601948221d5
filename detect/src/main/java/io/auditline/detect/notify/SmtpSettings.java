package io.auditline.detect.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's SMTP relay for alert emails.
 *
 * @param startTls upgrade the connection with STARTTLS and refuse to send if the server cannot
 * @param username when present, authenticate (AUTH) with it and {@code password}
 * @param from the envelope and header sender, for example {@code alerts@auditline.example}
 * @param timeout bounds connecting, and each read and write
 */
public record SmtpSettings(
    String host, int port, boolean startTls, Optional<String> username, Optional<String> password,
    String from, Duration timeout) {

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host: blank (expected: the SMTP relay's host name)");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port: %d (expected: 1..65535)".formatted(port));
    }
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("username and password: only one given (expected: both or neither)");
    }
    Objects.requireNonNull(from, "from");
    if (from.isBlank() || from.indexOf('@') < 1) {
      throw new IllegalArgumentException("from: %s (expected: an email address)".formatted(from));
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: %s (expected: > 0)".formatted(timeout));
    }
  }

  /** No authentication, no STARTTLS, 10 s timeout; for a local relay. */
  public static SmtpSettings plain(String host, int port, String from) {
    return new SmtpSettings(host, port, false, Optional.empty(), Optional.empty(), from, Duration.ofSeconds(10));
  }

  /** Never the password. */
  @Override
  public String toString() {
    return "SmtpSettings[host=%s, port=%d, startTls=%s, username=%s, password=%s, from=%s, timeout=%s]".formatted(
        host, port, startTls, username.orElse("(none)"), password.isPresent() ? "REDACTED" : "(none)", from, timeout);
  }
}
