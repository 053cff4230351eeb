package io.quorumlab.checkers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What a check may use besides the history.
 *
 * @param outDir where a checker may write artifacts (HTML timelines, .dot files); null for none
 * @param timeBudget wall-clock budget; when exceeded the verdict is {@link Verdict#UNKNOWN}
 * @param memoryBudgetBytes budget for the search's memo structures; exceeded gives UNKNOWN
 * @param progress receives progress lines ("keys 12/40") during long checks; never null
 */
public record CheckContext(Path outDir, Duration timeBudget, long memoryBudgetBytes, Consumer<Progress> progress) {

  /** A progress report: {@code done} of {@code total} units named {@code unit}. */
  public record Progress(String checker, String unit, long done, long total) {}

  public static CheckContext defaults() {
    return new CheckContext(null, Duration.ofMinutes(5), 1L << 30, p -> {});
  }

  public CheckContext withOutDir(Path dir) {
    return new CheckContext(dir, timeBudget, memoryBudgetBytes, progress);
  }

  public CheckContext withTimeBudget(Duration budget) {
    return new CheckContext(outDir, budget, memoryBudgetBytes, progress);
  }

  public CheckContext withProgress(Consumer<Progress> p) {
    return new CheckContext(outDir, timeBudget, memoryBudgetBytes, p);
  }
}
