package io.auditline.ingest.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.IngestRequest;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses requests without ever throwing: bytes that are not an {@link IngestRequest} (truncated,
 * invalid UTF-8, too deep) become {@link IncomingRequest.Malformed}, which the service answers with
 * INVALID_ARGUMENT; a throwing marshaller would surface as UNKNOWN "Application error processing RPC".
 * It also keeps each event's received bytes, so they go to Kafka as they came instead of being
 * encoded again (a measurable share of ingest CPU).
 */
final class StrictRequestMarshaller implements MethodDescriptor.Marshaller<IncomingRequest> {

  // A tag is (field number << 3) | wire type.
  private static final int EVENTS = IngestRequest.EVENTS_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
  private static final int PARTIAL = IngestRequest.PARTIAL_SUCCESS_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_VARINT;

  @Override
  public InputStream stream(IncomingRequest value) {
    return switch (value) {
      case IncomingRequest.Parsed parsed -> parsed.request().toByteString().newInput();
      case IncomingRequest.Malformed malformed ->
          throw new IllegalStateException("a malformed request cannot be serialized: " + malformed.reason());
    };
  }

  @Override
  public IncomingRequest parse(InputStream stream) {
    try {
      byte[] bytes = stream.readAllBytes();
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      in.enableAliasing(true); // event ByteStrings share the request's array instead of copying it
      IngestRequest.Builder request = IngestRequest.newBuilder();
      List<ByteString> encoded = new ArrayList<>();
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (tag == EVENTS) {
          ByteString event = in.readBytes();
          request.addEvents(AuditEvent.parseFrom(event));
          encoded.add(event);
        } else if (tag == PARTIAL) {
          request.setPartialSuccess(in.readBool());
        } else if (!in.skipField(tag)) {
          break; // an end-group tag at the top level: malformed, reported by the check below
        }
      }
      in.checkLastTagWas(0);
      return new IncomingRequest.Parsed(request.build(), List.copyOf(encoded));
    } catch (InvalidProtocolBufferException e) {
      return new IncomingRequest.Malformed(e.getMessage());
    } catch (IOException e) {
      return new IncomingRequest.Malformed("unreadable request: " + e.getMessage());
    }
  }
}
