package org.officebridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  private static Map<String, String> minimal() {
    Map<String, String> p = new HashMap<>();
    p.put("officebridge.ds.public-url", "https://docs.example.com/");
    p.put("officebridge.connector.url", "https://dms.example.com/officebridge");
    p.put("officebridge.jwt.secret", SECRET);
    return p;
  }

  private static InvalidSettingsException failure(
      Map<String, String> props, Map<String, String> env) {
    return assertThrows(InvalidSettingsException.class, () -> SettingsLoader.load(props, env));
  }

  @Test
  void minimalSettingsGetTheDocumentedDefaults() throws Exception {
    Settings s = SettingsLoader.load(minimal(), Map.of());
    assertEquals(URI.create("https://docs.example.com"), s.documentServer().publicUrl());
    assertEquals(s.documentServer().publicUrl(), s.documentServer().internalUrl());
    assertEquals("Authorization", s.jwt().header());
    assertEquals("Bearer ", s.jwt().prefix());
    assertEquals(Duration.ofMinutes(5), s.jwt().ttl());
    assertFalse(s.wopi().enabled());
    assertEquals(ProofKeyMode.REQUIRED, s.wopi().proofKeys());
    assertEquals(100L << 20, s.limits().maxFileSize());
    assertTrue(s.connector().instanceId().matches("ob[0-9a-f]{10}"));
    assertTrue(s.documentServer().allowedAddresses().isEmpty());
    assertEquals(32, s.connector().linkSecret().length());
    assertNotEquals(Secret.of(SECRET), s.connector().linkSecret());
  }

  @Test
  void systemPropertiesWinOverEnvironmentWhichWinsOverTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("officebridge.properties");
    Files.writeString(
        file,
        "officebridge.jwt.header=FromFile\nofficebridge.jwt.prefix=File \n"
            + "officebridge.instance-id=fromfile\n");
    Map<String, String> props = minimal();
    props.put("officebridge.config-file", file.toString());
    props.put("officebridge.jwt.header", "FromProperty");
    Map<String, String> env =
        Map.of("OFFICEBRIDGE_JWT_HEADER", "FromEnv", "OFFICEBRIDGE_JWT_PREFIX", "Env ");
    Settings s = SettingsLoader.load(props, env);
    assertEquals("FromProperty", s.jwt().header());
    assertEquals("Env ", s.jwt().prefix());
    assertEquals("fromfile", s.connector().instanceId());
  }

  @Test
  void environmentVariablesUseTheDocumentedNames() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("OFFICEBRIDGE_DS_PUBLIC_URL", "http://127.0.0.1:8090");
    env.put("OFFICEBRIDGE_DS_INTERNAL_URL", "http://ds.internal:80");
    env.put("OFFICEBRIDGE_CONNECTOR_URL", "http://127.0.0.1:8080");
    env.put("OFFICEBRIDGE_JWT_SECRET", SECRET);
    env.put("OFFICEBRIDGE_JWT_HEADER", "AuthorizationJwt");
    env.put("OFFICEBRIDGE_DS_ALLOWED_ADDRESSES", "10.0.0.0/8, 127.0.0.1");
    env.put("OFFICEBRIDGE_WOPI_ENABLED", "true");
    Settings s = SettingsLoader.load(Map.of(), env);
    assertEquals(URI.create("http://ds.internal:80"), s.documentServer().internalUrl());
    assertEquals("AuthorizationJwt", s.jwt().header());
    assertTrue(s.wopi().enabled());
    assertEquals(2, s.documentServer().allowedAddresses().size());
    assertTrue(
        s.documentServer().allowedAddresses().get(0).contains(InetAddress.getByName("10.1.2.3")));
  }

  @Test
  void secretsAcceptAFileVariant(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("jwt");
    Files.writeString(secret, SECRET + "\n");
    Map<String, String> props = minimal();
    props.remove("officebridge.jwt.secret");
    props.put("officebridge.jwt.secret-file", secret.toString());
    assertEquals(Secret.of(SECRET), SettingsLoader.load(props, Map.of()).jwt().secret());
  }

  @Test
  void valueAndFileVariantTogetherAreAProblem(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("jwt");
    Files.writeString(secret, SECRET);
    Map<String, String> props = minimal();
    props.put("officebridge.jwt.secret-file", secret.toString());
    assertTrue(failure(props, Map.of()).problems().get(0).contains("not both"));
  }

  @Test
  void everyProblemIsReportedAtOnceNamingItsSetting() {
    Map<String, String> props = new HashMap<>();
    props.put("officebridge.ds.public-url", "ftp://docs.example.com");
    props.put("officebridge.jwt.secret", "too short");
    props.put("officebridge.wopi.enabled", "yes");
    props.put("officebridge.wopi.proof-keys", "sometimes");
    props.put("officebridge.limits.max-file-size", "lots");
    props.put("officebridge.http.read-timeout", "-5s");
    props.put("officebridge.ds.allowed-addresses", "docs.example.com");
    props.put("officebridge.instance-id", "has space");
    InvalidSettingsException e = failure(props, Map.of());
    String all = String.join("\n", e.problems());
    for (String name :
        new String[] {
          "officebridge.ds.public-url",
          "officebridge.connector.url",
          "officebridge.jwt.secret",
          "officebridge.wopi.enabled",
          "officebridge.wopi.proof-keys",
          "officebridge.limits.max-file-size",
          "officebridge.http.read-timeout",
          "officebridge.ds.allowed-addresses",
          "officebridge.instance-id"
        }) {
      assertTrue(all.contains(name), name + " not reported in:\n" + all);
    }
    assertEquals(9, e.problems().size(), all);
  }

  @Test
  void secretsNeverAppearInProblemsOrToString() {
    Map<String, String> props = minimal();
    props.put("officebridge.jwt.secret", "tiny-secret-value");
    InvalidSettingsException e = failure(props, Map.of());
    assertFalse(e.getMessage().contains("tiny-secret-value"));
    assertFalse(Secret.of("tiny-secret-value").toString().contains("tiny"));
  }

  @Test
  void sizesAndDurationsAcceptUnits() throws Exception {
    Map<String, String> props = minimal();
    props.put("officebridge.limits.max-file-size", "1GiB");
    props.put("officebridge.http.connect-timeout", "2500ms");
    props.put("officebridge.session.ttl", "PT2H");
    Settings s = SettingsLoader.load(props, Map.of());
    assertEquals(1L << 30, s.limits().maxFileSize());
    assertEquals(Duration.ofMillis(2500), s.limits().connectTimeout());
    assertEquals(Duration.ofHours(2), s.sessionTtl());
  }

  @Test
  void urlsWithQueriesOrCredentialsAreRefused() {
    Map<String, String> props = minimal();
    props.put("officebridge.ds.public-url", "https://user:pw@docs.example.com");
    props.put("officebridge.connector.url", "https://dms.example.com/?a=b");
    assertEquals(2, failure(props, Map.of()).problems().size());
  }

  @Test
  void everySettingKeyHasADescriptionAndAnEnvironmentName() {
    for (SettingKey key : SettingKey.values()) {
      assertTrue(key.property().startsWith("officebridge."));
      assertTrue(key.environmentVariable().matches("OFFICEBRIDGE_[A-Z0-9_]+"));
      assertFalse(key.description().isBlank());
    }
    assertEquals(
        "OFFICEBRIDGE_DS_ALLOWED_ADDRESSES", SettingKey.DS_ALLOWED_ADDRESSES.environmentVariable());
  }
}
