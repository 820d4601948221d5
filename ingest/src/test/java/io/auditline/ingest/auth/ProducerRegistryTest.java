package io.auditline.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.ingest.testing.SecurityEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerRegistryTest {

  @TempDir Path dir;

  private ProducerRegistry load(String yaml) throws IOException {
    Path file = dir.resolve("producers.yaml");
    Files.writeString(file, yaml);
    return ProducerRegistry.load(file);
  }

  @Test
  void securityEventsAreOffUnlessTheProducerSaysSo() throws IOException {
    ProducerRegistry registry =
        load(
            """
            producers:
              - identity: audit-only
                accounts: ["*"]
                actionTypes: ["*"]
              - identity: edge
                accounts: ["acct-1"]
                actionTypes: ["zone."]
                securityEvents: true
            """);
    ProducerPolicy auditOnly = registry.policy(new ProducerIdentity("audit-only")).orElseThrow();
    ProducerPolicy edge = registry.policy(new ProducerIdentity("edge")).orElseThrow();

    assertThat(auditOnly.mayWriteSecurityEvents()).isFalse();
    assertThat(ProducerRegistry.check(auditOnly, SecurityEvents.valid().build()))
        .singleElement()
        .satisfies(v -> assertThat(v.getRule()).isEqualTo(ProducerRegistry.SECURITY_EVENTS_RULE));
    assertThat(edge.mayWriteSecurityEvents()).isTrue();
    assertThat(ProducerRegistry.check(edge, SecurityEvents.valid("acct-1", "z1").build())).isEmpty();
  }

  @Test
  void aSecurityProducerStillNeedsTheAccount() {
    ProducerPolicy edge = new ProducerPolicy("edge", List.of("acct-1"), List.of("*"), true);
    assertThat(ProducerRegistry.check(edge, SecurityEvents.valid("acct-2", "z1").build()))
        .singleElement()
        .satisfies(v -> {
          assertThat(v.getField()).isEqualTo("account_id");
          assertThat(v.getRule()).isEqualTo(ProducerRegistry.ACCOUNT_RULE);
        });
  }
}
