package io.quorumlab.harness.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.harness.cluster.Slowness;
import io.quorumlab.harness.random.RandomStreams;
import io.quorumlab.harness.time.VirtualLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NemesisScheduleTest {

  private static final long MS = 1_000_000;

  private static List<NemesisEvent> run(RecordingCluster c, String spec, long seed, long millis) throws Exception {
    try (VirtualLoop loop = new VirtualLoop()) {
      List<NemesisEvent> events = new ArrayList<>();
      NemesisSchedule s = NemesisSchedule.of(loop, c, NemesisSpec.parse(spec), SlowNemesis.DEFAULT, Duration.ofMillis(20),
          new RandomStreams(seed).stream("nemesis"), events::add);
      s.start();
      loop.runUntil(loop.delay(millis * MS));
      loop.runUntil(s.healAll());
      return events;
    }
  }

  @Test
  void alternatesStartAndStopEachAsInvokeThenCompletionAndHealsAtTheEnd() throws Exception {
    RecordingCluster c = new RecordingCluster(5);
    List<NemesisEvent> events = run(c, "partition,kill,pause", 42, 1000);
    assertThat(events.size()).isGreaterThanOrEqualTo(8);
    // pairs: invoke then complete of the same f
    for (int i = 0; i < events.size(); i += 2) {
      assertThat(events.get(i).phase()).isEqualTo(NemesisEvent.Phase.INVOKE);
      assertThat(events.get(i + 1).phase()).isEqualTo(NemesisEvent.Phase.COMPLETE);
      assertThat(events.get(i + 1).f()).isEqualTo(events.get(i).f());
      assertThat(events.get(i + 1).error()).isNull();
      assertThat(events.get(i + 1).nanos()).isGreaterThanOrEqualTo(events.get(i).nanos());
    }
    // start-X is always followed by stop-X (the last one possibly from healAll), then one heal.
    List<String> fs = events.stream().filter(e -> e.phase() == NemesisEvent.Phase.COMPLETE).map(NemesisEvent::f).toList();
    assertThat(fs.get(fs.size() - 1)).isEqualTo("heal");
    for (int i = 0; i + 1 < fs.size() - 1; i += 2) {
      assertThat(fs.get(i)).startsWith("start-");
      assertThat(fs.get(i + 1)).isEqualTo("stop-" + fs.get(i).substring(6));
    }
    assertThat(c.killed).isEmpty();
    assertThat(c.paused).isEmpty();
    assertThat(c.grudge).isEmpty();
    assertThat(c.log.get(c.log.size() - 1)).isEqualTo("heal");
  }

  @Test
  void theSameSeedDrawsTheSameFaults() throws Exception {
    List<String> a = values(run(new RecordingCluster(5), "all", 7, 800));
    assertThat(a).hasSizeGreaterThanOrEqualTo(10);
    assertThat(values(run(new RecordingCluster(5), "all", 7, 800))).isEqualTo(a);
    assertThat(values(run(new RecordingCluster(5), "all", 8, 800))).isNotEqualTo(a);
  }

  private static List<String> values(List<NemesisEvent> events) {
    return events.stream().filter(e -> e.phase() == NemesisEvent.Phase.COMPLETE && e.f().startsWith("start-")).map(NemesisEvent::value).toList();
  }

  @Test
  void aFaultInForceAtTheEndIsStoppedByHealAll() throws Exception {
    RecordingCluster c = new RecordingCluster(5);
    List<NemesisEvent> events = new ArrayList<>();
    VirtualLoop loop = new VirtualLoop();
    // A long interval: healAll must cut the wait short and stop the fault in force.
    NemesisSchedule s = new NemesisSchedule(loop, c, List.of(new KillNemesis(List.of(Targets.MAJORITY))), Duration.ofMillis(1500),
        new RandomStreams(1).stream("nemesis"), events::add);
    s.start();
    loop.runUntil(loop.delay(1600 * MS));
    assertThat(s.inForce()).isEqualTo("kill");
    assertThat(c.killed).hasSize(3);
    long t0 = loop.nanos();
    loop.runUntil(s.healAll());
    assertThat(loop.nanos()).as("healAll does not wait out the interval").isEqualTo(t0);
    assertThat(s.healAll()).as("idempotent").isDone();
    loop.runUntil(loop.delay(5000 * MS));
    assertThat(s.inForce()).isNull();
    List<String> fs = events.stream().map(e -> e.phase() + " " + e.f()).toList();
    assertThat(fs).containsExactly("INVOKE start-kill", "COMPLETE start-kill", "INVOKE stop-kill", "COMPLETE stop-kill", "INVOKE heal", "COMPLETE heal");
    assertThat(events.get(1).value()).matches("killed n\\d n\\d n\\d \\(majority\\)");
    assertThat(events.get(3).value()).startsWith("restarted ");
    assertThat(c.log).filteredOn(l -> l.startsWith("restart")).hasSize(3);
  }

  @Test
  void aFailedStartIsReportedWithItsErrorAndTheScheduleGoesOn() throws Exception {
    RecordingCluster c = new RecordingCluster(3);
    c.failKill = new IllegalStateException("engine gone\nsecond line");
    List<NemesisEvent> events = run(c, "kill", 1, 600);
    NemesisEvent failed = events.get(1);
    assertThat(failed.f()).isEqualTo("start-kill");
    assertThat(failed.error()).isEqualTo("engine gone");
    assertThat(events.stream().filter(e -> "start-kill".equals(e.f())).count()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void slowReportsWhatTheBackendCouldNotInject() throws Exception {
    RecordingCluster c = new RecordingCluster(3);
    c.notInjected = List.of("latency not injected: no netem");
    SlowNemesis n = new SlowNemesis(new Slowness(50, 10, 0.1, 0));
    String v = n.start(c, new RandomStreams(1).stream("nemesis"));
    assertThat(v).contains("on all 6 links").contains("NOT INJECTED: latency not injected: no netem");
    assertThat(n.lastNotInjected()).hasSize(1);
    assertThat(n.stop(c)).isEqualTo("links at full speed");
    assertThat(c.slowness.isNone()).isTrue();
  }

  @Test
  void anExplicitGrudgeIsImposedAsGiven() throws Exception {
    RecordingCluster c = new RecordingCluster(3);
    PartitionNemesis p = new PartitionNemesis(Map.of("n1", Set.of("n2")));
    assertThat(p.start(c, new RandomStreams(0).stream("nemesis"))).isEqualTo("grudge: n1 cannot hear n2");
    assertThat(c.grudge).isEqualTo(Map.of("n1", Set.of("n2")));
    p.stop(c);
    assertThat(c.grudge).isEmpty();
  }

  @Test
  void eventsBecomeNemesisInfoOps() {
    NemesisEvent e = new NemesisEvent(NemesisEvent.Phase.COMPLETE, "start-partition", "halves: n1 n2 | n3 n4 n5", 5_000, null);
    Op op = e.toOp(17);
    assertThat(op.process()).isEqualTo(Op.NEMESIS);
    assertThat(op.type()).isEqualTo(OpType.INFO);
    assertThat(op.f()).isEqualTo("start-partition");
    assertThat(op.time()).isEqualTo(5_000);
    assertThat(op.index()).isEqualTo(17);
    assertThat(op.value()).isEqualTo("halves: n1 n2 | n3 n4 n5");
    assertThat(e.kind()).isEqualTo("partition");
  }

  @Test
  void intervalMustBePositive() {
    assertThatThrownBy(() -> new NemesisSchedule(new VirtualLoop(), new RecordingCluster(3), List.of(), Duration.ZERO,
        new RandomStreams(1).stream("nemesis"), e -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
