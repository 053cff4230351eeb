package io.quorumlab.sim;

/** Told of every failure-detector verdict of every node, at its virtual time. */
public interface MembershipObserver {

  /** {@code observer}'s failure detector convicted {@code subject}. */
  void convicted(String observer, String subject, long timeNanos);

  /** {@code observer} saw a convicted {@code subject} alive again. */
  default void acquitted(String observer, String subject, long timeNanos) {}
}
