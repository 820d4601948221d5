package io.auditline.ingest.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.auditline.ingest.pipeline.IngestOutcome;
import io.auditline.proto.v1.Violation;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.List;

/** Maps failed ingest outcomes to gRPC statuses with google.rpc error details. */
final class StatusMapper {

  static final String DOMAIN = "auditline.io";

  private StatusMapper() {}

  static StatusRuntimeException invalid(IngestOutcome.Invalid invalid) {
    return status(Code.INVALID_ARGUMENT, invalid.summary(), List.of(Any.pack(badRequest(invalid.violations()))));
  }

  static StatusRuntimeException denied(IngestOutcome.Denied denied) {
    ErrorInfo info = ErrorInfo.newBuilder().setReason(denied.reason()).setDomain(DOMAIN).build();
    return denied.violations().isEmpty()
        ? status(Code.PERMISSION_DENIED, denied.summary(), List.of(Any.pack(info)))
        : status(
            Code.PERMISSION_DENIED,
            denied.summary(),
            List.of(Any.pack(info), Any.pack(badRequest(denied.violations()))));
  }

  static StatusRuntimeException rateLimited(IngestOutcome.RateLimited limited) {
    return status(
        Code.RESOURCE_EXHAUSTED,
        limited.summary(),
        List.of(
            Any.pack(ErrorInfo.newBuilder().setReason("RATE_LIMITED").setDomain(DOMAIN).build()),
            Any.pack(retryInfo(limited.retryAfter()))));
  }

  static StatusRuntimeException unavailable(IngestOutcome.Unavailable unavailable) {
    return status(Code.UNAVAILABLE, unavailable.summary(), List.of(Any.pack(retryInfo(Duration.ofSeconds(1)))));
  }

  private static BadRequest badRequest(List<Violation> violations) {
    BadRequest.Builder bad = BadRequest.newBuilder();
    for (Violation v : violations) {
      bad.addFieldViolationsBuilder()
          .setField(v.getField())
          .setReason(v.getRule())
          .setDescription(v.getMessage());
    }
    return bad.build();
  }

  private static RetryInfo retryInfo(Duration delay) {
    return RetryInfo.newBuilder()
        .setRetryDelay(
            com.google.protobuf.Duration.newBuilder()
                .setSeconds(delay.getSeconds())
                .setNanos(delay.getNano()))
        .build();
  }

  private static StatusRuntimeException status(Code code, String message, List<Any> details) {
    return StatusProto.toStatusRuntimeException(
        com.google.rpc.Status.newBuilder()
            .setCode(code.getNumber())
            .setMessage(message)
            .addAllDetails(details)
            .build());
  }
}
