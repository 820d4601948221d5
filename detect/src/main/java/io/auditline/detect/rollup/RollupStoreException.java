package io.auditline.detect.rollup;

/** The rollup tables could not be read or written; the batch is retried as a whole. */
public final class RollupStoreException extends RuntimeException {

  public RollupStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
