package io.auditline.detect.alert;

/** The alert tables could not be read or written; the caller retries later. */
public final class AlertStoreException extends RuntimeException {

  public AlertStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
