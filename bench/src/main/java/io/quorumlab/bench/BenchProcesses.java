package io.quorumlab.bench;

import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import io.quorumlab.store.server.NodeConfigJson;
import io.quorumlab.store.server.NodeServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Benchmark fixtures as real processes on 127.0.0.1: a store cluster, an echo server. */
final class BenchProcesses {
  private BenchProcesses() {}

  static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
  }

  static Process java(Path log, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
  }

  /** Three store nodes (n, w, r as given; fsync never, strict quorum, read repair off, siblings). */
  static final class StoreCluster implements AutoCloseable {
    final List<Process> processes = new ArrayList<>();
    final List<Integer> ports;
    final Path dir;

    StoreCluster(int n, int w, int r) throws Exception {
      dir = Files.createTempDirectory("quorumlab-bench-");
      ports = freePorts(3);
      Map<String, String> members = new LinkedHashMap<>();
      for (int i = 0; i < 3; i++) {
        members.put("n" + (i + 1), "127.0.0.1:" + ports.get(i));
      }
      for (int i = 0; i < 3; i++) {
        String id = "n" + (i + 1);
        NodeConfig c = NodeConfig.defaults(id, ports.get(i), dir.resolve(id).toString(), members).toBuilder()
            .n(n).w(w).r(r).fsync(FsyncPolicy.NEVER).quorum(Quorum.STRICT).readRepair(ReadRepair.OFF)
            .conflicts(ConflictMode.SIBLINGS).build();
        Path config = dir.resolve(id + ".json");
        NodeConfigJson.write(c, config);
        processes.add(java(dir.resolve(id + ".log"), NodeServer.class.getName(), "--config", config.toString()));
      }
      for (int i = 0; i < 3; i++) {
        awaitPing(processes.get(i), ports.get(i));
      }
      // Peer links come up with a short backoff after every node listens.
      Thread.sleep(1500);
    }

    InetSocketAddress address(int i) {
      return new InetSocketAddress("127.0.0.1", ports.get(i));
    }

    @Override
    public void close() {
      processes.forEach(Process::destroyForcibly);
    }
  }

  static void awaitPing(Process p, int port) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    ClientOptions opts = ClientOptions.DEFAULTS.withConnectTimeoutMs(300);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("a benchmark process exited with " + p.exitValue());
      }
      try (NettyStoreClient c = NettyStoreClient.connect(new InetSocketAddress("127.0.0.1", port), opts)) {
        c.ping();
        return;
      } catch (StoreException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("a benchmark process did not answer on port " + port);
  }
}
