package io.auditline.logpush.destination.https;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.Destinations;
import io.auditline.logpush.destination.KeyTemplate;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class HttpsSpecTest {

  @Example
  void takesHeaderParametersOutOfTheUrl() {
    HttpsSpec spec = valid("https://logs.example.com/ingest?header_Authorization=Bearer%20xyz&header_X-Tenant=acme&source=a+b");
    assertThat(spec.host()).isEqualTo("logs.example.com");
    assertThat(spec.port()).isEqualTo(443);
    assertThat(spec.endpoint()).isEqualTo(URI.create("https://logs.example.com/ingest?source=a+b"));
    assertThat(spec.headers()).containsExactly(Map.entry("Authorization", "Bearer xyz"), Map.entry("X-Tenant", "acme"));
    assertThat(spec.scheme()).isEqualTo("https");
    assertThat(spec.keyTemplate()).isEqualTo(KeyTemplate.empty());
  }

  @Example
  void keepsPortPathAndPlusSigns() {
    HttpsSpec spec = valid("https://[2001:db8::1]:8443?header_X-Sig=a+b%2Bc");
    assertThat(spec.port()).isEqualTo(8443);
    assertThat(spec.endpoint()).isEqualTo(URI.create("https://[2001:db8::1]:8443/"));
    assertThat(spec.headers()).containsExactly(Map.entry("X-Sig", "a+b+c"));
    assertThat(valid("HTTPS://h.example/x?HEADER_x-a=1").headers()).containsExactly(Map.entry("x-a", "1"));
  }

  @Example
  void redactsEveryValueButKeepsNames() {
    String uri = "https://logs.example.com/ingest?header_Authorization=Bearer%20xyz&header_X-Tenant=acme&token=s3cr3t&flag";
    HttpsSpec spec = valid(uri);
    String expected = "https://logs.example.com/ingest?header_Authorization=REDACTED&header_X-Tenant=REDACTED&token=REDACTED&flag";
    assertThat(spec.redacted()).isEqualTo(expected);
    assertThat(spec).hasToString(expected);
  }

  @Example
  void rejectsWithPreciseMessages() {
    assertInvalid("http://logs.example.com/", "https destination: plain http:// is not accepted (expected: https://)");
    assertInvalid("https:///ingest", "https destination has no host (expected: https://host[:port]/path)");
    assertInvalid("https://user:hunter2@logs.example.com/", "https destination has credentials before '@' in the host "
        + "(expected: none; send them as a header, for example header_Authorization=Bearer%20...)");
    assertInvalid("https://bad_host.example/", "https destination host 'bad_host.example' is not a valid host name or IP literal "
        + "(expected: https://host[:port]/path)");
    assertInvalid("https://h.example:0/", "https destination port: 0 (expected: 1..65535)");
    assertInvalid("https://h.example:70000/", "https destination port: 70000 (expected: 1..65535)");
    assertInvalid("https://h.example/#token", "https destination has a fragment after '#' (expected: none; fragments are never sent)");
    assertInvalid("https://h.example/?header_=x", "query parameter 'header_' names no header (expected: header_<Name>=<value>)");
    assertInvalid("https://h.example/?header_X%20Y=x",
        "header name 'X Y' is not an HTTP token (expected: letters, digits and !#$%&'*+-.^_`|~)");
    assertInvalid("https://h.example/?header_A=1&header_a=2", "header_a is given twice (expected: each header once)");
    assertInvalid("https://h.example/?=x", "query parameter 1 has no name (expected: name=value)");
    // java.net.URI refuses a malformed escape first, by index; the parser's own check backs it up.
    assertInvalid("https://h.example/?a=1&header_A=%zz", "destination is not a valid URI: Malformed escape pair at index 32");
    assertThatThrownBy(() -> HttpsUri.decode("%z", 2))
        .hasMessage("query parameter 2 has a malformed percent-escape (expected: %XX with two hex digits)");
    assertInvalid("https://h.example/?header_A=%ff", "query parameter 1 is not UTF-8 after percent-decoding");
  }

  @Example
  void rejectsRestrictedAndHopByHopHeaders() {
    for (String own : new String[] {"Host", "Content-Length", "Content-Encoding", "Content-Type", "Expect",
        "Idempotency-Key", "X-Auditline-Object-Key"}) {
      assertInvalid("https://h.example/?header_%s=x".formatted(own),
          "header_%s: Auditline sets %s itself on every upload (expected: another header)".formatted(own, own));
    }
    for (String hop : new String[] {"Connection", "Transfer-Encoding", "Keep-Alive", "TE", "Trailer", "Upgrade",
        "Proxy-Authorization", "proxy-connection"}) {
      assertInvalid("https://h.example/?header_%s=x".formatted(hop),
          "header_%s: %s is a hop-by-hop header (expected: an end-to-end header such as Authorization)".formatted(hop, hop));
    }
  }

  @Example
  void rejectsHeaderInjectionWithoutQuotingTheValue() {
    assertInvalid("https://h.example/?header_Authorization=secret%0D%0AX-Evil:%201",
        "value of header_Authorization contains a control character (expected: visible ASCII, spaces and tabs)");
    assertInvalid("https://h.example/?header_Authorization=s%C3%A9cret",
        "value of header_Authorization contains a non-ASCII character (expected: visible ASCII, spaces and tabs)");
  }

  @Property
  void anyVisibleAsciiValueRoundTripsAndNeverShows(
      @ForAll @CharRange(from = ' ', to = '~') @StringLength(min = 8, max = 40) String secret) {
    String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20");
    net.jqwik.api.Assume.that(!secret.isBlank() && !"REDACTED".contains(secret.strip()));
    HttpsSpec spec = valid("https://h.example/?header_Authorization=" + encoded);
    assertThat(spec.headers()).containsExactly(Map.entry("Authorization", secret));
    assertThat(spec.redacted()).doesNotContain(secret).doesNotContain(encoded);
    assertThat(spec.toString()).doesNotContain(secret);
    assertThat(spec.secrets()).contains(secret);
  }

  @Property
  void aMalformedUriNeverEchoesTheSecret(@ForAll @CharRange(from = 'a', to = 'z') @StringLength(min = 12, max = 20) String secret) {
    for (String uri : new String[] {"https://u:" + secret + "@h.example/", "https://h.example/#" + secret,
        "https://h.example/?header_Host=" + secret, "https://h.example/?header_A=" + secret + "%0A",
        "https://h.example:99999/?header_A=" + secret, "https://h.example/?header_A=" + secret + "%z"}) {
      DestinationParse parse = Destinations.parse(uri);
      assertThat(parse).isInstanceOfSatisfying(DestinationParse.Invalid.class,
          i -> assertThat(i.message()).doesNotContain(secret));
    }
  }

  static HttpsSpec valid(String uri) {
    DestinationParse parse = Destinations.parse(uri);
    assertThat(parse).isInstanceOf(DestinationParse.Valid.class);
    return (HttpsSpec) ((DestinationParse.Valid) parse).spec();
  }

  private static void assertInvalid(String uri, String message) {
    DestinationParse parse = uri.startsWith("http://") ? HttpsSpec.parse(URI.create(uri)) : Destinations.parse(uri);
    assertThat(parse).as(uri).isEqualTo(new DestinationParse.Invalid(message));
  }
}
