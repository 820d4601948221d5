package io.auditline.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.AuditEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditLogRepositoryIT {

  private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
  private static HikariDataSource ds;
  private static AuditLogRepository repository;
  private static final List<AuditEvent> FILTERED = new ArrayList<>();

  @BeforeAll
  static void setUp() {
    ds = TestStore.migratedDatabase("repository_it");
    repository = new AuditLogRepository(ds);
    List<Consumer<AuditEvent.Builder>> variations = List.of(
        b -> {},
        b -> b.getActorBuilder().setId("user-7"),
        b -> b.getActorBuilder().setEmail("Bob@Example.com"),
        b -> b.getActorBuilder().setIp("198.51.100.9"),
        b -> b.getActorBuilder().setIp("2001:db8::17"),
        b -> b.getActionBuilder().setType("zone.dns.create"),
        b -> b.getActionBuilder().setType("zone_x.settings.update"),
        b -> b.getActionBuilder().setResult(ActionResult.ACTION_RESULT_FAILURE),
        b -> b.getResourceBuilder().setType("dns.record"),
        b -> b.getResourceBuilder().setId("rec-1"),
        b -> b.setZoneId("z2"),
        b -> b.clearZoneId());
    for (int i = 0; i < variations.size(); i++) {
      AuditEvent.Builder b = TestStore.event("acct-f", T0.plusSeconds(i));
      variations.get(i).accept(b);
      FILTERED.add(b.build());
    }
    TestStore.insert(ds, FILTERED);
    // Same content in another account: no filter may ever reach it.
    TestStore.insert(ds, FILTERED.stream().map(e -> e.toBuilder().setId(UUID.randomUUID().toString())
        .setAccountId("acct-other").build()).toList());
  }

  @AfterAll
  static void tearDown() {
    ds.close();
  }

  @Test
  void everyFilterSelectsExactlyTheMatchingEvents() {
    assertThat(ids(f -> f.actorId("user-7"))).containsExactly(id(1));
    assertThat(ids(f -> f.actorEmail("bob@example.com"))).containsExactly(id(2));
    assertThat(ids(f -> f.actorIp(Cidr.parse("198.51.100.0/24")))).containsExactly(id(3));
    assertThat(ids(f -> f.actorIp(Cidr.parse("2001:db8::/32")))).containsExactly(id(4));
    assertThat(ids(f -> f.actorIp(Cidr.parse("203.0.113.7")))).hasSize(FILTERED.size() - 2);
    assertThat(ids(f -> f.actionType("zone.dns.create"))).containsExactly(id(5));
    assertThat(ids(f -> f.actionTypePrefix("zone.dns"))).containsExactly(id(5));
    // "_" is a literal in a prefix, not LIKE's any-character.
    assertThat(ids(f -> f.actionTypePrefix("zone_"))).containsExactly(id(6));
    assertThat(ids(f -> f.actionTypePrefix("zone."))).hasSize(FILTERED.size() - 1);
    assertThat(ids(f -> f.actionResult("failure"))).containsExactly(id(7));
    assertThat(ids(f -> f.resourceType("dns.record"))).containsExactly(id(8));
    assertThat(ids(f -> f.resourceId("rec-1"))).containsExactly(id(9));
    assertThat(ids(f -> f.zoneId("z2"))).containsExactly(id(10));
    assertThat(ids(f -> f.actorId("user-42").zoneId("z2").actionResult("success"))).containsExactly(id(10));
    assertThat(ids(f -> f.actorId("nobody"))).isEmpty();
  }

  @Test
  void rangeIsHalfOpen() {
    AuditLogQuery q = query("acct-f", T0.plusSeconds(2), T0.plusSeconds(4), AuditLogFilters.none(), 100, Direction.OLDEST);
    assertThat(repository.page(q).events()).extracting(AuditEvent::getId).containsExactly(id(2), id(3));
  }

  @Test
  void newestFirstAndOldestFirstAreReverseOrdersWithIdsBreakingTies() {
    Instant same = T0.plus(1, ChronoUnit.DAYS);
    List<AuditEvent> tied = IntStream.range(0, 5).mapToObj(i -> TestStore.event("acct-ties", same).build()).toList();
    TestStore.insert(ds, tied);
    // PostgreSQL orders uuids bytewise, which is the order of their lower-case text (not UUID.compareTo).
    List<String> byId = tied.stream().map(AuditEvent::getId).sorted().toList();
    List<String> oldest = pageThrough("acct-ties", Direction.OLDEST, 2);
    List<String> newest = pageThrough("acct-ties", Direction.NEWEST, 2);
    assertThat(oldest).containsExactlyElementsOf(byId);
    assertThat(newest).containsExactlyElementsOf(byId.reversed());
  }

  @Test
  void pagingWhileEventsArriveReturnsEveryExistingEventExactlyOnce() throws Exception {
    String account = "acct-busy";
    List<AuditEvent> existing = IntStream.range(0, 230)
        .mapToObj(i -> TestStore.event(account, T0.plusMillis(i * 997L)).build()).toList();
    TestStore.insert(ds, existing);
    AtomicBoolean paging = new AtomicBoolean(true);
    AtomicInteger inserted = new AtomicInteger();
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      int i = 0;
      while (paging.get()) {
        // New events land everywhere in the range: before, between and after the pages read so far.
        TestStore.insert(ds, List.of(TestStore.event(account, T0.plusMillis((i * 7919L) % 240_000)).build(),
            TestStore.event(account, T0.plusMillis(i * 13L)).build()));
        inserted.addAndGet(2);
        i++;
      }
    });
    try {
      for (Direction direction : Direction.values()) {
        List<String> seen = pageThrough(account, direction, 17);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(existing.stream().map(AuditEvent::getId).toList());
      }
    } finally {
      paging.set(false);
      writer.get();
    }
    assertThat(inserted.get()).isPositive();
  }

  @Test
  void exportStreamsExactlyTheRangeInOrder() throws Exception {
    List<String> exported = new ArrayList<>();
    AuditLogQuery q = query("acct-f", T0.plusSeconds(3), T0.plusSeconds(9), AuditLogFilters.none(), 1, Direction.OLDEST);
    long count = repository.export(q, e -> exported.add(e.getId()));
    assertThat(count).isEqualTo(6);
    assertThat(exported).containsExactly(id(3), id(4), id(5), id(6), id(7), id(8));
  }

  @Test
  void findsAnEventOnlyInItsOwnAccount() {
    UUID id = UUID.fromString(id(0));
    assertThat(repository.find("acct-f", id)).map(AuditEvent::getId).contains(id(0));
    assertThat(repository.find("acct-other", id)).isEmpty();
    assertThat(repository.find("acct-f", UUID.randomUUID())).isEmpty();
  }

  private static List<String> pageThrough(String account, Direction direction, int limit) {
    List<String> seen = new ArrayList<>();
    AuditLogQuery q = query(account, T0.minusSeconds(1), T0.plus(2, ChronoUnit.DAYS), AuditLogFilters.none(), limit, direction);
    while (true) {
      AuditLogPage page = repository.page(q);
      page.events().forEach(e -> seen.add(e.getId()));
      assertThat(page.events().size()).isLessThanOrEqualTo(limit);
      if (page.next().isEmpty()) {
        return seen;
      }
      assertThat(page.next().get().issuedFor(q.withoutCursor())).isTrue();
      q = q.after(page.next().get().after());
    }
  }

  private static List<String> ids(Consumer<AuditLogFilters.Builder> filters) {
    AuditLogFilters.Builder b = AuditLogFilters.builder();
    filters.accept(b);
    AuditLogQuery q = query("acct-f", T0.minusSeconds(60), T0.plusSeconds(60), b.build(), 1000, Direction.OLDEST);
    return repository.page(q).events().stream().map(AuditEvent::getId).toList();
  }

  private static AuditLogQuery query(String account, Instant since, Instant before, AuditLogFilters filters, int limit,
      Direction direction) {
    return new AuditLogQuery(account, since, before, filters, limit, direction, Optional.empty());
  }

  private static String id(int i) {
    return FILTERED.get(i).getId();
  }
}
