package io.auditline.platform.profiling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Records a JDK Flight Recorder profile of this process with the JDK's {@code profile} settings
 * (method sampling every 10–20 ms, allocation, locks, I/O, GC).
 */
public final class JfrProfiler {

  /** Records for {@code duration} and writes the recording to a new temporary file the caller deletes. */
  public Path record(Duration duration) throws IOException, InterruptedException {
    Configuration settings;
    try {
      settings = Configuration.getConfiguration("profile");
    } catch (ParseException e) {
      throw new IOException("the JDK's JFR 'profile' settings do not parse", e);
    }
    Path file = Files.createTempFile("auditline-profile-", ".jfr");
    try (Recording recording = new Recording(settings)) {
      recording.setName("auditline-admin-profile");
      recording.setToDisk(true);
      recording.start();
      try {
        // The recording is the wait: it covers exactly this interval.
        Thread.sleep(duration.toMillis());
      } finally {
        recording.stop();
      }
      recording.dump(file);
      return file;
    } catch (IOException | InterruptedException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }
}
