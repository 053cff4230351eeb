package io.quorumlab.harness.run;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.cluster.docker.DockerCluster;
import io.quorumlab.harness.cluster.docker.DockerClusterOptions;
import io.quorumlab.harness.cluster.local.LocalCluster;
import io.quorumlab.harness.cluster.local.LocalClusterOptions;
import io.quorumlab.store.config.NodeConfig;
import java.io.IOException;
import java.util.List;

/** Builds the cluster a {@link RunSpec} asks for. */
final class Clusters {
  static final List<String> BACKENDS = List.of("local", "docker");

  private Clusters() {}

  /** The node settings every node of the run shares. */
  static NodeConfig template(RunSpec s) {
    return NodeConfigs.template().toBuilder().n(s.n()).w(s.w()).r(s.r()).quorum(s.quorum()).readRepair(s.readRepair())
        .conflicts(s.conflicts()).fsync(s.fsync()).requestTimeoutMs(s.requestTimeoutMs()).build();
  }

  /**
   * A cluster, not started. The local backend keeps its nodes' data in a temporary directory that
   * closing the cluster deletes (the logs are collected into the run directory first).
   *
   * @throws SpecException when the backend cannot run here (no Docker engine, no base image)
   */
  static Cluster create(RunSpec s) throws IOException {
    NodeConfig template = template(s);
    return switch (s.backend()) {
      case "local" -> new LocalCluster(LocalClusterOptions.of(s.nodes(), template));
      case "docker" -> {
        DockerCluster c = new DockerCluster(DockerClusterOptions.of(s.nodes(), template));
        c.preflight();
        yield c;
      }
      default -> throw new SpecException("unknown backend '" + s.backend() + "' (expected " + String.join(" or ", BACKENDS) + ")");
    };
  }
}
