package io.auditline.logpush.ownership;

import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.Destination.ReadOutcome;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationSpec;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves that a destination belongs to the customer before a job delivers to it: either by a
 * challenge object whose token the customer sends back, or by writing a check object and reading it
 * back with the destination's credentials (no human step, for readable destinations).
 */
public final class Ownership {

  /** How long a challenge token can be sent back. */
  private static final Logger log = LoggerFactory.getLogger(Ownership.class);
  public static final Duration CHALLENGE_TTL = Duration.ofHours(24);
  static final String CONTENT_TYPE = "text/plain; charset=utf-8";
  private static final String USE_CHALLENGE = "prove ownership with a challenge instead:"
      + " POST /v1/accounts/%s/logpush/ownership, then send the token as ownership_challenge";

  private final OwnershipStore store;
  private final DestinationContext context;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Ownership(OwnershipStore store, DestinationContext context, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.context = Objects.requireNonNull(context, "context");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Writes {@code ownership-challenge-<random>.txt} holding a fresh token, and remembers the token's hash. */
  public ChallengeOutcome challenge(String account, String uri, DestinationSpec spec) {
    Instant now = clock.instant();
    String token = randomText(32);
    String key = key(spec, now, "ownership-challenge-");
    UploadOutcome outcome;
    try (Destination destination = spec.open(context)) {
      outcome = destination.upload(upload(key, token));
    } catch (RuntimeException e) {
      outcome = unexpected(e);
    }
    return switch (outcome) {
      case UploadOutcome.Stored stored -> {
        Instant expiresAt = now.plus(CHALLENGE_TTL);
        store.add(account, sha256(uri.strip()), sha256(token), key, now, expiresAt);
        yield new ChallengeOutcome.Issued(key, expiresAt);
      }
      case UploadOutcome.Retry retry -> new ChallengeOutcome.Failed(retry.reason(), retry.message());
      case UploadOutcome.Rejected rejected -> new ChallengeOutcome.Failed(rejected.reason(), rejected.message());
    };
  }

  /** Checks {@code proof} for the destination {@code uri} of {@code account}. */
  public OwnershipOutcome prove(String account, String uri, DestinationSpec spec, OwnershipProof proof) {
    return switch (proof) {
      case OwnershipProof.Challenge challenge -> store.matches(account, sha256(uri.strip()), sha256(challenge.token()), clock.instant())
          ? new OwnershipOutcome.Proven(clock.instant())
          : new OwnershipOutcome.Refused("ownership_challenge", "does not match an unexpired challenge of this account"
              + " for this destination (challenges expire after 24 h; request one with"
              + " POST /v1/accounts/" + account + "/logpush/ownership)");
      case OwnershipProof.VerifyCredentials verify -> verifyCredentials(account, spec);
    };
  }

  private OwnershipOutcome verifyCredentials(String account, DestinationSpec spec) {
    Instant now = clock.instant();
    String token = randomText(32);
    String key = key(spec, now, "ownership-check-");
    try (Destination destination = spec.open(context)) {
      // Probe first, so that a destination that cannot be read back (an HTTPS endpoint) gets no object.
      if (destination.read(key) instanceof ReadOutcome.Unsupported unsupported) {
        return unreadable(account, unsupported);
      }
      switch (destination.upload(upload(key, token))) {
        case UploadOutcome.Stored stored -> { }
        case UploadOutcome.Retry retry -> {
          return refused("writing the check object " + key + " failed: " + retry.message());
        }
        case UploadOutcome.Rejected rejected -> {
          return refused("writing the check object " + key + " failed: " + rejected.message());
        }
      }
      return switch (destination.read(key)) {
        case ReadOutcome.Found found -> Arrays.equals(found.body(), token.getBytes(StandardCharsets.UTF_8))
            ? new OwnershipOutcome.Proven(clock.instant())
            : refused("the check object " + key + " read back with other content than was written");
        case ReadOutcome.Failed failed -> refused("reading the check object " + key + " back failed: " + failed.reason());
        case ReadOutcome.Unsupported unsupported -> unreadable(account, unsupported);
      };
    } catch (RuntimeException e) {
      return refused(unexpected(e).message());
    }
  }

  /** A destination client that threw: its message may quote the URI, so only the exception's type is kept. */
  private static UploadOutcome.Rejected unexpected(RuntimeException e) {
    log.atWarn().setMessage("destination client failed during an ownership check")
        .addKeyValue("exception", e.getClass().getName()).log();
    return new UploadOutcome.Rejected("client_error", "the destination client failed unexpectedly ("
        + e.getClass().getSimpleName() + ")");
  }

  private static OwnershipOutcome unreadable(String account, ReadOutcome.Unsupported unsupported) {
    return refused("this destination cannot be read back (" + unsupported.reason()
        + "), so verify_credentials cannot check it; " + USE_CHALLENGE.formatted(account));
  }

  private static OwnershipOutcome refused(String message) {
    return new OwnershipOutcome.Refused("ownership", message);
  }

  private String key(DestinationSpec spec, Instant now, String name) {
    return spec.keyTemplate().expand(now, "ownership") + name + HexFormat.of().formatHex(randomBytes(8)) + ".txt";
  }

  private static Upload upload(String key, String token) {
    return new Upload(key, token.getBytes(StandardCharsets.UTF_8), CONTENT_TYPE, "", key);
  }

  private String randomText(int bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
