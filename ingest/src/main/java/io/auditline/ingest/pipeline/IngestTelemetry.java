package io.auditline.ingest.pipeline;

/** What ingestion reports about itself; label values are bounded (known producers, fixed reasons). */
public interface IngestTelemetry {

  /** {@code count} events of {@code producer} ended with {@code outcome} for {@code reason}. */
  void events(String producer, String outcome, String reason, int count);

  /** One Kafka append took {@code nanos}, acknowledged or not. */
  void produced(long nanos, boolean acknowledged);

  /** One RPC finished with gRPC status {@code code} after {@code nanos}. */
  void rpc(String code, long nanos);

  static IngestTelemetry noop() {
    return new IngestTelemetry() {
      @Override
      public void events(String producer, String outcome, String reason, int count) {}

      @Override
      public void produced(long nanos, boolean acknowledged) {}

      @Override
      public void rpc(String code, long nanos) {}
    };
  }
}
