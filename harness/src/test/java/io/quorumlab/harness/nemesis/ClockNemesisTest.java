package io.quorumlab.harness.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.harness.SpecException;
import io.quorumlab.store.node.ClockSkew;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClockNemesisTest {

  @Test
  void aBareClockMeansAllFourVariantsWithTheirDefaultAmounts() {
    NemesisSpec s = NemesisSpec.parse("clock");
    assertThat(s.clocks()).extracting(ClockFault::specName)
        .containsExactly("forward=5m", "back=5m", "strobe=10s/100ms", "drift=2.0");
    assertThat(s.nemeses()).extracting(Nemesis::name).containsExactly("clock");
    assertThat(NemesisSpec.parse(s.toString())).isEqualTo(s);
    assertThat(NemesisSpec.parse("all").clocks()).isEmpty();
  }

  @Test
  void variantsTakeAmounts() {
    NemesisSpec s = NemesisSpec.parse("kill:one,clock:back=2m+strobe=1.5s/20ms+drift=0.5+forward=250ms");
    assertThat(s.clocks()).extracting(ClockFault::skew).containsExactly(
        ClockSkew.offset(-120_000_000), ClockSkew.strobe(1_500_000, 20_000), ClockSkew.rate(0.5), ClockSkew.offset(250_000));
    assertThat(NemesisSpec.parse(s.toString())).isEqualTo(s);
    assertThat(s.toString()).isEqualTo("kill:one,clock:back=2m+strobe=1500ms/20ms+drift=0.5+forward=250ms");
  }

  @Test
  void badClockSpecsSayWhatIsWrongInOneLine() {
    for (String bad : List.of("clock:sideways", "clock:back=", "clock:back=5", "clock:back=0s", "clock:forward=-5m", "clock:drift=1",
        "clock:drift=0", "clock:drift=x", "clock:strobe=1s/0ms", "clock:strobe=1s/2h", "clock:strobe=1s/1s/1s", "clock:back=100000000h")) {
      assertThatThrownBy(() -> NemesisSpec.parse(bad)).as(bad).isInstanceOf(SpecException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("--nemesis '" + bad + "'"));
    }
    assertThatThrownBy(() -> NemesisSpec.parse("clock:sideways")).hasMessageContaining("clock variants are forward[=DURATION]");
  }

  @Test
  void startSkewsOneRunningNodeAndStopSetsItRight() throws Exception {
    RecordingCluster cluster = new RecordingCluster(5);
    cluster.kill("n1");
    ClockNemesis nemesis = new ClockNemesis(List.of(ClockFault.parse("back=2m")));
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 20; i++) {
      String done = nemesis.start(cluster, random);
      assertThat(nemesis.active()).isTrue();
      assertThat(cluster.clocks).hasSize(1).containsValue(ClockSkew.offset(-120_000_000)).doesNotContainKey("n1");
      String node = cluster.clocks.keySet().iterator().next();
      assertThat(done).isEqualTo(node + " clock jumped back 120.0 s");
      assertThat(nemesis.stop(cluster)).isEqualTo(node + " clock reset to true time");
      assertThat(cluster.clocks).isEmpty();
      assertThat(nemesis.active()).isFalse();
    }
    assertThat(nemesis.stop(cluster)).isEqualTo("no clock skewed");
  }
}
