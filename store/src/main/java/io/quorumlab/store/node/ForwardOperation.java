package io.quorumlab.store.node;

import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.ErrorKind;
import io.quorumlab.store.protocol.PeerMessage;

/** A put handed to a replica to coordinate; its answer is relayed to the waiting client. */
final class ForwardOperation extends Operation {
  private final ReplyTo replyTo;
  private final ClientRequest.Put request;
  private final String coordinator;

  ForwardOperation(long id, Node node, ReplyTo replyTo, ClientRequest.Put request, String coordinator) {
    super(id, node);
    this.replyTo = replyTo;
    this.request = request;
    this.coordinator = coordinator;
  }

  @Override
  void start() {
    node.send(coordinator, new PeerMessage.Forward(id, request));
  }

  @Override
  void onForwardReply(ClientReply reply) {
    node.reply(replyTo, reply.withId(request.id()));
    node.finish(this);
  }

  @Override
  void onTimeout() {
    node.reply(replyTo, new ClientReply.Error(request.id(), ErrorKind.INDETERMINATE,
        "put of '" + request.key() + "' was forwarded to replica " + coordinator + ", which did not answer in time; it may have been applied"));
  }
}
