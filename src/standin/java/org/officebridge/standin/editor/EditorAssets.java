package org.officebridge.standin.editor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The editor's static files (api.js, the frame page, its script and style), from resources. */
final class EditorAssets {

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
  private final String version;

  EditorAssets(String version) {
    this.version = version;
  }

  byte[] get(String name) {
    return cache.computeIfAbsent(name, this::load);
  }

  private byte[] load(String name) {
    try (InputStream in = EditorAssets.class.getResourceAsStream("/standin/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource standin/" + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("@@VERSION@@", version).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
