package io.quorumlab.store.membership;

/**
 * Membership changes as this node sees them, called synchronously from {@link Gossiper#tick} and
 * {@link Gossiper#receive}. The node uses them to rebuild its ring, skip convicted replicas and
 * start hint delivery.
 */
public interface MembershipListener {
  /** A member this node had never heard of (any status). */
  default void onMemberAdded(MemberState member) {}

  /** The failure detector convicted the member. */
  default void onDown(String id) {}

  /** A convicted member showed signs of life again (its heartbeat advanced, or it restarted). */
  default void onUp(String id) {}

  /** The member restarted: a larger generation replaced everything known about it. */
  default void onRestarted(MemberState member, long previousGeneration) {}

  /**
   * Gossip spoke of an incarnation of this node at or above its own generation (it restarted with
   * its clock set back and without its stored generation), so this node now gossips under
   * {@code generation}, above that one: store it so that no later restart goes below it.
   */
  default void onOwnGenerationRaised(long generation) {}

  /** Status change within a generation or across a restart (e.g. JOINING to UP, UP to LEAVING). */
  default void onStatusChanged(String id, MemberStatus previous, MemberStatus current) {}

  /** The set of token owners or their tokens changed; rebuild the ring from {@link Gossiper#ringMembers()}. */
  default void onRingChanged() {}
}
