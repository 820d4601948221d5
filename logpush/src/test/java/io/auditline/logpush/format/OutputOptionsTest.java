package io.auditline.logpush.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OutputOptionsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void absentOptionsAndAbsentKeysMeanTheDefaults() {
    assertThat(OutputOptions.parse(null)).isEqualTo(new OptionsParse.Valid(OutputOptions.defaults()));
    assertThat(OutputOptions.parse(MissingNode.getInstance())).isEqualTo(new OptionsParse.Valid(OutputOptions.defaults()));
    assertThat(OutputOptions.parse(NullNode.getInstance())).isEqualTo(new OptionsParse.Valid(OutputOptions.defaults()));
    assertThat(valid("{}")).isEqualTo(OutputOptions.defaults());
    assertThat(valid("{\"format\":null}")).isEqualTo(OutputOptions.defaults());
    OutputOptions defaults = OutputOptions.defaults();
    assertThat(defaults.fields()).isEmpty();
    assertThat(defaults.format()).isEqualTo(OutputFormat.NDJSON);
    assertThat(defaults.timestampFormat()).isEqualTo(TimestampFormat.RFC3339);
    assertThat(defaults.sampleRate()).isEqualTo(1.0);
    assertThat(defaults.compression()).isEqualTo(Compression.GZIP);
    assertThat(defaults.effectiveGzipLevel()).isEqualTo(1);
  }

  @Test
  void everyOptionIsReadByItsSnakeCaseKey() {
    OutputOptions options = valid("""
        {"fields": ["id", "actor.email", "metadata.ticket", "request"], "format": "csv",
         "timestamp_format": "unixnano", "sample_rate": 0.25, "compression": "gzip", "gzip_level": 6}""");
    assertThat(options).isEqualTo(new OutputOptions(List.of("id", "actor.email", "metadata.ticket", "request"),
        OutputFormat.CSV, TimestampFormat.UNIX_NANO, 0.25, Compression.GZIP, OptionalInt.of(6)));
    assertThat(valid("{\"timestamp_format\": \"unix\", \"compression\": \"zstd\"}"))
        .extracting(OutputOptions::timestampFormat, OutputOptions::compression)
        .containsExactly(TimestampFormat.UNIX, Compression.ZSTD);
    assertThat(valid("{\"compression\": \"none\", \"sample_rate\": 1}").compression()).isEqualTo(Compression.NONE);
  }

  @Test
  void sampleRateOutsideZeroToOneIsRejectedWithItsPath() {
    assertThat(errors("{\"sample_rate\": 0}")).containsExactly("output_options.sample_rate: 0 (expected: 0 < rate <= 1)");
    assertThat(errors("{\"sample_rate\": 1.01}")).containsExactly("output_options.sample_rate: 1.01 (expected: 0 < rate <= 1)");
    assertThat(errors("{\"sample_rate\": \"0.5\"}"))
        .containsExactly("output_options.sample_rate: '0.5' (expected: a number with 0 < rate <= 1)");
  }

  @Test
  void unknownKeysAreRejectedByName() {
    assertThat(errors("{\"colour\": \"red\"}")).containsExactly("output_options.colour: unknown option (expected: one of "
        + "fields, format, timestamp_format, sample_rate, compression, gzip_level)");
  }

  @Test
  void unknownFieldsAreRejectedListingTheValidOnes() {
    assertThat(errors("{\"fields\": [\"id\", \"actor.mail\"]}")).containsExactly(
        "output_options.fields[1]: 'actor.mail' (expected: one of id, account_id, actor, actor.type, actor.id, "
            + "actor.email, actor.ip, actor.user_agent, actor.token_id, actor.token_name, action, action.type, "
            + "action.description, action.result, action.occurred_at, resource, resource.type, resource.id, "
            + "resource.product, resource.scope, request, request.request_id, request.method, request.uri, "
            + "request.status_code, zone_id, metadata, metadata.<key>, schema_version)");
  }

  @Test
  void badFieldListsAreRejectedPrecisely() {
    assertThat(errors("{\"fields\": [\"metadata.9lives\"]}")).containsExactly("output_options.fields[0]: "
        + "'metadata.9lives' (expected: metadata.<key> with a key of a letter and up to 63 letters, digits, '_', '.' or '-')");
    assertThat(errors("{\"fields\": [\"metadata.<key>\"]}")).hasSize(1);
    assertThat(errors("{\"fields\": [\"id\", \"id\"]}")).containsExactly("output_options.fields[1]: 'id' (expected: each field once)");
    assertThat(errors("{\"fields\": [7]}")).containsExactly("output_options.fields[0]: 7 (expected: a field name)");
    assertThat(errors("{\"fields\": \"id\"}")).containsExactly("output_options.fields: 'id' (expected: an array of field names)");
    assertThat(errors("{\"fields\": [" + "\"id\",".repeat(100) + "\"id\"]}"))
        .containsExactly("output_options.fields: 101 names (expected: at most 100)");
  }

  @Test
  void unknownWordsAreRejectedListingTheValidOnes() {
    assertThat(errors("{\"format\": \"xml\", \"timestamp_format\": \"iso\", \"compression\": \"brotli\"}")).containsExactly(
        "output_options.format: 'xml' (expected: one of ndjson, csv)",
        "output_options.timestamp_format: 'iso' (expected: one of rfc3339, unix, unixnano)",
        "output_options.compression: 'brotli' (expected: one of gzip, zstd, none)");
    assertThat(errors("{\"format\": 1}")).containsExactly("output_options.format: 1 (expected: one of ndjson, csv)");
  }

  @Test
  void gzipLevelMustBeOneToNineAndOnlyWithGzip() {
    assertThat(errors("{\"gzip_level\": 0}")).containsExactly("output_options.gzip_level: 0 (expected: an integer 1..9)");
    assertThat(errors("{\"gzip_level\": 2.5}")).containsExactly("output_options.gzip_level: 2.5 (expected: an integer 1..9)");
    assertThat(errors("{\"gzip_level\": 5, \"compression\": \"zstd\"}"))
        .containsExactly("output_options.gzip_level: 5 (expected: only with compression gzip, not zstd)");
    assertThat(valid("{\"gzip_level\": 9}").effectiveGzipLevel()).isEqualTo(9);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThat(errors("{\"format\": \"xml\", \"sample_rate\": -1, \"x\": 1}")).hasSize(3);
    assertThat(errors("[]")).containsExactly("output_options: [] (expected: an object)");
  }

  @Test
  void theConstructorEnforcesTheSameRules() {
    assertThatThrownBy(() -> new OutputOptions(List.of("nope"), OutputFormat.CSV, TimestampFormat.UNIX, 1, Compression.NONE,
        OptionalInt.empty())).hasMessageStartingWith("fields[0]: 'nope' (expected: one of id, ");
    assertThatThrownBy(() -> new OutputOptions(List.of(), OutputFormat.CSV, TimestampFormat.UNIX, 0, Compression.NONE,
        OptionalInt.empty())).hasMessage("sample_rate: 0.0 (expected: 0 < rate <= 1)");
    assertThatThrownBy(() -> new OutputOptions(List.of(), OutputFormat.CSV, TimestampFormat.UNIX, 1, Compression.NONE,
        OptionalInt.of(3))).hasMessage("gzip_level: 3 (expected: only with compression gzip, not none)");
    assertThatThrownBy(() -> new OutputOptions(List.of(), OutputFormat.CSV, TimestampFormat.UNIX, 1, Compression.GZIP,
        OptionalInt.of(10))).hasMessage("gzip_level: 10 (expected: 1..9)");
  }

  @Test
  void toJsonWritesEveryKeyInSnakeCase() throws Exception {
    assertThat(OutputOptions.defaults().toJson()).isEqualTo(MAPPER.readTree("""
        {"fields": [], "format": "ndjson", "timestamp_format": "rfc3339", "sample_rate": 1.0, "compression": "gzip"}"""));
  }

  private static OutputOptions valid(String json) {
    return switch (OutputOptions.parse(read(json))) {
      case OptionsParse.Valid v -> v.options();
      case OptionsParse.Invalid i -> throw new AssertionError(i.errors());
    };
  }

  private static List<String> errors(String json) {
    return switch (OutputOptions.parse(read(json))) {
      case OptionsParse.Valid v -> throw new AssertionError("accepted: " + v.options());
      case OptionsParse.Invalid i -> i.errors();
    };
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
