package io.quorumlab.harness.cluster.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a harness must clean up if it dies without running its shutdown hook (kill -9, OOM, power):
 * the node processes it started and the temporary directory it made. Each cluster writes one file
 * in its own directory and one in a machine-wide directory: the first line names the harness
 * process, {@code tempdir} lines the temporary directory, the others its nodes. The next cluster
 * that starts kills those nodes and deletes that directory once the harness is gone. A pid is
 * killed only if the process with that pid still has the start time recorded, so a recycled pid is
 * never touched; a directory is deleted only if it is a {@value #TEMP_PREFIX}* directory.
 */
final class PidRegistry {
  static final String FILE_NAME = "cluster.pids";
  static final String TEMP_PREFIX = "quorumlab-local-";
  private static final String TEMP_DIR = "tempdir";
  private static final Path GLOBAL = Path.of(System.getProperty("java.io.tmpdir"), "quorumlab-nodes");

  private PidRegistry() {}

  record Entry(String name, long pid, long startMillis) {
    String line() {
      return name + " " + pid + " " + startMillis;
    }
  }

  /**
   * What {@link #reapStale} cleaned up after harnesses that had died.
   *
   * @param pids the node processes it killed
   * @param dirs the temporary directories it deleted
   * @param bytes what those directories held
   */
  record Reaped(List<Long> pids, List<Path> dirs, long bytes) {
    /** One line each for the processes and the directories; empty when nothing was left behind. */
    List<String> lines() {
      List<String> out = new ArrayList<>();
      if (!pids.isEmpty()) {
        out.add("stopped " + pids.size() + " node process" + (pids.size() == 1 ? "" : "es") + " (pid "
            + String.join(", ", pids.stream().map(String::valueOf).toList()) + ") left running by a harness that was killed");
      }
      if (!dirs.isEmpty()) {
        out.add("removed " + String.join(", ", dirs.stream().map(Path::toString).toList()) + " (" + megabytes(bytes)
            + ") left behind by a harness that was killed");
      }
      return out;
    }

    private static String megabytes(long bytes) {
      return bytes < 1 << 20 ? (bytes >> 10) + " KB" : (bytes >> 20) + " MB";
    }
  }

  static Path globalFile(String clusterId) {
    return GLOBAL.resolve(clusterId + ".pids");
  }

  static Entry self() {
    ProcessHandle me = ProcessHandle.current();
    return new Entry("harness", me.pid(), startMillis(me));
  }

  static long startMillis(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  /**
   * Writes (replaces) both pid files of a cluster: its harness, its temporary directory (null if it
   * has none) and its live nodes.
   */
  static void write(Path clusterDir, String clusterId, Path tempDir, Map<String, ProcessHandle> nodes) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(self().line());
    if (tempDir != null) lines.add(TEMP_DIR + " " + tempDir.toAbsolutePath());
    nodes.forEach((id, p) -> lines.add(new Entry(id, p.pid(), startMillis(p)).line()));
    for (Path f : List.of(clusterDir.resolve(FILE_NAME), globalFile(clusterId))) {
      Files.createDirectories(f.getParent());
      Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
      Files.write(tmp, lines);
      Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
  }

  static void remove(Path clusterDir, String clusterId) {
    try {
      Files.deleteIfExists(clusterDir.resolve(FILE_NAME));
      Files.deleteIfExists(globalFile(clusterId));
    } catch (IOException e) {
      // nothing to clean next time either way: the processes are gone
    }
  }

  /**
   * Cleans up after every earlier harness that is no longer running, as recorded in
   * {@code clusterDir} and in the machine-wide directory: kills its nodes and deletes its
   * temporary directory.
   */
  static Reaped reapStale(Path clusterDir) {
    List<Path> files = new ArrayList<>();
    Path own = clusterDir.resolve(FILE_NAME);
    if (Files.exists(own)) files.add(own);
    if (Files.isDirectory(GLOBAL)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(GLOBAL, "*.pids")) {
        ds.forEach(files::add);
      } catch (IOException e) {
        // an unreadable registry only means nothing can be reaped from it
      }
    }
    List<Long> killed = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    long bytes = 0;
    for (Path f : files) {
      List<Entry> entries = read(f);
      if (entries.isEmpty() || !entries.get(0).name().equals("harness")) continue;
      if (alive(entries.get(0))) continue; // its harness still runs and owns them
      List<ProcessHandle> dying = new ArrayList<>();
      for (Entry e : entries.subList(1, entries.size())) {
        Optional<ProcessHandle> p = matching(e);
        if (p.isPresent()) {
          p.get().descendants().forEach(ProcessHandle::destroyForcibly);
          p.get().destroyForcibly();
          dying.add(p.get());
          killed.add(e.pid());
        }
      }
      Optional<Path> temp = tempDir(f).filter(PidRegistry::isOurTempDir);
      if (temp.isPresent() && Files.isDirectory(temp.get())) {
        awaitExit(dying);
        long size = size(temp.get());
        if (deleteRecursively(temp.get())) {
          dirs.add(temp.get());
          bytes += size;
        }
      }
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        // reaped anyway
      }
    }
    return new Reaped(killed, dirs, bytes);
  }

  private static boolean alive(Entry e) {
    return matching(e).isPresent();
  }

  private static Optional<ProcessHandle> matching(Entry e) {
    return ProcessHandle.of(e.pid()).filter(ProcessHandle::isAlive)
        .filter(p -> Math.abs(startMillis(p) - e.startMillis()) < 1000);
  }

  /** The nodes must be gone before their data directory is deleted under them. */
  private static void awaitExit(List<ProcessHandle> processes) {
    for (ProcessHandle p : processes) {
      try {
        p.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        // deleted anyway: a killed process writes nothing more
      }
    }
  }

  /** A directory made by {@link LocalCluster} for a temporary cluster, and nothing else. */
  static boolean isOurTempDir(Path dir) {
    Path name = dir.getFileName();
    return dir.isAbsolute() && name != null && name.toString().startsWith(TEMP_PREFIX) && !dir.equals(dir.getRoot());
  }

  static List<Entry> read(Path f) {
    List<Entry> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(f)) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 3) continue;
        out.add(new Entry(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
      }
    } catch (IOException | NumberFormatException e) {
      return List.of();
    }
    return out;
  }

  private static Optional<Path> tempDir(Path f) {
    try {
      return Files.readAllLines(f).stream().filter(l -> l.startsWith(TEMP_DIR + " "))
          .map(l -> Path.of(l.substring(TEMP_DIR.length() + 1).strip())).findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static long size(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** True when {@code root} is gone afterwards. */
  static boolean deleteRecursively(Path root) {
    if (!Files.exists(root)) return true;
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
    return !Files.exists(root);
  }
}
