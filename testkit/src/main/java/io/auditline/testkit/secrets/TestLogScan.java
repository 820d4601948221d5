package io.auditline.testkit.secrets;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scans the logs of a whole test run for the {@link TestSecrets}: every module's {@code
 * target/test-logs/**}, and the {@code *-output.txt} files surefire and failsafe write there.
 *
 * <p>Run after {@code mvn verify} (the launcher's {@code test} command does): {@code java -cp
 * testkit/target/classes io.auditline.testkit.secrets.TestLogScan <repository root>}. It exits 1 on
 * a leak, naming the file, line and secret (never the secret's value), and also when it found no
 * non-empty log at all, so it cannot pass by reading nothing.
 */
public final class TestLogScan {

  /** What a scan found. */
  public record Result(int filesScanned, long bytesScanned, int secretsChecked, List<String> leaks) {
    public boolean vacuous() {
      return filesScanned == 0 || bytesScanned == 0;
    }
  }

  private TestLogScan() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length == 0 ? "." : args[0]).toAbsolutePath().normalize();
    Result result = scan(root, TestSecrets.fixed());
    if (result.vacuous()) {
      System.err.printf("scan-test-logs: FAILED: no test logs under %s/*/target (expected: run mvn verify first)%n", root);
      System.exit(1);
    }
    if (!result.leaks().isEmpty()) {
      result.leaks().forEach(leak -> System.err.println("scan-test-logs: LEAK: " + leak));
      System.err.printf("scan-test-logs: FAILED: %d secret(s) found in test logs%n", result.leaks().size());
      System.exit(1);
    }
    System.out.printf("scan-test-logs: ok: %d secrets and %d patterns not found in %d log files (%d bytes)%n",
        result.secretsChecked(), TestSecrets.patterns().size(), result.filesScanned(), result.bytesScanned());
  }

  /** Scans every module under {@code root} for {@code secrets} plus each module's remembered ones. */
  public static Result scan(Path root, List<TestSecrets.Secret> secrets) throws IOException {
    List<Path> targets;
    try (Stream<Path> modules = Files.list(root)) {
      targets = modules.map(m -> m.resolve("target")).filter(Files::isDirectory).sorted().toList();
    }
    Set<TestSecrets.Secret> all = new LinkedHashSet<>(secrets);
    for (Path target : targets) {
      all.addAll(TestSecrets.remembered(target));
    }
    Map<String, String> needles = needles(all);
    List<String> leaks = new ArrayList<>();
    int files = 0;
    long bytes = 0;
    for (Path target : targets) {
      for (Path log : logsOf(target)) {
        files++;
        bytes += Files.size(log);
        leaks.addAll(scanFile(root, log, needles));
      }
    }
    return new Result(files, bytes, all.size(), leaks);
  }

  /** The log files of one module's {@code target} directory. */
  static List<Path> logsOf(Path target) throws IOException {
    List<Path> logs = new ArrayList<>();
    Path testLogs = target.resolve("test-logs");
    if (Files.isDirectory(testLogs)) {
      try (Stream<Path> walk = Files.walk(testLogs)) {
        walk.filter(Files::isRegularFile).sorted().forEach(logs::add);
      }
    }
    for (String reports : List.of("surefire-reports", "failsafe-reports")) {
      Path dir = target.resolve(reports);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> list = Files.list(dir)) {
          list.filter(f -> f.getFileName().toString().endsWith("-output.txt")).sorted().forEach(logs::add);
        }
      }
    }
    return logs;
  }

  /** Each form a secret may take in a log (as is, URL-encoded), mapped to the secret's name. */
  private static Map<String, String> needles(Set<TestSecrets.Secret> secrets) {
    Map<String, String> needles = new LinkedHashMap<>();
    for (TestSecrets.Secret s : secrets) {
      String encoded = URLEncoder.encode(s.value(), StandardCharsets.UTF_8);
      needles.putIfAbsent(s.value(), s.name());
      needles.putIfAbsent(encoded, s.name() + " (URL-encoded)");
      needles.putIfAbsent(lowerHex(encoded), s.name() + " (URL-encoded)");
    }
    return needles;
  }

  private static String lowerHex(String encoded) {
    return Pattern.compile("%[0-9A-F]{2}").matcher(encoded).replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
  }

  private static List<String> scanFile(Path root, Path log, Map<String, String> needles) throws IOException {
    List<String> leaks = new ArrayList<>();
    // Logs may hold bytes that are not UTF-8; ISO-8859-1 maps every byte and keeps ASCII secrets intact.
    List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      for (var needle : needles.entrySet()) {
        if (line.contains(needle.getKey())) {
          leaks.add("%s:%d: %s".formatted(root.relativize(log), i + 1, needle.getValue()));
        }
      }
      for (Pattern pattern : TestSecrets.patterns()) {
        if (pattern.matcher(line).find()) {
          leaks.add("%s:%d: text matching %s".formatted(root.relativize(log), i + 1, pattern.pattern()));
        }
      }
    }
    return leaks;
  }
}
