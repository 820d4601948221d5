package io.auditline.logpush.destination.https;

import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;

/** Turns an HTTP answer or a failure to get one into an {@link UploadOutcome}. */
final class HttpsOutcomes {

  private HttpsOutcomes() {}

  static UploadOutcome forResponse(ClassicHttpResponse response, Upload upload, String hostAndPort, Instant now) {
    int code = response.getCode();
    // The standard phrase, not the server's: its text is the server's to choose.
    String answered = "%s answered %d %s".formatted(hostAndPort, code, phrase(code));
    Header retryAfterHeader = response.getFirstHeader("Retry-After");
    Optional<Duration> retryAfter = RetryAfter.parse(retryAfterHeader == null ? null : retryAfterHeader.getValue(), now);
    if (code >= 200 && code < 300) {
      return new UploadOutcome.Stored(upload.key(), upload.body().length);
    }
    if (code >= 300 && code < 400) {
      return new UploadOutcome.Rejected("redirect",
          answered + "; redirects are not followed (expected: the endpoint's final URL in the destination)");
    }
    if (code == 408) {
      return new UploadOutcome.Retry("request_timeout", answered, retryAfter);
    }
    if (code == 429) {
      return new UploadOutcome.Retry("throttled", answered, retryAfter);
    }
    if (code >= 500 && code < 600) {
      return new UploadOutcome.Retry("server_error", answered, retryAfter);
    }
    if (code >= 400 && code < 500) {
      return new UploadOutcome.Rejected("client_error", answered);
    }
    return new UploadOutcome.Retry("io", "%s answered an unexpected status %d".formatted(hostAndPort, code));
  }

  /** {@code timedOut} when our own deadline cancelled the request. */
  static UploadOutcome forFailure(IOException e, String hostAndPort, Duration timeout, boolean timedOut) {
    GuardedDnsResolver.Refused refused = find(e, GuardedDnsResolver.Refused.class);
    if (refused != null) {
      return new UploadOutcome.Rejected("address_refused",
          "%s is not reachable: %s".formatted(hostAndPort, refused.refusal().getMessage()));
    }
    if (timedOut || has(e, SocketTimeoutException.class) || has(e, ConnectTimeoutException.class)) {
      return new UploadOutcome.Retry("timeout", "%s did not answer within %s".formatted(hostAndPort, human(timeout)));
    }
    if (has(e, UnknownHostException.class)) {
      return new UploadOutcome.Retry("dns", "cannot resolve the host of %s".formatted(hostAndPort));
    }
    if (has(e, ConnectException.class) || has(e, NoRouteToHostException.class)) {
      return new UploadOutcome.Retry("connect", "cannot connect to %s: %s".formatted(hostAndPort, innermost(e)));
    }
    if (has(e, CertificateException.class) || has(e, SSLPeerUnverifiedException.class)) {
      // An untrusted or mismatched certificate does not fix itself; the customer has to.
      return new UploadOutcome.Rejected("tls", "TLS handshake with %s failed: %s".formatted(hostAndPort, innermost(e)));
    }
    return new UploadOutcome.Retry("io", "I/O error talking to %s: %s".formatted(hostAndPort, innermost(e)));
  }

  private static String phrase(int code) {
    String phrase = EnglishReasonPhraseCatalog.INSTANCE.getReason(code, Locale.ROOT);
    return phrase == null ? "" : phrase;
  }

  private static String innermost(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    return find(e, type) != null;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String human(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
