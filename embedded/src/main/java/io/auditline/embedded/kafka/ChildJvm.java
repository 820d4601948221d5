package io.auditline.embedded.kafka;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;

/** Starts Java main classes in a child JVM that uses this JVM's java binary and class path. */
final class ChildJvm {

  private ChildJvm() {}

  /**
   * Starts {@code mainClass} with stdout and stderr appended to {@code output}; stdin stays a pipe
   * the child can watch for the parent's death.
   */
  static Process start(
      int maxHeapMb, Path logbackConfig, Path output, String mainClass, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    // In a session of its own the broker does not get the terminal's Ctrl-C: the app drains into it
    // first and stops it last. It still exits when the app dies (it watches its stdin pipe).
    setsid().ifPresent(command::add);
    command.add(javaBinary());
    command.add("-Xmx" + maxHeapMb + "m");
    // Serial GC and few compiler threads: the broker shares two cores with the app and its tests.
    command.add("-XX:+UseSerialGC");
    command.add("-XX:CICompilerCount=2");
    command.add("-Djava.awt.headless=true");
    if (Runtime.version().feature() >= 23) {
      // Kafka unmaps buffers through sun.misc.Unsafe; without this every start prints a warning.
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.add("-Dlogback.configurationFile=" + logbackConfig);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
        .start();
  }

  private static Optional<String> setsid() {
    String path = System.getenv("PATH");
    if (path == null || File.separatorChar == '\\') {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, "setsid"))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .findFirst();
  }

  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseGet(
            () ->
                Path.of(System.getProperty("java.home"), "bin", "java" + exeSuffix()).toString());
  }

  private static String exeSuffix() {
    return File.separatorChar == '\\' ? ".exe" : "";
  }
}
