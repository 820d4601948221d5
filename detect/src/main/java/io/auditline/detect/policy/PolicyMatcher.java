package io.auditline.detect.policy;

import io.auditline.detect.rollup.SecurityObservation;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A policy's filters, compiled for matching events as they are counted: every non-empty filter must
 * match (AND across attributes), any of its values may (OR within one). Hosts match exactly or, for a
 * {@code *.example.com} value, any subdomain; paths match by prefix.
 */
public record PolicyMatcher(Set<String> actions, Set<String> sources, Set<String> rules, List<String> hosts,
    List<String> pathPrefixes, Set<String> countries) {

  public PolicyMatcher {
    actions = Set.copyOf(actions);
    sources = Set.copyOf(sources);
    rules = Set.copyOf(rules);
    hosts = List.copyOf(hosts);
    pathPrefixes = List.copyOf(pathPrefixes);
    countries = Set.copyOf(countries);
  }

  public static PolicyMatcher of(PolicyFilters f) {
    return new PolicyMatcher(Set.copyOf(f.actions()), Set.copyOf(f.sources()), Set.copyOf(f.rules()), f.hosts(),
        f.pathPrefixes(), Set.copyOf(f.countries()));
  }

  public boolean matches(SecurityObservation o) {
    return (actions.isEmpty() || actions.contains(o.action()))
        && (sources.isEmpty() || sources.contains(o.source()))
        && (rules.isEmpty() || rules.contains(o.ruleId()))
        && (countries.isEmpty() || countries.contains(o.country()))
        && (hosts.isEmpty() || hostMatches(o.host().toLowerCase(Locale.ROOT)))
        && (pathPrefixes.isEmpty() || pathPrefixes.stream().anyMatch(o.path()::startsWith));
  }

  private boolean hostMatches(String host) {
    for (String h : hosts) {
      if (h.startsWith("*.") ? host.endsWith(h.substring(1)) : host.equals(h)) {
        return true;
      }
    }
    return false;
  }
}
