package io.auditline.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventMapperTest {

  @Test
  void mapsEveryColumnOfAFullEvent() {
    Instant when = Instant.parse("2025-03-04T05:06:07.123456Z");
    AuditEvent event = TestEvents.valid("acct-1").setAction(TestEvents.valid("a").getActionBuilder()
        .setOccurredAt(TestEvents.at(when))).build();

    IndexRow row = indexable(TestEvents.consumed(TestEvents.record("t", event)));

    assertThat(row.accountId()).isEqualTo("acct-1");
    assertThat(row.occurredAt()).isEqualTo(when);
    assertThat(row.id()).isEqualTo(UUID.fromString(event.getId()));
    assertThat(row.actorType()).isEqualTo("user");
    assertThat(row.actorId()).isEqualTo("user-42");
    assertThat(row.actorEmail()).isEqualTo("alice@example.com");
    assertThat(row.actorIp()).isEqualTo("203.0.113.7");
    assertThat(row.actionType()).isEqualTo("zone.settings.update");
    assertThat(row.actionResult()).isEqualTo("success");
    assertThat(row.resourceType()).isEqualTo("zone.setting");
    assertThat(row.resourceId()).isEqualTo("always_use_https");
    assertThat(row.zoneId()).isEqualTo("z1");
    assertThat(row.producer()).isEqualTo("billing");
    assertThat(row.kafkaPartition()).isEqualTo(2);
    assertThat(row.kafkaOffset()).isEqualTo(17);
    assertThat(row.event()).isEqualTo(event.toByteArray());
  }

  @Test
  void mapsEmptyOptionalFieldsToNull() {
    AuditEvent.Builder event = TestEvents.valid("acct-1").setZoneId("");
    event.getActorBuilder().setEmail("").setIp("");

    IndexRow row = indexable(TestEvents.consumed(TestEvents.record("t", event.build())));

    assertThat(row.zoneId()).isNull();
    assertThat(row.actorEmail()).isNull();
    assertThat(row.actorIp()).isNull();
  }

  @Test
  void namesActorTypesAndResultsInLowerCaseWords() {
    assertThat(EventMapper.actorType(ActorType.ACTOR_TYPE_API_TOKEN)).isEqualTo("api_token");
    assertThat(EventMapper.actorType(ActorType.ACTOR_TYPE_SERVICE)).isEqualTo("service");
    assertThat(EventMapper.actorType(ActorType.ACTOR_TYPE_SYSTEM)).isEqualTo("system");
    assertThat(EventMapper.actionResult(io.auditline.proto.v1.ActionResult.ACTION_RESULT_FAILURE)).isEqualTo("failure");
  }

  @Test
  void acceptsIpv6AndRejectsWhatInetWouldRefuse() {
    assertThat(EventMapper.ip("2001:db8::1")).isEqualTo("2001:db8::1");
    assertThat(EventMapper.ip("::ffff:192.0.2.1")).isEqualTo("::ffff:192.0.2.1");
    for (String bad : new String[] {"256.1.1.1", "example.com", "1.2.3", "2001:db8::1%eth0", "g::1", "01.2.3.4"}) {
      AuditEvent.Builder event = TestEvents.valid("acct-1");
      event.getActorBuilder().setIp(bad);
      assertThat(rejected(TestEvents.consumed(TestEvents.record("t", event.build()))).reason())
          .as(bad)
          .isEqualTo(RejectReason.INVALID_EVENT);
    }
  }

  @Test
  void rejectsAValueThatIsNotAnAuditEvent() {
    Mapping.Rejected rejected = rejected(TestEvents.consumed(TestEvents.raw("t", "acct-1", TestEvents.GARBAGE)));

    assertThat(rejected.reason()).isEqualTo(RejectReason.UNPARSEABLE);
    assertThat(rejected.describe()).startsWith("unparseable: not an auditline.v1.AuditEvent");
  }

  @Test
  void rejectsARecordWithoutValueOrProducerHeader() {
    assertThat(rejected(new ConsumerRecord<>("t", 0, 0, new byte[0], null)).reason())
        .isEqualTo(RejectReason.UNPARSEABLE);
    byte[] value = TestEvents.valid("acct-1").build().toByteArray();
    assertThat(rejected(new ConsumerRecord<>("t", 0, 0, new byte[0], value)).reason())
        .isEqualTo(RejectReason.MISSING_PRODUCER);
  }

  @Test
  void rejectsEventsThatBreakTheColumnsRules() {
    assertThat(detailOf(TestEvents.valid("acct-1").setId("not-a-uuid"))).isEqualTo("id 'not-a-uuid' is not a UUID");
    assertThat(detailOf(TestEvents.valid(""))).isEqualTo("account_id is empty");
    AuditEvent.Builder unspecified = TestEvents.valid("acct-1");
    unspecified.getActorBuilder().setType(ActorType.ACTOR_TYPE_UNSPECIFIED);
    assertThat(detailOf(unspecified)).isEqualTo("actor.type ACTOR_TYPE_UNSPECIFIED is not a known actor type");
    AuditEvent.Builder nul = TestEvents.valid("acct-1");
    nul.getResourceBuilder().setId("a\0b");
    assertThat(detailOf(nul)).isEqualTo("resource.id contains a NUL character");
    AuditEvent.Builder longId = TestEvents.valid("acct-1");
    longId.getResourceBuilder().setId("x".repeat(257));
    assertThat(detailOf(longId)).isEqualTo("resource.id has 257 characters (expected: at most 256)");
    AuditEvent.Builder noTime = TestEvents.valid("acct-1");
    noTime.getActionBuilder().clearOccurredAt();
    assertThat(detailOf(noTime)).isEqualTo("action.occurred_at is missing");
  }

  private static String detailOf(AuditEvent.Builder event) {
    Mapping.Rejected rejected = rejected(TestEvents.consumed(TestEvents.record("t", event.build())));
    assertThat(rejected.reason()).isEqualTo(RejectReason.INVALID_EVENT);
    return rejected.detail();
  }

  private static IndexRow indexable(ConsumerRecord<byte[], byte[]> record) {
    Mapping mapping = EventMapper.map(record);
    assertThat(mapping).isInstanceOf(Mapping.Indexable.class);
    return ((Mapping.Indexable) mapping).row();
  }

  private static Mapping.Rejected rejected(ConsumerRecord<byte[], byte[]> record) {
    Mapping mapping = EventMapper.map(record);
    assertThat(mapping).isInstanceOf(Mapping.Rejected.class);
    return (Mapping.Rejected) mapping;
  }
}
