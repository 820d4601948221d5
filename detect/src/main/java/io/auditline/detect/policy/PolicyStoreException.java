package io.auditline.detect.policy;

/** The policy table could not be read or written. */
public final class PolicyStoreException extends RuntimeException {

  public PolicyStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
