package io.auditline.detect.notify;

import io.auditline.platform.net.AddressGuard;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs the {@link NotificationJson} payload to a customer's URL, one attempt per {@link #send}
 * (wrap it in a {@link RetryingNotifier} for retries).
 *
 * <p>Each request carries {@code Content-Type: application/json}, {@code User-Agent}, {@code
 * X-Auditline-Delivery} (the notification's {@link AlertNotification#deliveryId()}, the same on every
 * retry) and {@code X-Auditline-Signature} (see {@link WebhookSignature}).
 *
 * <p>Every connection resolves its host through the {@link AddressGuard} (see {@link
 * GuardedDnsResolver}); a refused address is {@code Rejected("address_refused")}. Redirects are not
 * followed: they would take the signed body to a URL nobody vetted. 2xx is delivered; 408, 429, 5xx
 * and I/O failures are retried, honouring {@code Retry-After}; any other status is rejected.
 */
public final class WebhookNotifier implements Notifier, AutoCloseable {

  static final String USER_AGENT = "Auditline-Webhook/1";

  private static final ScheduledExecutorService DEADLINES = deadlines();

  private final WebhookSettings settings;
  private final HttpHost target;
  private final CloseableHttpClient client;
  private final Clock clock;

  public WebhookNotifier(WebhookSettings settings, AddressGuard guard, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    String host = settings.url().getHost();
    host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    // Host name only, never an InetAddress: HttpClient skips the DnsResolver for a target with an address.
    this.target = new HttpHost(settings.url().getScheme().toLowerCase(Locale.ROOT), host, settings.url().getPort());
    Timeout t = Timeout.of(settings.timeout());
    var connections = PoolingHttpClientConnectionManagerBuilder.create()
        .setDnsResolver(new GuardedDnsResolver(guard, settings.plaintext()))
        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
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
        .setUserAgent(USER_AGENT)
        .build();
  }

  @Override
  public NotifyOutcome send(AlertNotification notification) {
    byte[] body = NotificationJson.bytes(notification);
    HttpPost post = new HttpPost(settings.url());
    post.setHeader("X-Auditline-Delivery", notification.deliveryId());
    if (!settings.secret().isEmpty()) { // a policy's webhook without a secret gets unsigned requests
      post.setHeader(WebhookSignature.HEADER,
          WebhookSignature.header(settings.secret(), clock.instant().getEpochSecond(), body));
    }
    post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
    String where = settings.redactedUrl();
    // Connect and socket timeouts bound each read; this bounds the whole exchange, slow drips included
    // (HttpClient reads the rest of any response body to reuse the connection).
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
      expired.set(true);
      post.cancel();
    }, settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    try {
      return client.execute(target, post, null, response -> {
        Header retryAfter = response.getFirstHeader("Retry-After");
        return WebhookOutcomes.forStatus(response.getCode(), where,
            RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue(), clock.instant()));
      });
    } catch (IOException e) {
      return expired.get()
          ? new NotifyOutcome.Retry("timeout", "%s did not answer within %s".formatted(where, settings.timeout()))
          : WebhookOutcomes.forFailure(e, where);
    } finally {
      deadline.cancel(false);
    }
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }

  @Override
  public String toString() {
    return "WebhookNotifier[" + settings.redactedUrl() + "]";
  }

  private static ScheduledExecutorService deadlines() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread thread = new Thread(r, "detect-webhook-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
