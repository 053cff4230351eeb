package io.quorumlab.harness.cli.store;

import io.quorumlab.harness.cluster.NodeCommand;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.StoreException;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Starts, probes and stops detached {@code quorumlab serve} processes for {@code cluster start|stop}. */
public final class NodeLauncher {
  private NodeLauncher() {}

  /** Spawns {@code java -cp <this JVM's classpath> Main serve --config FILE}, detached, output to {@code log}. */
  public static Process spawn(Path config, Path log, String heap) throws IOException {
    List<String> cmd = NodeCommand.of(List.of("-Xmx" + heap, "-XX:+UseSerialGC"), NodeCommand.CLI_MAIN).serve(config);
    Files.createDirectories(log.toAbsolutePath().getParent());
    return new ProcessBuilder(cmd)
        .directory(config.toAbsolutePath().getParent().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  /** Waits until the node answers a ping; false if the process died or the deadline passed. */
  public static boolean awaitPing(Process process, InetSocketAddress address, long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    ClientOptions opts = ClientOptions.DEFAULTS.withConnectTimeoutMs(500).withRequestTimeoutMs(1000);
    while (System.nanoTime() < deadline) {
      if (process != null && !process.isAlive()) {
        return false;
      }
      if (ping(address, opts).isPresent()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** The node id answering at {@code address}, if any. */
  public static Optional<String> ping(InetSocketAddress address, ClientOptions opts) {
    try (NettyStoreClient client = NettyStoreClient.connect(address, opts)) {
      return Optional.of(client.ping());
    } catch (StoreException e) {
      return Optional.empty();
    }
  }

  /** When {@code h} started (epoch ms), or 0 when the OS does not say. */
  public static long startedMs(ProcessHandle h) {
    return h.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
  }

  /**
   * The live process {@code pid} if it is still the one we started: pids get reused, and we must
   * not signal a stranger. Its start instant must match; without one, its command line must be a
   * {@code serve}.
   */
  public static Optional<ProcessHandle> ours(long pid, long startedMs) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> {
      long started = startedMs(h);
      if (started != 0 && startedMs != 0) {
        return Math.abs(started - startedMs) < 1000;
      }
      return h.info().commandLine().map(c -> c.contains(" serve ")).orElse(true);
    });
  }

  /** SIGTERM, then SIGKILL after {@code graceMs}. True when it is gone. */
  public static boolean stop(ProcessHandle h, long graceMs) {
    h.destroy();
    try {
      h.onExit().get(graceMs, TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      h.destroyForcibly();
      try {
        h.onExit().get(5, TimeUnit.SECONDS);
        return true;
      } catch (Exception again) {
        return !h.isAlive();
      }
    }
  }

  /** The last {@code lines} lines of a log, for start-up failures. */
  public static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
