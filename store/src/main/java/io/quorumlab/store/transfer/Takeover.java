package io.quorumlab.store.transfer;

import io.quorumlab.store.antientropy.TokenRange;
import io.quorumlab.store.ring.Ring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The side of a node that takes over ranges because members left the ring (force-removed, or gone
 * while this node did not see them leave): it pulls each range it gained from EVERY surviving
 * replica of it, and until all of them have sent everything the ranges are pending, so this node
 * takes writes for them but answers no read of them.
 *
 * <p>Why every survivor: with N=3 and W=2, a write acknowledged by the removed node and one
 * survivor is held by that survivor alone; pulling from one replica (as a join does, where the
 * displaced replica still exists) could miss it, and a quorum of the new replica set that includes
 * this node and the other survivor would then miss an acknowledged write.
 *
 * <p>State machine per source: REQUESTED (a stream asked) to DONE (its last batch arrived). A
 * source that stalls or is down is asked again, for all its ranges, once it is routable; a source
 * that leaves the ring is no longer waited for (a graceful leaver handed its keys to their new
 * owners; a removed one's copies are gone). Done, for good, once no source remains to wait for.
 */
final class Takeover {
  /** One source: the ranges it must send, the stream asking for them. */
  private static final class Pull {
    final List<TokenRange> ranges = new ArrayList<>();
    long stream = -1;
    long lastProgress;
    boolean done;
  }

  /** A gained range and the survivors it waits for. */
  private record Arc(TokenRange range, List<String> sources) {}

  private final String self;
  /** Who left the ring: for logs and status. */
  final Set<String> gone;
  /** Every gained range: a read of one is refused while a source of that range has not sent everything. */
  private final TokenRanges gained;
  private final List<Arc> arcs;
  private final Map<String, Pull> pulls = new LinkedHashMap<>();
  private boolean done;

  private Takeover(String self, Set<String> gone, List<Arc> arcs) {
    this.self = self;
    this.gone = gone;
    this.arcs = arcs;
    this.gained = TokenRanges.of(arcs.stream().map(Arc::range).toList());
    for (Arc arc : arcs) {
      for (String source : arc.sources()) {
        pulls.computeIfAbsent(source, s -> new Pull()).ranges.add(arc.range());
      }
    }
  }

  /**
   * The ranges {@code self} replicates in {@code next} but did not in {@code previous}, each to be
   * pulled from every replica it had in {@code previous} that is still in {@code next}; null when
   * the change gives {@code self} nothing (or it removed no member).
   */
  static Takeover plan(Ring previous, Ring next, String self, int n) {
    Set<String> gone = new TreeSet<>(previous.nodes());
    gone.removeAll(next.nodes());
    if (gone.isEmpty() || !next.contains(self)) {
      return null;
    }
    // Both rings' tokens together: within an arc between consecutive ones, each ring gives one
    // preference list.
    TreeSet<String> all = new TreeSet<>(previous.nodes());
    all.addAll(next.nodes());
    long[] tokens = JoinPlan.allTokens(Ring.of(all, previous.vnodes()));
    List<Arc> arcs = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      List<String> will = next.preferenceListAt(tokens[i], n);
      List<String> was = previous.preferenceListAt(tokens[i], n);
      if (!will.contains(self) || was.contains(self)) {
        continue;
      }
      long before = tokens[(i - 1 + tokens.length) % tokens.length];
      TokenRange range = tokens.length == 1 ? TokenRange.fullRing() : new TokenRange(before, tokens[i]);
      List<String> sources = was.stream().filter(next::contains).toList();
      assert !sources.contains(self) : self + " pulls a range it already replicated";
      arcs.add(new Arc(range, sources));
    }
    return arcs.isEmpty() ? null : new Takeover(self, gone, List.copyOf(arcs));
  }

  /** Asks every source that is up for its ranges; the others are asked once they are. */
  void tick(Ring ring, Predicate<String> routable, Joiner.Requester requester, long stallMs, long now) {
    if (done) {
      return;
    }
    pulls.keySet().removeIf(source -> !ring.contains(source));
    for (Map.Entry<String, Pull> e : pulls.entrySet()) {
      Pull pull = e.getValue();
      boolean stalled = pull.stream >= 0 && now - pull.lastProgress > stallMs;
      if (!pull.done && routable.test(e.getKey()) && (pull.stream < 0 || stalled)) {
        pull.stream = requester.request(e.getKey(), TokenRanges.of(pull.ranges));
        pull.lastProgress = now;
      }
    }
    done = pulls.values().stream().allMatch(p -> p.done);
  }

  /** A batch arrived from {@code source}: progress on its stream, or its end. */
  void onBatch(String source, TransferMessage.Batch batch, long now) {
    Pull pull = pulls.get(source);
    if (done || pull == null || pull.done || pull.stream != batch.stream()) {
      return;
    }
    assert !source.equals(self) : self + " streams to itself";
    pull.lastProgress = now;
    pull.done = batch.last();
  }

  /**
   * Whether a read of {@code token} must wait: it lies in a gained range one of whose surviving
   * replicas (still in the ring) has not sent everything yet. Once {@link #done}, never again.
   */
  boolean holds(long token) {
    if (done || !gained.contains(token)) {
      return false;
    }
    for (Arc arc : arcs) {
      if (arc.range().contains(token)) {
        for (String source : arc.sources()) {
          Pull pull = pulls.get(source);
          if (pull != null && !pull.done) {
            return true;
          }
        }
      }
    }
    return false;
  }

  boolean done() {
    return done;
  }

  int running() {
    return done ? 0 : (int) pulls.values().stream().filter(p -> !p.done).count();
  }

  int sources() {
    return pulls.size();
  }
}
