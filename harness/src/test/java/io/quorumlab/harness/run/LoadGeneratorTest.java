package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.checkers.history.Operation;
import io.quorumlab.harness.random.RandomStreams;
import io.quorumlab.harness.time.EventLoop;
import io.quorumlab.harness.time.RealTimeLoop;
import io.quorumlab.harness.time.VirtualLoop;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.workloads.register.RegisterWorkload;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

  private static History drive(FakeStoreClient client, int concurrency, double rate, long millis) throws Exception {
    try (RealTimeLoop loop = new RealTimeLoop()) {
      return drive(loop, Map.of("n1", client), concurrency, rate, millis, 1);
    }
  }

  static History drive(EventLoop loop, Map<String, StoreClient> nodes, int concurrency, double rate, long millis, long seed)
      throws Exception {
    RegisterWorkload workload = new RegisterWorkload();
    HistoryRecorder recorder = new HistoryRecorder(null, loop);
    NodeClients clients = new NodeClients(new LinkedHashMap<>(nodes));
    LoadGenerator load = new LoadGenerator(loop, workload, workload.generator(new RandomStreams(seed).stream("workload")), clients,
        recorder, new LoadGenerator.Settings(concurrency, rate, TimeUnit.MILLISECONDS.toNanos(millis), RequestOptions.DEFAULTS),
        new ProcessIds(concurrency));
    loop.runUntil(load.start(TimeUnit.SECONDS.toNanos(5)));
    return recorder.history();
  }

  @Test
  void aProcessWhoseOpEndedInInfoNeverInvokesAgain() throws Exception {
    History h = drive(new FakeStoreClient(3, 0), 4, 2000, 300);
    List<Operation> ops = h.operations();
    assertThat(ops).hasSizeGreaterThan(100);
    long infos = ops.stream().filter(Operation::isIndeterminate).count();
    assertThat(infos).isGreaterThan(10);
    Set<Long> retired = new HashSet<>();
    for (Op op : h.ops()) {
      if (op.isInvoke()) assertThat(retired).as("process %d invoked after its info", op.process()).doesNotContain(op.process());
      if (op.type() == OpType.INFO) retired.add(op.process());
    }
    // Fresh ids start above the initial ones, so the first processes are 0..3.
    assertThat(h.processes()).contains(0L, 1L, 2L, 3L);
    // Each info retires its process and the worker goes on under a fresh id, except a worker's last
    // info (its op ended in info when the load stopped, or was recorded info by the final drain):
    // at most one per worker goes without a successor.
    assertThat(h.processes()).as("distinct processes").hasSizeGreaterThanOrEqualTo((int) (4 + infos - 4));
    h.validate();
  }

  @Test
  void theOpenLoopSendsAtTheRateAndCountsLatencyFromTheSchedule() throws Exception {
    // One process, 20 ms per op, 100 ops/s scheduled for 1 s (in virtual time, so exactly): the store
    // can only do 50/s, so ops fall behind schedule and their latency grows instead of the rate
    // silently dropping.
    History h;
    try (VirtualLoop loop = new VirtualLoop()) {
      h = drive(loop, Map.of("n1", new FakeStoreClient(0, 20, loop::schedule)), 1, 100, 1000, 1);
    }
    List<Op> invokes = h.ops().stream().filter(Op::isInvoke).toList();
    assertThat(invokes).as("one every 20 ms, the last at 980 ms").hasSize(50);
    // Scheduled times are 10 ms apart whatever the store does; each invoke is recorded at its schedule.
    for (int i = 0; i < invokes.size(); i++) assertThat(invokes.get(i).time()).isEqualTo(i * 10_000_000L);
    Op last = invokes.get(invokes.size() - 1);
    assertThat(last.extra()).containsEntry("sent", 980_000_000L);
    Operation lastOp = h.operations().get(h.operations().size() - 1);
    assertThat(lastOp.completion().time() - lastOp.invoke().time()).as("from the schedule, not from the send").isEqualTo(510_000_000L);
  }

  @Test
  void aClosedLoopKeepsEveryProcessBusyAndNeverMoreThanConcurrencyInFlight() throws Exception {
    History h = drive(new FakeStoreClient(0, 5), 3, 0, 300);
    int open = 0;
    int most = 0;
    for (Op op : h.ops()) {
      open += op.isInvoke() ? 1 : -1;
      most = Math.max(most, open);
    }
    assertThat(most).isEqualTo(3);
    assertThat(h.operations()).hasSizeGreaterThan(60);
    h.validate();
  }

  @Test
  void opsStillInFlightWhenTheDrainTimeRunsOutAreRecordedInfo() throws Exception {
    try (VirtualLoop loop = new VirtualLoop()) {
      // answers take 10 s of virtual time: the 5 s drain gives up on them
      FakeStoreClient slow = new FakeStoreClient(0, 10_000, loop::schedule);
      History h = drive(loop, Map.of("n1", slow), 2, 100, 50, 1);
      assertThat(h.operations()).hasSize(2).allSatisfy(o -> {
        assertThat(o.isIndeterminate()).isTrue();
        assertThat(o.completion().error()).contains("no answer before the load ended");
      });
      assertThat(loop.nanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(50) + TimeUnit.SECONDS.toNanos(5));
    }
  }

  @Test
  void inVirtualTimeTheSameSeedGivesTheSameHistoryToTheNanosecond() throws Exception {
    List<Op> first = virtualRun(11);
    assertThat(first.size()).isGreaterThan(500);
    assertThat(virtualRun(11)).isEqualTo(first);
    assertThat(virtualRun(12)).isNotEqualTo(first);
  }

  private static List<Op> virtualRun(long seed) throws Exception {
    try (VirtualLoop loop = new VirtualLoop()) {
      Map<String, StoreClient> nodes = new LinkedHashMap<>();
      for (String n : List.of("n1", "n2", "n3")) nodes.put(n, new FakeStoreClient(7, 3 + nodes.size() * 4L, loop::schedule));
      return drive(loop, nodes, 4, 400, 2000, seed).ops();
    }
  }

  @Test
  void opsRoundRobinOverTheNodes() {
    NodeClients clients = new NodeClients(new java.util.LinkedHashMap<>(Map.of("n1", new FakeStoreClient(0, 0))));
    assertThat(clients.nodeFor(0)).isEqualTo("n1");
    java.util.LinkedHashMap<String, io.quorumlab.store.client.StoreClient> three = new java.util.LinkedHashMap<>();
    for (String n : List.of("n1", "n2", "n3")) three.put(n, new FakeStoreClient(0, 0));
    NodeClients c3 = new NodeClients(three);
    assertThat(List.of(c3.nodeFor(0), c3.nodeFor(1), c3.nodeFor(2), c3.nodeFor(3))).containsExactly("n1", "n2", "n3", "n1");
  }
}
