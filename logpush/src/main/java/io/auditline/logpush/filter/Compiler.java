package io.auditline.logpush.filter;

import io.auditline.logpush.format.EventField;
import io.auditline.logpush.format.FieldNames;
import io.auditline.logpush.format.Rfc3339;
import io.auditline.proto.v1.AuditEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Turns a parsed expression into a predicate once, with field accessors resolved, sets built and
 * timestamps parsed, so testing an event re-reads nothing. A condition on a null field is false for
 * every operator but {@code eq null}; {@code !eq} and {@code !in} are then negations and so true.
 */
final class Compiler {

  private Compiler() {}

  static Predicate<AuditEvent> compile(Expr expr) {
    return switch (expr) {
      case Expr.And and -> {
        Predicate<AuditEvent>[] all = compileAll(and.all());
        yield e -> {
          for (Predicate<AuditEvent> p : all) {
            if (!p.test(e)) {
              return false;
            }
          }
          return true;
        };
      }
      case Expr.Or or -> {
        Predicate<AuditEvent>[] any = compileAll(or.any());
        yield e -> {
          for (Predicate<AuditEvent> p : any) {
            if (p.test(e)) {
              return true;
            }
          }
          return false;
        };
      }
      case Expr.Condition c -> {
        Predicate<AuditEvent> positive = condition(c);
        yield c.operator().negated() ? positive.negate() : positive;
      }
    };
  }

  // Arrays and loops rather than streams: this runs for every event of every job.
  @SuppressWarnings("unchecked")
  private static Predicate<AuditEvent>[] compileAll(List<Expr> exprs) {
    return exprs.stream().map(Compiler::compile).toArray(Predicate[]::new);
  }

  /** The condition with {@code !eq} and {@code !in} read as {@code eq} and {@code in}. */
  private static Predicate<AuditEvent> condition(Expr.Condition c) {
    Optional<EventField> field = EventField.byName(c.key());
    if (field.isEmpty()) {
      String key = c.key().substring(FieldNames.METADATA_PREFIX.length());
      return strings(e -> e.getMetadataMap().get(key), c.operator(), c.value());
    }
    EventField f = field.get();
    if (c.value() instanceof Operand.Null) {
      return f::isNull;
    }
    return switch (f.kind()) {
      case STRING -> strings(f::text, c.operator(), c.value());
      case NUMBER -> numbers(f, c.operator(), c.value());
      case TIMESTAMP -> c.operator().textual() ? strings(f::text, c.operator(), c.value())
          : timestamps(e -> instant(f, e), c.operator(), c.value());
    };
  }

  private static Predicate<AuditEvent> strings(Function<AuditEvent, String> get, Operator op, Operand value) {
    if (value instanceof Operand.Null) {
      return e -> get.apply(e) == null;
    }
    if (value instanceof Operand.Values values) {
      Set<String> set = new HashSet<>(values.values().stream().map(v -> ((Operand.Text) v).value()).toList());
      return e -> set.contains(get.apply(e));
    }
    String x = ((Operand.Text) value).value();
    Predicate<String> test = switch (op) {
      case EQ, NOT_EQ -> x::equals;
      case LT, LEQ, GT, GEQ -> v -> order(op).test(v.compareTo(x));
      case STARTS_WITH -> v -> v.startsWith(x);
      case ENDS_WITH -> v -> v.endsWith(x);
      case CONTAINS -> v -> v.contains(x);
      case IN, NOT_IN -> throw new IllegalStateException(op.wire() + " without a list");
    };
    return e -> {
      String v = get.apply(e);
      return v != null && test.test(v);
    };
  }

  private static Predicate<AuditEvent> numbers(EventField f, Operator op, Operand value) {
    if (value instanceof Operand.Values values) {
      long[] sorted = values.values().stream().mapToLong(v -> ((Operand.Number) v).value()).sorted().toArray();
      return e -> !f.isNull(e) && Arrays.binarySearch(sorted, f.number(e)) >= 0;
    }
    long x = ((Operand.Number) value).value();
    IntPredicate ok = order(op);
    return e -> !f.isNull(e) && ok.test(Long.compare(f.number(e), x));
  }

  private static Predicate<AuditEvent> timestamps(Function<AuditEvent, Instant> get, Operator op, Operand value) {
    if (value instanceof Operand.Values values) {
      Set<Instant> set = new HashSet<>(values.values().stream().map(v -> instant((Operand.Text) v)).toList());
      return e -> set.contains(get.apply(e));
    }
    Instant x = instant((Operand.Text) value);
    IntPredicate ok = order(op);
    return e -> ok.test(get.apply(e).compareTo(x));
  }

  private static IntPredicate order(Operator op) {
    return switch (op) {
      case EQ, NOT_EQ -> c -> c == 0;
      case LT -> c -> c < 0;
      case LEQ -> c -> c <= 0;
      case GT -> c -> c > 0;
      case GEQ -> c -> c >= 0;
      default -> throw new IllegalStateException(op.wire() + " does not compare");
    };
  }

  private static Instant instant(EventField f, AuditEvent e) {
    var t = f.timestamp(e);
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  private static Instant instant(Operand.Text text) {
    return Rfc3339.parse(text.value()).orElseThrow(() -> new IllegalStateException("unparsed timestamp " + text));
  }
}
