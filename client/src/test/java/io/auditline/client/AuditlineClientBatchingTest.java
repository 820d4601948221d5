package io.auditline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.IngestRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditlineClientBatchingTest {

    private static final Duration FOREVER = Duration.ofHours(1);

    private final IngestFixture fixture = new IngestFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void groupsConcurrentSendsIntoBatchesUpToMaxBatchSize() throws Exception {
        try (var client = fixture.client().maxBatchSize(10).linger(FOREVER).build();
             ExecutorService senders = Executors.newFixedThreadPool(5)) {
            var futures = new ConcurrentLinkedQueue<CompletableFuture<Acknowledgement>>();
            for (int t = 0; t < 5; t++) {
                senders.submit(() -> IntStream.range(0, 5).forEach(i -> futures.add(client.send(TestEvents.event()))));
            }
            senders.shutdown();
            await().until(senders::isTerminated);

            // With an endless linger only full batches leave before the flush.
            await().until(() -> fixture.service.requests.size() == 2);
            client.flush();

            assertThat(futures).hasSize(25).allSatisfy(f -> assertThat(f).isCompletedWithValueMatching(
                    Acknowledgement.Accepted.class::isInstance));
            assertThat(fixture.service.requests).extracting(IngestRequest::getEventsCount).containsExactly(10, 10, 5);
            assertThat(fixture.service.requests).allMatch(IngestRequest::getPartialSuccess);
        }
    }

    @Test
    void lingerSendsALoneEvent() {
        try (var client = fixture.client().linger(Duration.ofMillis(20)).build()) {
            AuditEvent event = TestEvents.event();

            var ack = client.send(event);

            await().until(ack::isDone);
            assertThat(ack).isCompletedWithValue(new Acknowledgement.Accepted(event.getId()));
        }
    }

    @Test
    void closeSendsQueuedEventsBeforeShuttingDown() {
        var client = fixture.client().linger(FOREVER).build();
        List<CompletableFuture<Acknowledgement>> acks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            acks.add(client.send(TestEvents.event()));
        }
        assertThat(fixture.service.requests).isEmpty();

        client.close();

        assertThat(acks).allSatisfy(f -> assertThat(f).isCompletedWithValueMatching(
                Acknowledgement.Accepted.class::isInstance));
        assertThat(fixture.service.receivedIds()).hasSize(3);
        assertThatThrownBy(() -> client.send(TestEvents.event()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void concurrentSendersLoseNothingAndDuplicateNothing() {
        int threads = 8;
        int perThread = 500;
        var sentIds = new ConcurrentLinkedQueue<String>();
        var acks = new ConcurrentLinkedQueue<CompletableFuture<Acknowledgement>>();
        try (var client = fixture.client().maxBatchSize(50).maxBufferedEvents(200)
                .bufferTimeout(Duration.ofMinutes(1)).linger(Duration.ofMillis(1)).build()) {
            try (ExecutorService senders = Executors.newFixedThreadPool(threads)) {
                for (int t = 0; t < threads; t++) {
                    senders.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            AuditEvent event = TestEvents.event();
                            sentIds.add(event.getId());
                            acks.add(client.send(event));
                        }
                    });
                }
            }
            client.flush();
        }

        assertThat(acks).hasSize(threads * perThread).allSatisfy(f -> assertThat(f).isCompletedWithValueMatching(
                Acknowledgement.Accepted.class::isInstance));
        assertThat(fixture.service.receivedIds()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sentIds);
        assertThat(fixture.service.requests).allMatch(r -> r.getEventsCount() <= 50);
    }

    @Test
    void sendFailsFastWhenTheBufferStaysFull() {
        fixture.service.hold();
        try (var client = fixture.client().maxBatchSize(2).maxBufferedEvents(2).bufferTimeout(Duration.ZERO)
                .linger(Duration.ZERO).build()) {
            var first = client.send(TestEvents.event());
            var second = client.send(TestEvents.event());

            assertThatThrownBy(() -> client.send(TestEvents.event()))
                    .isInstanceOf(BufferFullException.class)
                    .hasMessageContaining("2 events unacknowledged");

            fixture.service.open();
            client.flush();
            assertThat(first).isCompleted();
            assertThat(second).isCompleted();
            assertThat(client.send(TestEvents.event())).isNotNull();
        }
    }
}
