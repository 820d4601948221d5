package io.auditline.platform.startup;

/** A dependency did not answer before the start-up deadline; the message names it and says why. */
public final class DependencyUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String address;

  public DependencyUnavailableException(String kind, String address, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.address = address;
  }

  /** What was unreachable, e.g. {@code "Kafka"}. */
  public String kind() {
    return kind;
  }

  /** Where it was looked for. */
  public String address() {
    return address;
  }
}
