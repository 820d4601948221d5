package io.auditline.logpush.job;

/** PostgreSQL could not read or write Logpush jobs; the API answers 503. */
public final class JobStoreException extends RuntimeException {

  public JobStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
