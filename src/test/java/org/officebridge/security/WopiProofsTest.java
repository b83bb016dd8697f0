package org.officebridge.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.security.WopiProofs.Outcome;
import org.officebridge.security.WopiProofs.SignedRequest;

class WopiProofsTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final String TOKEN = "wt1.abc.def";
  private static final String URL =
      "https://dms.example.com/officebridge/wopi/files/it-doc1?access_token=wt1.abc.def";

  private static KeyPair current;
  private static KeyPair old;
  private static KeyPair unknown;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    current = rsa.generateKeyPair();
    old = rsa.generateKeyPair();
    unknown = rsa.generateKeyPair();
  }

  private static String sign(PrivateKey key, String token, String url, Instant at)
      throws Exception {
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key);
    s.update(WopiProofs.signedBytes(token, url, WopiProofs.ticks(at)));
    return Base64.getEncoder().encodeToString(s.sign());
  }

  private static WopiProofKeys known() {
    return new WopiProofKeys(current.getPublic(), Optional.of(old.getPublic()));
  }

  private static Outcome check(KeyPair proofKey, KeyPair proofOldKey) throws Exception {
    SignedRequest request =
        new SignedRequest(
            TOKEN,
            URL,
            Long.toString(WopiProofs.ticks(NOW)),
            sign(proofKey.getPrivate(), TOKEN, URL, NOW),
            Optional.of(sign(proofOldKey.getPrivate(), TOKEN, URL, NOW)));
    return WopiProofs.check(known(), request, NOW);
  }

  @Test
  void acceptsTheCurrentProofWithTheCurrentKey() throws Exception {
    assertEquals(Outcome.VALID, check(current, old));
    assertEquals(Outcome.VALID, check(current, unknown));
  }

  @Test
  void acceptsTheOldProofWithTheCurrentKeyWhenTheClientRotatedAhead() throws Exception {
    assertEquals(Outcome.VALID, check(unknown, current));
  }

  @Test
  void acceptsTheCurrentProofWithTheOldKeyWhenTheClientIsBehind() throws Exception {
    assertEquals(Outcome.VALID, check(old, unknown));
  }

  @Test
  void refusesTheOldProofSignedWithTheOldKeyAlone() throws Exception {
    assertEquals(Outcome.INVALID, check(unknown, old));
  }

  @Test
  void refusesWhenNeitherProofVerifies() throws Exception {
    assertEquals(Outcome.INVALID, check(unknown, unknown));
  }

  @Test
  void refusesATimestampOlderThanTwentyMinutes() throws Exception {
    Instant signedAt = NOW.minus(Duration.ofMinutes(21));
    SignedRequest request =
        new SignedRequest(
            TOKEN,
            URL,
            Long.toString(WopiProofs.ticks(signedAt)),
            sign(current.getPrivate(), TOKEN, URL, signedAt),
            Optional.empty());
    assertEquals(Outcome.STALE, WopiProofs.check(known(), request, NOW));
    assertEquals(
        Outcome.VALID, WopiProofs.check(known(), request, signedAt.plus(Duration.ofMinutes(19))));
  }

  @Test
  void refusesAMissingOrGarbledTimestamp() throws Exception {
    String proof = sign(current.getPrivate(), TOKEN, URL, NOW);
    for (String ts : new String[] {null, "", "yesterday", "-5", "99999999999999999999"}) {
      assertEquals(
          Outcome.STALE,
          WopiProofs.check(
              known(), new SignedRequest(TOKEN, URL, ts, proof, Optional.empty()), NOW));
    }
  }

  @Test
  void refusesAProofForAnotherUrlTokenOrTime() throws Exception {
    String proof = sign(current.getPrivate(), TOKEN, URL, NOW);
    String ts = Long.toString(WopiProofs.ticks(NOW));
    assertEquals(
        Outcome.INVALID,
        WopiProofs.check(
            known(),
            new SignedRequest(TOKEN, URL.replace("doc1", "doc2"), ts, proof, Optional.empty()),
            NOW));
    assertEquals(
        Outcome.INVALID,
        WopiProofs.check(
            known(), new SignedRequest("wt1.abc.deg", URL, ts, proof, Optional.empty()), NOW));
    assertEquals(
        Outcome.INVALID,
        WopiProofs.check(
            known(),
            new SignedRequest(
                TOKEN, URL, Long.toString(WopiProofs.ticks(NOW) + 1), proof, Optional.empty()),
            NOW));
  }

  @Test
  void theUrlIsComparedUpperCased() throws Exception {
    String proof = sign(current.getPrivate(), TOKEN, URL.toUpperCase(), NOW);
    SignedRequest request =
        new SignedRequest(
            TOKEN,
            URL.toLowerCase(),
            Long.toString(WopiProofs.ticks(NOW)),
            proof,
            Optional.empty());
    assertEquals(Outcome.VALID, WopiProofs.check(known(), request, NOW));
  }

  @Test
  void garbageProofsAreInvalidNotErrors() {
    SignedRequest request =
        new SignedRequest(
            TOKEN, URL, Long.toString(WopiProofs.ticks(NOW)), "%%%not-base64", Optional.of(""));
    assertEquals(Outcome.INVALID, WopiProofs.check(known(), request, NOW));
  }

  @Test
  void readsKeysFromModulusAndExponentAndFromTheCryptoApiBlob() {
    RSAPublicKey key = (RSAPublicKey) current.getPublic();
    Base64.Encoder b64 = Base64.getEncoder();
    String modulus = b64.encodeToString(key.getModulus().toByteArray());
    String exponent = b64.encodeToString(key.getPublicExponent().toByteArray());
    assertEquals(key, WopiProofKeys.rsaKey(modulus, exponent));
    assertEquals(key, WopiProofKeys.rsaKeyFromBlob(b64.encodeToString(blob(key))));
    assertThrows(IllegalArgumentException.class, () -> WopiProofKeys.rsaKeyFromBlob("AAAA"));
    assertThrows(
        IllegalArgumentException.class,
        () -> WopiProofKeys.rsaKey(b64.encodeToString(new byte[] {5}), exponent));
  }

  private static byte[] blob(RSAPublicKey key) {
    byte[] modulus = unsigned(key.getModulus());
    ByteBuffer b = ByteBuffer.allocate(20 + modulus.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 6).put((byte) 2).putShort((short) 0).putInt(0xA400);
    b.putInt(0x31415352).putInt(modulus.length * 8).putInt(key.getPublicExponent().intValue());
    for (int i = modulus.length - 1; i >= 0; i--) {
      b.put(modulus[i]);
    }
    return b.array();
  }

  private static byte[] unsigned(BigInteger n) {
    byte[] bytes = n.toByteArray();
    return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }
}
