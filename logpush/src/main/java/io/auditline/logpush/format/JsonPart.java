package io.auditline.logpush.format;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.List;

/** One top-level member of the JSON object a job writes per event. */
sealed interface JsonPart {

  /** A top-level scalar such as {@code id}. */
  record Field(EventField field) implements JsonPart {}

  /** An enclosing object with the selected members; {@code orNull} when it is null for events without one. */
  record Group(SerializedString name, boolean orNull, List<EventField> fields) implements JsonPart {}

  /** The whole metadata object, keys sorted as EventJson sorts them. */
  record AllMetadata() implements JsonPart {}

  /** Selected metadata keys, sorted; a key the event lacks is written as null so every line has one shape. */
  record MetadataKeys(List<SerializedString> keys) implements JsonPart {}
}
