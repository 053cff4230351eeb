package io.quorumlab.store.services;

import io.quorumlab.store.handoff.DurableHintStore;
import io.quorumlab.store.handoff.HandoffConfig;
import io.quorumlab.store.handoff.Hint;
import io.quorumlab.store.handoff.HintAck;
import io.quorumlab.store.handoff.HintBatch;
import io.quorumlab.store.handoff.HintCodec;
import io.quorumlab.store.handoff.HintMessage;
import io.quorumlab.store.handoff.HintedHandoff;
import io.quorumlab.store.node.Clock;
import io.quorumlab.store.node.Node;
import io.quorumlab.store.ring.Ring;
import io.quorumlab.store.storage.Storage;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.VersionCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hinted handoff wired into a node. A write this node stores as a sloppy-quorum fallback becomes a
 * durable hint (HINTS space, same WAL and fsync policy as the data) before the write is
 * acknowledged; hints go to their owner in batches whenever the owner is routable, and are deleted
 * only when the owner's ack says it merged them durably. Hints for an owner that left for good are
 * re-addressed to the key's current owners.
 */
final class HandoffService {
  private static final Logger LOG = LoggerFactory.getLogger(HandoffService.class);
  static final long TICK_MS = 200;

  private final Node node;
  private final String self;
  private final Clock clock;
  private final DurableHintStore store;
  private final HintedHandoff handoff;
  private long stored;

  HandoffService(Node node, Storage storage, Clock clock, RandomGenerator random, Predicate<String> routable) {
    this.node = node;
    this.self = node.id();
    this.clock = clock;
    this.store = new DurableHintStore(new HintBytes(storage));
    this.handoff = new HintedHandoff(self, HandoffConfig.defaults(), store, routable::test, this::send, random,
        node.mutants());
  }

  void start() {
    node.setFallbackWrites((owner, key, merged) -> {
      handoff.store(owner, key.getBytes(StandardCharsets.UTF_8), VersionCodec.encode(merged), clock.monotonicMillis());
      stored++;
    });
    node.registerExtension(Channels.HANDOFF, this::onMessage);
    node.schedule(TICK_MS, this::tick);
  }

  private void tick() {
    handoff.tick(clock.monotonicMillis());
    node.schedule(TICK_MS, this::tick);
  }

  private void send(String to, HintMessage message) {
    node.sendExtension(to, Channels.HANDOFF, HintCodec.encode(message));
  }

  private void onMessage(String from, byte[] payload) {
    HintMessage message;
    try {
      message = HintCodec.decode(payload);
    } catch (IOException e) {
      LOG.warn("node {}: dropping hint message from {}: {}", self, from, e.getMessage());
      return;
    }
    if (message instanceof HintBatch batch) {
      HintAck ack = HintedHandoff.accept(self, batch, (key, value) ->
          node.mergeLocal(new String(key, StandardCharsets.UTF_8), VersionCodec.decodeSiblings(value)));
      send(from, ack);
    } else if (message instanceof HintAck ack) {
      handoff.receive(ack, clock.monotonicMillis());
    }
  }

  /** Keeps {@code state} of {@code key} as a durable hint for {@code owner}, delivered when it is routable. */
  void hint(String owner, String key, Siblings state) {
    handoff.store(owner, key.getBytes(StandardCharsets.UTF_8), VersionCodec.encode(state), clock.monotonicMillis());
    stored++;
  }

  void onUp(String owner) {
    handoff.onOwnerUp(owner, clock.monotonicMillis());
  }

  void onDown(String owner) {
    handoff.onOwnerDown(owner, clock.monotonicMillis());
  }

  /**
   * {@code owner} left the cluster: its hints become hints for the keys' owners in {@code ring}
   * (merged here when this node is one), so a write acknowledged with this node's help still
   * reaches its replicas.
   */
  void rehome(String owner, Ring ring, int n) {
    long moved = 0;
    List<Hint> batch;
    while (!(batch = store.oldest(owner, 256, Long.MAX_VALUE)).isEmpty()) {
      for (Hint hint : batch) {
        String key = new String(hint.key(), StandardCharsets.UTF_8);
        for (String replica : ring.preferenceListAt(Ring.hash(key), n)) {
          if (replica.equals(owner)) {
            continue;
          }
          if (replica.equals(self)) {
            node.mergeLocal(key, VersionCodec.decodeSiblings(hint.value()));
          } else {
            store.add(replica, hint.key(), hint.value(), clock.monotonicMillis());
          }
        }
        moved++;
      }
      store.delete(owner, batch.stream().mapToLong(Hint::id).toArray());
    }
    if (moved > 0) {
      LOG.info("node {}: {} left; re-addressed its {} hints to the keys' current owners", self, owner, moved);
    }
  }

  long queued() {
    return handoff.pendingByOwner().values().stream().mapToLong(Long::longValue).sum();
  }

  Map<String, Long> queuedByOwner() {
    return handoff.pendingByOwner();
  }

  long pending(String owner) {
    return handoff.pending(owner);
  }

  long stored() {
    return stored;
  }

  long delivered() {
    return handoff.hintsDelivered();
  }

  long batchesSent() {
    return handoff.batchesSent();
  }

  long failures() {
    return handoff.failures();
  }
}
