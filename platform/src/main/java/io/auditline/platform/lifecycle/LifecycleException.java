package io.auditline.platform.lifecycle;

/** A component failed to start; the message names the component. */
public final class LifecycleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String component;

  public LifecycleException(String component, Throwable cause) {
    super("component '%s' failed to start: %s".formatted(component, cause), cause);
    this.component = component;
  }

  /** The name of the component that failed. */
  public String component() {
    return component;
  }
}
