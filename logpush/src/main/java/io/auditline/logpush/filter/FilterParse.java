package io.auditline.logpush.filter;

import java.util.List;
import java.util.Objects;

/** The outcome of parsing a job's {@code filter}. */
public sealed interface FilterParse {

  record Valid(Filter filter) implements FilterParse {
    public Valid {
      Objects.requireNonNull(filter, "filter");
    }
  }

  /** Every problem found, each naming its JSON path, e.g. {@code filter.where.and[1].operator: 'equals' (expected: ...)}. */
  record Invalid(List<String> errors) implements FilterParse {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("errors: [] (expected: at least one)");
      }
    }
  }
}
