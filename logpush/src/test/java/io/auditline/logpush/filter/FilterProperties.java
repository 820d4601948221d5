package io.auditline.logpush.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.logpush.format.EventField;
import io.auditline.logpush.format.FieldNames;
import io.auditline.logpush.testing.TestEvents;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.query.EventJson;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class FilterProperties {

  @Property
  void filtersRoundTripThroughTheirJson(@ForAll("expressions") Expr where) throws Exception {
    ObjectNode json = JsonNodeFactory.instance.objectNode().set("where", where.toJson());
    FilterParse parsed = Filter.parse(Filters.MAPPER.readTree(Filters.MAPPER.writeValueAsString(json)));
    assertThat(parsed).isInstanceOfSatisfying(FilterParse.Valid.class, v -> {
      assertThat(v.filter().where()).contains(where);
      assertThat(v.filter().toJson()).isEqualTo(json);
      assertThat(Filter.parse(v.filter().toJson())).isEqualTo(parsed);
    });
  }

  @Property(tries = 500)
  void aConditionMatchesExactlyWhenTheEventsJsonSaysSo(@ForAll("conditions") Expr.Condition condition,
      @ForAll("events") AuditEvent event) throws Exception {
    Filter filter = Filter.of(condition);
    JsonNode json = Filters.MAPPER.readTree(EventJson.toJson(event));
    boolean expected = Reference.matches(condition, json);
    assertThat(filter.test(event)).as("%s on %s", condition, json).isEqualTo(expected);
    Statistics.label("matches").collect(expected);
  }

  @Provide
  Arbitrary<Expr> expressions() {
    return expr(3);
  }

  @Provide
  Arbitrary<AuditEvent> events() {
    return TestEvents.events();
  }

  @Provide
  Arbitrary<Expr.Condition> conditions() {
    Arbitrary<String> keys = Arbitraries.of(FieldNames.FILTERABLE)
        .flatMap(k -> k.equals("metadata.<key>") ? Arbitraries.of("metadata.ticket", "metadata.a.key", "metadata.none")
            : Arbitraries.just(k));
    return keys.flatMap(key -> operators(key).flatMap(op -> operands(key, op).map(v -> new Expr.Condition(key, op, v))));
  }

  private Arbitrary<Expr> expr(int depth) {
    Arbitrary<Expr> leaf = conditions().map(c -> c);
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<List<Expr>> children = Arbitraries.lazy(() -> expr(depth - 1)).list().ofMinSize(1).ofMaxSize(3);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf),
        net.jqwik.api.Tuple.of(1, children.map(Expr.And::new)),
        net.jqwik.api.Tuple.of(1, children.map(Expr.Or::new)));
  }

  private static Arbitrary<Operator> operators(String key) {
    EventField.Kind kind = FilterParser.kindOf(key);
    return Arbitraries.of(Arrays.stream(Operator.values()).filter(o -> o.appliesTo(kind)).toList());
  }

  private static Arbitrary<Operand> operands(String key, Operator op) {
    EventField.Kind kind = FilterParser.kindOf(key);
    Arbitrary<Operand> scalar = switch (kind) {
      case STRING -> Arbitraries.oneOf(TestEvents.texts(),
          Arbitraries.of("user", "success", "zone.settings.update", "GET", "z1", "CHG-1234")).map(Operand.Text::new);
      case NUMBER -> Arbitraries.of(0L, 1L, 2L, 200L, 404L, -1L, 599L).map(Operand.Number::new);
      case TIMESTAMP -> op.textual() ? Arbitraries.of("1970", "T00", "Z", ".1", "-01-").map(Operand.Text::new)
          : TestEvents.timestamps().filter(t -> t.getSeconds() > -62_135_596_800L && t.getSeconds() < 253_402_300_799L)
              .map(t -> new Operand.Text(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString()));
    };
    if (op.takesList()) {
      return scalar.list().ofMinSize(1).ofMaxSize(4).map(Operand.Values::new);
    }
    if (op == Operator.EQ || op == Operator.NOT_EQ) {
      return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, scalar),
          net.jqwik.api.Tuple.of(1, Arbitraries.just(new Operand.Null())));
    }
    return scalar;
  }
}
