package io.auditline.testkit;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A test server in a child process with its output in a log file; its owner kills it from a
 * shutdown hook, and a watchdog shell kills it when this JVM is killed outright.
 */
public final class ServerProcess {

  // Runs the server in the background and polls both it and this JVM: it exits when the server
  // does (with its exit status), so a failed start is seen at once, and kills the server when this
  // JVM is gone. A SIGTERM to the watchdog is passed on to the server, for graceful-stop tests.
  private static final String WATCHDOG = """
      jvm=$1; shift
      "$@" </dev/null &
      child=$!
      trap 'kill -TERM "$child" 2>/dev/null' TERM
      while kill -0 "$child" 2>/dev/null; do
        if ! kill -0 "$jvm" 2>/dev/null; then kill "$child"; break; fi
        sleep 1
      done
      wait "$child"; rc=$?
      # A trapped signal interrupts wait early; wait again until the server has really exited.
      while kill -0 "$child" 2>/dev/null; do wait "$child"; rc=$?; done
      exit $rc
      """;

  private final String name;
  private final Process process;
  private final Path log;

  private ServerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in {@code workDir}, appending its stdout and stderr to {@code log}. */
  public static ServerProcess start(String name, List<String> command, Path workDir, Path log) throws IOException {
    List<String> full = new ArrayList<>();
    if (new File("/bin/sh").canExecute()) {
      full.addAll(List.of("/bin/sh", "-c", WATCHDOG, name + "-watchdog", Long.toString(ProcessHandle.current().pid())));
    }
    full.addAll(command);
    Process process = new ProcessBuilder(full)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    return new ServerProcess(name, process, log);
  }

  /** Returns once {@code host:port} accepts connections; throws with the log's tail otherwise. */
  public void awaitPort(String host, int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastError = "none";
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), 1_000);
        return;
      } catch (IOException e) {
        lastError = e.toString();
      }
      // Waiting on the process doubles as the poll interval and notices an exit at once.
      if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("%s exited with code %d while starting\n%s".formatted(name, process.exitValue(), tail(40)));
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("%s did not accept connections on %s:%d within %s (last error: %s)\n%s"
            .formatted(name, host, port, timeout, lastError, tail(40)));
      }
    }
  }

  /** Kills the server and the watchdog at once; the data is thrown away, so no graceful stop. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Asks the server to stop gracefully with SIGTERM (through the watchdog, which passes it on), as
   * an orchestrator would; see {@link #awaitExit(Duration)}.
   */
  public void terminate() {
    process.destroy();
  }

  /** Waits for the server to exit and returns its exit status; throws with the log's tail on timeout. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("%s did not exit within %s\n%s".formatted(name, timeout, tail(40)));
    }
    return process.exitValue();
  }

  public Path log() {
    return log;
  }

  /** The last {@code lines} lines of the log, for failure messages. */
  public String tail(int lines) {
    try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
      List<String> list = all.toList();
      return String.join("\n", list.subList(Math.max(0, list.size() - lines), list.size()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }
}
