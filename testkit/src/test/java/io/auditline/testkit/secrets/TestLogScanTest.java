package io.auditline.testkit.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan finds a planted secret in every place and form it looks at, and never passes on nothing. */
class TestLogScanTest {

  @TempDir Path root;

  private Path file(String relative, String text) throws Exception {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void findsAPlantedFixedSecretNamingFileLineAndSecretButNotItsValue() throws Exception {
    file("store/target/surefire-reports/io.auditline.store.FooTest-output.txt",
        "starting\nconnecting with secret_access_key=" + TestSecrets.fixed().getFirst().value() + "\n");
    file("ingest/target/test-logs/server.log", "nothing to see\n");

    TestLogScan.Result result = TestLogScan.scan(root, TestSecrets.fixed());

    assertThat(result.vacuous()).isFalse();
    assertThat(result.filesScanned()).isEqualTo(2);
    assertThat(result.leaks()).containsExactly(
        "store/target/surefire-reports/io.auditline.store.FooTest-output.txt:2: SharedS3Proxy secret key");
    assertThat(String.join("\n", result.leaks())).doesNotContain(TestSecrets.fixed().getFirst().value());
  }

  @Test
  void findsUrlEncodedSecretsTokensAndPrivateKeysInFailsafeOutputAndServerLogs() throws Exception {
    file("app/target/failsafe-reports/io.auditline.app.BarIT-output.txt",
        "GET /?secret_access_key=auditline%2Ftest%2Bsecret\n"
            + "Authorization: Bearer alt_abcdefghijkmnpqr_0123456789abcdefghijABCDEFGHIJ_-0123456789ab\n");
    file("app/target/test-logs/nested/child.log", "-----BEGIN PRIVATE KEY-----\n");

    List<String> leaks = TestLogScan.scan(root, TestSecrets.fixed()).leaks();

    assertThat(leaks).containsExactlyInAnyOrder(
        "app/target/failsafe-reports/io.auditline.app.BarIT-output.txt:1: SharedS3Proxy secret key (URL-encoded)",
        "app/target/failsafe-reports/io.auditline.app.BarIT-output.txt:2: text matching " + TestSecrets.API_TOKEN.pattern(),
        "app/target/test-logs/nested/child.log:1: text matching " + TestSecrets.PRIVATE_KEY.pattern());
  }

  @Test
  void findsSecretsRememberedAtRunTimeByTheModuleUnderTest() throws Exception {
    file("store/target/test-secrets/secrets-42.tsv", "shared PostgreSQL password\tRandomPassw0rd_xyz\n");
    file("logpush/target/surefire-reports/X-output.txt", "jdbc:postgresql://db?password=RandomPassw0rd_xyz\n");

    assertThat(TestLogScan.scan(root, TestSecrets.fixed()).leaks())
        .containsExactly("logpush/target/surefire-reports/X-output.txt:1: shared PostgreSQL password");
  }

  @Test
  void noLogsAtAllIsVacuousNotClean() throws Exception {
    Files.createDirectories(root.resolve("store/target/surefire-reports"));
    file("store/target/surefire-reports/TEST-io.auditline.store.FooTest.xml", "<testsuite/>");
    file("store/target/test-logs/empty.log", "");

    TestLogScan.Result result = TestLogScan.scan(root, TestSecrets.fixed());

    assertThat(result.vacuous()).isTrue();
    assertThat(result.leaks()).isEmpty();
  }

  @Test
  void refusesSecretsShortEnoughToMatchInnocentText() {
    assertThatThrownBy(() -> new TestSecrets.Secret("keystore password", "test"))
        .hasMessage("secret 'keystore password': 4 characters (expected: >= 8, or it matches innocent text)");
    assertThat(new TestSecrets.Secret("x", "long-enough-secret")).hasToString("Secret[x]");
  }
}
