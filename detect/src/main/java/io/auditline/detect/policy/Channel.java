package io.auditline.detect.policy;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where a policy's alerts go. */
public sealed interface Channel {

  /** An HTTPS endpoint; {@code secret} signs the requests and is never shown again once stored. */
  record Webhook(URI url, Optional<String> secret) implements Channel {
    public Webhook {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(secret, "secret");
      if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
        throw new IllegalArgumentException("url: %s (expected: https, or http where the operator allows it)".formatted(url));
      }
    }
  }

  record Email(List<String> to) implements Channel {
    public Email {
      to = List.copyOf(to);
      if (to.isEmpty()) {
        throw new IllegalArgumentException("to: [] (expected: at least one address)");
      }
    }
  }
}
