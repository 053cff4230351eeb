package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.ClusterMembership;
import io.quorumlab.harness.time.EventLoop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Changes the cluster's membership during the load: a new node joins, a node leaves
 * (decommissioned: it hands its ranges off), or a node crashes for good and is removed from the
 * ring ({@code cluster remove}). Each start makes one change, its stop finishes what can be
 * finished (a crashed node is removed then); a change still streaming at its stop goes on, and no
 * new change starts until it has finished, as operators run one range movement at a time.
 *
 * <p>Only nodes this nemesis joined leave or are removed: the run's clients, its other nemeses and
 * its final reads keep the nodes the cluster started with. So the cluster keeps between
 * {@code nodes} members (never fewer than N, which a valid spec has at least) and
 * {@code nodes + }{@value #MAX_EXTRA}, and a run stays a run of the same clients against a cluster
 * whose ring changes under them. Before the cluster is healed, {@link #settle} waits until every
 * change finished: joins are UP, leaves LEFT and stopped, crashed nodes removed.
 */
public final class MembershipNemesis implements SettlingNemesis {
  /** How many nodes beyond the initial ones may be members at once. */
  static final int MAX_EXTRA = 2;
  static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  static final long SETTLE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(180);

  /** Where a node this nemesis added stands. */
  private enum Phase { JOINING, MEMBER, LEAVING, CRASHED, GONE }

  private final List<MembershipChange> changes;
  private final Map<String, Phase> added = new LinkedHashMap<>();

  MembershipNemesis(List<MembershipChange> changes) {
    if (changes.isEmpty()) throw new IllegalArgumentException("a membership nemesis needs at least one change");
    this.changes = List.copyOf(changes);
  }

  /** Joins a spec can make over a run: one per start, a start every other interval. */
  public static int maxJoins(double timeLimitSeconds, double intervalSeconds) {
    return (int) Math.min(1000, Math.ceil(timeLimitSeconds / (2 * intervalSeconds)) + 1);
  }

  @Override
  public String name() {
    return "membership";
  }

  public List<MembershipChange> changes() {
    return changes;
  }

  @Override
  public String start(Cluster cluster, RandomGenerator random) throws Exception {
    ClusterMembership m = membership(cluster);
    List<String> notes = advance(cluster, m);
    List<String> busy = inPhase(Phase.JOINING, Phase.LEAVING, Phase.CRASHED);
    if (!busy.isEmpty()) {
      notes.add("no new change while " + String.join(", ", busy) + " " + (busy.size() == 1 ? "is" : "are") + " still changing");
      return String.join("; ", notes);
    }
    int members = cluster.nodes().size() + inPhase(Phase.MEMBER).size();
    List<String> movable = inPhase(Phase.MEMBER);
    List<MembershipChange> feasible = changes.stream()
        .filter(c -> c == MembershipChange.JOIN ? members < cluster.nodes().size() + MAX_EXTRA : !movable.isEmpty())
        .toList();
    if (feasible.isEmpty()) {
      notes.add("no change possible (" + members + " members, " + movable.size() + " of them joined by the nemesis)");
      return String.join("; ", notes);
    }
    MembershipChange change = feasible.get(random.nextInt(feasible.size()));
    switch (change) {
      case JOIN -> {
        String id = nextId(cluster);
        added.put(id, Phase.JOINING);
        m.join(id);
        notes.add(id + " joining");
      }
      case LEAVE -> {
        String id = movable.get(random.nextInt(movable.size()));
        added.put(id, Phase.LEAVING);
        m.leave(id);
        notes.add(id + " leaving");
      }
      case REMOVE -> {
        String id = movable.get(random.nextInt(movable.size()));
        added.put(id, Phase.CRASHED);
        m.crash(id);
        notes.add(id + " crashed for good");
      }
    }
    return String.join("; ", notes);
  }

  @Override
  public String stop(Cluster cluster) throws Exception {
    List<String> notes = advance(cluster, membership(cluster));
    List<String> busy = inPhase(Phase.JOINING, Phase.LEAVING, Phase.CRASHED);
    if (!busy.isEmpty()) notes.add(String.join(", ", busy) + " still changing");
    return notes.isEmpty() ? "nothing changing" : String.join("; ", notes);
  }

  @Override
  public boolean active() {
    return !inPhase(Phase.JOINING, Phase.LEAVING, Phase.CRASHED).isEmpty();
  }

  @Override
  public CompletableFuture<String> settle(EventLoop loop, Cluster cluster) {
    long deadline = loop.nanos() + SETTLE_LIMIT_NANOS;
    List<String> notes = new ArrayList<>();
    CompletableFuture<String> done = new CompletableFuture<>();
    poll(loop, cluster, deadline, notes, done);
    return done;
  }

  private void poll(EventLoop loop, Cluster cluster, long deadline, List<String> notes, CompletableFuture<String> done) {
    loop.offload(() -> advance(cluster, membership(cluster))).whenComplete((n, error) -> {
      if (error != null) {
        done.completeExceptionally(error);
        return;
      }
      // What finished; a refusal to remove a node not yet convicted is retried, not news.
      n.stream().filter(note -> note.endsWith(" joined") || note.endsWith(" left") || note.contains(" removed through "))
          .forEach(notes::add);
      List<String> busy = inPhase(Phase.JOINING, Phase.LEAVING, Phase.CRASHED);
      if (busy.isEmpty()) {
        List<String> members = new ArrayList<>(cluster.nodes());
        members.addAll(inPhase(Phase.MEMBER));
        notes.add("members " + String.join(" ", members));
        done.complete(String.join("; ", notes));
      } else if (loop.nanos() >= deadline) {
        done.completeExceptionally(new IllegalStateException("membership did not settle in "
            + TimeUnit.NANOSECONDS.toSeconds(SETTLE_LIMIT_NANOS) + " s: " + String.join(", ", busy) + " still changing"));
      } else {
        loop.delay(POLL_NANOS).thenRun(() -> poll(loop, cluster, deadline, notes, done));
      }
    });
  }

  /** Finishes what has finished: joins UP, leaves LEFT (their process stopped), crashed nodes removed. */
  private List<String> advance(Cluster cluster, ClusterMembership m) throws Exception {
    List<String> notes = new ArrayList<>();
    for (Map.Entry<String, Phase> e : added.entrySet()) {
      String id = e.getKey();
      switch (e.getValue()) {
        case JOINING -> {
          if (m.state(id).filter("UP"::equals).isPresent()) {
            e.setValue(Phase.MEMBER);
            notes.add(id + " joined");
          }
        }
        case LEAVING -> {
          // It stops once the others have heard it left: stopped earlier, it could tell nobody.
          if (m.state(id).filter("LEFT"::equals).isPresent() && othersSeeLeft(cluster, m, id)) {
            m.retire(id);
            e.setValue(Phase.GONE);
            notes.add(id + " left");
          }
        }
        case CRASHED -> {
          String via = liveOriginal(cluster, m);
          if (via == null) {
            notes.add("no live node to remove " + id + " through");
            continue;
          }
          try {
            m.remove(id, via);
            e.setValue(Phase.GONE);
            notes.add(id + " removed through " + via);
          } catch (IllegalArgumentException refused) {
            notes.add(id + " not removed yet: " + refused.getMessage());
          }
        }
        case MEMBER, GONE -> { }
      }
    }
    return notes;
  }

  /** Whether every running node the cluster started with knows {@code id} LEFT (or never heard of it). */
  private static boolean othersSeeLeft(Cluster cluster, ClusterMembership m, String id) {
    for (String n : cluster.nodes()) {
      if (cluster.killed().contains(n) || cluster.paused().contains(n)) continue;
      if (m.stateSeenBy(n, id).filter(s -> !s.equals("LEFT")).isPresent()) return false;
    }
    return true;
  }

  private static String liveOriginal(Cluster cluster, ClusterMembership m) {
    for (String n : cluster.nodes()) {
      if (!cluster.killed().contains(n) && !cluster.paused().contains(n) && m.state(n).isPresent()) return n;
    }
    return null;
  }

  private String nextId(Cluster cluster) {
    for (int i = cluster.nodes().size() + 1; ; i++) {
      String id = "n" + i;
      if (!cluster.nodes().contains(id) && !added.containsKey(id)) return id;
    }
  }

  private List<String> inPhase(Phase... phases) {
    List<Phase> wanted = List.of(phases);
    return added.entrySet().stream().filter(e -> wanted.contains(e.getValue())).map(Map.Entry::getKey).toList();
  }

  private static ClusterMembership membership(Cluster cluster) {
    return cluster.membership().orElseThrow(() -> new SpecException("the " + cluster.backend()
        + " backend cannot change a cluster's membership (--nemesis membership)"));
  }
}
