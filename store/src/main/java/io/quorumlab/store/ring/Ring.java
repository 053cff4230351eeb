package io.quorumlab.store.ring;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A consistent-hash ring over the unsigned 64-bit XXH3 space. Every physical node owns {@code
 * vnodes} tokens derived only from its id, so every node computes the same ring from the same
 * member set, and adding a node only takes the arcs in front of its own tokens. Immutable; a
 * membership change builds a new ring.
 */
public final class Ring {
  private static final Hasher64 HASH = Hashing.xxh3_64();
  /** The ring {@link #of} built last (see there). */
  private static volatile Ring lastBuilt;

  private final List<String> nodes;
  private final int vnodes;
  /** Tokens sorted as unsigned longs, and the index into {@link #nodes} of each token's owner. */
  private final long[] tokens;
  private final int[] owners;

  private Ring(List<String> nodes, int vnodes, long[] tokens, int[] owners) {
    this.nodes = nodes;
    this.vnodes = vnodes;
    this.tokens = tokens;
    this.owners = owners;
  }

  public static Ring of(Collection<String> nodeIds, int vnodes) {
    if (vnodes < 1) {
      throw new IllegalArgumentException("vnodes must be at least 1, got " + vnodes);
    }
    List<String> nodes = List.copyOf(new TreeSet<>(nodeIds));
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a ring needs at least one node");
    }
    // Rings are immutable and a function of (nodes, vnodes): the nodes of one cluster (in one
    // process when simulated) build the same ring again and again, so the last one is shared.
    Ring last = lastBuilt;
    if (last != null && last.vnodes == vnodes && last.nodes.equals(nodes)) {
      return last;
    }
    Ring ring = build(nodes, vnodes);
    lastBuilt = ring;
    return ring;
  }

  private static Ring build(List<String> nodes, int vnodes) {
    // TreeMap with an unsigned comparator; a colliding token (vanishingly rare) goes to the
    // smaller node id so that every node resolves it the same way.
    TreeMap<Long, Integer> byToken = new TreeMap<>(Long::compareUnsigned);
    for (int i = 0; i < nodes.size(); i++) {
      for (int v = 0; v < vnodes; v++) {
        long token = token(nodes.get(i), v);
        byToken.merge(token, i, Math::min);
      }
    }
    long[] tokens = new long[byToken.size()];
    int[] owners = new int[byToken.size()];
    int k = 0;
    for (Map.Entry<Long, Integer> e : byToken.entrySet()) {
      tokens[k] = e.getKey();
      owners[k] = e.getValue();
      k++;
    }
    return new Ring(nodes, vnodes, tokens, owners);
  }

  /** The {@code index}-th token of {@code node}: a function of the id alone. */
  public static long token(String node, int index) {
    return HASH.hashCharsToLong(node + "#" + index);
  }

  /** Where {@code key} falls on the ring. */
  public static long hash(String key) {
    return HASH.hashBytesToLong(key.getBytes(StandardCharsets.UTF_8));
  }

  public List<String> nodes() {
    return nodes;
  }

  public int vnodes() {
    return vnodes;
  }

  public boolean contains(String node) {
    return nodes.contains(node);
  }

  /** Every physical node once, in the order met walking clockwise from the key's position. */
  public List<String> walk(String key) {
    return walkFrom(hash(key));
  }

  public List<String> walkFrom(long position) {
    int n = nodes.size();
    List<String> order = new ArrayList<>(n);
    boolean[] seen = new boolean[n];
    int start = firstTokenAtOrAfter(position);
    for (int i = 0; i < tokens.length && order.size() < n; i++) {
      int owner = owners[(start + i) % tokens.length];
      if (!seen[owner]) {
        seen[owner] = true;
        order.add(nodes.get(owner));
      }
    }
    return order;
  }

  /** The first {@code n} distinct nodes clockwise: the key's replicas. */
  public List<String> preferenceList(String key, int n) {
    List<String> walk = walk(key);
    return walk.subList(0, Math.min(n, walk.size()));
  }

  /** The first {@code n} distinct nodes clockwise from {@code position} (a key's hash). */
  public List<String> preferenceListAt(long position, int n) {
    int want = Math.min(n, nodes.size());
    List<String> order = new ArrayList<>(want);
    boolean[] seen = new boolean[nodes.size()];
    int start = firstTokenAtOrAfter(position);
    for (int i = 0; i < tokens.length && order.size() < want; i++) {
      int owner = owners[(start + i) % tokens.length];
      if (!seen[owner]) {
        seen[owner] = true;
        order.add(nodes.get(owner));
      }
    }
    return order;
  }

  /** Whether {@code node} is among the first {@code n} distinct nodes clockwise from {@code position}. */
  public boolean isReplica(String node, long position, int n) {
    return preferenceListAt(position, n).contains(node);
  }

  /** The node owning the first token at or after the key's position. */
  public String primary(String key) {
    return nodes.get(owners[firstTokenAtOrAfter(hash(key))]);
  }

  private int firstTokenAtOrAfter(long position) {
    int lo = 0;
    int hi = tokens.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(tokens[mid], position) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == tokens.length ? 0 : lo;
  }

  /**
   * The fraction of the hash space whose primary is each node (each token owns the arc from the
   * previous token, exclusive, up to itself).
   */
  public Map<String, Double> ownership() {
    double[] share = new double[nodes.size()];
    for (int i = 0; i < tokens.length; i++) {
      long prev = tokens[(i - 1 + tokens.length) % tokens.length];
      long arc = tokens[i] - prev; // wraps modulo 2^64, as the ring does
      double fraction = tokens.length == 1 ? 1.0 : unsignedToDouble(arc) / 0x1p64;
      share[owners[i]] += fraction;
    }
    Map<String, Double> out = new TreeMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      out.put(nodes.get(i), share[i]);
    }
    return out;
  }

  private static double unsignedToDouble(long v) {
    double d = (double) (v >>> 1) * 2.0;
    return d + (v & 1);
  }

  /** Tokens owned by {@code node}, unsigned-sorted (for range transfer and anti-entropy). */
  public long[] tokensOf(String node) {
    int idx = nodes.indexOf(node);
    return Arrays.stream(indicesOf(idx)).mapToLong(i -> tokens[i]).toArray();
  }

  private int[] indicesOf(int owner) {
    return java.util.stream.IntStream.range(0, tokens.length).filter(i -> owners[i] == owner).toArray();
  }

  @Override
  public String toString() {
    return "Ring" + nodes + " x" + vnodes;
  }
}
