package org.officebridge.platform;

import jakarta.json.spi.JsonProvider;

/** The one JSON-P provider of the connector. */
public final class Jsonp {

  /**
   * Looked up once: {@code Json.create...} looks the provider up through the class loader's service
   * files on every call, which serialises request threads on the loader's jar locks.
   */
  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}
}
