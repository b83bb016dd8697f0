package org.officebridge.standin.formats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ONLYOFFICE's format table (type, actions, conversion targets, MIME type per extension), read from
 * {@code standin/formats.tsv}.
 */
public final class FormatTable {

  private static final String RESOURCE = "/standin/formats.tsv";

  private final Map<String, Format> formats;

  private FormatTable(Map<String, Format> formats) {
    this.formats = formats;
  }

  /**
   * @return the table bundled with the stand-in
   */
  public static FormatTable load() {
    try (InputStream in = FormatTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Map<String, Format> map = new LinkedHashMap<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        map.put(
            c[0],
            new Format(
                c[0],
                DocumentType.fromCode(c[1]),
                new LinkedHashSet<>(list(c[2])),
                list(c[3]),
                c[4].equals("-") ? "application/octet-stream" : c[4]));
      }
      return new FormatTable(map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> list(String cell) {
    return cell.equals("-") ? List.of() : Arrays.asList(cell.split(","));
  }

  /**
   * @param ext an extension, with or without a dot, any case
   * @return its row
   */
  public Optional<Format> find(String ext) {
    if (ext == null) {
      return Optional.empty();
    }
    String e = ext.toLowerCase(Locale.ROOT);
    return Optional.ofNullable(formats.get(e.startsWith(".") ? e.substring(1) : e));
  }

  /**
   * @return every row, in table order
   */
  public Collection<Format> all() {
    return formats.values();
  }

  /**
   * @param ext an extension
   * @return its MIME type, or application/octet-stream
   */
  public String mime(String ext) {
    return find(ext).map(Format::mime).orElse("application/octet-stream");
  }

  /**
   * @param fileName a file name
   * @return its extension, lower case, or ""
   */
  public static String extensionOf(String fileName) {
    int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
