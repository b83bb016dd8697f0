package org.officebridge.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SameOriginTest {

  private static HttpServletRequest request(Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            SameOriginTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                method.getName().equals("getHeader") ? headers.get((String) args[0]) : null);
  }

  @Test
  void anOriginMatchingTheHostPassesUnderHttpAndHttps() {
    Map<String, String> h =
        Map.of("Host", "dms.example:8080", "Origin", "https://dms.example:8080");
    assertTrue(SameOrigin.check(request(h), Optional.empty(), false));
    Map<String, String> plain = Map.of("Host", "dms.example", "Origin", "http://dms.example");
    assertTrue(SameOrigin.check(request(plain), Optional.empty(), false));
  }

  @Test
  void anotherSiteIsRefused() {
    Map<String, String> h = Map.of("Host", "dms.example", "Origin", "https://evil.example");
    assertFalse(SameOrigin.check(request(h), Optional.empty(), true));
    Map<String, String> sub = Map.of("Host", "dms.example", "Origin", "https://dms.example.evil");
    assertFalse(SameOrigin.check(request(sub), Optional.empty(), true));
  }

  @Test
  void theRefererStandsInForAMissingOrigin() {
    Map<String, String> ok =
        Map.of("Host", "dms.example", "Referer", "https://dms.example/editor?doc=1");
    assertTrue(SameOrigin.check(request(ok), Optional.empty(), false));
    Map<String, String> bad = Map.of("Host", "dms.example", "Referer", "https://evil.example/x");
    assertFalse(SameOrigin.check(request(bad), Optional.empty(), false));
    Map<String, String> junk = Map.of("Host", "dms.example", "Referer", "::not a url::");
    assertFalse(SameOrigin.check(request(junk), Optional.empty(), true));
  }

  @Test
  void noHeadersPassOnlyWhereAllowedAndANullOriginNever() {
    Map<String, String> none = Map.of("Host", "dms.example");
    assertTrue(SameOrigin.check(request(none), Optional.empty(), true));
    assertFalse(SameOrigin.check(request(none), Optional.empty(), false));
    Map<String, String> sandboxed = Map.of("Host", "dms.example", "Origin", "null");
    assertFalse(SameOrigin.check(request(sandboxed), Optional.empty(), true));
  }

  @Test
  void aConfiguredOriginWinsOverTheHostHeader() {
    Map<String, String> h = Map.of("Host", "internal:8080", "Origin", "https://dms.example");
    assertTrue(SameOrigin.check(request(h), Optional.of("https://dms.example"), false));
    assertFalse(SameOrigin.check(request(h), Optional.of("https://other.example"), false));
  }
}
