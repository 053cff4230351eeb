package io.quorumlab.harness.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A table of rows of type {@code R}, as fixed-width console text or as markdown. Each comparison
 * names its columns once, so its console, markdown and HTML tables always agree.
 */
final class TextTable {
  /** @param numeric right-aligned on the console and in markdown */
  record Column<R>(String header, Function<R, String> cell, boolean numeric) {}

  private TextTable() {}

  static <R> String console(List<Column<R>> cols, List<R> rows) {
    List<String[]> lines = new ArrayList<>();
    lines.add(cols.stream().map(Column::header).toArray(String[]::new));
    for (R row : rows) lines.add(cols.stream().map(c -> c.cell().apply(row)).toArray(String[]::new));
    int[] width = new int[cols.size()];
    for (String[] l : lines) for (int i = 0; i < l.length; i++) width[i] = Math.max(width[i], l[i].length());
    StringBuilder b = new StringBuilder();
    for (String[] l : lines) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < l.length; i++) {
        String fill = " ".repeat(width[i] - l[i].length());
        line.append(i == 0 ? "" : "  ").append(cols.get(i).numeric() ? fill + l[i] : l[i] + fill);
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }

  static <R> String markdown(List<Column<R>> cols, List<R> rows) {
    StringBuilder b = new StringBuilder("|");
    for (Column<R> c : cols) b.append(' ').append(c.header()).append(" |");
    b.append("\n|");
    for (Column<R> c : cols) b.append(c.numeric() ? "---:|" : "---|");
    b.append('\n');
    for (R row : rows) {
      b.append('|');
      for (Column<R> c : cols) b.append(' ').append(c.cell().apply(row).replace("|", "\\|")).append(" |");
      b.append('\n');
    }
    return b.toString();
  }
}
