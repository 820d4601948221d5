package io.auditline.platform.startup;

import java.time.Duration;
import java.util.Objects;

/**
 * Something the service cannot start without, such as Kafka or PostgreSQL, and how to tell whether
 * it answers.
 *
 * @param kind what it is, for messages: {@code "Kafka"}, {@code "PostgreSQL"}
 * @param address where it is, safe to log (no passwords): a bootstrap list or a redacted JDBC URL
 * @param probe one attempt at reaching it
 */
public record Dependency(String kind, String address, Probe probe) {

  public Dependency {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(probe, "probe");
  }

  /** One attempt at reaching a dependency. */
  @FunctionalInterface
  public interface Probe extends AutoCloseable {

    /**
     * Returns when the dependency answered within {@code timeout}; throws when it did not. A {@link
     * Misconfigured} failure (a wrong password) ends the wait at once, since time will not fix it.
     */
    void probe(Duration timeout) throws Exception;

    /** Releases what the probe kept between attempts (a client); called once the wait is over. */
    @Override
    default void close() {}
  }

  /** The dependency answered and refused us for a reason that waiting will not fix. */
  public static final class Misconfigured extends Exception {
    private static final long serialVersionUID = 1L;

    public Misconfigured(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
