package io.auditline.ingest;

import io.auditline.platform.config.DataSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the ingest role; {@code null} (absent in the file) takes the default.
 *
 * @param host address the gRPC server binds to
 * @param port gRPC port; 0 picks a free one
 * @param producersFile YAML file mapping producer identities to what they may write
 * @param maxRequestSize largest request message accepted (gRPC answers RESOURCE_EXHAUSTED above it)
 * @param maxEventsPerRequest largest batch
 * @param maxEventSize largest encoded event
 * @param rateEventsPerSecond events per second per producer
 * @param rateBurstEvents events a producer may send at once; at least maxEventsPerRequest
 * @param idempotencyWindow how long an acknowledged event id is remembered
 * @param idempotencyMaxKeys how many ids are remembered at most
 * @param drainTimeout how long in-flight RPCs may take to finish at shutdown
 */
public record IngestConfig(
    String host,
    Integer port,
    Path producersFile,
    DataSize maxRequestSize,
    Integer maxEventsPerRequest,
    DataSize maxEventSize,
    Double rateEventsPerSecond,
    Integer rateBurstEvents,
    Duration idempotencyWindow,
    Long idempotencyMaxKeys,
    Duration drainTimeout) {

  public IngestConfig {
    host = Objects.requireNonNullElse(host, "0.0.0.0");
    port = Objects.requireNonNullElse(port, 7443);
    maxRequestSize = Objects.requireNonNullElse(maxRequestSize, DataSize.ofMebibytes(4));
    maxEventsPerRequest = Objects.requireNonNullElse(maxEventsPerRequest, 1000);
    maxEventSize = Objects.requireNonNullElse(maxEventSize, DataSize.ofKibibytes(64));
    rateEventsPerSecond = Objects.requireNonNullElse(rateEventsPerSecond, 100_000.0);
    rateBurstEvents = Objects.requireNonNullElse(rateBurstEvents, 200_000);
    idempotencyWindow = Objects.requireNonNullElse(idempotencyWindow, Duration.ofMinutes(10));
    idempotencyMaxKeys = Objects.requireNonNullElse(idempotencyMaxKeys, 2_000_000L);
    drainTimeout = Objects.requireNonNullElse(drainTimeout, Duration.ofSeconds(20));
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
    }
    if (maxRequestSize.toBytes() < 64 * 1024 || maxRequestSize.toBytes() > 64L * 1024 * 1024) {
      throw new IllegalArgumentException("maxRequestSize: " + maxRequestSize + " (expected: 64KiB..64MiB)");
    }
    if (rateBurstEvents < maxEventsPerRequest) {
      throw new IllegalArgumentException(
          "rateBurstEvents: " + rateBurstEvents + " (expected: >= maxEventsPerRequest " + maxEventsPerRequest
              + ", or a full batch could never pass)");
    }
    if (maxEventSize.toBytes() > maxRequestSize.toBytes()) {
      throw new IllegalArgumentException(
          "maxEventSize: " + maxEventSize + " (expected: <= maxRequestSize " + maxRequestSize + ")");
    }
  }

  /** All defaults, with the given producers file. */
  public static IngestConfig defaults(Path producersFile) {
    return new IngestConfig(null, null, producersFile, null, null, null, null, null, null, null, null);
  }

  public IngestConfig withPort(int newPort) {
    return new IngestConfig(
        host, newPort, producersFile, maxRequestSize, maxEventsPerRequest, maxEventSize, rateEventsPerSecond,
        rateBurstEvents, idempotencyWindow, idempotencyMaxKeys, drainTimeout);
  }
}
