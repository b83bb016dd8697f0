package org.officebridge.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.officebridge.security.WopiProofKeys;
import org.officebridge.security.WopiProofs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * WOPI proof-key verification of one request (JMH): the usual case, where {@code X-WOPI-Proof}
 * verifies with the current 2048-bit RSA key, and a rotation, where only the old proof verifies
 * with the current key, so more than one signature is checked.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProofKeyBenchmark {

  private static final String TOKEN = "wt1.benchmark-access-token";
  private static final String URL =
      "http://127.0.0.1:8080/officebridge/wopi/files/bench-doc?access_token=" + TOKEN;

  private WopiProofKeys keys;
  private Instant now;
  private WopiProofs.SignedRequest current;
  private WopiProofs.SignedRequest afterRotation;

  /**
   * @throws Exception when RSA is missing
   */
  @Setup
  public void setUp() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair currentKey = rsa.generateKeyPair();
    KeyPair oldKey = rsa.generateKeyPair();
    keys = new WopiProofKeys(currentKey.getPublic(), Optional.of(oldKey.getPublic()));
    now = Instant.now();
    String ticks = Long.toString(WopiProofs.ticks(now));
    byte[] data = WopiProofs.signedBytes(TOKEN, URL, WopiProofs.ticks(now));
    current =
        new WopiProofs.SignedRequest(
            TOKEN, URL, ticks, sign(currentKey, data), Optional.of(sign(oldKey, data)));
    KeyPair stranger = rsa.generateKeyPair();
    afterRotation =
        new WopiProofs.SignedRequest(
            TOKEN, URL, ticks, sign(stranger, data), Optional.of(sign(currentKey, data)));
  }

  private static String sign(KeyPair key, byte[] data) throws Exception {
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key.getPrivate());
    s.update(data);
    return Base64.getEncoder().encodeToString(s.sign());
  }

  /**
   * @return the outcome
   */
  @Benchmark
  public WopiProofs.Outcome verifyCurrent() {
    return WopiProofs.check(keys, current, now);
  }

  /**
   * @return the outcome
   */
  @Benchmark
  public WopiProofs.Outcome verifyAfterRotation() {
    return WopiProofs.check(keys, afterRotation, now);
  }
}
