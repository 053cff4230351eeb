package io.quorumlab.store.transfer;

import io.quorumlab.store.antientropy.TokenRange;
import io.quorumlab.store.ring.Ring;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * What a joining node must pull, and from whom: every arc of the ring-with-it that it will
 * replicate, with the current replicas that hold the arc in the order it should ask them.
 *
 * <p>First comes the replica the join displaces (the one that is in the arc's preference list now
 * and not once the joiner is in): the joiner takes its place, so it gets exactly the versions that
 * replica had, and every write keeps as many copies among the new replicas as it had among the old
 * ones. Only when that replica cannot serve does another current replica, which holds the arc but
 * may lack writes the displaced one had, take over; anti-entropy closes that gap later.
 */
final class JoinPlan {
  /** An arc of the future ring the joiner will replicate, and who can send it, best first. */
  record Arc(TokenRange range, List<String> candidates) {}

  private JoinPlan() {}

  static List<Arc> arcs(Ring current, String joiner, int n) {
    assert !current.contains(joiner) : joiner + " is already in the ring it joins";
    TreeSet<String> ids = new TreeSet<>(current.nodes());
    ids.add(joiner);
    Ring future = Ring.of(ids, current.vnodes());
    long[] tokens = allTokens(future);
    List<Arc> arcs = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      // Within (previous token, this token] both rings give one preference list: the future ring's
      // tokens include the current ring's, so its arcs only split the current ones.
      List<String> will = future.preferenceListAt(tokens[i], n);
      if (!will.contains(joiner)) {
        continue;
      }
      List<String> now = current.preferenceListAt(tokens[i], n);
      List<String> candidates = new ArrayList<>();
      for (String replica : now) {
        if (!will.contains(replica)) {
          candidates.add(replica);
        }
      }
      for (String replica : now) {
        if (!candidates.contains(replica)) {
          candidates.add(replica);
        }
      }
      long previous = tokens[(i - 1 + tokens.length) % tokens.length];
      TokenRange range = tokens.length == 1 ? TokenRange.fullRing() : new TokenRange(previous, tokens[i]);
      arcs.add(new Arc(range, List.copyOf(candidates)));
    }
    return arcs;
  }

  static long[] allTokens(Ring ring) {
    long[] all = ring.nodes().stream().flatMapToLong(id -> Arrays.stream(ring.tokensOf(id))).toArray();
    // Unsigned order: flip the sign bit, sort signed, flip back.
    for (int i = 0; i < all.length; i++) {
      all[i] ^= Long.MIN_VALUE;
    }
    Arrays.sort(all);
    for (int i = 0; i < all.length; i++) {
      all[i] ^= Long.MIN_VALUE;
    }
    return Arrays.stream(all).distinct().toArray();
  }
}
