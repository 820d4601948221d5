package io.auditline.ingest.grpc;

import com.google.protobuf.ByteString;
import io.auditline.proto.v1.IngestRequest;
import java.util.List;

/** A request as it came off the wire: parsed, or bytes that are not an {@link IngestRequest}. */
sealed interface IncomingRequest {

  /**
   * A parsed request and, per event, the bytes it arrived as, so events are written to Kafka without
   * being encoded again.
   */
  record Parsed(IngestRequest request, List<ByteString> encodedEvents) implements IncomingRequest {}

  record Malformed(String reason) implements IncomingRequest {}
}
