package io.auditline.app.cli.logpush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The Logpush REST API of one account over {@code java.net.http}: JSON in, JSON out, problems as {@link ApiError}. */
final class LogpushApi {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Ownership checks and redrives wait for the destination (up to its upload timeout, per object). */
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(15);

  private final HttpClient http;
  private final URI base;
  private final String token;

  LogpushApi(URI base, String token) {
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    this.base = base;
    this.token = token;
  }

  /** {@code /v1/accounts/<account>/logpush} followed by {@code path}. */
  static String path(String account, String path) {
    return "/v1/accounts/" + segment(account) + "/logpush" + path;
  }

  /** One path segment, percent-encoded. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  JsonNode get(String path) throws IOException, ApiError, InterruptedException {
    return send("GET", path, null);
  }

  JsonNode post(String path, JsonNode body) throws IOException, ApiError, InterruptedException {
    return send("POST", path, body);
  }

  JsonNode patch(String path, JsonNode body) throws IOException, ApiError, InterruptedException {
    return send("PATCH", path, body);
  }

  void delete(String path) throws IOException, ApiError, InterruptedException {
    send("DELETE", path, null);
  }

  /** The response body as JSON (an empty object for 204), or an {@link ApiError} for any status >= 300. */
  private JsonNode send(String method, String path, JsonNode body) throws IOException, ApiError, InterruptedException {
    URI uri = URI.create(base + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json, application/problem+json")
        .header("User-Agent", "auditline-cli");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new IOException("cannot connect to the API at " + base + " (is `./auditline dev` running? pass --api)", e);
    } catch (HttpTimeoutException e) {
      throw new IOException("the API at " + base + " did not answer " + method + " " + path + " in time", e);
    }
    String text = response.body();
    if (response.statusCode() >= 300) {
      throw new ApiError(response.statusCode(), problem(response, text), text);
    }
    if (text == null || text.isBlank()) {
      return JSON.createObjectNode();
    }
    return JSON.readTree(text);
  }

  private static JsonNode problem(HttpResponse<String> response, String text) {
    boolean json = response.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(false);
    if (!json || text == null || text.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      return null;
    }
  }
}
