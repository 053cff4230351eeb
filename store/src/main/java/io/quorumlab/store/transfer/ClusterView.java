package io.quorumlab.store.transfer;

import io.quorumlab.store.membership.MemberStatus;
import io.quorumlab.store.ring.Ring;

/** What range transfer needs to know of, and tell, the rest of the node: membership and hints. */
public interface ClusterView {

  /** The ring this node routes with now. */
  Ring ring();

  /** Whether this node counts on {@code id} (failure detector and link state). */
  boolean isRoutable(String id);

  /** When this node first got an answer from another member (-1: never); a joiner waits for it. */
  long heardFromClusterAt();

  /** Hints this node still holds for other nodes; a leaving node waits for them to be delivered. */
  long queuedHints();

  /** Announces this node's new status to the cluster, and keeps it across restarts where that matters. */
  void announce(MemberStatus status);
}
