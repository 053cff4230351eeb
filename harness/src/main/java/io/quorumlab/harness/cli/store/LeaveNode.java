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
import java.util.Optional;

/**
 * {@code cluster leave NODE}: the node announces LEAVING, hands each key it replicates to the
 * node(s) that replicate it without it, delivers its hints and announces LEFT; then its process is
 * stopped and it is removed from the cluster's state. Refused (254, nothing moves): an unknown
 * node, a node that does not answer (it could not hand its data off), a leave that would leave
 * fewer nodes than N in the ring.
 */
public final class LeaveNode {
  private LeaveNode() {}

  public static int run(Path dir, String id, long timeoutMs, PrintStream out, PrintStream err) throws Exception {
    ClusterState state = ClusterState.read(dir);
    ClusterState.Node node = state.node(id, dir);
    NodeStatus status = NodeAdmin.status(node).orElseThrow(() -> new SpecException("refusing to let " + id + " leave: it does"
        + " not answer at " + node.address() + ", so it cannot hand off its data; nothing moved"));
    if (status.ringSize() - 1 < status.n()) {
      throw new SpecException("refusing to let " + id + " leave: it would leave " + (status.ringSize() - 1)
          + " nodes in the ring, fewer than N=" + status.n() + "; nothing moved");
    }
    long started = System.nanoTime();
    try {
      NodeAdmin.admin(node, "leave");
    } catch (InvalidRequestException e) {
      throw new SpecException("refusing to let " + id + " leave: " + e.getMessage());
    } catch (StoreException e) {
      err.println("quorumlab: " + id + " did not take the leave request: " + e.getMessage());
      return ExitCodes.UNKNOWN;
    }
    out.println(id + " is leaving: handing its ranges off");
    long deadline = started + timeoutMs * 1_000_000L;
    NodeStatus last = status;
    while (System.nanoTime() < deadline) {
      Optional<NodeStatus> s = NodeAdmin.status(node);
      if (s.isPresent()) {
        last = s.get();
        if (last.state().equals("LEFT")) {
          break;
        }
      }
      Thread.sleep(200);
    }
    if (!last.state().equals("LEFT")) {
      err.println("quorumlab: " + id + " has not finished leaving after " + timeoutMs + " ms (" + last.transfer().detail()
          + "); it is still running and keeps handing off");
      return ExitCodes.UNKNOWN;
    }
    List<ClusterState.Node> rest = new ArrayList<>(state.nodes());
    rest.remove(node);
    awaitOthersSeeLeft(rest, id, 10_000);
    boolean stopped = NodeLauncher.ours(node.pid(), node.startedMs()).map(h -> NodeLauncher.stop(h, 10_000)).orElse(true);
    new ClusterState(state.n(), state.w(), state.r(), rest).write(dir);
    List<String> failed = NodeAdmin.editConfigs(rest, c -> NodeAdmin.withoutMember(c, id));
    failed.forEach(f -> err.println("quorumlab: could not remove " + id + " from the config of " + f));
    long ms = (System.nanoTime() - started) / 1_000_000;
    out.printf("%s left in %.1f s: handed off %d keys (%s)%s; %s%n", id, ms / 1000.0, last.transfer().keysSent(),
        StatusView.bytes(last.transfer().bytesSent()), last.handoff().queued() > 0
            ? ", " + last.handoff().queued() + " hints undelivered (their owners are down)" : "",
        stopped ? "process stopped (pid " + node.pid() + ")" : "its process did not stop (pid " + node.pid() + ")");
    return stopped ? ExitCodes.VALID : ExitCodes.UNKNOWN;
  }

  /** Gives gossip a moment to tell the others, so requests stop going to the node before it stops. */
  static void awaitOthersSeeLeft(List<ClusterState.Node> others, String id, long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (System.nanoTime() < deadline) {
      boolean all = NodeAdmin.statuses(others).values().stream().allMatch(s -> {
        NodeStatus.Member m = s.member(id);
        return m == null || m.status().equals("LEFT");
      });
      if (all) {
        return;
      }
      Thread.sleep(200);
    }
  }
}
