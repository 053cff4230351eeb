package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import static io.quorumlab.harness.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    assertThat(r.out()).contains("etcd_002.edn: VALID - linearizable: 1 register, 64 calls (cas-register model, initially nil)");
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
    Path readOnly = Files.createDirectory(tmp.resolve("ro"));
    Files.copy(Path.of(kv("c01-bad.txt")), readOnly.resolve("c01-bad.txt"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      CliRun r = run("check", readOnly.resolve("c01-bad.txt").toString());
      assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
      assertThat(r.out()).contains(readOnly + " is not writable; wrote its files to");
      try (Stream<Path> s = Files.list(readOnly)) {
        assertThat(s.map(Path::toString)).noneMatch(p -> p.endsWith(".html"));
      }
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
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

  /** A big history (more than the reader reads whole again) that is truncated, or has a corrupt line. */
  @Test
  void truncatedOrCorruptBigHistoryIsOneLineWithItsLineNumber() throws IOException {
    StringBuilder sb = new StringBuilder();
    int ops = 200_000;
    for (int i = 0; i < ops; i++) {
      sb.append("{:index ").append(i).append(", :time ").append(i * 1000L).append(", :process ").append(i / 2 % 10)
          .append(", :type ").append(i % 2 == 0 ? ":invoke" : ":ok").append(", :f :txn, :value [[:append ").append(i / 2 % 40)
          .append(' ').append(i / 2).append("] [:r 1 ").append(i % 2 == 0 ? "nil" : "[]").append("]]}\n");
    }
    String text = sb.toString();
    assertThat(text.length()).isGreaterThan(17 << 20);
    Path truncated = tmp.resolve("truncated.edn");
    Files.writeString(truncated, text.substring(0, text.length() - 20));
    CliRun r = run("check", "--checker", "list-append", truncated.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(withoutProgress(r.err())).startsWith("quorumlab: " + truncated + ":" + ops + ": EDN syntax error in the form starting on this line")
        .doesNotContain("\n");
    Path corruptEdn = tmp.resolve("corrupt.edn");
    Files.writeString(corruptEdn, text.replace("{:index 1000, :time", "{:index 1000 :time :time"));
    CliRun c = run("check", "--checker", "list-append", corruptEdn.toString());
    assertThat(c.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(withoutProgress(c.err())).startsWith("quorumlab: " + corruptEdn + ":1001: ").doesNotContain("\n");
  }

  /** Standard error without the progress lines a slow (loaded) machine shows while reading. */
  private static String withoutProgress(String err) {
    return err.lines().filter(l -> !l.startsWith("checking ")).collect(java.util.stream.Collectors.joining("\n")).strip();
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

  /**
   * 18 concurrent writes, then a read of a value none wrote: the search tries every subset of the
   * writes (millions of configurations) before it can say so.
   */
  @Test
  void exhaustedBudgetIsUnknown() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int p = 0; p < 18; p++) sb.append("{:type :invoke, :f :write, :value ").append(p).append(", :process ").append(p).append("}\n");
    for (int p = 0; p < 18; p++) sb.append("{:type :ok, :f :write, :value ").append(p).append(", :process ").append(p).append("}\n");
    sb.append("{:type :invoke, :f :read, :value nil, :process 0}\n{:type :ok, :f :read, :value 999, :process 0}\n");
    Path hard = tmp.resolve("hard.edn");
    Files.writeString(hard, sb.toString());
    CliRun r = run("check", "--memory-limit", "1", hard.toString());
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

  private Path file(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private static final String WRITE_1 = "{:type :invoke, :f :write, :value 1, :process 0}\n{:type :ok, :f :write, :value 1, :process 0}\n";

  @Test
  void jepsenFormsAreRead() throws IOException {
    Path list = file("list.edn", "(" + WRITE_1 + "{:type :invoke, :f :read, :value nil, :process 1}\n{:type :ok, :f :read, :value 2, :process 1})\n");
    CliRun l = run("check", "--out", tmp.toString(), list.toString());
    assertThat(l.code()).as(l.err()).isEqualTo(ExitCodes.INVALID);
    Path tagged = file("tagged.edn", "#jepsen.history.Op{:index 0, :time 1, :type :invoke, :process 0, :f :write, :value 1}\n"
        + "#jepsen.history.Op{:index 1, :time 2, :type :ok, :process 0, :f :write, :value 1}\n");
    assertThat(run("check", tagged.toString()).code()).isEqualTo(ExitCodes.VALID);
    Path bom = file("bom.edn", "\uFEFF" + WRITE_1);
    assertThat(run("check", bom.toString()).code()).isEqualTo(ExitCodes.VALID);
    Path elle = file("elle.edn", "{:type :invoke, :f :txn, :value [[:r :y]], :process 0}\n{:type :ok, :f :txn, :value [[:r :y]], :process 0}\n"
        + "{:type :invoke, :f :txn, :value [[:append :y 1]], :process 1}\n{:type :ok, :f :txn, :value [[:append :y 1]], :process 1}\n");
    CliRun e = run("check", "--checker", "list-append", elle.toString());
    assertThat(e.code()).as(e.err()).isEqualTo(ExitCodes.VALID);
  }

  @Test
  void inputThatCannotBeAHistoryIsBadInputOnOneLine() throws IOException {
    Path deep = file("deep.edn", WRITE_1 + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
    CliRun d = run("check", deep.toString());
    assertThat(d.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(d.err().strip()).startsWith("quorumlab: " + deep + ":3: EDN syntax error").contains("nested more than 1000 deep").doesNotContain("\n");
    Path minusOne = file("m.edn", WRITE_1 + "{:type :invoke, :f :read, :value nil, :process -1}\n{:type :ok, :f :read, :value 2, :process -1}\n");
    CliRun m = run("check", minusOne.toString());
    assertThat(m.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(m.err().strip()).isEqualTo("quorumlab: " + minusOne + ":3: process must be a non-negative integer or nemesis, found -1");
  }

  @Test
  void nothingToCheckIsUnknownWithTheReason() throws IOException {
    Path empty = file("empty.edn", "");
    CliRun e = run("check", empty.toString());
    assertThat(e.code()).isEqualTo(ExitCodes.UNKNOWN);
    assertThat(e.out()).contains(empty + ": UNKNOWN - nothing to check: the history has no operations");
    CliRun devNull = run("check", "--checker", "list-append", "/dev/null");
    assertThat(devNull.code()).isEqualTo(ExitCodes.UNKNOWN);
    assertThat(devNull.out()).contains("/dev/null: UNKNOWN - nothing to check: the history has no operations");
    Path nemesis = file("nemesis.edn", "{:type :info, :f :start, :process :nemesis}\n{:type :info, :f :start, :value \"cut\", :process :nemesis}\n");
    CliRun n = run("check", "--checker", "stale-read", nemesis.toString());
    assertThat(n.code()).isEqualTo(ExitCodes.UNKNOWN);
    assertThat(n.out()).contains("UNKNOWN - nothing to check: the history has only nemesis operations (1)");
    CliRun set = run("check", "--checker", "set", etcd("etcd_002.edn"));
    assertThat(set.code()).isEqualTo(ExitCodes.UNKNOWN);
    assertThat(set.out()).contains("UNKNOWN - nothing to check: no add operations (the history's functions are read, write, cas)");
    CliRun json = run("check", "--json", empty.toString());
    assertThat(json.out()).contains("\"verdict\" : \"unknown\"").contains("nothing to check");
  }

  @Test
  void hugeLimitsAreCappedNotOverflowed() {
    CliRun time = run("check", "--time-limit", "9223372036854775", etcd("etcd_002.edn"));
    assertThat(time.code()).as(time.err()).isEqualTo(ExitCodes.VALID);
    assertThat(time.err()).doesNotContain("Exception");
    CliRun elle = run("check", "--checker", "list-append", "--out", tmp.toString(), "--time-limit", "9223372036854775",
        corpora().resolve("elle/si-without-g-single.edn").toString());
    assertThat(elle.code()).as(elle.err()).isEqualTo(ExitCodes.INVALID);
    CliRun memory = run("check", "--memory-limit", "9223372036854775", etcd("etcd_002.edn"));
    assertThat(memory.code()).as(memory.err()).isEqualTo(ExitCodes.VALID);
    assertThat(memory.err()).contains("--memory-limit 9223372036854775 MiB is more than the JVM's heap").doesNotContainPattern(" -\\d");
    CliRun negative = run("check", "--memory-limit", "-5", etcd("etcd_002.edn"));
    assertThat(negative.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(negative.err()).contains("--memory-limit must be positive");
  }

  private static final String STARTS_AT_ZERO = """
      {:type :invoke, :f :read, :value nil, :process 0}
      {:type :ok, :f :read, :value 0, :process 0}
      {:type :invoke, :f :cas, :value [0 1], :process 1}
      {:type :ok, :f :cas, :value [0 1], :process 1}
      {:type :invoke, :f :read, :value nil, :process 0}
      {:type :ok, :f :read, :value 1, :process 0}
      """;

  @Test
  void initialValueOfTheRegister() throws IOException {
    Path h = file("zero.edn", STARTS_AT_ZERO);
    CliRun nil = run("check", "--out", tmp.toString(), h.toString());
    assertThat(nil.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(nil.out()).contains("(cas-register model, initially nil)").contains("give that value: --initial-value 0");
    CliRun zero = run("check", "--initial-value", "0", h.toString());
    assertThat(zero.code()).as(zero.err()).isEqualTo(ExitCodes.VALID);
    assertThat(zero.out()).contains("VALID - linearizable: 1 register, 3 calls (cas-register model, initially 0)");
    CliRun kv = run("check", "--model", "kv", "--initial-value", "0", kv("c01-ok.txt"));
    assertThat(kv.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(kv.err()).contains("the kv model takes no initial value");
    CliRun chosenKv = run("check", "--initial-value", "0", kv("c01-ok.txt"));
    assertThat(chosenKv.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(chosenKv.err()).contains("the kv model takes no initial value").doesNotContain("Exception");
    CliRun set = run("check", "--checker", "set", "--initial-value", "0", h.toString());
    assertThat(set.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(set.err()).contains("--initial-value is for the linearizable checker's register models, not set");
    CliRun badEdn = run("check", "--initial-value", "[1", h.toString());
    assertThat(badEdn.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(badEdn.err()).startsWith("quorumlab: --initial-value [1: not an EDN value");
  }

  private static final String INDEPENDENT = """
      {:type :invoke, :f :write, :value [1 3], :process 0}
      {:type :ok, :f :write, :value [1 3], :process 0}
      {:type :invoke, :f :write, :value [2 5], :process 1}
      {:type :ok, :f :write, :value [2 5], :process 1}
      {:type :invoke, :f :read, :value [1 nil], :process 0}
      {:type :ok, :f :read, :value [1 3], :process 0}
      {:type :invoke, :f :cas, :value [2 [5 6]], :process 1}
      {:type :ok, :f :cas, :value [2 [5 6]], :process 1}
      {:type :invoke, :f :read, :value [2 nil], :process 0}
      """;

  @Test
  void independentTuplesAreCheckedPerKey() throws IOException {
    Path valid = file("indep.edn", INDEPENDENT + "{:type :ok, :f :read, :value [2 6], :process 0}\n");
    CliRun v = run("check", valid.toString());
    assertThat(v.code()).as(v.out() + v.err()).isEqualTo(ExitCodes.VALID);
    assertThat(v.out()).contains("VALID - linearizable: 2 keys (independent [key value] tuples), 5 calls (cas-register model, initially nil)");
    Path invalid = file("indep-bad.edn", INDEPENDENT + "{:type :ok, :f :read, :value [2 5], :process 0}\n");
    CliRun i = run("check", "--all-keys", "--out", tmp.toString(), invalid.toString());
    assertThat(i.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(i.out()).contains("INVALID - not linearizable: key 2 (1 of 2 keys not linearizable)").contains("key 2 is not linearizable");
    CliRun kv = run("check", "--model", "kv", valid.toString());
    assertThat(kv.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(kv.err()).contains("jepsen.independent [key value] tuples, which the register and cas-register models check key by key");
  }
}
