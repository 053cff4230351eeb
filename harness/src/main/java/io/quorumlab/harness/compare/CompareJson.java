package io.quorumlab.harness.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.harness.gate.Expectation;
import io.quorumlab.harness.gate.GateRun;
import io.quorumlab.harness.gate.Judgement;
import io.quorumlab.results.LatencySummary;
import io.quorumlab.results.Outcomes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code compare.json}: the table's numbers, and where each run is, for scripts and dashboards. */
final class CompareJson {
  static final String FORMAT = "quorumlab-compare/1";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CompareJson() {}

  static void write(CompareResult result, Path compareDir, Path file) throws IOException {
    MAPPER.writeValue(file.toFile(), tree(result, compareDir));
  }

  static Map<String, Object> tree(CompareResult result, Path compareDir) {
    Map<String, Object> m = header(FORMAT, result);
    m.put("repeat", result.plan().repeat());
    if (result.bench() != null) m.put("bench", result.bench().file().toAbsolutePath().toString());
    List<Object> rows = new ArrayList<>();
    for (CompareRow r : result.rows()) rows.add(row(result, r, compareDir));
    m.put("rows", rows);
    return m;
  }

  /** The fields every comparison's JSON starts with; the caller adds its own after them. */
  static Map<String, Object> header(String format, ComparisonOutcome result) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", format);
    m.put("workload", result.workload());
    m.put("startedAt", result.startedAtEpochMs());
    m.put("finishedAt", result.finishedAtEpochMs());
    m.put("interrupted", result.interrupted());
    m.put("options", result.plan().base().toMap());
    m.put("expect", result.plan().expect() == null ? null : result.plan().expect().wireName());
    m.put("exitCode", result.exitCode());
    return m;
  }

  static Map<String, Object> gate(Expectation expect, Judgement j) {
    Map<String, Object> gate = new LinkedHashMap<>();
    gate.put("expect", expect.wireName());
    gate.put("passed", j.passed());
    gate.put("message", j.message());
    return gate;
  }

  private static Map<String, Object> row(CompareResult result, CompareRow r, Path compareDir) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("config", r.name());
    m.put("settings", r.settings());
    m.put("n", r.spec().store().n());
    m.put("w", r.spec().store().w());
    m.put("r", r.spec().store().r());
    m.put("quorum", r.spec().store().quorum().wireName());
    m.put("readRepair", r.spec().store().readRepair().wireName());
    m.put("conflicts", r.spec().store().conflicts().wireName());
    m.put("fsync", r.spec().store().fsync().wireName());
    m.put("overlappingQuorums", r.spec().store().w() + r.spec().store().r() > r.spec().store().n());
    m.put("verdict", r.verdict().wireName());
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Verdict v : Verdict.values()) counts.put(v.wireName(), r.count(v));
    m.put("verdicts", counts);
    Judgement j = r.judgement();
    if (j != null) m.put("gate", gate(r.expect(), j));
    m.put("anomalies", r.anomalies());
    m.put("anomalyCount", r.anomalyCount());
    Map<String, Object> avail = new LinkedHashMap<>();
    avail.put("duringFaults", outcomes(r.duringFaults()));
    avail.put("outsideFaults", outcomes(r.outsideFaults()));
    m.put("availability", avail);
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("read", latency(r.readLatency()));
    latency.put("write", latency(r.writeLatency()));
    m.put("latencyMs", latency);
    m.put("throughput", r.throughput());
    if (result.bench() != null) {
      Map<String, Object> bench = new LinkedHashMap<>();
      for (String op : List.of("get", "put")) {
        for (String fault : List.of("none", "slow")) {
          result.bench().find(op, r.spec().store().n(), r.spec().store().w(), r.spec().store().r(), r.spec().store().conflicts().wireName(), fault)
              .ifPresent(b -> bench.put(op + ("none".equals(fault) ? "" : "-" + fault), Map.of("p50", b.p50(), "p90", b.p90(),
                  "p99", b.p99(), "p999", b.p999(), "samples", b.samples())));
        }
      }
      m.put("benchMs", bench);
    }
    List<Object> runs = new ArrayList<>();
    for (GateRun run : r.runs()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("seed", run.seed());
      x.put("verdict", run.results().verdict().wireName());
      x.put("anomalies", run.results().anomalies());
      x.put("error", run.results().info().error());
      x.put("dir", run.runDir().toAbsolutePath().normalize().toString());
      x.put("report", CompareResult.link(compareDir, run.runDir()));
      runs.add(x);
    }
    m.put("runs", runs);
    return m;
  }

  private static Map<String, Object> outcomes(Outcomes o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", o.ok());
    m.put("fail", o.fail());
    m.put("info", o.info());
    m.put("okShare", o.okShare());
    m.put("failShare", o.failShare());
    m.put("infoShare", o.infoShare());
    return m;
  }

  private static Map<String, Object> latency(LatencySummary l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", l.count());
    m.put("p50", l.p50());
    m.put("p95", l.p95());
    m.put("p99", l.p99());
    m.put("p999", l.p999());
    m.put("max", l.max());
    return m;
  }
}
