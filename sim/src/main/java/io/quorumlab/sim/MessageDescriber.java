package io.quorumlab.sim;

import io.quorumlab.store.antientropy.KeyValue;
import io.quorumlab.store.antientropy.SyncDone;
import io.quorumlab.store.antientropy.SyncHashes;
import io.quorumlab.store.antientropy.SyncKeys;
import io.quorumlab.store.antientropy.SyncMessage;
import io.quorumlab.store.antientropy.SyncStart;
import io.quorumlab.store.antientropy.SyncValues;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.handoff.Hint;
import io.quorumlab.store.handoff.HintAck;
import io.quorumlab.store.handoff.HintBatch;
import io.quorumlab.store.membership.GossipAck;
import io.quorumlab.store.membership.GossipAck2;
import io.quorumlab.store.membership.GossipMessage;
import io.quorumlab.store.membership.GossipSyn;
import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.WireOptions;
import io.quorumlab.store.transfer.TransferMessage;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.Version;
import io.quorumlab.store.version.VersionCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Says in one line what a message carried: the key, and the versions as the conflict mode reads
 * them (a last-writer-wins timestamp, a dot and its causal context, an ABD tag), with short values.
 * Pure functions of the message: describing a run never changes it.
 */
final class MessageDescriber {
  /** Values longer than this are shown by size; a diagram's tooltip is not a dump. */
  private static final int VALUE_CHARS = 32;
  /** Keys, hints, siblings listed per message before "and k more". */
  private static final int LISTED = 4;

  private final ConflictMode mode;
  private final long wallZeroMicros;

  /**
   * @param mode how versions are compared, hence what of them to show
   * @param wallZeroMicros the wall clock at virtual time zero: last-writer-wins timestamps are shown
   *     relative to it, in seconds, so that they read against the diagram's time axis (a skewed
   *     clock stands out)
   */
  MessageDescriber(ConflictMode mode, long wallZeroMicros) {
    this.mode = mode;
    this.wallZeroMicros = wallZeroMicros;
  }

  String request(ClientRequest r) {
    String opts = options(r.options());
    if (r instanceof ClientRequest.Get g) return "get " + g.key() + opts;
    if (r instanceof ClientRequest.Put p) {
      return p.isDelete() ? "delete " + p.key() + context(p.context()) + opts
          : "put " + p.key() + " = " + value(p.value()) + context(p.context()) + opts;
    }
    if (r instanceof ClientRequest.Admin a) return "admin " + a.command();
    return "ping";
  }

  String reply(ClientReply r) {
    if (r instanceof ClientReply.GetOk g) {
      return "get ok from " + g.replies() + (g.replies() == 1 ? " replica: " : " replicas: ") + values(g.siblings());
    }
    if (r instanceof ClientReply.PutOk p) return "put ok, " + p.acks() + (p.acks() == 1 ? " ack" : " acks");
    if (r instanceof ClientReply.Error e) return "error " + e.kind().name().toLowerCase(Locale.ROOT) + ": " + e.message();
    if (r instanceof ClientReply.Pong p) return "pong from " + p.nodeId();
    return "admin answer";
  }

  String versions(Siblings state) {
    if (state.isEmpty()) return "nothing";
    List<String> parts = new ArrayList<>();
    for (Version v : state.versions()) parts.add(version(v));
    return listed(parts);
  }

  private String version(Version v) {
    String value = v.isTombstone() ? "tombstone" : value(v.value());
    switch (mode) {
      case LWW:
        return value + " ts " + String.format(Locale.ROOT, "%+.6f", (v.stamp() - wallZeroMicros) / 1e6) + " s by " + v.node();
      case ABD:
        return value + " tag " + v.counter() + "." + v.node();
      default:
        return value + " dot " + v.node() + ":" + v.counter() + " ctx " + clock(v.context().entries());
    }
  }

  String hints(HintBatch b) {
    List<String> parts = new ArrayList<>();
    for (Hint h : b.hints()) parts.add(text(h.key()) + " = " + stored(h.value()));
    return "hints for " + b.owner() + " (batch " + b.batchId() + "): " + (parts.isEmpty() ? "none" : listed(parts));
  }

  String hintAck(HintAck a) {
    int n = a.hintIds().length;
    return "hint ack of batch " + a.batchId() + ": " + n + (n == 1 ? " hint" : " hints") + " applied";
  }

  String sync(SyncMessage m) {
    String session = " (session " + m.sessionId() + ")";
    if (m instanceof SyncStart st) return "anti-entropy start" + session + ": tree depth " + st.depth() + ", root " + Long.toHexString(st.root());
    if (m instanceof SyncHashes h) return "anti-entropy hashes" + session + ": " + h.marked().cardinality() + " of " + h.markedOf() + " differ";
    if (m instanceof SyncKeys k) {
      return "anti-entropy keys" + session + ": " + (k.wholeRange() ? "whole range, " : "") + k.entries().size() + " key digests";
    }
    if (m instanceof SyncValues v) {
      return "anti-entropy values" + session + ": " + keyValues(v.values()) + (v.wanted().isEmpty() ? "" : "; wants " + v.wanted().size());
    }
    SyncDone d = (SyncDone) m;
    return "anti-entropy done" + session + ": " + d.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + (d.detail().isEmpty() ? "" : " (" + d.detail() + ")");
  }

  String transfer(TransferMessage m) {
    if (m instanceof TransferMessage.Request r) return "transfer request (stream " + r.stream() + "): " + r.ranges().size() + " ranges";
    if (m instanceof TransferMessage.Batch b) {
      return "transfer batch " + b.seq() + " (stream " + b.stream() + (b.last() ? ", last" : "") + "): " + keyValues(b.entries());
    }
    return "transfer ack of batch " + ((TransferMessage.Ack) m).seq() + " (stream " + m.stream() + ")";
  }

  String gossip(GossipMessage m) {
    if (m instanceof GossipSyn syn) return "gossip syn: " + syn.digests().size() + " digests";
    if (m instanceof GossipAck a) return "gossip ack: " + a.deltas().size() + " deltas, " + a.requests().size() + " requests";
    return "gossip ack2: " + ((GossipAck2) m).deltas().size() + " deltas";
  }

  private String keyValues(List<KeyValue> entries) {
    if (entries.isEmpty()) return "no values";
    List<String> parts = new ArrayList<>();
    for (KeyValue kv : entries) parts.add(text(kv.key()) + " = " + stored(kv.value()));
    return listed(parts);
  }

  /** A key's state in the store's own encoding. */
  private String stored(byte[] bytes) {
    try {
      return versions(VersionCodec.decodeSiblings(bytes));
    } catch (RuntimeException e) {
      return bytes.length + " bytes that do not decode";
    }
  }

  private static String clock(Map<String, Long> entries) {
    StringBuilder s = new StringBuilder("{");
    entries.forEach((node, counter) -> s.append(s.length() > 1 ? "," : "").append(node).append(':').append(counter));
    return s.append('}').toString();
  }

  private static String context(byte[] context) {
    return context == null || context.length == 0 ? "" : " (with context)";
  }

  private static String options(WireOptions o) {
    List<String> parts = new ArrayList<>();
    if (o.w() > 0) parts.add("w=" + o.w());
    if (o.r() > 0) parts.add("r=" + o.r());
    if (o.quorum() != null) parts.add(o.quorum().name().toLowerCase(Locale.ROOT));
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  private static String values(List<byte[]> values) {
    if (values.isEmpty()) return "nothing";
    List<String> parts = new ArrayList<>();
    for (byte[] v : values) parts.add(value(v));
    return listed(parts);
  }

  /** Short printable text quoted; anything else by its size. */
  static String value(byte[] v) {
    if (v == null) return "nothing";
    if (v.length > VALUE_CHARS) return v.length + " bytes";
    for (byte b : v) {
      if (b < 0x20 || b > 0x7e) return v.length + " bytes";
    }
    return "\"" + new String(v, StandardCharsets.US_ASCII) + "\"";
  }

  static String text(byte[] key) {
    return new String(key, StandardCharsets.UTF_8);
  }

  private static String listed(List<String> parts) {
    if (parts.size() <= LISTED) return String.join(" | ", parts);
    return String.join(" | ", parts.subList(0, LISTED)) + " | and " + (parts.size() - LISTED) + " more";
  }
}
