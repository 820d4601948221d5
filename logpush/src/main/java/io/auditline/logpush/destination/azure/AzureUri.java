package io.auditline.logpush.destination.azure;

import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.EndpointUrls;
import io.auditline.logpush.destination.KeyTemplate;
import io.auditline.logpush.destination.Scrubber;
import io.auditline.logpush.destination.UriQuery;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the two {@code azure://} URI forms documented on {@link AzureSpec}. */
final class AzureUri {

  static final List<String> PARAMETERS = List.of("sas", "account_key", "endpoint", "account_name");
  static final List<String> CLOUDS = List.of("core.windows.net", "core.usgovcloudapi.net", "core.chinacloudapi.cn");

  private static final Pattern HOST = Pattern.compile("([^.]+)\\.blob\\.(.+)");
  // Parameters of a SAS token: seen here, the token was pasted without URL-encoding it.
  private static final List<String> SAS_PARTS = List.of("sv", "ss", "srt", "sp", "se", "st", "spr", "sig", "sr", "skoid");

  private AzureUri() {}

  static DestinationParse parse(URI uri) {
    try {
      return new DestinationParse.Valid(spec(uri));
    } catch (IllegalArgumentException e) {
      // Every message thrown below names the part of the URI and quotes no secret; scrubbing
      // the secret parameters' values all the same guards against a mistake in that.
      Scrubber scrubber = new Scrubber(UriQuery.rawValues(uri.getRawQuery(), List.of("sas", "account_key")));
      return new DestinationParse.Invalid("azure destination: " + scrubber.scrub(e.getMessage()));
    }
  }

  private static AzureSpec spec(URI uri) {
    String authority = uri.getRawAuthority();
    if (uri.isOpaque() || authority == null || authority.isEmpty()) {
      throw new IllegalArgumentException(
          "missing host or container (expected: azure://<account>.blob.core.windows.net/<container>/<prefix> or azure://<container>/<prefix>?endpoint=...)");
    }
    if (authority.contains("@")) {
      throw new IllegalArgumentException("the URI has user info (expected: the credential as sas or account_key parameter)");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("the URI has a fragment (expected: none; write '#' inside a value as %23)");
    }
    UriQuery query = query(uri.getRawQuery());
    String path = uri.getPath() == null ? "" : uri.getPath();
    path = path.startsWith("/") ? path.substring(1) : path;
    AzureCredential credential = credential(query);
    if (query.has("endpoint")) {
      return new AzureSpec(EndpointUrls.parse(query.get("endpoint").orElseThrow(), AzureSpec.EXAMPLE_ENDPOINT), true, query.get("account_name"),
          authority, prefix(path), credential);
    }
    if (query.has("account_name")) {
      throw new IllegalArgumentException(
          "account_name: given without endpoint (expected: the account as the first label of the host, or endpoint=... with it)");
    }
    Matcher host = HOST.matcher(authority.toLowerCase(Locale.ROOT));
    if (!host.matches() || !CLOUDS.contains(host.group(2))) {
      throw new IllegalArgumentException(("host: %s is not an Azure Blob host (expected: <account>.blob.<suffix> with suffix "
          + "%s, or azure://<container>/<prefix>?endpoint=... for other services)").formatted(UriQuery.quoteName(authority), String.join(", ", CLOUDS)));
    }
    int slash = path.indexOf('/');
    String container = slash < 0 ? path : path.substring(0, slash);
    if (container.isEmpty()) {
      throw new IllegalArgumentException("container: missing (expected: azure://%s/<container>/<prefix>)".formatted(authority.toLowerCase(Locale.ROOT)));
    }
    URI serviceUrl = URI.create("https://" + authority.toLowerCase(Locale.ROOT));
    return new AzureSpec(serviceUrl, false, Optional.of(host.group(1)), container,
        prefix(slash < 0 ? "" : path.substring(slash + 1)), credential);
  }

  private static UriQuery query(String rawQuery) {
    try {
      return UriQuery.parse(rawQuery, PARAMETERS);
    } catch (IllegalArgumentException e) {
      String unknown = e.getMessage().startsWith("unknown query parameter '") ? e.getMessage().split("'")[1] : "";
      if (SAS_PARTS.contains(unknown)) {
        throw new IllegalArgumentException(("query parameter '%s' looks like part of a SAS token given as it is "
            + "(expected: the whole token URL-encoded as one value: sas=sv%%3D...%%26sig%%3D...)").formatted(unknown));
      }
      throw e;
    }
  }

  private static AzureCredential credential(UriQuery query) {
    Optional<String> sas = query.get("sas");
    Optional<String> key = query.get("account_key");
    if (sas.isPresent() && key.isPresent()) {
      throw new IllegalArgumentException("sas and account_key: both given (expected: exactly one of them)");
    }
    if (sas.isEmpty() && key.isEmpty()) {
      throw new IllegalArgumentException("credential: missing (expected: sas=<URL-encoded SAS token> or account_key=<account key>)");
    }
    return sas.<AzureCredential>map(AzureCredential.Sas::new).orElseGet(() -> new AzureCredential.AccountKey(key.orElseThrow()));
  }

  private static KeyTemplate prefix(String prefix) {
    KeyTemplate.problem(prefix).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    return new KeyTemplate(prefix);
  }
}
