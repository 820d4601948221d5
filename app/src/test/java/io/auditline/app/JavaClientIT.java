package io.auditline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java client a producer team imports, against the real server over mTLS. */
class JavaClientIT {

  private static DevServer dev;
  private static AuditlineClient client;

  @BeforeAll
  static void start() throws Exception {
    dev = new DevServer();
    client =
        AuditlineClient.builder()
            .target("localhost:" + dev.grpcPort())
            .tls(dev.pki.caCert(), dev.pki.producerCert(), dev.pki.producerKey())
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    dev.close();
  }

  private static AuditEvent.Builder event(String email) {
    return AuditEvent.newBuilder()
        .setAccountId("acct-java")
        .setActor(Actor.newBuilder().setType(ActorType.ACTOR_TYPE_SERVICE).setId("svc-1").setEmail(email))
        .setAction(Action.newBuilder().setType("billing.invoice.create").setResult(ActionResult.ACTION_RESULT_SUCCESS))
        .setResource(Resource.newBuilder().setType("invoice").setId("inv-1"));
  }

  @Test
  void manyThreadsSendingConcurrentlyAreAllAcknowledged() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<CompletableFuture<Acknowledgement>> acks = new ArrayList<>();
    try {
      List<CompletableFuture<List<CompletableFuture<Acknowledgement>>>> senders = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        senders.add(CompletableFuture.supplyAsync(() -> {
          List<CompletableFuture<Acknowledgement>> mine = new ArrayList<>();
          for (int i = 0; i < 100; i++) {
            mine.add(client.send(AuditEvents.withDefaults(event("ops@example.com"))));
          }
          return mine;
        }, pool));
      }
      for (var sender : senders) {
        acks.addAll(sender.join());
      }
    } finally {
      pool.shutdown();
    }
    client.flush();
    assertThat(acks).hasSize(400);
    assertThat(acks.stream().map(CompletableFuture::join).map(Acknowledgement::id).distinct()).hasSize(400);
    assertThat(acks.stream().map(CompletableFuture::join)).allMatch(a -> a instanceof Acknowledgement.Accepted);
  }

  @Test
  void anInvalidEventFailsOnlyItsOwnFutureWithItsViolations() {
    CompletableFuture<Acknowledgement> good = client.send(AuditEvents.withDefaults(event("ops@example.com")));
    CompletableFuture<Acknowledgement> bad = client.send(AuditEvents.withDefaults(event("ops@")));
    client.flush();

    assertThat(good.join()).isInstanceOf(Acknowledgement.Accepted.class);
    assertThatThrownBy(bad::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(EventRejectedException.class, e ->
            assertThat(e.violations()).anySatisfy(v -> {
              assertThat(v.field()).isEqualTo("actor.email");
              assertThat(v.rule()).isEqualTo("string.email");
            }));
  }

  @Test
  void anAtomicBatchWithAnInvalidEventFailsWithFieldPaths() {
    assertThatThrownBy(() -> client.sendBatch(List.of(AuditEvents.withDefaults(event("ok@example.com")), AuditEvents.withDefaults(event("nope")))))
        .isInstanceOfSatisfying(AuditlineException.class, e -> {
          assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("events[1].actor.email"));
        });
  }

  @Test
  void resendingTheSameEventIsADuplicateNotASecondWrite() {
    AuditEvent once = AuditEvents.withDefaults(event("ops@example.com"));
    assertThat(client.send(once).join()).isInstanceOf(Acknowledgement.Accepted.class);
    assertThat(client.send(once).join()).isInstanceOf(Acknowledgement.Duplicate.class);
  }
}
