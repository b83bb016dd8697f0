package org.officebridge.documentserver;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.officebridge.config.Settings;
import org.officebridge.config.SettingsLoader;
import org.officebridge.platform.Metrics;
import org.officebridge.security.DocumentServerAddresses;
import org.officebridge.security.JwtService;

/** Builds the clients over a fake Document Server, as CDI would. */
final class Clients {

  static final String SECRET = "officebridge-unit-test-secret-0123456789";

  final Settings settings;
  final JwtService jwt;
  final DocumentServerHttp http;
  final Jsonb jsonb = JsonbBuilder.create();

  Clients(FakeDocumentServer ds, Map<String, String> extra, Clock clock) throws Exception {
    this(ds.baseUrl(), extra, clock);
  }

  Clients(java.net.URI documentServer, Map<String, String> extra, Clock clock) throws Exception {
    Map<String, String> props = new HashMap<>();
    props.put("officebridge.ds.public-url", documentServer.toString());
    props.put("officebridge.connector.url", "http://127.0.0.1:9/officebridge");
    props.put("officebridge.jwt.secret", SECRET);
    props.put("officebridge.instance-id", "unit");
    props.putAll(extra);
    settings = SettingsLoader.load(props, Map.of());
    jwt = new JwtService(settings, clock);
    http = new DocumentServerHttp(settings, new DocumentServerAddresses(settings));
  }

  Clients(FakeDocumentServer ds) throws Exception {
    this(ds, Map.of(), Clock.systemUTC());
  }

  CommandServiceClient commands() {
    return new CommandServiceClient(settings, http, jwt, jsonb, new Metrics());
  }

  ConversionClient conversions(Clock clock) {
    return new ConversionClient(settings, http, jwt, jsonb, clock, new Metrics());
  }
}
