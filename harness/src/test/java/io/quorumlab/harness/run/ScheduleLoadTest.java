package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.harness.time.VirtualLoop;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.register.RegisterWorkload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An explicit schedule: exactly its ops, at their times, by their processes, through their nodes. */
class ScheduleLoadTest {
  private static final long MS = 1_000_000;

  private static History drive(VirtualLoop loop, OpSchedule schedule, FakeStoreClient client, long millis) throws Exception {
    RegisterWorkload workload = new RegisterWorkload();
    HistoryRecorder recorder = new HistoryRecorder(null, loop);
    Map<String, io.quorumlab.store.client.StoreClient> nodes = new LinkedHashMap<>();
    nodes.put("n1", client);
    nodes.put("n2", client);
    LoadGenerator load = LoadGenerator.scheduled(loop, workload, schedule, new NodeClients(nodes), recorder,
        TimeUnit.MILLISECONDS.toNanos(millis), RequestOptions.DEFAULTS, new ProcessIds(schedule.firstFreeProcess()));
    loop.runUntil(load.start(TimeUnit.SECONDS.toNanos(5)));
    return recorder.history();
  }

  @Test
  void theLoadIssuesExactlyTheListedOps() throws Exception {
    OpSchedule schedule = new OpSchedule(List.of(
        new ScheduledOp(0, 4, "write", 7L, 1L, "n2"),
        new ScheduledOp(3 * MS, 9, "read", 7L, null, null),
        new ScheduledOp(3 * MS, 4, "write", 8L, 1L, "n1"),
        new ScheduledOp(50 * MS, 9, "read", 8L, null, "n2")), List.of());
    History h;
    try (VirtualLoop loop = new VirtualLoop()) {
      h = drive(loop, schedule, new FakeStoreClient(0, 1, loop::schedule), 100);
      assertThat(loop.nanos()).as("the load lasts its time limit").isEqualTo(100 * MS);
    }
    List<Op> invokes = h.ops().stream().filter(Op::isInvoke).toList();
    assertThat(invokes).extracting(Op::time).containsExactly(0L, 3 * MS, 3 * MS, 50 * MS);
    assertThat(invokes).extracting(Op::process).containsExactly(4L, 9L, 4L, 9L);
    assertThat(invokes).extracting(Op::f).containsExactly("write", "read", "write", "read");
    assertThat(invokes).extracting(Op::key).containsExactly(7L, 7L, 8L, 8L);
    assertThat(invokes).extracting(Op::value).containsExactly(1L, null, 1L, null);
    // op 1 names no node: op i goes to node i mod 2
    assertThat(invokes).extracting(Op::node).containsExactly("n2", "n2", "n1", "n2");
    assertThat(h.operations()).allSatisfy(o -> assertThat(o.completion().isOk()).isTrue());
  }

  @Test
  void anOpWhoseProcessIsBusyWaitsForItAndOpsDueAfterTheTimeLimitAreNotSent() throws Exception {
    OpSchedule schedule = new OpSchedule(List.of(
        new ScheduledOp(0, 0, "write", 1L, 1L, null),
        new ScheduledOp(1 * MS, 0, "write", 1L, 2L, null),
        new ScheduledOp(200 * MS, 0, "write", 1L, 3L, null)), List.of());
    History h;
    try (VirtualLoop loop = new VirtualLoop()) {
      h = drive(loop, schedule, new FakeStoreClient(0, 10, loop::schedule), 100);
    }
    List<Op> invokes = h.ops().stream().filter(Op::isInvoke).toList();
    assertThat(invokes).hasSize(2);
    assertThat(invokes.get(1).time()).as("recorded at its schedule").isEqualTo(1 * MS);
    assertThat(invokes.get(1).extra()).as("sent when process 0 freed").containsEntry("sent", 10 * MS);
  }

  @Test
  void aScheduleRoundTripsThroughSpecJsonAndKeepsItsFinalReads() {
    OpSchedule schedule = new OpSchedule(List.of(new ScheduledOp(1_500_000_123L, 2, "write", 3L, 4L, "n1")),
        List.of(new Invocation("read", 3L, null)));
    RunSpec spec = RunSpec.defaults(5).withLoad(new LoadSpec("register", 2, schedule, 0.5))
        .withFaults(new FaultScript(List.of(ScriptedFault.partition(MS, 900 * MS, Map.of("n1", java.util.Set.of("n2", "n3"))))))
        .withNemesis(NemesisPlan.of("none", 1));
    Map<String, Object> json = roundTrip(spec.toMap());
    assertThat(json).containsEntry(SpecFormat.KEY, SpecFormat.CURRENT).doesNotContainKeys("rate", "concurrency");
    RunSpec back = RunSpec.fromMap(json);
    assertThat(back).isEqualTo(spec);
    assertThat(back.load().concurrency()).isEqualTo(1);
    assertThat(back.load().rate()).isZero();
  }

  @Test
  void opsOutOfOrderAndOverlappingFaultsOfOneKindAreRefused() {
    assertThatThrownBy(() -> new OpSchedule(List.of(new ScheduledOp(2 * MS, 0, "read", 1L, null, null),
        new ScheduledOp(MS, 0, "read", 1L, null, null)), List.of())).isInstanceOf(SpecException.class).hasMessageContaining("in order of time");
    assertThatThrownBy(() -> new FaultScript(List.of(ScriptedFault.onNodes("kill", 0, 10 * MS, List.of("n1")),
        ScriptedFault.onNodes("kill", 5 * MS, 20 * MS, List.of("n2"))))).isInstanceOf(SpecException.class).hasMessageContaining("overlap");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> roundTrip(Map<String, Object> m) {
    try {
      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      return json.readValue(json.writeValueAsString(m), LinkedHashMap.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
