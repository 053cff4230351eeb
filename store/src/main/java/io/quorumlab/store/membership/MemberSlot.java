package io.quorumlab.store.membership;

/**
 * One member's place in a {@link MembershipView}: its state in mutable fields, the numbers that
 * every message compares (generation, version, info version) in the view's {@link MemberColumns}. Every gossip round
 * advances the version of almost every member at every node, so a heartbeat changes a field here
 * instead of making a new {@link MemberState}; the immutable state is made only when asked for, and
 * kept until the member changes again.
 *
 * <p>Only the view writes these fields; gossip reads them to compare digests without allocating.
 */
final class MemberSlot {
  final String id;
  /** Its view's columns, where this member's generation, version, info version and mark are, at {@link #index}. */
  private final MemberColumns columns;
  private MemberInfo info;
  /** {@code info}'s status, read every round for every member without reaching the info. */
  private MemberStatus status;
  /** The fields as a record, or null when a field changed since it was made. */
  private MemberState snapshot;
  /** Where this member is in its view's id order ({@link MembershipView.Cursor}) and its columns. */
  int index;
  /** The failure detector convicted this member, and it has shown no sign of life since. */
  boolean convicted;
  /**
   * The failure detector's window for this member, kept here so that a heartbeat costs one lookup
   * (this slot's) instead of two; the detector owns it and says when it is no longer current.
   */
  ArrivalWindow window;

  /** A slot at {@code index}, whose place in {@code columns} is open already; holds {@code state}. */
  MemberSlot(MemberState state, MemberColumns columns, int index) {
    this.id = state.id();
    this.columns = columns;
    this.index = index;
    set(state);
  }

  void set(MemberState state) {
    if (!state.id().equals(id)) {
      throw new IllegalArgumentException("slot of " + id + " cannot hold " + state.id());
    }
    columns.generations[index] = state.generation();
    columns.versions[index] = state.version();
    columns.infoVersions[index] = state.infoVersion();
    info = state.info();
    status = info.status();
    snapshot = state;
  }

  /** A heartbeat: the version moves forward, nothing else changes. */
  void advanceVersion(long next) {
    long version = columns.versions[index];
    if (next <= version) {
      throw new IllegalStateException(id + ": version " + next + " does not advance " + version);
    }
    columns.versions[index] = next;
    snapshot = null;
  }

  MemberState state() {
    if (snapshot == null) {
      snapshot = new MemberState(id, generation(), version(), infoVersion(), info);
    }
    return snapshot;
  }

  String id() {
    return id;
  }

  long generation() {
    return columns.generations[index];
  }

  long version() {
    return columns.versions[index];
  }

  long infoVersion() {
    return columns.infoVersions[index];
  }

  MemberInfo info() {
    return info;
  }

  MemberStatus status() {
    return status;
  }

  /** The whole state as a delta, for a receiver that knows nothing of this generation. */
  MemberDelta toDelta() {
    return new MemberDelta(id, generation(), version(), infoVersion(), info);
  }
}
