package io.auditline.app.config;

import io.auditline.ingest.IngestConfig;
import io.auditline.ingest.kafka.KafkaSettings;
import io.auditline.detect.DetectSettings;
import io.auditline.detect.notify.SmtpSettings;
import io.auditline.logpush.LogpushSettings;
import io.auditline.platform.profiling.AdminToken;
import io.auditline.platform.tls.TlsFiles;
import java.net.URI;
import java.nio.file.Path;
import io.auditline.store.db.DatabaseConfig;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The whole configuration of an Auditline process, read once at start from a YAML file, {@code
 * AUDITLINE_*} environment variables and command-line overrides; unknown keys are errors.
 *
 * @param roles which roles this process runs (today: {@code ingest})
 * @param lifecycle how long start-up waits for Kafka and PostgreSQL, and how long the drain may take
 */
public record AuditlineConfig(
    List<String> roles,
    Kafka kafka,
    IngestConfig ingest,
    Tls tls,
    Http http,
    Tracing tracing,
    Postgres postgres,
    Store store,
    Api api,
    Logpush logpush,
    Detect detect,
    LifecycleTimeouts lifecycle) {

  /** Roles this build knows: ingestion, indexing into PostgreSQL, the customer API, Logpush delivery, detection rollups. */
  public static final Set<String> KNOWN_ROLES = Set.of("ingest", "store", "api", "logpush", "detect");

  public AuditlineConfig {
    roles = List.copyOf(Objects.requireNonNullElse(roles, List.of("ingest", "store", "api", "logpush", "detect")));
    for (String role : roles) {
      if (!KNOWN_ROLES.contains(role)) {
        throw new IllegalArgumentException("roles: unknown role '" + role + "' (expected: one of " + KNOWN_ROLES + ")");
      }
    }
    kafka = Objects.requireNonNullElseGet(kafka, () -> new Kafka(null, null, null, null, null, null));
    ingest = Objects.requireNonNullElseGet(ingest, () -> IngestConfig.defaults(Path.of("producers.yaml")));
    http = Objects.requireNonNullElseGet(http, () -> new Http(null, null));
    tracing = Objects.requireNonNullElseGet(tracing, () -> new Tracing(null, null, null, null));
    store = Objects.requireNonNullElseGet(store, () -> new Store(null));
    api = Objects.requireNonNullElseGet(api, () -> new Api(null, null));
    logpush = Objects.requireNonNullElseGet(logpush, () -> new Logpush(null, null, null, null, null, null));
    detect = Objects.requireNonNullElseGet(detect, () -> new Detect(null, null, null));
    lifecycle = Objects.requireNonNullElseGet(lifecycle, () -> new LifecycleTimeouts(null, null));
    if ((roles.contains("store") || roles.contains("api") || roles.contains("logpush") || roles.contains("detect"))
        && postgres == null) {
      throw new IllegalArgumentException(
          "postgres: missing (expected: jdbcUrl, user and password for the store, api, logpush and detect roles)");
    }
    if (roles.contains("ingest") && tls == null) {
      throw new IllegalArgumentException(
          "tls: missing (expected: certChain, privateKey and trustedCa for the ingest role's mutual TLS)");
    }
  }

  /** Kafka cluster and audit topic. */
  public record Kafka(
      String bootstrapServers,
      String topic,
      Integer partitions,
      Short replicationFactor,
      Duration produceTimeout,
      Map<String, String> producer) {

    public Kafka {
      bootstrapServers = Objects.requireNonNullElse(bootstrapServers, "localhost:9092");
      topic = Objects.requireNonNullElse(topic, KafkaSettings.DEFAULT_TOPIC);
      partitions = Objects.requireNonNullElse(partitions, 6);
      replicationFactor = Objects.requireNonNullElse(replicationFactor, (short) 0);
      produceTimeout = Objects.requireNonNullElse(produceTimeout, Duration.ofSeconds(10));
      producer = Map.copyOf(Objects.requireNonNullElse(producer, Map.of()));
    }

    public KafkaSettings settings() {
      return new KafkaSettings(bootstrapServers, topic, partitions, replicationFactor, produceTimeout, producer);
    }

    public Kafka withBootstrapServers(String servers) {
      return new Kafka(servers, topic, partitions, replicationFactor, produceTimeout, producer);
    }
  }

  /** The server's certificate and the CA that producers' client certificates must chain to. */
  public record Tls(Path certChain, Path privateKey, Path trustedCa) {
    public TlsFiles files() {
      return new TlsFiles(certChain, privateKey, trustedCa);
    }
  }

  /**
   * The admin HTTP listener: health, metrics and profiling on demand. {@code adminToken}, when set
   * (best from {@code AUDITLINE_HTTP__ADMIN_TOKEN}), is required as a bearer token on {@code /admin/*}.
   */
  public record Http(String host, Integer port, String adminToken) {
    public Http {
      host = Objects.requireNonNullElse(host, "0.0.0.0");
      port = Objects.requireNonNullElse(port, 8080);
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("http.port: " + port + " (expected: 0..65535)");
      }
      if (adminToken != null) {
        try {
          AdminToken.of(adminToken);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("http." + e.getMessage(), e);
        }
      }
    }

    /** Without an admin token. */
    public Http(String host, Integer port) {
      this(host, port, null);
    }

    public AdminToken admin() {
      return AdminToken.fromConfig(Optional.ofNullable(adminToken));
    }

    @Override
    public String toString() {
      return "Http[host=" + host + ", port=" + port + ", adminToken=" + (adminToken == null ? "none" : "***") + "]";
    }
  }

  /** The PostgreSQL that holds the audit-log index and API tokens. */
  public record Postgres(String jdbcUrl, String user, String password, Integer maxPoolSize) {
    public Postgres {
      Objects.requireNonNull(jdbcUrl, "postgres.jdbcUrl");
    }

    public DatabaseConfig database() {
      return new DatabaseConfig(jdbcUrl, user, password, maxPoolSize, null);
    }

    @Override
    public String toString() {
      return "Postgres[jdbcUrl=" + database().redactedUrl() + ", user=" + user + ", password=***]";
    }
  }

  /** How long audit logs are kept; whole daily partitions older than this are dropped. */
  public record Store(Period retention) {
    public Store {
      retention = Objects.requireNonNullElse(retention, Period.ofMonths(18));
      if (retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("store.retention: " + retention + " (expected: > 0, e.g. P18M)");
      }
    }
  }

  /** The customer REST API. */
  public record Api(String host, Integer port) {
    public Api {
      host = Objects.requireNonNullElse(host, "0.0.0.0");
      port = Objects.requireNonNullElse(port, 8081);
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("api.port: " + port + " (expected: 0..65535)");
      }
    }
  }

  /**
   * Logpush delivery: the retry window before dead letters, job leases between instances, the upload
   * timeout, which non-public networks customer destinations may reach ({@code allowAllNetworks}
   * only for local development), and whether {@code file://} destinations are allowed (off unless set;
   * {@code auditline dev} turns it on).
   */
  public record Logpush(
      Duration retryWindow, Duration leaseTtl, Duration requestTimeout, List<String> allowedNetworks, Boolean allowAllNetworks,
      Boolean allowFileDestinations) {
    public Logpush {
      LogpushSettings defaults = LogpushSettings.defaults();
      retryWindow = Objects.requireNonNullElse(retryWindow, defaults.retryWindow());
      leaseTtl = Objects.requireNonNullElse(leaseTtl, defaults.leaseTtl());
      requestTimeout = Objects.requireNonNullElse(requestTimeout, defaults.requestTimeout());
      allowedNetworks = List.copyOf(Objects.requireNonNullElse(allowedNetworks, List.of()));
      allowAllNetworks = Objects.requireNonNullElse(allowAllNetworks, false);
      allowFileDestinations = Objects.requireNonNullElse(allowFileDestinations, false);
      // Validates now, from the parameters: the accessors read fields that are assigned only after this body.
      new LogpushSettings(retryWindow, leaseTtl, requestTimeout, allowedNetworks, allowAllNetworks, allowFileDestinations);
    }

    public LogpushSettings settings() {
      return new LogpushSettings(retryWindow, leaseTtl, requestTimeout, allowedNetworks, allowAllNetworks, allowFileDestinations);
    }
  }

  /**
   * Tracing: the share of new traces sampled (a producer's sampled trace is always continued), the
   * OTLP collector sampled spans are sent to (none by default), and how many recent spans the process
   * keeps for {@code /admin/traces} (0, off, by default; {@code auditline dev} keeps 10,000).
   *
   * @param otlpEndpoint e.g. {@code http://collector:4317}; absent: spans are not exported
   * @param otlpProtocol {@code grpc} (default) or {@code http/protobuf}
   */
  public record Tracing(Double sampleRatio, URI otlpEndpoint, String otlpProtocol, Integer keepSpans) {

    /** The default share of new traces sampled; see docs/operations.md for its cost. */
    public static final double DEFAULT_SAMPLE_RATIO = 0.1;

    public Tracing {
      sampleRatio = Objects.requireNonNullElse(sampleRatio, DEFAULT_SAMPLE_RATIO);
      if (sampleRatio < 0 || sampleRatio > 1) {
        throw new IllegalArgumentException("tracing.sampleRatio: " + sampleRatio + " (expected: 0.0..1.0)");
      }
      otlpProtocol = Objects.requireNonNullElse(otlpProtocol, "grpc");
      io.auditline.platform.tracing.Tracing.OtlpProtocol.parse(otlpProtocol);
      if (otlpEndpoint != null && !"http".equals(otlpEndpoint.getScheme()) && !"https".equals(otlpEndpoint.getScheme())) {
        throw new IllegalArgumentException(
            "tracing.otlpEndpoint: " + otlpEndpoint + " (expected: an http:// or https:// URL, e.g. http://collector:4317)");
      }
      keepSpans = Objects.requireNonNullElse(keepSpans, 0);
      if (keepSpans < 0 || keepSpans > 1_000_000) {
        throw new IllegalArgumentException("tracing.keepSpans: " + keepSpans + " (expected: 0..1000000)");
      }
    }

    /** The parsed {@link #otlpProtocol}. */
    public io.auditline.platform.tracing.Tracing.OtlpProtocol protocol() {
      return io.auditline.platform.tracing.Tracing.OtlpProtocol.parse(otlpProtocol);
    }
  }

  /**
   * Detection: which internal networks alert webhooks may reach (none by default), whether policies may
   * use plain {@code http://} webhooks (development only), and the SMTP relay for email channels.
   */
  public record Detect(List<String> allowedNetworks, Boolean plaintextWebhooks, Smtp smtp) {
    public Detect {
      allowedNetworks = List.copyOf(Objects.requireNonNullElse(allowedNetworks, List.of()));
      plaintextWebhooks = Objects.requireNonNullElse(plaintextWebhooks, false);
      new DetectSettings(allowedNetworks, plaintextWebhooks, java.util.Optional.empty(), DetectSettings.defaults().settle(),
          DetectSettings.defaults().policyRefresh());
    }

    public DetectSettings settings() {
      DetectSettings d = DetectSettings.defaults();
      return new DetectSettings(allowedNetworks, plaintextWebhooks, java.util.Optional.ofNullable(smtp).map(Smtp::settings),
          d.settle(), d.policyRefresh());
    }
  }

  /** The SMTP relay for alert emails; the password is never logged. */
  public record Smtp(String host, Integer port, Boolean startTls, String username, String password, String from) {
    public Smtp {
      port = Objects.requireNonNullElse(port, 587);
      startTls = Objects.requireNonNullElse(startTls, true);
      settings(host, port, startTls, username, password, from); // validates
    }

    SmtpSettings settings() {
      return settings(host, port, startTls, username, password, from);
    }

    private static SmtpSettings settings(String host, int port, boolean startTls, String username, String password, String from) {
      if (host == null || from == null) {
        throw new IllegalArgumentException("detect.smtp: host and from are required");
      }
      return new SmtpSettings(host, port, startTls, java.util.Optional.ofNullable(username), java.util.Optional.ofNullable(password),
          from, java.time.Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
      return "Smtp[host=" + host + ", port=" + port + ", startTls=" + startTls + ", username=" + username
          + ", password=" + (password == null ? "none" : "REDACTED") + ", from=" + from + "]";
    }
  }

  /**
   * Start-up and shutdown deadlines (config key {@code lifecycle}).
   *
   * @param startupTimeout how long start-up waits for Kafka and PostgreSQL to answer before it fails
   *     naming the one that did not (default 60 s)
   * @param shutdownTimeout how long the drain after SIGTERM may take in all before the process exits
   *     anyway with status 1 (default 30 s); keep it below the orchestrator's grace period
   */
  public record LifecycleTimeouts(Duration startupTimeout, Duration shutdownTimeout) {
    public LifecycleTimeouts {
      startupTimeout = Objects.requireNonNullElse(startupTimeout, Duration.ofSeconds(60));
      shutdownTimeout = Objects.requireNonNullElse(shutdownTimeout, Duration.ofSeconds(30));
      if (startupTimeout.isNegative() || startupTimeout.isZero()) {
        throw new IllegalArgumentException("lifecycle.startupTimeout: " + startupTimeout + " (expected: > 0)");
      }
      if (shutdownTimeout.isNegative() || shutdownTimeout.isZero()) {
        throw new IllegalArgumentException("lifecycle.shutdownTimeout: " + shutdownTimeout + " (expected: > 0)");
      }
    }
  }
}
