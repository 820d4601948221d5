package io.auditline.bench.store;

import com.google.protobuf.Timestamp;
import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.Actor;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.RequestContext;
import io.auditline.proto.v1.Resource;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Realistic, valid audit events for the store benchmarks: ~50 action types under shared prefixes
 * ({@code zone.settings.*}, {@code user.*}, {@code dns.record.*}, ...), varied actors, resources and
 * zones, and a fresh id per event. Deterministic for a given random source.
 */
final class SyntheticEvents {

  /** The action types, drawn uniformly; prefixes share them unevenly, as real traffic does. */
  static final List<String> ACTION_TYPES = List.of(
      "zone.create", "zone.delete", "zone.pause", "zone.unpause", "zone.plan.change",
      "zone.settings.update", "zone.settings.ssl.update", "zone.settings.cache_level.update",
      "zone.settings.always_use_https.update", "zone.settings.min_tls_version.update",
      "zone.settings.security_level.update", "zone.settings.waf.update",
      "dns.record.create", "dns.record.update", "dns.record.delete", "dns.record.import", "dns.record.export",
      "dns.zone_transfer.update", "dns.dnssec.enable", "dns.dnssec.disable",
      "user.login", "user.logout", "user.login.failed", "user.password.change", "user.two_factor.enable",
      "user.two_factor.disable", "user.email.change", "user.session.revoke",
      "account.member.invite", "account.member.remove", "account.member.role.update", "account.settings.update",
      "account.billing.update",
      "api_token.create", "api_token.roll", "api_token.revoke", "api_token.update",
      "firewall.rule.create", "firewall.rule.update", "firewall.rule.delete", "firewall.ip_access.create",
      "worker.script.deploy", "worker.script.delete", "worker.route.create", "worker.kv.namespace.create",
      "cache.purge", "cache.purge.everything", "certificate.order", "certificate.delete",
      "load_balancer.pool.update", "page_rule.create");

  /** Prefixes a customer filters by in the query benchmark; each matches 3–17 of the action types. */
  static final List<String> QUERY_PREFIXES = List.of(
      "zone.", "zone.settings.", "dns.", "dns.record.", "user.", "user.login", "account.member.",
      "api_token.", "firewall.", "worker.", "cache.purge");

  private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};
  private static final String PRODUCT_BY_PREFIX = "zone:zones dns:dns user:iam account:iam api_token:iam"
      + " firewall:waf worker:workers cache:cache certificate:ssl load_balancer:lb page_rule:rules";

  private SyntheticEvents() {}

  /** Account {@code index}'s id, e.g. {@code acct-0042}. */
  static String account(int index) {
    return "acct-%04d".formatted(index);
  }

  /** A valid event of {@code account} that happened at {@code occurredAt}. */
  static AuditEvent event(SplittableRandom random, String account, Instant occurredAt) {
    String action = ACTION_TYPES.get(random.nextInt(ACTION_TYPES.size()));
    String family = action.substring(0, action.indexOf('.'));
    int user = random.nextInt(20);
    boolean token = random.nextInt(4) == 0;
    int zone = random.nextInt(50);
    Actor.Builder actor = Actor.newBuilder()
        .setType(token ? ActorType.ACTOR_TYPE_API_TOKEN : ActorType.ACTOR_TYPE_USER)
        .setId(token ? "tok-" + account + "-" + user : "user-" + account + "-" + user)
        .setIp("198.51.100." + (1 + random.nextInt(250)))
        .setUserAgent(token ? "terraform-provider/4.52.0" : "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0");
    if (!token) {
      actor.setEmail("user" + user + "@" + account + ".example.com");
    } else {
      actor.setTokenId("tok-" + account + "-" + user).setTokenName("ci-deploy-" + user);
    }
    String resourceId = family + "-" + random.nextInt(10_000);
    String zoneId = "zone-" + account + "-" + zone;
    boolean failed = random.nextInt(20) == 0;
    return AuditEvent.newBuilder()
        .setId(uuid(random).toString())
        .setAccountId(account)
        .setActor(actor)
        .setAction(Action.newBuilder()
            .setType(action)
            .setDescription("%s on %s by %s".formatted(action, resourceId, actor.getId()))
            .setResult(failed ? ActionResult.ACTION_RESULT_FAILURE : ActionResult.ACTION_RESULT_SUCCESS)
            .setOccurredAt(Timestamp.newBuilder()
                .setSeconds(occurredAt.getEpochSecond()).setNanos(occurredAt.getNano() / 1000 * 1000)))
        .setResource(Resource.newBuilder()
            .setType(action.substring(0, action.lastIndexOf('.')))
            .setId(resourceId)
            .setProduct(product(family))
            .setScope("zones/" + zoneId))
        .setRequest(RequestContext.newBuilder()
            .setRequestId(uuid(random).toString())
            .setMethod(METHODS[random.nextInt(METHODS.length)])
            .setUri("/client/v4/zones/" + zoneId + "/" + family + "/" + resourceId)
            .setStatusCode(failed ? 403 : 200))
        .setZoneId(zoneId)
        .putMetadata("change_ticket", "CHG-" + random.nextInt(100_000))
        .setSchemaVersion(1)
        .build();
  }

  /** A version-4 UUID from {@code random}: fast, and reproducible for a seed. */
  static UUID uuid(SplittableRandom random) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  private static String product(String family) {
    int at = PRODUCT_BY_PREFIX.indexOf(family + ":");
    int end = PRODUCT_BY_PREFIX.indexOf(' ', at);
    return PRODUCT_BY_PREFIX.substring(at + family.length() + 1, end < 0 ? PRODUCT_BY_PREFIX.length() : end);
  }
}
