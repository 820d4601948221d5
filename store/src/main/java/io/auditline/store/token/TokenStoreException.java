package io.auditline.store.token;

/** The token table could not be read or written; the message says what to do about it. */
public final class TokenStoreException extends RuntimeException {

  public TokenStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
