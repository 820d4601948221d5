package io.auditline.ingest.grpc;

import io.auditline.proto.v1.IngestRequest;

/** A request as it came off the wire: parsed, or bytes that are not an {@link IngestRequest}. */
sealed interface IncomingRequest {

  record Parsed(IngestRequest request) implements IncomingRequest {}

  record Malformed(String reason) implements IncomingRequest {}
}
