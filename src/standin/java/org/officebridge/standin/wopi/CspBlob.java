package org.officebridge.standin.wopi;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * An RSA public key as a .NET/CryptoAPI {@code PUBLICKEYBLOB} ({@code RSACryptoServiceProvider
 * .ExportCspBlob(false)}), the {@code value} of WOPI discovery's {@code proof-key}: BLOBHEADER
 * (type 0x06, version 2, reserved 0, algorithm CALG_RSA_KEYX 0x0000A400), RSAPUBKEY (magic "RSA1",
 * bit length, public exponent), then the modulus; all little-endian.
 */
public final class CspBlob {

  private static final byte PUBLICKEYBLOB = 0x06;
  private static final byte CUR_BLOB_VERSION = 0x02;
  private static final int CALG_RSA_KEYX = 0x0000A400;
  private static final int RSA1 = 0x31415352;

  private CspBlob() {}

  /**
   * @param key an RSA public key
   * @return its PUBLICKEYBLOB bytes
   */
  public static byte[] of(RSAPublicKey key) {
    int bitLength = key.getModulus().bitLength();
    int modulusBytes = (bitLength + 7) / 8;
    ByteBuffer b = ByteBuffer.allocate(8 + 12 + modulusBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put(PUBLICKEYBLOB).put(CUR_BLOB_VERSION).putShort((short) 0).putInt(CALG_RSA_KEYX);
    b.putInt(RSA1).putInt(bitLength).putInt(key.getPublicExponent().intValueExact());
    b.put(reverse(unsigned(key.getModulus(), modulusBytes)));
    return b.array();
  }

  /**
   * @param value big-endian magnitude
   * @param length the length to pad or trim to
   * @return the unsigned big-endian bytes of exactly that length
   */
  static byte[] unsigned(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    if (raw.length == length) {
      return raw;
    }
    if (raw.length == length + 1 && raw[0] == 0) {
      return Arrays.copyOfRange(raw, 1, raw.length);
    }
    byte[] out = new byte[length];
    System.arraycopy(raw, 0, out, length - raw.length, raw.length);
    return out;
  }

  /**
   * @param value a positive number
   * @return its minimal unsigned big-endian bytes (as discovery's modulus/exponent)
   */
  static byte[] unsigned(BigInteger value) {
    return unsigned(value, (value.bitLength() + 7) / 8);
  }

  private static byte[] reverse(byte[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = in[in.length - 1 - i];
    }
    return out;
  }
}
