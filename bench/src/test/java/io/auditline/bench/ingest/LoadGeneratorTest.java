package io.auditline.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

  private static final int PRODUCERS = 3;

  private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger concurrent = new AtomicInteger();
  private final AtomicInteger maxConcurrent = new AtomicInteger();
  private final AtomicInteger received = new AtomicInteger();
  private final List<ManagedChannel> channels = new ArrayList<>();
  private Server server;

  @AfterEach
  void tearDown() throws InterruptedException {
    channels.forEach(ManagedChannel::shutdownNow);
    if (server != null) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    answers.shutdownNow();
  }

  @Test
  void closedLoopKeepsAtMostOutstandingRpcsInFlightPerProducer() throws Exception {
    start(true);

    LoadGenerator.Result result = new LoadGenerator(channels, new EventFactory(500), 5, new LoadGenerator.Pace.Closed(2))
        .run(Duration.ofMillis(100), Duration.ofMillis(300));

    assertThat(result.rpcs()).isPositive();
    assertThat(result.events()).isEqualTo(result.rpcs() * 5);
    assertThat(maxConcurrent.get()).isBetween(2, PRODUCERS * 2);
  }

  @Test
  void openLoopSendsOnScheduleEvenWhenTheServerDoesNotAnswer() throws Exception {
    start(false);

    // A closed loop would stop at PRODUCERS x outstanding RPCs; an open loop keeps sending until too many wait.
    assertThatThrownBy(() -> new LoadGenerator(channels, new EventFactory(500), 1, new LoadGenerator.Pace.Open(1_000_000))
            .run(Duration.ofSeconds(60), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot keep up");
    assertThat(received.get()).isGreaterThan((int) LoadGenerator.MAX_OPEN_IN_FLIGHT / 2);
  }

  @Test
  void openLoopCountsEveryAcknowledgedEventOfTheWindow() throws Exception {
    start(true);

    LoadGenerator.Result result = new LoadGenerator(channels, new EventFactory(500), 4, new LoadGenerator.Pace.Open(500))
        .run(Duration.ofMillis(100), Duration.ofMillis(500));

    assertThat(result.rpcs()).isPositive();
    assertThat(result.events()).isEqualTo(result.rpcs() * 4);
    assertThat(result.latencyMicros().getTotalCount()).isPositive();
  }

  /** An in-process Ingest service that accepts every event 1 ms after it arrives, or never answers. */
  private void start(boolean answer) throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name)
        .addService(new IngestServiceGrpc.IngestServiceImplBase() {
          @Override
          public void ingest(IngestRequest request, StreamObserver<IngestResponse> response) {
            received.incrementAndGet();
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            if (answer) {
              answers.schedule(() -> {
                concurrent.decrementAndGet();
                response.onNext(IngestResponse.newBuilder().setAcceptedCount(request.getEventsCount()).build());
                response.onCompleted();
              }, 1, TimeUnit.MILLISECONDS);
            }
          }
        })
        .build()
        .start();
    for (int i = 0; i < PRODUCERS; i++) {
      channels.add(InProcessChannelBuilder.forName(name).directExecutor().build());
    }
  }
}
