package org.officebridge.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The settings check's test downloads: each run makes a probe (a random id in a signed link), and
 * the test-file servlet records how the Document Server's download of it went, so that the check
 * can tell "nothing arrived" (the Document Server cannot reach the connector) from "it arrived and
 * was refused" (address or token), and say which. Kept in memory on this node, at most {@value
 * #MAX} probes.
 */
@ApplicationScoped
public class SettingsCheckProbes {

  static final int MAX = 64;

  /** How the Document Server's download of a probe went. */
  public enum Outcome {
    /** Served. */
    SERVED,
    /** Refused: not from an allowed Document Server address. */
    ADDRESS,
    /** Refused: no valid token of the Document Server. */
    TOKEN
  }

  /**
   * @param outcome how it went
   * @param peer the address it came from
   * @param reason the token's refusal reason, for {@link Outcome#TOKEN}
   */
  public record Arrival(Outcome outcome, String peer, String reason) {}

  private final Map<String, Optional<Arrival>> probes = new ConcurrentHashMap<>();

  /**
   * @return a new probe id
   */
  public String open() {
    if (probes.size() >= MAX) {
      probes.clear();
    }
    byte[] random = new byte[12];
    ThreadLocalRandom.current().nextBytes(random);
    String id = HexFormat.of().formatHex(random);
    probes.put(id, Optional.empty());
    return id;
  }

  /**
   * @param id a probe id from a verified link
   * @param arrival how its download went
   */
  void arrived(String id, Arrival arrival) {
    probes.computeIfPresent(id, (k, v) -> Optional.of(arrival));
  }

  /**
   * @param id a probe id
   * @return how its download went, if one arrived
   */
  public Optional<Arrival> arrival(String id) {
    return probes.getOrDefault(id, Optional.empty());
  }

  /**
   * @param id a probe that is done with
   */
  public void close(String id) {
    probes.remove(id);
  }
}
