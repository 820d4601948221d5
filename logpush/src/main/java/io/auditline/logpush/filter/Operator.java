package io.auditline.logpush.filter;

import io.auditline.logpush.format.EventField;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A comparison in a filter condition, named as in Cloudflare Logpush filters. */
public enum Operator {
  EQ("eq"),
  NOT_EQ("!eq"),
  LT("lt"),
  LEQ("leq"),
  GT("gt"),
  GEQ("geq"),
  STARTS_WITH("startsWith"),
  ENDS_WITH("endsWith"),
  CONTAINS("contains"),
  IN("in"),
  NOT_IN("!in");

  private final String wire;

  Operator(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<Operator> fromWire(String wire) {
    return Arrays.stream(values()).filter(o -> o.wire.equals(wire)).findFirst();
  }

  /** {@code !eq} and {@code !in} are the exact complements of {@code eq} and {@code in}, null fields included. */
  public boolean negated() {
    return this == NOT_EQ || this == NOT_IN;
  }

  /** {@code in} and {@code !in} take an array; every other operator a single value. */
  public boolean takesList() {
    return this == IN || this == NOT_IN;
  }

  /** Substring operators, which work on text: strings, and timestamps as their RFC 3339 UTC text. */
  public boolean textual() {
    return this == STARTS_WITH || this == ENDS_WITH || this == CONTAINS;
  }

  /** Whether this operator can test a field of that kind; numbers have no substrings. */
  public boolean appliesTo(EventField.Kind kind) {
    return kind != EventField.Kind.NUMBER || !textual();
  }

  static String wireNames(EventField.Kind kind) {
    return Arrays.stream(values()).filter(o -> o.appliesTo(kind)).map(Operator::wire).collect(Collectors.joining(", "));
  }
}
