package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import java.util.List;

/** kill -9 of one, a minority or a majority of the nodes; stop restarts them from their disks. */
public final class KillNemesis extends NodeFaultNemesis {

  public KillNemesis(List<Targets> targets) {
    super("kill", "killed", "restarted", targets);
  }

  @Override
  boolean unavailable(Cluster cluster, String node) {
    return cluster.killed().contains(node);
  }

  @Override
  boolean stillFaulted(Cluster cluster, String node) {
    return cluster.killed().contains(node);
  }

  @Override
  void fault(Cluster cluster, String node) throws Exception {
    cluster.kill(node);
  }

  @Override
  void undo(Cluster cluster, String node) throws Exception {
    cluster.restart(node);
  }
}
