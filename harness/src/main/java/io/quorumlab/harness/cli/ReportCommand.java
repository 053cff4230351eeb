package io.quorumlab.harness.cli;

import io.quorumlab.harness.SpecException;
import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryFormat;
import io.quorumlab.checkers.history.HistoryParseException;
import io.quorumlab.harness.run.ConsoleProgress;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.RunSummary;
import io.quorumlab.harness.run.Runner;
import io.quorumlab.results.ResultsReader;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunInfo;
import io.quorumlab.results.RunResults;
import io.quorumlab.results.write.RunWriter;
import io.quorumlab.workloads.Workload;
import io.quorumlab.workloads.registry.Workloads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quorumlab report DIR}: re-checks a stored run and renders its results again. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a stored run's history.jsonl again with its workload's checkers (as spec.json names it) and "
          + "rewrites results.json and report.html. Useful after a checker improved. A run that did not finish "
          + "(killed, so it has no results.json) is checked as far as it was recorded, and its verdict is unknown: "
          + "an incomplete history proves nothing either way.",
      "Exit codes: 0 valid, 1 anomalies found, 2 unknown, 254 when DIR is not a run directory."
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A run directory (runs/<workload>/<timestamp>), or a runs root to use its latest run.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Path runDir = resolve(dir);
    Map<String, Object> specMap;
    RunSpec runSpec;
    try {
      specMap = ResultsReader.readSpec(runDir);
      runSpec = RunSpec.fromMap(specMap);
    } catch (IOException | IllegalArgumentException e) {
      throw new SpecException(e.getMessage());
    }
    Workload workload = Workloads.byName(runSpec.workload()).orElseThrow(() -> new SpecException(
        runDir.resolve(RunDirectory.SPEC) + " names workload '" + runSpec.workload() + "', which this quorumlab does not know"));
    RunInfo info = previousInfo(runDir, workload, runSpec, specMap);
    ConsoleProgress progress = ConsoleProgress.console(spec.commandLine().getErr());
    History history = readHistory(runDir, info.crashed(), progress);
    progress.phase("check", history.size() + " ops of " + runDir);
    List<CheckResult> checks = Runner.check(workload, history, runDir, CheckContext.defaults().timeBudget(), progress);
    RunResults results = RunWriter.write(runDir, info, history, checks);
    RunSummary.print(spec.commandLine().getOut(), new RunOutcome(runDir, results, checks, results.exitCode()));
    return results.exitCode();
  }

  /**
   * The run's phases, start and error as the run recorded them. A run without results never
   * finished (killed, or it could not write them): its history is a prefix, and the error says so,
   * so that the verdict is unknown whatever the prefix shows.
   */
  private static RunInfo previousInfo(Path runDir, Workload workload, RunSpec runSpec, Map<String, Object> specMap) {
    String error;
    if (Files.exists(runDir.resolve(RunDirectory.RESULTS))) {
      try {
        return ResultsReader.read(runDir).info();
      } catch (IOException e) {
        error = "the run's results could not be read (" + e.getMessage() + ")";
      }
    } else {
      error = "the run did not finish: it wrote no " + RunDirectory.RESULTS + " (it was killed, or stopped before "
          + "its history was checked), so only the ops it recorded until then were checked";
    }
    long started;
    try {
      started = Files.getLastModifiedTime(runDir.resolve(RunDirectory.SPEC)).toMillis();
    } catch (IOException ignored) {
      started = 0;
    }
    return new RunInfo(workload.name(), runSpec.backend(), specMap, started, List.of(), error);
  }

  /**
   * The stored history. A run that did not finish may have been killed while writing a line: when
   * the text after the last newline does not parse, that half line is left out (cut at the byte
   * level, since it may end inside a UTF-8 character).
   */
  private static History readHistory(Path runDir, boolean unfinished, ConsoleProgress progress) {
    Path file = runDir.resolve(RunDirectory.HISTORY);
    try {
      if (!unfinished) return Histories.read(file);
      byte[] bytes = Files.readAllBytes(file);
      int lines = bytes.length;
      while (lines > 0 && bytes[lines - 1] != '\n') lines--;
      if (lines < bytes.length) {
        try {
          return parse(bytes, bytes.length, file);
        } catch (HistoryParseException | CharacterCodingException halfWritten) {
          progress.event("left out the half-written last line of " + file);
        }
      }
      return parse(bytes, lines, file);
    } catch (HistoryParseException e) {
      throw new SpecException(e.getMessage());
    } catch (NoSuchFileException e) {
      throw new SpecException(runDir + " has no " + RunDirectory.HISTORY);
    } catch (IOException e) {
      throw new SpecException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static History parse(byte[] bytes, int length, Path file) throws CharacterCodingException {
    String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    return Histories.parse(text, HistoryFormat.JSONL, file);
  }

  private static Path resolve(Path dir) {
    if (!Files.isDirectory(dir)) throw new SpecException(dir + " is not a directory");
    if (Files.exists(dir.resolve(RunDirectory.SPEC))) return dir;
    try {
      Path latest = RunDirectory.latest(dir);
      if (Files.exists(latest.resolve(RunDirectory.SPEC))) return latest;
    } catch (IOException notARoot) {
      // fall through to the message below
    }
    throw new SpecException(dir + " is not a run directory (it has no " + RunDirectory.SPEC + ")");
  }
}
