package org.officebridge.standin.wopi;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stand-in's WOPI proof keys: a current and an old RSA 2048 key pair; {@link #rotate()} makes
 * the current key the old one and generates a new current key, as a DS whose keys were changed. A
 * third, stray key signs when the "wrong key" fault is on.
 *
 * <p>Like the DS's default keys, which are the same on every install, the initial pair is generated
 * once per JVM and shared by every stand-in in it (RSA key generation is slow on a busy machine);
 * rotation always generates a fresh key.
 */
public final class ProofKeys {

  private static final class Defaults {
    static final KeyPair CURRENT = generate();
    static final KeyPair OLD = generate();
    static final KeyPair STRAY = generate();
  }

  private KeyPair current;
  private KeyPair old;

  private static KeyPair generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA unavailable", e);
    }
  }

  private synchronized void init() {
    if (current == null) {
      current = Defaults.CURRENT;
      old = Defaults.OLD;
    }
  }

  /** Makes the current key the old one and generates a new current key. */
  public synchronized void rotate() {
    init();
    old = current;
    current = generate();
  }

  /**
   * @return the current public key
   */
  public synchronized RSAPublicKey current() {
    init();
    return (RSAPublicKey) current.getPublic();
  }

  /**
   * @return the old public key
   */
  public synchronized RSAPublicKey old() {
    init();
    return (RSAPublicKey) old.getPublic();
  }

  /**
   * @param data the proof bytes
   * @param useOld sign with the old key instead of the current one
   * @param wrongKey sign with a key that is in no discovery document
   * @return the Base64 SHA256withRSA signature
   */
  public synchronized String sign(byte[] data, boolean useOld, boolean wrongKey) {
    init();
    KeyPair pair = wrongKey ? Defaults.STRAY : useOld ? old : current;
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(pair.getPrivate());
      s.update(data);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @return the attributes of discovery's {@code proof-key} element
   */
  public synchronized Map<String, String> discoveryAttributes() {
    init();
    Base64.Encoder b64 = Base64.getEncoder();
    RSAPublicKey c = current();
    RSAPublicKey o = old();
    Map<String, String> a = new LinkedHashMap<>();
    a.put("oldvalue", b64.encodeToString(CspBlob.of(o)));
    a.put("oldmodulus", b64.encodeToString(CspBlob.unsigned(o.getModulus())));
    a.put("oldexponent", b64.encodeToString(CspBlob.unsigned(o.getPublicExponent())));
    a.put("value", b64.encodeToString(CspBlob.of(c)));
    a.put("modulus", b64.encodeToString(CspBlob.unsigned(c.getModulus())));
    a.put("exponent", b64.encodeToString(CspBlob.unsigned(c.getPublicExponent())));
    return a;
  }
}
