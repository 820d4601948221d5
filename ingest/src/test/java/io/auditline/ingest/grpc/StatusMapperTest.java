package io.auditline.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import io.auditline.proto.v1.Violation;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatusMapperTest {

  @Test
  void keepsErrorDetailsUnderTheTrailerBudgetAndSaysHowManyWereLeftOut() {
    List<Violation> many =
        IntStream.range(0, 1000)
            .mapToObj(i -> Violation.newBuilder().setField("events[" + i + "].actor.email").setRule("string.email").setMessage("value must be a valid email address").build())
            .toList();

    BadRequest details = StatusMapper.badRequest(many);

    assertThat(details.getSerializedSize()).isLessThanOrEqualTo(StatusMapper.MAX_DETAILS_BYTES + 200);
    BadRequest.FieldViolation last = details.getFieldViolations(details.getFieldViolationsCount() - 1);
    assertThat(last.getReason()).isEqualTo("details.truncated");
    int shown = details.getFieldViolationsCount() - 1;
    assertThat(last.getDescription()).startsWith((1000 - shown) + " more violations not shown");
  }

  @Test
  void keepsEveryViolationWhenTheyFit() {
    List<Violation> few = List.of(Violation.newBuilder().setField("id").setRule("string.uuid").setMessage("bad").build());
    assertThat(StatusMapper.badRequest(few).getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField).containsExactly("id");
  }
}
