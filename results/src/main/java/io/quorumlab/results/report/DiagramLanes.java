package io.quorumlab.results.report;

import io.quorumlab.results.ops.ClientOp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who is where in the message diagram: a lane per client process (the history's), then a lane per
 * node; and which operation each message belongs to. The network knows a client only as its
 * connection to a node, shared by every process that goes through that node, so each request is
 * matched to the operation that sent it: the one through the same node, on the same key, whose
 * invocation was sent at that instant (or, failing that, the latest one in progress then). A reply
 * belongs to the request it answers; a message between nodes to the operation whose request set it
 * off (its chain of causes).
 */
final class DiagramLanes {
  /** One lane: its label, and what it says below the label. */
  record Lane(String key, String label, String detail, boolean node) {}

  final List<Lane> lanes = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<Long, ClientOp> opOfMessage = new HashMap<>();
  private final Map<Long, String> laneOfClientMessage = new HashMap<>();

  DiagramLanes(MessageTrace trace, List<ClientOp> ops) {
    Map<Long, TreeSet<String>> processNodes = new TreeMap<>();
    for (ClientOp o : ops) {
      TreeSet<String> via = processNodes.computeIfAbsent(o.invoke().process(), p -> new TreeSet<>());
      if (o.invoke().node() != null) via.add(o.invoke().node());
    }
    Map<Long, MessageTrace.Message> byId = new HashMap<>();
    for (MessageTrace.Message m : trace.messages) byId.put(m.id(), m);
    Map<String, String> fallback = new LinkedHashMap<>();
    for (MessageTrace.Message m : trace.messages) {
      ClientOp op = null;
      String client = null;
      if (m.type().equals("client-request")) {
        client = m.from();
        op = match(m, trace.clients.get(client), ops);
      } else if (m.type().equals("client-reply")) {
        client = m.to();
        op = m.answers() < 0 ? null : opOfMessage.get(m.answers());
      } else {
        op = causeOp(m, byId);
      }
      if (op != null) opOfMessage.put(m.id(), op);
      if (client != null) {
        String lane = op != null ? processKey(op.invoke().process()) : clientKey(client);
        laneOfClientMessage.put(m.id(), lane);
        if (op == null) fallback.putIfAbsent(client, trace.clients.getOrDefault(client, "?"));
      }
    }
    processNodes.forEach((p, via) -> add(new Lane(processKey(p), "process " + p, via.isEmpty() ? "" : "via " + String.join(", ", via), false)));
    fallback.forEach((c, node) -> add(new Lane(clientKey(c), c, "via " + node + ", no operation matched", false)));
    for (String n : trace.nodes) add(new Lane(nodeKey(n), n, "", true));
  }

  private void add(Lane lane) {
    index.put(lane.key(), lanes.size());
    lanes.add(lane);
  }

  /** The lane of {@code end} ({@code from} or {@code to}) of message {@code m}; -1 when it has none. */
  int lane(MessageTrace.Message m, String end) {
    if (end.equals(m.from()) && m.type().equals("client-request") || end.equals(m.to()) && m.type().equals("client-reply")) {
      return index.getOrDefault(laneOfClientMessage.get(m.id()), -1);
    }
    return index.getOrDefault(nodeKey(end), -1);
  }

  int laneOf(ClientOp op) {
    return index.getOrDefault(processKey(op.invoke().process()), -1);
  }

  /** The operation {@code m} belongs to, or null (gossip, anti-entropy, a request nobody matched). */
  ClientOp op(MessageTrace.Message m) {
    return opOfMessage.get(m.id());
  }

  String label(int lane) {
    return lanes.get(lane).label();
  }

  private ClientOp causeOp(MessageTrace.Message m, Map<Long, MessageTrace.Message> byId) {
    long cause = m.cause();
    if (cause < 0) return null;
    // Causes precede their consequences, so the cause's operation is known already.
    MessageTrace.Message c = byId.get(cause);
    return c == null ? null : opOfMessage.get(c.id());
  }

  /** The operation that sent request {@code m} through {@code node}, or null. */
  private static ClientOp match(MessageTrace.Message m, String node, List<ClientOp> ops) {
    ClientOp best = null;
    int bestScore = -1;
    for (ClientOp o : ops) {
      if (o.invokeNanos() < 0 || o.invokeNanos() > m.sent() || !Objects.equals(o.invoke().node(), node)) continue;
      if (o.completeNanos() >= 0 && o.completeNanos() < m.sent()) continue;
      int score = (sentAt(o) == m.sent() ? 2 : 0) + (sameKey(m.key(), o.invoke().key()) ? 1 : 0);
      if (score > bestScore || score == bestScore && o.invokeNanos() >= best.invokeNanos()) {
        best = o;
        bestScore = score;
      }
    }
    return best;
  }

  /** When the operation was really sent: its invocation's "sent" when late, else its time. */
  private static long sentAt(ClientOp o) {
    Object sent = o.invoke().extra().get("sent");
    return sent instanceof Number n ? n.longValue() : o.invokeNanos();
  }

  /** Workloads prefix their keys in the store ("register/5" for key 5). */
  private static boolean sameKey(String storeKey, Object key) {
    if (storeKey == null || key == null) return false;
    String k = String.valueOf(key);
    return storeKey.equals(k) || storeKey.endsWith("/" + k);
  }

  private static String processKey(long p) {
    return "p" + p;
  }

  private static String clientKey(String client) {
    return "c:" + client;
  }

  private static String nodeKey(String node) {
    return "n:" + node;
  }
}
