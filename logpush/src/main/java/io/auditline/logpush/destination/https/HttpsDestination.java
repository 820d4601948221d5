package io.auditline.logpush.destination.https;

import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs each object to an HTTPS endpoint, one attempt per {@link #upload}: the delivery engine
 * owns retries and backoff, so the client never retries by itself.
 *
 * <p>Every connection resolves its host through the context's address guard (see {@link
 * GuardedDnsResolver}). Redirects are never followed: a 3xx is {@code Rejected("redirect")}.
 * Following one would send the body and the custom headers (often an Authorization token) to a
 * URL the customer never configured, possibly on another host; the guard would still vet the new
 * address, but not that the credentials belong there.
 */
public final class HttpsDestination implements Destination {

  private static final ScheduledExecutorService DEADLINES = deadlines();

  private final HttpsSpec spec;
  private final HttpHost target;
  private final Duration timeout;
  private final CloseableHttpClient client;
  private final Clock clock = Clock.systemUTC();

  HttpsDestination(HttpsSpec spec, DestinationContext context, SSLContext sslContext) {
    this.spec = spec;
    String host = spec.host().startsWith("[") ? spec.host().substring(1, spec.host().length() - 1) : spec.host();
    // Host name only, never an InetAddress: HttpClient skips the DnsResolver for a target with an address.
    this.target = new HttpHost("https", host, spec.port());
    this.timeout = context.requestTimeout();
    Timeout t = Timeout.of(timeout);
    var connections = PoolingHttpClientConnectionManagerBuilder.create()
        .setDnsResolver(new GuardedDnsResolver(context.addressGuard()))
        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext)
            .setTlsVersions(TLS.V_1_3, TLS.V_1_2).buildClassic())
        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t)
            .setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
        .setMaxConnTotal(2)
        .setMaxConnPerRoute(2)
        .build();
    // No useSystemProperties(): a system proxy would resolve the host itself, past the guard.
    this.client = HttpClients.custom()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(t).setResponseTimeout(t)
            .setRedirectsEnabled(false).setExpectContinueEnabled(false).setProtocolUpgradeEnabled(false).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableContentCompression()
        .disableCookieManagement()
        .disableAuthCaching()
        .setUserAgent("Auditline-Logpush")
        .build();
  }

  @Override
  public UploadOutcome upload(Upload upload) {
    HttpPost post = new HttpPost(spec.endpoint());
    spec.headers().forEach(post::addHeader);
    post.setHeader("Idempotency-Key", upload.idempotencyKey());
    post.setHeader("X-Auditline-Object-Key", upload.key());
    ContentType type = upload.contentType().isBlank() ? null : ContentType.parse(upload.contentType());
    String encoding = upload.contentEncoding().isEmpty() ? null : upload.contentEncoding();
    post.setEntity(new ByteArrayEntity(upload.body(), type, encoding));
    // Connect and socket timeouts bound each phase; this bounds the whole upload, slow drips included.
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
      expired.set(true);
      post.cancel();
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      UploadOutcome outcome = client.execute(target, post, null,
          response -> HttpsOutcomes.forResponse(response, upload, spec.hostAndPort(), clock.instant()));
      return scrub(outcome);
    } catch (IOException e) {
      return scrub(HttpsOutcomes.forFailure(e, spec.hostAndPort(), timeout, expired.get()));
    } finally {
      deadline.cancel(false);
    }
  }

  @Override
  public String describe() {
    return spec.redacted();
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }

  @Override
  public String toString() {
    return "HttpsDestination[" + spec.redacted() + "]";
  }

  /** Library messages are not ours to vouch for; no header or query value may leave in one. */
  private UploadOutcome scrub(UploadOutcome outcome) {
    return switch (outcome) {
      case UploadOutcome.Stored s -> s;
      case UploadOutcome.Retry r -> new UploadOutcome.Retry(r.reason(), scrub(r.message()), r.retryAfter());
      case UploadOutcome.Rejected r -> new UploadOutcome.Rejected(r.reason(), scrub(r.message()));
    };
  }

  private String scrub(String message) {
    String out = message;
    for (String secret : spec.secrets()) {
      out = out.replace(secret, "REDACTED");
    }
    return out;
  }

  private static ScheduledExecutorService deadlines() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread thread = new Thread(r, "logpush-https-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
