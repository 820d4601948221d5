package io.auditline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A producer in another language, generated from the contract, ingests over mTLS. */
class PythonProducerIT {

  private static DevServer dev;
  private static Path root;
  private static Path stubs;
  private static String python;

  @BeforeAll
  static void start() throws Exception {
    dev = new DevServer();
    root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("examples/python/producer.py"))) {
      root = root.getParent();
      assertThat(root).as("repository root with examples/python").isNotNull();
    }
    python = findPythonWithGrpc();
    stubs = Files.createTempDirectory("py-stubs");
    Result gen = exec(List.of("bash", root.resolve("examples/python/generate.sh").toString(), stubs.toString()));
    assertThat(gen.exit).as("generate.sh output:%n%s", gen.output).isZero();
  }

  @AfterAll
  static void stop() {
    dev.close();
  }

  @Test
  void pythonProducerGetsItsEventsAccepted() throws Exception {
    Result result = producer("--count", "5");

    assertThat(result.exit).as(result.output).isZero();
    JsonNode json = lastJson(result.output);
    assertThat(json.get("ok").asBoolean()).isTrue();
    assertThat(json.get("accepted").asInt()).isEqualTo(5);
  }

  @Test
  void pythonProducerSeesFieldViolationsForInvalidEvents() throws Exception {
    Result result = producer("--count", "2", "--invalid");

    assertThat(result.exit).as(result.output).isEqualTo(1);
    JsonNode json = lastJson(result.output);
    assertThat(json.get("code").asText()).isEqualTo("INVALID_ARGUMENT");
    List<String> fields = new ArrayList<>();
    json.get("violations").forEach(v -> fields.add(v.get("field").asText()));
    assertThat(fields).contains("events[0].id", "events[1].action.type");
  }

  private static Result producer(String... extra) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                python, root.resolve("examples/python/producer.py").toString(),
                "--stubs", stubs.toString(),
                "--target", "localhost:" + dev.grpcPort(),
                "--ca", dev.pki.caCert().toString(),
                "--cert", dev.pki.producerCert().toString(),
                "--key", dev.pki.producerKey().toString(),
                "--account", "acct-python"));
    command.addAll(List.of(extra));
    return exec(command);
  }

  private static JsonNode lastJson(String output) throws IOException {
    String line = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no JSON in:\n" + output));
    return new ObjectMapper().readTree(line);
  }

  /** Debian's python3 has python3-grpcio; a python3 earlier on PATH (pyenv) may not. */
  private static String findPythonWithGrpc() throws Exception {
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      try {
        if (exec(List.of(candidate, "-c", "import grpc, google.protobuf")).exit == 0) {
          return candidate;
        }
      } catch (IOException notThere) {
        // try the next one
      }
    }
    throw new AssertionError("no python3 with grpcio and protobuf: run scripts/install-test-deps.sh");
  }

  private record Result(int exit, String output) {}

  private static Result exec(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
