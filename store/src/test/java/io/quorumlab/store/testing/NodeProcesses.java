package io.quorumlab.store.testing;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.server.NodeConfigJson;
import io.quorumlab.store.server.NodeServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Nodes as separate JVM processes on 127.0.0.1 (NodeServer --config), with kill, pause and resume. */
public final class NodeProcesses implements AutoCloseable {
  private final Path dir;
  private final String heap;
  private final Map<String, NodeConfig> configs = new LinkedHashMap<>();
  private final Map<String, Process> processes = new LinkedHashMap<>();

  public NodeProcesses(int size, Path dir, String heap, UnaryOperator<NodeConfig> customize) throws Exception {
    this.dir = dir;
    this.heap = heap;
    List<Integer> ports = InJvmCluster.freePorts(size);
    Map<String, String> members = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      members.put("n" + (i + 1), "127.0.0.1:" + ports.get(i));
    }
    for (int i = 0; i < size; i++) {
      String id = "n" + (i + 1);
      configs.put(id, customize.apply(NodeConfig.defaults(id, ports.get(i), dir.resolve(id).toString(), members)));
    }
    for (String id : configs.keySet()) {
      launch(id);
    }
    for (String id : configs.keySet()) {
      awaitUp(id, 60_000);
    }
  }

  public List<String> nodes() {
    return List.copyOf(configs.keySet());
  }

  public NodeConfig config(String id) {
    return configs.get(id);
  }

  public Process process(String id) {
    return processes.get(id);
  }

  public void launch(String id) throws Exception {
    Path config = dir.resolve(id + ".json");
    NodeConfigJson.write(configs.get(id), config);
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        NodeServer.class.getName(), "--config", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(id + ".log").toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    processes.put(id, pb.start());
  }

  public void awaitUp(String id, long timeoutMs) throws Exception {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (System.nanoTime() < deadline) {
      if (!processes.get(id).isAlive()) {
        throw new IllegalStateException(id + " exited; see " + dir.resolve(id + ".log"));
      }
      try (NettyStoreClient c = client(id)) {
        c.ping();
        return;
      } catch (StoreException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(id + " did not start");
  }

  public NettyStoreClient client(String id) {
    return NettyStoreClient.connect(new InetSocketAddress("127.0.0.1", configs.get(id).port()),
        ClientOptions.DEFAULTS.withConnectTimeoutMs(500).withRequestTimeoutMs(2000));
  }

  /** The node's status, or null when it does not answer. */
  public NodeStatus status(String id) {
    try (NettyStoreClient c = client(id)) {
      return c.status();
    } catch (StoreException e) {
      return null;
    }
  }

  public void kill(String id) throws InterruptedException {
    Process p = processes.remove(id);
    if (p != null) {
      p.destroyForcibly().waitFor();
    }
  }

  /** SIGSTOP: the process keeps its sockets but runs nothing. */
  public void pause(String id) throws Exception {
    signal(id, "STOP");
  }

  public void resume(String id) throws Exception {
    signal(id, "CONT");
  }

  private void signal(String id, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(processes.get(id).pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + signal + " " + id + " failed");
    }
  }

  @Override
  public void close() {
    processes.values().forEach(p -> {
      p.destroyForcibly();
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    processes.clear();
  }
}
