package org.officebridge.security;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The WOPI client's proof keys from its discovery: the current key and, after a rotation, the old
 * one.
 *
 * @param current the current public key
 * @param old the previous public key, if the client publishes one
 */
public record WopiProofKeys(PublicKey current, Optional<PublicKey> old) {

  private static final int BLOB_HEADER = 20;

  /** Checks that both parts are present. */
  public WopiProofKeys {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(old, "old");
  }

  /**
   * Builds an RSA key from the discovery's {@code modulus} and {@code exponent} attributes.
   *
   * @param modulus Base64 of the big-endian modulus
   * @param exponent Base64 of the big-endian public exponent
   * @return the key
   * @throws IllegalArgumentException when the values are not Base64 or not a usable RSA key
   */
  public static PublicKey rsaKey(String modulus, String exponent) {
    Base64.Decoder b64 = Base64.getMimeDecoder();
    return rsaKey(new BigInteger(1, b64.decode(modulus)), new BigInteger(1, b64.decode(exponent)));
  }

  /**
   * Builds an RSA key from the discovery's {@code value} attribute: a Base64 .NET/CryptoAPI public
   * key blob ({@code PUBLICKEYBLOB}: a 20-byte header with the {@code RSA1} magic, the bit length
   * and the exponent, then the modulus, all little-endian).
   *
   * @param value the Base64 blob
   * @return the key
   * @throws IllegalArgumentException when it is not such a blob
   */
  public static PublicKey rsaKeyFromBlob(String value) {
    byte[] blob = Base64.getMimeDecoder().decode(value);
    if (blob.length < BLOB_HEADER || blob[0] != 0x06 || blob[1] != 0x02) {
      throw new IllegalArgumentException("not a public key blob");
    }
    ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
    if (b.getInt(8) != 0x31415352) { // "RSA1"
      throw new IllegalArgumentException("not an RSA public key blob");
    }
    int bits = b.getInt(12);
    long exponent = Integer.toUnsignedLong(b.getInt(16));
    int length = bits / 8;
    if (bits <= 0 || bits % 8 != 0 || blob.length < BLOB_HEADER + length) {
      throw new IllegalArgumentException("a truncated public key blob");
    }
    byte[] modulus = new byte[length];
    for (int i = 0; i < length; i++) {
      modulus[i] = blob[BLOB_HEADER + length - 1 - i];
    }
    return rsaKey(new BigInteger(1, modulus), BigInteger.valueOf(exponent));
  }

  private static PublicKey rsaKey(BigInteger modulus, BigInteger exponent) {
    if (modulus.bitLength() < 1024 || exponent.signum() <= 0) {
      throw new IllegalArgumentException("not a usable RSA public key");
    }
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a usable RSA public key", e);
    }
  }
}
