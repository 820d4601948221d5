package io.auditline.logpush.delivery;

import io.auditline.logpush.deadletter.DeadLetterStore;
import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.job.Job;
import io.auditline.logpush.job.JobRepository;
import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link JobWorker} thread per enabled job: re-reads the enabled jobs every {@code
 * jobRefresh}, starts workers for new ones, and restarts a worker whose job changed (its revision
 * moved) or stops it when the job was disabled or deleted. Several instances may run it side by
 * side: each job's lease decides which one delivers it.
 */
public final class DeliveryEngine implements Component {

  private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final DeliveryConfig config;
  private final JobRepository jobs;
  private final Function<String, DestinationParse> destinations;
  private final DestinationContext context;
  private final Function<Job, JobFormat> formats;
  private final LeaseStore leases;
  private final PositionStore positions;
  private final JobHealth health;
  private final DeadLetterStore deadLetters;
  private final DeliveryTelemetry telemetry;
  private final Clock clock;
  private final Tracer tracer;
  private final Map<UUID, Running> running = new HashMap<>();
  // Shared by every job: encoding is CPU work, so one pool of as many threads as cores serves all.
  private final ExecutorService encoding = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
    Thread t = new Thread(r, "logpush-encode");
    t.setDaemon(true);
    return t;
  });
  private final ParallelEncoder encoder = new ParallelEncoder(encoding);
  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile Thread supervisor;
  private volatile String lastRefreshError;

  public DeliveryEngine(DeliveryConfig config, javax.sql.DataSource dataSource, Function<String, DestinationParse> destinations,
      DestinationContext context, DeliveryTelemetry telemetry, Clock clock) {
    this(config, dataSource, destinations, context, telemetry, clock, TracerProvider.noop().get(""));
  }

  /** The engine whose batch and upload spans go to {@code tracer}. */
  public DeliveryEngine(DeliveryConfig config, javax.sql.DataSource dataSource, Function<String, DestinationParse> destinations,
      DestinationContext context, DeliveryTelemetry telemetry, Clock clock, Tracer tracer) {
    this(config, new JobRepository(dataSource), destinations, context, JobFormats::forJob, dataSource, telemetry, clock, tracer);
  }

  DeliveryEngine(DeliveryConfig config, JobRepository jobs, Function<String, DestinationParse> destinations,
      DestinationContext context, Function<Job, JobFormat> formats, javax.sql.DataSource dataSource,
      DeliveryTelemetry telemetry, Clock clock, Tracer tracer) {
    this.tracer = Objects.requireNonNull(tracer, "tracer");
    this.config = Objects.requireNonNull(config, "config");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.destinations = Objects.requireNonNull(destinations, "destinations");
    this.context = Objects.requireNonNull(context, "context");
    this.formats = Objects.requireNonNull(formats, "formats");
    this.leases = new LeaseStore(dataSource);
    this.positions = new PositionStore(dataSource);
    this.health = new JobHealth(dataSource);
    this.deadLetters = new DeadLetterStore(dataSource);
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "logpush-delivery";
  }

  @Override
  public void start() {
    Thread t = new Thread(this::supervise, "logpush-supervisor");
    t.setDaemon(true);
    supervisor = t;
    t.start();
  }

  @Override
  public Health check() {
    Thread t = supervisor;
    if (t == null || !t.isAlive()) {
      return Health.unhealthy("logpush supervisor is not running");
    }
    String error = lastRefreshError;
    return error == null ? Health.healthy() : Health.unhealthy("logpush cannot read its jobs: " + error);
  }

  /** The ids of the jobs with a worker in this process (whether or not it holds the lease). */
  public synchronized Set<UUID> runningJobs() {
    return Set.copyOf(running.keySet());
  }

  @Override
  public void close() {
    stop.countDown();
    Thread t = supervisor;
    if (t != null) {
      try {
        t.join(STOP_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      running.values().forEach(r -> r.worker.stop());
      running.values().forEach(r -> r.join(STOP_WAIT));
      running.clear();
    }
    encoding.shutdownNow();
  }

  private void supervise() {
    try {
      do {
        refresh();
      } while (!stop.await(config.jobRefresh().toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void refresh() {
    List<Job> enabled;
    try {
      enabled = jobs.enabled();
      lastRefreshError = null;
    } catch (RuntimeException e) {
      lastRefreshError = e.getMessage();
      log.atWarn().setMessage("logpush could not read jobs").setCause(e).log();
      return;
    }
    Map<UUID, Job> wanted = enabled.stream().collect(Collectors.toMap(Job::id, j -> j));
    for (var it = running.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      Job now = wanted.get(entry.getKey());
      Running r = entry.getValue();
      if (now == null || now.revision() != r.worker.job().revision() || !r.thread.isAlive()) {
        r.worker.stop();
        r.join(STOP_WAIT);
        it.remove();
      }
    }
    for (Job job : enabled) {
      if (!running.containsKey(job.id())) {
        start(job);
      }
    }
    reportDeadLetters();
  }

  /** Every instance counts every running job's dead letters: one query per refresh, not per job. */
  private void reportDeadLetters() {
    Map<UUID, Long> pending;
    try {
      pending = deadLetters.pendingByJob();
    } catch (RuntimeException e) {
      log.atWarn().setMessage("logpush could not count dead letters").setCause(e).log();
      return;
    }
    for (UUID job : running.keySet()) {
      telemetry.deadLetters(job, pending.getOrDefault(job, 0L));
    }
  }

  private void start(Job job) {
    DestinationParse parsed = destinations.apply(job.destination());
    if (!(parsed instanceof DestinationParse.Valid valid)) {
      health.failed(job.id(), clock.instant(), "invalid destination: " + ((DestinationParse.Invalid) parsed).message());
      return;
    }
    Destination destination;
    JobFormat format;
    try {
      format = formats.apply(job);
      destination = valid.spec().open(context);
    } catch (RuntimeException e) {
      log.atError().setMessage("logpush job could not start").addKeyValue("job_id", job.id()).setCause(e).log();
      health.failed(job.id(), clock.instant(), "cannot start: " + e.getMessage());
      return;
    }
    BatchUploader uploader = new BatchUploader(job, destination, config, health, deadLetters, telemetry, clock, tracer);
    JobWorker worker = new JobWorker(job, format, valid.spec().keyTemplate(), uploader, config, leases, positions, health,
        telemetry, () -> consumer(job), clock, encoder, tracer);
    Thread thread = new Thread(() -> {
      try {
        worker.run();
      } finally {
        destination.close();
      }
    }, "logpush-job-" + job.id().toString().substring(0, 8));
    thread.setDaemon(true);
    thread.start();
    running.put(job.id(), new Running(worker, thread));
  }

  private Consumer<byte[], byte[]> consumer(Job job) {
    Map<String, Object> props = new HashMap<>(config.kafka());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "auditline-logpush-" + job.id());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    props.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private record Running(JobWorker worker, Thread thread) {
    void join(Duration wait) {
      try {
        thread.join(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
