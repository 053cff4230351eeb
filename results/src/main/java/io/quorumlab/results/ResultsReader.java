package io.quorumlab.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads what {@link ResultsWriter} wrote. Errors are IOExceptions with a one-line message. */
public final class ResultsReader {
  private ResultsReader() {}

  /** Reads {@code runDir/results.json}. */
  public static RunResults read(Path runDir) throws IOException {
    Path file = runDir.resolve(RunDirectory.RESULTS);
    ResultsFile f;
    try {
      f = ResultsJson.MAPPER.readValue(Files.readAllBytes(file), ResultsFile.class);
    } catch (NoSuchFileException e) {
      throw new IOException("no " + RunDirectory.RESULTS + " in " + runDir + " (not a run directory, or the run stopped before it was checked)");
    } catch (JsonProcessingException e) {
      throw new IOException(file + " is not a valid results file: " + e.getOriginalMessage());
    }
    if (f == null) throw new IOException(file + " is empty");
    if (f.format() == null || !f.format().startsWith("quorumlab-results/")) {
      throw new IOException(file + " is not a quorumlab results file (no \"format\": \"" + ResultsJson.FORMAT + "\")");
    }
    if (!f.format().equals(ResultsJson.FORMAT)) {
      throw new IOException(file + " has format " + f.format() + "; this quorumlab reads " + ResultsJson.FORMAT);
    }
    if (f.metrics() == null) throw new IOException(file + " has no metrics");
    return f.toResults();
  }

  /** Reads {@code runDir/spec.json}, keeping the option order; integers come back as Long. */
  public static Map<String, Object> readSpec(Path runDir) throws IOException {
    Path file = runDir.resolve(RunDirectory.SPEC);
    try {
      Map<String, Object> m = ResultsJson.MAPPER.readValue(Files.readAllBytes(file), new TypeReference<LinkedHashMap<String, Object>>() {});
      if (m == null) throw new IOException(file + " is empty");
      return m;
    } catch (NoSuchFileException e) {
      throw new IOException("no " + RunDirectory.SPEC + " in " + runDir);
    } catch (JsonProcessingException e) {
      throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
