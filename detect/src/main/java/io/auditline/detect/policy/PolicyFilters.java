package io.auditline.detect.policy;

import java.util.List;

/** Which security events a policy counts; an empty list does not filter on that attribute. */
public record PolicyFilters(List<String> actions, List<String> sources, List<String> rules, List<String> hosts,
    List<String> pathPrefixes, List<String> countries) {

  public static final PolicyFilters NONE = new PolicyFilters(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  public PolicyFilters {
    actions = List.copyOf(actions);
    sources = List.copyOf(sources);
    rules = List.copyOf(rules);
    hosts = List.copyOf(hosts);
    pathPrefixes = List.copyOf(pathPrefixes);
    countries = List.copyOf(countries);
  }
}
