package io.auditline.embedded.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of an embedded PostgreSQL server.
 *
 * @param dataDir where the cluster, the persisted port and the generated credentials live; reused
 *     across restarts so data survives
 * @param host the address the server listens on
 * @param port the TCP port, or {@link #ANY_PORT} to pick a free one on first start and keep it for
 *     this data dir
 * @param startTimeout how long {@code start()} waits for the server to accept connections
 * @param settings extra {@code postgresql.conf} settings passed on every start, e.g. {@code fsync
 *     = off} for throw-away test clusters
 */
public record EmbeddedPostgresConfig(
    Path dataDir, String host, int port, Duration startTimeout, Map<String, String> settings) {

  /** Port value meaning "pick a free port on first start and keep it for this data dir". */
  public static final int ANY_PORT = 0;

  private static final Pattern SETTING_NAME = Pattern.compile("[a-z_][a-z0-9_.]*");

  public EmbeddedPostgresConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    dataDir = dataDir.toAbsolutePath().normalize();
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host: '" + host + "' (expected: a host name or address)");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          "port: " + port + " (expected: 0 for any free port, or 1-65535)");
    }
    Objects.requireNonNull(startTimeout, "startTimeout");
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout: " + startTimeout + " (expected: > 0)");
    }
    Objects.requireNonNull(settings, "settings");
    settings.forEach(
        (name, value) -> {
          if (!SETTING_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                "settings: '" + name + "' (expected: a postgresql.conf parameter name)");
          }
          Objects.requireNonNull(value, "settings[" + name + "]");
        });
    settings = Map.copyOf(settings);
  }

  /** A server on 127.0.0.1 with a free port, waiting up to 60 s for startup. */
  public static EmbeddedPostgresConfig defaults(Path dataDir) {
    return new EmbeddedPostgresConfig(
        dataDir, "127.0.0.1", ANY_PORT, Duration.ofSeconds(60), Map.of());
  }

  public EmbeddedPostgresConfig withPort(int newPort) {
    return new EmbeddedPostgresConfig(dataDir, host, newPort, startTimeout, settings);
  }

  public EmbeddedPostgresConfig withStartTimeout(Duration timeout) {
    return new EmbeddedPostgresConfig(dataDir, host, port, timeout, settings);
  }

  /** This config plus one {@code postgresql.conf} setting. */
  public EmbeddedPostgresConfig withSetting(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(settings);
    more.put(name, value);
    return new EmbeddedPostgresConfig(dataDir, host, port, startTimeout, more);
  }
}
