package io.quorumlab.store.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The joining node's side: pulls every arc it will replicate from one current replica (see
 * {@link JoinPlan}), one stream per source. A source that stops making progress or goes down has
 * its arcs asked of the next candidate that is up; an arc no candidate can serve is skipped, left
 * to anti-entropy. Done when every source has sent its last batch.
 */
final class Joiner {
  /** One stream from one source, covering some arcs. */
  private static final class Pull {
    final List<JoinPlan.Arc> arcs = new ArrayList<>();
    long stream;
    long lastProgress;
    boolean done;
  }

  /** Sends a request for {@code ranges} to {@code source} and returns its stream id. */
  @FunctionalInterface
  interface Requester {
    long request(String source, TokenRanges ranges);
  }

  private final List<JoinPlan.Arc> arcs;
  private final TransferConfig config;
  private final Map<String, Pull> pulls = new LinkedHashMap<>();
  private final List<JoinPlan.Arc> skipped = new ArrayList<>();

  Joiner(List<JoinPlan.Arc> arcs, TransferConfig config) {
    this.arcs = arcs;
    this.config = config;
  }

  /** Asks each arc of the first candidate that is up. */
  void start(Predicate<String> routable, Requester requester, long now) {
    assert pulls.isEmpty() : "the join started twice";
    assign(arcs, null, routable, requester, now);
  }

  /** Progress on a stream: a batch from {@code source} arrived. */
  void onBatch(String source, TransferMessage.Batch batch, long now) {
    Pull pull = pulls.get(source);
    if (pull == null || pull.stream != batch.stream() || pull.done) {
      return;
    }
    pull.lastProgress = now;
    pull.done = batch.last();
  }

  /** Moves the arcs of sources that went down or stalled to other candidates. */
  void tick(Predicate<String> routable, Requester requester, long now) {
    List<String> failed = new ArrayList<>();
    pulls.forEach((source, pull) -> {
      if (!pull.done && (!routable.test(source) || now - pull.lastProgress > config.stallMs())) {
        failed.add(source);
      }
    });
    for (String source : failed) {
      Pull pull = pulls.remove(source);
      assign(pull.arcs, source, routable, requester, now);
    }
  }

  /**
   * Gives each arc to its first candidate that is up, avoiding {@code failed} unless it is the only
   * one up; a source that already streams gets a new stream for all its arcs.
   */
  private void assign(List<JoinPlan.Arc> todo, String failed, Predicate<String> routable, Requester requester, long now) {
    Map<String, List<JoinPlan.Arc>> bySource = new LinkedHashMap<>();
    for (JoinPlan.Arc arc : todo) {
      String source = null;
      for (String candidate : arc.candidates()) {
        if (!candidate.equals(failed) && routable.test(candidate)) {
          source = candidate;
          break;
        }
      }
      if (source == null && failed != null && routable.test(failed)) {
        source = failed;
      }
      if (source == null) {
        skipped.add(arc);
      } else {
        bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(arc);
      }
    }
    bySource.forEach((source, added) -> {
      Pull pull = pulls.get(source);
      if (pull == null || pull.done) {
        pull = new Pull();
        pulls.put(source, pull);
      }
      pull.arcs.addAll(added);
      pull.stream = requester.request(source, TokenRanges.of(pull.arcs.stream().map(JoinPlan.Arc::range).toList()));
      pull.lastProgress = now;
    });
  }

  boolean done() {
    return pulls.values().stream().allMatch(p -> p.done);
  }

  int running() {
    return (int) pulls.values().stream().filter(p -> !p.done).count();
  }

  int sources() {
    return pulls.size();
  }

  int skippedArcs() {
    return skipped.size();
  }
}
