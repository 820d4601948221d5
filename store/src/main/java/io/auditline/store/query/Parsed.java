package io.auditline.store.query;

import java.util.List;
import java.util.Objects;

/** The outcome of parsing request parameters: a value, or every parameter that was wrong. */
public sealed interface Parsed<T> {

  record Valid<T>(T value) implements Parsed<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }
  }

  record Invalid<T>(List<InvalidParam> params) implements Parsed<T> {
    public Invalid {
      params = List.copyOf(params);
      if (params.isEmpty()) {
        throw new IllegalArgumentException("params: [] (expected: at least one invalid parameter)");
      }
    }
  }
}
