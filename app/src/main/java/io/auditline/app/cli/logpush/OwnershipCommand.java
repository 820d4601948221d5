package io.auditline.app.cli.logpush;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code auditline logpush ownership}: writes an ownership challenge object to a destination. */
@Command(name = "ownership", mixinStandardHelpOptions = true,
    description = "Write an ownership challenge object to a destination; its token proves the destination is yours.")
final class OwnershipCommand extends ApiCall {

  @Option(names = "--account", required = true, description = "Account that will deliver to the destination")
  String account;

  @Option(names = "--destination", required = true, paramLabel = "URI", description = "The destination URI, exactly as the job will use it")
  String destination;

  @Override
  int run(LogpushApi api, PrintWriter out, PrintWriter err) throws IOException, ApiError, InterruptedException {
    JsonNode body = LogpushApi.JSON.createObjectNode().put("destination", destination);
    JsonNode result = api.post(LogpushApi.path(account, "/ownership"), body);
    out.println("Wrote the challenge object " + result.path("filename").asText());
    out.println("  to " + result.path("destination").asText());
    out.println("It expires at " + result.path("expires_at").asText() + ".");
    out.println();
    out.println("Read the token from that object and pass it when creating or enabling a job with the same URI:");
    out.println("  auditline logpush jobs create --account " + account + " --name NAME --destination URI --challenge TOKEN --enable");
    out.println("  auditline logpush jobs enable --account " + account + " --id JOB --challenge TOKEN");
    return 0;
  }
}
