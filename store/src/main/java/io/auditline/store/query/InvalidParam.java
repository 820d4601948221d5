package io.auditline.store.query;

import java.util.Objects;

/** One rejected query parameter: its name and why, including the value given and what was expected. */
public record InvalidParam(String name, String reason) {

  public InvalidParam {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
  }
}
