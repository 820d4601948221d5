package io.auditline.ingest.testing;

import com.google.protobuf.Timestamp;
import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.Actor;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.RequestContext;
import io.auditline.proto.v1.Resource;
import java.time.Instant;
import java.util.UUID;

/** Valid audit events for tests; tests change one field at a time. */
public final class Events {

  private Events() {}

  public static AuditEvent.Builder valid() {
    return valid("acct-1");
  }

  public static AuditEvent.Builder valid(String account) {
    Instant now = Instant.now();
    return AuditEvent.newBuilder()
        .setId(UUID.randomUUID().toString())
        .setAccountId(account)
        .setActor(
            Actor.newBuilder()
                .setType(ActorType.ACTOR_TYPE_USER)
                .setId("user-42")
                .setEmail("alice@example.com")
                .setIp("203.0.113.7")
                .setUserAgent("curl/8.5")
                .build())
        .setAction(
            Action.newBuilder()
                .setType("zone.settings.update")
                .setDescription("enabled always-use-https")
                .setResult(ActionResult.ACTION_RESULT_SUCCESS)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .build())
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
        .setSchemaVersion(1);
  }

  public static Timestamp at(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
