package io.auditline.ingest.kafka;

import io.auditline.platform.lifecycle.Component;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the audit- and security-event topics if missing, and says so when an existing one differs. */
public final class TopicProvisioner implements Component {

  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

  private final KafkaSettings settings;

  public TopicProvisioner(KafkaSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "ingest-topic";
  }

  @Override
  public void start() throws Exception {
    long timeoutMs = settings.produceTimeout().toMillis() * 3;
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, 30_000)))) {
      Optional<Short> replicas =
          settings.replicationFactor() == 0 ? Optional.empty() : Optional.of(settings.replicationFactor());
      for (String topic : List.of(settings.topic(), settings.securityTopic())) {
        create(admin, topic, replicas, timeoutMs);
      }
    }
  }

  private void create(Admin admin, String name, Optional<Short> replicas, long timeoutMs)
      throws Exception {
    NewTopic topic = new NewTopic(name, Optional.of(settings.partitions()), replicas);
    try {
      admin.createTopics(List.of(topic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
      log.atInfo()
          .addKeyValue("topic", name)
          .addKeyValue("partitions", settings.partitions())
          .log("created topic");
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create topic " + name + " on " + settings.bootstrapServers() + ": "
                + e.getCause().getMessage(), e.getCause());
      }
      TopicDescription existing =
          admin.describeTopics(List.of(name)).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS)
              .get(name);
      if (existing.partitions().size() != settings.partitions()) {
        log.atWarn()
            .addKeyValue("topic", name)
            .addKeyValue("configured", settings.partitions())
            .addKeyValue("actual", existing.partitions().size())
            .log("topic exists with a different partition count; keeping it");
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka at " + settings.bootstrapServers() + " did not answer within " + timeoutMs
              + " ms while creating topic " + name + "; is it running?", e);
    }
  }

  @Override
  public void close() {}
}
