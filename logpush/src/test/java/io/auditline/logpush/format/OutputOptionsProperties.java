package io.auditline.logpush.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OutputOptionsProperties {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Property
  void optionsRoundTripThroughTheirJson(@ForAll("options") OutputOptions options) throws Exception {
    assertThat(OutputOptions.parse(options.toJson())).isEqualTo(new OptionsParse.Valid(options));
    // Through text too, as the REST API stores and returns it.
    String text = MAPPER.writeValueAsString(options.toJson());
    assertThat(OutputOptions.parse(MAPPER.readTree(text))).isEqualTo(new OptionsParse.Valid(options));
  }

  @Property
  void anyJsonIsAcceptedOrRejectedWithPathedMessages(@ForAll("anyOptions") String json) throws Exception {
    if (OutputOptions.parse(MAPPER.readTree(json)) instanceof OptionsParse.Invalid invalid) {
      assertThat(invalid.errors()).allSatisfy(e -> assertThat(e).startsWith("output_options").contains("(expected: "));
    }
  }

  @Provide
  Arbitrary<OutputOptions> options() {
    Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(FieldNames.SELECTABLE),
        Arbitraries.strings().withCharRange('a', 'z').withChars("_.-").ofMinLength(1).ofMaxLength(63)
            .map(k -> FieldNames.METADATA_PREFIX + "k" + k))
        .filter(n -> !n.equals("metadata.<key>"));
    Arbitrary<List<String>> fields = names.set().ofMaxSize(12).map(List::copyOf);
    Arbitrary<Double> rates = Arbitraries.oneOf(Arbitraries.doubles().between(0, false, 1, true),
        Arbitraries.of(1.0, Double.MIN_VALUE, 0.1));
    Arbitrary<OptionalInt> levels = Arbitraries.integers().between(0, 9).map(l -> l == 0 ? OptionalInt.empty() : OptionalInt.of(l));
    return Combinators.combine(fields, Arbitraries.of(OutputFormat.class), Arbitraries.of(TimestampFormat.class), rates,
        Arbitraries.of(Compression.class), levels).as((f, format, ts, rate, compression, level) ->
        new OutputOptions(f, format, ts, rate, compression, compression == Compression.GZIP ? level : OptionalInt.empty()));
  }

  @Provide
  Arbitrary<String> anyOptions() {
    Arbitrary<String> keys = Arbitraries.of("fields", "format", "timestamp_format", "sample_rate", "compression",
        "gzip_level", "x");
    Arbitrary<String> values = Arbitraries.of("null", "1", "0", "2.5", "-1", "\"csv\"", "\"unix\"", "\"zstd\"",
        "\"none\"", "[]", "[\"id\"]", "[\"nope\", 3]", "{}", "true", "\"\"");
    return Combinators.combine(keys, values).as((k, v) -> "\"" + k + "\":" + v).list().ofMaxSize(5)
        .map(pairs -> "{" + String.join(",", pairs) + "}");
  }
}
