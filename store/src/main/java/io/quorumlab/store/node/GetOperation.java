package io.quorumlab.store.node;

import io.quorumlab.store.config.ReadRepair;
import io.quorumlab.store.mutation.Mutant;
import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.ErrorKind;
import io.quorumlab.store.protocol.PeerMessage;
import io.quorumlab.store.version.Siblings;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A get: asks every target, answers with the merge of the first R replies. Read repair then
 * brings stale replicas up to date: {@code off} never, {@code async} after answering (once every
 * target replied or the timeout hit), {@code blocking} before answering, until W replicas hold the
 * merged state (the ABD write-back).
 *
 * <p>A get that fails is reported as definite (unavailable) even after a blocking write-back
 * started: the write-back only spreads versions that writers already created, so the get itself
 * has no effect to be uncertain about.
 */
final class GetOperation extends Operation {
  private final ReplyTo replyTo;
  private final ClientRequest.Get request;
  private final Targets targets;
  private final Coordinator.Effective eff;
  private final ReadRepair readRepair;
  private final Map<String, Siblings> replies = new LinkedHashMap<>();
  private final Set<String> readFailures = new HashSet<>();
  private final Set<String> holders = new HashSet<>();
  private final Set<String> writeFailures = new HashSet<>();
  private Siblings result;
  private boolean writingBack;

  GetOperation(long id, Node node, ReplyTo replyTo, ClientRequest.Get request, Targets targets, Coordinator.Effective eff) {
    super(id, node);
    this.replyTo = replyTo;
    this.request = request;
    this.targets = targets;
    this.eff = eff;
    this.readRepair = node.config.readRepair();
  }

  @Override
  void start() {
    for (String target : targets.nodes()) {
      node.send(target, new PeerMessage.ReplicaRead(id, request.key()));
    }
  }

  @Override
  void onReadReply(String from, PeerMessage.ReplicaReadReply reply) {
    if (!targets.contains(from) || replies.containsKey(from) || readFailures.contains(from)) {
      return;
    }
    if (!reply.ok()) {
      readFailures.add(from);
      if (!answered() && !writingBack && targets.size() - readFailures.size() < eff.r()) {
        fail("get of '" + request.key() + "' failed: replicas " + readFailures + " could not read");
      }
      return;
    }
    replies.put(from, reply.state());
    assert replies.size() + readFailures.size() <= targets.size() : "get " + id + " heard from more than its targets";
    if (answered()) {
      if (replies.size() + readFailures.size() == targets.size()) {
        repairStale(merged());
        node.finish(this);
      }
      return;
    }
    if (writingBack || replies.size() < (node.mutants.has(Mutant.GET_FIRST_REPLY) ? 1 : eff.r())) {
      return;
    }
    result = merged();
    if (readRepair == ReadRepair.BLOCKING && !node.mutants.has(Mutant.ABD_NO_WRITE_BACK)) {
      startWriteBack();
      return;
    }
    respond();
    if (readRepair == ReadRepair.OFF || replies.size() + readFailures.size() == targets.size()) {
      if (readRepair == ReadRepair.ASYNC) {
        repairStale(result);
      }
      node.finish(this);
    }
  }

  private void startWriteBack() {
    assert readRepair == ReadRepair.BLOCKING && !writingBack && !answered()
        : "get " + id + " starts a write-back (read repair " + readRepair + ", already writing back: " + writingBack + ")";
    writingBack = true;
    for (Map.Entry<String, Siblings> e : replies.entrySet()) {
      if (e.getValue().sameWrites(result)) {
        holders.add(e.getKey());
      }
    }
    if (holders.size() >= eff.w()) {
      // Enough replicas already hold the result; the stale ones that replied are still repaired.
      repairStale(result);
      respond();
      node.finish(this);
      return;
    }
    for (String target : targets.nodes()) {
      if (!holders.contains(target)) {
        Siblings back = node.mutants.has(Mutant.READ_REPAIR_WRITES_BACK_OLDER) ? replies.values().iterator().next() : result;
        node.send(target, new PeerMessage.ReplicaWrite(id, request.key(), back, targets.hintFor().get(target)));
      }
    }
  }

  @Override
  void onWriteAck(String from, PeerMessage.ReplicaWriteAck ack) {
    if (!writingBack || answered() || !targets.contains(from)) {
      return;
    }
    if (ack.ok()) {
      holders.add(from);
    } else {
      writeFailures.add(from);
    }
    if (holders.size() >= eff.w()) {
      respond();
      node.finish(this);
    } else if (targets.size() - writeFailures.size() < eff.w()) {
      fail("get of '" + request.key() + "': the write-back failed at " + writeFailures);
    }
  }

  @Override
  void onTimeout() {
    if (answered()) {
      repairStale(merged());
      return;
    }
    String phase = writingBack
        ? "its write-back reached " + holders.size() + " of w=" + eff.w() + " replicas"
        : "it got " + replies.size() + " of r=" + eff.r() + " replies";
    answer(replyTo, new ClientReply.Error(request.id(), ErrorKind.UNAVAILABLE,
        "get of '" + request.key() + "' timed out after " + eff.timeoutMs() + " ms: " + phase + " (asked " + targets.nodes() + ")"));
  }

  private void fail(String message) {
    answer(replyTo, new ClientReply.Error(request.id(), ErrorKind.UNAVAILABLE, message));
    node.finish(this);
  }

  private void respond() {
    answer(replyTo, new ClientReply.GetOk(request.id(), replies.size(), node.reconciler.context(result), result.live()));
  }

  private Siblings merged() {
    Siblings merged = Siblings.EMPTY;
    for (Siblings s : replies.values()) {
      merged = node.reconciler.merge(merged, s);
    }
    return merged;
  }

  /** Fire-and-forget repair of every replier whose state lacks something of {@code state}. */
  private void repairStale(Siblings state) {
    if (readRepair == ReadRepair.OFF) {
      return;
    }
    for (Map.Entry<String, Siblings> e : replies.entrySet()) {
      if (!e.getValue().sameWrites(state)) {
        node.send(e.getKey(), new PeerMessage.ReplicaWrite(0, request.key(), state, targets.hintFor().get(e.getKey())));
      }
    }
  }
}
