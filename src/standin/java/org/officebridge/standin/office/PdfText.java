package org.officebridge.standin.office;

import java.util.ArrayList;
import java.util.List;

/** Reads the text shown by a PDF content stream's Tj/TJ operators, one line per text line. */
final class PdfText {

  private PdfText() {}

  static List<String> lines(String content) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int i = 0;
    while (i < content.length()) {
      char c = content.charAt(i);
      if (c == '(') {
        i = literal(content, i + 1, line);
      } else if (c == 'T'
          && i + 1 < content.length()
          && "*dD".indexOf(content.charAt(i + 1)) >= 0) {
        flush(line, lines);
        i += 2;
      } else if (c == '\'' || c == '"') {
        flush(line, lines);
        i++;
      } else if (c == 'E' && content.startsWith("ET", i)) {
        flush(line, lines);
        i += 2;
      } else {
        i++;
      }
    }
    flush(line, lines);
    return lines;
  }

  private static void flush(StringBuilder line, List<String> lines) {
    if (line.length() > 0) {
      lines.add(line.toString());
      line.setLength(0);
    }
  }

  private static int literal(String s, int i, StringBuilder out) {
    int depth = 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(i + 1);
        switch (n) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b', 'f' -> {}
          default -> {
            if (Character.isDigit(n)) {
              int end = i + 1;
              while (end < s.length() && end < i + 4 && Character.isDigit(s.charAt(end))) {
                end++;
              }
              out.append((char) Integer.parseInt(s.substring(i + 1, end), 8));
              i = end;
              continue;
            }
            out.append(n);
          }
        }
        i += 2;
      } else if (c == '(') {
        depth++;
        out.append(c);
        i++;
      } else if (c == ')') {
        depth--;
        i++;
        if (depth == 0) {
          return i;
        }
        out.append(c);
      } else {
        out.append(c);
        i++;
      }
    }
    return i;
  }
}
