package org.officebridge.documentserver;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.officebridge.security.WopiProofKeys;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a discovery document safely: no DTD, no external entities, no XInclude. Takes the
 * external-https net zone (else external-http, another external one, or the first), every action
 * with an extension (the MIME-type apps of Collabora-style discovery have none and are skipped),
 * the first action of a name per extension, and the {@code proof-key} element.
 */
public final class WopiDiscoveryParser {

  private WopiDiscoveryParser() {}

  /**
   * @param xml the discovery document; not closed
   * @return what it publishes
   * @throws IOException when it cannot be read or is not a discovery document
   */
  public static WopiDiscovery parse(InputStream xml) throws IOException {
    Document doc;
    try {
      doc = builder().parse(xml);
    } catch (SAXException | ParserConfigurationException e) {
      throw new IOException("discovery is not well-formed XML without a DTD", e);
    }
    Element root = doc.getDocumentElement();
    if (!"wopi-discovery".equals(root.getTagName())) {
      throw new IOException("not a WOPI discovery document");
    }
    Optional<Element> zone = zone(root);
    Map<String, Map<String, WopiAction>> actions = new HashMap<>();
    zone.ifPresent(z -> readApps(z, actions));
    return new WopiDiscovery(actions, proofKeys(root));
  }

  private static DocumentBuilder builder() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(
        new org.xml.sax.ErrorHandler() {
          @Override
          public void warning(org.xml.sax.SAXParseException e) {
            // not an error: ignored
          }

          @Override
          public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
          }

          @Override
          public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
          }
        });
    return b;
  }

  /** The zone browsers use: external-https, then external-http, any external, or the first. */
  private static Optional<Element> zone(Element root) {
    NodeList zones = root.getElementsByTagName("net-zone");
    Element best = null;
    int bestRank = Integer.MAX_VALUE;
    for (int i = 0; i < zones.getLength(); i++) {
      Element z = (Element) zones.item(i);
      String name = z.getAttribute("name").toLowerCase(Locale.ROOT);
      int rank =
          name.equals("external-https")
              ? 0
              : name.equals("external-http") ? 1 : name.startsWith("external") ? 2 : 3;
      if (rank < bestRank) {
        best = z;
        bestRank = rank;
      }
    }
    return Optional.ofNullable(best);
  }

  private static void readApps(Element zone, Map<String, Map<String, WopiAction>> actions) {
    NodeList apps = zone.getElementsByTagName("app");
    for (int i = 0; i < apps.getLength(); i++) {
      Element app = (Element) apps.item(i);
      Optional<String> favicon = optional(app.getAttribute("favIconUrl"));
      NodeList list = app.getElementsByTagName("action");
      for (int j = 0; j < list.getLength(); j++) {
        Element a = (Element) list.item(j);
        String ext = a.getAttribute("ext").trim().toLowerCase(Locale.ROOT);
        String name = a.getAttribute("name").trim();
        String urlsrc = a.getAttribute("urlsrc").trim();
        if (ext.isEmpty() || name.isEmpty() || !urlsrc.matches("(?i)https?://.+")) {
          continue;
        }
        Set<String> requires =
            Arrays.stream(a.getAttribute("requires").split(","))
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .collect(Collectors.toSet());
        WopiAction action =
            new WopiAction(
                app.getAttribute("name"),
                name,
                ext,
                urlsrc,
                requires,
                optional(a.getAttribute("targetext")).map(t -> t.toLowerCase(Locale.ROOT)),
                favicon);
        actions
            .computeIfAbsent(ext, e -> new LinkedHashMap<>())
            .putIfAbsent(name.toLowerCase(Locale.ROOT), action);
      }
    }
  }

  private static Optional<WopiProofKeys> proofKeys(Element root) throws IOException {
    NodeList keys = root.getElementsByTagName("proof-key");
    if (keys.getLength() == 0) {
      return Optional.empty();
    }
    Element k = (Element) keys.item(0);
    try {
      Optional<java.security.PublicKey> current = key(k, "");
      if (current.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new WopiProofKeys(current.get(), key(k, "old")));
    } catch (IllegalArgumentException e) {
      throw new IOException("the discovery's proof-key element is not a usable RSA key", e);
    }
  }

  private static Optional<java.security.PublicKey> key(Element k, String prefix) {
    Optional<String> modulus = optional(k.getAttribute(prefix + "modulus"));
    Optional<String> exponent = optional(k.getAttribute(prefix + "exponent"));
    if (modulus.isPresent() && exponent.isPresent()) {
      return Optional.of(WopiProofKeys.rsaKey(modulus.get(), exponent.get()));
    }
    return optional(k.getAttribute(prefix + "value")).map(WopiProofKeys::rsaKeyFromBlob);
  }

  private static Optional<String> optional(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
