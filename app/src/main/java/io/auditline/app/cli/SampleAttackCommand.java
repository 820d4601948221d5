package io.auditline.app.cli;

import com.google.protobuf.Timestamp;
import io.auditline.app.dev.DevEnvironment;
import io.auditline.platform.tls.GrpcTls;
import io.auditline.platform.tls.TlsFiles;
import io.auditline.proto.v1.IngestSecurityEventsRequest;
import io.auditline.proto.v1.IngestSecurityEventsResponse;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.auditline.proto.v1.SecurityAction;
import io.auditline.proto.v1.SecurityEvent;
import io.auditline.proto.v1.SecuritySource;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code auditline detect sample-attack}: sends a zone's recent history of ordinary firewall traffic
 * (so the detector has a baseline) and then an attack in the current minute, through the gRPC
 * ingest service with the dev producer certificate.
 */
@Command(name = "sample-attack", mixinStandardHelpOptions = true,
    description = "Send a zone's ordinary security-event history and then a sample attack (SQL injection from one IP).")
public final class SampleAttackCommand implements Callable<Integer> {

  private static final int BATCH = 1000;
  private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "NL", "BR", "IN", "JP"};
  private static final String[] RULES = {"bot-score-low", "rate-limit-login", "waf-xss-941100", "geo-block"};

  @Option(names = "--dev-json", defaultValue = "data/dev.json", description = "Endpoints written by `auditline dev` (default: ${DEFAULT-VALUE})")
  Path devJson;

  @Option(names = "--account", defaultValue = "demo-account", description = "Account id (default: ${DEFAULT-VALUE})")
  String account;

  @Option(names = "--zone", defaultValue = "demo-zone", description = "Zone id (default: ${DEFAULT-VALUE})")
  String zone;

  @Option(names = "--history-hours", defaultValue = "26",
      description = "Hours of ordinary traffic before the attack; our detector needs a day (default: ${DEFAULT-VALUE})")
  int historyHours;

  @Option(names = "--baseline", defaultValue = "20", description = "Ordinary events per minute (default: ${DEFAULT-VALUE})")
  int baseline;

  @Option(names = "--attack", defaultValue = "800", description = "Attack events per minute (default: ${DEFAULT-VALUE})")
  int attack;

  @Option(names = "--attack-minutes", defaultValue = "3", description = "Minutes the attack lasts, from now (default: ${DEFAULT-VALUE})")
  int attackMinutes;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed of the ordinary traffic (default: ${DEFAULT-VALUE})")
  long seed;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() throws Exception {
    if (historyHours < 0 || historyHours > 24 * 29 || baseline < 0 || attack < 1 || attackMinutes < 1 || attackMinutes > 30) {
      System.err.println("sample-attack: --history-hours 0..696, --baseline >= 0, --attack >= 1, --attack-minutes 1..30");
      return 2;
    }
    Map<String, Object> dev = DevEnvironment.readDevJson(devJson);
    Map<String, Object> tls = (Map<String, Object>) dev.get("tls");
    TlsFiles files = new TlsFiles(Path.of((String) tls.get("producerCert")), Path.of((String) tls.get("producerKey")),
        Path.of((String) tls.get("ca")));
    ManagedChannel channel = NettyChannelBuilder.forTarget((String) dev.get("grpc")).sslContext(GrpcTls.clientContext(files)).build();
    try {
      IngestServiceGrpc.IngestServiceBlockingStub stub = IngestServiceGrpc.newBlockingStub(channel);
      Instant now = Instant.now();
      Instant attackStart = now.truncatedTo(ChronoUnit.MINUTES);
      Instant historyStart = attackStart.minus(Duration.ofHours(historyHours));
      Random random = new Random(seed);
      List<SecurityEvent> pending = new ArrayList<>(BATCH);
      long sent = 0;
      long minutes = Duration.between(historyStart, attackStart).toMinutes();
      for (long m = 0; m < minutes; m++) {
        Instant minute = historyStart.plus(Duration.ofMinutes(m));
        int n = Math.max(0, (int) Math.round(baseline + Math.sqrt(Math.max(baseline, 1)) * random.nextGaussian()));
        for (int i = 0; i < n; i++) {
          pending.add(ordinary(minute.plusMillis(random.nextInt(60_000)), random));
        }
        sent += flushIfFull(stub, pending);
        if (m % 120 == 0) {
          System.out.printf("\rhistory  %3d%%  (%d events)", m * 100 / Math.max(minutes, 1), sent);
        }
      }
      sent += flush(stub, pending);
      System.out.printf("\rhistory  100%%  (%d events from %s)%n", sent, historyStart);
      long attackEvents = 0;
      for (int m = 0; m < attackMinutes; m++) {
        Instant minute = attackStart.plus(Duration.ofMinutes(m));
        for (int i = 0; i < attack; i++) {
          pending.add(attackEvent(minute.plusMillis(i * 60_000L / attack)));
        }
        attackEvents += flush(stub, pending);
      }
      System.out.printf("attack   %d events over %d minute(s) from %s on zone %s of account %s%n", attackEvents, attackMinutes,
          attackStart, zone, account);
      System.out.println("An enabled alert policy on this zone fires when the minute " + attackStart
          + " is evaluated: about 10 s after it ends.");
      return 0;
    } finally {
      channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static int flushIfFull(IngestServiceGrpc.IngestServiceBlockingStub stub, List<SecurityEvent> pending) {
    return pending.size() >= BATCH ? flush(stub, pending) : 0;
  }

  private static int flush(IngestServiceGrpc.IngestServiceBlockingStub stub, List<SecurityEvent> pending) {
    int written = 0;
    for (int from = 0; from < pending.size(); from += BATCH) {
      List<SecurityEvent> batch = pending.subList(from, Math.min(pending.size(), from + BATCH));
      IngestSecurityEventsResponse response = stub.withDeadlineAfter(30, TimeUnit.SECONDS)
          .ingestSecurityEvents(IngestSecurityEventsRequest.newBuilder().addAllEvents(batch).build());
      written += response.getAcceptedCount() + response.getDuplicateCount();
    }
    pending.clear();
    return written;
  }

  private SecurityEvent ordinary(Instant at, Random random) {
    boolean log = random.nextInt(4) != 0;
    return base(at)
        .setAction(log ? SecurityAction.SECURITY_ACTION_LOG : SecurityAction.SECURITY_ACTION_CHALLENGE)
        .setSource(log ? SecuritySource.SECURITY_SOURCE_BOT_MANAGEMENT : SecuritySource.SECURITY_SOURCE_RATE_LIMIT)
        .setRuleId(RULES[random.nextInt(RULES.length)])
        .setClientIp("198.51.100." + (1 + random.nextInt(250)))
        .setClientCountry(COUNTRIES[random.nextInt(COUNTRIES.length)])
        .setPath("/products/" + random.nextInt(100))
        .build();
  }

  private SecurityEvent attackEvent(Instant at) {
    return base(at)
        .setAction(SecurityAction.SECURITY_ACTION_BLOCK)
        .setSource(SecuritySource.SECURITY_SOURCE_WAF)
        .setRuleId("waf-sqli-942100")
        .setClientIp("203.0.113.66")
        .setClientCountry("NL")
        .setPath("/login?user=admin'--")
        .build();
  }

  private SecurityEvent.Builder base(Instant at) {
    return SecurityEvent.newBuilder()
        .setId(UUID.randomUUID().toString())
        .setAccountId(account)
        .setZoneId(zone)
        .setOccurredAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
        .setHost("shop.example.com")
        .setMethod("GET")
        .setUserAgent("Mozilla/5.0 (sample)")
        .setSchemaVersion(1);
  }
}
