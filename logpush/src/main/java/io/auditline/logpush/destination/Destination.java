package io.auditline.logpush.destination;

import java.util.Optional;

/**
 * A customer's storage that Logpush writes batches to. One instance per job, used by one thread at a
 * time; {@link #close()} releases its clients.
 *
 * <p>Writing the same {@link Upload#key()} twice must leave one object holding the last body (object
 * stores) or be recognisable as a repeat by the receiver ({@link Upload#idempotencyKey()} for HTTP):
 * the delivery engine derives keys from stable Kafka positions and relies on that to deliver every
 * event exactly once after a retry or a crash.
 */
public interface Destination extends AutoCloseable {

  /** Writes one object; never throws for failures of the destination, which are outcomes. */
  UploadOutcome upload(Upload upload);

  /**
   * Reads an object back, for the ownership check that needs no human step; empty when this kind of
   * destination cannot be read (HTTPS endpoints) or the object does not exist.
   */
  default ReadOutcome read(String key) {
    return new ReadOutcome.Unsupported("this destination cannot be read back");
  }

  /** The destination as shown to people: the URI with every secret replaced. */
  String describe();

  @Override
  default void close() {}

  /** The answer to {@link #read(String)}. */
  sealed interface ReadOutcome {
    /** The object's bytes. */
    record Found(byte[] body) implements ReadOutcome {}

    /** No such object, or it could not be read. */
    record Failed(String reason) implements ReadOutcome {}

    /** The destination cannot be read at all. */
    record Unsupported(String reason) implements ReadOutcome {}

    /** The body when found. */
    default Optional<byte[]> found() {
      return this instanceof Found f ? Optional.of(f.body()) : Optional.empty();
    }
  }
}
