package io.auditline.logpush.destination.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.Destinations;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AzureSpecTest {

  private static final String KEY = "yMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi4+Tl5ufo6err7O3u7/Dx8vP09fb3+Pk+Pj8=";
  private static final String SIG = "Zm9vYmFyYmF6+/SIGNATURE=";
  private static final String SAS = "sv=2024-08-04&ss=b&srt=co&sp=rwc&se=2030-01-01T00:00:00Z&spr=https&sig="
      + URLEncoder.encode(SIG, StandardCharsets.UTF_8);
  private static final String SAS_PARAM = "sas=" + URLEncoder.encode(SAS, StandardCharsets.UTF_8);
  private static final String EMULATOR = "endpoint=http://127.0.0.1:10000/devstoreaccount1&account_name=devstoreaccount1";

  private static AzureSpec valid(String uri) {
    DestinationParse parse = Destinations.parse(uri);
    assertThat(parse).isInstanceOf(DestinationParse.Valid.class);
    return (AzureSpec) ((DestinationParse.Valid) parse).spec();
  }

  private static String invalid(String uri) {
    DestinationParse parse = Destinations.parse(uri);
    assertThat(parse).isInstanceOf(DestinationParse.Invalid.class);
    return ((DestinationParse.Invalid) parse).message();
  }

  @Test
  void parsesTheHostFormWithASas() {
    AzureSpec spec = valid("azure://Acme.blob.core.windows.net/audit/logs/{DATE}?" + SAS_PARAM);

    assertThat(spec.serviceUrl()).isEqualTo(URI.create("https://acme.blob.core.windows.net"));
    assertThat(spec.customEndpoint()).isFalse();
    assertThat(spec.accountName()).contains("acme");
    assertThat(spec.container()).isEqualTo("audit");
    assertThat(spec.keyTemplate().template()).isEqualTo("logs/{DATE}");
    assertThat(spec.credential()).isEqualTo(new AzureCredential.Sas(SAS));
    assertThat(spec.scheme()).isEqualTo("azure");
    assertThat(spec.redacted()).isEqualTo("azure://acme.blob.core.windows.net/audit/logs/{DATE}?sas=REDACTED");
  }

  @Test
  void parsesTheHostFormWithAnAccountKeyAndNoPrefix() {
    AzureSpec spec = valid("azure://acme.blob.core.usgovcloudapi.net/audit?account_key=" + KEY);

    assertThat(spec.keyTemplate().template()).isEmpty();
    assertThat(spec.credential()).isEqualTo(new AzureCredential.AccountKey(KEY));
    assertThat(spec.redacted()).isEqualTo("azure://acme.blob.core.usgovcloudapi.net/audit?account_key=REDACTED");
  }

  @Test
  void parsesTheEndpointForm() {
    AzureSpec spec = valid("azure://audit/x/{HOUR}?" + EMULATOR.replace("devstoreaccount1&", "devstoreaccount1/&") + "&account_key=" + KEY);

    assertThat(spec.serviceUrl()).isEqualTo(URI.create("http://127.0.0.1:10000/devstoreaccount1"));
    assertThat(spec.customEndpoint()).isTrue();
    assertThat(spec.accountName()).contains("devstoreaccount1");
    assertThat(spec.container()).isEqualTo("audit");
    assertThat(spec.keyTemplate().template()).isEqualTo("x/{HOUR}");
    assertThat(spec.redacted()).isEqualTo("azure://audit/x/{HOUR}?" + EMULATOR + "&account_key=REDACTED");
    assertThat(valid("azure://audit?endpoint=https://blob.internal.example&" + SAS_PARAM).accountName()).isEmpty();
  }

  @Test
  void anEncodedKeyDecodesToTheSameKey() {
    String encoded = URLEncoder.encode(KEY, StandardCharsets.UTF_8);
    assertThat(valid("azure://acme.blob.core.windows.net/audit?account_key=" + encoded).credential())
        .isEqualTo(new AzureCredential.AccountKey(KEY));
  }

  @Test
  void secretsAppearInNoStringForm() {
    for (String uri : new String[] {"azure://acme.blob.core.windows.net/audit?account_key=" + KEY,
        "azure://audit?" + EMULATOR + "&" + SAS_PARAM}) {
      AzureSpec spec = valid(uri);
      assertThat(spec.redacted()).doesNotContain(KEY).doesNotContain("SIGNATURE");
      assertThat(spec.toString()).isEqualTo("AzureSpec[" + spec.redacted() + "]");
      assertThat(spec.credential().toString()).doesNotContain(KEY).doesNotContain("SIGNATURE");
    }
    assertThat(new AzureCredential.Sas(SAS).secrets()).contains(SAS, URLEncoder.encode(SIG, StandardCharsets.UTF_8), SIG);
  }

  static Stream<Arguments> invalidUris() {
    String clouds = String.join(", ", AzureUri.CLOUDS);
    return Stream.of(
        Arguments.of("azure:///audit?" + SAS_PARAM, "missing host or container (expected: azure://<account>.blob.core.windows.net/<container>/<prefix> or azure://<container>/<prefix>?endpoint=...)"),
        Arguments.of("azure://user:" + KEY.replace("/", "%2F") + "@acme.blob.core.windows.net/audit?" + SAS_PARAM, "the URI has user info (expected: the credential as sas or account_key parameter)"),
        Arguments.of("azure://acme.blob.core.windows.net/audit?" + SAS_PARAM + "#x", "the URI has a fragment (expected: none; write '#' inside a value as %23)"),
        Arguments.of("azure://acme.blob.core.windows.net/audit", "credential: missing (expected: sas=<URL-encoded SAS token> or account_key=<account key>)"),
        Arguments.of("azure://acme.blob.core.windows.net/audit?" + SAS_PARAM + "&account_key=" + KEY, "sas and account_key: both given (expected: exactly one of them)"),
        Arguments.of("azure://acme.blob.core.windows.net/audit?" + SAS, "query parameter 'sv' looks like part of a SAS token given as it is (expected: the whole token URL-encoded as one value: sas=sv%3D...%26sig%3D...)"),
        Arguments.of("azure://acme.blob.core.windows.net/audit?account_key=" + KEY + "&tier=cool", "unknown query parameter 'tier' (expected: sas, account_key, endpoint, account_name)"),
        Arguments.of("azure://acme.blob.core.windows.net/audit?sas=sv%3D1%26sp%3Drw", "sas: not a SAS token (expected: the token URL-encoded as one value, holding sv=... and sig=...)"),
        Arguments.of("azure://acme.blob.core.windows.net/audit?account_key=not*base64", "account_key: not base64 (expected: the storage account key as Azure shows it)"),
        Arguments.of("azure://acme.blob.core.windows.net/audit?account_key=", "account_key: empty (expected: account_key=<value>)"),
        Arguments.of("azure://acme.blob.core.windows.net/audit?account_name=acme&account_key=" + KEY, "account_name: given without endpoint (expected: the account as the first label of the host, or endpoint=... with it)"),
        Arguments.of("azure://acme.dfs.core.windows.net/audit?" + SAS_PARAM, "host: 'acme.dfs.core.windows.net' is not an Azure Blob host (expected: <account>.blob.<suffix> with suffix " + clouds + ", or azure://<container>/<prefix>?endpoint=... for other services)"),
        Arguments.of("azure://acme.blob.evil.example/audit?" + SAS_PARAM, "host: 'acme.blob.evil.example' is not an Azure Blob host (expected: <account>.blob.<suffix> with suffix " + clouds + ", or azure://<container>/<prefix>?endpoint=... for other services)"),
        Arguments.of("azure://acme.blob.core.windows.net:443/audit?" + SAS_PARAM, "host: <not shown> is not an Azure Blob host (expected: <account>.blob.<suffix> with suffix " + clouds + ", or azure://<container>/<prefix>?endpoint=... for other services)"),
        Arguments.of("azure://audit/logs?" + SAS_PARAM, "host: 'audit' is not an Azure Blob host (expected: <account>.blob.<suffix> with suffix " + clouds + ", or azure://<container>/<prefix>?endpoint=... for other services)"),
        Arguments.of("azure://acme.blob.core.windows.net?" + SAS_PARAM, "container: missing (expected: azure://acme.blob.core.windows.net/<container>/<prefix>)"),
        Arguments.of("azure://acme.blob.core.windows.net/?" + SAS_PARAM, "container: missing (expected: azure://acme.blob.core.windows.net/<container>/<prefix>)"),
        Arguments.of("azure://a_b.blob.core.windows.net/audit?" + SAS_PARAM, "account: 'a_b' (expected: 3 to 24 lowercase letters and digits)"),
        Arguments.of("azure://acme.blob.core.windows.net/ab?" + SAS_PARAM, "container: 'ab' (expected: 3 to 63 characters)"),
        Arguments.of("azure://acme.blob.core.windows.net/Audit?" + SAS_PARAM, "container: 'Audit' (expected: only lowercase letters, digits and '-')"),
        Arguments.of("azure://acme.blob.core.windows.net/a--b?" + SAS_PARAM, "container: 'a--b' (expected: to begin and end with a letter or digit, without '--')"),
        Arguments.of("azure://acme.blob.core.windows.net/-ab?" + SAS_PARAM, "container: '-ab' (expected: to begin and end with a letter or digit, without '--')"),
        Arguments.of("azure://acme.blob.core.windows.net/audit/a/../b?" + SAS_PARAM, "key prefix 'a/../b' contains '..' or '//' (expected: plain path segments)"),
        Arguments.of("azure://acme.blob.core.windows.net/audit/{X}?" + SAS_PARAM, "unknown placeholder {X} in '{X}' (expected: {DATE}, {HOUR} or {JOB})"),
        Arguments.of("azure://audit?endpoint=http://127.0.0.1:10000/devstoreaccount1&account_key=" + KEY, "account_name: missing (expected: account_name=<storage account> with account_key when endpoint is given)"),
        Arguments.of("azure://audit?endpoint=http://127.0.0.1:10000&account_name=Dev_Account&account_key=" + KEY, "account: 'Dev_Account' (expected: 3 to 24 lowercase letters and digits)"),
        Arguments.of("azure://audit?endpoint=ftp://h&" + SAS_PARAM, "endpoint: scheme 'ftp' (expected: an http or https URL such as http://127.0.0.1:10000/devstoreaccount1)"),
        Arguments.of("azure://audit?endpoint=http://u:p@h&" + SAS_PARAM, "endpoint: contains user info (expected: an http or https URL such as http://127.0.0.1:10000/devstoreaccount1)"),
        Arguments.of("azure://audit?endpoint=http://h/a%23b%3Fc=d&" + SAS_PARAM, "endpoint: has a query or fragment (expected: an http or https URL such as http://127.0.0.1:10000/devstoreaccount1)"),
        Arguments.of("azure://audit?endpoint=h%20x&" + SAS_PARAM, "endpoint: not a URL: Illegal character in path (expected: an http or https URL such as http://127.0.0.1:10000/devstoreaccount1)"),
        Arguments.of("azure://Audit?endpoint=http://h&" + SAS_PARAM, "container: 'Audit' (expected: only lowercase letters, digits and '-')"),
        Arguments.of("azure:audit", "missing host or container (expected: azure://<account>.blob.core.windows.net/<container>/<prefix> or azure://<container>/<prefix>?endpoint=...)"));
  }

  @ParameterizedTest
  @MethodSource("invalidUris")
  void invalidUrisSayWhatIsWrong(String uri, String message) {
    assertThat(invalid(uri)).isEqualTo("azure destination: " + message);
  }

  @ParameterizedTest
  @MethodSource("invalidUris")
  void noMessageQuotesASecret(String uri, String message) {
    assertThat(invalid(uri)).doesNotContain(KEY).doesNotContain("SIGNATURE");
  }
}
