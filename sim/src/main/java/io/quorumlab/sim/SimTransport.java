package io.quorumlab.sim;

import io.quorumlab.store.node.ClientRef;
import io.quorumlab.store.node.Transport;
import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.PeerMessage;

/**
 * One process's network, over the simulated one. Addresses need no learning (the simulation knows
 * every node by id) and there is no backpressure: a link always has room.
 */
final class SimTransport implements Transport {
  private final SimNode node;
  private final int incarnation;

  SimTransport(SimNode node, int incarnation) {
    this.node = node;
    this.incarnation = incarnation;
  }

  @Override
  public void send(String to, PeerMessage message) {
    if (node.runs(incarnation)) {
      node.sim.network().send(node, to, message);
    }
  }

  @Override
  public void reply(ClientRef client, ClientReply reply) {
    if (node.runs(incarnation)) {
      node.sim.network().reply(node, client.connection(), reply);
    }
  }
}
