package io.auditline.bench.logpush;

import com.google.protobuf.Timestamp;
import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.Actor;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.RequestContext;
import io.auditline.proto.v1.Resource;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid audit events of about {@code eventBytes} encoded bytes whose fields vary from event to event
 * (actors, addresses, actions, zones, request ids, times, a description of words drawn from a skewed
 * vocabulary), so that gzip sees text about as repetitive as real audit logs. The ingest benchmark's
 * events differ only in their id, which gzip compresses about 25:1 and several times faster than real
 * logs: a codec ceiling measured on them would flatter nobody but the codec.
 */
final class VariedEvents {

  private static final String[][] ACTIONS = {
      {"zone.settings.update", "zone.setting", "ssl"}, {"dns.record.create", "dns.record", "dns"},
      {"dns.record.delete", "dns.record", "dns"}, {"firewall.rule.update", "firewall.rule", "waf"},
      {"user.login", "user.session", "iam"}, {"api_token.create", "api_token", "iam"},
      {"member.invite", "account.member", "iam"}, {"worker.deploy", "worker.script", "workers"},
      {"cache.purge", "zone.cache", "cache"}, {"certificate.renew", "ssl.certificate", "ssl"},
      {"page_rule.update", "page_rule", "rules"}, {"load_balancer.pool.update", "lb.pool", "lb"},
      {"bucket.create", "r2.bucket", "r2"}, {"account.settings.update", "account.setting", "account"}};
  private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};
  private static final String[] AGENTS = {"curl/8.5", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "terraform/1.9.2",
      "auditline-go/0.4.1", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15", "python-requests/2.32"};
  private static final int[] STATUS = {200, 200, 200, 200, 201, 204, 400, 403, 404, 409};

  private final int eventBytes;
  private final String[] words = new String[500];
  private final String[] users = new String[300];
  private final String[] zones = new String[500];

  VariedEvents(int eventBytes) {
    this.eventBytes = eventBytes;
    Random random = new Random(42); // the same vocabulary, users and zones in every run
    String syllables = "ba be bi bo ca ce co da de di do fa fe ga ge la le li lo ma me mi mo na ne no pa pe "
        + "ra re ri ro sa se si so ta te ti to va ve za ze ch sh st tr pl gr en an in on er ar or is us";
    String[] parts = syllables.split(" ");
    for (int i = 0; i < words.length; i++) {
      StringBuilder w = new StringBuilder();
      for (int s = 1 + random.nextInt(4); s > 0; s--) {
        w.append(parts[random.nextInt(parts.length)]);
      }
      words[i] = w.toString();
    }
    for (int i = 0; i < users.length; i++) {
      users[i] = words[random.nextInt(words.length)] + "." + words[random.nextInt(words.length)] + i;
    }
    for (int i = 0; i < zones.length; i++) {
      zones[i] = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }
  }

  /** A fresh event of {@code accountId} (size within a few bytes of {@code eventBytes}). */
  AuditEvent event(String accountId) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String[] action = ACTIONS[r.nextInt(ACTIONS.length)];
    int user = skewed(r, users.length);
    String zone = zones[skewed(r, zones.length)];
    Instant now = Instant.now();
    String resourceId = Long.toHexString(r.nextLong());
    AuditEvent.Builder b = AuditEvent.newBuilder()
        .setId(new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString())
        .setAccountId(accountId)
        .setActor(Actor.newBuilder().setType(ActorType.ACTOR_TYPE_USER).setId("user-" + user)
            .setEmail(users[user] + "@example.com").setIp("198.51.100." + r.nextInt(256)).setUserAgent(AGENTS[user % AGENTS.length]))
        .setResource(Resource.newBuilder().setType(action[1]).setId(resourceId).setProduct(action[2]).setScope("zones/" + zone))
        .setRequest(RequestContext.newBuilder().setRequestId(Long.toHexString(r.nextLong())).setMethod(METHODS[r.nextInt(METHODS.length)])
            .setUri("/client/v4/zones/" + zone + "/" + action[1].replace('.', '/') + "/" + resourceId)
            .setStatusCode(STATUS[r.nextInt(STATUS.length)]))
        .setZoneId(zone)
        .putMetadata("ticket", "CHG-" + r.nextInt(100_000))
        .setSchemaVersion(1);
    Action.Builder a = Action.newBuilder().setType(action[0]).setResult(ActionResult.ACTION_RESULT_SUCCESS)
        .setOccurredAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
    int room = eventBytes - b.setAction(a).build().getSerializedSize() - 3; // tag and a 2-byte length
    return b.setAction(a.setDescription(description(r, Math.max(0, room)))).build();
  }

  private String description(ThreadLocalRandom r, int length) {
    StringBuilder d = new StringBuilder(length + 16);
    while (d.length() < length) {
      d.append(r.nextInt(16) == 0 ? Integer.toString(r.nextInt(10_000)) : words[skewed(r, words.length)]).append(' ');
    }
    d.setLength(length);
    return d.toString();
  }

  /** An index in [0, n) where small ones are much more likely, as with words and users in real logs. */
  private static int skewed(ThreadLocalRandom r, int n) {
    double u = r.nextDouble();
    return (int) (n * u * u * u * u);
  }
}
