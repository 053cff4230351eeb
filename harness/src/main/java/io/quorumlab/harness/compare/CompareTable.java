package io.quorumlab.harness.compare;

import io.quorumlab.harness.gate.Judgement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The comparison's columns, shared by the markdown, HTML and console tables so that they always
 * agree. The report link is the last column (markdown and HTML only).
 */
final class CompareTable {
  record Column(String header, Function<CompareRow, String> cell, boolean numeric) {}

  static final String REPORT = "report";

  private CompareTable() {}

  static List<Column> columns(CompareResult result, boolean forConsole) {
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("config", CompareRow::name, false));
    if (!forConsole) cols.add(new Column("settings", CompareRow::settings, false));
    cols.add(new Column("W+R>N", r -> Cells.overlap(r).substring(0, Cells.overlap(r).indexOf(' ')), false));
    cols.add(new Column(result.plan().repeat() > 1 ? "verdict (runs)" : "verdict", CompareTable::verdict, false));
    cols.add(new Column("anomalies" + (result.plan().repeat() > 1 ? " (median)" : ""), r -> Cells.anomalies(r.anomalies()), false));
    cols.add(new Column("during faults ok/fail/info", r -> Cells.availability(r.duringFaults()), true));
    cols.add(new Column("outside faults ok/fail/info", r -> Cells.availability(r.outsideFaults()), true));
    cols.add(new Column("read ms p50/p95/p99/p99.9", r -> Cells.latency(r.readLatency()), true));
    cols.add(new Column("write ms p50/p95/p99/p99.9", r -> Cells.latency(r.writeLatency()), true));
    cols.add(new Column("ok ops/s", r -> Cells.throughput(r.throughput()), true));
    BenchResults bench = result.bench();
    if (bench != null) {
      cols.add(new Column("bench get ms p50/p99", r -> Cells.bench(bench, r, "get", "none"), true));
      cols.add(new Column("bench put ms p50/p99", r -> Cells.bench(bench, r, "put", "none"), true));
      cols.add(new Column("bench put ms p50/p99, one replica slow", r -> Cells.bench(bench, r, "put", "slow"), true));
    }
    return cols;
  }

  static String verdict(CompareRow r) {
    Judgement j = r.judgement();
    if (j == null) return r.verdictText();
    return r.verdictText() + " (expect " + r.expect().wireName() + ": " + (j.passed() ? "PASS" : "FAIL") + ")";
  }

  /** Fixed-width text for the console, the run directories listed below it. */
  static String console(CompareResult result) {
    List<Column> cols = columns(result, true);
    List<String[]> lines = new ArrayList<>();
    lines.add(cols.stream().map(Column::header).toArray(String[]::new));
    for (CompareRow row : result.rows()) lines.add(cols.stream().map(c -> c.cell().apply(row)).toArray(String[]::new));
    int[] width = new int[cols.size()];
    for (String[] l : lines) for (int i = 0; i < l.length; i++) width[i] = Math.max(width[i], l[i].length());
    StringBuilder b = new StringBuilder();
    for (String[] l : lines) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < l.length; i++) {
        String cell = cols.get(i).numeric() ? pad(l[i], width[i], true) : pad(l[i], width[i], false);
        line.append(i == 0 ? "" : "  ").append(cell);
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }

  static String markdown(CompareResult result, Path compareDir) {
    List<Column> cols = columns(result, false);
    StringBuilder b = new StringBuilder("|");
    for (Column c : cols) b.append(' ').append(c.header()).append(" |");
    b.append(' ').append(REPORT).append(" |\n|");
    for (Column c : cols) b.append(c.numeric() ? "---:|" : "---|");
    b.append("---|\n");
    for (CompareRow row : result.rows()) {
      b.append('|');
      for (Column c : cols) b.append(' ').append(escapeMarkdown(c.cell().apply(row))).append(" |");
      List<String> links = new ArrayList<>();
      for (int i = 0; i < row.runs().size(); i++) {
        String label = row.runs().size() == 1 ? "report" : "seed " + row.runs().get(i).seed();
        links.add("[" + label + "](" + CompareResult.link(compareDir, row.runs().get(i).runDir()) + ")");
      }
      b.append(' ').append(String.join(" ", links)).append(" |\n");
    }
    return b.toString();
  }

  private static String escapeMarkdown(String s) {
    return s.replace("|", "\\|");
  }

  private static String pad(String s, int w, boolean right) {
    if (s.length() >= w) return s;
    String fill = " ".repeat(w - s.length());
    return right ? fill + s : s + fill;
  }

  static String header(CompareResult result) {
    var s = result.plan().base();
    return String.format(Locale.ROOT, "%s workload, nemesis %s every %s s, %s s of load at %s from %d processes, %d %s nodes, seed %d%s",
        s.workload(), s.nemesis().text(), Cells.number(s.nemesis().intervalSeconds()), Cells.number(s.load().timeLimitSeconds()),
        s.load().rate() > 0 ? String.format(Locale.ROOT, "%.0f ops/s", s.load().rate()) : "full speed", s.load().concurrency(),
        s.nodes(), s.backend(),
        s.seed(), result.plan().repeat() > 1 ? " (rounds use seeds " + s.seed() + ".." + result.plan().seed(result.plan().repeat() - 1)
            + "; numbers are medians over runs, availability over all ops)" : "");
  }
}
