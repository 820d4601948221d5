package io.auditline.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.ingest.testing.Events;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.IngestRequest;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class StrictRequestMarshallerTest {

  private final StrictRequestMarshaller marshaller = new StrictRequestMarshaller();

  @Test
  void keepsEachEventsReceivedBytesBesideTheParsedRequest() {
    AuditEvent first = Events.valid().build();
    AuditEvent second = Events.valid("acct-2").build();
    IngestRequest request = IngestRequest.newBuilder().addEvents(first).addEvents(second).setPartialSuccess(true).build();

    IncomingRequest parsed = marshaller.parse(new ByteArrayInputStream(request.toByteArray()));

    assertThat(parsed).isInstanceOfSatisfying(IncomingRequest.Parsed.class, p -> {
      assertThat(p.request()).isEqualTo(request);
      assertThat(p.encodedEvents()).containsExactly(first.toByteString(), second.toByteString());
    });
  }

  @Test
  void reportsTruncatedBytesAsMalformed() {
    byte[] bytes = IngestRequest.newBuilder().addEvents(Events.valid()).build().toByteArray();
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);

    assertThat(marshaller.parse(new ByteArrayInputStream(truncated)))
        .isInstanceOfSatisfying(IncomingRequest.Malformed.class, m -> assertThat(m.reason()).isNotBlank());
  }

  @Test
  void skipsUnknownTopLevelFields() {
    byte[] known = IngestRequest.newBuilder().addEvents(Events.valid()).build().toByteArray();
    byte[] withUnknown = new byte[known.length + 2];
    System.arraycopy(known, 0, withUnknown, 0, known.length);
    withUnknown[known.length] = (byte) (9 << 3); // field 9, varint
    withUnknown[known.length + 1] = 1;

    assertThat(marshaller.parse(new ByteArrayInputStream(withUnknown)))
        .isInstanceOfSatisfying(IncomingRequest.Parsed.class, p -> assertThat(p.encodedEvents()).hasSize(1));
  }
}
