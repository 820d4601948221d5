package io.auditline.store.query;

/** The database could not answer a query (unreachable, timed out, or a stored event is unreadable). */
public final class QueryFailedException extends RuntimeException {

  public QueryFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
