package io.auditline.embedded.kafka;

import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in a child JVM,
 * so it can be stopped, killed and restarted independently of the application.
 *
 * <p>The data dir is formatted on the first start and reused afterwards: topics, records, the
 * cluster id and the bootstrap address all survive {@link #close()} or {@link #kill()} followed by
 * {@link #start()}. The broker's output goes to {@code logs/broker.log} in the data dir; each start
 * moves the previous one to {@code logs/broker.log.1}.
 */
public final class EmbeddedKafka implements Component {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

  private final EmbeddedKafkaConfig config;
  private final BrokerLayout layout;
  private volatile Process process;
  private volatile BrokerIdentity identity;
  private Thread shutdownHook;

  public EmbeddedKafka(EmbeddedKafkaConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.layout = new BrokerLayout(config.dataDir());
  }

  @Override
  public String name() {
    return "embedded-kafka";
  }

  /** Formats the data dir if needed, starts the broker and waits until it answers clients. */
  @Override
  public synchronized void start() throws IOException, InterruptedException {
    Process running = process;
    if (running != null && running.isAlive()) {
      throw new IllegalStateException(
          "embedded Kafka in " + config.dataDir() + " is already running (pid " + running.pid()
              + ")");
    }
    Files.createDirectories(config.dataDir());
    BrokerIdentity resolved = BrokerIdentity.resolve(config);
    requireFree(resolved.port(), "listener");
    requireFree(resolved.controllerPort(), "controller");
    layout.prepare(config, resolved);
    if (!layout.isFormatted()) {
      format(resolved);
    }
    layout.rotateBrokerLog();

    long startedAt = System.nanoTime();
    Process started =
        ChildJvm.start(
            config.maxHeapMb(),
            layout.logbackConfig(),
            layout.brokerLog(),
            BrokerMain.class.getName(),
            List.of(layout.serverProperties().toString()));
    identity = resolved;
    process = started;
    registerShutdownHook();
    try {
      new Readiness(config, started, bootstrapServers(), layout.brokerLog()).await();
    } catch (RuntimeException | InterruptedException e) {
      stop(started, config.stopTimeout().toMillis());
      deregisterShutdownHook();
      throw e;
    }
    log.info(
        "embedded kafka started bootstrap={} pid={} startup_ms={} data_dir={}",
        bootstrapServers(),
        started.pid(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt),
        config.dataDir());
  }

  /** The address clients bootstrap from, {@code host:port}; stable across restarts. */
  public String bootstrapServers() {
    BrokerIdentity current = identity;
    if (current == null) {
      throw new IllegalStateException("embedded Kafka has not been started yet; call start()");
    }
    return config.host() + ":" + current.port();
  }

  /** The broker's combined stdout and stderr, for diagnostics. */
  public Path brokerLog() {
    return layout.brokerLog();
  }

  @Override
  public Health check() {
    Process current = process;
    if (current == null) {
      return Health.unhealthy("embedded Kafka is not running");
    }
    if (!current.isAlive()) {
      return Health.unhealthy(
          "embedded Kafka exited with code " + current.exitValue() + "; see " + brokerLog());
    }
    return Health.healthy();
  }

  /** Stops the broker gracefully (SIGTERM), killing it if it does not exit within the timeout. */
  @Override
  public synchronized void close() {
    Process current = process;
    if (current == null) {
      return;
    }
    try {
      stop(current, config.stopTimeout().toMillis());
    } catch (InterruptedException e) {
      current.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deregisterShutdownHook();
    process = null;
    log.info("embedded kafka stopped data_dir={}", config.dataDir());
  }

  /** Kills the broker at once (SIGKILL), like a crash; {@link #check()} then reports it. */
  public synchronized void kill() {
    Process current = process;
    if (current == null) {
      return;
    }
    current.destroyForcibly();
    try {
      current.waitFor(config.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deregisterShutdownHook();
    log.info("embedded kafka killed pid={} data_dir={}", current.pid(), config.dataDir());
  }

  private void format(BrokerIdentity id) throws IOException, InterruptedException {
    Files.deleteIfExists(layout.formatLog());
    Process formatter =
        ChildJvm.start(
            256,
            layout.logbackConfig(),
            layout.formatLog(),
            "kafka.tools.StorageTool",
            List.of("format", "-t", id.clusterId(), "-c", layout.serverProperties().toString()));
    if (!formatter.waitFor(config.startTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
      formatter.destroyForcibly();
      throw new IllegalStateException(
          "formatting the Kafka log dir " + layout.logDir() + " did not finish within "
              + config.startTimeout() + "\n" + BrokerLayout.tail(layout.formatLog(), 40));
    }
    if (formatter.exitValue() != 0) {
      throw new IllegalStateException(
          "formatting the Kafka log dir " + layout.logDir() + " failed with exit code "
              + formatter.exitValue() + "\n" + BrokerLayout.tail(layout.formatLog(), 40));
    }
  }

  private void requireFree(int port, String listener) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(config.host(), port));
    } catch (IOException e) {
      throw new IllegalStateException(
          "embedded Kafka cannot start: " + listener + " port " + port + " on " + config.host()
              + " is already in use (expected: a free port; stop the process holding it or"
              + " configure another port)",
          e);
    }
  }

  private static void stop(Process target, long timeoutMillis) throws InterruptedException {
    if (!target.isAlive()) {
      return;
    }
    target.destroy();
    if (!target.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      log.warn("embedded kafka did not stop in time, killing pid={}", target.pid());
      target.destroyForcibly();
      target.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
    }
  }

  // Guards against orphaned brokers when the JVM exits without close(); a parent killed with
  // SIGKILL is covered by BrokerMain watching its stdin instead.
  private void registerShutdownHook() {
    Process target = process;
    long timeoutMillis = config.stopTimeout().toMillis();
    shutdownHook =
        new Thread(
            () -> {
              try {
                stop(target, timeoutMillis);
              } catch (InterruptedException e) {
                target.destroyForcibly();
              }
            },
            "embedded-kafka-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Leaves stopping to the caller: removes the JVM shutdown hook that would otherwise stop the server
   * at exit, concurrently with the caller's own shutdown. Use it when a lifecycle closes this
   * server after the components that still write to it.
   */
  public synchronized void leaveShutdownToOwner() {
    deregisterShutdownHook();
  }

  private void deregisterShutdownHook() {
    if (shutdownHook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook does the same job as the caller.
    }
    shutdownHook = null;
  }
}
