package io.quorumlab.store.handoff;

import io.quorumlab.store.mutation.Mutant;
import io.quorumlab.store.mutation.Mutants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Hinted handoff, both sides, as a sans-IO state machine.
 *
 * <p>Fallback side: {@link #store} keeps a hint durably; {@link #tick} (call it often, e.g. every
 * 100 ms) sends each owner that is alive, has hints and is not backing off one batch of its oldest
 * hints; {@link #receive} deletes exactly the hints an ack names, then sends the next batch at once.
 * One batch per owner is in flight at a time. A batch without an ack within the timeout, an ack
 * that covers only part of its batch, or an owner that goes down mid-batch counts as a failure:
 * the hints stay and the owner is retried after a backoff that doubles per consecutive failure,
 * with jitter. A hint is deleted only on an ack, so nothing is lost to a crash, a lost message or a
 * flapping owner; the price is that a hint may be delivered more than once, which the owner's
 * merge makes harmless.
 *
 * <p>Owner side: {@link #accept} applies a batch through the node's merge-write and builds the ack.
 */
public final class HintedHandoff {
  private final String self;
  private final HandoffConfig config;
  private final HintStore store;
  private final Liveness liveness;
  private final HintOutbox outbox;
  private final RandomGenerator random;
  private final Mutants mutants;
  private final Map<String, OwnerState> owners = new HashMap<>();
  private long nextBatchId = 1;
  private long hintsDelivered;
  private long batchesSent;
  private long failures;

  private static final class OwnerState {
    long inFlightBatch;
    long[] inFlightIds;
    long sentAt;
    long retryAt;
    int consecutiveFailures;

    boolean inFlight() {
      return inFlightIds != null;
    }
  }

  public HintedHandoff(String self, HandoffConfig config, HintStore store, Liveness liveness, HintOutbox outbox,
      RandomGenerator random) {
    this(self, config, store, liveness, outbox, random, Mutants.NONE);
  }

  /** As the store runs it, with the bugs {@code mutants} planted (for tests and selftest). */
  public HintedHandoff(String self, HandoffConfig config, HintStore store, Liveness liveness, HintOutbox outbox,
      RandomGenerator random, Mutants mutants) {
    this.mutants = mutants;
    this.self = self;
    this.config = config;
    this.store = store;
    this.liveness = liveness;
    this.outbox = outbox;
    this.random = random;
  }

  // ---- fallback side ----

  /**
   * Keeps a write meant for {@code owner}. Durable when this returns (per the {@link HintStore}
   * contract), so the fallback may then acknowledge the write to the coordinator.
   */
  public Hint store(String owner, byte[] key, byte[] value, long now) {
    if (owner.equals(self)) {
      throw new IllegalArgumentException("a node does not keep hints for itself");
    }
    return store.add(owner, key, value, now);
  }

  /** Starts due deliveries and gives up on batches whose ack is overdue. */
  public void tick(long now) {
    for (String owner : store.owners()) {
      OwnerState state = owners.computeIfAbsent(owner, o -> new OwnerState());
      if (state.inFlight() && now - state.sentAt >= config.ackTimeoutMs()) {
        state.inFlightIds = null;
        fail(state, now);
      }
      if (!state.inFlight() && now >= state.retryAt && liveness.isAlive(owner)) {
        sendBatch(owner, state, now);
      }
    }
    owners.keySet().retainAll(store.owners());
  }

  /** The failure detector saw {@code owner} come back: deliver now rather than after the backoff. */
  public void onOwnerUp(String owner, long now) {
    OwnerState state = owners.get(owner);
    if (state != null) {
      state.consecutiveFailures = 0;
      state.retryAt = now;
    }
    tick(now);
  }

  /** The failure detector convicted {@code owner}: stop waiting for the batch in flight (its hints stay). */
  public void onOwnerDown(String owner, long now) {
    OwnerState state = owners.get(owner);
    if (state != null && state.inFlight()) {
      state.inFlightIds = null;
      fail(state, now);
    }
  }

  /** An ack from an owner: deletes the hints it names, even if it answers an older batch. */
  public void receive(HintAck ack, long now) {
    long[] acked = ack.hintIds();
    hintsDelivered += store.delete(ack.from(), acked);
    OwnerState state = owners.get(ack.from());
    if (state == null || !state.inFlight() || state.inFlightBatch != ack.batchId()) {
      return;
    }
    Set<Long> confirmed = new HashSet<>();
    for (long id : acked) {
      confirmed.add(id);
    }
    boolean complete = true;
    for (long id : state.inFlightIds) {
      complete &= confirmed.contains(id);
    }
    state.inFlightIds = null;
    if (!complete) {
      fail(state, now);
      return;
    }
    state.consecutiveFailures = 0;
    state.retryAt = now;
    if (store.count(ack.from()) > 0 && liveness.isAlive(ack.from())) {
      sendBatch(ack.from(), state, now);
    }
  }

  /**
   * Drops every hint for {@code owner}, for an owner that left the cluster for good (its ranges
   * moved; range transfer and anti-entropy carry the data now). Returns how many were dropped.
   */
  public long discardAll(String owner) {
    owners.remove(owner);
    long dropped = 0;
    List<Hint> batch;
    while (!(batch = store.oldest(owner, 1024, Long.MAX_VALUE)).isEmpty()) {
      dropped += store.delete(owner, batch.stream().mapToLong(Hint::id).toArray());
    }
    return dropped;
  }

  private void sendBatch(String owner, OwnerState state, long now) {
    List<Hint> hints = store.oldest(owner, config.batchHints(), config.batchBytes());
    if (hints.isEmpty()) {
      return;
    }
    long batchId = nextBatchId++;
    state.inFlightBatch = batchId;
    state.inFlightIds = hints.stream().mapToLong(Hint::id).toArray();
    state.sentAt = now;
    batchesSent++;
    outbox.send(owner, new HintBatch(self, owner, batchId, hints));
    if (mutants.has(Mutant.HINTS_DELETED_BEFORE_ACK)) {
      // The bug: the hints go before the owner has them; if this batch is lost, so are they.
      store.delete(owner, state.inFlightIds);
    }
  }

  /** Exponential backoff with "equal jitter": half the delay fixed, half random, so retries spread out. */
  private void fail(OwnerState state, long now) {
    failures++;
    state.consecutiveFailures++;
    int doublings = Math.min(state.consecutiveFailures - 1, 30);
    long delay = Math.min(config.backoffMaxMs(), config.backoffBaseMs() << doublings);
    state.retryAt = now + delay / 2 + random.nextLong(delay / 2 + 1);
  }

  // ---- owner side ----

  /**
   * Applies a batch received by node {@code self} and returns the ack to send back. A batch meant
   * for another id is refused (an ack naming no hints); if the applier throws, the ack names the
   * hints applied before the failure.
   */
  public static HintAck accept(String self, HintBatch batch, HintApplier applier) {
    List<Long> applied = new ArrayList<>();
    if (batch.owner().equals(self)) {
      try {
        for (Hint hint : batch.hints()) {
          applier.apply(hint.key(), hint.value());
          applied.add(hint.id());
        }
      } catch (RuntimeException e) {
        // Acknowledge the prefix; the rest is retried later with backoff.
      }
    }
    return new HintAck(self, batch.batchId(), applied.stream().mapToLong(Long::longValue).toArray());
  }

  // ---- queries ----

  /** Hints held for {@code owner}. */
  public long pending(String owner) {
    return store.count(owner);
  }

  /** Hint queue size per owner (for status displays). */
  public Map<String, Long> pendingByOwner() {
    Map<String, Long> pending = new TreeMap<>();
    store.owners().forEach(o -> pending.put(o, store.count(o)));
    return pending;
  }

  public boolean inFlight(String owner) {
    OwnerState state = owners.get(owner);
    return state != null && state.inFlight();
  }

  /** When {@code owner} will next be tried (-1 if there is no backoff state for it). */
  public long retryAt(String owner) {
    OwnerState state = owners.get(owner);
    return state == null ? -1 : state.retryAt;
  }

  public long hintsDelivered() {
    return hintsDelivered;
  }

  public long batchesSent() {
    return batchesSent;
  }

  /** Timeouts, partial acks and owners lost mid-batch, counted together. */
  public long failures() {
    return failures;
  }
}
