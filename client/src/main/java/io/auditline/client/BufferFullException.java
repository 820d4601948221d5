package io.auditline.client;

import java.io.Serial;
import java.time.Duration;

/**
 * Thrown by {@link AuditlineClient#send} when {@code maxBufferedEvents} events are still unacknowledged
 * and none was acknowledged within {@code bufferTimeout}: the server is slower than the producer.
 */
public final class BufferFullException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    BufferFullException(int maxBufferedEvents, Duration bufferTimeout) {
        super("buffer full: " + maxBufferedEvents + " events unacknowledged after waiting " + bufferTimeout
                + " (raise maxBufferedEvents or bufferTimeout, or slow down)");
    }

    BufferFullException(String message) {
        super(message);
    }
}
