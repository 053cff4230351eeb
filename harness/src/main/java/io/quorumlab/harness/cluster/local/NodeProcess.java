package io.quorumlab.harness.cluster.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** One node's JVM: its files, its port and the process running it now (if any). */
final class NodeProcess {
  final String id;
  final Path dir;
  final Path dataDir;
  final Path configFile;
  final Path logFile;
  private volatile int port;
  private volatile Process process;
  private volatile boolean paused;

  NodeProcess(String id, Path clusterDir) {
    this.id = id;
    this.dir = clusterDir.resolve(id);
    this.dataDir = dir.resolve("data");
    this.configFile = dir.resolve("node.json");
    this.logFile = dir.resolve("node.log");
  }

  int port() {
    return port;
  }

  void port(int value) {
    port = value;
  }

  Process process() {
    return process;
  }

  boolean running() {
    Process p = process;
    return p != null && p.isAlive();
  }

  boolean paused() {
    return paused;
  }

  /** Spawns the JVM; its output is appended to the node's log across restarts. */
  void spawn(List<String> command) throws IOException {
    Files.createDirectories(dataDir);
    Files.writeString(logFile, "=== quorumlab: starting " + id + " on port " + port + " at " + Instant.now() + "\n",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.PIPE);
    process = pb.start();
    paused = false;
  }

  /**
   * Waits until the node's own process listens on its port (not merely until something accepts
   * connections there). Returns normally when it does; throws when the process exits first or the
   * deadline passes.
   */
  void awaitListening(long deadlineNanos) throws IOException, InterruptedException {
    while (true) {
      Process p = process;
      if (p == null || !p.isAlive()) {
        throw new NodeStartException(id, "exited with code " + (p == null ? "?" : p.exitValue()) + " before listening on port "
            + port, logTail(20));
      }
      Optional<Boolean> own = ListeningSockets.listens(p.pid(), port);
      if (own.isPresent()) {
        if (own.get()) return;
      } else {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", port), 200);
          return;
        } catch (IOException e) {
          // not listening yet
        }
      }
      if (System.nanoTime() > deadlineNanos) {
        throw new NodeStartException(id, "did not listen on port " + port + " in time", logTail(20));
      }
      Thread.sleep(50);
    }
  }

  /** SIGKILL of the JVM and anything it spawned; waits until it is gone. */
  void kill() throws InterruptedException {
    Process p = process;
    if (p == null) return;
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    p.waitFor(10, TimeUnit.SECONDS);
    paused = false;
  }

  /** SIGTERM, so the node may close its storage; the caller escalates to {@link #kill()}. */
  void terminate() {
    Process p = process;
    if (p == null || !p.isAlive()) return;
    if (paused) signal("CONT");
    p.destroy();
  }

  void pause() throws IOException, InterruptedException {
    signal("STOP");
    paused = true;
  }

  void resume() throws IOException, InterruptedException {
    signal("CONT");
    paused = false;
  }

  private void signal(String sig) {
    Process p = process;
    if (p == null || !p.isAlive()) throw new IllegalStateException(id + " is not running");
    try {
      Process k = new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).redirectErrorStream(true).start();
      String out = new String(k.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!k.waitFor(5, TimeUnit.SECONDS) || k.exitValue() != 0) {
        throw new IllegalStateException("kill -" + sig + " " + p.pid() + " failed: " + out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill -" + sig + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending SIG" + sig + " to " + id, e);
    }
  }

  OptionalLong residentBytes() {
    Process p = process;
    if (p == null || !p.isAlive()) return OptionalLong.empty();
    return ProcStatus.residentBytes(p.pid());
  }

  /** The last lines of the node's log, for error messages. */
  String logTail(int lines) {
    try (RandomAccessFile f = new RandomAccessFile(logFile.toFile(), "r")) {
      long len = f.length();
      long from = Math.max(0, len - 8192);
      f.seek(from);
      byte[] b = new byte[(int) (len - from)];
      f.readFully(b);
      String[] all = new String(b, StandardCharsets.UTF_8).split("\n");
      List<String> tail = new ArrayList<>();
      for (int i = Math.max(0, all.length - lines); i < all.length; i++) tail.add(all[i]);
      return String.join("\n", tail);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** True when the log says the port was taken (another process got it between choice and bind). */
  boolean portWasTaken() {
    return logTail(40).contains("Address already in use");
  }

  /** A port that was free a moment ago on 127.0.0.1. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    }
  }
}
