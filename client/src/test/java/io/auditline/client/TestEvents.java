package io.auditline.client;

import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.Actor;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.Resource;
import io.auditline.proto.v1.Violation;

/** Valid events, as a producer team would write them. */
final class TestEvents {

    private TestEvents() {}

    static AuditEvent event() {
        return AuditEvents.withDefaults(AuditEvent.newBuilder()
                .setAccountId("acct-1")
                .setActor(Actor.newBuilder().setType(ActorType.ACTOR_TYPE_USER).setId("user-7").setEmail("a@example.com"))
                .setAction(Action.newBuilder().setType("zone.settings.update").setResult(ActionResult.ACTION_RESULT_SUCCESS))
                .setResource(Resource.newBuilder().setType("zone").setId("zone-1")));
    }

    static Violation violation(String field, String rule, String message) {
        return Violation.newBuilder().setField(field).setRule(rule).setMessage(message).build();
    }
}
