package io.auditline.client;

import java.util.Objects;

/** The server's confirmation that an event is durable: either written now or already written before. */
public sealed interface Acknowledgement {

    /** The event's id as sent. */
    String id();

    /** The event was written by this call. */
    record Accepted(String id) implements Acknowledgement {
        public Accepted {
            Objects.requireNonNull(id, "id");
        }
    }

    /** An event with this id was written before; nothing was written twice. Producers treat it as success. */
    record Duplicate(String id) implements Acknowledgement {
        public Duplicate {
            Objects.requireNonNull(id, "id");
        }
    }
}
