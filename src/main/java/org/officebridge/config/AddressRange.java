package org.officebridge.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IP address or a CIDR range ({@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code fd00::/8}) of an
 * allowed Document Server address. Only literal addresses are accepted, never host names, so that
 * parsing never touches DNS.
 *
 * @param network the network address
 * @param prefixLength the number of leading bits that must match
 */
public record AddressRange(InetAddress network, int prefixLength) {

  private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F.:]+");

  /**
   * @param text an address or CIDR range
   * @return the range
   * @throws IllegalArgumentException when the text is not a literal IPv4/IPv6 address with an
   *     optional prefix length
   */
  public static AddressRange parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    if (!LITERAL.matcher(address).matches()) {
      throw new IllegalArgumentException("'" + trimmed + "' is not an IP address or CIDR range");
    }
    InetAddress network;
    try {
      network = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + trimmed + "' is not an IP address or CIDR range");
    }
    int bits = network.getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(trimmed.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("'" + trimmed + "' has a bad prefix length");
      }
    }
    return new AddressRange(network, prefix);
  }

  /**
   * @param address an address
   * @return whether it lies in this range (an IPv4 address never matches an IPv6 range)
   */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    byte[] n = network.getAddress();
    if (a.length != n.length) {
      return false;
    }
    int shift = a.length * 8 - prefixLength;
    return new BigInteger(1, a).shiftRight(shift).equals(new BigInteger(1, n).shiftRight(shift));
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefixLength;
  }
}
