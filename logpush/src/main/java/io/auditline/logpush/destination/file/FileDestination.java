package io.auditline.logpush.destination.file;

import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes each object to {@code root/<key>}, atomically: the body goes to a temporary file in the
 * target's directory, is forced to disk, then renamed over the key, and the directory is forced
 * where the platform allows. A crash therefore never leaves a partial object under a key, and a
 * rewrite of the same key replaces the object whole.
 *
 * <p>Temporary files are named {@code .tmp-<uuid>}. One left behind by a crash is never an object:
 * keys whose file name starts with {@code .tmp-} are refused, {@link #read} ignores them, and an
 * operator may delete any that are older than the longest upload.
 */
public final class FileDestination implements Destination {

  /** The file-name prefix of temporary files; reserved, no key may use it. */
  public static final String TEMP_PREFIX = ".tmp-";

  private final FileSpec spec;
  private final Path root;

  FileDestination(FileSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.root = spec.root();
  }

  @Override
  public UploadOutcome upload(Upload upload) {
    String key = upload.key();
    Path target;
    try {
      target = FileKeys.resolve(root, key);
    } catch (FileKeys.BadKey e) {
      return new UploadOutcome.Rejected("invalid_key", e.getMessage());
    }
    Path dir = target.getParent();
    Path temp = null;
    try {
      FileKeys.createDirectories(root);
      FileKeys.requireInsideRoot(root, dir, key);
      FileKeys.createDirectories(dir);
      FileKeys.requireInsideRoot(root, dir, key);
      if (Files.isDirectory(target)) {
        return new UploadOutcome.Rejected("conflict", "key '%s' is a directory under %s".formatted(key, root));
      }
      temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID());
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer body = ByteBuffer.wrap(upload.body());
        while (body.hasRemaining()) {
          channel.write(body);
        }
        channel.force(true);
      }
      // rename(2): atomic, and replaces an existing object with the same key.
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      FileKeys.forceDirectory(dir);
      return new UploadOutcome.Stored(key, upload.body().length);
    } catch (FileKeys.BadKey e) {
      return new UploadOutcome.Rejected("invalid_key", e.getMessage());
    } catch (AccessDeniedException e) {
      return new UploadOutcome.Rejected("permission", "permission denied writing key '%s' under %s (%s)"
          .formatted(key, root, e.getFile()));
    } catch (FileAlreadyExistsException | NotDirectoryException e) {
      return new UploadOutcome.Rejected("conflict", "key '%s' needs a directory where a file is: %s"
          .formatted(key, e.getFile()));
    } catch (AtomicMoveNotSupportedException e) {
      return new UploadOutcome.Rejected("atomic_move_unsupported",
          "the file system under %s cannot rename atomically: %s".formatted(root, e.getMessage()));
    } catch (IOException e) {
      // Disk full, I/O errors, a file system mounted read-only for a while: worth another try.
      return new UploadOutcome.Retry("io", "cannot write key '%s' under %s: %s".formatted(key, root, e));
    } finally {
      if (temp != null) {
        FileKeys.deleteQuietly(temp);
      }
    }
  }

  @Override
  public ReadOutcome read(String key) {
    try {
      Path target = FileKeys.resolve(root, key);
      FileKeys.requireInsideRoot(root, target, key);
      return new ReadOutcome.Found(Files.readAllBytes(target));
    } catch (FileKeys.BadKey e) {
      return new ReadOutcome.Failed(e.getMessage());
    } catch (NoSuchFileException e) {
      return new ReadOutcome.Failed("no object with key '%s' under %s".formatted(key, root));
    } catch (IOException e) {
      return new ReadOutcome.Failed("cannot read key '%s' under %s: %s".formatted(key, root, e));
    }
  }

  @Override
  public String describe() {
    return spec.redacted();
  }

  @Override
  public String toString() {
    return "FileDestination[" + spec.redacted() + "]";
  }

  static boolean isTemporary(Path file) {
    return file.getFileName() != null && file.getFileName().toString().startsWith(TEMP_PREFIX);
  }
}
