package io.auditline.logpush.destination.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.Destinations;
import java.net.URI;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class S3SpecTest {

  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY";
  private static final String KEYS = "access_key_id=AKIAEXAMPLE&secret_access_key=" + SECRET;

  private static S3Spec valid(String uri) {
    DestinationParse parse = Destinations.parse(uri);
    assertThat(parse).isInstanceOf(DestinationParse.Valid.class);
    return (S3Spec) ((DestinationParse.Valid) parse).spec();
  }

  private static String invalid(String uri) {
    DestinationParse parse = Destinations.parse(uri);
    assertThat(parse).isInstanceOf(DestinationParse.Invalid.class);
    return ((DestinationParse.Invalid) parse).message();
  }

  @Test
  void parsesEveryParameter() {
    S3Spec spec = valid("s3://audit-logs.example/logs/{DATE}/{HOUR}?region=eu-west-1&" + KEYS
        + "&session_token=TOKEN123&storage_class=STANDARD_IA&sse=aws:kms&sse_kms_key_id=alias/audit&path_style=true");

    assertThat(spec.bucket()).isEqualTo("audit-logs.example");
    assertThat(spec.keyTemplate().template()).isEqualTo("logs/{DATE}/{HOUR}");
    assertThat(spec.region()).isEqualTo("eu-west-1");
    assertThat(spec.endpoint()).isEmpty();
    assertThat(spec.pathStyle()).isTrue();
    assertThat(spec.credentials()).contains(new S3Credentials("AKIAEXAMPLE", SECRET, Optional.of("TOKEN123")));
    assertThat(spec.storageClass()).contains("STANDARD_IA");
    assertThat(spec.sse()).contains("aws:kms");
    assertThat(spec.sseKmsKeyId()).contains("alias/audit");
    assertThat(spec.scheme()).isEqualTo("s3");
  }

  @Test
  void minimalUriUsesTheDefaultCredentialsChainAndVirtualHostStyle() {
    S3Spec spec = valid("s3://audit-logs?region=us-east-2");

    assertThat(spec.keyTemplate().template()).isEmpty();
    assertThat(spec.credentials()).isEmpty();
    assertThat(spec.pathStyle()).isFalse();
    assertThat(spec.redacted()).isEqualTo("s3://audit-logs?region=us-east-2");
  }

  @Test
  void anEndpointDefaultsTheRegionAndPathStyle() {
    S3Spec spec = valid("s3://audit/x?endpoint=http://127.0.0.1:9000/");

    assertThat(spec.endpoint()).contains(URI.create("http://127.0.0.1:9000"));
    assertThat(spec.region()).isEqualTo("us-east-1");
    assertThat(spec.pathStyle()).isTrue();
    assertThat(valid("s3://audit?endpoint=https://s3.example.com&path_style=false").pathStyle()).isFalse();
  }

  @Test
  void secretsKeepPlusSignsAndArePercentDecodedOnce() {
    assertThat(valid("s3://audit?region=us-east-1&" + KEYS).credentials().orElseThrow().secretAccessKey()).isEqualTo(SECRET);
    String encoded = "access_key_id=AKIAEXAMPLE&secret_access_key=wJalrXUtnFEMI%2FK7MDENG%2BbPxRfiCYzEXAMPLEKEY";
    assertThat(valid("s3://audit?region=us-east-1&" + encoded).credentials().orElseThrow().secretAccessKey()).isEqualTo(SECRET);
  }

  @Test
  void percentEncodedBracesWorkAsWellAsRawOnes() {
    assertThat(S3Spec.parse(URI.create("s3://audit/logs/%7BDATE%7D?region=us-east-1")))
        .isEqualTo(new DestinationParse.Valid(valid("s3://audit/logs/{DATE}?region=us-east-1")));
  }

  @Test
  void redactedReplacesTheSecretsAndReadsBackAsTheSameSpec() {
    S3Spec spec = valid("s3://audit/logs/{DATE}?endpoint=http://127.0.0.1:9000&" + KEYS + "&session_token=TOKEN123&sse=AES256");

    assertThat(spec.redacted()).isEqualTo("s3://audit/logs/{DATE}?region=us-east-1&endpoint=http://127.0.0.1:9000"
        + "&access_key_id=AKIAEXAMPLE&secret_access_key=REDACTED&session_token=REDACTED&sse=AES256");
    assertThat(spec.toString()).isEqualTo("S3Spec[" + spec.redacted() + "]");
    assertThat(spec.credentials().orElseThrow().toString()).doesNotContain(SECRET).doesNotContain("TOKEN123");
    assertThat(valid(spec.redacted()).credentials().orElseThrow().secretAccessKey()).isEqualTo("REDACTED");
  }

  static Stream<Arguments> invalidUris() {
    return Stream.of(
        Arguments.of("s3:///logs?region=us-east-1", "bucket: missing (expected: s3://<bucket>/<prefix>)"),
        Arguments.of("s3://AKIA:" + SECRET.replace("/", "%2F") + "@audit?region=us-east-1",
            "the URI has user info before the bucket (expected: keys as access_key_id and secret_access_key parameters)"),
        Arguments.of("s3://audit?region=us-east-1#x", "the URI has a fragment (expected: none; write '#' inside a value as %23)"),
        Arguments.of("s3://ab?region=us-east-1", "bucket: 'ab' (expected: 3 to 63 characters)"),
        Arguments.of("s3://Audit?region=us-east-1", "bucket: 'Audit' (expected: only lowercase letters, digits, '.' and '-')"),
        Arguments.of("s3://audit_logs?region=us-east-1", "bucket: 'audit_logs' (expected: only lowercase letters, digits, '.' and '-')"),
        Arguments.of("s3://audit-?region=us-east-1", "bucket: 'audit-' (expected: to begin and end with a lowercase letter or digit)"),
        Arguments.of("s3://a..b?region=us-east-1", "bucket: 'a..b' (expected: no two adjacent periods)"),
        Arguments.of("s3://10.0.0.1?region=us-east-1", "bucket: '10.0.0.1' (expected: a name, not an IP address)"),
        Arguments.of("s3://xn--audit?region=us-east-1", "bucket: 'xn--audit' (expected: no reserved prefix 'xn--' or 'sthree-')"),
        Arguments.of("s3://audit:9000?region=us-east-1", "bucket: <not shown> (expected: only lowercase letters, digits, '.' and '-')"),
        Arguments.of("s3://AKIAEXAMPLE:" + SECRET + "@audit?region=us-east-1", "bucket: <not shown> (expected: only lowercase letters, digits, '.' and '-')"),
        Arguments.of("s3://audit/a//b?region=us-east-1", "key prefix 'a//b' contains '..' or '//' (expected: plain path segments)"),
        Arguments.of("s3://audit/{DAY}?region=us-east-1", "unknown placeholder {DAY} in '{DAY}' (expected: {DATE}, {HOUR} or {JOB})"),
        Arguments.of("s3://audit?region=us-east-1&acl=public", "unknown query parameter 'acl' (expected: " + String.join(", ", S3Uri.PARAMETERS) + ")"),
        Arguments.of("s3://audit?region=", "region: empty (expected: region=<value>)"),
        Arguments.of("s3://audit?region", "region: empty (expected: region=<value>)"),
        Arguments.of("s3://audit?region=us-east-1&region=us-east-2", "region: given more than once (expected: once)"),
        Arguments.of("s3://audit", "region: missing (expected: region=<aws region> such as us-east-1, unless endpoint is given)"),
        Arguments.of("s3://audit?region=US_EAST", "region: 'US_EAST' (expected: a region such as us-east-1)"),
        Arguments.of("s3://audit?endpoint=ftp://host", "endpoint: scheme 'ftp' (expected: an http or https URL such as http://127.0.0.1:9000)"),
        Arguments.of("s3://audit?endpoint=localhost:9000", "endpoint: no scheme (expected: an http or https URL such as http://127.0.0.1:9000)"),
        Arguments.of("s3://audit?endpoint=http://h:1/base", "endpoint: has a path, query or fragment (expected: an http or https URL such as http://127.0.0.1:9000)"),
        Arguments.of("s3://audit?endpoint=http://u:" + SECRET + "@h:1", "endpoint: contains user info (expected: an http or https URL such as http://127.0.0.1:9000)"),
        Arguments.of("s3://audit?endpoint=http://h%20x:1", "endpoint: not a URL: Illegal character in authority (expected: an http or https URL such as http://127.0.0.1:9000)"),
        Arguments.of("s3://audit?endpoint=http://h_x:1", "endpoint: no host (expected: an http or https URL such as http://127.0.0.1:9000)"),
        Arguments.of("s3://audit?endpoint=http://h:1?x=1", "endpoint: has a path, query or fragment (expected: an http or https URL such as http://127.0.0.1:9000)"),
        Arguments.of("s3://audit?endpoint=http://h:1&path_style=yes", "path_style: 'yes' (expected: true or false)"),
        Arguments.of("s3://audit?region=us-east-1&access_key_id=AKIA", "access_key_id: given without secret_access_key (expected: both keys or neither)"),
        Arguments.of("s3://audit?region=us-east-1&secret_access_key=" + SECRET, "secret_access_key: given without access_key_id (expected: both keys or neither)"),
        Arguments.of("s3://audit?region=us-east-1&session_token=" + SECRET, "session_token: given without access_key_id and secret_access_key (expected: all three or no session_token)"),
        Arguments.of("s3://audit?region=us-east-1&access_key_id=AKIA&secret_access_key=" + SECRET + "%20x", "secret_access_key: malformed (expected: 1 to 256 printable characters without spaces, percent-encoded where needed)"),
        Arguments.of("s3://audit?region=us-east-1&access_key_id=AK%20IA&secret_access_key=" + SECRET, "access_key_id: 'AK IA' (expected: 1 to 128 printable characters without spaces)"),
        Arguments.of("s3://audit?region=us-east-1&" + KEYS + "&session_token=a%20b", "session_token: malformed (expected: printable characters without spaces, percent-encoded where needed)"),
        Arguments.of("s3://audit?region=us-east-1&storage_class=COLD", "storage_class: 'COLD' (expected: one of " + String.join(", ",
            software.amazon.awssdk.services.s3.model.StorageClass.knownValues().stream().map(Object::toString).sorted().toList()) + ")"),
        Arguments.of("s3://audit?region=us-east-1&sse=aes", "sse: 'aes' (expected: one of AES256, aws:kms, aws:kms:dsse)"),
        Arguments.of("s3://audit?region=us-east-1&sse=AES256&sse_kms_key_id=k", "sse_kms_key_id: given without sse=aws:kms (expected: sse=aws:kms or sse=aws:kms:dsse with it)"),
        Arguments.of("s3:audit", "bucket: missing (expected: s3://<bucket>/<prefix>)"));
  }

  @ParameterizedTest
  @MethodSource("invalidUris")
  void invalidUrisSayWhatIsWrong(String uri, String message) {
    assertThat(invalid(uri)).isEqualTo("s3 destination: " + message);
  }

  @ParameterizedTest
  @MethodSource("invalidUris")
  void noMessageQuotesTheSecret(String uri, String message) {
    String withSecret = uri.contains("_key") || uri.contains("session_token") ? uri : uri + (uri.contains("?") ? "&" : "?") + KEYS;
    assertThat(invalid(withSecret)).doesNotContain(SECRET).doesNotContain("EXAMPLEKEY");
  }
}
