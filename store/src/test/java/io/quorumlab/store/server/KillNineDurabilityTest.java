package io.quorumlab.store.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.testing.InJvmCluster;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes as separate processes (fsync=always). A writer puts with W=3, so every
 * acknowledged write was acknowledged by n2 too; n2 is killed with SIGKILL mid-stream and
 * restarted from its disk. With the other two gone, n2 alone (R=1) must still return every
 * acknowledged write.
 */
class KillNineDurabilityTest {
  @TempDir Path dir;
  final Map<String, Process> processes = new LinkedHashMap<>();
  final Map<String, NodeConfig> configs = new LinkedHashMap<>();

  @AfterEach
  void killAll() {
    processes.values().forEach(Process::destroyForcibly);
  }

  Process launch(String id) throws Exception {
    Path config = dir.resolve(id + ".json");
    NodeConfigJson.write(configs.get(id), config);
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        NodeServer.class.getName(), "--config", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(id + ".log").toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    processes.put(id, p);
    return p;
  }

  void awaitUp(String id) throws Exception {
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", configs.get(id).port());
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      assertThat(processes.get(id).isAlive()).as(id + " exited; see " + dir.resolve(id + ".log")).isTrue();
      try (NettyStoreClient c = NettyStoreClient.connect(address, ClientOptions.DEFAULTS.withConnectTimeoutMs(300))) {
        c.ping();
        return;
      } catch (StoreException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError(id + " did not start");
  }

  @Test
  void aRestartedNodeKeepsEveryWriteItAcknowledged() throws Exception {
    List<Integer> ports = InJvmCluster.freePorts(3);
    Map<String, String> members = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      members.put("n" + (i + 1), "127.0.0.1:" + ports.get(i));
    }
    for (int i = 0; i < 3; i++) {
      String id = "n" + (i + 1);
      configs.put(id, NodeConfig.defaults(id, ports.get(i), dir.resolve(id).toString(), members)
          .withFsync(FsyncPolicy.ALWAYS).withQuorum(Quorum.STRICT).withVnodes(32));
    }
    for (String id : configs.keySet()) {
      launch(id);
    }
    for (String id : configs.keySet()) {
      awaitUp(id);
    }

    List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    RequestOptions w3 = RequestOptions.DEFAULTS.withW(3).withTimeoutMs(500);
    Thread writer = new Thread(() -> {
      try (NettyStoreClient c = NettyStoreClient.connect("127.0.0.1", ports.get(0))) {
        for (int i = 0; i < 5000 && !stop.get(); i++) {
          try {
            c.put("key-" + i, ("value-" + i).getBytes(StandardCharsets.UTF_8), Context.EMPTY, w3);
            acknowledged.add("key-" + i);
          } catch (StoreException e) {
            // unacknowledged: n2 is down, or the outcome is unknown
          }
        }
      }
    });
    writer.start();
    long start = System.nanoTime();
    while (acknowledged.size() < 150 && System.nanoTime() - start < 20_000_000_000L) {
      Thread.sleep(5);
    }
    processes.get("n2").destroyForcibly().waitFor(); // SIGKILL, mid-stream
    Thread.sleep(300);
    stop.set(true);
    writer.join(10_000);
    assertThat(acknowledged.size()).isGreaterThanOrEqualTo(150);

    launch("n2");
    awaitUp("n2");
    processes.remove("n1").destroyForcibly().waitFor();
    processes.remove("n3").destroyForcibly().waitFor();

    List<String> lost = new ArrayList<>();
    try (NettyStoreClient c = NettyStoreClient.connect("127.0.0.1", ports.get(1))) {
      RequestOptions r1 = RequestOptions.DEFAULTS.withR(1);
      for (String key : List.copyOf(acknowledged)) {
        GetResult r = c.get(key, r1);
        String want = "value-" + key.substring(4);
        if (r.siblings().size() != 1 || !new String(r.siblings().get(0), StandardCharsets.UTF_8).equals(want)) {
          lost.add(key);
        }
      }
    }
    System.out.printf("kill -9: %d writes acknowledged at W=3 before and around the kill, %d lost%n", acknowledged.size(), lost.size());
    assertThat(lost).isEmpty();
  }
}
