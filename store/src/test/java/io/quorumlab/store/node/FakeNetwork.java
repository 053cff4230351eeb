package io.quorumlab.store.node;

import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.PeerMessage;
import io.quorumlab.store.storage.MemoryStorage;
import io.quorumlab.store.version.Siblings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Nodes wired to an in-memory network the test steps by hand, with virtual time: nothing moves
 * until the test delivers messages or advances the clock. Messages can be dropped by predicate;
 * liveness is whatever the test says.
 */
final class FakeNetwork {
  record Envelope(String from, String to, PeerMessage message) {}

  private record Timer(long due, long seq, Runnable task, boolean[] cancelled) {}

  final Map<String, Node> nodes = new LinkedHashMap<>();
  final Map<String, MemoryStorage> storages = new HashMap<>();
  final ArrayDeque<Envelope> inFlight = new ArrayDeque<>();
  final List<Envelope> delivered = new ArrayList<>();
  final Map<Long, ClientReply> replies = new HashMap<>();
  final Set<String> down = new HashSet<>();
  Predicate<Envelope> drop = e -> false;
  /** Called whenever a client reply is produced (to check state at that instant). */
  java.util.function.Consumer<ClientReply> onReply = r -> {};
  private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private long now = 1_000;
  private long timerSeq;
  private long nextClient = 1;
  private long nextRequest = 1;

  FakeNetwork(int size, UnaryOperator<NodeConfig> customize) {
    Map<String, String> members = new LinkedHashMap<>();
    for (int i = 1; i <= size; i++) {
      members.put("n" + i, "127.0.0.1:" + (7000 + i));
    }
    Clock clock = new Clock() {
      @Override
      public long monotonicMillis() {
        return now;
      }

      @Override
      public long wallMicros() {
        return now * 1000;
      }
    };
    Scheduler scheduler = (delay, task) -> {
      boolean[] cancelled = {false};
      timers.add(new Timer(now + delay, timerSeq++, task, cancelled));
      return () -> cancelled[0] = true;
    };
    Liveness liveness = node -> !down.contains(node);
    for (String id : members.keySet()) {
      NodeConfig c = customize.apply(NodeConfig.defaults(id, 0, "", members).withStorage("memory"));
      MemoryStorage storage = new MemoryStorage();
      storages.put(id, storage);
      Transport transport = new Transport() {
        @Override
        public void send(String node, PeerMessage message) {
          inFlight.add(new Envelope(id, node, message));
        }

        @Override
        public void reply(ClientRef client, ClientReply reply) {
          replies.put(client.connection(), reply);
          onReply.accept(reply);
        }
      };
      nodes.put(id, new Node(c, transport, storage, clock, scheduler, new SplittableRandom(7), liveness));
    }
  }

  /** Sends a request to {@code node}; returns the client handle whose reply {@link #reply} gives. */
  long request(String node, ClientRequest request) {
    long client = nextClient++;
    nodes.get(node).onClientRequest(new ClientRef(client), request);
    return client;
  }

  long nextId() {
    return nextRequest++;
  }

  ClientReply reply(long client) {
    return replies.get(client);
  }

  /** Delivers one message (or drops it); false when none was in flight. */
  boolean step() {
    Envelope e = inFlight.poll();
    if (e == null) {
      return false;
    }
    if (drop.test(e) || down.contains(e.to())) {
      return true;
    }
    delivered.add(e);
    nodes.get(e.to()).onPeerMessage(e.from(), e.message());
    return true;
  }

  void deliverAll() {
    int guard = 0;
    while (step()) {
      if (++guard > 100_000) {
        throw new IllegalStateException("message storm");
      }
    }
  }

  /** Moves virtual time forward, firing due timers (and delivering what they send). */
  void advance(long ms) {
    long target = now + ms;
    while (!timers.isEmpty() && timers.peek().due <= target) {
      Timer t = timers.poll();
      now = t.due;
      if (!t.cancelled[0]) {
        t.task.run();
      }
      deliverAll();
    }
    now = target;
  }

  Siblings local(String node, String key) {
    return nodes.get(node).localState(key);
  }

  List<String> localValues(String node, String key) {
    return local(node, key).live().stream().map(v -> new String(v, StandardCharsets.UTF_8)).sorted().toList();
  }
}
