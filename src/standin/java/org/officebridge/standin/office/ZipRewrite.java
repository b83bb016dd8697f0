package org.officebridge.standin.office;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Copies a zip package entry by entry, rewriting chosen XML parts as text on the way. */
final class ZipRewrite {

  private ZipRewrite() {}

  /**
   * @param source the package
   * @param target where to write the new package; not closed
   * @param edits entry name → text edit; other entries are copied unchanged
   * @throws IOException when reading or writing fails
   */
  static void rewrite(Path source, OutputStream target, Map<String, UnaryOperator<String>> edits)
      throws IOException {
    try (InputStream raw = Files.newInputStream(source);
        ZipInputStream in = new ZipInputStream(raw);
        ZipOutputStream out = new ZipOutputStream(NonClosing.wrap(target))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        UnaryOperator<String> edit = edits.get(e.getName());
        ZipEntry copy = new ZipEntry(e.getName());
        if (e.getMethod() == ZipEntry.STORED && edit == null) {
          copy.setMethod(ZipEntry.STORED);
          copy.setSize(e.getSize());
          copy.setCompressedSize(e.getCompressedSize());
          copy.setCrc(e.getCrc());
        }
        out.putNextEntry(copy);
        if (edit == null) {
          in.transferTo(out);
        } else {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          out.write(edit.apply(text).getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
  }

  /**
   * @param source a zip package
   * @param name an entry name
   * @return the entry's text, or null when absent or not a zip
   * @throws IOException when reading fails
   */
  static String readEntry(Path source, String name) throws IOException {
    try (InputStream raw = Files.newInputStream(source);
        ZipInputStream in = new ZipInputStream(raw)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    return null;
  }

  /**
   * @param source a zip package
   * @return its entry names, in order
   * @throws IOException when reading fails
   */
  static java.util.List<String> entryNames(Path source) throws IOException {
    java.util.List<String> names = new java.util.ArrayList<>();
    try (InputStream raw = Files.newInputStream(source);
        ZipInputStream in = new ZipInputStream(raw)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }
}
