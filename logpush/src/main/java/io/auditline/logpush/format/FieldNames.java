package io.auditline.logpush.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dotted names that output options select and filters test: every {@link EventField}, the objects
 * that enclose them ({@code actor}, {@code action}, {@code resource}, {@code request}), {@code metadata}
 * and {@code metadata.<key>}.
 */
public final class FieldNames {

  public static final String METADATA = "metadata";
  public static final String METADATA_PREFIX = "metadata.";
  /** The proto's rule for metadata keys, so a name can only select a key that an event can hold. */
  private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
  private static final String BAD_METADATA_KEY =
      "(expected: metadata.<key> with a key of a letter and up to 63 letters, digits, '_', '.' or '-')";

  /** Names {@code fields} accepts, in the shape's order; {@code metadata.<key>} stands for any key. */
  public static final List<String> SELECTABLE = names(true);
  /** Names a filter's {@code key} accepts: the scalar ones. */
  public static final List<String> FILTERABLE = names(false);

  private FieldNames() {}

  /** Empty when {@code fields} may hold the name, else what was expected instead. */
  public static Optional<String> selectableProblem(String name) {
    return SELECTABLE.contains(name) && !name.equals(METADATA_PREFIX + "<key>") ? Optional.empty()
        : name.startsWith(METADATA_PREFIX) ? metadataProblem(name)
        : Optional.of("(expected: one of " + String.join(", ", SELECTABLE) + ")");
  }

  /** Empty when a filter may test the name, else what was expected instead. */
  public static Optional<String> filterableProblem(String name) {
    return EventField.byName(name).isPresent() ? Optional.empty()
        : name.startsWith(METADATA_PREFIX) ? metadataProblem(name)
        : Optional.of("(expected: one of " + String.join(", ", FILTERABLE) + ")");
  }

  /** Whether the name is an enclosing object rather than a scalar field. */
  static boolean isGroup(String name) {
    return name.equals("actor") || name.equals("action") || name.equals("resource") || name.equals("request");
  }

  private static Optional<String> metadataProblem(String name) {
    return METADATA_KEY.matcher(name.substring(METADATA_PREFIX.length())).matches()
        ? Optional.empty() : Optional.of(BAD_METADATA_KEY);
  }

  private static List<String> names(boolean withObjects) {
    List<String> names = new ArrayList<>();
    String group = null;
    for (EventField f : EventField.values()) {
      if (f == EventField.SCHEMA_VERSION) {
        if (withObjects) {
          names.add(METADATA);
        }
        names.add(METADATA_PREFIX + "<key>");
      }
      if (withObjects && f.group() != null && !f.group().equals(group)) {
        names.add(f.group());
      }
      group = f.group();
      names.add(f.dotted());
    }
    return List.copyOf(names);
  }
}
