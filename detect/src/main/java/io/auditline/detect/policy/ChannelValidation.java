package io.auditline.detect.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy's notification channels. Webhooks must be {@code https}: alerts carry attack
 * details and a signature. Plain http is admitted only where the operator turned on
 * {@code detect.plaintextWebhooks} (development), and even then the notifier connects only to
 * addresses the operator's address guard allows.
 */
final class ChannelValidation {

  static final int MAX_CHANNELS = 10;
  static final int MAX_RECIPIENTS = 20;
  static final int MIN_SECRET_LENGTH = 16;
  /** Deliberately simple: one @, no spaces, a dot in the domain; the mail server has the last word. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  private ChannelValidation() {}

  /** {@code storedSecrets}: the secrets a stored policy has per webhook URL, for {@code "secret": "REDACTED"}. */
  static List<Channel> channels(Fields f, JsonNode node, Map<URI, String> storedSecrets, boolean plaintext) {
    if (!node.isArray()) {
      f.reject("channels", "%s (expected: an array of channels)".formatted(Fields.kind(node)));
      return List.of();
    }
    if (node.isEmpty() || node.size() > MAX_CHANNELS) {
      f.reject("channels", "%d channels (expected: 1 to %d)".formatted(node.size(), MAX_CHANNELS));
      return List.of();
    }
    List<Channel> channels = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      channel(f, node.get(i), "channels[" + i + "]", storedSecrets, plaintext).ifPresent(channels::add);
    }
    return channels;
  }

  private static Optional<Channel> channel(Fields f, JsonNode node, String path, Map<URI, String> storedSecrets,
      boolean plaintext) {
    Optional<ObjectNode> o = f.object(node, path);
    if (o.isEmpty()) {
      return Optional.empty();
    }
    JsonNode type = o.get().get("type");
    if (type == null) {
      f.reject(path + ".type", "missing (expected: webhook or email)");
      return Optional.empty();
    }
    return switch (type.isTextual() ? type.asText() : "") {
      case "webhook" -> webhook(f, o.get(), path, storedSecrets, plaintext);
      case "email" -> email(f, o.get(), path);
      default -> {
        f.reject(path + ".type", "%s (expected: webhook or email)".formatted(Fields.kind(type)));
        yield Optional.empty();
      }
    };
  }

  private static Optional<Channel> webhook(Fields f, ObjectNode o, String path, Map<URI, String> storedSecrets,
      boolean plaintext) {
    // has_secret is what a read answers; accepted and ignored so that a read policy can be sent back.
    f.onlyKeys(o, path + ".", Set.of("type", "url", "secret", "has_secret"));
    Optional<URI> url = Optional.empty();
    if (o.get("url") == null) {
      f.reject(path + ".url", "missing (expected: an https URL)");
    } else {
      url = f.string(o.get("url"), path + ".url", 2048).flatMap(s -> httpsUrl(f, s, path + ".url", plaintext));
    }
    Optional<String> secret = Optional.empty();
    JsonNode s = o.get("secret");
    if (s != null && s.isTextual() && s.asText().equals(PolicyJson.REDACTED)) {
      secret = url.map(storedSecrets::get);
      if (url.isPresent() && secret.isEmpty()) {
        f.reject(path + ".secret", "\"REDACTED\" (expected: the secret itself; there is no stored secret for this url)");
      }
    } else if (s != null && !s.isNull()) {
      secret = f.string(s, path + ".secret", 256);
      if (secret.isPresent() && secret.get().length() < MIN_SECRET_LENGTH) {
        f.reject(path + ".secret", "%d characters (expected: at least %d)".formatted(secret.get().length(), MIN_SECRET_LENGTH));
        secret = Optional.empty();
      }
    }
    Optional<String> checked = secret;
    return url.map(u -> new Channel.Webhook(u, checked));
  }

  private static Optional<URI> httpsUrl(Fields f, String text, String path, boolean plaintext) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      f.reject(path, "\"%s\" (expected: an https URL; %s)".formatted(text, e.getReason()));
      return Optional.empty();
    }
    if (!"https".equals(uri.getScheme()) && !(plaintext && "http".equals(uri.getScheme()))) {
      f.reject(path, "\"%s\" (expected: scheme https%s)".formatted(text, plaintext ? " or http" : "; http is not enabled on this server"));
    } else if (uri.getHost() == null) {
      f.reject(path, "\"%s\" (expected: an https URL with a host)".formatted(text));
    } else if (uri.getUserInfo() != null) {
      f.reject(path, "URL with user info (expected: none; put credentials in secret)");
    } else if (uri.getFragment() != null) {
      f.reject(path, "\"%s\" (expected: no #fragment)".formatted(text));
    } else {
      return Optional.of(uri);
    }
    return Optional.empty();
  }

  private static Optional<Channel> email(Fields f, ObjectNode o, String path) {
    f.onlyKeys(o, path + ".", Set.of("type", "to"));
    JsonNode to = o.get("to");
    if (to == null) {
      f.reject(path + ".to", "missing (expected: an array of email addresses)");
      return Optional.empty();
    }
    if (to.isArray() && to.isEmpty()) {
      f.reject(path + ".to", "[] (expected: at least one email address)");
      return Optional.empty();
    }
    int before = f.errors.size();
    List<String> addresses = f.strings(to, path + ".to", MAX_RECIPIENTS, 254, s -> EMAIL.matcher(s).matches(),
        "an email address such as soc@example.com");
    return f.errors.size() > before || addresses.isEmpty() ? Optional.empty() : Optional.of(new Channel.Email(addresses));
  }
}
