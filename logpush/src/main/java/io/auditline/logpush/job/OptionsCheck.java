package io.auditline.logpush.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/** The outcome of validating a job's {@code output_options} or {@code filter} object. */
public sealed interface OptionsCheck {

  /** The object as it will be stored, defaults filled in. */
  record Valid(ObjectNode normalised) implements OptionsCheck {
    public Valid {
      Objects.requireNonNull(normalised, "normalised");
    }
  }

  /**
   * Why the object is invalid: each error is {@code "<path>: <reason>"} with the path relative to the
   * object ({@code "format: ..."}, {@code "where.and[0].operator: ..."}), or {@code ": <reason>"} for
   * the object itself; the API prefixes the field name ({@code output_options.format}).
   */
  record Invalid(List<String> errors) implements OptionsCheck {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("errors: empty (expected: at least one)");
      }
    }
  }
}
