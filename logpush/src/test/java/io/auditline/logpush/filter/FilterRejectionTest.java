package io.auditline.logpush.filter;

import static io.auditline.logpush.filter.Filters.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FilterRejectionTest {

  private static final String OPERATORS = "eq, !eq, lt, leq, gt, geq, startsWith, endsWith, contains, in, !in";

  @Test
  void anUnknownOperatorIsNamedWithItsPath() {
    assertThat(errors("""
        {"where": {"and": [{"key": "id", "operator": "eq", "value": "x"},
                           {"key": "id", "operator": "equals", "value": "x"}]}}"""))
        .containsExactly("filter.where.and[1].operator: 'equals' (expected: one of " + OPERATORS + ")");
    assertThat(errors("{\"where\": {\"key\": \"id\", \"value\": \"x\"}}"))
        .containsExactly("filter.where.operator: missing (expected: one of " + OPERATORS + ")");
  }

  @Test
  void anUnknownKeyIsNamedListingTheValidOnes() {
    assertThat(errors("{\"where\": {\"key\": \"actor.mail\", \"operator\": \"eq\", \"value\": \"x\"}}")).containsExactly(
        "filter.where.key: 'actor.mail' (expected: one of id, account_id, actor.type, actor.id, actor.email, actor.ip, "
            + "actor.user_agent, actor.token_id, actor.token_name, action.type, action.description, action.result, "
            + "action.occurred_at, resource.type, resource.id, resource.product, resource.scope, request.request_id, "
            + "request.method, request.uri, request.status_code, zone_id, metadata.<key>, schema_version)");
    assertThat(errors("{\"where\": {\"key\": \"actor\", \"operator\": \"eq\", \"value\": \"x\"}}")).hasSize(1);
    assertThat(errors("{\"where\": {\"key\": \"metadata.9\", \"operator\": \"eq\", \"value\": \"x\"}}")).containsExactly(
        "filter.where.key: 'metadata.9' (expected: metadata.<key> with a key of a letter and up to 63 letters, digits, "
            + "'_', '.' or '-')");
    assertThat(errors("{\"where\": {\"key\": 3, \"operator\": \"eq\", \"value\": \"x\"}}"))
        .containsExactly("filter.where.key: 3 (expected: a field name such as action.type)");
  }

  @Test
  void valuesMustSuitTheOperator() {
    assertThat(errors(leaf("id", "in", "\"x\""))).containsExactly("filter.where.value: 'x' (expected: a non-empty array for in)");
    assertThat(errors(leaf("id", "!in", "[]"))).containsExactly("filter.where.value: [] (expected: a non-empty array for !in)");
    assertThat(errors(leaf("id", "eq", "[\"x\"]")))
        .containsExactly("filter.where.value: [\"x\"] (expected: a single value for eq; arrays only with in and !in)");
    assertThat(errors(leaf("id", "lt", "null")))
        .containsExactly("filter.where.value: null (expected: a string for id; null only with eq and !eq)");
    assertThat(errors(leaf("id", "in", "[\"a\", null]")))
        .containsExactly("filter.where.value[1]: null (expected: a string for id)");
    assertThat(errors("{\"where\": {\"key\": \"id\", \"operator\": \"eq\"}}"))
        .containsExactly("filter.where.value: missing (expected: a value, or null to match a null field)");
  }

  @Test
  void valuesMustSuitTheFieldsKind() {
    assertThat(errors(leaf("zone_id", "eq", "5"))).containsExactly("filter.where.value: 5 (expected: a string for zone_id)");
    assertThat(errors(leaf("request.status_code", "eq", "\"200\"")))
        .containsExactly("filter.where.value: '200' (expected: an integer for request.status_code)");
    assertThat(errors(leaf("request.status_code", "gt", "199.5")))
        .containsExactly("filter.where.value: 199.5 (expected: an integer for request.status_code)");
    assertThat(errors(leaf("schema_version", "in", "[1, true]")))
        .containsExactly("filter.where.value[1]: true (expected: an integer for schema_version)");
    assertThat(errors(leaf("action.occurred_at", "gt", "\"yesterday\""))).containsExactly("filter.where.value: "
        + "'yesterday' (expected: an RFC 3339 timestamp such as 2025-01-31T12:00:00Z for action.occurred_at)");
    assertThat(errors(leaf("action.occurred_at", "lt", "\"2025-02-30T00:00:00Z\""))).hasSize(1);
    assertThat(errors(leaf("request.status_code", "contains", "\"20\""))).containsExactly("filter.where.operator: "
        + "'contains' (expected: one of eq, !eq, lt, leq, gt, geq, in, !in for number field request.status_code)");
  }

  @Test
  void theShapeOfEachNodeIsChecked() {
    assertThat(errors("[]")).containsExactly("filter: [] (expected: an object with where)");
    assertThat(errors("{}")).containsExactly(
        "filter.where: missing (expected: an object with and, or, or key, operator and value)");
    assertThat(errors("{\"where\": {\"and\": []}, \"limit\": 1}")).containsExactly(
        "filter.limit: unknown key (expected: where)",
        "filter.where.and: [] (expected: a non-empty array of conditions)");
    assertThat(errors("{\"where\": {\"or\": {\"key\": \"id\"}}}")).containsExactly(
        "filter.where.or: {\"key\":\"id\"} (expected: a non-empty array of conditions)");
    assertThat(errors("{\"where\": {\"and\": [1]}}")).containsExactly(
        "filter.where.and[0]: 1 (expected: an object with and, or, or key, operator and value)");
    assertThat(errors("{\"where\": {\"and\": [], \"key\": \"id\"}}")).containsExactly(
        "filter.where: keys and, key together (expected: only and, only or, or key, operator and value)");
    assertThat(errors("{\"where\": {\"key\": \"id\", \"operator\": \"eq\", \"value\": \"x\", \"op\": 1}}"))
        .containsExactly("filter.where.op: unknown key (expected: key, operator, value)");
  }

  @Test
  void nestingDeeperThanEightLevelsIsRejected() {
    String leaf = "{\"key\": \"id\", \"operator\": \"eq\", \"value\": \"x\"}";
    String eight = "{\"and\": [".repeat(7) + leaf + "]}".repeat(7);
    assertThat(Filter.parse(Filters.read("{\"where\": " + eight + "}"))).isInstanceOf(FilterParse.Valid.class);
    String nine = "{\"and\": [".repeat(8) + leaf + "]}".repeat(8);
    assertThat(errors("{\"where\": " + nine + "}")).containsExactly(
        "filter.where" + ".and[0]".repeat(8) + ": nested 9 levels deep (expected: at most 8)");
  }

  @Test
  void moreThanFiftyConditionsAreRejected() {
    String leaf = "{\"key\": \"id\", \"operator\": \"eq\", \"value\": \"x\"}";
    String fifty = String.join(",", Collections.nCopies(50, leaf));
    assertThat(Filter.parse(Filters.read("{\"where\": {\"or\": [" + fifty + "]}}"))).isInstanceOf(FilterParse.Valid.class);
    assertThat(errors("{\"where\": {\"or\": [" + fifty + ", {\"and\": [" + leaf + "]}]}}"))
        .containsExactly("filter.where: 51 conditions (expected: at most 50)");
  }

  @Test
  void inListsOfMoreThanAThousandValuesAreRejected() {
    String thousand = IntStream.range(0, 1000).mapToObj(Integer::toString).collect(Collectors.joining(","));
    assertThat(Filter.parse(Filters.read(leaf("schema_version", "in", "[" + thousand + "]"))))
        .isInstanceOf(FilterParse.Valid.class);
    assertThat(errors(leaf("schema_version", "!in", "[" + thousand + ",1000]")))
        .containsExactly("filter.where.value: 1001 values (expected: at most 1000)");
  }

  @Test
  void stringsLongerThan1024CharactersAreRejected() {
    assertThat(Filter.parse(Filters.read(leaf("id", "eq", "\"" + "a".repeat(1024) + "\""))))
        .isInstanceOf(FilterParse.Valid.class);
    assertThat(errors(leaf("id", "eq", "\"" + "a".repeat(1025) + "\"")))
        .containsExactly("filter.where.value: a string of 1025 characters (expected: at most 1024)");
    assertThat(errors(leaf("id", "in", "[\"a\", \"" + "a".repeat(2000) + "\"]")))
        .containsExactly("filter.where.value[1]: a string of 2000 characters (expected: at most 1024)");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThat(errors("""
        {"where": {"or": [{"key": "nope", "operator": "eq", "value": "x"},
                          {"key": "id", "operator": "like", "value": "x"},
                          {"key": "schema_version", "operator": "eq", "value": "one"}]}}""")).hasSize(3)
        .allSatisfy(e -> assertThat(e).startsWith("filter.where.or["));
  }

  private static String leaf(String key, String operator, String value) {
    return "{\"where\": {\"key\": \"%s\", \"operator\": \"%s\", \"value\": %s}}".formatted(key, operator, value);
  }
}
