package io.auditline.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.ingest.testing.Events;
import io.auditline.ingest.testing.IngestHarness;
import io.auditline.ingest.testing.Topics;
import io.auditline.proto.v1.EventResult;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import io.auditline.testkit.tls.TestPki;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Closing the lifecycle (what SIGTERM does) under load loses no acknowledged event. */
class GracefulShutdownIT {

  @Test
  void everyEventAcknowledgedBeforeShutdownIsInKafka() throws Exception {
    String topic = KafkaTestSupport.uniqueTopicName("drain-it");
    IngestHarness ingest = IngestHarness.start(SharedKafka.bootstrapServers(), topic, IngestHarness.PRODUCERS, c -> c);
    IngestServiceBlockingStub billing = ingest.stub(TestPki.client(TestPki.BILLING));
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch someAcknowledged = new CountDownLatch(20);
    ExecutorService senders = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      senders.submit(() -> {
        while (!stop.get()) {
          IngestRequest request =
              IngestRequest.newBuilder().addAllEvents(IntStream.range(0, 20).mapToObj(i -> Events.valid().build()).toList()).build();
          try {
            for (EventResult result : billing.ingest(request).getResultsList()) {
              acknowledged.add(result.getId());
            }
            someAcknowledged.countDown();
          } catch (StatusRuntimeException refusedDuringShutdown) {
            // expected once the server stops accepting calls; those events were not acknowledged
          }
        }
      });
    }
    assertThat(someAcknowledged.await(60, TimeUnit.SECONDS)).isTrue();

    ingest.close();
    stop.set(true);
    senders.shutdown();
    assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    List<String> written = Topics.ids(Topics.records(SharedKafka.bootstrapServers(), topic, acknowledged.size()));
    assertThat(written).containsAll(acknowledged);
  }
}
