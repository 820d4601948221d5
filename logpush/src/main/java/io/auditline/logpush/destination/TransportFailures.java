package io.auditline.logpush.destination;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Classifies failures below HTTP (connect, timeout, broken connection) that every SDK reports in
 * its own wrapper exceptions; all of them may pass, so all are {@link UploadOutcome.Retry}.
 */
public final class TransportFailures {

  private TransportFailures() {}

  /** A retry whose reason is {@code connect}, {@code timeout}, {@code io} or {@code client_error}. */
  public static UploadOutcome.Retry retry(Throwable failure, Scrubber scrubber) {
    Throwable root = failure;
    String reason = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      root = t;
      if (reason == null) {
        reason = reasonOf(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (reason == null) {
      reason = "client_error";
    }
    String detail = root == failure ? describe(failure) : describe(failure) + ": " + describe(root);
    return new UploadOutcome.Retry(reason, scrubber.scrub(detail));
  }

  private static String reasonOf(Throwable t) {
    // Checked by type where the JDK has one; SDK-specific timeouts (netty, reactor, AWS) by name.
    if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
      return "connect";
    }
    if (t instanceof SocketTimeoutException || t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
      return "timeout";
    }
    if (t instanceof IOException) {
      return "io";
    }
    return null;
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + " " + message.strip();
  }
}
