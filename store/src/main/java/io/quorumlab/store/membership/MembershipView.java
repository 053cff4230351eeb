package io.quorumlab.store.membership;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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

  // Every gossip message names most members, so lookups are by hash; the id order that iteration
  // promises is kept in a list that changes only when a member is first heard of (members are never
  // removed: one that left stays, as LEFT).
  private final Map<String, MemberSlot> byId = new HashMap<>();
  private final MemberColumns columns = new MemberColumns();
  private final List<MemberSlot> inIdOrder = new ArrayList<>();
  /** The ids of {@code inIdOrder}, in an array of their own, for {@link Cursor}. */
  private String[] orderedIds = new String[16];
  private final List<MemberState> all = Collections.unmodifiableList(new AbstractList<>() {
    @Override
    public MemberState get(int index) {
      return inIdOrder.get(index).state();
    }

    @Override
    public int size() {
      return inIdOrder.size();
    }
  });
  private final String selfId;
  private final MemberSlot self;
  private long lastMark;

  public MembershipView(MemberState self) {
    this.selfId = self.id();
    this.self = put(self);
  }

  private MemberSlot put(MemberState state) {
    MemberSlot slot = byId.get(state.id());
    if (slot != null) {
      slot.set(state);
      return slot;
    }
    int lo = 0;
    int hi = inIdOrder.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (inIdOrder.get(mid).id.compareTo(state.id()) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    columns.insertAt(lo);
    slot = new MemberSlot(state, columns, lo);
    byId.put(state.id(), slot);
    inIdOrder.add(lo, slot);
    if (orderedIds.length < inIdOrder.size()) {
      orderedIds = Arrays.copyOf(orderedIds, 2 * inIdOrder.size());
    }
    for (int i = lo; i < inIdOrder.size(); i++) {
      MemberSlot moved = inIdOrder.get(i);
      moved.index = i;
      orderedIds[i] = moved.id;
    }
    assert columns.size() == inIdOrder.size() : columns.size() + " columns for " + inIdOrder.size() + " members";
    return slot;
  }

  /**
   * Finds members asked for in id order, which is the order in which every gossip message names
   * them: each lookup first tries the member after the one found last, so a message's members are a
   * walk through this view instead of a hash lookup each. An id out of order, or one this view does
   * not know, falls back to the hash.
   */
  final class Cursor {
    /** A message that skips members (an ack's deltas) skips a few at a time: look that far ahead. */
    private static final int LOOKAHEAD = 8;
    private int next;

    /** The member {@code id}, or null if unknown. */
    MemberSlot find(String id) {
      int at = indexOf(id);
      return at < 0 ? null : inIdOrder.get(at);
    }

    /**
     * The place of member {@code id} in the view's id order and its {@link #columns()}, or -1 if
     * unknown: a caller that needs only its numbers does not load its slot.
     */
    int indexOf(String id) {
      // Decoded ids are shared strings (MemberIds), so those of this view's members mostly compare
      // by identity, in an array that the walk reads in order.
      int end = Math.min(next + LOOKAHEAD, inIdOrder.size());
      for (int i = next; i < end; i++) {
        if (orderedIds[i] == id) {
          next = i + 1;
          return i;
        }
      }
      MemberSlot slot = byId.get(id);
      if (slot == null) {
        return -1;
      }
      next = slot.index + 1;
      return slot.index;
    }
  }

  Cursor cursor() {
    return new Cursor();
  }

  /** The member {@code id}, null if unknown. */
  MemberSlot slot(String id) {
    return byId.get(id);
  }

  private MemberState state(String id) {
    MemberSlot slot = byId.get(id);
    return slot == null ? null : slot.state();
  }

  public String selfId() {
    return selfId;
  }

  boolean isSelf(MemberSlot slot) {
    return slot == self;
  }

  /** Whether the member at {@code index} in id order is this node. */
  boolean isSelfAt(int index) {
    return self.index == index;
  }

  public MemberState self() {
    return self.state();
  }

  public Optional<MemberState> get(String id) {
    return Optional.ofNullable(state(id));
  }

  /** Every known member, this node included, in id order (a live, read-only view). */
  public Collection<MemberState> all() {
    return all;
  }

  public int size() {
    return inIdOrder.size();
  }

  public List<Digest> digests() {
    FrozenList.Builder<Digest> digests = new FrozenList.Builder<>(inIdOrder.size());
    for (int i = 0, n = inIdOrder.size(); i < n; i++) {
      digests.add(new Digest(orderedIds[i], columns.generations[i], columns.versions[i]));
    }
    return digests.build();
  }

  /**
   * A fresh mark for {@link MemberColumns#marks}: a syn names members, and the members it did not name
   * are the ones its sender has never heard of ({@link #forEachUnmarked}).
   */
  public long newMark() {
    return ++lastMark;
  }

  /** Every member not marked with {@code mark} since it was handed out, in id order. */
  void forEachUnmarked(long mark, Consumer<MemberSlot> action) {
    long[] marks = columns.marks;
    for (int i = 0, n = inIdOrder.size(); i < n; i++) {
      if (marks[i] != mark) {
        action.accept(inIdOrder.get(i));
      }
    }
  }

  /** The numbers of every member, by its place in id order ({@link MemberSlot#index}); read-only but for marks. */
  MemberColumns columns() {
    return columns;
  }

  /** The id of the member at {@code index} in id order. */
  String idAt(int index) {
    return orderedIds[index];
  }

  /** The member at {@code index} in id order. */
  MemberSlot slotAt(int index) {
    return inIdOrder.get(index);
  }

  /** Every member, this node included, in id order, without making their {@link MemberState}s. */
  void forEachSlot(Consumer<MemberSlot> action) {
    inIdOrder.forEach(action);
  }

  /** Advances this node's heartbeat by one version. */
  public void bumpHeartbeat() {
    self.advanceVersion(self.version() + 1);
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
    put(next);
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
    put(next);
    return new Change(self, next);
  }

  /**
   * Merges {@code delta} in place if it is a heartbeat of another member that is not LEFT (same
   * generation, a larger version, no newer info): what almost every delta of a round is, and returns
   * the member's slot. Returns null, changing nothing, for every other delta; those go through
   * {@link #apply}. A heartbeat
   * merged here is what {@link #apply} would have made of it, with a {@link Change} whose only
   * difference is the version.
   */
  MemberSlot applyHeartbeat(MemberDelta delta) {
    return applyHeartbeat(byId.get(delta.id()), delta);
  }

  /** {@link #applyHeartbeat(MemberDelta)} of the member's slot, already looked up (null: unknown). */
  MemberSlot applyHeartbeat(MemberSlot slot, MemberDelta delta) {
    assert slot == null || slot.id.equals(delta.id()) : slot.id + " is not " + delta.id();
    if (slot == null || slot == self || delta.generation() != slot.generation() || delta.version() <= slot.version()
        || delta.infoVersion() > slot.infoVersion() || slot.status() == MemberStatus.LEFT) {
      return null;
    }
    slot.advanceVersion(delta.version());
    return slot;
  }

  /** Merges gossip about another member. */
  public Change apply(MemberDelta delta) {
    MemberState current = state(delta.id());
    if (delta.id().equals(selfId)) {
      return new Change(current, current);
    }
    MemberState next = merge(current, delta);
    if (next != current) {
      put(next);
    }
    return new Change(current, next);
  }

  /**
   * Whether {@code slot} (null: an unknown member) already has {@code delta}'s generation at the
   * same or a later version, or a later generation: then {@link #apply} changes nothing. Gossip
   * brings many such stale deltas, and this answers without making the member's state.
   */
  static boolean knowsAtLeast(MemberSlot slot, MemberDelta delta) {
    return slot != null && (delta.generation() < slot.generation()
        || (delta.generation() == slot.generation() && delta.version() <= slot.version()));
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
    return deltaSince(byId.get(id), knownGeneration, knownVersion);
  }

  /**
   * {@link #deltaSince(MemberSlot, long, long)} of the member at {@code index} in id order. A syn's
   * deltas are mostly heartbeats (same generation, no newer info): those are made from the columns
   * and the id, and the member's slot, cold in the caches, is loaded only for the rest.
   */
  MemberDelta deltaAt(int index, long knownGeneration, long knownVersion) {
    long generation = columns.generations[index];
    long version = columns.versions[index];
    long infoVersion = columns.infoVersions[index];
    if (knownGeneration != generation || infoVersion > knownVersion) {
      return deltaSince(slotAt(index), knownGeneration, knownVersion);
    }
    return knownVersion >= version ? null : new MemberDelta(orderedIds[index], generation, version, infoVersion, null);
  }

  /** What a peer that knows ({@code knownGeneration}, {@code knownVersion}) of {@code current} is missing, or null. */
  static MemberDelta deltaSince(MemberSlot current, long knownGeneration, long knownVersion) {
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
    return new MemberDelta(current.id, current.generation(), current.version(), current.infoVersion(), info);
  }
}
