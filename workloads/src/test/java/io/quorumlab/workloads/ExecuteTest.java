package io.quorumlab.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.history.OpType;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.store.client.IndeterminateException;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.UnavailableException;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.workloads.listappend.ListAppendWorkload;
import io.quorumlab.workloads.register.RegisterWorkload;
import io.quorumlab.workloads.registry.Workloads;
import io.quorumlab.workloads.set.SetWorkload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How each workload's ops talk to the store and what they record. */
class ExecuteTest {
  private final RequestOptions opts = RequestOptions.DEFAULTS;

  @Test
  void setAddUnionsTheSiblingsAndPutsWithTheGetsContext() {
    ScriptedClient client = new ScriptedClient().siblings("set/4", "1,3", "2,3");
    Completion c = new SetWorkload().execute(new Invocation("add", 4L, 9L), client, opts).join();
    assertThat(c).isEqualTo(Completion.ok(9L));
    assertThat(client.puts).containsExactly(new ScriptedClient.Put("set/4", "1,2,3,9",
        new Context("set/4".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void setReadReturnsTheSortedUnion() {
    ScriptedClient client = new ScriptedClient().siblings("set/1", "5,7", "6");
    assertThat(new SetWorkload().execute(new Invocation("read", 1L, null), client, opts).join().value()).isEqualTo(List.of(5L, 6L, 7L));
  }

  @Test
  void anErrorOnTheGetHalfIsADefiniteFailureAndOnThePutHalfIndeterminate() {
    ScriptedClient client = new ScriptedClient();
    client.getError = new IndeterminateException("timed out");
    Completion beforeWrite = new SetWorkload().execute(new Invocation("add", 1L, 3L), client, opts).join();
    assertThat(beforeWrite.type()).isEqualTo(OpType.FAIL);
    assertThat(beforeWrite.error()).startsWith("indeterminate");
    client.getError = null;
    client.putError = new IndeterminateException("timed out");
    assertThat(new SetWorkload().execute(new Invocation("add", 1L, 3L), client, opts).join().type()).isEqualTo(OpType.INFO);
    client.putError = new UnavailableException("refused");
    assertThat(new SetWorkload().execute(new Invocation("add", 1L, 3L), client, opts).join().type()).isEqualTo(OpType.FAIL);
  }

  @Test
  void listAppendMergesSiblingsAppendsAndRecordsTheTxn() {
    ScriptedClient client = new ScriptedClient().siblings("list/2", "1,2,5", "1,2,3");
    Object txn = List.of(Arrays.asList("append", 2L, 6L));
    Completion c = new ListAppendWorkload().execute(new Invocation("txn", null, txn), client, opts).join();
    assertThat(c).isEqualTo(Completion.ok(txn));
    assertThat(client.puts.get(0).value()).isEqualTo("1,2,3,5,6");
    Completion read = new ListAppendWorkload().execute(new Invocation("txn", null, List.of(Arrays.asList("r", 2L, null))), client, opts).join();
    assertThat(read.value()).isEqualTo(List.of(List.of("r", 2L, List.of(1L, 2L, 3L, 5L))));
  }

  @Test
  void registerWritesBlindlyAndReadsOneValue() {
    ScriptedClient client = new ScriptedClient().siblings("register/0", "7");
    RegisterWorkload w = new RegisterWorkload();
    assertThat(w.execute(new Invocation("write", 0L, 8L), client, opts).join()).isEqualTo(Completion.ok(8L));
    assertThat(client.puts.get(0).context()).isEqualTo(Context.EMPTY);
    assertThat(w.execute(new Invocation("read", 0L, null), client, opts).join()).isEqualTo(Completion.ok(7L));
    assertThat(w.execute(new Invocation("read", 1L, null), client, opts).join()).isEqualTo(Completion.ok(null));
    client.siblings("register/0", "7", "8");
    Completion two = w.execute(new Invocation("read", 0L, null), client, opts).join();
    assertThat(two.type()).isEqualTo(OpType.FAIL);
    assertThat(two.error()).contains("2 siblings");
  }

  @Test
  void anAddPutsOnlyOnceItsGetReturnsAndEndsOnlyWhenItsPutDoes() {
    CompletableFuture<GetResult> get = new CompletableFuture<>();
    CompletableFuture<PutResult> put = new CompletableFuture<>();
    List<String> calls = new ArrayList<>();
    Context seen = new Context(new byte[] {7});
    StoreClient client = new StoreClient() {
      @Override
      public CompletableFuture<GetResult> getAsync(String key, RequestOptions options) {
        calls.add("get " + key);
        return get;
      }

      @Override
      public CompletableFuture<PutResult> putAsync(String key, byte[] value, Context context, RequestOptions options) {
        calls.add("put " + key + " " + new String(value, StandardCharsets.US_ASCII) + (context.equals(seen) ? " with the get's context" : ""));
        return put;
      }

      @Override
      public CompletableFuture<PutResult> deleteAsync(String key, Context context, RequestOptions options) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void close() {}
    };
    CompletableFuture<Completion> c = new SetWorkload().execute(new Invocation("add", 1L, 5L), client, opts);
    assertThat(calls).containsExactly("get set/1");
    get.complete(new GetResult(List.of("1".getBytes(StandardCharsets.US_ASCII)), seen, 1));
    assertThat(calls).containsExactly("get set/1", "put set/1 1,5 with the get's context");
    assertThat(c).isNotDone();
    put.completeExceptionally(new IndeterminateException("timed out"));
    assertThat(c.join().type()).isEqualTo(OpType.INFO);
  }

  @Test
  void aStoredValueThatCannotBeDecodedFailsTheOp() {
    ScriptedClient client = new ScriptedClient().siblings("register/0", "seven").siblings("set/0", "1,x");
    Completion register = new RegisterWorkload().execute(new Invocation("read", 0L, null), client, opts).join();
    assertThat(register.type()).isEqualTo(OpType.FAIL);
    assertThat(register.error()).startsWith("bad value: ").contains("seven");
    Completion set = new SetWorkload().execute(new Invocation("add", 0L, 2L), client, opts).join();
    assertThat(set.type()).isEqualTo(OpType.FAIL);
    assertThat(client.puts).as("nothing written after a bad read").isEmpty();
  }

  @Test
  void registerRefusesSiblingsModeAndPointsToTheOtherWorkloads() {
    RegisterWorkload w = new RegisterWorkload();
    assertThat(w.refusal(ConflictMode.SIBLINGS)).hasValueSatisfying(m -> assertThat(m).contains("set").contains("list-append"));
    assertThat(w.refusal(ConflictMode.LWW)).isEmpty();
    assertThat(w.refusal(ConflictMode.ABD)).isEmpty();
    assertThat(new SetWorkload().refusal(ConflictMode.SIBLINGS)).isEmpty();
  }

  @Test
  void everyWorkloadNamesItsCheckers() {
    assertThat(new RegisterWorkload().checkers()).extracting(c -> c.name()).containsExactly("linearizable", "stale-read");
    assertThat(new SetWorkload().checkers()).extracting(c -> c.name()).containsExactly("set");
    assertThat(new ListAppendWorkload().checkers()).extracting(c -> c.name()).containsExactly("list-append");
    assertThat(Workloads.names()).containsExactly("register", "list-append", "set");
  }
}
