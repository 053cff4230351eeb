package io.quorumlab.checkers.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.checkers.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoriesTest {
  @TempDir Path tmp;

  @Test
  void readsJepsenEtcdEdn() {
    History h = Histories.read(Corpora.dir().resolve("jepsen-etcd/etcd_000.edn"));
    assertThat(h.size()).isEqualTo(170);
    Op first = h.ops().get(0);
    assertThat(first).isEqualTo(new Op(0, -1, 0, OpType.INVOKE, "read", null, null, null, null, Map.of()));
    Op timedOut = h.ops().stream().filter(o -> o.index() == 60).findFirst().orElseThrow();
    assertThat(timedOut.type()).isEqualTo(OpType.INFO);
    assertThat(timedOut.error()).isEqualTo("timed-out");
    assertThat(timedOut.value()).isEqualTo(1L);
    Op cas = h.ops().stream().filter(o -> o.index() == 63).findFirst().orElseThrow();
    assertThat(cas.value()).isEqualTo(List.of(2L, 1L));
    assertThat(h.operations()).hasSize(85);
    assertThat(h.operations()).allSatisfy(o -> assertThat(o.isOpen()).isFalse());
  }

  @Test
  void readsPorcupineKvWithoutIndexOrTimeBySniffing() {
    History h = Histories.read(Corpora.dir().resolve("porcupine-kv/c10-ok.txt"));
    assertThat(h.size()).isEqualTo(674);
    assertThat(h.ops().get(0)).isEqualTo(new Op(0, -1, 9, OpType.INVOKE, "append", "0", "x 9 0 y", null, null, Map.of()));
    assertThat(h.ops().get(673).index()).isEqualTo(673);
    assertThat(h.operationsByKey()).containsKey("0");
  }

  @Test
  void readsElleTransactionsWithComments() {
    History h = Histories.read(Corpora.dir().resolve("elle/si-without-g-single.edn"));
    Op t1 = h.ops().get(0);
    assertThat(t1.index()).isEqualTo(10);
    assertThat(t1.time()).isEqualTo(0);
    assertThat(t1.value()).isEqualTo(List.of(List.of("append", 9L, 2L)));
    assertThat(h.operations()).allSatisfy(o -> assertThat(o.isOk()).isTrue());
  }

  @Test
  void readsStructuredErrorsAndKeepsThemForWriting() {
    History h = Histories.read(Corpora.dir().resolve("elle/huge-scc.edn"));
    assertThat(h.size()).isEqualTo(20602);
    Op failed = h.ops().get(20599);
    assertThat(failed.error()).isEqualTo("[no-client, Connection refused]");
    assertThat(Histories.encode(failed, HistoryFormat.EDN)).contains(":error [:no-client \"Connection refused\"]");
    assertThat(Histories.encode(failed, HistoryFormat.JSONL)).contains("\"error\":[\"no-client\",\"Connection refused\"]");
    assertThat(Histories.parse(Histories.toString(h, HistoryFormat.JSONL), HistoryFormat.JSONL).ops()).isEqualTo(h.ops());
  }

  @Test
  void readsOneBigVectorOfMaps() {
    String edn = "[{:index 0, :type :invoke, :f :write, :value 1, :process 0}\n"
        + " {:index 1, :type :ok, :f :write, :value 1, :process 0}\n"
        + " {:type :info, :f :start, :process :nemesis}]\n";
    History h = Histories.parse(edn, HistoryFormat.EDN);
    assertThat(h.size()).isEqualTo(3);
    assertThat(h.ops().get(2).process()).isEqualTo(Op.NEMESIS);
    assertThat(h.ops().get(2).index()).isEqualTo(2);
    assertThat(h.nemesisOperations()).singleElement().satisfies(o -> assertThat(o.isOpen()).isTrue());
    assertThat(h.clientOperations()).singleElement().satisfies(o -> assertThat(o.isOk()).isTrue());
  }

  @Test
  void nemesisInfoPairsAreOperations() {
    String edn = "{:type :info, :f :start-partition, :process :nemesis, :time 5}\n"
        + "{:type :info, :f :start-partition, :value [:isolated {\"n1\" #{\"n2\"}}], :process :nemesis, :time 9}\n";
    History h = Histories.parse(edn, HistoryFormat.EDN);
    assertThat(h.operations()).singleElement().satisfies(o -> {
      assertThat(o.isNemesis()).isTrue();
      assertThat(o.completion().time()).isEqualTo(9);
    });
  }

  @Test
  void jsonlReadsDesignFormat() {
    String jsonl = "{\"index\":0,\"time\":12345,\"process\":3,\"type\":\"invoke\",\"f\":\"write\",\"key\":\"k1\",\"value\":5,\"node\":\"n2\"}\n"
        + "\n"
        + "{\"index\":1,\"time\":12400,\"process\":3,\"type\":\"info\",\"f\":\"write\",\"key\":\"k1\",\"value\":5,\"error\":\"timed-out\",\"trace\":{\"hops\":[1,2]}}\n";
    History h = Histories.parse(jsonl, HistoryFormat.JSONL);
    Op inv = h.ops().get(0);
    assertThat(inv).isEqualTo(new Op(0, 12345, 3, OpType.INVOKE, "write", "k1", 5L, "n2", null, Map.of()));
    Op info = h.ops().get(1);
    assertThat(info.extra()).isEqualTo(Map.of("trace", Map.of("hops", List.of(1L, 2L))));
    assertThat(h.operations()).singleElement().satisfies(o -> assertThat(o.isIndeterminate()).isTrue());
  }

  @Test
  void transactionsMapBetweenJsonlAndElleEdn() {
    String jsonl = "{\"index\":0,\"time\":1,\"process\":0,\"type\":\"invoke\",\"f\":\"txn\",\"value\":[[\"append\",\"x\",1],[\"r\",\"y\",null]]}\n"
        + "{\"index\":1,\"time\":2,\"process\":0,\"type\":\"ok\",\"f\":\"txn\",\"value\":[[\"append\",\"x\",1],[\"r\",\"y\",[1,2]]]}\n";
    History h = Histories.parse(jsonl, HistoryFormat.JSONL);
    assertThat(h.ops().get(1).value()).isEqualTo(List.of(List.of("append", "x", 1L), List.of("r", "y", List.of(1L, 2L))));
    assertThat(Histories.encode(h.ops().get(1), HistoryFormat.EDN))
        .isEqualTo("{:index 1, :time 2, :process 0, :type :ok, :f :txn, :value [[:append \"x\" 1] [:r \"y\" [1 2]]]}");
    assertThat(Histories.parse(Histories.toString(h, HistoryFormat.EDN), HistoryFormat.EDN)).isEqualTo(h);
  }

  @Test
  void jsonArrayFormIsRead() {
    String json = "[\n {\"process\":0,\"type\":\"invoke\",\"f\":\"read\",\"value\":null},\n {\"process\":0,\"type\":\"ok\",\"f\":\"read\",\"value\":3}\n]";
    History h = Histories.parse(json, HistoryFormat.JSONL);
    assertThat(h.operations()).singleElement().satisfies(o -> assertThat(o.value()).isEqualTo(3L));
  }

  static Stream<Path> corpusFiles() throws IOException {
    Path dir = Corpora.dir();
    return Stream.of("jepsen-etcd", "porcupine-kv", "elle").flatMap(d -> {
      try {
        // huge-scc.edn (2.8 MB) has its own round trip in readsStructuredErrorsAndKeepsThemForWriting
        return Files.list(dir.resolve(d)).filter(p -> !p.toString().endsWith(".tsv") && !p.toString().endsWith("huge-scc.edn")).sorted();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @Test
  void everyCorpusFileRoundTripsThroughJsonlAndEdn() throws IOException {
    List<Path> files = corpusFiles().toList();
    assertThat(files).hasSizeGreaterThan(50);
    for (Path file : files) {
      History h = Histories.read(file);
      History viaJsonl = Histories.parse(Histories.toString(h, HistoryFormat.JSONL), HistoryFormat.JSONL);
      assertThat(viaJsonl.ops()).as("JSONL round trip of %s", file).isEqualTo(h.ops());
      History viaEdn = Histories.parse(Histories.toString(h, HistoryFormat.EDN), HistoryFormat.EDN);
      assertThat(viaEdn.ops()).as("EDN round trip of %s", file).isEqualTo(h.ops());
      History viaBoth = Histories.parse(Histories.toString(viaJsonl, HistoryFormat.EDN), HistoryFormat.EDN);
      assertThat(viaBoth.ops()).as("JSONL->EDN round trip of %s", file).isEqualTo(h.ops());
    }
  }

  @Test
  void ednTextRoundTripsAtTheEdnLevel() throws IOException {
    // Jepsen tooling reads what we write: same keywords, same numbers, same strings.
    for (String name : List.of("jepsen-etcd/etcd_000.edn", "porcupine-kv/c01-ok.txt", "elle/si-without-g-single.edn")) {
      Path file = Corpora.dir().resolve(name);
      History h = Histories.read(file);
      String written = Histories.toString(h, HistoryFormat.EDN);
      List<Object> original = EdnTestValues.all(Files.readString(file));
      List<Object> again = EdnTestValues.all(written);
      assertThat(again).as(name).hasSize(original.size());
      for (int i = 0; i < original.size(); i++) {
        @SuppressWarnings("unchecked") Map<Object, Object> o = new java.util.HashMap<>((Map<Object, Object>) original.get(i));
        // index and time are added when the source has none: the rest must be identical.
        o.putIfAbsent(us.bpsm.edn.Keyword.newKeyword("index"), (long) i);
        assertThat(again.get(i)).as("%s op %d", name, i).isEqualTo(o);
      }
    }
  }

  @Test
  void writesAndReadsFiles() throws IOException {
    History h = Histories.read(Corpora.dir().resolve("jepsen-etcd/etcd_001.edn"));
    Path jsonl = tmp.resolve("h.jsonl");
    Path edn = tmp.resolve("h.edn");
    Histories.write(h, jsonl, HistoryFormat.JSONL);
    Histories.write(h, edn, HistoryFormat.EDN);
    assertThat(Histories.read(jsonl)).isEqualTo(h);
    assertThat(Histories.read(edn)).isEqualTo(h);
    Path txt = tmp.resolve("h.txt");
    Files.copy(jsonl, txt);
    assertThat(Histories.read(txt)).isEqualTo(h);
  }
}
