package io.quorumlab.store.services;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.codec.MalformedException;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.membership.MemberStatus;
import io.quorumlab.store.node.Clock;
import io.quorumlab.store.node.DataWrites;
import io.quorumlab.store.node.Node;
import io.quorumlab.store.ring.Ring;
import io.quorumlab.store.storage.Storage;
import io.quorumlab.store.transfer.Activity;
import io.quorumlab.store.transfer.ClusterView;
import io.quorumlab.store.transfer.RangeTransfer;
import io.quorumlab.store.transfer.TransferCodec;
import io.quorumlab.store.transfer.TransferConfig;
import io.quorumlab.store.transfer.TransferData;
import io.quorumlab.store.transfer.TransferMessage;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.VersionCodec;
import java.nio.charset.StandardCharsets;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Range transfer on join and leave ({@link RangeTransfer}) wired into a node: its messages on the
 * transfer channel, a tick on the node's timer, the node's storage and merge-write as its data, and
 * membership, hints and the node's metadata as its view of the cluster.
 */
final class TransferService {
  private static final Logger LOG = LoggerFactory.getLogger(TransferService.class);
  static final long TICK_MS = 250;

  private final Node node;
  private final Clock clock;
  private final RangeTransfer transfer;
  private final HandoffService handoff;
  /** The ring as this service last heard of it: a change is judged against it. */
  private Ring ring;

  /** @param discarded told of every key the transfer drops (anti-entropy forgets it) */
  TransferService(Node node, Storage storage, Clock clock, MembershipService membership, HandoffService handoff,
      NodeMeta meta, DataWrites discarded) {
    this.node = node;
    this.clock = clock;
    this.handoff = handoff;
    this.ring = membership.ring();
    ClusterView view = new ClusterView() {
      @Override
      public Ring ring() {
        return membership.ring();
      }

      @Override
      public boolean isRoutable(String id) {
        return membership.isRoutable(id);
      }

      @Override
      public long heardFromClusterAt() {
        return membership.heardFromClusterAt();
      }

      @Override
      public long queuedHints() {
        return handoff.queued();
      }

      @Override
      public void announce(MemberStatus status) {
        membership.setLocalStatus(status);
        if (status == MemberStatus.UP || status == MemberStatus.LEFT) {
          meta.setMembership(status.name());
        }
      }
    };
    TransferData data = new TransferData() {
      @Override
      public void scan(byte[] fromKey, BiPredicate<byte[], byte[]> visitor) {
        storage.scan(Storage.Space.DATA, fromKey, visitor);
      }

      @Override
      public void merge(byte[] key, byte[] value) {
        node.mergeLocal(new String(key, StandardCharsets.UTF_8), VersionCodec.decodeSiblings(value));
      }

      @Override
      public void discard(byte[] key) {
        storage.delete(Storage.Space.DATA, key);
        discarded.written(new String(key, StandardCharsets.UTF_8), Siblings.EMPTY);
      }
    };
    TransferConfig config = TransferConfig.forGossipInterval(membership.gossipConfig().intervalMs());
    this.transfer = new RangeTransfer(node.id(), node.config().n(), config, membership.localStatus() == MemberStatus.JOINING,
        view, data, this::send, clock.monotonicMillis());
  }

  void start() {
    node.registerExtension(Channels.TRANSFER, this::onMessage);
    node.setReadGate(this::serves);
    if (transfer.activity() == Activity.JOINING) {
      LOG.info("node {}: joining through seeds {}", node.id(), node.config().seeds());
    }
    node.schedule(TICK_MS, this::tick);
  }

  private void tick() {
    transfer.tick(clock.monotonicMillis());
    node.schedule(TICK_MS, this::tick);
  }

  private void send(String to, TransferMessage message) {
    node.sendExtension(to, Channels.TRANSFER, TransferCodec.encode(message));
  }

  private void onMessage(String from, byte[] payload) {
    TransferMessage message;
    try {
      message = TransferCodec.decode(payload);
    } catch (MalformedException e) {
      LOG.warn("node {}: dropping transfer message from {}: {}", node.id(), from, e.getMessage());
      return;
    }
    transfer.receive(from, message, clock.monotonicMillis());
  }

  /** Every data write: a write of a key that is moving goes on to its new owner too (as a hint while that one is down). */
  void written(String key, Siblings state) {
    RangeTransfer.Forwarding f = transfer.forwarding(key);
    for (String target : f.push()) {
      node.pushState(target, key, state);
    }
    for (String target : f.hold()) {
      handoff.hint(target, key, state);
    }
  }

  /**
   * Whether this node answers a replica read of {@code key}: not while it still pulls the key's
   * range from a removed member's survivors, and, in a strict-quorum cluster, not for a key it does
   * not replicate in its own ring. A coordinator whose ring already lacks a removed member may ask
   * this node before this node has heard of the removal, so before it knows it must pull anything;
   * a strict read counts only replicas that agree they are replicas. (Sloppy reads ask fallbacks,
   * which by design need not replicate the key.)
   */
  private boolean serves(String key) {
    if (!transfer.serves(key)) {
      return false;
    }
    return node.config().quorum() != Quorum.STRICT || node.ring().preferenceList(key, node.config().n()).contains(node.id());
  }

  /** The node's ring is now {@code next} (called in the input that changed it). */
  void onRing(Ring next) {
    Ring previous = ring;
    ring = next;
    transfer.onRing(previous, next, clock.monotonicMillis());
  }

  void leave() {
    transfer.leave(clock.monotonicMillis());
  }

  /** {@code id} left the cluster. */
  void onGone(String id) {
    transfer.onGone(id);
  }

  NodeStatus.Transfer status() {
    return new NodeStatus.Transfer(transfer.activity().wireName(), transfer.keysSent(),
        transfer.bytesSent(), transfer.keysReceived(), transfer.bytesReceived(), transfer.streams(), transfer.detail());
  }
}
