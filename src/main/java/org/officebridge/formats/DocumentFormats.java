package org.officebridge.formats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ONLYOFFICE Docs' format table (which editor opens an extension, what it can do with it, what it
 * converts it to), from the resource {@code formats.tsv} beside this class: facts taken from
 * ONLYOFFICE's document-formats data, which the Document Server itself builds its lists from.
 */
public final class DocumentFormats {

  private static final Map<String, DocumentFormat> TABLE = load();

  private DocumentFormats() {}

  /**
   * @param extension a file extension, with or without the dot, any case
   * @return the format, or empty when ONLYOFFICE does not know it
   */
  public static Optional<DocumentFormat> of(String extension) {
    if (extension == null) {
      return Optional.empty();
    }
    String e = extension.startsWith(".") ? extension.substring(1) : extension;
    return Optional.ofNullable(TABLE.get(e.toLowerCase(Locale.ROOT)));
  }

  /**
   * @param type an editor
   * @return the extensions that editor opens
   */
  public static Set<String> extensionsOf(DocumentType type) {
    return TABLE.values().stream()
        .filter(f -> f.type().equals(Optional.of(type)))
        .map(DocumentFormat::extension)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * @return the image formats (what "insert image" accepts)
   */
  public static Set<String> imageExtensions() {
    return Set.of("bmp", "gif", "jpg", "jpeg", "png", "tif", "tiff", "webp");
  }

  private static Map<String, DocumentFormat> load() {
    Map<String, DocumentFormat> table = new LinkedHashMap<>();
    try (InputStream in = DocumentFormats.class.getResourceAsStream("formats.tsv")) {
      if (in == null) {
        throw new IllegalStateException("formats.tsv is missing beside DocumentFormats");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        DocumentFormat f = parse(line.split("\t", -1));
        table.put(f.extension(), f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(table);
  }

  private static DocumentFormat parse(String[] columns) {
    if (columns.length != 5) {
      throw new IllegalStateException("formats.tsv: 5 columns expected in " + columns[0]);
    }
    Set<DocumentFormat.Action> actions = EnumSet.noneOf(DocumentFormat.Action.class);
    for (String a : list(columns[2])) {
      actions.add(DocumentFormat.Action.valueOf(a.toUpperCase(Locale.ROOT).replace('-', '_')));
    }
    return new DocumentFormat(
        columns[0],
        DocumentType.fromCode(columns[1]),
        actions,
        list(columns[3]),
        columns[4].equals("-") ? "application/octet-stream" : columns[4]);
  }

  private static List<String> list(String column) {
    return column.equals("-") ? List.of() : Arrays.asList(column.split(","));
  }
}
