package io.auditline.detect.notify;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.ConnectTimeoutException;

/** Turns a webhook's HTTP status, or the failure to get one, into a {@link NotifyOutcome}. */
final class WebhookOutcomes {

  private WebhookOutcomes() {}

  static NotifyOutcome forStatus(int code, String url, Optional<Duration> retryAfter) {
    String answered = "%s answered %d".formatted(url, code);
    if (code >= 200 && code < 300) {
      return new NotifyOutcome.Delivered();
    }
    if (code >= 300 && code < 400) {
      return new NotifyOutcome.Rejected("redirect", answered + "; redirects are not followed (expected: the final URL)");
    }
    if (code == 408) {
      return new NotifyOutcome.Retry("request_timeout", answered, retryAfter);
    }
    if (code == 429) {
      return new NotifyOutcome.Retry("throttled", answered, retryAfter);
    }
    if (code >= 500 && code < 600) {
      return new NotifyOutcome.Retry("server_error", answered, retryAfter);
    }
    if (code >= 400 && code < 500) {
      return new NotifyOutcome.Rejected("client_error", answered);
    }
    return new NotifyOutcome.Retry("unexpected_status", answered, retryAfter);
  }

  static NotifyOutcome forFailure(IOException e, String url) {
    GuardedDnsResolver.Refused refused = find(e, GuardedDnsResolver.Refused.class);
    if (refused != null) {
      return new NotifyOutcome.Rejected("address_refused",
          "%s is not reachable: %s".formatted(url, refused.refusal().getMessage()));
    }
    if (find(e, SocketTimeoutException.class) != null || find(e, ConnectTimeoutException.class) != null) {
      return new NotifyOutcome.Retry("timeout", "%s did not answer in time".formatted(url));
    }
    if (find(e, UnknownHostException.class) != null) {
      return new NotifyOutcome.Retry("dns", "cannot resolve the host of %s".formatted(url));
    }
    return new NotifyOutcome.Retry("io", "I/O error talking to %s: %s".formatted(url, e.getClass().getSimpleName()));
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
