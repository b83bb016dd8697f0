package org.officebridge.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The editor page's framing rules follow {@code officebridge.editor.frame-ancestors}: the CSP names
 * exactly the configured ancestors, and X-Frame-Options (which cannot name an origin) is sent only
 * where it says the same thing.
 */
class EditorPageHeadersTest {

  @Test
  void sameOriginFramingByDefault() throws Exception {
    Map<String, String> h = headers(Map.of());
    assertTrue(csp(h).endsWith("frame-ancestors 'self'"), csp(h));
    assertEquals("SAMEORIGIN", h.get("X-Frame-Options"));
  }

  @Test
  void noFramingAtAllWhenConfiguredNone() throws Exception {
    Map<String, String> h = headers(Map.of("officebridge.editor.frame-ancestors", "'none'"));
    assertTrue(csp(h).endsWith("frame-ancestors 'none'"), csp(h));
    assertEquals("DENY", h.get("X-Frame-Options"));
  }

  @Test
  void aPortalOriginIsNamedInTheCspAndXFrameOptionsIsLeftOut() throws Exception {
    Map<String, String> h =
        headers(Map.of("officebridge.editor.frame-ancestors", "'self' https://portal.example"));
    assertTrue(csp(h).endsWith("frame-ancestors 'self' https://portal.example"), csp(h));
    assertFalse(h.containsKey("X-Frame-Options"), "SAMEORIGIN would block the portal");
  }

  @Test
  void scriptsFramesAndConnectionsOnlyFromTheConnectorAndTheDocumentServer() throws Exception {
    Map<String, String> h = headers(Map.of());
    String ds = EditorPageHeaders.documentServerOrigin(EditorTestFixtures.settings(Map.of()));
    String csp = csp(h);
    assertTrue(csp.startsWith("default-src 'none'; script-src 'self' " + ds + ";"), csp);
    assertTrue(csp.contains("; frame-src " + ds + ";"), csp);
    assertTrue(csp.contains("; connect-src 'self' " + ds + ";"), csp);
    assertTrue(csp.contains("; object-src 'none'; base-uri 'none'; form-action 'self';"), csp);
    assertEquals("same-origin", h.get("Referrer-Policy"));
    assertEquals("no-store", h.get("Cache-Control"));
    assertEquals("nosniff", h.get("X-Content-Type-Options"));
  }

  private static String csp(Map<String, String> headers) {
    return headers.get("Content-Security-Policy");
  }

  private static Map<String, String> headers(Map<String, String> settings) throws Exception {
    Map<String, String> set = new HashMap<>();
    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("setHeader")) {
                    set.put((String) args[0], (String) args[1]);
                    return null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    EditorPageHeaders.apply(response, EditorTestFixtures.settings(settings));
    return set;
  }
}
