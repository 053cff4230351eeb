package io.quorumlab.store.transfer;

import io.quorumlab.store.membership.MemberStatus;
import io.quorumlab.store.ring.Ring;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Nodes running only {@link RangeTransfer}, wired to an in-memory network the test steps in virtual
 * time. A node's data maps a key to a set of versions (merging is union, as replicas merge). Every
 * message is encoded and decoded with {@link TransferCodec} on its way; messages can be dropped by
 * predicate, and a node that is down neither ticks, sends nor receives. Membership is global: a
 * status a node announces reaches every node's ring at once, unless {@link #gossipHeld} (then
 * {@link #spreadGossip} delivers it).
 */
final class TransferNetwork {
  static final int N = 3;
  static final int VNODES = 8;
  static final long TICK_MS = 250;
  static final TransferConfig CONFIG = new TransferConfig(1_000, 3, 3_000, 500, 5_000, 2_000);

  /** A message on the wire; {@code push} is a forwarded write (a replica write wanting no ack). */
  record Envelope(String from, String to, byte[] bytes, String pushKey, Set<String> pushVersions) {
    TransferMessage message() {
      return bytes == null ? null : TransferCodec.decode(bytes);
    }
  }

  final class Member implements ClusterView, TransferData {
    final String id;
    final TreeMap<String, TreeSet<String>> data = new TreeMap<>();
    final List<MemberStatus> announced = new ArrayList<>();
    Ring ring;
    long heardAt = 0;
    long hints;
    long discards;
    RangeTransfer transfer;

    Member(String id) {
      this.id = id;
    }

    @Override
    public Ring ring() {
      return ring;
    }

    @Override
    public boolean isRoutable(String other) {
      return !down.contains(other);
    }

    @Override
    public long heardFromClusterAt() {
      return heardAt;
    }

    @Override
    public long queuedHints() {
      return hints;
    }

    @Override
    public void announce(MemberStatus status) {
      announced.add(status);
      statuses.put(id, status);
      if (!gossipHeld) {
        spreadGossip();
      }
    }

    @Override
    public void scan(byte[] fromKey, BiPredicate<byte[], byte[]> visitor) {
      for (Map.Entry<String, TreeSet<String>> e : data.tailMap(new String(fromKey, StandardCharsets.UTF_8), true).entrySet()) {
        if (!visitor.test(bytes(e.getKey()), bytes(String.join(",", e.getValue())))) {
          return;
        }
      }
    }

    @Override
    public void merge(byte[] key, byte[] value) {
      store(new String(key, StandardCharsets.UTF_8), Set.of(new String(value, StandardCharsets.UTF_8).split(",")));
    }

    @Override
    public void discard(byte[] key) {
      discards++;
      data.remove(new String(key, StandardCharsets.UTF_8));
    }

    /** A data write here: stored, then forwarded where the transfer says. */
    void store(String key, Set<String> versions) {
      data.computeIfAbsent(key, k -> new TreeSet<>()).addAll(versions);
      RangeTransfer.Forwarding f = transfer.forwarding(key);
      for (String target : f.push()) {
        inFlight.add(new Envelope(id, target, null, key, Set.copyOf(data.get(key))));
      }
      f.hold().forEach(target -> held.add(target + " " + key));
    }

    /** "target key" of every write held for a target that was down (the node makes them hints). */
    final List<String> held = new ArrayList<>();

    Set<String> versions(String key) {
      return data.getOrDefault(key, new TreeSet<>());
    }
  }

  final Map<String, Member> members = new LinkedHashMap<>();
  final Map<String, MemberStatus> statuses = new TreeMap<>();
  final Set<String> down = new HashSet<>();
  final ArrayDeque<Envelope> inFlight = new ArrayDeque<>();
  final List<Envelope> delivered = new ArrayList<>();
  Predicate<Envelope> drop = e -> false;
  boolean gossipHeld;
  long now = 1_000;

  /** {@code size} members n1..nK, UP. */
  TransferNetwork(int size) {
    for (int i = 1; i <= size; i++) {
      add("n" + i, MemberStatus.UP);
    }
    spreadGossip();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Member add(String id, MemberStatus status) {
    Member m = new Member(id);
    members.put(id, m);
    statuses.put(id, status);
    m.transfer = new RangeTransfer(id, N, CONFIG, status == MemberStatus.JOINING, m, m, (to, message) ->
        inFlight.add(new Envelope(id, to, TransferCodec.encode(message), null, null)), now);
    return m;
  }

  /** A node that starts joining now; it has heard from the cluster at once. */
  Member join(String id) {
    Member m = add(id, MemberStatus.JOINING);
    spreadGossip();
    return m;
  }

  /** Every node's ring becomes the members that own tokens. */
  void spreadGossip() {
    Set<String> owners = new TreeSet<>();
    statuses.forEach((id, status) -> {
      if (status.ownsTokens()) {
        owners.add(id);
      }
    });
    Ring ring = Ring.of(owners, VNODES);
    members.values().forEach(m -> {
      Ring previous = m.ring;
      m.ring = ring;
      if (previous != null && !previous.nodes().equals(ring.nodes())) {
        m.transfer.onRing(previous, ring, now);
      }
    });
  }

  /** {@code id} crashed for good and is force-removed: down, LEFT, out of every ring. */
  void remove(String id) {
    down.add(id);
    statuses.put(id, MemberStatus.LEFT);
    spreadGossip();
  }

  Ring ring() {
    return members.values().iterator().next().ring;
  }

  Member member(String id) {
    return members.get(id);
  }

  /** A coordinated write that reaches every replica of {@code key} in the current ring. */
  void put(String key, String version) {
    for (String replica : ring().preferenceList(key, N)) {
      member(replica).store(key, Set.of(version));
    }
  }

  /** Delivers (or drops) everything in flight, including what deliveries send. */
  void deliverAll() {
    int guard = 0;
    Envelope e;
    while ((e = inFlight.poll()) != null) {
      if (++guard > 1_000_000) {
        throw new IllegalStateException("message storm");
      }
      if (down.contains(e.from()) || down.contains(e.to()) || drop.test(e)) {
        continue;
      }
      delivered.add(e);
      Member to = member(e.to());
      if (e.bytes() == null) {
        to.store(e.pushKey(), e.pushVersions());
      } else {
        to.transfer.receive(e.from(), e.message(), now);
      }
    }
  }

  /** Moves virtual time forward tick by tick; every node that is up ticks, then messages flow. */
  void advance(long ms) {
    long end = now + ms;
    while (now + TICK_MS <= end) {
      now += TICK_MS;
      for (Member m : List.copyOf(members.values())) {
        if (!down.contains(m.id)) {
          m.transfer.tick(now);
        }
      }
      deliverAll();
    }
    now = end;
  }

  /** Advances until {@code done} holds; fails after {@code limitMs} of virtual time. */
  long advanceUntil(long limitMs, java.util.function.BooleanSupplier done) {
    long start = now;
    while (!done.getAsBoolean()) {
      if (now - start > limitMs) {
        throw new AssertionError("not done after " + limitMs + " ms of virtual time");
      }
      advance(TICK_MS);
    }
    return now - start;
  }

  /** The batches delivered to {@code to}, by sender. */
  Map<String, Integer> entriesReceivedBy(String to) {
    Map<String, Integer> bySender = new TreeMap<>();
    for (Envelope e : delivered) {
      if (e.to().equals(to) && e.message() instanceof TransferMessage.Batch b) {
        bySender.merge(e.from(), b.entries().size(), Integer::sum);
      }
    }
    return bySender;
  }

  /** The requests delivered, as (from, to) pairs. */
  List<String> requests() {
    List<String> out = new ArrayList<>();
    for (Envelope e : delivered) {
      if (e.message() instanceof TransferMessage.Request) {
        out.add(e.from() + "->" + e.to());
      }
    }
    return out;
  }

  /** Keys {@code id} replicates in {@code ring}, among {@code keys}. */
  static Set<String> replicatedBy(Ring ring, String id, Iterable<String> keys) {
    Set<String> out = new TreeSet<>();
    for (String key : keys) {
      if (ring.preferenceList(key, N).contains(id)) {
        out.add(key);
      }
    }
    return out;
  }

  static String version(String key, String tag) {
    return key + "@" + tag;
  }

  static List<String> keys(int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add("key-" + i);
    }
    return keys;
  }

  @Override
  public String toString() {
    return "TransferNetwork" + Arrays.toString(members.keySet().toArray());
  }
}
