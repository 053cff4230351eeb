package io.quorumlab.store.node;

import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.mutation.Mutant;
import io.quorumlab.store.mutation.MutatedTags;
import io.quorumlab.store.mutation.SiblingsPut;
import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.ErrorKind;
import io.quorumlab.store.protocol.PeerMessage;
import io.quorumlab.store.storage.StorageException;
import io.quorumlab.store.version.AbdRegister;
import io.quorumlab.store.version.DottedSiblings;
import io.quorumlab.store.version.LastWriterWins;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.Version;
import io.quorumlab.store.version.VersionCodec;
import io.quorumlab.store.version.VersionVector;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A put or delete. Siblings: the coordinator (a replica) writes the new version into its own state
 * first, then ships that state to the other replicas. Lww: one stamped version goes to every
 * replica. Abd: first a tag-read phase at R replicas, then the write of a higher tag.
 *
 * <p>Outcome: success at W acks. Failing before anything was sent (the abd tag read) is definite;
 * failing after replicas were asked to write is indeterminate, since any of them may have applied
 * it.
 */
final class PutOperation extends Operation {
  private enum Phase { TAG_READ, WRITE }

  private final ReplyTo replyTo;
  private final ClientRequest.Put request;
  private final VersionVector readContext;
  private final Targets targets;
  private final Coordinator.Effective eff;
  private final Set<String> acks = new HashSet<>();
  /** Replicas that could not store the write, and why. */
  private final Map<String, String> failed = new TreeMap<>();
  private final Map<String, Siblings> tags = new HashMap<>();
  private final Set<String> tagFailures = new HashSet<>();
  private Phase phase;
  private byte[] replyContext;

  PutOperation(long id, Node node, ReplyTo replyTo, ClientRequest.Put request, VersionVector readContext,
      Targets targets, Coordinator.Effective eff) {
    super(id, node);
    this.replyTo = replyTo;
    this.request = request;
    this.readContext = readContext;
    this.targets = targets;
    this.eff = eff;
  }

  @Override
  void start() {
    assert phase == null : "put " + id + " started twice";
    ConflictMode mode = node.config.conflicts();
    if (mode == ConflictMode.ABD) {
      phase = Phase.TAG_READ;
      for (String target : targets.nodes()) {
        node.send(target, new PeerMessage.ReplicaRead(id, request.key()));
      }
      return;
    }
    phase = Phase.WRITE;
    if (mode == ConflictMode.LWW) {
      Version v = LastWriterWins.INSTANCE.write(node.self, node.stamps.nextWallMicros(), node.stamps.nextSequence(), request.value());
      replyContext = VersionCodec.encodeTag(v);
      writeToAll(Siblings.of(v), null);
      return;
    }
    DottedSiblings.Write write;
    try {
      write = SiblingsPut.of(node.mutants).put(node.replica.load(request.key()), node.self, readContext,
          request.value(), node.stamps.nextWallMicros());
      node.replica.store(request.key(), write.state());
      node.noteFallbackWrite(targets.hintFor().get(node.self), request.key(), write.state());
    } catch (StorageException e) {
      // The local write failed before anything was sent: nothing can have been applied.
      answer(replyTo, new ClientReply.Error(request.id(), ErrorKind.UNAVAILABLE,
          "coordinator " + node.self + " could not write '" + request.key() + "': " + e.getMessage()));
      node.finish(this);
      return;
    }
    replyContext = VersionCodec.encode(write.context());
    if (targets.contains(node.self)) {
      acks.add(node.self);
    }
    writeToAll(write.state(), node.self);
  }

  private void writeToAll(Siblings state, String skip) {
    for (String target : targets.nodes()) {
      if (!target.equals(skip)) {
        node.send(target, new PeerMessage.ReplicaWrite(id, request.key(), state, targets.hintFor().get(target)));
      }
    }
    check();
  }

  @Override
  void onReadReply(String from, PeerMessage.ReplicaReadReply reply) {
    if (phase != Phase.TAG_READ || !targets.contains(from)) {
      return;
    }
    if (!reply.ok()) {
      tagFailures.add(from);
      if (targets.size() - tagFailures.size() < eff.r()) {
        answer(replyTo, new ClientReply.Error(request.id(), ErrorKind.UNAVAILABLE,
            "abd tag read of '" + request.key() + "' failed at " + tagFailures + "; nothing was written"));
        node.finish(this);
      }
      return;
    }
    tags.put(from, reply.state());
    if (tags.size() < (node.mutants.has(Mutant.ABD_TAG_FROM_ONE_REPLICA) ? 1 : eff.r())) {
      return;
    }
    Siblings observed = Siblings.EMPTY;
    for (Siblings s : tags.values()) {
      observed = AbdRegister.INSTANCE.merge(observed, s);
    }
    if (node.mutants.has(Mutant.ABD_TAG_NOT_INCREMENTED)) observed = MutatedTags.oneBelow(observed);
    Version v = AbdRegister.INSTANCE.write(observed, node.self, node.stamps.nextSequence(), request.value());
    replyContext = VersionCodec.encodeTag(v);
    assert phase == Phase.TAG_READ : "put " + id + " moves to its write phase from " + phase;
    phase = Phase.WRITE;
    writeToAll(Siblings.of(v), null);
  }

  @Override
  void onWriteAck(String from, PeerMessage.ReplicaWriteAck ack) {
    if (phase != Phase.WRITE || !targets.contains(from)) {
      return;
    }
    if (ack.ok()) {
      acks.add(from);
    } else {
      failed.put(from, ack.error() == null ? "could not write" : ack.error());
    }
    check();
  }

  private void check() {
    assert phase == Phase.WRITE : "put " + id + " counts acks in phase " + phase;
    assert targets.nodes().containsAll(acks) && targets.nodes().containsAll(failed.keySet()) && java.util.Collections.disjoint(acks, failed.keySet())
        : "put " + id + ": acks " + acks + " and failures " + failed + " must be distinct targets of " + targets.nodes();
    if (acks.size() >= eff.w() - (node.mutants.has(Mutant.PUT_ACKS_AFTER_W_MINUS_1) ? 1 : 0)) {
      answer(replyTo, new ClientReply.PutOk(request.id(), acks.size(), replyContext));
      node.finish(this);
    } else if (targets.size() - failed.size() < eff.w()) {
      answer(replyTo, new ClientReply.Error(request.id(), ErrorKind.INDETERMINATE,
          what() + " reached " + acks.size() + " of w=" + eff.w() + " acks; failed to write at " + failedAt()));
      node.finish(this);
    }
  }

  @Override
  void onTimeout() {
    if (phase == Phase.TAG_READ) {
      answer(replyTo, new ClientReply.Error(request.id(), ErrorKind.UNAVAILABLE,
          "abd tag read of '" + request.key() + "' got " + tags.size() + " of r=" + eff.r() + " replies within "
              + eff.timeoutMs() + " ms; nothing was written"));
      return;
    }
    answer(replyTo, new ClientReply.Error(request.id(), ErrorKind.INDETERMINATE,
        what() + " got " + acks.size() + " of w=" + eff.w() + " acks within " + eff.timeoutMs() + " ms (asked "
            + targets.nodes() + "); it may have been applied"));
  }

  private String failedAt() {
    StringBuilder b = new StringBuilder();
    failed.forEach((node, why) -> b.append(b.isEmpty() ? "" : ", ").append(node).append(": ").append(why));
    return b.toString();
  }

  private String what() {
    return (request.isDelete() ? "delete of '" : "put of '") + request.key() + "'";
  }
}
