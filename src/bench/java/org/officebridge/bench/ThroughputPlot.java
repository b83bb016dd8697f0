package org.officebridge.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/** Throughput (MiB/s) against file size (log scale), one line per series, drawn with Java2D. */
final class ThroughputPlot {

  private static final Color[] COLORS = {
    new Color(0x33, 0x33, 0x33),
    new Color(0x1f, 0x77, 0xb4),
    new Color(0xd6, 0x27, 0x28),
    new Color(0x2c, 0xa0, 0x2c),
    new Color(0x94, 0x67, 0xbd)
  };

  private final Map<String, TreeMap<Long, Double>> series = new LinkedHashMap<>();

  /**
   * @param name the series, for example "GetFile"
   * @param bytes the file size
   * @param bytesPerSecond the throughput
   */
  void add(String name, long bytes, double bytesPerSecond) {
    series.computeIfAbsent(name, n -> new TreeMap<>()).put(bytes, bytesPerSecond / (1 << 20));
  }

  /**
   * @param file the PNG to write
   * @param title the chart title
   * @throws IOException when it cannot be written
   */
  void write(Path file, String title) throws IOException {
    int w = 900;
    int h = 520;
    int left = 80;
    int right = 200;
    int top = 50;
    int bottom = 60;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    double maxY =
        series.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(1)
            * 1.1;
    List<Long> sizes =
        series.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    double minX = Math.log(sizes.isEmpty() ? 1 : sizes.get(0));
    double maxX = Math.log(sizes.isEmpty() ? 2 : sizes.get(sizes.size() - 1));
    if (maxX <= minX) {
      maxX = minX + 1;
    }
    int plotW = w - left - right;
    int plotH = h - top - bottom;
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, left, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawLine(left, top + plotH, left + plotW, top + plotH);
    g.drawLine(left, top, left, top + plotH);
    for (int i = 0; i <= 5; i++) {
      double v = maxY * i / 5;
      int y = top + plotH - (int) (plotH * i / 5.0);
      g.setColor(new Color(0xdd, 0xdd, 0xdd));
      g.drawLine(left + 1, y, left + plotW, y);
      g.setColor(Color.BLACK);
      g.drawString(String.format("%.0f", v), left - 45, y + 4);
    }
    for (long size : sizes) {
      int x = left + (int) (plotW * (Math.log(size) - minX) / (maxX - minX));
      g.drawLine(x, top + plotH, x, top + plotH + 5);
      g.drawString(label(size), x - 20, top + plotH + 20);
    }
    g.drawString("file size", left + plotW / 2 - 20, h - 15);
    g.rotate(-Math.PI / 2);
    g.drawString("MiB/s", -(top + plotH / 2) - 15, 20);
    g.rotate(Math.PI / 2);
    int i = 0;
    for (Map.Entry<String, TreeMap<Long, Double>> s : series.entrySet()) {
      Color c = COLORS[i % COLORS.length];
      g.setColor(c);
      g.setStroke(new BasicStroke(2.5f));
      int px = -1;
      int py = -1;
      for (Map.Entry<Long, Double> p : s.getValue().entrySet()) {
        int x = left + (int) (plotW * (Math.log(p.getKey()) - minX) / (maxX - minX));
        int y = top + plotH - (int) (plotH * p.getValue() / maxY);
        g.fillOval(x - 4, y - 4, 8, 8);
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        px = x;
        py = y;
      }
      int ly = top + 20 + i * 22;
      g.drawLine(left + plotW + 20, ly, left + plotW + 45, ly);
      g.setColor(Color.BLACK);
      g.drawString(s.getKey(), left + plotW + 52, ly + 4);
      i++;
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  static String label(long bytes) {
    return bytes >= (1L << 30) ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
  }
}
