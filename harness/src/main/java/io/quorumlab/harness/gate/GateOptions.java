package io.quorumlab.harness.gate;

import io.quorumlab.harness.ExitCodes;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The CI gate's options, shared by {@code run} and {@code compare} as a picocli mixin:
 * {@code --junit FILE} and {@code --expect valid|invalid}.
 */
public final class GateOptions {
  @Option(names = "--junit", paramLabel = "FILE",
      description = "Also write the verdicts as JUnit XML: a test case per checker and one per configuration for its "
          + "expectation; failures carry the anomaly's explanation.")
  Path junit;

  @Option(names = "--expect", paramLabel = "valid|invalid", converter = ExpectationConverter.class,
      description = "Gate mode: exit 1 unless the verdict is as expected. valid: no anomaly may be found. invalid: an "
          + "anomaly must be found (so that a gate that can no longer catch one fails too). An unknown verdict always "
          + "fails. Without --expect the exit code is the verdict.")
  Expectation expect;

  public Path junit() {
    return junit;
  }

  public Expectation expect() {
    return expect;
  }

  /**
   * Refuses a JUnit path that cannot be written, before anything runs rather than after the whole
   * run: creates its directory and a file in it, as {@link JUnitReport#write} will.
   */
  public void validate() {
    if (junit == null) return;
    if (Files.isDirectory(junit)) throw new SpecException("--junit " + junit + " is a directory; give the XML file's name");
    Path dir = junit.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, ".junit-probe", ".tmp"));
    } catch (FileAlreadyExistsException e) {
      throw new SpecException("--junit " + junit + " cannot be written: " + e.getFile() + " is not a directory");
    } catch (AccessDeniedException e) {
      throw new SpecException("--junit " + junit + " cannot be written: permission denied in " + dir);
    } catch (FileSystemException e) {
      throw new SpecException("--junit " + junit + " cannot be written: no file can be created in " + dir
          + (e.getReason() != null ? " (" + e.getReason() + ")" : ""));
    } catch (IOException e) {
      throw new SpecException("--junit " + junit + " cannot be written: " + e.getMessage());
    }
  }

  /**
   * After {@code quorumlab run}: writes the JUnit file, prints the gate's line and returns the exit
   * code (the gate's when {@code --expect} was given, else the run's).
   */
  public int finish(PrintWriter out, PrintWriter err, RunSpec spec, RunOutcome outcome) {
    GateCase c = new GateCase(spec.label(), spec.label() + ", seed " + spec.seed(), spec.workload(), expect,
        List.of(new GateRun(spec.seed(), outcome.runDir(), outcome.results())));
    if (expect == null) return writeJUnit(err, "quorumlab run " + spec.workload(), List.of(c), outcome.exitCode());
    Judgement j = Gate.judge(c);
    int code = writeJUnit(err, "quorumlab run " + spec.workload(), List.of(c), j.passed() ? ExitCodes.VALID : ExitCodes.INVALID);
    out.println("gate        " + j.line() + " (exit " + code + ")");
    out.flush();
    return code;
  }

  /** Writes the JUnit file if one was asked for; a file that cannot be written turns a passing code into 2. */
  public int writeJUnit(PrintWriter err, String name, List<GateCase> cases, int code) {
    if (junit == null) return code;
    try {
      JUnitReport.write(junit, name, cases);
      err.println("junit       " + junit);
      err.flush();
      return code;
    } catch (IOException | RuntimeException e) {
      int unwritten = code == ExitCodes.VALID ? ExitCodes.UNKNOWN : code;
      err.println("quorumlab: cannot write the JUnit report " + junit + ": " + e.getMessage() + " (exit " + unwritten + ")");
      err.flush();
      return unwritten;
    }
  }

  /** "valid" / "invalid", any case; the error names the bad value. */
  public static final class ExpectationConverter implements ITypeConverter<Expectation> {
    @Override
    public Expectation convert(String value) {
      try {
        return Expectation.parse(value);
      } catch (SpecException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
