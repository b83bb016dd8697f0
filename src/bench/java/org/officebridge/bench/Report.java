package org.officebridge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of one run as a Markdown section, written into {@code docs/benchmarks.md} between
 * markers (the file's prose stays as it is; the last run replaces the previous one).
 */
final class Report {

  static final String BEGIN = "<!-- results:begin (written by bench/run) -->";
  static final String END = "<!-- results:end -->";

  /**
   * @param benchmark what was measured
   * @param measured the connector's figure
   * @param baseline the baseline's figure, or "—"
   * @param target the target, for example "≥ 70 % of baseline"
   * @param outcome "met", "GAP: ..." or "not run: ..."
   */
  record Row(String benchmark, String measured, String baseline, String target, String outcome) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
    System.out.printf(
        "%-55s %-28s %-28s %-22s %s%n",
        row.benchmark(), row.measured(), row.baseline(), row.target(), row.outcome());
  }

  void note(String text) {
    notes.add(text);
    System.out.println("note: " + text);
  }

  /**
   * @param file docs/benchmarks.md
   * @param header the machine, the date, the command
   * @throws IOException when the file cannot be written
   */
  void writeInto(Path file, String header) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append(BEGIN).append("\n\n").append(header).append("\n\n");
    md.append("| benchmark | measured | baseline (same run) | target | outcome |\n");
    md.append("|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append("| ")
          .append(String.join(" | ", r.benchmark(), r.measured(), r.baseline(), r.target()))
          .append(" | ")
          .append(r.outcome())
          .append(" |\n");
    }
    if (!notes.isEmpty()) {
      md.append("\n");
      for (String n : notes) {
        md.append("- ").append(n).append("\n");
      }
    }
    md.append("\n").append(END);
    String text =
        Files.exists(file)
            ? Files.readString(file, StandardCharsets.UTF_8)
            : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    String updated =
        b < 0 || e < 0
            ? text + "\n" + md + "\n"
            : text.substring(0, b) + md + text.substring(e + END.length());
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }
}
