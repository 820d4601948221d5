package io.auditline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import io.auditline.app.cli.TokensCommand;
import io.auditline.proto.v1.SecurityAction;
import io.auditline.proto.v1.SecurityEvent;
import io.auditline.proto.v1.SecuritySource;
import io.auditline.testkit.kafka.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Security events written to {@code security.events.v1} the way an edge system would are counted per
 * zone and minute by the detect role and read back through the time-series API.
 */
class SecurityRollupFlowIT {

  private static DevServer dev;

  @BeforeAll
  static void start() throws Exception {
    dev = new DevServer();
  }

  @AfterAll
  static void stop() {
    dev.close();
  }

  @Test
  void securityEventsAreCountedPerZoneAndMinuteAndReadBack() throws Exception {
    String account = "acct-sec-" + System.nanoTime();
    String zone = "zone-" + UUID.randomUUID().toString().substring(0, 8);
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2));
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < 30; i++) {
        SecurityEvent event = SecurityEvent.newBuilder().setId(UUID.randomUUID().toString()).setAccountId(account).setZoneId(zone)
            .setOccurredAt(Timestamp.newBuilder().setSeconds(minute.getEpochSecond() + i))
            .setAction(i < 20 ? SecurityAction.SECURITY_ACTION_BLOCK : SecurityAction.SECURITY_ACTION_CHALLENGE)
            .setSource(SecuritySource.SECURITY_SOURCE_WAF).setRuleId("rule-1").setClientIp("203.0.113.9").setClientCountry("DE")
            .setHost("shop.example.com").setPath("/login").setMethod("POST").setSchemaVersion(1).build();
        producer.send(new ProducerRecord<>("security.events.v1", zone.getBytes(StandardCharsets.UTF_8), event.toByteArray())).get();
      }
    }
    String created = Cli.run(new TokensCommand(), 0, "create", "--dev-json", dev.devJson.toString(), "--account", account,
        "--scope", "alerts:write");
    Matcher token = Pattern.compile("(alt_[A-Za-z0-9_-]+)").matcher(created);
    assertThat(token.find()).as(created).isTrue();

    HttpClient http = HttpClient.newHttpClient();
    String query = "?from=%s&to=%s&step=1m".formatted(minute.minus(Duration.ofMinutes(1)), minute.plus(Duration.ofMinutes(2)));
    HttpRequest all = HttpRequest.newBuilder(URI.create(dev.apiUrl() + "/v1/accounts/" + account + "/zones/" + zone
        + "/security-events/timeseries" + query)).header("Authorization", "Bearer " + token.group(1)).build();
    HttpRequest blocks = HttpRequest.newBuilder(URI.create(dev.apiUrl() + "/v1/accounts/" + account + "/zones/" + zone
        + "/security-events/timeseries" + query + "&action=block")).header("Authorization", "Bearer " + token.group(1)).build();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(countAt(http, all, minute)).isEqualTo(30);
      assertThat(countAt(http, blocks, minute)).isEqualTo(20);
    });
  }

  private static long countAt(HttpClient http, HttpRequest request, Instant minute) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(response.body());
    for (JsonNode point : body.path("result").path("points")) {
      if (Instant.parse(point.get("start").asText()).equals(minute)) {
        return point.get("count").asLong();
      }
    }
    throw new AssertionError("no point for " + minute + " in " + response.body());
  }
}
