package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import static io.quorumlab.harness.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorumlab check} through Main.run, as a user runs it. */
class CheckCommandTest {
  @TempDir Path tmp;

  private static Path corpora() {
    String p = System.getProperty("quorumlab.corpora");
    return p != null ? Path.of(p) : Path.of("../corpora");
  }

  private static String etcd(String name) {
    return corpora().resolve("jepsen-etcd").resolve(name).toString();
  }

  private static String kv(String name) {
    return corpora().resolve("porcupine-kv").resolve(name).toString();
  }

  @Test
  void validHistoryExitsZero() {
    CliRun r = run("check", etcd("etcd_002.edn"));
    assertThat(r.code()).isEqualTo(ExitCodes.VALID);
    assertThat(r.out()).contains("etcd_002.edn: VALID - linearizable: 1 register, 64 calls (cas-register model)");
  }

  @Test
  void invalidHistoryExplainsAndWritesTheTimelineToOut() {
    CliRun r = run("check", "--model", "cas-register", "--out", tmp.toString(), etcd("etcd_000.edn"));
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out()).contains("INVALID - not linearizable").contains("cannot be placed next: read returned 2");
    Path html = tmp.resolve("etcd_000.linearizable.html");
    assertThat(html).exists();
    assertThat(r.out()).contains("timeline: " + html);
  }

  @Test
  void readOnlyInputDirectoryFallsBackAndSaysWhere() throws IOException {
    CliRun r = run("check", kv("c01-bad.txt"));
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out()).contains("is not writable; wrote its files to");
    try (Stream<Path> s = Files.list(corpora().resolve("porcupine-kv"))) {
      assertThat(s.map(Path::toString)).noneMatch(p -> p.endsWith(".html"));
    }
  }

  @Test
  void timelineGoesNextToAWritableInput() throws IOException {
    Path copy = tmp.resolve("h.edn");
    Files.copy(Path.of(etcd("etcd_003.edn")), copy);
    assertThat(run("check", copy.toString()).code()).isEqualTo(ExitCodes.INVALID);
    assertThat(tmp.resolve("h.linearizable.html")).exists();
  }

  @Test
  void worstVerdictWinsAndBadInputComesFirst() {
    assertThat(run("check", "--out", tmp.toString(), etcd("etcd_002.edn"), etcd("etcd_000.edn")).code()).isEqualTo(ExitCodes.INVALID);
    CliRun r = run("check", "--out", tmp.toString(), etcd("etcd_000.edn"), tmp.resolve("missing.edn").toString(), etcd("etcd_002.edn"));
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(r.err()).contains("missing.edn: no such file");
    assertThat(r.out()).contains("etcd_002.edn: VALID");
  }

  @Test
  void malformedHistoryIsOneLineWithItsLineNumber() throws IOException {
    Path bad = tmp.resolve("h.edn");
    Files.writeString(bad, "{:type :invoke, :f :read, :value nil, :process 0}\n{:type :ok, :f :read, :value 1, :process 1}\n");
    CliRun r = run("check", bad.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(r.err().strip()).isEqualTo("quorumlab: " + bad + ":2: completion (ok read, index 1) of process 1 has no open invocation");
  }

  @Test
  void malformedTransactionNamesItsLineAndIndex() throws IOException {
    Path bad = tmp.resolve("la.jsonl");
    Files.writeString(bad, """
        {"index":0,"process":0,"type":"invoke","f":"txn","value":[["append","x",1]]}
        {"index":1,"process":0,"type":"ok","f":"txn","value":[["append","x",1]]}

        {"index":2,"process":1,"type":"invoke","f":"txn","value":[["append","x",1]]}
        {"index":3,"process":1,"type":"ok","f":"txn","value":[["append","x",1]]}
        """);
    CliRun r = run("check", "--checker", "list-append", bad.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(r.err().strip()).isEqualTo("quorumlab: " + bad + ":5: op index 3: micro-op 0: appends 1 to key x, which op index 1 also appends;"
        + " list-append needs every appended value to be unique per key");
    Path edn = tmp.resolve("la.edn");
    Files.writeString(edn, "{:type :invoke, :process 0, :f :txn, :value [[:r :x nil]]}\n{:type :ok, :process 0, :f :txn, :value [[:r :x 3]]}\n");
    CliRun e = run("check", "--checker", "list-append", edn.toString());
    assertThat(e.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(e.err().strip()).startsWith("quorumlab: " + edn + ":2: op index 1: micro-op 0: reads key ").contains("not a list")
        .doesNotContain("Exception");
  }

  @Test
  void badArgumentsExit254() {
    assertThat(run("check", "--model", "kv", "--checker", "linearizable", kv("c01-ok.txt")).code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    CliRun unknownModel = run("check", "--model", "queue", kv("c01-ok.txt"));
    assertThat(unknownModel.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(unknownModel.err()).contains("unknown model 'queue' (known: register, cas-register, kv)");
    assertThat(run("check", "--format", "xml", kv("c01-ok.txt")).code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(run("check", "--checker", "nope", kv("c01-ok.txt")).code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(run("check").code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
  }

  @Test
  void consistencyModelsApplyToTheElleCheckersOnly() throws IOException {
    CliRun notElle = run("check", "--checker", "set", "--consistency-models", "serializable", kv("c01-ok.txt"));
    assertThat(notElle.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(notElle.err().strip()).isEqualTo("quorumlab: --consistency-models applies to the list-append and rw-register checkers, not set");
    // a lost update: two transactions read x empty and both append; serializable forbids it, read-committed allows it
    Path h = tmp.resolve("lost.jsonl");
    Files.writeString(h, """
        {"index":0,"process":0,"type":"invoke","f":"txn","value":[["r","x",null],["append","x",1]]}
        {"index":1,"process":1,"type":"invoke","f":"txn","value":[["r","x",null],["append","x",2]]}
        {"index":2,"process":0,"type":"ok","f":"txn","value":[["r","x",[]],["append","x",1]]}
        {"index":3,"process":1,"type":"ok","f":"txn","value":[["r","x",[]],["append","x",2]]}
        {"index":4,"process":2,"type":"invoke","f":"txn","value":[["r","x",null]]}
        {"index":5,"process":2,"type":"ok","f":"txn","value":[["r","x",[1,2]]]}
        """);
    assertThat(run("check", "--checker", "list-append", "--consistency-models", "serializable", h.toString()).code())
        .isEqualTo(ExitCodes.INVALID);
    assertThat(run("check", "--checker", "list-append", "--consistency-models", "read-committed", h.toString()).code())
        .isEqualTo(ExitCodes.VALID);
  }

  @Test
  void modelThatDoesNotFitTheHistoryIsBadInput() {
    CliRun r = run("check", "--model", "cas-register", kv("c01-ok.txt"));
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(r.err()).contains("model cas-register cannot check f 'append'");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void kvModelAndCheckerNames() {
    assertThat(run("check", "--model", "kv", kv("c10-ok.txt")).code()).isEqualTo(ExitCodes.VALID);
    assertThat(run("check", "--checker", "linearizable-kv", "--out", tmp.toString(), kv("c10-bad.txt")).code()).isEqualTo(ExitCodes.INVALID);
    assertThat(run("check", "--format", "edn", kv("c01-ok.txt")).code()).isEqualTo(ExitCodes.VALID);
  }

  @Test
  void exhaustedBudgetIsUnknown() {
    CliRun r = run("check", "--memory-limit", "1", etcd("etcd_002.edn"));
    assertThat(r.code()).isEqualTo(ExitCodes.UNKNOWN);
    assertThat(r.out()).contains("UNKNOWN - unknown: memory budget of 1 MiB exhausted");
  }

  @Test
  void jsonGivesTheFullResult() throws IOException {
    CliRun r = run("check", "--json", "--out", tmp.toString(), etcd("etcd_000.edn"), etcd("etcd_002.edn"));
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.isArray()).isTrue();
    assertThat(json.get(0).get("verdict").asText()).isEqualTo("invalid");
    assertThat(json.get(0).get("anomalies").get("nonlinearizable-key").asLong()).isEqualTo(1);
    assertThat(json.get(0).get("details").get("results").get(0).get("counterexample").get("blocked").get("description").asText())
        .isEqualTo("read returned 2");
    assertThat(json.get(0).get("artifacts").get(0).asText()).endsWith("etcd_000.linearizable.html");
    assertThat(json.get(1).get("verdict").asText()).isEqualTo("valid");
  }
}
