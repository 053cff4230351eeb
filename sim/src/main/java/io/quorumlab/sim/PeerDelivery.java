package io.quorumlab.sim;

import io.quorumlab.store.protocol.Codec;
import io.quorumlab.store.protocol.PeerMessage;

/**
 * A message between nodes arriving. A link cut while it was in flight drops it, as the harness's
 * link proxies do with a frame they hold back.
 */
final class PeerDelivery extends NodeEvent {
  final SimNode from;
  final byte[] bytes;
  final long hash;

  PeerDelivery(SimNode target, int incarnation, SimNode from, byte[] bytes, long hash) {
    super(target, incarnation);
    this.from = from;
    this.bytes = bytes;
    this.hash = hash;
  }

  @Override
  boolean admit() {
    SimNetwork network = target.sim.network();
    if (network.isCut(from.index, target.index)) {
      network.droppedInFlight(this, from, target, hash, "link cut while in flight");
      return false;
    }
    return true;
  }

  @Override
  void voided() {
    target.sim.network().droppedInFlight(this, from, target, hash, "receiver's process is gone");
  }

  @Override
  void run() {
    PeerMessage message = (PeerMessage) Codec.decode(bytes);
    target.sim.network().received(target, bytes.length);
    target.sim.trace().record(TraceKind.DELIVER, from.index, target.index, hash, message);
    MessageLog log = target.sim.messageLog();
    if (log != null) log.delivered(this);
    target.sim.delivered(from, target, message);
    target.node().onPeerMessage(from.id, message);
  }
}
