package io.quorumlab.checkers.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import io.quorumlab.checkers.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path reads every line as the EDN and JSON libraries do, or declines it: line by line
 * over the corpora and over lines chosen to sit at the edges of its subset; and whole files read by
 * the streaming reader equal the same files read whole by the libraries.
 */
class FastPathTest {
  @TempDir Path tmp;

  static Stream<Path> corpusFiles() throws IOException {
    try (Stream<Path> s = Files.walk(Corpora.dir())) {
      return s.filter(p -> p.toString().endsWith(".edn") || p.toString().endsWith(".txt")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("corpusFiles")
  void corpusLinesReadAsTheLibraryReadsThem(Path file) throws IOException {
    int fast = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Object v = FastLineParser.parse(line, false);
      if (v == FastLineParser.UNSUPPORTED) continue;
      fast++;
      List<Object> library = EdnCodec.readForms(line);
      assertThat(v == null ? List.of() : List.of(v)).as(line).isEqualTo(library);
    }
    assertThat(fast).as("the corpus is Jepsen's one map per line, which the fast path reads").isPositive();
  }

  @ParameterizedTest
  @MethodSource("corpusFiles")
  void corpusFilesStreamAsTheyReadWhole(Path file) throws IOException {
    History streamed = Histories.read(file);
    History whole = Histories.parse(Files.readString(file, StandardCharsets.UTF_8), HistoryFormat.EDN, file);
    assertThat(streamed).isEqualTo(whole);
    for (int i = 0; i < whole.size(); i += 97) assertThat(streamed.sourceLine(i)).isEqualTo(whole.sourceLine(i));
    // and as JSON lines
    Path jsonl = tmp.resolve(file.getFileName() + ".jsonl");
    Histories.write(whole, jsonl, HistoryFormat.JSONL);
    assertThat(Histories.read(jsonl)).isEqualTo(Histories.parse(Files.readString(jsonl), HistoryFormat.JSONL, jsonl));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{:a 1, :b -2, :c 0, :d nil, :e true, :f false}",
      "{:type :invoke, :f :txn, :value [[:r 1 nil] [:append 1 2]], :process 3}",
      "{:value ([1 2] (3 4)), :k :jepsen.nemesis/kill}",
      "{:s \"tab\\there \\\"quoted\\\" back\\\\slash\", :u \"é ü 日本\"}",
      "{:nested {:a [1 {:b 2}], \"str-key\" 3, 4 5}}",
      "{:big 9223372036854775807, :bigger 9223372036854775808, :n 12N, :f 1.5, :neg -9223372036854775808}",
      "{:t #jepsen.history.Op{:a 1}, :set #{1 2}, :c \\a, :sym foo}",
      "{:a 1} ; a comment",
      "{:a 1} {:b 2}",
      "{:a 01, :b +1, :c -}",
      "{:empty [], :emptymap {}, :emptylist ()}",
      "{:a,1,,:b,,2}",
      "{:a [1 2]:b 3}",
      "{:a \"\\u00e9\"}",
      "{:a :b:c}",
      "{:a 1 :a 2}",
      "{:a [[1 2] [3]]}",
      "   ",
      "{:unclosed [1 2}",
  })
  void edgeLinesReadAsEdnJavaReadsThem(String line) {
    Object fast = FastLineParser.parse(line, false);
    if (fast == FastLineParser.UNSUPPORTED) return;
    assertThat(fast == null ? List.of() : List.of(fast)).isEqualTo(EdnCodec.readForms(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\": 1, \"b\": -2, \"c\": null, \"d\": true, \"e\": [1, [2, 3]], \"f\": {\"g\": \"h\"}}",
      "{\"s\": \"tab\\there \\\"q\\\" \\/ \\\\ é\", \"u\": \"\\u00e9\"}",
      "{\"big\": 9223372036854775807, \"bigger\": 9223372036854775808, \"f\": 1.5e3, \"neg\": -0}",
      "{\"a\": 1,}",
      "{\"a\": 1 \"b\": 2}",
      "{\"a\" 1}",
      "{\"a\": [1,,2]}",
      "{\"a\": [1 2]}",
      "{\"a\": 01}",
      "{\"a\": 1, \"a\": 2}",
      "{a: 1}",
      "{\"a\": [], \"b\": {}}",
  })
  void edgeLinesReadAsJacksonReadsThem(String line) throws IOException {
    Object fast = FastLineParser.parse(line, true);
    Object library;
    try (JsonParser p = JsonlCodec.MAPPER.createParser(line)) {
      p.nextToken();
      library = JsonlCodec.value(p);
      if (p.nextToken() != null) library = FastLineParser.UNSUPPORTED;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      assertThat(fast).as("Jackson refuses " + line).isSameAs(FastLineParser.UNSUPPORTED);
      return;
    }
    if (fast != FastLineParser.UNSUPPORTED) assertThat(fast).isEqualTo(library);
  }

  @Test
  void aLineTooLongForAChunkAndLinesWithoutNewlineAtTheEnd() throws IOException {
    StringBuilder big = new StringBuilder("{:index 0, :process 0, :type :invoke, :f :txn, :value [[:r 1 [");
    for (int i = 0; i < 1_500_000; i++) big.append(i).append(' ');
    big.append("]]]}\n{:index 1, :process 0, :type :ok, :f :txn, :value [[:r 1 []]]}");
    Path file = tmp.resolve("long.edn");
    Files.writeString(file, big);
    History h = Histories.read(file);
    assertThat(h.size()).isEqualTo(2);
    assertThat(h.sourceLine(1)).isEqualTo(2);
    assertThat(h).isEqualTo(Histories.parse(big.toString(), HistoryFormat.EDN));
  }

  @Test
  void opsWithoutIndexGetTheirPositionAcrossChunks() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200_000; i++) sb.append("{:process ").append(i / 2 % 7).append(", :type ").append(i % 2 == 0 ? ":invoke" : ":ok")
        .append(", :f :read, :value ").append(i % 2 == 0 ? "nil" : "1").append("}\n\n");
    Path file = tmp.resolve("noindex.edn");
    Files.writeString(file, sb);
    History h = Histories.read(file);
    assertThat(h).isEqualTo(Histories.parse(sb.toString(), HistoryFormat.EDN));
    assertThat(h.ops().get(150_001).index()).isEqualTo(150_001);
    assertThat(h.sourceLine(150_001)).isEqualTo(300_003);
  }

  @Test
  void aBadLineDeepInABigFileIsNamedByItsLine() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 100_000; i++) sb.append("{:index ").append(i).append(", :process 0, :type ").append(i % 2 == 0 ? ":invoke" : ":ok")
        .append(", :f :read, :value nil}\n");
    sb.append("{:index 100000, :process 0, :type :invoke, :f :read, :value [1 2}\n");
    Path file = tmp.resolve("bad.edn");
    Files.writeString(file, sb);
    assertThatThrownBy(() -> Histories.read(file)).isInstanceOf(HistoryParseException.class)
        .satisfies(e -> assertThat(((HistoryParseException) e).line()).isEqualTo(100_001))
        .hasMessageStartingWith(file + ":100001: EDN syntax error");
  }
}
