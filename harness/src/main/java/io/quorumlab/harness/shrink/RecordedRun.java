package io.quorumlab.harness.shrink;

import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryParseException;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.SpecFormat;
import io.quorumlab.harness.sim.SimBackend;
import io.quorumlab.results.Phase;
import io.quorumlab.results.ResultsReader;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A finished simulated run, read back from its directory for a replay or a shrink: its spec (of
 * this quorumlab's {@link SpecFormat}), its results and its history. Reading never writes to the
 * directory; anything that makes the run unusable is a {@link SpecException} with one line.
 *
 * @param dir the run directory
 * @param spec the run's spec
 * @param results what results.json says
 * @param history the recorded history.jsonl
 */
public record RecordedRun(Path dir, RunSpec spec, RunResults results, History history) {

  /** @throws SpecException when {@code dir} is not a finished run of the sim backend with a spec of this version */
  public static RecordedRun read(Path dir) {
    if (!Files.isDirectory(dir)) throw new SpecException(dir + " is not a directory");
    Path specFile = dir.resolve(RunDirectory.SPEC);
    Map<String, Object> map;
    try {
      map = ResultsReader.readSpec(dir);
    } catch (IOException e) {
      throw new SpecException(e.getMessage());
    }
    SpecFormat.requireCurrent(map, specFile);
    RunSpec spec;
    try {
      spec = RunSpec.fromMap(map);
    } catch (IllegalArgumentException e) {
      throw new SpecException(specFile + ": " + e.getMessage());
    }
    if (!spec.backend().equals(SimBackend.NAME)) {
      throw new SpecException(dir + " is a run of the " + spec.backend() + " backend: only a run of the sim backend, a function of "
          + "its seed, can be replayed or shrunk (run it with --backend sim)");
    }
    RunResults results;
    try {
      results = ResultsReader.read(dir);
    } catch (IOException e) {
      throw new SpecException(e.getMessage());
    }
    if (results.info().crashed()) {
      throw new SpecException(dir + " is a run that did not finish (" + results.info().error() + "): there is no whole run to replay");
    }
    History history;
    try {
      history = Histories.read(dir.resolve(RunDirectory.HISTORY));
    } catch (HistoryParseException e) {
      throw new SpecException(e.getMessage());
    }
    return new RecordedRun(dir, spec, results, history);
  }

  /** When the load started, in the history's timebase. */
  public long loadStartNanos() {
    return results.info().phase(Phase.LOAD).map(Phase::startNanos)
        .orElseThrow(() -> new SpecException(dir.resolve(RunDirectory.RESULTS) + " records no load phase"));
  }

  /** When the final reads started, in the history's timebase; none: never. */
  public long finalReadsStartNanos() {
    return results.info().phase(Phase.FINAL_READS).map(Phase::startNanos).orElse(Long.MAX_VALUE);
  }
}
