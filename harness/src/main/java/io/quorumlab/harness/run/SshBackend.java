package io.quorumlab.harness.run;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.ssh.SshCluster;
import io.quorumlab.harness.cluster.ssh.SshClusterOptions;
import io.quorumlab.harness.time.RealTimeLoop;
import io.quorumlab.store.client.NettyStoreClient;
import java.util.Optional;

/**
 * Real machines reached over SSH, one node each, in real time. Which machines and how to log in
 * come from the command line ({@code --hosts}, {@code --ssh-*}): {@link Backends#useSsh} sets them
 * for the process; without them the backend refuses every spec.
 *
 * @param hosts the machines and the login, with any node template (each run sets its own)
 */
record SshBackend(Optional<SshClusterOptions> hosts) implements Backend {
  static final String NAME = "ssh";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void validate(RunSpec spec) {
    Backend.super.validate(spec);
    SshClusterOptions o = hosts.orElseThrow(() -> new SpecException(
        "--backend ssh needs the machines: --hosts h1,h2,... or --hosts-file FILE (one node on each)"));
    if (o.hosts().size() != spec.nodes()) {
      throw new SpecException("the ssh backend runs one node on each host: --nodes " + spec.nodes() + " needs " + spec.nodes()
          + " hosts, and " + o.hosts().size() + " are given (" + String.join(", ", o.hosts().stream().map(Object::toString).toList())
          + "); give --nodes " + o.hosts().size());
    }
    if (!spec.nemesis().faults().membership().isEmpty()) {
      throw new SpecException("--nemesis membership runs on the local and sim backends; the ssh backend starts one node on"
          + " each of its hosts, at start, so no node can join it later");
    }
  }

  /** @throws io.quorumlab.harness.cluster.ClusterUnavailableException naming each host that cannot take a node (nothing started on any) */
  @Override
  public Deployment deploy(RunSpec spec) {
    validate(spec);
    SshCluster c = new SshCluster(hosts.orElseThrow().withTemplate(Backends.template(spec)));
    c.preflight();
    return new Deployment(new RealTimeLoop(), c, (node, options) -> NettyStoreClient.connect(c.clientAddress(node), options));
  }
}
