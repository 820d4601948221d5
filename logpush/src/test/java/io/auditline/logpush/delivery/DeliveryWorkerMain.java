package io.auditline.logpush.delivery;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.DestinationSpec;
import io.auditline.logpush.destination.KeyTemplate;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import io.auditline.logpush.destination.Destinations;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A delivery engine in a process of its own, for the crash tests: args are the JDBC URL, user,
 * password, Kafka bootstrap servers, topic and owner name. It runs until killed.
 */
public final class DeliveryWorkerMain {

  private DeliveryWorkerMain() {}

  /**
   * Spends 100 ms before and after each real write, like a slow network upload, so that most kills
   * land while a batch is in flight: before the object is written or after it but before the
   * position moves.
   */
  private static DestinationParse slow(DestinationParse parsed) {
    if (!(parsed instanceof DestinationParse.Valid valid)) {
      return parsed;
    }
    DestinationSpec spec = valid.spec();
    return new DestinationParse.Valid(new DestinationSpec() {
      @Override
      public String scheme() {
        return spec.scheme();
      }

      @Override
      public String redacted() {
        return spec.redacted();
      }

      @Override
      public KeyTemplate keyTemplate() {
        return spec.keyTemplate();
      }

      @Override
      public Destination open(DestinationContext context) {
        Destination real = spec.open(context);
        return new Destination() {
          @Override
          public UploadOutcome upload(Upload upload) {
            System.out.println("uploading " + upload.key());
            pause();
            UploadOutcome outcome = real.upload(upload);
            System.out.println("uploaded " + upload.key());
            pause();
            return outcome;
          }

          @Override
          public String describe() {
            return real.describe();
          }
        };
      }
    });
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(args[0]);
    pool.setUsername(args[1]);
    pool.setPassword(args[2]);
    pool.setMaximumPoolSize(4);
    HikariDataSource dataSource = new HikariDataSource(pool);
    DeliveryConfig config = DeliveryConfig.defaults(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[3]), args[4], args[5])
        .withLeaseTtl(Duration.ofSeconds(2)).withJobRefresh(Duration.ofMillis(200))
        .withRetry(Duration.ofMinutes(10), Duration.ofMillis(50), Duration.ofMillis(500));
    DeliveryEngine engine = new DeliveryEngine(config, dataSource, uri -> slow(Destinations.parse(uri)),
        DestinationContext.defaults(), DeliveryTelemetry.NONE, Clock.systemUTC());
    engine.start();
    System.out.println("delivery worker started");
    new CountDownLatch(1).await();
  }
}
