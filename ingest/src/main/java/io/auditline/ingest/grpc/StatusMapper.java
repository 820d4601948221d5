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
  /** Budget for google.rpc details, well under the 8 KiB default header-list limit of clients. */
  static final int MAX_DETAILS_BYTES = 4096;

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

  /**
   * Details travel in an HTTP/2 trailer, and clients refuse trailers over 8 KiB by default: keep the
   * details under {@link #MAX_DETAILS_BYTES} and say how many violations were left out.
   */
  static BadRequest badRequest(List<Violation> violations) {
    BadRequest.Builder bad = BadRequest.newBuilder();
    int size = 0;
    for (int i = 0; i < violations.size(); i++) {
      Violation v = violations.get(i);
      BadRequest.FieldViolation fv =
          BadRequest.FieldViolation.newBuilder()
              .setField(v.getField())
              .setReason(v.getRule())
              .setDescription(v.getMessage())
              .build();
      if (size + fv.getSerializedSize() > MAX_DETAILS_BYTES) {
        bad.addFieldViolationsBuilder()
            .setReason("details.truncated")
            .setDescription((violations.size() - i) + " more violations not shown; fix these and retry");
        break;
      }
      size += fv.getSerializedSize() + 4;
      bad.addFieldViolations(fv);
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
