package dev.eventschema.engine.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;

/**
 * The secret every request must present as {@code Authorization: Bearer <token>}. The scheme is
 * matched in any case ({@code Bearer}, {@code bearer}, {@code BEARER}: RFC 9110 section 11.1), the
 * token exactly. Both sides are hashed with SHA-256 and the hashes compared with
 * {@link MessageDigest#isEqual}, so the time taken tells nothing about the token, its length
 * included.
 */
public final class BearerToken {

  /** Shorter tokens are refused at start: they could be guessed. */
  public static final int MIN_LENGTH = 16;
  /** Longer ones are refused too, so a token always fits a header. */
  public static final int MAX_LENGTH = 512;

  private static final String SCHEME = "bearer";

  private final byte[] digest;

  private BearerToken(String token) {
    this.digest = sha256(token);
  }

  /**
   * @throws IllegalArgumentException if the token is shorter than {@value #MIN_LENGTH}, longer than
   *     {@value #MAX_LENGTH}, or holds a space or a character that is not printable ASCII
   */
  public static BearerToken of(String token) {
    Objects.requireNonNull(token, "token");
    if (token.length() < MIN_LENGTH || token.length() > MAX_LENGTH
        || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("the token must be " + MIN_LENGTH + " to " + MAX_LENGTH
          + " printable ASCII characters without spaces, had " + token.length() + " characters");
    }
    return new BearerToken(token);
  }

  /** Whether an {@code Authorization} header value (null when absent) presents this token. */
  public boolean matches(String authorization) {
    if (authorization == null) {
      return false;
    }
    String value = authorization.strip();
    int space = value.indexOf(' ');
    if (space != SCHEME.length() || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return false;
    }
    return MessageDigest.isEqual(digest, sha256(value.substring(space + 1).strip()));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "BearerToken[redacted]";
  }
}
