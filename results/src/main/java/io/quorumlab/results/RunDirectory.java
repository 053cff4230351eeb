package io.quorumlab.results;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The layout of a run's directory: {@code <runsRoot>/<workload>/<yyyyMMdd-HHmmss[-n]>/} holding
 * {@link #SPEC}, {@link #HISTORY}, {@link #RESULTS}, {@link #REPORT} and {@link #NODES} (and, for a small
 * simulated run, {@link #MESSAGES}); and
 * {@code <runsRoot>/latest} pointing at the newest run.
 */
public final class RunDirectory {
  public static final String HISTORY = "history.jsonl";
  public static final String SPEC = "spec.json";
  public static final String RESULTS = "results.json";
  public static final String REPORT = "report.html";
  public static final String NODES = "nodes";
  /** Every message of a small simulated run, one JSON object a line (the report's message diagram). */
  public static final String MESSAGES = "messages.jsonl";
  /** Name of the pointer to the newest run inside the runs root. */
  public static final String LATEST = "latest";

  static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  private RunDirectory() {}

  /**
   * Creates a fresh, unique run directory (with its {@link #NODES} subdirectory) for {@code workload}
   * and points {@code runsRoot/latest} at it.
   *
   * @return the new run directory
   */
  public static Path create(Path runsRoot, String workload) throws IOException {
    return create(runsRoot, workload, LocalDateTime.now());
  }

  /** As {@link #create(Path, String)} with an explicit timestamp (for tests and replays). */
  public static Path create(Path runsRoot, String workload, LocalDateTime now) throws IOException {
    return create(runsRoot, workload, now, true);
  }

  /**
   * As {@link #create(Path, String, LocalDateTime)}; {@code pointLatest} false leaves
   * {@code runsRoot/latest} alone (for directories that are not runs, e.g. {@code runs/compare/...}).
   */
  public static Path create(Path runsRoot, String workload, LocalDateTime now, boolean pointLatest) throws IOException {
    if (workload == null || workload.isBlank() || !workload.matches("[A-Za-z0-9._-]+") || workload.startsWith(".")) {
      throw new IllegalArgumentException("workload name '" + workload + "' cannot name a directory (use letters, digits, '.', '_' or '-')");
    }
    Path parent = runsRoot.resolve(workload);
    Files.createDirectories(parent);
    String stamp = STAMP.format(now);
    Path dir = null;
    // createDirectory is atomic: two runs started in the same second get -1, -2, ... suffixes.
    for (int n = 0; dir == null; n++) {
      Path candidate = parent.resolve(n == 0 ? stamp : stamp + "-" + n);
      try {
        Files.createDirectory(candidate);
        dir = candidate;
      } catch (FileAlreadyExistsException taken) {
        if (n > 10_000) throw new IOException("cannot find a free run directory name under " + parent);
      }
    }
    Files.createDirectories(dir.resolve(NODES));
    if (pointLatest) pointLatest(runsRoot, dir);
    return dir;
  }

  /**
   * Points {@code runsRoot/latest} at {@code runDir}: a relative symbolic link, or where links are
   * impossible a text file {@code latest} holding the run directory's path relative to the root.
   */
  public static void pointLatest(Path runsRoot, Path runDir) throws IOException {
    Path latest = runsRoot.resolve(LATEST);
    Path target = runsRoot.toAbsolutePath().normalize().relativize(runDir.toAbsolutePath().normalize());
    // Build the new pointer beside the old one and rename it over, so readers never see no pointer.
    Path tmp = runsRoot.resolve("." + LATEST + "." + ProcessHandle.current().pid() + "." + System.nanoTime());
    try {
      Files.createSymbolicLink(tmp, target);
    } catch (UnsupportedOperationException | IOException | SecurityException noLinks) {
      Files.deleteIfExists(tmp);
      Files.writeString(tmp, slashes(target) + "\n");
    }
    try {
      Files.move(tmp, latest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException notAtomic) {
      if (Files.isDirectory(latest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.deleteIfExists(tmp);
        throw new IOException(latest + " is a real directory; cannot point it at the newest run");
      }
      Files.move(tmp, latest, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Resolves {@code runsRoot/latest} (symlink or text file) to the newest run directory.
   *
   * @throws IOException when there is no latest run
   */
  public static Path latest(Path runsRoot) throws IOException {
    Path latest = runsRoot.resolve(LATEST);
    if (Files.isSymbolicLink(latest)) {
      return runsRoot.resolve(Files.readSymbolicLink(latest)).normalize();
    }
    if (Files.isRegularFile(latest)) {
      return runsRoot.resolve(Files.readString(latest).trim()).normalize();
    }
    if (Files.isDirectory(latest)) return latest;
    throw new IOException("no latest run under " + runsRoot + " (run 'quorumlab run' first)");
  }

  static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }
}
