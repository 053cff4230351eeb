package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import java.util.List;

/** SIGSTOP (docker pause) of one, a minority or a majority of the nodes; stop resumes them. */
public final class PauseNemesis extends NodeFaultNemesis {

  public PauseNemesis(List<Targets> targets) {
    super("pause", "paused", "resumed", targets);
  }

  @Override
  boolean unavailable(Cluster cluster, String node) {
    return cluster.paused().contains(node) || cluster.killed().contains(node);
  }

  @Override
  boolean stillFaulted(Cluster cluster, String node) {
    return cluster.paused().contains(node);
  }

  @Override
  void fault(Cluster cluster, String node) throws Exception {
    cluster.pause(node);
  }

  @Override
  void undo(Cluster cluster, String node) throws Exception {
    cluster.resume(node);
  }
}
