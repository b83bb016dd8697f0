package org.officebridge.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

  @Test
  void cidrRangesMatchTheirAddressesOnly() throws Exception {
    AddressRange ten = AddressRange.parse("10.0.0.0/8");
    assertTrue(ten.contains(InetAddress.getByName("10.255.0.1")));
    assertFalse(ten.contains(InetAddress.getByName("11.0.0.1")));
    AddressRange one = AddressRange.parse("127.0.0.1");
    assertTrue(one.contains(InetAddress.getByName("127.0.0.1")));
    assertFalse(one.contains(InetAddress.getByName("127.0.0.2")));
    AddressRange v6 = AddressRange.parse("fd00::/8");
    assertTrue(v6.contains(InetAddress.getByName("fd12::1")));
    assertFalse(v6.contains(InetAddress.getByName("10.0.0.1")));
  }

  @Test
  void hostNamesAndBadPrefixesAreRefusedWithoutDns() {
    assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("docs.example.com"));
    assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.0/x"));
  }
}
