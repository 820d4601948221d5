package io.auditline.detect.policy;

import io.auditline.store.query.InvalidParam;
import java.util.List;

/** The outcome of reading a policy body: a spec, or every invalid field named by its JSON path. */
public sealed interface ParsedPolicy {

  record Valid(PolicySpec spec) implements ParsedPolicy {}

  record Invalid(List<InvalidParam> fields) implements ParsedPolicy {
    public Invalid {
      fields = List.copyOf(fields);
    }
  }
}
