package io.auditline.app.cli.logpush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code auditline logpush jobs create}: {@code POST /jobs}. */
@Command(name = "create", mixinStandardHelpOptions = true,
    description = "Create a job; it delivers the events appended from now on. Enabling needs a proof of ownership.")
final class JobCreate extends ApiCall {

  @Option(names = "--account", required = true, description = "Account whose audit logs the job delivers")
  String account;

  @Option(names = "--name", required = true, description = "Job name, unique within the account")
  String name;

  @Option(names = "--destination", required = true, paramLabel = "URI",
      description = "file:///dir/{DATE}, s3://bucket/prefix?..., azure://..., https://... (see docs/logpush.md)")
  String destination;

  @Option(names = "--max-age", paramLabel = "DURATION", description = "Longest an event waits in a batch: 1s .. 1h (server default 30s)")
  String maxAge;

  @Option(names = "--max-records", paramLabel = "N", description = "Records per object (server default 100000)")
  Integer maxRecords;

  @Option(names = "--max-bytes", paramLabel = "N", description = "Uncompressed bytes per object (server default 100000000)")
  Long maxBytes;

  @Option(names = "--format", paramLabel = "FORMAT", description = "ndjson or csv (server default ndjson)")
  String format;

  @Option(names = "--fields", split = ",", paramLabel = "FIELD", description = "Fields to write, comma-separated (default: all)")
  List<String> fields;

  @Option(names = "--filter", paramLabel = "JSON",
      description = "Which events to deliver, e.g. '{\"where\":{\"key\":\"action.type\",\"operator\":\"startsWith\",\"value\":\"zone.\"}}'; @FILE reads a file")
  String filter;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Proof proof;

  @Option(names = "--enable", description = "Enable the job at once (needs --verify-credentials or --challenge)")
  boolean enable;

  @Option(names = "--json", description = "Print the job as JSON")
  boolean json;

  @Override
  int run(LogpushApi api, PrintWriter out, PrintWriter err) throws IOException, ApiError, InterruptedException {
    JsonNode job = api.post(LogpushApi.path(account, "/jobs"), body()).path("result");
    if (json) {
      out.println(LogpushApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(job));
    } else {
      JobText.summary(job, out);
    }
    return 0;
  }

  /** The request body; only what was given, so the server's defaults apply to the rest. */
  ObjectNode body() throws IOException {
    ObjectNode body = LogpushApi.JSON.createObjectNode();
    body.put("name", name);
    body.put("destination", destination);
    if (maxAge != null) {
      if (maxAge.chars().allMatch(Character::isDigit) && !maxAge.isEmpty() && maxAge.length() < 10) {
        body.put("max_age", Long.parseLong(maxAge));
      } else {
        body.put("max_age", maxAge);
      }
    }
    if (maxRecords != null) {
      body.put("max_records", maxRecords);
    }
    if (maxBytes != null) {
      body.put("max_bytes", maxBytes);
    }
    if (format != null || fields != null) {
      ObjectNode options = body.putObject("output_options");
      if (format != null) {
        options.put("format", format);
      }
      if (fields != null) {
        fields.stream().map(String::strip).filter(f -> !f.isEmpty()).forEach(options.putArray("fields")::add);
      }
    }
    if (filter != null) {
      body.set("filter", filterJson());
    }
    Proof.addTo(proof, body);
    if (enable) {
      body.put("enabled", true);
    }
    return body;
  }

  private JsonNode filterJson() throws IOException {
    try {
      return LogpushApi.JSON.readTree(filter);
    } catch (IOException e) {
      throw new UsageException("--filter: not JSON (%s)".formatted(e.getMessage().lines().findFirst().orElse("")));
    }
  }
}
