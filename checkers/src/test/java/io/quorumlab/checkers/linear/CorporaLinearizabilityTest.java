package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.registry.CheckerRegistry;
import io.quorumlab.checkers.Corpora;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.Histories;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus file, with the verdict its README (expected.tsv, file names) gives. */
class CorporaLinearizabilityTest {

  static Stream<Arguments> etcd() throws IOException {
    Map<String, Boolean> expected = Corpora.etcdExpected();
    assertThat(expected).hasSize(50);
    return expected.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0} linearizable={1}")
  @MethodSource("etcd")
  void jepsenEtcdWithCasRegister(String file, boolean linearizable) {
    CheckResult r = CheckerRegistry.linearizable("cas-register")
        .check(Histories.read(Corpora.dir().resolve("jepsen-etcd").resolve(file)), CheckContext.defaults());
    assertThat(r.verdict()).as(r.summary()).isEqualTo(linearizable ? Verdict.VALID : Verdict.INVALID);
    if (!linearizable) assertThat(r.explanation()).anySatisfy(l -> assertThat(l).contains("cannot be placed next"));
  }

  static Stream<Arguments> kv() {
    return List.of("c01-ok.txt", "c01-bad.txt", "c10-ok.txt", "c10-bad.txt", "c50-ok.txt", "c50-bad.txt").stream()
        .map(f -> Arguments.of(f, f.contains("-ok")));
  }

  @ParameterizedTest(name = "{0} linearizable={1}")
  @MethodSource("kv")
  void porcupineKvWithKv(String file, boolean linearizable) {
    CheckResult r = CheckerRegistry.linearizable("kv")
        .check(Histories.read(Corpora.dir().resolve("porcupine-kv").resolve(file)), CheckContext.defaults());
    assertThat(r.verdict()).as(r.summary()).isEqualTo(linearizable ? Verdict.VALID : Verdict.INVALID);
    assertThat(r.details()).containsEntry("keys", file.startsWith("c01-bad") ? 8 : 10);
  }
}
