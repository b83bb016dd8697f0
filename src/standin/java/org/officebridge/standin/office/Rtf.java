package org.officebridge.standin.office;

import java.util.ArrayList;
import java.util.List;

/** Reads the plain text of an RTF document (paragraphs), ignoring formatting and destinations. */
final class Rtf {

  private Rtf() {}

  static List<String> text(String rtf) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    java.util.Deque<Boolean> skip = new java.util.ArrayDeque<>();
    boolean skipping = false;
    int i = 0;
    while (i < rtf.length()) {
      char c = rtf.charAt(i);
      if (c == '{') {
        skip.push(skipping);
        i++;
        if (rtf.startsWith("\\*", i) || startsWithDestination(rtf, i)) {
          skipping = true;
        }
      } else if (c == '}') {
        skipping = skip.isEmpty() ? false : skip.pop();
        i++;
      } else if (c == '\\') {
        i = control(rtf, i, line, lines, skipping);
      } else {
        if (!skipping && c != '\r' && c != '\n') {
          line.append(c);
        }
        i++;
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static boolean startsWithDestination(String rtf, int i) {
    for (String d : new String[] {"\\fonttbl", "\\colortbl", "\\stylesheet", "\\info", "\\pict"}) {
      if (rtf.startsWith(d, i)) {
        return true;
      }
    }
    return false;
  }

  private static int control(
      String rtf, int i, StringBuilder line, List<String> lines, boolean skipping) {
    int j = i + 1;
    if (j >= rtf.length()) {
      return j;
    }
    char c = rtf.charAt(j);
    if (c == '\\' || c == '{' || c == '}') {
      if (!skipping) {
        line.append(c);
      }
      return j + 1;
    }
    if (c == '\'' && j + 2 < rtf.length()) {
      if (!skipping) {
        line.append((char) Integer.parseInt(rtf.substring(j + 1, j + 3), 16));
      }
      return j + 3;
    }
    int k = j;
    while (k < rtf.length() && Character.isLetter(rtf.charAt(k))) {
      k++;
    }
    String word = rtf.substring(j, k);
    int numStart = k;
    if (k < rtf.length() && (rtf.charAt(k) == '-' || Character.isDigit(rtf.charAt(k)))) {
      k++;
      while (k < rtf.length() && Character.isDigit(rtf.charAt(k))) {
        k++;
      }
    }
    String num = rtf.substring(numStart, k);
    if (k < rtf.length() && rtf.charAt(k) == ' ') {
      k++;
    }
    if (skipping) {
      return k;
    }
    switch (word) {
      case "par", "line" -> {
        lines.add(line.toString());
        line.setLength(0);
      }
      case "tab" -> line.append('\t');
      case "u" -> {
        if (!num.isEmpty()) {
          line.append((char) (Integer.parseInt(num) & 0xffff));
          if (k < rtf.length() && rtf.charAt(k) == '?') {
            k++;
          }
        }
      }
      default -> {
        // formatting control word: no text
      }
    }
    return k;
  }
}
