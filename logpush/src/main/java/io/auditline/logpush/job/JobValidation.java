package io.auditline.logpush.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Validates and normalises the parts of a job that other features define: the output options (see
 * {@code format.OutputOptions}) and the filter (see {@code filter.Filter}).
 */
public interface JobValidation {

  /** Checks a job's {@code output_options}; an absent field arrives as an empty object. */
  OptionsCheck outputOptions(JsonNode options);

  /** Checks a job's {@code filter}; only called for a present, non-null field. */
  OptionsCheck filter(JsonNode filter);

  /** Accepts any JSON object unchanged: for tests, until the real validators are wired. */
  static JobValidation acceptingObjects() {
    return new JobValidation() {
      @Override
      public OptionsCheck outputOptions(JsonNode options) {
        return object(options);
      }

      @Override
      public OptionsCheck filter(JsonNode filter) {
        return object(filter);
      }
    };
  }

  private static OptionsCheck object(JsonNode node) {
    return node instanceof ObjectNode object ? new OptionsCheck.Valid(object.deepCopy())
        : new OptionsCheck.Invalid(List.of(": expected a JSON object, got " + node.getNodeType().name().toLowerCase()));
  }
}
