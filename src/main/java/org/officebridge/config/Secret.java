package org.officebridge.config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A secret value (JWT secret, link secret, trust-store password). Its {@link #toString()} never
 * reveals it, so it cannot leak into a log by accident.
 */
public final class Secret {

  private final byte[] bytes;

  private Secret(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  /**
   * @param value the secret text, encoded as UTF-8
   * @return the secret
   */
  public static Secret of(String value) {
    return new Secret(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param bytes the secret bytes (copied)
   * @return the secret
   */
  public static Secret ofBytes(byte[] bytes) {
    return new Secret(bytes);
  }

  /**
   * @return a copy of the secret bytes
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * @return the secret as characters (for key-store passwords)
   */
  public char[] chars() {
    return new String(bytes, StandardCharsets.UTF_8).toCharArray();
  }

  /**
   * @return the number of bytes
   */
  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && java.security.MessageDigest.isEqual(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Secret[hidden]";
  }
}
