package org.officebridge.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** Produces the one JSON-B instance the connector's own JSON goes through (thread-safe). */
@ApplicationScoped
public class JsonbProducer {

  /**
   * @return JSON-B with the defaults: null members left out, unknown members ignored
   */
  @Produces
  @Singleton
  public Jsonb jsonb() {
    return JsonbBuilder.create();
  }

  void close(@Disposes Jsonb jsonb) throws Exception {
    jsonb.close();
  }
}
