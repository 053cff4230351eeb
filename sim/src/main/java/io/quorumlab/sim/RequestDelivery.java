package io.quorumlab.sim;

import io.quorumlab.store.node.ClientRef;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.Codec;

/** A client's request arriving at the node it is connected to. */
final class RequestDelivery extends NodeEvent {
  final SimClient client;
  final byte[] bytes;
  final long hash;

  RequestDelivery(SimNode target, int incarnation, SimClient client, byte[] bytes, long hash) {
    super(target, incarnation);
    this.client = client;
    this.bytes = bytes;
    this.hash = hash;
  }

  /** The node was killed before the request arrived; its client hears of that from the kill. */
  @Override
  void voided() {
    MessageLog log = target.sim.messageLog();
    if (log != null) log.dropped(this, "receiver's process is gone");
  }

  @Override
  void run() {
    ClientRequest request = (ClientRequest) Codec.decode(bytes);
    target.sim.trace().record(TraceKind.REQUEST, client.number(), target.index, hash, request);
    MessageLog log = target.sim.messageLog();
    if (log != null) log.delivered(this);
    target.node().onClientRequest(new ClientRef(client.number()), request);
  }
}
