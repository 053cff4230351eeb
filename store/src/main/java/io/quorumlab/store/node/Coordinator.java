package io.quorumlab.store.node;

import io.quorumlab.store.codec.MalformedException;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.ErrorKind;
import io.quorumlab.store.protocol.WireOptions;
import io.quorumlab.store.version.VersionCodec;
import io.quorumlab.store.version.VersionVector;

/**
 * Admits a client request: checks it, resolves its effective W / R / quorum / timeout, routes it,
 * and starts the operation that coordinates it (or forwards it to a node that can).
 */
final class Coordinator {
  static final long FORWARD_MARGIN_MS = 200;

  private Coordinator() {}

  /** The request's settings after applying the cluster's defaults. */
  record Effective(int n, int w, int r, Quorum quorum, long timeoutMs) {}

  static void accept(Node node, ReplyTo replyTo, ClientRequest request, boolean forwarded) {
    if (request instanceof ClientRequest.Ping p) {
      node.reply(replyTo, new ClientReply.Pong(p.id(), node.self));
      return;
    }
    if (request instanceof ClientRequest.Admin a) {
      node.reply(replyTo, admin(node, a));
      return;
    }
    Effective eff;
    try {
      eff = effective(node, request);
    } catch (IllegalArgumentException e) {
      node.reply(replyTo, new ClientReply.Error(request.id(), ErrorKind.INVALID, e.getMessage()));
      return;
    }
    Targets targets = node.route(request.key(), eff.quorum());
    if (request instanceof ClientRequest.Get get) {
      int needed = node.config.readRepair() == io.quorumlab.store.config.ReadRepair.BLOCKING ? Math.max(eff.r(), eff.w()) : eff.r();
      if (targets.size() < needed) {
        node.reply(replyTo, unavailable(request, targets, needed, "r=" + eff.r()
            + (needed > eff.r() ? " and a write-back to w=" + eff.w() : "")));
        return;
      }
      node.begin(new GetOperation(node.newOperationId(), node, replyTo, get, targets, eff), eff.timeoutMs());
      return;
    }
    ClientRequest.Put put = (ClientRequest.Put) request;
    int needed = node.config.conflicts() == ConflictMode.ABD ? Math.max(eff.w(), eff.r()) : eff.w();
    if (targets.size() < needed) {
      node.reply(replyTo, unavailable(request, targets, needed, "w=" + eff.w()
          + (needed > eff.w() ? " and a tag read from r=" + eff.r() : "")));
      return;
    }
    VersionVector context;
    try {
      context = node.config.conflicts() == ConflictMode.SIBLINGS && put.context().length > 0
          ? VersionCodec.decodeVersionVector(put.context())
          : VersionVector.EMPTY;
    } catch (MalformedException e) {
      node.reply(replyTo, new ClientReply.Error(put.id(), ErrorKind.INVALID, "malformed context: " + e.getMessage()));
      return;
    }
    // Dots must be issued by a replica holding the key's state (see DottedSiblings): a siblings
    // put that reached a non-replica goes to the first live replica. A forwarded put is never
    // forwarded again, so differing liveness views cannot make it bounce.
    if (node.config.conflicts() == ConflictMode.SIBLINGS && !targets.contains(node.self) && !forwarded) {
      // The replica times out first and says whether anything was written; this node only gives
      // up (indeterminate) if that answer itself is lost.
      node.begin(new ForwardOperation(node.newOperationId(), node, replyTo, put, targets.nodes().get(0)),
          eff.timeoutMs() + FORWARD_MARGIN_MS);
      return;
    }
    node.begin(new PutOperation(node.newOperationId(), node, replyTo, put, context, targets, eff), eff.timeoutMs());
  }

  private static ClientReply admin(Node node, ClientRequest.Admin request) {
    try {
      return new ClientReply.AdminOk(request.id(), node.adminHandler().handle(request.command()));
    } catch (IllegalArgumentException e) {
      return new ClientReply.Error(request.id(), ErrorKind.INVALID, e.getMessage());
    } catch (IllegalStateException e) {
      return new ClientReply.Error(request.id(), ErrorKind.UNAVAILABLE, e.getMessage());
    }
  }

  private static ClientReply.Error unavailable(ClientRequest request, Targets targets, int needed, String what) {
    return new ClientReply.Error(request.id(), ErrorKind.UNAVAILABLE,
        "only " + targets.size() + " of the replicas " + targets.owners() + " of '" + request.key()
            + "' are reachable (" + targets.nodes() + "), " + what + " needs " + needed + "; nothing was sent");
  }

  static Effective effective(Node node, ClientRequest request) {
    var config = node.config;
    WireOptions o = request.options();
    int n = config.n();
    int w = o.w() == 0 ? config.w() : o.w();
    int r = o.r() == 0 ? config.r() : o.r();
    if (w > n) {
      throw new IllegalArgumentException("w=" + w + " exceeds n=" + n);
    }
    if (r > n) {
      throw new IllegalArgumentException("r=" + r + " exceeds n=" + n);
    }
    if (request.key().isEmpty()) {
      throw new IllegalArgumentException("empty key");
    }
    if (request instanceof ClientRequest.Put p && p.value() != null && p.value().length > config.maxValueBytes()) {
      throw new IllegalArgumentException("value of " + p.value().length + " bytes exceeds maxValueBytes=" + config.maxValueBytes());
    }
    Quorum quorum = o.quorum() == null ? config.quorum() : o.quorum();
    long timeout = o.timeoutMs() > 0 ? Math.min(o.timeoutMs(), config.requestTimeoutMs()) : config.requestTimeoutMs();
    return new Effective(n, w, r, quorum, timeout);
  }
}
