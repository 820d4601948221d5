package io.auditline.store.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.query.AuditLogPage;
import io.auditline.store.query.AuditLogQuery;
import io.auditline.store.query.AuditLogQueryParser;
import io.auditline.store.query.AuditLogRepository;
import io.auditline.store.query.Cursor;
import io.auditline.store.query.EventCsv;
import io.auditline.store.query.EventJson;
import io.auditline.store.query.ExportFormat;
import io.auditline.store.query.ExportRequest;
import io.auditline.store.query.InvalidParam;
import io.auditline.store.query.Parsed;
import io.auditline.store.token.Authenticator;
import io.auditline.store.token.Scope;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit-log endpoints: check access, parse, call the repository, render the outcome. */
final class AuditLogRoutes {

  private static final Logger log = LoggerFactory.getLogger(AuditLogRoutes.class);
  private static final JsonFactory JSON = new JsonFactory();

  private final Authenticator authenticator;
  private final AuditLogRepository repository;
  private final Clock clock;

  AuditLogRoutes(Authenticator authenticator, AuditLogRepository repository, Clock clock) {
    this.authenticator = authenticator;
    this.repository = repository;
    this.clock = clock;
  }

  /** {@code GET /v1/accounts/{account}/audit-logs}. */
  void list(Context ctx) throws IOException {
    Optional<String> account = authorize(ctx);
    if (account.isEmpty()) {
      return;
    }
    switch (AuditLogQueryParser.page(account.get(), ctx.queryParamMap(), clock.instant())) {
      case Parsed.Invalid<AuditLogQuery> invalid -> problem(ctx, Problem.invalidParams(invalid.params()));
      case Parsed.Valid<AuditLogQuery> valid -> json(ctx, page(valid.value(), repository.page(valid.value())));
    }
  }

  /** {@code GET /v1/accounts/{account}/audit-logs/{id}}. */
  void get(Context ctx) throws IOException {
    Optional<String> account = authorize(ctx);
    if (account.isEmpty()) {
      return;
    }
    Map<String, List<String>> params = ctx.queryParamMap();
    if (!params.isEmpty()) {
      problem(ctx, Problem.invalidParams(params.keySet().stream().sorted()
          .map(name -> new InvalidParam(name, "unknown parameter (expected: none)")).toList()));
      return;
    }
    Optional<UUID> id = uuid(ctx.pathParam("id"));
    Optional<AuditEvent> event = id.flatMap(i -> repository.find(account.get(), i));
    if (event.isEmpty()) {
      problem(ctx, Problem.notFound());
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("result");
      EventJson.write(event.get(), g);
      g.writeEndObject();
    }
    json(ctx, out.toByteArray());
  }

  /** {@code GET /v1/accounts/{account}/audit-logs/export}: streamed, never held in memory. */
  void export(Context ctx) throws IOException {
    Optional<String> account = authorize(ctx);
    if (account.isEmpty()) {
      return;
    }
    ExportRequest request;
    switch (AuditLogQueryParser.export(account.get(), ctx.queryParamMap(), clock.instant())) {
      case Parsed.Invalid<ExportRequest> invalid -> {
        problem(ctx, Problem.invalidParams(invalid.params()));
        return;
      }
      case Parsed.Valid<ExportRequest> valid -> request = valid.value();
    }
    ExportFormat format = request.format();
    ctx.status(200).contentType(format.contentType());
    ctx.header("Content-Disposition", "attachment; filename=\"audit-logs." + format.wireName() + "\"");
    Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 64 * 1024);
    if (format == ExportFormat.CSV) {
      EventCsv.writeHeader(out);
    }
    long count = repository.export(request.query(), event -> {
      if (format == ExportFormat.CSV) {
        EventCsv.writeRow(event, out);
      } else {
        out.write(EventJson.toJson(event));
        out.write('\n');
      }
    });
    out.flush();
    log.atInfo().setMessage("audit logs exported").addKeyValue("account_id", account.get())
        .addKeyValue("format", format.wireName()).addKeyValue("events", count).log();
  }

  /** The account of the path when the caller may read it; otherwise the problem is already sent. */
  private Optional<String> authorize(Context ctx) {
    String account = ctx.pathParam("account");
    return switch (Access.check(authenticator, ctx.header("Authorization"), account, Scope.AUDIT_LOGS_READ)) {
      case Access.Granted granted -> Optional.of(account);
      case Access.Denied denied -> {
        problem(ctx, denied.problem());
        yield Optional.empty();
      }
    };
  }

  private static byte[] page(AuditLogQuery query, AuditLogPage page) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("result");
      for (AuditEvent event : page.events()) {
        EventJson.write(event, g);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("result_info");
      g.writeNumberField("count", page.events().size());
      g.writeStringField("since", query.since().toString());
      g.writeStringField("before", query.before().toString());
      if (page.next().isPresent()) {
        g.writeStringField("cursor", page.next().map(Cursor::encode).get());
      } else {
        g.writeNullField("cursor");
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static Optional<UUID> uuid(String text) {
    if (text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void json(Context ctx, byte[] body) {
    ctx.status(200).contentType("application/json").result(body);
  }

  static void problem(Context ctx, Problem problem) {
    problem.send(ctx);
  }
}
