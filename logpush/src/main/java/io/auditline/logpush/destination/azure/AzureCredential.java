package io.auditline.logpush.destination.azure;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/** How an Azure destination authenticates; {@code toString()} never shows the secret. */
public sealed interface AzureCredential {

  /** The parameter as it appears in a redacted URI, for example {@code sas=REDACTED}. */
  String redactedParameter();

  /** The strings to scrub from messages: the secret and its parts. */
  List<String> secrets();

  /** The storage account's shared key, base64 as Azure shows it; the account name is the spec's. */
  record AccountKey(String key) implements AzureCredential {
    public AccountKey {
      Objects.requireNonNull(key, "key");
      boolean base64;
      try {
        base64 = Base64.getDecoder().decode(key).length > 0;
      } catch (IllegalArgumentException e) {
        base64 = false; // the decoder's message names an offending character of the secret
      }
      if (!base64) {
        throw new IllegalArgumentException("account_key: not base64 (expected: the storage account key as Azure shows it)");
      }
    }

    @Override
    public String redactedParameter() {
      return "account_key=REDACTED";
    }

    @Override
    public List<String> secrets() {
      return List.of(key);
    }

    @Override
    public String toString() {
      return "AccountKey[REDACTED]";
    }
  }

  /** A shared access signature: the token's query string, without a leading '?'. */
  record Sas(String token) implements AzureCredential {
    public Sas {
      Objects.requireNonNull(token, "token");
      token = token.startsWith("?") ? token.substring(1) : token;
      List<String> names = Arrays.stream(token.split("&")).map(p -> p.split("=", 2)[0]).toList();
      if (!names.contains("sv") || !names.contains("sig") || token.contains(" ")) {
        throw new IllegalArgumentException(
            "sas: not a SAS token (expected: the token URL-encoded as one value, holding sv=... and sig=...)");
      }
    }

    @Override
    public String redactedParameter() {
      return "sas=REDACTED";
    }

    @Override
    public List<String> secrets() {
      // Servers may echo the signature decoded or still percent-encoded.
      String sig = Arrays.stream(token.split("&")).filter(p -> p.startsWith("sig=")).findFirst().orElse("sig=").substring(4);
      try {
        return List.of(token, sig, URLDecoder.decode(sig.replace("+", "%2B"), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return List.of(token, sig);
      }
    }

    @Override
    public String toString() {
      return "Sas[REDACTED]";
    }
  }
}
