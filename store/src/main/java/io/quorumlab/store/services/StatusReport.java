package io.quorumlab.store.services;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.membership.Gossiper;
import io.quorumlab.store.membership.MemberState;
import io.quorumlab.store.membership.MemberStatus;
import io.quorumlab.store.node.Node;
import io.quorumlab.store.ring.Ring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Builds {@link NodeStatus} from the node's components. */
final class StatusReport {
  private StatusReport() {}

  static NodeStatus of(Node node, MembershipService membership, HandoffService handoff, AntiEntropyService antiEntropy,
      TransferService transfer, long now) {
    String self = node.id();
    Gossiper gossiper = membership.gossiper();
    Ring ring = membership.ring();
    Map<String, Double> ownership = ring.ownership();
    TreeSet<String> ids = new TreeSet<>(node.config().members().keySet());
    gossiper.members().forEach(m -> ids.add(m.id()));
    List<NodeStatus.Member> members = new ArrayList<>();
    for (String id : ids) {
      Optional<MemberState> m = gossiper.member(id);
      String address = node.config().members().containsKey(id) ? node.config().members().get(id)
          : gossiper.address(id).orElse("");
      boolean isSelf = id.equals(self);
      String detector;
      if (isSelf) {
        detector = "self";
      } else if (m.isEmpty()) {
        detector = "unknown";
      } else if (m.get().status() == MemberStatus.LEFT) {
        detector = "left";
      } else {
        detector = gossiper.isAlive(id) ? "up" : "down";
      }
      members.add(new NodeStatus.Member(id, address,
          m.map(x -> x.status().name()).orElse("UNKNOWN"),
          m.map(MemberState::generation).orElse(0L),
          m.map(MemberState::version).orElse(0L),
          gossiper.phi(id, now),
          detector,
          isSelf || membership.links().isAlive(id),
          membership.isRoutable(id),
          ownership.getOrDefault(id, 0.0),
          handoff.pending(id)));
    }
    NodeStatus.Handoff hints = new NodeStatus.Handoff(handoff.queued(), handoff.queuedByOwner(), handoff.stored(),
        handoff.delivered(), handoff.batchesSent(), handoff.failures());
    NodeStatus.Gossip gossip = new NodeStatus.Gossip(membership.gossipConfig().intervalMs(), membership.messagesSent(),
        membership.messagesReceived(), membership.bytesSent(), membership.bytesReceived(), membership.uptimeMs());
    return new NodeStatus(self, membership.localStatus().name(), membership.generation(), node.config().n(),
        node.config().quorum().wireName(), ring.nodes().size(), members, hints,
        antiEntropy.status(), transfer.status(), gossip);
  }
}
