package io.auditline.logpush.format;

import java.util.List;
import java.util.Objects;

/** The outcome of parsing a job's {@code output_options}. */
public sealed interface OptionsParse {

  record Valid(OutputOptions options) implements OptionsParse {
    public Valid {
      Objects.requireNonNull(options, "options");
    }
  }

  /** Every problem found, each naming its JSON path, e.g. {@code output_options.sample_rate: 0 (expected: 0 < rate <= 1)}. */
  record Invalid(List<String> errors) implements OptionsParse {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("errors: [] (expected: at least one)");
      }
    }
  }
}
