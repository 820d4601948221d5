package io.auditline.logpush.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.logpush.filter.Filter;
import io.auditline.logpush.filter.FilterParse;
import io.auditline.logpush.format.OptionsParse;
import io.auditline.logpush.format.OutputOptions;
import java.util.List;

/** The real {@link JobValidation}: output options and filters checked by their own parsers. */
public final class JobValidations {

  private JobValidations() {}

  public static JobValidation standard() {
    return new JobValidation() {
      @Override
      public OptionsCheck outputOptions(JsonNode options) {
        return switch (OutputOptions.parse(options)) {
          case OptionsParse.Valid valid -> new OptionsCheck.Valid(valid.options().toJson());
          case OptionsParse.Invalid invalid -> new OptionsCheck.Invalid(relative(invalid.errors(), "output_options"));
        };
      }

      @Override
      public OptionsCheck filter(JsonNode filter) {
        return switch (Filter.parse(filter)) {
          case FilterParse.Valid valid -> new OptionsCheck.Valid((ObjectNode) valid.filter().toJson());
          case FilterParse.Invalid invalid -> new OptionsCheck.Invalid(relative(invalid.errors(), "filter"));
        };
      }
    };
  }

  /** The parsers name full paths ({@code filter.where...}); the API adds the field name itself. */
  private static List<String> relative(List<String> errors, String root) {
    return errors.stream().map(e -> e.startsWith(root + ".") ? e.substring(root.length() + 1)
        : e.startsWith(root + ":") ? e.substring(root.length()) : e).toList();
  }
}
