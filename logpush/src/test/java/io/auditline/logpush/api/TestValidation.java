package io.auditline.logpush.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.logpush.job.JobValidation;
import io.auditline.logpush.job.OptionsCheck;
import java.util.List;

/** Accepts objects, but rejects {@code format: xml} and {@code where.and[0].operator: like}, to test how errors are named. */
final class TestValidation implements JobValidation {

  private final JobValidation objects = JobValidation.acceptingObjects();

  @Override
  public OptionsCheck outputOptions(JsonNode options) {
    if (options.path("format").asText().equals("xml")) {
      return new OptionsCheck.Invalid(List.of("format: unknown format 'xml' (expected: ndjson, csv)"));
    }
    return objects.outputOptions(options);
  }

  @Override
  public OptionsCheck filter(JsonNode filter) {
    if (filter.at("/where/and/0/operator").asText().equals("like")) {
      return new OptionsCheck.Invalid(List.of("where.and[0].operator: unknown operator 'like' (expected: eq, ne, in)"));
    }
    return objects.filter(filter);
  }
}
