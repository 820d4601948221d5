package io.auditline.ingest.grpc;

import io.auditline.proto.v1.IngestRequest;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import java.io.InputStream;

/**
 * Parses requests like grpc-java's protobuf marshaller but never throws: bytes that are not an {@link
 * IngestRequest} (truncated, invalid UTF-8, too deep) become {@link IncomingRequest.Malformed}, which
 * the service answers with INVALID_ARGUMENT. A throwing marshaller would surface as UNKNOWN
 * "Application error processing RPC", which tells the producer nothing.
 */
final class StrictRequestMarshaller implements MethodDescriptor.Marshaller<IncomingRequest> {

  private final MethodDescriptor.Marshaller<IngestRequest> delegate =
      ProtoUtils.marshaller(IngestRequest.getDefaultInstance());

  @Override
  public InputStream stream(IncomingRequest value) {
    return switch (value) {
      case IncomingRequest.Parsed parsed -> delegate.stream(parsed.request());
      case IncomingRequest.Malformed malformed ->
          throw new IllegalStateException("a malformed request cannot be serialized: " + malformed.reason());
    };
  }

  @Override
  public IncomingRequest parse(InputStream stream) {
    try {
      return new IncomingRequest.Parsed(delegate.parse(stream));
    } catch (StatusRuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new IncomingRequest.Malformed(cause.getMessage());
    }
  }
}
