package io.auditline.platform.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.auditline.platform.http.AdminHttpServer;
import io.auditline.platform.lifecycle.HealthReport;
import io.auditline.platform.lifecycle.HealthSource;
import io.auditline.platform.metrics.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilingEndpointsTest {

  private static final String TOKEN = "s3cret-admin-token-0123456789";
  private static final HealthSource HEALTHY = new HealthSource() {
    @Override public HealthReport liveness() {
      return new HealthReport(true, "RUNNING", Map.of());
    }
    @Override public HealthReport readiness() {
      return liveness();
    }
  };

  final Metrics metrics = Metrics.create("test");
  final HttpClient client = HttpClient.newHttpClient();
  AdminHttpServer server;
  ProfilingEndpoints endpoints;
  volatile boolean spinning = true;
  volatile double sink;

  @TempDir Path dir;

  private void start(FlameGraphProfiler flameGraphs) throws Exception {
    endpoints = new ProfilingEndpoints(new JfrProfiler(), flameGraphs, AdminToken.of(TOKEN), Clock.systemUTC());
    server = endpoints.mountOn(new AdminHttpServer("127.0.0.1", 0, HEALTHY, metrics.registry()));
    server.start();
  }

  @AfterEach
  void stop() {
    spinning = false;
    if (server != null) {
      server.close();
    }
    metrics.close();
    client.close();
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).timeout(Duration.ofSeconds(60));
  }

  private HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
    return client.send(request(pathAndQuery).header("Authorization", "Bearer " + TOKEN).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Keeps a thread on the CPU so the profilers have Java frames to sample. */
  private void spin() {
    Thread t = new Thread(() -> {
      double x = 1;
      while (spinning) {
        x = busyWork(x);
      }
      sink = x;
    }, "profiling-test-spinner");
    t.setDaemon(true);
    t.start();
  }

  private static double busyWork(double x) {
    for (int i = 0; i < 10_000; i++) {
      x = Math.sin(x) + Math.sqrt(Math.abs(x) + i);
    }
    return x;
  }

  @Test
  void profileReturnsAJfrRecordingOfTheProcess() throws Exception {
    start(new FlameGraphProfiler());
    spin();

    HttpResponse<byte[]> response = get("/admin/profile?seconds=2");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        d -> assertThat(d).matches("attachment; filename=\"auditline-\\d{8}T\\d{6}Z\\.jfr\""));
    Path file = Files.write(dir.resolve("profile.jfr"), response.body());
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    Set<String> types = events.stream().map(e -> e.getEventType().getName()).collect(Collectors.toSet());
    assertThat(types).contains("jdk.ExecutionSample", "jdk.CPULoad");
    assertThat(events.stream().filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample")))
        .anySatisfy(e -> assertThat(e.getThread("sampledThread").getJavaName()).isEqualTo("profiling-test-spinner"));
  }

  @Test
  void rejectsSecondsOutsideTheAllowedRange() throws Exception {
    start(new FlameGraphProfiler());

    for (String query : List.of("seconds=0", "seconds=301", "seconds=abc", "seconds=-1", "seconds=", "seconds=1&seconds=2")) {
      HttpResponse<byte[]> response = get("/admin/profile?" + query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(new String(response.body())).as(query).contains("expected: an integer 1..300");
    }
    assertThat(get("/admin/flamegraph?seconds=9999").statusCode()).isEqualTo(400);
  }

  @Test
  void refusesASecondProfileWhileOneIsRecording() throws Exception {
    start(new FlameGraphProfiler());
    CompletableFuture<HttpResponse<byte[]>> first = client.sendAsync(
        request("/admin/profile?seconds=3").header("Authorization", "Bearer " + TOKEN).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    await().atMost(Duration.ofSeconds(10)).until(endpoints::busy);

    HttpResponse<byte[]> second = get("/admin/profile?seconds=1");
    HttpResponse<byte[]> flameGraph = get("/admin/flamegraph?seconds=1");

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(flameGraph.statusCode()).isEqualTo(409);
    assertThat(first.get().statusCode()).isEqualTo(200);
    assertThat(endpoints.busy()).isFalse();
  }

  @Test
  void requiresTheAdminToken() throws Exception {
    start(new FlameGraphProfiler());

    HttpResponse<byte[]> missing = client.send(request("/admin/profile?seconds=1").build(), HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> wrong = client.send(request("/admin/flamegraph?seconds=1").header("Authorization", "Bearer nope").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> basic = client.send(request("/admin/profile?seconds=1").header("Authorization", "Basic " + TOKEN).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(List.of(missing, wrong, basic)).allSatisfy(r -> {
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    });
    assertThat(endpoints.busy()).isFalse();
    // Health and metrics stay open to probes and scrapers.
    assertThat(client.send(request("/metrics").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void onlyGetIsAllowed() throws Exception {
    start(new FlameGraphProfiler());

    HttpResponse<byte[]> post = client.send(request("/admin/profile?seconds=1").header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void flameGraphIsHtmlWithTheBusyMethod() throws Exception {
    String os = System.getProperty("os.name").toLowerCase();
    String arch = System.getProperty("os.arch");
    // The async-profiler artifact bundles libraries for these platforms only; elsewhere the 501 path
    // below is what operators get, and the test with a failing loader covers it.
    assumeThat(os.contains("linux") && Set.of("amd64", "x86_64", "aarch64").contains(arch) || os.contains("mac")).isTrue();
    FlameGraphProfiler profiler = new FlameGraphProfiler();
    assertThat(profiler.unavailable()).isEmpty();
    start(profiler);
    spin();

    HttpResponse<byte[]> response = get("/admin/flamegraph?seconds=2");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    String html = new String(response.body());
    assertThat(html).startsWith("<!DOCTYPE html>").contains("busyWork");
  }

  @Test
  void flameGraphIs501WhenAsyncProfilerDoesNotLoad() throws Exception {
    start(new FlameGraphProfiler(() -> {
      throw new UnsatisfiedLinkError("no libasyncProfiler for this platform");
    }));

    HttpResponse<byte[]> response = get("/admin/flamegraph?seconds=1");

    assertThat(response.statusCode()).isEqualTo(501);
    assertThat(new String(response.body()))
        .contains("async-profiler does not load", "no libasyncProfiler for this platform", "/admin/profile");
    assertThat(endpoints.busy()).isFalse();
  }

  @Test
  void unknownPathsUnderAdminAre404BehindTheToken() throws Exception {
    start(new FlameGraphProfiler());

    assertThat(get("/admin/profile/extra").statusCode()).isEqualTo(404);
    assertThat(get("/admin/other").statusCode()).isEqualTo(404);
    assertThat(client.send(request("/admin/other").build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(401);
  }
}
