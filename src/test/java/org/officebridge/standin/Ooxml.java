package org.officebridge.standin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Reads zip packages in tests and checks that their XML parts parse. */
final class Ooxml {

  private Ooxml() {}

  static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    if (out.isEmpty()) {
      throw new IOException("not a zip");
    }
    return out;
  }

  /** Parses every .xml/.rels entry (namespace-aware) and returns the text of one part. */
  static String partText(byte[] zip, String part) throws Exception {
    Map<String, byte[]> entries = entries(zip);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    String text = null;
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (e.getKey().matches(".*\\.(xml|rels|xhtml|opf)$")) {
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(e.getValue()));
        if (e.getKey().equals(part)) {
          text = d.getDocumentElement().getTextContent();
        }
      }
    }
    if (text == null) {
      throw new IOException("no part " + part);
    }
    return text;
  }

  static String string(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
