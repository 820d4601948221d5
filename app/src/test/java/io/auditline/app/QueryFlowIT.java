package io.auditline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditline.app.cli.SendCommand;
import io.auditline.app.cli.TokensCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's walk-through: send an event, create a token, read the event back through the API. */
class QueryFlowIT {

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
  void anEventSentWithTheDemoCertificateIsReadableWithAnAccountToken() throws Exception {
    String account = "acct-flow-" + System.nanoTime();
    String sent = Cli.run(new SendCommand(), 0, "--dev-json", dev.devJson.toString(), "--account", account, "--count", "2");
    Matcher ids = Pattern.compile("accepted\\s+(\\S+)").matcher(sent);
    assertThat(ids.find()).as(sent).isTrue();
    String firstId = ids.group(1);

    String created =
        Cli.run(new TokensCommand(), 0, "create", "--dev-json", dev.devJson.toString(), "--account", account, "--scope", "audit_logs:read");
    Matcher token = Pattern.compile("(alt_[A-Za-z0-9_-]+)").matcher(created);
    assertThat(token.find()).as(created).isTrue();

    HttpClient http = HttpClient.newHttpClient();
    HttpRequest list =
        HttpRequest.newBuilder(URI.create(dev.apiUrl() + "/v1/accounts/" + account + "/audit-logs"))
            .header("Authorization", "Bearer " + token.group(1))
            .build();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      HttpResponse<String> response = http.send(list, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode page = new ObjectMapper().readTree(response.body());
      assertThat(page.get("result")).hasSize(2);
    });

    HttpResponse<String> one =
        http.send(
            HttpRequest.newBuilder(URI.create(dev.apiUrl() + "/v1/accounts/" + account + "/audit-logs/" + firstId))
                .header("Authorization", "Bearer " + token.group(1))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body()).contains(firstId).contains("zone.settings.update");

    HttpResponse<String> otherAccount =
        http.send(
            HttpRequest.newBuilder(URI.create(dev.apiUrl() + "/v1/accounts/demo-account/audit-logs"))
                .header("Authorization", "Bearer " + token.group(1))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(otherAccount.statusCode()).isEqualTo(404);
  }
}
