package io.auditline.app.cli.logpush;

/** A wrong or missing argument found after parsing; printed as one line, exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
