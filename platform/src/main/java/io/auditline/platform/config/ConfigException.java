package io.auditline.platform.config;

/** Configuration could not be read or bound; the message names the source, the path and the expectation. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
