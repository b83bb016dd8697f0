package org.officebridge.security;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the proof a WOPI client signs every request with ({@code X-WOPI-Proof}, {@code
 * X-WOPI-ProofOld}, {@code X-WOPI-TimeStamp}): RSA PKCS#1 v1.5 with SHA-256 over the access token,
 * the upper-cased request URL and the timestamp, each length-prefixed, big-endian. A request is
 * genuine when the current proof verifies with the current or the old key, or the old proof with
 * the current key, and its timestamp is at most 20 minutes away from now.
 */
public final class WopiProofs {

  /** How far a timestamp may be from now. */
  public static final Duration MAX_AGE = Duration.ofMinutes(20);

  /** .NET ticks (100 ns since 0001-01-01 UTC) at the Unix epoch. */
  static final long EPOCH_TICKS = 621_355_968_000_000_000L;

  private WopiProofs() {}

  /** What a proof check found. */
  public enum Outcome {
    /** A signature verifies and the timestamp is fresh. */
    VALID,
    /** The timestamp is missing, not a number, or more than 20 minutes away. */
    STALE,
    /** No combination of proof and key verifies. */
    INVALID
  }

  /**
   * The request as the client signed it.
   *
   * @param accessToken the access token as decoded from the query string
   * @param url the full URL the client called (scheme, host, port, path and the query string
   *     exactly as received)
   * @param timestamp {@code X-WOPI-TimeStamp}
   * @param proof {@code X-WOPI-Proof}
   * @param proofOld {@code X-WOPI-ProofOld}, if sent
   */
  public record SignedRequest(
      String accessToken, String url, String timestamp, String proof, Optional<String> proofOld) {}

  /**
   * @param keys the client's keys from discovery
   * @param request the request's proof material
   * @param now the current time
   * @return the outcome
   */
  public static Outcome check(WopiProofKeys keys, SignedRequest request, Instant now) {
    Optional<Long> ticks = parseTicks(request.timestamp());
    if (ticks.isEmpty()) {
      return Outcome.STALE;
    }
    Instant signedAt = fromTicks(ticks.get());
    if (Duration.between(signedAt, now).abs().compareTo(MAX_AGE) > 0) {
      return Outcome.STALE;
    }
    byte[] data = signedBytes(request.accessToken(), request.url(), ticks.get());
    boolean valid =
        verifies(keys.current(), data, request.proof())
            || request.proofOld().map(p -> verifies(keys.current(), data, p)).orElse(false)
            || keys.old().map(old -> verifies(old, data, request.proof())).orElse(false);
    return valid ? Outcome.VALID : Outcome.INVALID;
  }

  /**
   * @param accessToken the access token
   * @param url the full request URL
   * @param ticks the timestamp in .NET ticks
   * @return the bytes a client signs
   */
  public static byte[] signedBytes(String accessToken, String url, long ticks) {
    byte[] token = accessToken.getBytes(StandardCharsets.UTF_8);
    byte[] upper = url.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(token.length + upper.length + 20);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(token.length);
      out.write(token);
      out.writeInt(upper.length);
      out.write(upper);
      out.writeInt(8);
      out.writeLong(ticks);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * @param instant a time
   * @return it in .NET ticks
   */
  public static long ticks(Instant instant) {
    return instant.toEpochMilli() * 10_000 + EPOCH_TICKS;
  }

  static Instant fromTicks(long ticks) {
    return Instant.ofEpochMilli(Math.floorDiv(ticks - EPOCH_TICKS, 10_000));
  }

  private static Optional<Long> parseTicks(String timestamp) {
    if (timestamp == null || !timestamp.trim().matches("\\d{1,19}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(timestamp.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean verifies(PublicKey key, byte[] data, String proof) {
    if (proof == null || proof.isBlank() || proof.length() > 4096) {
      return false;
    }
    try {
      byte[] signature = Base64.getMimeDecoder().decode(proof.trim());
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
