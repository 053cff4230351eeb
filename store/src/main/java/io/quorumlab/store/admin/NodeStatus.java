package io.quorumlab.store.admin;

import io.quorumlab.store.storage.StorageHealth;
import java.util.List;
import java.util.Map;

/**
 * What one node knows of the cluster, as {@code status} answers it: its own state, every member as
 * its failure detector sees it, and the progress of hinted handoff, anti-entropy and range
 * transfer. Serialised as JSON by {@link AdminJson}.
 *
 * @param node this node's id
 * @param state this node's membership status: JOINING, UP, LEAVING or LEFT
 * @param generation this incarnation's generation (grows on every restart)
 * @param n replicas per key
 * @param quorum the cluster's default quorum kind (strict or sloppy)
 * @param ringSize members whose tokens route requests (UP and LEAVING)
 * @param members every member this node knows, itself included, in id order
 * @param storage whether this node's storage accepts writes, and its failures since start (null from
 *     a node that does not report it)
 */
public record NodeStatus(String node, String state, long generation, int n, String quorum, int ringSize,
    List<Member> members, Handoff handoff, AntiEntropy antiEntropy, Transfer transfer, Gossip gossip,
    StorageHealth storage) {

  /** The status before the storage's health is added ({@link #withStorage}). */
  public NodeStatus(String node, String state, long generation, int n, String quorum, int ringSize,
      List<Member> members, Handoff handoff, AntiEntropy antiEntropy, Transfer transfer, Gossip gossip) {
    this(node, state, generation, n, quorum, ringSize, members, handoff, antiEntropy, transfer, gossip, null);
  }

  public NodeStatus withStorage(StorageHealth health) {
    return new NodeStatus(node, state, generation, n, quorum, ringSize, members, handoff, antiEntropy, transfer, gossip, health);
  }

  /**
   * One member as this node sees it.
   *
   * @param status the member's announced status (JOINING, UP, LEAVING, LEFT)
   * @param generation the member's generation as gossip last told it
   * @param heartbeat the member's heartbeat version as gossip last told it
   * @param phi current suspicion of the member (0 for this node and members not heard from)
   * @param detector "self", "up" (phi below the threshold) or "down" (convicted)
   * @param linkUp whether this node's connection to the member is up
   * @param routable whether requests coordinated here count on the member
   * @param ownership share of the hash ring whose primary the member is (0..1)
   * @param hintsQueued hints this node holds for the member
   */
  public record Member(String id, String address, String status, long generation, long heartbeat, double phi,
      String detector, boolean linkUp, boolean routable, double ownership, long hintsQueued) {}

  /**
   * @param queued hints held here, all owners together
   * @param delivered hints delivered and acknowledged since start
   */
  public record Handoff(long queued, Map<String, Long> queuedByOwner, long stored, long delivered, long batchesSent,
      long failures) {}

  /**
   * @param intervalMs between periodic exchanges (0: periodic exchanges are off)
   * @param sessions exchanges finished since start (this node initiating or answering)
   * @param keysRepaired keys this node rewrote because a peer had something it lacked
   * @param bytes encoded bytes of every exchange, both directions
   * @param lastExchangeAgoMs since the last finished exchange (-1: none yet)
   */
  public record AntiEntropy(long intervalMs, long sessions, long inSync, long repaired, long failed, long running,
      long keysRepaired, long bytes, long lastExchangeAgoMs, List<Peer> peers) {}

  /** The last exchange with one peer. */
  public record Peer(String peer, long agoMs, String outcome, long keysRepaired, long bytes) {}

  /**
   * Range transfer of a join or a leave.
   *
   * @param activity idle, joining, joined, leaving or left
   * @param streams transfers still running (to or from this node)
   */
  public record Transfer(String activity, long keysSent, long bytesSent, long keysReceived, long bytesReceived,
      int streams, String detail) {}

  /** Gossip traffic of this node since start (Extension frames on the gossip channel). */
  public record Gossip(long intervalMs, long messagesSent, long messagesReceived, long bytesSent, long bytesReceived,
      long uptimeMs) {}

  /** The member entry for {@code id}, or null. */
  public Member member(String id) {
    return members.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
  }
}
