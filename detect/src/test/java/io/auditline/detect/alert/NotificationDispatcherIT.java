package io.auditline.detect.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.auditline.detect.notify.NamedCount;
import io.auditline.detect.notify.SignatureVerifier;
import io.auditline.detect.policy.AlertPolicy;
import io.auditline.detect.policy.Channel;
import io.auditline.detect.policy.DetectorKind;
import io.auditline.detect.policy.PolicyFilters;
import io.auditline.detect.policy.PolicyRepository;
import io.auditline.detect.policy.ZoneScope;
import io.auditline.detect.support.DetectDb;
import io.auditline.platform.net.AddressGuard;
import io.auditline.platform.tracing.SpanStore;
import io.auditline.platform.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox sender against a real HTTP receiver on loopback and a real PostgreSQL. */
class NotificationDispatcherIT {

  /** The queue's rows are due from the database's now(), so the test clock starts at the real time. */
  private static final Instant T = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Received(String delivery, String signature, byte[] body) {}

  private static DetectDb db;
  private static PolicyRepository policies;
  private static AlertRepository alerts;
  private static HttpServer receiver;
  private static final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private static final LinkedBlockingQueue<Integer> statuses = new LinkedBlockingQueue<>();
  private static final AtomicReference<Instant> now = new AtomicReference<>(T);
  private static final Clock CLOCK = new Clock() {
    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };

  @BeforeAll
  static void setUp() throws IOException {
    db = new DetectDb("notify_dispatch_it");
    policies = new PolicyRepository(db.dataSource);
    alerts = new AlertRepository(db.dataSource);
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", exchange -> {
      received.add(new Received(exchange.getRequestHeaders().getFirst("X-Auditline-Delivery"),
          exchange.getRequestHeaders().getFirst("X-Auditline-Signature"), exchange.getRequestBody().readAllBytes()));
      Integer status = statuses.poll();
      exchange.sendResponseHeaders(status == null ? 204 : status, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterAll
  static void tearDown() {
    receiver.stop(0);
    db.close();
  }

  private static NotificationDispatcher dispatcher(AddressGuard guard) {
    // The receiver's time is the real one: the signature's timestamp must be recent to it.
    return new NotificationDispatcher(db.dataSource, policies, new ChannelNotifiers(guard, Optional.empty(), Clock.systemUTC()),
        DispatchTelemetry.NONE, NotificationDispatcher.BACKOFF, Duration.ofMillis(50), CLOCK);
  }

  private static Alert openAlert(String account, List<Channel> channels) {
    AlertPolicy policy = AlertFixtures.create(policies, account, AlertFixtures.spec("p-" + account, DetectorKind.OURS,
        new ZoneScope.AllZones(), PolicyFilters.NONE, 0, Duration.ofMinutes(15), channels));
    Alert alert = new Alert(Alert.idFor(policy.id(), "zone-1", T), account, policy.id(), policy.spec().name(), "zone-1", "ours",
        Alert.State.FIRING, T, T, Optional.empty(), T, T.plusSeconds(60), 640, 21.5, 0.93, 0.5,
        List.of(new NamedCount("sqli-942100", 600)), List.of(new NamedCount("203.0.113.7", 620)),
        List.of(new NamedCount("NL", 640)));
    assertThat(alerts.open(alert, channels)).isTrue();
    return alert;
  }

  private String hook() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private static NotificationRecord only(Alert alert) {
    List<NotificationRecord> rows = alerts.notifications(alert.id());
    assertThat(rows).hasSize(1);
    return rows.getFirst();
  }

  /** Each test starts a day after the previous one's clock, so one test's retries are never due in another. */
  private static Instant nextDay() {
    return now.updateAndGet(t -> t.plus(Duration.ofDays(1)));
  }

  @Test
  void deliversASignedPayloadOnceAndRetriesAServerErrorLater() throws Exception {
    Instant base = nextDay();
    received.clear();
    Alert alert = openAlert("acc-deliver", List.of(AlertFixtures.webhook(hook())));
    NotificationDispatcher dispatcher = dispatcher(AddressGuard.allowing(List.of("127.0.0.0/8")));
    statuses.add(503);

    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    NotificationRecord retried = only(alert);
    assertThat(retried.status()).isEqualTo("pending");
    assertThat(retried.attempts()).isEqualTo(1);
    assertThat(retried.lastError()).hasValueSatisfying(e -> assertThat(e).contains("503"));
    assertThat(dispatcher.dispatchOnce()).isZero(); // not due before its backoff ends

    now.set(base.plus(Duration.ofMinutes(10)));
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    assertThat(only(alert).status()).isEqualTo("delivered");
    assertThat(only(alert).attempts()).isEqualTo(2);
    assertThat(dispatcher.dispatchOnce()).isZero();

    assertThat(received).hasSize(2);
    Received last = received.stream().toList().getLast();
    assertThat(received).extracting(Received::delivery).containsOnly(last.delivery());
    assertThat(new SignatureVerifier(AlertFixtures.SECRET).verify(last.signature(), last.body())).isTrue();
    JsonNode json = JSON.readTree(last.body());
    assertThat(json.path("type").asText()).isEqualTo("alert.firing");
    assertThat(json.path("alert_id").asText()).isEqualTo(alert.id().toString());
    assertThat(json.path("zone_id").asText()).isEqualTo("zone-1");
    assertThat(json.path("observed").asLong()).isEqualTo(640);
    assertThat(json.path("top_rules").get(0).path("name").asText()).isEqualTo("sqli-942100");
  }

  @Test
  void eachAttemptIsASpanWithItsOutcome() {
    Instant base = nextDay();
    Alert alert = openAlert("acc-traced", List.of(AlertFixtures.webhook(hook())));
    SpanStore spans = new SpanStore(100);
    try (OpenTelemetrySdk sdk = Tracing.create("detect-test", 1.0, List.of(spans))) {
      NotificationDispatcher traced = new NotificationDispatcher(db.dataSource, policies,
          new ChannelNotifiers(AddressGuard.allowing(List.of("127.0.0.0/8")), Optional.empty(), Clock.systemUTC()),
          DispatchTelemetry.NONE, NotificationDispatcher.BACKOFF, Duration.ofMillis(50), CLOCK,
          sdk.getTracer(NotificationDispatcher.SCOPE));
      statuses.add(503);
      traced.dispatchOnce();
      now.set(base.plus(Duration.ofMinutes(10)));
      traced.dispatchOnce();
      List<SpanData> notify = spans.recent(10).stream().flatMap(t -> spans.trace(t.traceId()).stream())
          .filter(s -> s.getName().equals(NotificationDispatcher.SPAN)).toList();
      assertThat(notify).extracting(s -> s.getAttributes().get(AttributeKey.stringKey("auditline.outcome")))
          .containsExactlyInAnyOrder("retry:server_error", "delivered");
      assertThat(notify).allSatisfy(s -> assertThat(s.getAttributes().get(AttributeKey.stringKey("auditline.alert.id")))
          .isEqualTo(alert.id().toString()));
    }
  }

  @Test
  void aRefusedAddressAndAMissingRelayFailWithoutRetrying() {
    nextDay();
    Alert alert = openAlert("acc-refused", List.of(AlertFixtures.webhook(hook()), new Channel.Email(List.of("soc@example.com"))));
    // Public addresses only: the loopback receiver is an internal address.
    NotificationDispatcher dispatcher = dispatcher(AddressGuard.publicOnly());
    int before = received.size();

    assertThat(dispatcher.dispatchOnce()).isEqualTo(2);

    List<NotificationRecord> rows = alerts.notifications(alert.id());
    assertThat(rows).extracting(NotificationRecord::status).containsExactly("failed", "failed");
    assertThat(rows.get(0).lastError()).hasValueSatisfying(e -> assertThat(e).contains("127.0.0.1"));
    assertThat(rows.get(1).lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("no_smtp"));
    assertThat(received).hasSize(before);
  }

  @Test
  void aClientErrorEndsTheNotification() {
    nextDay();
    Alert alert = openAlert("acc-400", List.of(AlertFixtures.webhook(hook())));
    statuses.add(410);

    dispatcher(AddressGuard.allowing(List.of("127.0.0.0/8"))).dispatchOnce();

    assertThat(only(alert).status()).isEqualTo("failed");
    assertThat(only(alert).attempts()).isEqualTo(1);
  }
}
