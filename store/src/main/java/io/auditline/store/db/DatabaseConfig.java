package io.auditline.store.db;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how to connect to PostgreSQL.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/database}
 * @param user the user to connect as, or {@code null} when the URL names it
 * @param password that user's password, or {@code null} when the URL or the server supplies it;
 *     never printed
 * @param maxPoolSize the most connections the pool opens; {@code null} means {@value
 *     #DEFAULT_MAX_POOL_SIZE}
 * @param connectTimeout how long {@code start()} waits for PostgreSQL to accept connections;
 *     {@code null} means 60 seconds
 */
public record DatabaseConfig(
    String jdbcUrl, String user, String password, Integer maxPoolSize, Duration connectTimeout) {

  public static final int DEFAULT_MAX_POOL_SIZE = 10;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(60);

  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)([?&]password=)[^&]*");

  public DatabaseConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "jdbcUrl: '" + redact(jdbcUrl) + "' (expected: jdbc:postgresql://host:port/database)");
    }
    maxPoolSize = Objects.requireNonNullElse(maxPoolSize, DEFAULT_MAX_POOL_SIZE);
    if (maxPoolSize < 1 || maxPoolSize > 1_000) {
      throw new IllegalArgumentException("maxPoolSize: " + maxPoolSize + " (expected: 1-1000)");
    }
    connectTimeout = Objects.requireNonNullElse(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout: " + connectTimeout + " (expected: > 0)");
    }
  }

  /** A config with the default pool size and connect timeout. */
  public static DatabaseConfig of(String jdbcUrl, String user, String password) {
    return new DatabaseConfig(jdbcUrl, user, password, null, null);
  }

  public DatabaseConfig withMaxPoolSize(int size) {
    return new DatabaseConfig(jdbcUrl, user, password, size, connectTimeout);
  }

  public DatabaseConfig withConnectTimeout(Duration timeout) {
    return new DatabaseConfig(jdbcUrl, user, password, maxPoolSize, timeout);
  }

  /** The URL with any {@code password=} parameter masked, safe for logs and error messages. */
  public String redactedUrl() {
    return redact(jdbcUrl);
  }

  @Override
  public String toString() {
    return "DatabaseConfig[jdbcUrl=" + redactedUrl() + ", user=" + user + ", password="
        + (password == null ? "null" : "***") + ", maxPoolSize=" + maxPoolSize
        + ", connectTimeout=" + connectTimeout + "]";
  }

  private static String redact(String url) {
    return PASSWORD_PARAM.matcher(url).replaceAll("$1***");
  }
}
