package io.quorumlab.harness.cluster.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a given process itself listens on a TCP port, from Linux's /proc: the inodes of the
 * listening sockets on that port, matched against the process's open file descriptors. A plain
 * connect cannot tell: any process that bound the port (the node's own earlier incarnation, a
 * stranger that took it) accepts connections into its backlog.
 */
final class ListeningSockets {
  private static final Path PROC = Path.of("/proc");
  private static final String LISTEN = "0A";

  private ListeningSockets() {}

  /** Empty when /proc cannot answer (not Linux): the caller falls back to connecting. */
  static Optional<Boolean> listens(long pid, int port) {
    if (!Files.isDirectory(PROC.resolve("self").resolve("fd"))) return Optional.empty();
    Set<String> inodes = new HashSet<>();
    try {
      for (String table : new String[] {"tcp", "tcp6"}) {
        Path f = PROC.resolve("net").resolve(table);
        if (!Files.exists(f)) continue;
        for (String line : Files.readAllLines(f)) {
          String[] c = line.trim().split("\\s+");
          // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
          if (c.length < 10 || !c[3].equals(LISTEN)) continue;
          int colon = c[1].lastIndexOf(':');
          if (colon < 0) continue;
          if (Integer.parseInt(c[1].substring(colon + 1), 16) == port) inodes.add(c[9]);
        }
      }
      if (inodes.isEmpty()) return Optional.of(false);
      Path fdDir = PROC.resolve(Long.toString(pid)).resolve("fd");
      if (!Files.isDirectory(fdDir)) return Optional.of(false); // the process is gone
      try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
        for (Path fd : fds) {
          String target;
          try {
            target = Files.readSymbolicLink(fd).toString();
          } catch (IOException e) {
            continue; // closed meanwhile
          }
          if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) return Optional.of(true);
        }
      }
      return Optional.of(false);
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.of(false); // the process exited while we looked
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
