package org.officebridge.standin.faults;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.officebridge.standin.http.StreamShaping;
import org.officebridge.standin.json.Json;

/**
 * Failures the stand-in produces on demand, for reliability tests. Thread-safe; every switch can be
 * set from Java or from {@code POST /standin/control/faults} (see {@link #apply(Map)}).
 */
public final class Faults {

  /** Which served files a download fault applies to. */
  public enum FileKind {
    /** Every file the stand-in serves. */
    ANY,
    /** Assembled documents ({@code url} of callbacks, conversion results, forgotten files). */
    DOCUMENT,
    /** Change archives ({@code changesurl}). */
    CHANGES
  }

  private record Download(Duration pause, long cutAfter, FileKind kind) {}

  private final AtomicReference<Download> download =
      new AtomicReference<>(new Download(Duration.ZERO, -1, FileKind.ANY));
  private volatile boolean duplicateCallbacks;
  private volatile boolean outOfOrderCallbacks;
  private volatile Duration clockSkew = Duration.ZERO;
  private volatile boolean proofsWithWrongKey;
  private volatile boolean jwtWithWrongSecret;
  private volatile Duration conversionDelay = Duration.ZERO;
  private final AtomicReference<Integer> nextCommandError = new AtomicReference<>();
  private final AtomicReference<Integer> nextConversionError = new AtomicReference<>();

  /** Turns every fault off. */
  public void reset() {
    download.set(new Download(Duration.ZERO, -1, FileKind.ANY));
    duplicateCallbacks = false;
    outOfOrderCallbacks = false;
    clockSkew = Duration.ZERO;
    proofsWithWrongKey = false;
    jwtWithWrongSecret = false;
    conversionDelay = Duration.ZERO;
    nextCommandError.set(null);
    nextConversionError.set(null);
  }

  /**
   * Slows down the files the stand-in serves ({@code url}, {@code changesurl}, conversion results).
   *
   * @param pausePerChunk pause before each 8 KiB chunk; zero turns it off
   * @return this
   */
  public Faults slowDownloads(Duration pausePerChunk) {
    download.updateAndGet(d -> new Download(pausePerChunk, d.cutAfter(), d.kind()));
    return this;
  }

  /**
   * Cuts off served files after some bytes (the announced Content-Length is not reached).
   *
   * @param bytes bytes to send before cutting, or -1 to turn it off
   * @param kind which files
   * @return this
   */
  public Faults cutDownloadsAfter(long bytes, FileKind kind) {
    download.updateAndGet(d -> new Download(d.pause(), bytes, kind));
    return this;
  }

  /**
   * @param kind the kind of file being served
   * @return how to send it
   */
  public StreamShaping shapingFor(FileKind kind) {
    Download d = download.get();
    boolean applies = d.kind() == FileKind.ANY || d.kind() == kind;
    return new StreamShaping(d.pause(), applies ? d.cutAfter() : -1);
  }

  /**
   * @param on send every callback twice
   * @return this
   */
  public Faults duplicateCallbacks(boolean on) {
    duplicateCallbacks = on;
    return this;
  }

  /**
   * @return whether callbacks are sent twice
   */
  public boolean duplicateCallbacks() {
    return duplicateCallbacks;
  }

  /**
   * @param on hold each callback back and send it after the next one of the same document
   * @return this
   */
  public Faults outOfOrderCallbacks(boolean on) {
    outOfOrderCallbacks = on;
    return this;
  }

  /**
   * @return whether callbacks are swapped pairwise
   */
  public boolean outOfOrderCallbacks() {
    return outOfOrderCallbacks;
  }

  /**
   * @param skew added to the time in proof timestamps and in JWT iat/exp the stand-in issues
   * @return this
   */
  public Faults clockSkew(Duration skew) {
    clockSkew = skew;
    return this;
  }

  /**
   * @param base the real clock
   * @return the clock the stand-in signs with: {@code base} plus the configured skew
   */
  public Clock signingClock(Clock base) {
    Faults self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return base.getZone();
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return self.signingClock(base.withZone(zone));
      }

      @Override
      public Instant instant() {
        return base.instant().plus(clockSkew);
      }
    };
  }

  /**
   * @param on sign WOPI proofs with a key that is not in discovery
   * @return this
   */
  public Faults proofsWithWrongKey(boolean on) {
    proofsWithWrongKey = on;
    return this;
  }

  /**
   * @return whether proofs are signed with a stray key
   */
  public boolean proofsWithWrongKey() {
    return proofsWithWrongKey;
  }

  /**
   * @param on sign outgoing JWTs (callbacks, downloads) with a wrong secret
   * @return this
   */
  public Faults jwtWithWrongSecret(boolean on) {
    jwtWithWrongSecret = on;
    return this;
  }

  /**
   * @return whether outgoing JWTs use a wrong secret
   */
  public boolean jwtWithWrongSecret() {
    return jwtWithWrongSecret;
  }

  /**
   * @param delay how long each conversion takes (to reach the conversion timeout, error -2)
   * @return this
   */
  public Faults conversionDelay(Duration delay) {
    conversionDelay = delay;
    return this;
  }

  /**
   * @return how long each conversion takes on purpose
   */
  public Duration conversionDelay() {
    return conversionDelay;
  }

  /**
   * @param error a command service error code (0-6) for the next command, e.g. 3
   * @return this
   */
  public Faults failNextCommand(int error) {
    nextCommandError.set(error);
    return this;
  }

  /**
   * @return the forced error for this command, consumed
   */
  public Optional<Integer> takeCommandError() {
    return Optional.ofNullable(nextCommandError.getAndSet(null));
  }

  /**
   * @param error a conversion error code (-1..-10) for the next conversion, e.g. -6
   * @return this
   */
  public Faults failNextConversion(int error) {
    nextConversionError.set(error);
    return this;
  }

  /**
   * @return the forced error for this conversion, consumed
   */
  public Optional<Integer> takeConversionError() {
    return Optional.ofNullable(nextConversionError.getAndSet(null));
  }

  /**
   * @return the current switches, as JSON-ready values
   */
  public Map<String, Object> describe() {
    Download d = download.get();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("downloadPauseMillis", d.pause().toMillis());
    out.put("cutDownloadsAfterBytes", d.cutAfter());
    out.put("cutDownloadsKind", d.kind().name());
    out.put("duplicateCallbacks", duplicateCallbacks);
    out.put("outOfOrderCallbacks", outOfOrderCallbacks);
    out.put("clockSkewMillis", clockSkew.toMillis());
    out.put("proofsWithWrongKey", proofsWithWrongKey);
    out.put("jwtWithWrongSecret", jwtWithWrongSecret);
    out.put("conversionDelayMillis", conversionDelay.toMillis());
    out.put("nextCommandError", nextCommandError.get());
    out.put("nextConversionError", nextConversionError.get());
    return out;
  }

  /**
   * Sets the switches named in a JSON object (the keys of {@link #describe()}, plus {@code
   * reset:true}); absent keys are left as they are.
   *
   * @param s the switches to set
   */
  public void apply(Map<String, Object> s) {
    if (Json.bool(s, "reset").orElse(false)) {
      reset();
    }
    Json.number(s, "downloadPauseMillis").ifPresent(v -> slowDownloads(Duration.ofMillis(v)));
    Json.number(s, "cutDownloadsAfterBytes")
        .ifPresent(
            v ->
                cutDownloadsAfter(
                    v,
                    Json.string(s, "cutDownloadsKind")
                        .map(k -> FileKind.valueOf(k.toUpperCase(java.util.Locale.ROOT)))
                        .orElse(FileKind.ANY)));
    Json.bool(s, "duplicateCallbacks").ifPresent(this::duplicateCallbacks);
    Json.bool(s, "outOfOrderCallbacks").ifPresent(this::outOfOrderCallbacks);
    Json.number(s, "clockSkewMillis").ifPresent(v -> clockSkew(Duration.ofMillis(v)));
    Json.bool(s, "proofsWithWrongKey").ifPresent(this::proofsWithWrongKey);
    Json.bool(s, "jwtWithWrongSecret").ifPresent(this::jwtWithWrongSecret);
    Json.number(s, "conversionDelayMillis").ifPresent(v -> conversionDelay(Duration.ofMillis(v)));
    Json.number(s, "nextCommandError").ifPresent(v -> failNextCommand(v.intValue()));
    Json.number(s, "nextConversionError").ifPresent(v -> failNextConversion(v.intValue()));
  }
}
