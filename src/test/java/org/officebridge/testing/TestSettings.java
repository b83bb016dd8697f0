package org.officebridge.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Valid connector settings for tests, as system properties. */
public final class TestSettings {

  /** The JWT secret every test Document Server shares with the connector. */
  public static final String JWT_SECRET = "officebridge-test-secret-0123456789-abcdef";

  /** The link secret, set explicitly so that tests can make the connector's links. */
  public static final String LINK_SECRET = "officebridge-test-link-secret-0123456789-abcdef";

  private TestSettings() {}

  /**
   * @param documentServer the Document Server's base URL
   * @param demoData the demo DMS's folder
   * @return settings for an in-process server
   */
  public static Map<String, String> forInProcess(String documentServer, Path demoData) {
    Map<String, String> settings = new HashMap<>();
    settings.put("officebridge.ds.public-url", documentServer);
    settings.put("officebridge.jwt.secret", JWT_SECRET);
    settings.put("officebridge.link.secret", LINK_SECRET);
    settings.put("officebridge.wopi.enabled", "true");
    settings.put("officebridge.instance-id", "test");
    settings.put("officebridge.demo.data-dir", demoData.toString());
    return settings;
  }
}
