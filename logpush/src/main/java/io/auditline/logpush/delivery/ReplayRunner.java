package io.auditline.logpush.delivery;

import io.auditline.logpush.deadletter.DeadLetterStore;
import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.KeyTemplate;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.job.Job;
import io.opentelemetry.api.trace.TracerProvider;
import io.auditline.logpush.job.JobRepository;
import io.auditline.logpush.replay.KafkaReplaySource;
import io.auditline.logpush.replay.Replay;
import io.auditline.logpush.replay.ReplaySource;
import io.auditline.logpush.replay.ReplayState;
import io.auditline.logpush.replay.ReplayStore;
import io.auditline.logpush.replay.StoreReplaySource;
import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs replays one at a time: claims a pending replay (or one whose instance died), reads its range
 * from the log while retained or else from the store, and delivers it under {@code replays/<id>/}
 * with the job's format and the same retry and dead-letter rules as live delivery. Batches close on
 * the job's record and byte limits only, so running a replay again after a crash writes the same
 * objects under the same keys.
 */
public final class ReplayRunner implements Component {

  private static final Logger log = LoggerFactory.getLogger(ReplayRunner.class);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration STALE = Duration.ofMinutes(1);
  private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

  private final DeliveryConfig config;
  private final DataSource dataSource;
  private final ReplayStore replays;
  private final JobRepository jobs;
  private final Function<String, DestinationParse> destinations;
  private final DestinationContext context;
  private final Supplier<Consumer<byte[], byte[]>> consumers;
  private final DeliveryTelemetry telemetry;
  private final Clock clock;
  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile Thread thread;

  public ReplayRunner(DeliveryConfig config, DataSource dataSource, Function<String, DestinationParse> destinations,
      DestinationContext context, Supplier<Consumer<byte[], byte[]>> consumers, DeliveryTelemetry telemetry, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.replays = new ReplayStore(dataSource);
    this.jobs = new JobRepository(dataSource);
    this.destinations = Objects.requireNonNull(destinations, "destinations");
    this.context = Objects.requireNonNull(context, "context");
    this.consumers = Objects.requireNonNull(consumers, "consumers");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "logpush-replays";
  }

  @Override
  public void start() {
    Thread t = new Thread(this::loop, "logpush-replays");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  @Override
  public Health check() {
    Thread t = thread;
    return t != null && t.isAlive() ? Health.healthy() : Health.unhealthy("logpush replay runner is not running");
  }

  @Override
  public void close() {
    stop.countDown();
    Thread t = thread;
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private boolean stopping() {
    return stop.getCount() == 0;
  }

  private void loop() {
    while (!stopping()) {
      try {
        Instant now = clock.instant();
        Optional<Replay> claimed = replays.claim(config.owner(), now, now.minus(STALE));
        if (claimed.isPresent()) {
          run(claimed.get());
          continue;
        }
      } catch (RuntimeException e) {
        log.atWarn().setMessage("logpush replay loop failed").setCause(e).log();
      }
      try {
        if (stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void run(Replay replay) {
    Optional<Job> job = jobs.find(replay.jobId());
    if (job.isEmpty()) {
      replays.finish(replay.id(), ReplayState.FAILED, Optional.of("the job was deleted"), clock.instant());
      return;
    }
    DestinationParse parsed = destinations.apply(job.get().destination());
    if (!(parsed instanceof DestinationParse.Valid valid)) {
      replays.finish(replay.id(), ReplayState.FAILED, Optional.of("invalid destination"), clock.instant());
      return;
    }
    log.atInfo().setMessage("logpush replay started").addKeyValue("replay_id", replay.id()).addKeyValue("job_id", replay.jobId())
        .addKeyValue("since", replay.since()).addKeyValue("before", replay.before()).log();
    try (Destination destination = valid.spec().open(context); Consumer<byte[], byte[]> consumer = consumers.get()) {
      ReplaySource source = KafkaReplaySource.ifRetained(consumer, config.topic(), replay.accountId(), replay.since(),
              replay.before(), this::stopping)
          .map(s -> (ReplaySource) s)
          .orElseGet(() -> storeSource(replay));
      BatchUploader uploader = new BatchUploader(job.get(), destination, config, new JobHealth(dataSource),
          new DeadLetterStore(dataSource), telemetry, clock, TracerProvider.noop().get(""));
      Progress progress = new Progress(replay, source);
      new ReplayBatches(job.get(), JobFormats.forJob(job.get()), valid.spec().keyTemplate(), replay.keyPrefix(), uploader,
          progress, this::pause).deliver(source);
      progress.report(true);
      replays.finish(replay.id(), ReplayState.COMPLETED, Optional.empty(), clock.instant());
      log.atInfo().setMessage("logpush replay completed").addKeyValue("replay_id", replay.id())
          .addKeyValue("source", source.name()).addKeyValue("records", progress.delivered).log();
    } catch (InterruptedException | BatchUploader.StoppingException e) {
      // Stopping: the replay stays running and another instance (or this one, restarted) takes it over
      // once its claim is stale, writing the same objects again.
    } catch (Exception e) {
      log.atError().setMessage("logpush replay failed").addKeyValue("replay_id", replay.id()).setCause(e).log();
      replays.finish(replay.id(), ReplayState.FAILED, Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage()),
          clock.instant());
    }
  }

  private ReplaySource storeSource(Replay replay) {
    try {
      return new StoreReplaySource(dataSource, replay.accountId(), replay.since(), replay.before(), this::stopping);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("counting the replay's events in the store failed", e);
    }
  }

  private boolean pause(Duration d) throws InterruptedException {
    return !stop.await(Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** Counts records and writes progress to the replay's row now and then. */
  final class Progress {
    private final Replay replay;
    private final ReplaySource source;
    long examined;
    long delivered;
    int objects;
    private long reportedAt = System.nanoTime();

    Progress(Replay replay, ReplaySource source) {
      this.replay = replay;
      this.source = source;
    }

    void report(boolean force) {
      if (force || System.nanoTime() - reportedAt >= PROGRESS_EVERY.toNanos()) {
        reportedAt = System.nanoTime();
        replays.progress(replay.id(), source.name(), source.total(), examined, objects, clock.instant());
      }
    }
  }


}
