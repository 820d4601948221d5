package io.auditline.logpush.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.logpush.job.JobValidation;
import io.auditline.logpush.job.OptionsCheck;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void durationsUseTheLargestWholeUnit() {
    assertThat(Json.duration(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(Json.duration(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Json.duration(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Json.duration(Duration.ofMillis(1500))).isEqualTo("1500ms");
  }

  @Test
  void readsDurationsAsSecondsOrWithAUnit() throws Exception {
    ObjectNode body = (ObjectNode) Http.JSON.readTree("{\"a\": 30, \"b\": \"500ms\", \"c\": \"5m\", \"d\": \"1h\", \"e\": \"1.5s\", \"f\": true}");
    BodyFields f = new BodyFields(body);
    Duration min = Duration.ofMillis(1);
    Duration max = Duration.ofDays(1);
    assertThat(f.duration("a", min, max)).contains(Duration.ofSeconds(30));
    assertThat(f.duration("b", min, max)).contains(Duration.ofMillis(500));
    assertThat(f.duration("c", min, max)).contains(Duration.ofMinutes(5));
    assertThat(f.duration("d", min, max)).contains(Duration.ofHours(1));
    assertThat(f.duration("e", min, max)).isEmpty();
    assertThat(f.duration("f", min, max)).isEmpty();
    assertThat(f.duration("missing", min, max)).isEmpty();
    assertThat(f.errors()).extracting(p -> p.name()).containsExactly("e", "f");
  }

  @Test
  void prefixesValidatorErrorsWithTheField() throws Exception {
    BodyFields f = new BodyFields(Http.JSON.createObjectNode());
    f.checked("filter", Http.JSON.createObjectNode(), n -> new OptionsCheck.Invalid(
        List.of("where.and[0].operator: bad", "[1]: odd", ": not an object", "no path at all")));
    assertThat(f.errors()).extracting(p -> p.name() + " | " + p.reason()).containsExactly(
        "filter.where.and[0].operator | bad", "filter[1] | odd", "filter | not an object", "filter | no path at all");
    assertThat(JobValidation.acceptingObjects().filter(Http.JSON.readTree("[]"))).isInstanceOf(OptionsCheck.Invalid.class);
  }
}
