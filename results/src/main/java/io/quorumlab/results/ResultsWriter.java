package io.quorumlab.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a run's JSON files (results.json, spec.json), each atomically.
 */
public final class ResultsWriter {
  private ResultsWriter() {}

  /** Writes {@link RunDirectory#RESULTS} alone, atomically (a reader never sees half a file). */
  public static void writeResults(Path runDir, RunResults results) throws IOException {
    writeAtomically(runDir.resolve(RunDirectory.RESULTS), ResultsJson.MAPPER.writeValueAsBytes(ResultsFile.of(results)));
  }

  /** Writes {@link RunDirectory#SPEC}: every option of the run, in the given order. */
  public static void writeSpec(Path runDir, Map<String, Object> spec) throws IOException {
    writeAtomically(runDir.resolve(RunDirectory.SPEC), ResultsJson.MAPPER.writeValueAsBytes(spec));
  }

  /** Writes {@code bytes} to {@code target} through a temporary sibling, so a reader never sees half a file. */
  public static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException notAtomic) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
