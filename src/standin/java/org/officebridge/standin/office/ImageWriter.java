package org.officebridge.standin.office;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a deterministic "thumbnail" image of text: one dark bar per line, as long as the line.
 * Draws no glyphs, so it needs no fonts and runs headless.
 */
final class ImageWriter {

  private static final int WIDTH = 400;
  private static final int ROW = 16;

  private ImageWriter() {}

  static void write(String fileType, List<String> lines, OutputStream out) throws IOException {
    int rows = Math.max(1, Math.min(lines.size(), 60));
    BufferedImage image = new BufferedImage(WIDTH, rows * ROW + 16, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < WIDTH; x++) {
        image.getRaster().setSample(x, y, 0, 255);
      }
    }
    for (int r = 0; r < rows && r < lines.size(); r++) {
      int len = Math.min(WIDTH - 16, lines.get(r).length() * 6);
      for (int y = 8 + r * ROW + 4; y < 8 + r * ROW + ROW - 4; y++) {
        for (int x = 8; x < 8 + len; x++) {
          image.getRaster().setSample(x, y, 0, 32);
        }
      }
    }
    String format = fileType.equals("jpg") ? "jpeg" : fileType;
    if (!ImageIO.write(image, format, out)) {
      throw new IOException("no image writer for " + fileType);
    }
  }
}
