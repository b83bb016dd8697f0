package org.officebridge.standin.wopi;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.officebridge.standin.faults.Faults;

/**
 * Signs a WOPI request as ONLYOFFICE does (digest §10): over {@code int32 len + access token bytes,
 * int32 len + UPPERCASE full URL bytes, int32 8 + int64 .NET ticks}, big-endian, with
 * SHA256withRSA; {@code X-WOPI-Proof} with the current key, {@code X-WOPI-ProofOld} with the old.
 */
public final class ProofSigner {

  /** .NET ticks at the Unix epoch. */
  static final long EPOCH_TICKS = 621355968000000000L;

  private final ProofKeys keys;
  private final Clock clock;
  private final Faults faults;
  private final boolean enabled;

  /**
   * @param keys the key pairs
   * @param clock the real clock (skew is added from the faults)
   * @param faults clock skew and wrong-key switches
   * @param enabled whether proofs are sent at all
   */
  public ProofSigner(ProofKeys keys, Clock clock, Faults faults, boolean enabled) {
    this.keys = keys;
    this.clock = clock;
    this.faults = faults;
    this.enabled = enabled;
  }

  /**
   * @param instant a time
   * @return it in .NET ticks (100 ns since 0001-01-01 UTC)
   */
  public static long ticks(Instant instant) {
    return instant.toEpochMilli() * 10_000 + EPOCH_TICKS;
  }

  /**
   * @param accessToken the raw access token
   * @param url the full request URL as sent
   * @param ticks the timestamp
   * @return the bytes that are signed
   */
  public static byte[] proofData(String accessToken, String url, long ticks) {
    byte[] token = accessToken.getBytes(StandardCharsets.UTF_8);
    byte[] u = url.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(token.length);
      out.write(token);
      out.writeInt(u.length);
      out.write(u);
      out.writeInt(8);
      out.writeLong(ticks);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * @param accessToken the raw access token
   * @param url the full request URL as sent
   * @return the timestamp and proof headers for the request (no proofs when disabled)
   */
  public Map<String, String> headers(String accessToken, String url) {
    long ticks = ticks(faults.signingClock(clock).instant());
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-WOPI-TimeStamp", Long.toString(ticks));
    if (enabled) {
      byte[] data = proofData(accessToken, url, ticks);
      boolean wrong = faults.proofsWithWrongKey();
      h.put("X-WOPI-Proof", keys.sign(data, false, wrong));
      h.put("X-WOPI-ProofOld", keys.sign(data, true, wrong));
    }
    return h;
  }

  /**
   * @return whether proofs are sent
   */
  public boolean enabled() {
    return enabled;
  }
}
