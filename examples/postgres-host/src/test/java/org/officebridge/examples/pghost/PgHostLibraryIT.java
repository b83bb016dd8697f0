package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.session.OpenOutcome;

/**
 * The host as a server-level library, the packaging that leaves the connector WAR unchanged: the
 * plain {@code officebridge.war} on Payara Micro with {@code --addlibs} of this project's jar, its
 * runtime dependencies (the JDBC driver) and {@code officebridge-spi.jar}, configured by system
 * properties as the overlay is. The connector finds the host through the jar's {@code
 * META-INF/services} entries; an edit through the Docs API (the stand-in, driven over HTTP, no
 * browser) lands as a new version in the database.
 */
class PgHostLibraryIT {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  private static final Pattern EDITOR_DATA =
      Pattern.compile(
          "<script type=\"application/json\" id=\"officebridge-editor\">(.*?)</script>",
          Pattern.DOTALL);

  private static final Path WAR =
      Path.of(System.getProperty("pghost.plain-war", "target/officebridge.war"));

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static EndToEndHost host;

  @BeforeAll
  static void start() throws Exception {
    host = EndToEndHost.start(PG, WAR, libraries(), "library");
  }

  /** This project's jar, then every jar of the library directory (the SPI, the JDBC driver). */
  private static List<Path> libraries() throws IOException {
    List<Path> jars = new ArrayList<>();
    jars.add(Path.of(System.getProperty("pghost.jar", "target/officebridge-pghost.jar")));
    try (Stream<Path> files =
        Files.list(Path.of(System.getProperty("pghost.library-dir", "target/server-lib")))) {
      files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
    }
    return jars;
  }

  @AfterAll
  static void stop() throws Exception {
    if (host != null) {
      host.stop();
    }
  }

  @Test
  void theDeployedWarIsTheConnectorAloneWithoutTheHost() throws IOException {
    try (ZipFile war = new ZipFile(WAR.toFile())) {
      List<String> hostEntries =
          war.stream()
              .map(e -> e.getName())
              .filter(n -> n.contains("pghost") || n.contains("postgresql"))
              .toList();
      assertEquals(List.of(), hostEntries);
      assertTrue(
          war.stream().noneMatch(e -> e.getName().startsWith("META-INF/services/org.officebridge")),
          "the WAR names no SPI providers of its own");
    }
  }

  @Test
  void readinessNamesTheLibrarysClassesForEveryPart() throws Exception {
    HttpResponse<String> ready =
        HTTP.send(
            HttpRequest.newBuilder(host.server().baseUrl().resolve("api/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ready.statusCode(), ready.body());
    Map<String, Object> body = Json.parseObject(ready.body());
    assertEquals(
        Map.of(
            "documentStore", PgDocumentStore.class.getName(),
            "userDirectory", PgUserDirectory.class.getName(),
            "accessPolicy", PgAccessPolicy.class.getName(),
            "sessionStore", PgSessionStore.class.getName()),
        body.get("spi"),
        ready.body());
    assertEquals(
        Map.of("versionHistory", true, "sharing", true, "templates", false, "catalog", true),
        body.get("capabilities"),
        ready.body());
    assertEquals("UP", body.get("sessionStore"), "the host's session store answers");
  }

  /**
   * The jar's {@code META-INF/beans.xml} does not make a server-level library a bean archive of the
   * deployment: {@link PgHostStartup} (which warns about the actor cookie at start) never runs, the
   * parts are ServiceLoader's, and the host reads its settings on first use.
   */
  @Test
  void theLibrarysBeansXmlMakesNoBeansOfItsClasses() throws IOException {
    assertTrue(host.server().logContains("event=pghost-settings"), "the host was used");
    assertFalse(
        host.server().logContains("event=pghost-actor-cookie"),
        "PgHostStartup ran: the library's classes became CDI beans");
  }

  @Test
  void aDocsApiEditIsStoredAsANewVersionInTheDatabase() throws Exception {
    DocumentInfo doc = host.newDocument("Original paragraph");
    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(
                    host.server().baseUrl().resolve("editor?doc=" + doc.id().value()))
                .header("Cookie", EndToEndHost.COOKIE + "=editor")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode(), page.body());
    Matcher data = EDITOR_DATA.matcher(page.body());
    assertTrue(data.find(), page.body());
    @SuppressWarnings("unchecked")
    Map<String, Object> config =
        (Map<String, Object>) Json.parseObject(data.group(1)).get("config");
    OpenOutcome opened = host.ds().openEditor(config);
    assertTrue(opened.opened(), () -> "the stand-in refused: " + opened.describe());
    assertEquals("edit", opened.describe().get("mode"));
    String key = (String) opened.describe().get("key");
    String line = host.ds().edit(key, "editor");
    host.ds().leave(key, "editor");
    host.assertEditorsExitSave(doc.id(), line, true);
  }
}
