package io.auditline.logpush.testing;

import com.google.protobuf.Timestamp;
import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.Actor;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.RequestContext;
import io.auditline.proto.v1.Resource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;

/** Audit events for Logpush tests: a typical valid one to vary, and arbitrary ones for properties. */
public final class TestEvents {

  /**
   * Fragments that exercise JSON escaping, CSV quoting and multi-byte UTF-8, including a surrogate pair.
   * No unpaired surrogates: events parsed from the wire cannot hold them (proto3 checks UTF-8).
   */
  private static final List<String> TOKENS = List.of("a", "Z", "9", " ", ",", "\"", "\\", "\n", "\r\n", "\t",
      "\u0000", "\u001f", "\u007f", "é", "€", "\uD83D\uDE00", "\u2028", "/", "<b>", "=cmd", "user.login", "");

  private TestEvents() {}

  /** A valid event like the store tests' sample, at {@code at}; tests change what they look at. */
  public static AuditEvent.Builder event(Instant at) {
    return AuditEvent.newBuilder()
        .setId(UUID.randomUUID().toString())
        .setAccountId("acct-1")
        .setActor(Actor.newBuilder().setType(ActorType.ACTOR_TYPE_USER).setId("user-42")
            .setEmail("alice@example.com").setIp("203.0.113.7").setUserAgent("curl/8.5"))
        .setAction(Action.newBuilder().setType("zone.settings.update").setDescription("enabled always-use-https")
            .setResult(ActionResult.ACTION_RESULT_SUCCESS).setOccurredAt(timestamp(at)))
        .setResource(Resource.newBuilder().setType("zone.setting").setId("always_use_https").setProduct("ssl")
            .setScope("zones/z1"))
        .setRequest(RequestContext.newBuilder().setRequestId("req-1").setMethod("PATCH")
            .setUri("/client/v4/zones/z1/settings/always_use_https").setStatusCode(200))
        .setZoneId("z1")
        .putMetadata("ticket", "CHG-1234")
        .setSchemaVersion(1);
  }

  public static AuditEvent.Builder event() {
    return event(Instant.parse("2025-01-31T12:00:00.123Z"));
  }

  public static Timestamp timestamp(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  /** Short strings mixing the tricky fragments above. */
  public static Arbitrary<String> texts() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(6).map(parts -> String.join("", parts));
  }

  /** Timestamps over years 1..9999 and a little beyond, with every nanosecond precision. */
  public static Arbitrary<Timestamp> timestamps() {
    Arbitrary<Long> seconds = Arbitraries.oneOf(
        Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L),
        Arbitraries.longs().between(1_700_000_000L, 1_800_000_000L),
        Arbitraries.of(0L, -1L, -62_135_596_801L, 253_402_300_800L, 9_300_000_000L, -9_300_000_000L));
    Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.of(0, 1, 999_999_999, 123_000_000, 123_456_000),
        Arbitraries.integers().between(0, 999_999_999));
    return Arbitraries.lazy(() -> seconds).flatMap(s -> nanos.map(n ->
        Timestamp.newBuilder().setSeconds(s).setNanos(n).build()));
  }

  /** Arbitrary events: every optional part set or not, enum numbers this build does not know, odd strings. */
  public static Arbitrary<AuditEvent> events() {
    Arbitrary<Actor> actors = Builders.withBuilder(Actor::newBuilder)
        .use(Arbitraries.integers().between(0, 6)).in(Actor.Builder::setTypeValue)
        .use(texts()).in(Actor.Builder::setId)
        .use(texts()).in(Actor.Builder::setEmail)
        .use(texts()).in(Actor.Builder::setIp)
        .use(texts()).in(Actor.Builder::setUserAgent)
        .use(texts()).in(Actor.Builder::setTokenId)
        .use(texts()).in(Actor.Builder::setTokenName)
        .build(Actor.Builder::build);
    Arbitrary<Action> actions = Builders.withBuilder(Action::newBuilder)
        .use(texts()).in(Action.Builder::setType)
        .use(texts()).in(Action.Builder::setDescription)
        .use(Arbitraries.integers().between(0, 4)).in(Action.Builder::setResultValue)
        .use(timestamps()).in(Action.Builder::setOccurredAt)
        .build(Action.Builder::build);
    Arbitrary<Resource> resources = Builders.withBuilder(Resource::newBuilder)
        .use(texts()).in(Resource.Builder::setType)
        .use(texts()).in(Resource.Builder::setId)
        .use(texts()).in(Resource.Builder::setProduct)
        .use(texts()).in(Resource.Builder::setScope)
        .build(Resource.Builder::build);
    Arbitrary<RequestContext> requests = Builders.withBuilder(RequestContext::newBuilder)
        .use(texts()).in(RequestContext.Builder::setRequestId)
        .use(Arbitraries.of("", "GET", "POST", "PATCH")).in(RequestContext.Builder::setMethod)
        .use(texts()).in(RequestContext.Builder::setUri)
        .use(Arbitraries.of(0, 200, 404, 599, -1)).in(RequestContext.Builder::setStatusCode)
        .build(RequestContext.Builder::build);
    Arbitrary<java.util.Map<String, String>> metadata = Arbitraries.maps(
        Arbitraries.of("ticket", "a.key", "B-2", "z_last", "Zeta", "k9"), texts()).ofMaxSize(6);
    return Builders.withBuilder(AuditEvent::newBuilder)
        .use(Arbitraries.create(() -> UUID.randomUUID().toString())).in(AuditEvent.Builder::setId)
        .use(texts()).in(AuditEvent.Builder::setAccountId)
        .use(actors).in(AuditEvent.Builder::setActor)
        .use(actions).in(AuditEvent.Builder::setAction)
        .use(resources).in(AuditEvent.Builder::setResource)
        .use(requests).withProbability(0.7).in(AuditEvent.Builder::setRequest)
        .use(texts()).in(AuditEvent.Builder::setZoneId)
        .use(metadata).in(AuditEvent.Builder::putAllMetadata)
        .use(Arbitraries.of(1, 0, 2, -1)).in(AuditEvent.Builder::setSchemaVersion)
        .build(AuditEvent.Builder::build);
  }
}
