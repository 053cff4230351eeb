package io.quorumlab.store.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.testing.InJvmCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
  @TempDir Path dir;

  @Test
  void putThenGetOverRealSockets() throws Exception {
    try (InJvmCluster cluster = new InJvmCluster(3, dir, c -> c)) {
      NettyStoreClient c1 = cluster.client("n1");
      NettyStoreClient c2 = cluster.client("n2");
      assertThat(c1.ping()).isEqualTo("n1");
      c1.put("k", "v1".getBytes(StandardCharsets.UTF_8), Context.EMPTY, RequestOptions.DEFAULTS);
      GetResult r = c2.get("k", RequestOptions.DEFAULTS);
      assertThat(r.siblings()).hasSize(1);
      assertThat(new String(r.siblings().get(0), StandardCharsets.UTF_8)).isEqualTo("v1");
    }
  }
}
