package io.auditline.ingest.validate;

import build.buf.protovalidate.Config;
import build.buf.protovalidate.ValidationResult;
import build.buf.protovalidate.Validator;
import build.buf.protovalidate.ValidatorFactory;
import build.buf.protovalidate.exceptions.CompilationException;
import build.buf.protovalidate.exceptions.ValidationException;
import build.buf.validate.FieldPath;
import build.buf.validate.FieldPathElement;
import com.google.protobuf.Message;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.SecurityEvent;
import io.auditline.proto.v1.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an {@link AuditEvent} or a {@link SecurityEvent} against the protovalidate rules of the contract and the server's size
 * limit, and reports every broken rule with its field path.
 */
public final class EventValidator {

  /** Rule id reported when an event's encoded size exceeds the server limit. */
  public static final String MAX_BYTES_RULE = "event.max_bytes";

  private final Validator validator;
  private final int maxEventBytes;
  private final Clock clock;

  public EventValidator(int maxEventBytes) {
    this(maxEventBytes, Clock.systemUTC());
  }

  EventValidator(int maxEventBytes, Clock clock) {
    this.clock = clock;
    if (maxEventBytes < 1024) {
      throw new IllegalArgumentException("maxEventBytes: " + maxEventBytes + " (expected: >= 1024)");
    }
    this.maxEventBytes = maxEventBytes;
    try {
      // Compile the rules up front so a broken contract fails at start, not on the first request.
      this.validator =
          ValidatorFactory.newBuilder()
              .withConfig(Config.newBuilder().setEnableNativeRules(true).build())
              .buildWithDescriptors(List.of(AuditEvent.getDescriptor(), SecurityEvent.getDescriptor()), true);
    } catch (CompilationException e) {
      throw new IllegalStateException("protovalidate rules of the contract do not compile", e);
    }
  }

  /** Returns the violations of {@code event}; empty when it is valid. */
  public List<Violation> validate(AuditEvent event) {
    return validate(event, event.getSerializedSize());
  }

  /** Returns the violations of {@code event}, whose encoded form is {@code size} bytes. */
  public List<Violation> validate(AuditEvent event, int size) {
    if (size > maxEventBytes) {
      return List.of(tooLarge(size));
    }
    if (FastPath.certainlyValid(event, clock.instant())) {
      return new ArrayList<>();
    }
    return protovalidate(event);
  }

  /** Returns the violations of security event {@code event}, whose encoded form is {@code size} bytes. */
  public List<Violation> validate(SecurityEvent event, int size) {
    return size > maxEventBytes ? List.of(tooLarge(size)) : protovalidate(event);
  }

  // Validating a huge event costs CPU and adds nothing the producer can use: report only its size.
  private Violation tooLarge(int size) {
    return Violation.newBuilder()
        .setRule(MAX_BYTES_RULE)
        .setMessage("event is " + size + " bytes encoded (expected: <= " + maxEventBytes + ")")
        .build();
  }

  private List<Violation> protovalidate(Message event) {
    List<Violation> violations = new ArrayList<>();
    ValidationResult result;
    try {
      result = validator.validate(event);
    } catch (ValidationException e) {
      throw new IllegalStateException(
          "protovalidate failed to evaluate " + event.getDescriptorForType().getName() + " rules", e);
    }
    for (build.buf.protovalidate.Violation v : result.getViolations()) {
      build.buf.validate.Violation proto = v.toProto();
      violations.add(
          Violation.newBuilder()
              .setField(Texts.abbreviate(render(proto.getField()), Texts.MAX_FIELD_CHARS))
              .setRule(proto.getRuleId())
              .setMessage(Texts.abbreviate(proto.getMessage(), Texts.MAX_MESSAGE_CHARS))
              .build());
    }
    return violations;
  }

  /** Renders a protovalidate field path the way producers write it: {@code metadata["k"]}, {@code a.b}. */
  static String render(FieldPath path) {
    StringBuilder out = new StringBuilder();
    for (FieldPathElement element : path.getElementsList()) {
      if (!out.isEmpty()) {
        out.append('.');
      }
      out.append(element.getFieldName());
      switch (element.getSubscriptCase()) {
        case INDEX -> out.append('[').append(element.getIndex()).append(']');
        case STRING_KEY -> out.append("[\"").append(element.getStringKey()).append("\"]");
        case INT_KEY -> out.append('[').append(element.getIntKey()).append(']');
        case UINT_KEY -> out.append('[').append(element.getUintKey()).append(']');
        case BOOL_KEY -> out.append('[').append(element.getBoolKey()).append(']');
        case SUBSCRIPT_NOT_SET -> {}
      }
    }
    return out.toString();
  }
}
