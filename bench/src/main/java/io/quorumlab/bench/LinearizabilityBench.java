package io.quorumlab.bench;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.registry.CheckerRegistry;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Linearizability checking time per corpus history, parsing excluded ({@code check}), and the
 * parsing time on its own ({@code parse}), on the project's corpora. Side by side with Porcupine,
 * on all 108 histories of its benchmark suite, is {@code bench/porcupine-compare.sh}
 * ({@link LinearizabilityTimes}; docs/performance.md). Sample-time mode, so that the median (p0.50)
 * can be read next to the mean on a busy machine.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar LinearizabilityBench -wi 3 -w 1 -i 5 -r 1 -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class LinearizabilityBench {

  @Param({
    "etcd_000.edn", "etcd_001.edn", "etcd_002.edn", "etcd_003.edn", "etcd_004.edn", "etcd_005.edn", "etcd_006.edn",
    "etcd_007.edn", "etcd_008.edn", "etcd_009.edn", "etcd_010.edn", "etcd_011.edn", "etcd_012.edn", "etcd_013.edn",
    "etcd_014.edn", "etcd_015.edn", "etcd_016.edn", "etcd_017.edn", "etcd_018.edn", "etcd_019.edn", "etcd_020.edn",
    "etcd_021.edn", "etcd_022.edn", "etcd_023.edn", "etcd_024.edn", "etcd_025.edn", "etcd_026.edn", "etcd_027.edn",
    "etcd_028.edn", "etcd_029.edn", "etcd_030.edn", "etcd_031.edn", "etcd_032.edn", "etcd_033.edn", "etcd_034.edn",
    "etcd_035.edn", "etcd_036.edn", "etcd_037.edn", "etcd_038.edn", "etcd_039.edn", "etcd_040.edn", "etcd_041.edn",
    "etcd_042.edn", "etcd_043.edn", "etcd_044.edn", "etcd_045.edn", "etcd_046.edn", "etcd_047.edn", "etcd_048.edn",
    "etcd_049.edn", "c50-ok.txt", "c50-bad.txt"
  })
  public String history;

  private Path file;
  private History parsed;
  private Checker checker;
  private Verdict expected;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    boolean etcd = history.startsWith("etcd_");
    Path dir = corpora().resolve(etcd ? "jepsen-etcd" : "porcupine-kv");
    file = dir.resolve(history);
    parsed = Histories.read(file);
    checker = CheckerRegistry.linearizable(etcd ? "cas-register" : "kv");
    expected = etcd ? etcdExpected(dir) : history.contains("-ok") ? Verdict.VALID : Verdict.INVALID;
    Verdict got = checker.check(parsed, CheckContext.defaults()).verdict();
    if (got != expected) throw new IllegalStateException(history + ": expected " + expected + " but the checker says " + got);
  }

  @Benchmark
  public CheckResult check() {
    return checker.check(parsed, CheckContext.defaults());
  }

  @Benchmark
  public History parse() {
    return Histories.read(file);
  }

  private Verdict etcdExpected(Path dir) throws Exception {
    for (String line : Files.readAllLines(dir.resolve("expected.tsv"))) {
      String[] cols = line.split("\t");
      if (cols[0].equals(history)) return Boolean.parseBoolean(cols[1].trim()) ? Verdict.VALID : Verdict.INVALID;
    }
    throw new IllegalStateException(history + " is not in expected.tsv");
  }

  /** The project's corpora: -Dquorumlab.corpora, else corpora/ from the project root or a module. */
  static Path corpora() {
    String p = System.getProperty("quorumlab.corpora");
    if (p != null) return Path.of(p);
    for (String candidate : new String[] {"corpora", "../corpora"}) {
      if (Files.isDirectory(Path.of(candidate))) return Path.of(candidate);
    }
    throw new IllegalStateException("corpora not found: run from the project root or pass -Dquorumlab.corpora=DIR");
  }
}
