package io.auditline.store.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.auditline.platform.http.AdminHttpServer;
import io.auditline.platform.kafka.BatchConsumer;
import io.auditline.platform.kafka.BatchConsumerConfig;
import io.auditline.platform.kafka.BatchConsumerTelemetry;
import io.auditline.platform.lifecycle.Lifecycle;
import io.auditline.platform.metrics.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A consumer thread killed by its handler takes the process out of rotation: {@code /healthz/ready}
 * and {@code /healthz/live} answer 503 with the reason, and the log has an ERROR naming the consumer.
 */
class DeadConsumerReadinessIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aHandlerThrowingAnErrorFailsReadinessWithTheReasonAndLogsWhichConsumerDied() throws Exception {
    TestKafka kafka = new TestKafka("dead-consumer", 1);
    kafka.produce(List.of(new ProducerRecord<>(kafka.topic, "k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8))));
    BatchConsumerConfig config =
        BatchConsumerConfig.defaults("audit-consumer", kafka.bootstrap, "dead-" + kafka.topic, List.of(kafka.topic))
            .withProperties(Map.of("auto.offset.reset", "earliest"));
    BatchConsumer<String, String> consumer = new BatchConsumer<>(config, new StringDeserializer(), new StringDeserializer(),
        records -> {
          throw new OutOfMemoryError("simulated: handler ran out of memory");
        },
        BatchConsumerTelemetry.noop());
    Metrics metrics = Metrics.create("dead-consumer-test");
    AdminHttpServer[] http = new AdminHttpServer[1];
    Lifecycle lifecycle = Lifecycle.builder()
        .add(health -> http[0] = new AdminHttpServer("127.0.0.1", 0, health, metrics.registry()))
        .add(consumer)
        .build();
    ListAppender<ILoggingEvent> logged = capture(BatchConsumer.class);
    try {
      lifecycle.start();

      await().atMost(WAIT).until(() -> get(http[0], "/healthz/ready").statusCode() == 503);
      HttpResponse<String> ready = get(http[0], "/healthz/ready");
      assertThat(ready.body())
          .contains("audit-consumer")
          .contains("consumer thread died: java.lang.OutOfMemoryError: simulated: handler ran out of memory");
      assertThat(get(http[0], "/healthz/live").statusCode()).as("a dead worker needs a restart").isEqualTo(503);
      assertThat(logged.list)
          .filteredOn(e -> e.getLevel() == Level.ERROR)
          .singleElement()
          .satisfies(e -> {
            assertThat(e.getFormattedMessage()).contains("batch consumer thread died");
            assertThat(e.getKeyValuePairs()).anySatisfy(kv -> {
              assertThat(kv.key).isEqualTo("component");
              assertThat(kv.value).isEqualTo("audit-consumer");
            });
            assertThat(e.getThrowableProxy().getMessage()).isEqualTo("simulated: handler ran out of memory");
          });
    } finally {
      lifecycle.close();
      metrics.close();
      ((Logger) LoggerFactory.getLogger(BatchConsumer.class)).detachAppender(logged);
    }
  }

  private static ListAppender<ILoggingEvent> capture(Class<?> type) {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
    return appender;
  }

  private static HttpResponse<String> get(AdminHttpServer server, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
