package io.quorumlab.harness.compare;

import io.quorumlab.results.LatencySummary;
import io.quorumlab.results.Outcomes;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How the comparison's tables spell their cells, the same in markdown, HTML and on the console. */
final class Cells {
  private Cells() {}

  static String anomalies(Map<String, Double> anomalies) {
    if (anomalies.isEmpty()) return "none";
    return anomalies.entrySet().stream().map(e -> e.getKey() + " " + number(e.getValue())).collect(Collectors.joining(", "));
  }

  /** "98.1/0.4/1.5%", ok/fail/info shares; "-" when no op fell there. */
  static String availability(Outcomes o) {
    if (o.total() == 0) return "-";
    return pct(o.okShare()) + "/" + pct(o.failShare()) + "/" + pct(o.infoShare()) + "%";
  }

  /** "0.92/2.1/4.5/12.0", p50/p95/p99/p99.9 in ms; "-" without ok ops. */
  static String latency(LatencySummary l) {
    if (l.count() == 0) return "-";
    return ms(l.p50()) + "/" + ms(l.p95()) + "/" + ms(l.p99()) + "/" + ms(l.p999());
  }

  static String overlap(CompareRow row) {
    int wr = row.spec().store().w() + row.spec().store().r();
    return wr > row.spec().store().n() ? "yes (" + wr + " > " + row.spec().store().n() + ")" : "no (" + wr + " <= " + row.spec().store().n() + ")";
  }

  static String number(double v) {
    if (v == Math.rint(v)) return String.format(Locale.ROOT, "%d", (long) v);
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String ms(double v) {
    if (v == 0) return "0";
    if (v < 10) return String.format(Locale.ROOT, "%.2f", v);
    if (v < 100) return String.format(Locale.ROOT, "%.1f", v);
    return String.format(Locale.ROOT, "%.0f", v);
  }

  static String throughput(double opsPerSecond) {
    return String.format(Locale.ROOT, "%.0f", opsPerSecond);
  }

  private static String pct(double share) {
    double p = share * 100;
    if (p == 0 || p == 100) return String.format(Locale.ROOT, "%.0f", p);
    return String.format(Locale.ROOT, "%.1f", p);
  }

  /** The benchmark's get and put p50/p99 (ms) for this row's N/W/R and conflict mode, or "-". */
  static String bench(BenchResults bench, CompareRow row, String op, String fault) {
    if (bench == null) return "";
    return bench.find(op, row.spec().store().n(), row.spec().store().w(), row.spec().store().r(), row.spec().store().conflicts().wireName(), fault)
        .map(b -> ms(b.p50()) + "/" + ms(b.p99()))
        .orElse("-");
  }
}
