package io.quorumlab.harness.cli.store;

import io.quorumlab.harness.ExitCodes;
import io.quorumlab.harness.SpecException;
import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.client.InvalidRequestException;
import io.quorumlab.store.client.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cluster remove NODE}: force-removes a member that died for good. A live member announces
 * it LEFT on its behalf, gossip takes it out of every ring, and the nodes that replicate its ranges
 * from then on get its keys from the remaining replicas (anti-entropy, read repair). Refused (254,
 * nothing changed): an unknown node, a node whose process still runs or that answers (it would
 * keep announcing itself: let it leave, or stop it first), no other member answering, or a node the
 * others' failure detectors do not convict within the timeout.
 */
public final class RemoveNode {
  private RemoveNode() {}

  public static int run(Path dir, String id, long timeoutMs, PrintStream out, PrintStream err) throws Exception {
    ClusterState state = ClusterState.read(dir);
    ClusterState.Node node = state.node(id, dir);
    if (NodeLauncher.ours(node.pid(), node.startedMs()).isPresent() || NodeAdmin.status(node).isPresent()) {
      throw new SpecException("refusing to remove " + id + ": it is alive (pid " + node.pid() + ", " + node.address()
          + "); a live node leaves with 'quorumlab cluster leave " + id + "', or stop it first; nothing removed");
    }
    List<ClusterState.Node> rest = new ArrayList<>(state.nodes());
    rest.remove(node);
    Map<String, NodeStatus> live = NodeAdmin.statuses(rest);
    if (live.isEmpty()) {
      throw new SpecException("refusing to remove " + id + ": no other node of the cluster in " + dir + " answers; nothing removed");
    }
    ClusterState.Node via = state.node(live.keySet().iterator().next(), dir);
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (!convicted(via, id) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    try {
      NodeAdmin.admin(via, "remove " + id);
    } catch (InvalidRequestException e) {
      throw new SpecException("refusing to remove " + id + ": " + e.getMessage());
    } catch (StoreException e) {
      err.println("quorumlab: " + via.id() + " did not take the removal of " + id + ": " + e.getMessage());
      return ExitCodes.UNKNOWN;
    }
    LeaveNode.awaitOthersSeeLeft(rest, id, 10_000);
    new ClusterState(state.n(), state.w(), state.r(), rest).write(dir);
    List<String> failed = NodeAdmin.editConfigs(rest, c -> NodeAdmin.withoutMember(c, id));
    failed.forEach(f -> err.println("quorumlab: could not remove " + id + " from the config of " + f));
    out.println(id + " removed through " + via.id() + ": it is out of every ring; the replicas that take over its ranges get"
        + " its keys from the remaining replicas (anti-entropy, read repair)");
    return ExitCodes.VALID;
  }

  /** Whether {@code via}'s failure detector has convicted {@code id} (or it is gone already). */
  private static boolean convicted(ClusterState.Node via, String id) {
    return NodeAdmin.status(via).map(s -> {
      NodeStatus.Member m = s.member(id);
      return m == null || m.status().equals("LEFT") || m.detector().equals("down");
    }).orElse(false);
  }
}
