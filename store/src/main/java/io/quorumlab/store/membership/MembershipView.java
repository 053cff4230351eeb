package io.quorumlab.store.membership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One node's knowledge of every member, and the merge rule that makes gossip converge:
 *
 * <ol>
 *   <li>a larger generation replaces everything known about the member (it restarted);
 *   <li>within a generation the larger version wins, and the info travels with the version at which
 *       it changed, so applying deltas in any order, twice, or from stale peers ends in the same state;
 *   <li>within a generation a status never moves backwards: info that would do so is ignored.
 * </ol>
 *
 * Only the member itself advances its own state ({@link #bumpHeartbeat}, {@link #updateSelf});
 * gossip about this node is never applied to it.
 */
public final class MembershipView {

  /** What an {@link #apply} did: {@code before} is null for a new member; equal states mean nothing changed. */
  public record Change(MemberState before, MemberState after) {
    public boolean changed() {
      return !Objects.equals(before, after);
    }

    public boolean added() {
      return before == null && after != null;
    }

    public boolean restarted() {
      return before != null && after.generation() != before.generation();
    }

    /** The member's own counter moved: evidence that it was alive recently. */
    public boolean heartbeatAdvanced() {
      return after != null && (before == null || restarted() || after.version() > before.version());
    }

    public boolean infoChanged() {
      return after != null && (before == null || !before.info().equals(after.info()));
    }
  }

  private final TreeMap<String, MemberState> members = new TreeMap<>();
  private final String selfId;

  public MembershipView(MemberState self) {
    this.selfId = self.id();
    members.put(selfId, self);
  }

  public String selfId() {
    return selfId;
  }

  public MemberState self() {
    return members.get(selfId);
  }

  public Optional<MemberState> get(String id) {
    return Optional.ofNullable(members.get(id));
  }

  /** Every known member, this node included, in id order. */
  public Collection<MemberState> all() {
    return Collections.unmodifiableCollection(members.values());
  }

  public int size() {
    return members.size();
  }

  public List<Digest> digests() {
    List<Digest> digests = new ArrayList<>(members.size());
    members.values().forEach(m -> digests.add(m.digest()));
    return digests;
  }

  /** Advances this node's heartbeat by one version. */
  public MemberState bumpHeartbeat() {
    MemberState self = self();
    MemberState next = new MemberState(selfId, self.generation(), self.version() + 1, self.infoVersion(), self.info());
    members.put(selfId, next);
    return next;
  }

  /**
   * Starts a new incarnation of this node under {@code generation} (larger than its own), keeping
   * its info: what a node does on hearing of an incarnation of itself it cannot otherwise outrank.
   */
  public MemberState restartSelf(long generation) {
    MemberState self = self();
    if (generation <= self.generation()) {
      throw new IllegalArgumentException("a restart must raise the generation above " + self.generation() + ", not " + generation);
    }
    MemberState next = new MemberState(selfId, generation, 1, 1, self.info());
    members.put(selfId, next);
    return next;
  }

  /** Replaces this node's info; refuses a status that would move backwards in this generation. */
  public Change updateSelf(MemberInfo info) {
    MemberState self = self();
    if (!self.status().canMoveTo(info.status())) {
      throw new IllegalStateException("status cannot go from " + self.status() + " to " + info.status()
          + " without a restart");
    }
    if (self.info().equals(info)) {
      return new Change(self, self);
    }
    long version = self.version() + 1;
    MemberState next = new MemberState(selfId, self.generation(), version, version, info);
    members.put(selfId, next);
    return new Change(self, next);
  }

  /** Merges gossip about another member. */
  public Change apply(MemberDelta delta) {
    MemberState current = members.get(delta.id());
    if (delta.id().equals(selfId)) {
      return new Change(current, current);
    }
    MemberState next = merge(current, delta);
    if (next != current) {
      members.put(delta.id(), next);
    }
    return new Change(current, next);
  }

  private static MemberState merge(MemberState current, MemberDelta delta) {
    if (current == null || delta.generation() > current.generation()) {
      // A new member or generation must arrive whole; a heartbeat-only delta cannot stand alone.
      return delta.hasInfo()
          ? new MemberState(delta.id(), delta.generation(), delta.version(), delta.infoVersion(), delta.info())
          : current;
    }
    if (delta.generation() < current.generation() || delta.version() <= current.version()) {
      return current;
    }
    if (!delta.hasInfo() && delta.infoVersion() > current.infoVersion()) {
      // The sender wrongly believed we had its info; taking the version alone would hide the info
      // from every later exchange. Refuse, and the next exchange asks for it whole.
      return current;
    }
    MemberInfo info = current.info();
    long infoVersion = current.infoVersion();
    if (delta.hasInfo() && delta.infoVersion() > infoVersion && info.status().canMoveTo(delta.info().status())) {
      info = delta.info();
      infoVersion = delta.infoVersion();
    }
    return new MemberState(current.id(), current.generation(), delta.version(), infoVersion, info);
  }

  /**
   * What a peer that knows ({@code knownGeneration}, {@code knownVersion}) of member {@code id} is
   * missing, or null if it misses nothing we have.
   */
  public MemberDelta deltaSince(String id, long knownGeneration, long knownVersion) {
    MemberState current = members.get(id);
    if (current == null || knownGeneration > current.generation()) {
      return null;
    }
    if (knownGeneration < current.generation()) {
      return current.toDelta();
    }
    if (knownVersion >= current.version()) {
      return null;
    }
    MemberInfo info = current.infoVersion() > knownVersion ? current.info() : null;
    return new MemberDelta(id, current.generation(), current.version(), current.infoVersion(), info);
  }
}
