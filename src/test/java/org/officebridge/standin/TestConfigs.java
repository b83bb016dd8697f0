package org.officebridge.standin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Editor configs for the tests, signed the way an integrator signs them (with nimbus). */
final class TestConfigs {

  /** A secret long enough for nimbus' HS256 signer. */
  static final String SECRET = "officebridge-standin-test-secret-0123456789";

  private TestConfigs() {}

  static Map<String, Object> config(
      String key, URI url, String fileType, URI callbackUrl, String userId, String userName) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("fileType", fileType);
    doc.put("key", key);
    doc.put("title", "Report." + fileType);
    doc.put("url", url.toString());
    doc.put("permissions", new LinkedHashMap<>(Map.of("edit", true, "comment", true)));
    Map<String, Object> editor = new LinkedHashMap<>();
    editor.put("callbackUrl", callbackUrl.toString());
    editor.put("mode", "edit");
    editor.put("user", new LinkedHashMap<>(Map.of("id", userId, "name", userName)));
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("document", doc);
    c.put("editorConfig", editor);
    return c;
  }

  static Map<String, Object> withForcesave(Map<String, Object> config) {
    @SuppressWarnings("unchecked")
    Map<String, Object> editor = (Map<String, Object>) config.get("editorConfig");
    editor.put("customization", new LinkedHashMap<>(Map.of("forcesave", true)));
    return config;
  }

  static Map<String, Object> signed(Map<String, Object> config, String secret) {
    Map<String, Object> c = new LinkedHashMap<>(config);
    c.put("token", sign(config, secret));
    return c;
  }

  static String sign(Map<String, Object> claims, String secret) {
    try {
      JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(claims));
      jws.sign(new MACSigner(secret));
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
