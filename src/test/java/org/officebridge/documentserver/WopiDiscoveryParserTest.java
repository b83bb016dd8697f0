package org.officebridge.documentserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WopiDiscoveryParserTest {

  private static final String PLACEHOLDERS =
      "&lt;rs=DC_LLCC&amp;&gt;&lt;dchat=DISABLE_CHAT&amp;&gt;&lt;embed=EMBEDDED&amp;&gt;"
          + "&lt;fs=FULLSCREEN&amp;&gt;&lt;hid=HOST_SESSION_ID&amp;&gt;&lt;rec=RECORDING&amp;&gt;"
          + "&lt;sc=SESSION_CONTEXT&amp;&gt;&lt;thm=THEME_ID&amp;&gt;&lt;ui=UI_LLCC&amp;&gt;"
          + "&lt;wopisrc=WOPI_SOURCE&amp;&gt;&amp;";

  static String onlyOffice(String proofKey) {
    String ds = "https://docs.example.com";
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<wopi-discovery>"
        + "<net-zone name=\"external-http\">"
        + "<app name=\"Word\" favIconUrl=\""
        + ds
        + "/web-apps/apps/documenteditor/main/resources/img/favicon.ico\">"
        + "<action name=\"view\" ext=\"docx\" urlsrc=\""
        + ds
        + "/hosting/wopi/word/view?&amp;"
        + PLACEHOLDERS
        + "\"/>"
        + "<action name=\"embedview\" ext=\"docx\" urlsrc=\""
        + ds
        + "/hosting/wopi/word/view?embed=1&amp;"
        + PLACEHOLDERS
        + "\"/>"
        + "<action name=\"edit\" ext=\"docx\" default=\"true\" requires=\"locks,update\" urlsrc=\""
        + ds
        + "/hosting/wopi/word/edit?&amp;"
        + PLACEHOLDERS
        + "\"/>"
        + "<action name=\"mobileEdit\" ext=\"docx\" requires=\"locks,update\" urlsrc=\""
        + ds
        + "/hosting/wopi/word/edit?mobile=1&amp;"
        + PLACEHOLDERS
        + "\"/>"
        + "<action name=\"view\" ext=\"doc\" urlsrc=\""
        + ds
        + "/hosting/wopi/word/view?&amp;"
        + PLACEHOLDERS
        + "\"/>"
        + "<action name=\"convert\" ext=\"doc\" targetext=\"docx\" requires=\"update\" urlsrc=\""
        + ds
        + "/hosting/wopi/convert-and-edit/doc/docx?&amp;"
        + PLACEHOLDERS
        + "\"/>"
        + "<action name=\"view\" ext=\"xml\" urlsrc=\""
        + ds
        + "/hosting/wopi/word/view?&amp;"
        + PLACEHOLDERS
        + "\"/>"
        + "</app><app name=\"Excel\">"
        + "<action name=\"view\" ext=\"xml\" urlsrc=\""
        + ds
        + "/hosting/wopi/cell/view?&amp;"
        + PLACEHOLDERS
        + "\"/>"
        + "</app><app name=\"application/msword\">"
        + "<action name=\"edit\" ext=\"\" urlsrc=\"https://cool.example.com/cool.html?\"/>"
        + "</app><app name=\"Capabilities\">"
        + "<action name=\"getinfo\" ext=\"\" urlsrc=\""
        + ds
        + "/hosting/capabilities\"/></app></net-zone>"
        + proofKey
        + "</wopi-discovery>";
  }

  private static WopiDiscovery parse(String xml) throws IOException {
    return WopiDiscoveryParser.parse(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void mapsEachExtensionToItsActions() throws Exception {
    WopiDiscovery d = parse(onlyOffice(""));
    assertEquals(Set.of("view", "embedview", "edit", "mobileedit"), d.actionNames("docx"));
    assertEquals(Set.of("view", "convert"), d.actionNames("DOC"));
    WopiAction convert = d.action("doc", "convert").orElseThrow();
    assertEquals("docx", convert.targetExt().orElseThrow());
    assertEquals(Set.of("update"), convert.requires());
    assertEquals("Word", d.action("docx", "mobileEdit").orElseThrow().app());
    assertTrue(d.action("docx", "edit").orElseThrow().favIconUrl().isPresent());
    assertTrue(d.proofKeys().isEmpty());
  }

  @Test
  void theFirstAppOfferingAnExtensionWinsAndMimeTypeAppsAreSkipped() throws Exception {
    WopiDiscovery d = parse(onlyOffice(""));
    assertEquals("Word", d.action("xml", "view").orElseThrow().app());
    assertFalse(d.actions().containsKey(""));
  }

  @Test
  void buildsActionUrlsFillingKnownPlaceholdersAndDroppingTheRest() throws Exception {
    WopiAction edit = parse(onlyOffice("")).action("docx", "edit").orElseThrow();
    String url =
        edit.url(
            Map.of(
                "UI_LLCC",
                "de-de",
                "DC_LLCC",
                "de-de",
                "THEME_ID",
                "2",
                WopiAction.WOPI_SOURCE,
                "https://dms.example.com/ob/wopi/files/ob-1"));
    assertEquals(
        "https://docs.example.com/hosting/wopi/word/edit?rs=de-de&thm=2&ui=de-de"
            + "&wopisrc=https%3A%2F%2Fdms.example.com%2Fob%2Fwopi%2Ffiles%2Fob-1",
        url);
  }

  @Test
  void keepsFixedParametersAndNormalizesSeparators() throws Exception {
    WopiAction embed = parse(onlyOffice("")).action("docx", "embedview").orElseThrow();
    assertEquals(
        "https://docs.example.com/hosting/wopi/word/view?embed=1&embed=true&wopisrc=x%20y",
        embed.url(Map.of("EMBEDDED", "true", WopiAction.WOPI_SOURCE, "x y")));
    WopiAction bare =
        new WopiAction(
            "Word",
            "view",
            "docx",
            "https://c.example/v?<ui=UI_LLCC&>&&",
            Set.of(),
            java.util.Optional.empty(),
            java.util.Optional.empty());
    assertEquals("https://c.example/v?wopisrc=s", bare.url(Map.of(WopiAction.WOPI_SOURCE, "s")));
    assertEquals("https://c.example/v", bare.url(Map.of()));
  }

  @Test
  void readsBothProofKeys() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    RSAPublicKey current = (RSAPublicKey) rsa.generateKeyPair().getPublic();
    RSAPublicKey old = (RSAPublicKey) rsa.generateKeyPair().getPublic();
    Base64.Encoder b64 = Base64.getEncoder();
    String element =
        "<proof-key value=\"ignored-when-modulus-is-there\" modulus=\""
            + b64.encodeToString(current.getModulus().toByteArray())
            + "\" exponent=\"AQAB\" oldmodulus=\""
            + b64.encodeToString(old.getModulus().toByteArray())
            + "\" oldexponent=\"AQAB\"/>";
    WopiDiscovery d = parse(onlyOffice(element));
    assertEquals(current, d.proofKeys().orElseThrow().current());
    assertEquals(old, d.proofKeys().orElseThrow().old().orElseThrow());
  }

  @Test
  void prefersTheExternalHttpsZoneAsMicrosoft365PublishesSeveral() throws Exception {
    String xml =
        "<wopi-discovery>"
            + zone("internal-http", "http://internal/")
            + zone("external-http", "http://plain/")
            + zone("external-https", "https://secure/")
            + "</wopi-discovery>";
    assertTrue(
        parse(xml).action("docx", "edit").orElseThrow().urlsrc().startsWith("https://secure/"));
  }

  private static String zone(String name, String base) {
    return "<net-zone name=\""
        + name
        + "\"><app name=\"Word\"><action name=\"edit\" ext=\"docx\" urlsrc=\""
        + base
        + "we/edit.aspx?&lt;ui=UI_LLCC&amp;&gt;\"/></app></net-zone>";
  }

  @Test
  void readsCollaboraStyleDiscoveryAndAddsTheWopiSourceItLacks() throws Exception {
    String xml =
        "<wopi-discovery><net-zone name=\"external-http\">"
            + "<app name=\"application/vnd.oasis.opendocument.text\">"
            + "<action default=\"true\" ext=\"\" name=\"edit\""
            + " urlsrc=\"https://cool.example/browser/1/cool.html?\"/></app>"
            + "<app name=\"writer\"><action default=\"true\" ext=\"odt\" name=\"edit\""
            + " urlsrc=\"https://cool.example/browser/1/cool.html?\"/></app>"
            + "</net-zone></wopi-discovery>";
    WopiAction edit = parse(xml).action("odt", "edit").orElseThrow();
    assertEquals(
        "https://cool.example/browser/1/cool.html?wopisrc=https%3A%2F%2Fdms%2Fwopi%2Ffiles%2Fx-1",
        edit.url(Map.of(WopiAction.WOPI_SOURCE, "https://dms/wopi/files/x-1")));
  }

  @Test
  void refusesADoctypeSoNoEntityIsEverExpanded() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE wopi-discovery [<!ENTITY x SYSTEM"
            + " \"file:///etc/passwd\">]><wopi-discovery><net-zone name=\"external-http\">"
            + "<app name=\"Word\"><action name=\"view\" ext=\"docx\" urlsrc=\"https://a/&x;\"/>"
            + "</app></net-zone></wopi-discovery>";
    assertThrows(IOException.class, () -> parse(xxe));
  }

  @Test
  void neverFetchesAnExternalDtdEntityOrInclude() throws Exception {
    AtomicInteger fetched = new AtomicInteger();
    HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    listener.createContext(
        "/",
        exchange -> {
          fetched.incrementAndGet();
          byte[] dtd = "<!ENTITY x \"expanded\">".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, dtd.length);
          exchange.getResponseBody().write(dtd);
          exchange.close();
        });
    listener.start();
    try {
      String at = "http://127.0.0.1:" + listener.getAddress().getPort();
      String body =
          "<wopi-discovery><net-zone name=\"external-http\"><app name=\"Word\">"
              + "<action name=\"view\" ext=\"docx\" urlsrc=\"https://a/&x;\"/>"
              + "</app></net-zone></wopi-discovery>";
      List<String> hostile =
          List.of(
              "<!DOCTYPE wopi-discovery SYSTEM \"" + at + "/external.dtd\">" + body,
              "<!DOCTYPE wopi-discovery [<!ENTITY x SYSTEM \"" + at + "/general\">]>" + body,
              "<!DOCTYPE wopi-discovery [<!ENTITY % p SYSTEM \""
                  + at
                  + "/parameter\"> %p;]>"
                  + body,
              "<!DOCTYPE wopi-discovery PUBLIC \"-//x//y\" \"" + at + "/public.dtd\">" + body);
      for (String xml : hostile) {
        assertThrows(IOException.class, () -> parse(xml), xml);
      }
      String include =
          "<wopi-discovery xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
              + "<xi:include href=\""
              + at
              + "/include.xml\"/><net-zone name=\"external-http\"/></wopi-discovery>";
      parse(include);
      assertEquals(0, fetched.get(), "the parser made a request");
    } finally {
      listener.stop(0);
    }
  }

  @Test
  void refusesWhatIsNotADiscoveryDocument() {
    assertThrows(IOException.class, () -> parse("<html><body>502 Bad Gateway</body></html>"));
    assertThrows(IOException.class, () -> parse("not xml"));
    assertThrows(
        IOException.class,
        () -> parse(onlyOffice("<proof-key modulus=\"AAAA\" exponent=\"AQAB\"/>")));
  }
}
