package io.auditline.detect.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every valid spec survives being written and read back: the stored shape and the wire shape are one codec. */
class PolicyValidationProperties {

  @Property
  void readsBackWhatItWrites(@ForAll("specs") PolicySpec spec) {
    ParsedPolicy parsed = PolicyValidation.parse(PolicyJson.spec(spec, false));
    assertThat(parsed).isEqualTo(new ParsedPolicy.Valid(spec));
  }

  @Property
  void keepsStoredSecretsWhenARedactedSpecIsSentBack(@ForAll("specs") PolicySpec spec) {
    ParsedPolicy parsed = PolicyValidation.parse(PolicyJson.spec(spec, true), PolicyJson.secrets(spec));
    assertThat(parsed).isEqualTo(new ParsedPolicy.Valid(spec));
  }

  @Provide
  Arbitrary<PolicySpec> specs() {
    Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(12);
    Arbitrary<ZoneScope> zones = Arbitraries.oneOf(Arbitraries.just(new ZoneScope.AllZones()),
        ids.list().ofMinSize(1).ofMaxSize(5).uniqueElements().map(ZoneScope.Listed::new));
    Arbitrary<PolicyFilters> filters = Combinators.combine(
        Arbitraries.of(PolicyValidation.ACTIONS).list().ofMaxSize(3).uniqueElements(),
        ids.list().ofMaxSize(3).uniqueElements(),
        Arbitraries.of("DE", "FR", "US", "BR").list().ofMaxSize(2).uniqueElements(),
        ids.map(s -> "/" + s).list().ofMaxSize(2).uniqueElements())
        .as((actions, sources, countries, paths) -> new PolicyFilters(actions, sources, sources, List.of("*.example.com"),
            paths, countries));
    Arbitrary<Sensitivity> sensitivity = Arbitraries.oneOf(Arbitraries.of(Sensitivity.Level.class),
        Arbitraries.doubles().between(0.01, 1).map(Sensitivity.Numeric::new));
    Arbitrary<Channel> channels = Arbitraries.oneOf(
        Combinators.combine(ids, Arbitraries.strings().alpha().ofMinLength(16).ofMaxLength(40).optional())
            .as((host, secret) -> new Channel.Webhook(URI.create("https://" + host + ".example.com/hook"), secret)),
        ids.map(local -> new Channel.Email(List.of(local + "@example.com"))));
    return Combinators.combine(ids, Arbitraries.of(true, false), zones, filters, Arbitraries.of(DetectorKind.class),
        sensitivity, Arbitraries.longs().between(0, 1_000_000_000L),
        Arbitraries.longs().between(1, 7 * 24 * 60).map(Duration::ofMinutes))
        .flatAs((name, enabled, z, f, detector, s, minVolume, cooldown) -> channels.list().ofMinSize(1).ofMaxSize(3)
            .filter(PolicyValidationProperties::distinctWebhookUrls)
            .map(cs -> new PolicySpec(name, enabled, z, f, detector, s, minVolume, cooldown, cs)));
  }

  private static boolean distinctWebhookUrls(List<Channel> channels) {
    List<URI> urls = channels.stream().flatMap(c -> c instanceof Channel.Webhook w ? Optional.of(w.url()).stream()
        : Optional.<URI>empty().stream()).toList();
    return urls.size() == Map.copyOf(urls.stream().collect(java.util.stream.Collectors.toMap(u -> u, u -> u, (a, b) -> a)))
        .size();
  }
}
