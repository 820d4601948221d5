package io.auditline.bench.ingest;

import com.google.protobuf.Timestamp;
import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.Actor;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.RequestContext;
import io.auditline.proto.v1.Resource;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid audit events of a fixed encoded size: a realistic event padded through its {@code
 * action.description}, with a fresh id per event (a repeated id would be acknowledged as a duplicate
 * without a Kafka write) and accounts spread over several keys, hence several partitions.
 */
public final class EventFactory {

  private static final int ACCOUNTS = 16;
  private static final String[] ACCOUNT_IDS = new String[ACCOUNTS];

  static {
    for (int i = 0; i < ACCOUNTS; i++) {
      ACCOUNT_IDS[i] = "acct-" + i;
    }
  }

  private final AuditEvent template;

  public EventFactory(int eventBytes) {
    AuditEvent base = base("", Instant.now());
    int padding = eventBytes - base.getSerializedSize();
    if (padding < 0) {
      throw new IllegalArgumentException(
          "eventBytes: " + eventBytes + " (expected: >= " + base.getSerializedSize() + ", the unpadded event)");
    }
    AuditEvent padded = base(pad(padding), Instant.now());
    // The length prefix of the description may grow by a byte; trim until the size is exact.
    while (padded.getSerializedSize() > eventBytes) {
      String d = padded.getAction().getDescription();
      padded = base(d.substring(0, d.length() - 1), Instant.now());
    }
    this.template = padded;
  }

  /** Encoded size of every event this factory makes. */
  public int eventBytes() {
    return template.getSerializedSize();
  }

  /**
   * One fresh event of {@code accountId}; the size is {@link #eventBytes()} when the id has as many
   * bytes as the factory's own ({@code acct-15}).
   */
  public AuditEvent event(String accountId) {
    return template.toBuilder().setId(randomUuid(ThreadLocalRandom.current())).setAccountId(accountId).build();
  }

  /** A request of {@code count} fresh events. */
  IngestRequest request(int count) {
    IngestRequest.Builder request = IngestRequest.newBuilder();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < count; i++) {
      request.addEvents(
          template.toBuilder().setId(randomUuid(random)).setAccountId(ACCOUNT_IDS[random.nextInt(ACCOUNTS)]));
    }
    return request.build();
  }

  /** A version-4 UUID without {@code SecureRandom}, which would make the generator the bottleneck. */
  private static String randomUuid(ThreadLocalRandom random) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  private static String pad(int length) {
    StringBuilder text = new StringBuilder(length);
    String words = "enabled always-use-https for the zone after a change request ";
    while (text.length() < length) {
      text.append(words);
    }
    return text.substring(0, length);
  }

  private static AuditEvent base(String description, Instant now) {
    return AuditEvent.newBuilder()
        .setId(UUID.randomUUID().toString())
        .setAccountId(ACCOUNT_IDS[ACCOUNTS - 1])
        .setActor(
            Actor.newBuilder()
                .setType(ActorType.ACTOR_TYPE_USER)
                .setId("user-42")
                .setEmail("alice@example.com")
                .setIp("203.0.113.7")
                .setUserAgent("curl/8.5"))
        .setAction(
            Action.newBuilder()
                .setType("zone.settings.update")
                .setDescription(description)
                .setResult(ActionResult.ACTION_RESULT_SUCCESS)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano())))
        .setResource(
            Resource.newBuilder().setType("zone.setting").setId("always_use_https").setProduct("ssl").setScope("zones/z1"))
        .setRequest(
            RequestContext.newBuilder()
                .setRequestId("req-1")
                .setMethod("PATCH")
                .setUri("/client/v4/zones/z1/settings/always_use_https")
                .setStatusCode(200))
        .setZoneId("z1")
        .putMetadata("ticket", "CHG-1234")
        .setSchemaVersion(1)
        .build();
  }
}
