package io.auditline.logpush.destination;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key prefix with placeholders: {@code {DATE}} (UTC {@code yyyyMMdd}), {@code {HOUR}} ({@code
 * HH}) and {@code {JOB}} (the job id). Placeholders expand with the time of a batch's first record,
 * so a retried batch lands under the same key.
 */
public record KeyTemplate(String template) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Set<String> KNOWN = Set.of("DATE", "HOUR", "JOB");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);

  public KeyTemplate {
    Objects.requireNonNull(template, "template");
    problem(template).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
  }

  public static KeyTemplate empty() {
    return new KeyTemplate("");
  }

  /** Why {@code template} is not a valid key prefix, if it is not. */
  public static Optional<String> problem(String template) {
    if (template.startsWith("/")) {
      return Optional.of("key prefix '%s' starts with '/' (expected: a relative prefix)".formatted(template));
    }
    if (template.contains("..") || template.contains("//")) {
      return Optional.of("key prefix '%s' contains '..' or '//' (expected: plain path segments)".formatted(template));
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!KNOWN.contains(m.group(1))) {
        return Optional.of("unknown placeholder {%s} in '%s' (expected: {DATE}, {HOUR} or {JOB})".formatted(m.group(1), template));
      }
    }
    String rest = PLACEHOLDER.matcher(template).replaceAll("");
    if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
      return Optional.of("unbalanced brace in key prefix '%s'".formatted(template));
    }
    return Optional.empty();
  }

  /** The prefix for a batch whose first record has time {@code at}; ends with '/' unless empty. */
  public String expand(Instant at, String jobId) {
    if (template.isEmpty()) {
      return "";
    }
    String expanded = template.replace("{DATE}", DATE.format(at)).replace("{HOUR}", HOUR.format(at)).replace("{JOB}", jobId);
    return expanded.endsWith("/") ? expanded : expanded + "/";
  }
}
