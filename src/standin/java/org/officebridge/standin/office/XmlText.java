package org.officebridge.standin.office;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text-level helpers for the XML parts of office packages. */
final class XmlText {

  private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|lt|gt|amp|quot|apos);");

  private XmlText() {}

  /**
   * @param text XML character data
   * @return it with entities resolved
   */
  static String unescape(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String r =
          switch (e) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            default ->
                new String(
                    Character.toChars(
                        e.startsWith("#x")
                            ? Integer.parseInt(e.substring(2), 16)
                            : Integer.parseInt(e.substring(1))));
          };
      m.appendReplacement(b, Matcher.quoteReplacement(r));
    }
    m.appendTail(b);
    return b.toString();
  }

  /**
   * Splits XML into blocks and collects the text runs inside each.
   *
   * @param xml a part
   * @param blockEnd the closing tag that ends a block (e.g. {@code </w:p>})
   * @param run a pattern whose group 1 is the text of a run
   * @return one string per block that has text (or every block, when {@code keepEmpty})
   */
  static List<String> blocks(String xml, String blockEnd, Pattern run, boolean keepEmpty) {
    List<String> out = new ArrayList<>();
    for (String block : xml.split(Pattern.quote(blockEnd), -1)) {
      StringBuilder b = new StringBuilder();
      Matcher m = run.matcher(block);
      while (m.find()) {
        b.append(unescape(m.group(1)));
      }
      if (b.length() > 0 || (keepEmpty && block.contains("<"))) {
        out.add(b.toString());
      }
    }
    return out;
  }
}
