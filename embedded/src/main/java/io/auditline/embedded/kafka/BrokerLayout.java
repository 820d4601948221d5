package io.auditline.embedded.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The files of one embedded broker inside its data dir.
 *
 * <pre>
 * embedded-kafka.properties  cluster id and ports, kept across restarts
 * server.properties          broker config, rewritten on every start
 * logback.xml                the broker JVM's logging config, rewritten on every start
 * kraft/                     Kafka's log dir (topic data and metadata log)
 * logs/broker.log            stdout and stderr of the running broker
 * logs/broker.log.1          the same of the previous run, kept for post-mortems after a crash
 * logs/format.log            output of the last log dir format
 * </pre>
 */
record BrokerLayout(Path dataDir) {

  Path serverProperties() {
    return dataDir.resolve("server.properties");
  }

  Path logbackConfig() {
    return dataDir.resolve("logback.xml");
  }

  Path logDir() {
    return dataDir.resolve("kraft");
  }

  boolean isFormatted() {
    return Files.exists(logDir().resolve("meta.properties"));
  }

  Path brokerLog() {
    return dataDir.resolve("logs").resolve("broker.log");
  }

  Path formatLog() {
    return dataDir.resolve("logs").resolve("format.log");
  }

  /** Creates the directories and writes the generated config files. */
  void prepare(EmbeddedKafkaConfig config, BrokerIdentity identity) {
    try {
      Files.createDirectories(logDir());
      Files.createDirectories(brokerLog().getParent());
      Files.writeString(serverProperties(), serverPropertiesText(config, identity));
      Files.writeString(logbackConfig(), LOGBACK_XML);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare Kafka data dir " + dataDir, e);
    }
  }

  /** Keeps exactly one previous broker log, so disk use stays bounded across many restarts. */
  void rotateBrokerLog() {
    try {
      if (Files.exists(brokerLog())) {
        Path previous = brokerLog().resolveSibling("broker.log.1");
        Files.move(brokerLog(), previous, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rotate " + brokerLog(), e);
    }
  }

  /** The last lines of a log file, for error messages; never fails. */
  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
      return "--- last " + last.size() + " lines of " + file + " ---\n" + String.join("\n", last);
    } catch (IOException | UncheckedIOException e) {
      return "(" + file + " is not readable: " + e.getMessage() + ")";
    }
  }

  private String serverPropertiesText(EmbeddedKafkaConfig config, BrokerIdentity identity) {
    String host = config.host();
    return String.join(
        "\n",
        "# Generated on every start from EmbeddedKafkaConfig; edits are overwritten.",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@" + host + ":" + identity.controllerPort(),
        "listeners=PLAINTEXT://" + host + ":" + identity.port()
            + ",CONTROLLER://" + host + ":" + identity.controllerPort(),
        "advertised.listeners=PLAINTEXT://" + host + ":" + identity.port(),
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        // Properties files treat backslashes as escapes; forward slashes work on every OS.
        "log.dirs=" + logDir().toString().replace('\\', '/'),
        "num.partitions=" + config.defaultPartitions(),
        "auto.create.topics.enable=false",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=" + Math.max(config.defaultPartitions(), 1),
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        // After a kill the restarted controller waits out the dead broker's session before the
        // new one may register; a short session keeps crash-and-restart tests and dev restarts fast.
        "broker.heartbeat.interval.ms=1000",
        "broker.session.timeout.ms=4000",
        // Fewer threads than the defaults: this broker shares a laptop or a CI box with the app.
        "num.network.threads=2",
        "num.io.threads=4",
        "num.recovery.threads.per.data.dir=1",
        "log.cleaner.threads=1",
        "");
  }

  // Everything goes to stdout, which the parent redirects to logs/broker.log.
  private static final String LOGBACK_XML =
      """
      <configuration>
        <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
          <encoder><pattern>%d{ISO8601} %-5level [%logger{36}] %msg%n</pattern></encoder>
        </appender>
        <logger name="kafka" level="INFO"/>
        <logger name="org.apache.kafka" level="INFO"/>
        <logger name="org.apache.kafka.common.config.AbstractConfig" level="WARN"/>
        <logger name="org.apache.kafka.common.utils.AppInfoParser" level="WARN"/>
        <logger name="org.apache.kafka.clients" level="WARN"/>
        <logger name="kafka.request.logger" level="WARN"/>
        <logger name="state.change.logger" level="WARN"/>
        <logger name="kafka.log.LogCleaner" level="WARN"/>
        <logger name="org.apache.kafka.storage.internals.log" level="WARN"/>
        <logger name="org.apache.kafka.image" level="WARN"/>
        <logger name="org.apache.kafka.metadata" level="WARN"/>
        <logger name="org.apache.kafka.server.purgatory" level="WARN"/>
        <logger name="org.apache.kafka.server.util" level="WARN"/>
        <logger name="org.apache.kafka.queue" level="WARN"/>
        <logger name="org.apache.kafka.coordinator.common.runtime" level="WARN"/>
        <logger name="org.apache.kafka.controller.PeriodicTaskControlManager" level="WARN"/>
        <logger name="kafka.server.ClientQuotaManager$ThrottledChannelReaper" level="WARN"/>
        <root level="WARN"><appender-ref ref="OUT"/></root>
      </configuration>
      """;
}
