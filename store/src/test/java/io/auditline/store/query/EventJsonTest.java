package io.auditline.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void rendersSnakeCaseWordsAndRfc3339() throws Exception {
    AuditEvent event = TestStore.event("acct-1", Instant.parse("2025-01-31T12:00:00.123Z"))
        .setActor(TestStore.event("a", Instant.EPOCH).getActorBuilder().setType(ActorType.ACTOR_TYPE_API_TOKEN)
            .setTokenId("tok-1"))
        .putMetadata("a.key", "v").build();
    JsonNode json = MAPPER.readTree(EventJson.toJson(event));
    assertThat(json.get("account_id").asText()).isEqualTo("acct-1");
    assertThat(json.at("/actor/type").asText()).isEqualTo("api_token");
    assertThat(json.at("/actor/token_id").asText()).isEqualTo("tok-1");
    assertThat(json.at("/actor/token_name").isNull()).isTrue();
    assertThat(json.at("/action/result").asText()).isEqualTo("success");
    assertThat(json.at("/action/occurred_at").asText()).isEqualTo("2025-01-31T12:00:00.123Z");
    assertThat(json.at("/request/status_code").asInt()).isEqualTo(200);
    assertThat(json.get("metadata").fieldNames()).toIterable().containsExactly("a.key", "ticket");
    assertThat(json.get("schema_version").asInt()).isEqualTo(1);
  }

  @Test
  void keepsOneShapeWhenOptionalPartsAreMissing() throws Exception {
    AuditEvent event = TestStore.event("acct-1", Instant.EPOCH).clearRequest().clearZoneId().clearMetadata().build();
    JsonNode json = MAPPER.readTree(EventJson.toJson(event));
    assertThat(json.get("request").isNull()).isTrue();
    assertThat(json.get("zone_id").isNull()).isTrue();
    assertThat(json.get("metadata").isEmpty()).isTrue();
  }

  @Test
  void csvQuotesOnlyWhatNeedsQuoting() throws Exception {
    assertThat(EventCsv.quote("plain")).isEqualTo("plain");
    assertThat(EventCsv.quote("a,b")).isEqualTo("\"a,b\"");
    assertThat(EventCsv.quote("say \"hi\"\n")).isEqualTo("\"say \"\"hi\"\"\n\"");
    StringWriter out = new StringWriter();
    EventCsv.writeRow(TestStore.event("acct-1", Instant.parse("2025-01-31T12:00:00Z")).build(), out);
    assertThat(out.toString()).endsWith(",\"{\"\"ticket\"\":\"\"CHG-1234\"\"}\",1\r\n");
  }

  @Test
  void likePrefixEscapesWildcards() {
    assertThat(AuditLogSql.likePrefix("zone_a.")).isEqualTo("zone\\_a.%");
    assertThat(AuditLogSql.likePrefix("50%\\")).isEqualTo("50\\%\\\\%");
  }
}
