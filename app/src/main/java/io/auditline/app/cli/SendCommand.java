package io.auditline.app.cli;

import io.auditline.app.dev.DevEnvironment;
import io.auditline.client.Acknowledgement;
import io.auditline.client.AuditEvents;
import io.auditline.client.AuditlineClient;
import io.auditline.client.AuditlineException;
import io.auditline.client.EventRejectedException;
import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.Actor;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code auditline send}: sends sample events with the dev producer certificate (or given ones). */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = "Send sample audit events over mTLS and print what the server answered.")
public final class SendCommand implements Callable<Integer> {

  @Option(names = "--dev-json", defaultValue = "data/dev.json", description = "Endpoints written by `auditline dev` (default: ${DEFAULT-VALUE})")
  Path devJson;

  @Option(names = "--target", description = "host:port of the ingest server (default: from dev.json)")
  String target;

  @Option(names = "--ca", description = "CA certificate PEM (default: from dev.json)")
  Path ca;

  @Option(names = "--cert", description = "Client certificate PEM (default: from dev.json)")
  Path cert;

  @Option(names = "--key", description = "Client private key PEM (default: from dev.json)")
  Path key;

  @Option(names = "--account", defaultValue = "demo-account", description = "Account id (default: ${DEFAULT-VALUE})")
  String account;

  @Option(names = "--count", defaultValue = "1", description = "How many events (default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--invalid", description = "Send an event with a malformed email to see a rejection")
  boolean invalid;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() throws Exception {
    if (target == null || ca == null || cert == null || key == null) {
      Map<String, Object> dev = DevEnvironment.readDevJson(devJson);
      Map<String, Object> tls = (Map<String, Object>) dev.get("tls");
      target = target != null ? target : (String) dev.get("grpc");
      ca = ca != null ? ca : Path.of((String) tls.get("ca"));
      cert = cert != null ? cert : Path.of((String) tls.get("producerCert"));
      key = key != null ? key : Path.of((String) tls.get("producerKey"));
    }
    try (AuditlineClient client = AuditlineClient.builder().target(target).tls(ca, cert, key).build()) {
      List<CompletableFuture<Acknowledgement>> acks = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        AuditEvent event = sample(i);
        ids.add(event.getId());
        acks.add(client.send(event));
      }
      int failures = 0;
      for (int i = 0; i < acks.size(); i++) {
        try {
          Acknowledgement ack = acks.get(i).join();
          String what = ack instanceof Acknowledgement.Duplicate ? "duplicate (already written)" : "accepted";
          System.out.println(what + "  " + ack.id() + "  account=" + account);
        } catch (CompletionException e) {
          failures++;
          describe(ids.get(i), e.getCause());
        }
      }
      return failures == 0 ? 0 : 1;
    }
  }

  private AuditEvent sample(int i) {
    AuditEvent.Builder event =
        AuditEvent.newBuilder()
            .setAccountId(account)
            .setActor(
                Actor.newBuilder()
                    .setType(ActorType.ACTOR_TYPE_USER)
                    .setId("user-" + (1000 + i))
                    .setEmail(invalid ? "not-an-email" : "alice@example.com")
                    .setIp("203.0.113.10"))
            .setAction(
                Action.newBuilder()
                    .setType("zone.settings.update")
                    .setDescription("enabled always-use-https")
                    .setResult(ActionResult.ACTION_RESULT_SUCCESS))
            .setResource(Resource.newBuilder().setType("zone.setting").setId("always_use_https").setProduct("ssl"))
            .setZoneId("example-zone");
    return AuditEvents.withDefaults(event);
  }

  private static void describe(String id, Throwable cause) {
    if (cause instanceof EventRejectedException rejected) {
      System.out.println("rejected  " + id);
      rejected.violations().forEach(v -> System.out.println("  " + v.field() + "  [" + v.rule() + "]  " + v.message()));
    } else if (cause instanceof AuditlineException failed) {
      System.out.println("failed    " + id + "  " + failed.code() + ": " + failed.description());
    } else {
      System.out.println("failed    " + id + "  " + cause);
    }
  }
}
