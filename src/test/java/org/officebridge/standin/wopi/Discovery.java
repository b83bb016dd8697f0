package org.officebridge.standin.wopi;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads a discovery document the way a WOPI host does, for the tests. */
final class Discovery {

  record Action(String app, String name, String ext, String urlsrc, Map<String, String> attrs) {}

  final List<Action> actions = new ArrayList<>();
  final Map<String, String> proofKey = new LinkedHashMap<>();

  Discovery(String xml) throws Exception {
    Document d =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    NodeList apps = d.getElementsByTagName("app");
    for (int i = 0; i < apps.getLength(); i++) {
      Element app = (Element) apps.item(i);
      NodeList as = app.getElementsByTagName("action");
      for (int j = 0; j < as.getLength(); j++) {
        Element a = (Element) as.item(j);
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int k = 0; k < a.getAttributes().getLength(); k++) {
          attrs.put(
              a.getAttributes().item(k).getNodeName(), a.getAttributes().item(k).getNodeValue());
        }
        actions.add(
            new Action(
                app.getAttribute("name"),
                a.getAttribute("name"),
                a.getAttribute("ext"),
                a.getAttribute("urlsrc"),
                attrs));
      }
    }
    NodeList keys = d.getElementsByTagName("proof-key");
    if (keys.getLength() == 1) {
      Element k = (Element) keys.item(0);
      for (int i = 0; i < k.getAttributes().getLength(); i++) {
        proofKey.put(
            k.getAttributes().item(i).getNodeName(), k.getAttributes().item(i).getNodeValue());
      }
    }
  }

  Action find(String name, String ext) {
    return actions.stream()
        .filter(a -> a.name().equals(name) && a.ext().equals(ext))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " for " + ext));
  }

  List<String> names(String ext) {
    return actions.stream().filter(a -> a.ext().equals(ext)).map(Action::name).toList();
  }

  /** Resolves the placeholders as a host does: wopisrc (and ui) filled in, the rest removed. */
  static URI resolve(String urlsrc, String wopiSrc) {
    String s =
        urlsrc
            .replace(
                "<wopisrc=WOPI_SOURCE&>",
                "wopisrc=" + URLEncoder.encode(wopiSrc, StandardCharsets.UTF_8) + "&")
            .replace("<ui=UI_LLCC&>", "ui=de-DE&")
            .replaceAll("<[^>]*>", "")
            .replace("?&", "?")
            .replaceAll("&&+", "&")
            .replaceAll("&$", "");
    return URI.create(s);
  }
}
