package io.auditline.ingest.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.auditline.ingest.validate.Texts;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.SecurityEvent;
import io.auditline.proto.v1.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The producers file: which producer identity may write which accounts and action types.
 *
 * <pre>
 * producers:
 *   - identity: spiffe://example.com/producer/billing
 *     accounts: ["*"]
 *     actionTypes: ["billing.", "account.payment_method."]
 *   - identity: spiffe://example.com/producer/edge
 *     accounts: ["*"]
 *     actionTypes: ["zone."]
 *     securityEvents: true     # may call IngestSecurityEvents; false when absent
 * </pre>
 */
public final class ProducerRegistry {

  /** Rule id of a violation for an account the producer may not write. */
  public static final String ACCOUNT_RULE = "permission.account";

  /** Rule id of a violation for an action type the producer may not write. */
  public static final String ACTION_RULE = "permission.action_type";

  /** Rule id of a violation for a producer that may not write security events at all. */
  public static final String SECURITY_EVENTS_RULE = "permission.security_events";

  private final Map<String, ProducerPolicy> byIdentity;

  public ProducerRegistry(List<ProducerPolicy> policies) {
    Map<String, ProducerPolicy> map = new HashMap<>();
    for (ProducerPolicy policy : policies) {
      if (map.put(policy.identity(), policy) != null) {
        throw new IllegalArgumentException(
            "producers: identity " + policy.identity() + " listed twice (expected: once)");
      }
    }
    this.byIdentity = Map.copyOf(map);
  }

  /** Reads a producers file; unknown keys and malformed entries are errors naming the file. */
  public static ProducerRegistry load(Path file) {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    try {
      ProducersFile parsed = yaml.readValue(Files.readString(file), ProducersFile.class);
      if (parsed == null || parsed.producers() == null) {
        throw new IllegalArgumentException(file + ": no 'producers' list (expected: a list of producers)");
      }
      return new ProducerRegistry(parsed.producers());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read producers file " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("producers file " + file + ": " + e.getMessage(), e);
    }
  }

  public Optional<ProducerPolicy> policy(ProducerIdentity identity) {
    return Optional.ofNullable(byIdentity.get(identity.value()));
  }

  public int size() {
    return byIdentity.size();
  }

  /** The permission violations of {@code event} for {@code policy}; empty when it may be written. */
  public static List<Violation> check(ProducerPolicy policy, AuditEvent event) {
    if (!policy.mayWriteAccount(event.getAccountId())) {
      return List.of(
          Violation.newBuilder()
              .setField("account_id")
              .setRule(ACCOUNT_RULE)
              .setMessage(
                  "producer " + policy.identity() + " may not write account '"
                      + Texts.abbreviate(event.getAccountId(), 80) + "'")
              .build());
    }
    if (!policy.mayWriteAction(event.getAction().getType())) {
      return List.of(
          Violation.newBuilder()
              .setField("action.type")
              .setRule(ACTION_RULE)
              .setMessage(
                  "producer " + policy.identity() + " may not write action type '"
                      + Texts.abbreviate(event.getAction().getType(), 140) + "' (allowed prefixes: " + policy.actionTypes() + ")")
              .build());
    }
    return List.of();
  }

  /** The permission violations of security event {@code event} for {@code policy}; empty when it may be written. */
  public static List<Violation> check(ProducerPolicy policy, SecurityEvent event) {
    if (!policy.mayWriteSecurityEvents()) {
      return List.of(
          Violation.newBuilder()
              .setRule(SECURITY_EVENTS_RULE)
              .setMessage(
                  "producer " + policy.identity() + " may not write security events (securityEvents: true"
                      + " in the producers file allows it)")
              .build());
    }
    if (!policy.mayWriteAccount(event.getAccountId())) {
      return List.of(
          Violation.newBuilder()
              .setField("account_id")
              .setRule(ACCOUNT_RULE)
              .setMessage(
                  "producer " + policy.identity() + " may not write account '"
                      + Texts.abbreviate(event.getAccountId(), 80) + "'")
              .build());
    }
    return List.of();
  }

  /** The file's shape. */
  record ProducersFile(List<ProducerPolicy> producers) {}
}
