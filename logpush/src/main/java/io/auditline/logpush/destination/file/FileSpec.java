package io.auditline.logpush.destination.file;

import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.DestinationSpec;
import io.auditline.logpush.destination.KeyTemplate;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A local directory: {@code file:///absolute/root[/prefix]}. The path up to the last {@code /}
 * before the first placeholder is the root directory; the rest is the key prefix, so {@code
 * file:///var/lib/auditline/logs/{DATE}} writes keys {@code {DATE}/...} under {@code
 * /var/lib/auditline/logs}. A path without placeholders is all root.
 *
 * @param root an absolute, normalized directory other than {@code /}
 * @param keyTemplate the key prefix below the root
 */
public record FileSpec(Path root, KeyTemplate keyTemplate) implements DestinationSpec {

  public FileSpec {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(keyTemplate, "keyTemplate");
    rootProblem(root.toString()).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
  }

  /** The spec for a {@code file:} URI, or a message that says precisely what is wrong with it. */
  public static DestinationParse parse(URI uri) {
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("file")) {
      return invalid("file destination: scheme '%s' (expected: file)".formatted(scheme));
    }
    if (uri.isOpaque() || uri.getPath() == null || !uri.getPath().startsWith("/")) {
      return invalid("file destination path is not absolute (expected: file:///absolute/dir[/prefix])");
    }
    String authority = uri.getRawAuthority();
    if (authority != null && !authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
      return invalid("file destination names host '%s' (expected: file:///absolute/dir, a local path)".formatted(authority));
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return invalid("file destination has a query or fragment (expected: file:///absolute/dir[/prefix] only)");
    }
    String path = uri.getPath();
    int brace = path.indexOf('{');
    int split = brace < 0 ? path.length() : path.lastIndexOf('/', brace);
    String rootText = path.substring(0, split);
    String template = brace < 0 ? "" : path.substring(split + 1);
    if (rootText.length() > 1 && rootText.endsWith("/")) {
      rootText = rootText.substring(0, rootText.length() - 1);
    }
    Optional<String> problem = rootProblem(rootText).or(() -> KeyTemplate.problem(template));
    if (problem.isPresent()) {
      return invalid(problem.get());
    }
    return new DestinationParse.Valid(new FileSpec(Path.of(rootText), new KeyTemplate(template)));
  }

  @Override
  public String scheme() {
    return "file";
  }

  /** The URI as given; a local path holds no secret. */
  @Override
  public String redacted() {
    return "file://" + root + (keyTemplate.template().isEmpty() ? "" : "/" + keyTemplate.template());
  }

  @Override
  public FileDestination open(DestinationContext context) {
    return new FileDestination(this);
  }

  @Override
  public String toString() {
    return redacted();
  }

  private static Optional<String> rootProblem(String root) {
    if (root.isEmpty() || root.equals("/")) {
      return Optional.of("file destination root is '/' (expected: a directory below /)");
    }
    if (root.indexOf('}') >= 0) {
      return Optional.of("unbalanced brace in file destination root '%s'".formatted(root));
    }
    try {
      Path p = Path.of(root);
      if (!p.isAbsolute() || !p.normalize().toString().equals(root)) {
        return Optional.of("file destination root '%s' is not a normalized absolute path (expected: no '.', '..' or empty segments)"
            .formatted(root));
      }
    } catch (InvalidPathException e) {
      return Optional.of("file destination root is not a valid path: %s".formatted(e.getReason()));
    }
    return Optional.empty();
  }

  private static DestinationParse invalid(String message) {
    return new DestinationParse.Invalid(message);
  }
}
