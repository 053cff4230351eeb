package io.quorumlab.harness.run;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.cluster.docker.DockerCluster;
import io.quorumlab.harness.cluster.docker.DockerClusterOptions;
import io.quorumlab.harness.cluster.local.LocalCluster;
import io.quorumlab.harness.cluster.local.LocalClusterOptions;
import io.quorumlab.harness.cluster.ssh.SshClusterOptions;
import io.quorumlab.harness.time.RealTimeLoop;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.config.NodeConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The backends a run can use: local, docker and ssh, then any other on the class path. */
public final class Backends {
  /** Local processes in real time; the cluster keeps its nodes' data in a temporary directory it deletes on close. */
  static final Backend LOCAL = new RealTime("local", false);
  /** Docker containers in real time. */
  static final Backend DOCKER = new RealTime("docker", true);

  /** The machines of {@code --backend ssh}, as the command line named them (none until it does). */
  private static volatile Backend ssh = new SshBackend(Optional.empty());

  private Backends() {}

  /**
   * Sets the machines and login the ssh backend uses in this process (the command line's
   * {@code --hosts} and {@code --ssh-*} options, once per command); empty: none, so that a command
   * without them does not inherit an earlier one's in the same process.
   */
  public static void useSsh(Optional<SshClusterOptions> hosts) {
    ssh = new SshBackend(hosts);
  }

  public static List<Backend> all() {
    List<Backend> out = new ArrayList<>(List.of(LOCAL, DOCKER, ssh));
    ServiceLoader.load(Backend.class).forEach(out::add);
    return out;
  }

  public static List<String> names() {
    return all().stream().map(Backend::name).toList();
  }

  public static Optional<Backend> byName(String name) {
    return all().stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /** The backend a spec names. @throws SpecException naming the ones there are */
  public static Backend of(RunSpec spec) {
    return byName(spec.backend()).orElseThrow(() -> new SpecException(
        "unknown backend '" + spec.backend() + "' (expected " + String.join(" or ", names()) + ")"));
  }

  /** The node settings every node of the run shares; nodes accept disk faults only when the run injects them. */
  static NodeConfig template(RunSpec s) {
    NodeConfig t = s.store().applyTo(NodeConfigs.template());
    return s.nemesis().faults().disk().isNone() ? t : t.toBuilder().diskFaults(true).build();
  }

  /** Real processes or containers, reached over TCP, on the real clock. */
  private record RealTime(String name, boolean docker) implements Backend {
    /** Docker nodes are containers of a fixed set the cluster creates at start: none joins later. */
    @Override
    public void validate(RunSpec spec) {
      Backend.super.validate(spec);
      if (docker && !spec.nemesis().faults().membership().isEmpty()) {
        throw new SpecException("--nemesis membership runs on the local and sim backends; the docker backend creates its"
            + " containers and their network rules once, at start, so no node can join it later");
      }
    }

    @Override
    public Deployment deploy(RunSpec spec) throws IOException {
      NodeConfig template = template(spec);
      Cluster cluster;
      if (docker) {
        DockerCluster c = new DockerCluster(DockerClusterOptions.of(spec.nodes(), template));
        c.preflight();
        cluster = c;
      } else {
        cluster = new LocalCluster(LocalClusterOptions.of(spec.nodes(), template));
      }
      return new Deployment(new RealTimeLoop(), cluster,
          (node, options) -> NettyStoreClient.connect(cluster.clientAddress(node), options));
    }
  }
}
