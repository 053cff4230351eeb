package io.quorumlab.sim;

import io.quorumlab.store.antientropy.SyncCodec;
import io.quorumlab.store.handoff.HintAck;
import io.quorumlab.store.handoff.HintBatch;
import io.quorumlab.store.handoff.HintCodec;
import io.quorumlab.store.handoff.HintMessage;
import io.quorumlab.store.membership.GossipCodec;
import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.Codec;
import io.quorumlab.store.protocol.PeerMessage;
import io.quorumlab.store.services.Channels;
import io.quorumlab.store.transfer.TransferCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every message the simulated network carried, for a message diagram: sender, receiver, send
 * time, due time, and its fate (delivered when, or dropped when and why), with a line saying what
 * it carried. Only small runs are recorded in full: once the clients have sent more than
 * {@link #maxClientRequests()} requests the log empties itself and stops ({@link #complete()} is
 * then false), so a large run pays for its first few hundred requests and nothing after.
 *
 * <p>The log only reads: it consumes no randomness and schedules nothing, so a run with it is the
 * same run, event for event, as without. Each in-flight message is known by its delivery event.
 */
public final class MessageLog {
  private final Simulation sim;
  private final int maxClientRequests;
  private final MessageDescriber describer;
  private final List<MessageRecord> records = new ArrayList<>();
  private final Map<Event, MessageRecord> inFlight = new IdentityHashMap<>();
  /** Ids of client requests and forwards that are gets: the ops they start are gets. */
  private final Set<Long> getRequests = new HashSet<>();
  /** Ops (coordinator, op id) of gets: their replica writes are read repair. */
  private final Set<OpKey> getOps = new HashSet<>();
  /** Each client request in flight or unanswered, by (client, request id): its reply names it. */
  private final Map<Long, MessageRecord> requests = new HashMap<>();
  /** Each client's node, in the order the clients first sent. */
  private final Map<String, String> clientNodes = new LinkedHashMap<>();
  private long clientRequests;
  private boolean complete = true;
  /** The message being handled by the event running now (sends from it are its consequences). */
  private MessageRecord handling;
  private long handlingSeq = Long.MIN_VALUE;

  private record OpKey(String node, long op) {}

  MessageLog(Simulation sim, int maxClientRequests) {
    if (maxClientRequests < 0) {
      throw new IllegalArgumentException("maxClientRequests must be >= 0, not " + maxClientRequests);
    }
    this.sim = sim;
    this.maxClientRequests = maxClientRequests;
    this.describer = new MessageDescriber(sim.config().template().conflicts(), sim.config().wallClockStartMicros());
  }

  /** The messages in the order they were sent (empty once the log gave up); fates as of now. */
  public List<MessageRecord> messages() {
    return Collections.unmodifiableList(records);
  }

  /** False once the run outgrew the log ({@link #maxClientRequests()} exceeded): nothing is kept then. */
  public boolean complete() {
    return complete;
  }

  /** The node each client that sent something is connected to ({@code client<k>} to node id). */
  public Map<String, String> clients() {
    return Collections.unmodifiableMap(clientNodes);
  }

  public int maxClientRequests() {
    return maxClientRequests;
  }

  /** Requests the clients sent so far (counted on after the log gave up). */
  public long clientRequests() {
    return clientRequests;
  }

  // ---------------------------------------------------------------- hooks of the network

  /** A message between nodes that will arrive through {@code delivery} at {@code due}. */
  void sent(Event delivery, SimNode from, SimNode to, PeerMessage message, long due, long slowed, Event original) {
    if (!complete) return;
    MessageRecord dup = original == null ? null : inFlight.get(original);
    MessageRecord r = original != null && dup != null
        ? record(dup.type(), from.id, to.id, due, slowed, dup.id(), dup.key(), dup.description())
        : peer(from.id, to.id, message, due, slowed);
    inFlight.put(delivery, r);
  }

  /** A message between nodes that the network dropped as it was sent. */
  void droppedAtSend(SimNode from, String to, PeerMessage message, String why) {
    if (!complete) return;
    peer(from.id, to, message, -1, 0).dropped(sim.now(), why);
  }

  /** A client's request, arriving through {@code delivery} at {@code due}. */
  void request(Event delivery, SimClient client, SimNode node, byte[] bytes, long due) {
    clientRequests++;
    if (!complete) return;
    if (clientRequests > maxClientRequests) {
      giveUp();
      return;
    }
    ClientRequest request = (ClientRequest) Codec.decode(bytes);
    clientNodes.putIfAbsent(client(client), node.id);
    MessageRecord r = record(MessageType.CLIENT_REQUEST, client(client), node.id, due, 0, -1, request.key(), describer.request(request));
    if (request instanceof ClientRequest.Get) getRequests.add(r.id());
    requests.put(requestKey(client, request.id()), r);
    inFlight.put(delivery, r);
  }

  /** A node's answer to a client, arriving through {@code arrival} at {@code due}. */
  void reply(Event arrival, SimNode node, SimClient client, ClientReply reply, long due) {
    if (!complete) return;
    MessageRecord request = requests.remove(requestKey(client, reply.id()));
    MessageRecord r = record(MessageType.CLIENT_REPLY, node.id, client(client), due, 0, -1, request == null ? null : request.key(),
        describer.reply(reply));
    if (request != null) r.answers(request.id());
    inFlight.put(arrival, r);
  }

  /** The message of {@code event} reached its receiver, which handles it now. */
  void delivered(Event event) {
    MessageRecord r = inFlight.remove(event);
    if (r == null) return;
    r.delivered(sim.now());
    handling = r;
    handlingSeq = sim.currentSeq();
  }

  /** A reply reached a client that no longer waited for it. */
  void deliveredUnanswered(Event event) {
    MessageRecord r = inFlight.remove(event);
    if (r != null) r.deliveredUnanswered(sim.now());
  }

  /** The message of {@code event} was lost on its way ({@code why}). */
  void dropped(Event event, String why) {
    MessageRecord r = inFlight.remove(event);
    if (r != null) r.dropped(sim.now(), why);
  }

  // ---------------------------------------------------------------- records

  private void giveUp() {
    complete = false;
    records.clear();
    inFlight.clear();
    getRequests.clear();
    getOps.clear();
    requests.clear();
    clientNodes.clear();
    handling = null;
  }

  private MessageRecord record(MessageType type, String from, String to, long due, long slowed, long duplicateOf, String key,
      String description) {
    MessageRecord cause = sim.currentSeq() == handlingSeq ? handling : null;
    MessageRecord r = new MessageRecord(records.size() + 1, type, from, to, sim.now(), due, slowed, duplicateOf,
        cause == null ? -1 : cause.id(), key, description);
    records.add(r);
    return r;
  }

  /** Classifies and describes a message between nodes; the handled message tells acks and repairs apart. */
  private MessageRecord peer(String from, String to, PeerMessage message, long due, long slowed) {
    MessageRecord cause = sim.currentSeq() == handlingSeq ? handling : null;
    if (message instanceof PeerMessage.ReplicaRead m) {
      boolean get = cause != null && getRequests.contains(cause.id());
      if (get) getOps.add(new OpKey(from, m.op()));
      return record(MessageType.REPLICA_READ, from, to, due, slowed, -1, m.key(),
          "read " + m.key() + " (op " + m.op() + (get ? ", a get" : ", a write's read phase") + ")");
    }
    if (message instanceof PeerMessage.ReplicaReadReply m) {
      String key = cause == null ? null : cause.key();
      return record(MessageType.REPLICA_READ_ACK, from, to, due, slowed, -1, key, m.ok()
          ? "state of " + key + " (op " + m.op() + "): " + describer.versions(m.state())
          : "read of " + key + " failed (op " + m.op() + ")");
    }
    if (message instanceof PeerMessage.ReplicaWrite m) {
      String state = describer.versions(m.state());
      if (m.op() != 0 && getOps.contains(new OpKey(from, m.op()))) {
        return record(MessageType.READ_REPAIR, from, to, due, slowed, -1, m.key(), "write-back of " + m.key() + " (get op " + m.op() + "): " + state);
      }
      if (m.op() == 0 && (cause == null || cause.type() == MessageType.REPLICA_READ_ACK)) {
        return record(MessageType.READ_REPAIR, from, to, due, slowed, -1, m.key(), "read repair of " + m.key() + ": " + state);
      }
      if (m.op() == 0) {
        return record(MessageType.TRANSFER, from, to, due, slowed, -1, m.key(), "write of " + m.key() + " pushed to a new owner: " + state);
      }
      return record(MessageType.REPLICA_WRITE, from, to, due, slowed, -1, m.key(), "write " + m.key() + " (op " + m.op() + ")"
          + (m.hintFor() == null ? "" : " as fallback for " + m.hintFor()) + ": " + state);
    }
    if (message instanceof PeerMessage.ReplicaWriteAck m) {
      boolean repair = cause != null && cause.type() == MessageType.READ_REPAIR;
      String key = cause == null ? null : cause.key();
      return record(repair ? MessageType.READ_REPAIR_ACK : MessageType.REPLICA_WRITE_ACK, from, to, due, slowed, -1, key,
          (m.ok() ? "ack of " : "failed ") + (repair ? "write-back" : "write") + " of " + key + " (op " + m.op() + ")"
              + (m.error() == null ? "" : ": " + m.error()));
    }
    if (message instanceof PeerMessage.Forward m) {
      MessageRecord r = record(MessageType.FORWARD, from, to, due, slowed, -1, m.request().key(),
          "forwarded " + describer.request(m.request()) + " (op " + m.op() + ")");
      if (m.request() instanceof ClientRequest.Get) getRequests.add(r.id());
      return r;
    }
    if (message instanceof PeerMessage.ForwardReply m) {
      return record(MessageType.FORWARD_REPLY, from, to, due, slowed, -1, cause == null ? null : cause.key(),
          "answer to forwarded op " + m.op() + ": " + describer.reply(m.reply()));
    }
    if (message instanceof PeerMessage.Extension m) {
      return extension(from, to, m, due, slowed);
    }
    return record(MessageType.OTHER, from, to, due, slowed, -1, null, message.getClass().getSimpleName());
  }

  private MessageRecord extension(String from, String to, PeerMessage.Extension m, long due, long slowed) {
    try {
      switch (m.channel()) {
        case Channels.GOSSIP:
          return record(MessageType.GOSSIP, from, to, due, slowed, -1, null, describer.gossip(GossipCodec.decode(m.payload())));
        case Channels.ANTI_ENTROPY:
          return record(MessageType.ANTI_ENTROPY, from, to, due, slowed, -1, null, describer.sync(SyncCodec.decode(m.payload())));
        case Channels.HANDOFF:
          HintMessage h = HintCodec.decode(m.payload());
          return h instanceof HintBatch b
              ? record(MessageType.HINT, from, to, due, slowed, -1, null, describer.hints(b))
              : record(MessageType.HINT_ACK, from, to, due, slowed, -1, null, describer.hintAck((HintAck) h));
        case Channels.TRANSFER:
          return record(MessageType.TRANSFER, from, to, due, slowed, -1, null, describer.transfer(TransferCodec.decode(m.payload())));
        default:
          return record(MessageType.OTHER, from, to, due, slowed, -1, null, "extension channel " + m.channel() + ", " + m.payload().length + " bytes");
      }
    } catch (IOException | RuntimeException e) {
      return record(MessageType.OTHER, from, to, due, slowed, -1, null,
          "extension channel " + m.channel() + " that does not decode: " + e.getMessage());
    }
  }

  private static String client(SimClient c) {
    return "client" + c.number();
  }

  private static long requestKey(SimClient c, long requestId) {
    return ((long) c.number() << 40) ^ requestId;
  }
}
