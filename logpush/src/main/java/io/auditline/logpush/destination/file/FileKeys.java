package io.auditline.logpush.destination.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/** Maps object keys to files under a root without ever leaving it, and makes directories durable. */
final class FileKeys {

  /** A key that cannot be a file under the root; the message says why. */
  static final class BadKey extends Exception {
    private static final long serialVersionUID = 1L;

    BadKey(String message) {
      super(message, null, false, false);
    }
  }

  private FileKeys() {}

  /** {@code root/key}, normalized; refused when it is the root itself, outside it, or a temp-file name. */
  static Path resolve(Path root, String key) throws BadKey {
    Path target;
    boolean absolute;
    try {
      target = root.resolve(key).normalize();
      absolute = Path.of(key).isAbsolute();
    } catch (InvalidPathException e) {
      throw new BadKey("key '%s' is not a valid file name: %s".formatted(printable(key), e.getReason()));
    }
    if (key.isEmpty() || absolute || !target.startsWith(root) || target.equals(root)) {
      throw new BadKey("key '%s' escapes the root %s (expected: a relative path below it)".formatted(printable(key), root));
    }
    if (FileDestination.isTemporary(target)) {
      throw new BadKey("key '%s' names a temporary file (names starting with %s are reserved)"
          .formatted(key, FileDestination.TEMP_PREFIX));
    }
    return target;
  }

  /**
   * Refuses {@code path} when symbolic links lead it outside the root: the real path of its nearest
   * existing ancestor (or itself) must lie under the root's real path. Checked before directories
   * are created, so a link never makes us create one elsewhere, and again after.
   */
  static void requireInsideRoot(Path root, Path path, String key) throws IOException, BadKey {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !existing.toRealPath().startsWith(root.toRealPath())) {
      throw new BadKey("key '%s' leads outside the root %s through a symbolic link".formatted(key, root));
    }
  }

  /** Creates {@code dir} and its missing parents, forcing each new entry into its parent directory. */
  static void createDirectories(Path dir) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.push(p);
    }
    for (Path p : missing) {
      try {
        Files.createDirectory(p);
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(p)) {
          throw e;
        }
      }
      forceDirectory(p.getParent());
    }
  }

  /**
   * Forces a directory's entries (a rename, a new file) to disk. Best effort: some platforms
   * cannot open a directory as a channel; the rename is still atomic there, only maybe not yet durable.
   */
  static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not supported here; see above
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // it is named .tmp-..., so it is ignored and recognisable for cleanup
    }
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(c -> out.append(c >= 0x20 && c != 0x7f ? Character.toString(c) : "\\u%04x".formatted(c)));
    return out.toString();
  }
}
