package io.quorumlab.workloads;

import io.quorumlab.checkers.Checker;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.store.config.ConflictMode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * A kind of traffic a run drives against the store, and how its history is judged. A workload is
 * self-describing (name, description, the conflict modes it makes sense in, its checkers) so the CLI
 * can list, refuse and explain it without knowing it.
 *
 * <p>Implementations are stateless and thread-safe: the state of a run (keys in use, next values)
 * lives in the {@link InvocationGenerator} the run asks for.
 */
public interface Workload {

  /** The name on the command line ("register", "list-append", "set"). */
  String name();

  /** One or two sentences for {@code --help} and reports. */
  String description();

  /** The conflict modes in which this workload's history means something. */
  Set<ConflictMode> supportedModes();

  /** Empty when the workload runs in {@code mode}, else a one-line reason that says what to use instead. */
  default Optional<String> refusal(ConflictMode mode) {
    return supportedModes().contains(mode)
        ? Optional.empty()
        : Optional.of("the " + name() + " workload does not run in " + mode.wireName() + " mode (it runs in "
            + Modes.list(supportedModes()) + ")");
  }

  /** The checkers that judge this workload's histories, in the order their results are shown. */
  List<Checker> checkers();

  /**
   * A fresh sequence of invocations for one run, drawing every choice from {@code random} (the
   * run's stream for its workload): equal streams give equal sequences.
   */
  InvocationGenerator generator(RandomGenerator random);

  /**
   * Sends one invocation through {@code client} (whose node coordinates it); the future says how it
   * ended. Store errors never fail the future: they become {@code fail} or {@code info} completions,
   * according to whether the failing request may have changed the store (see {@link Requests}). The
   * future fails, or the call throws, only for a bug; the harness records that op as {@code info}.
   *
   * <p>Nothing here blocks or keeps time: the steps of an op (a get, then a put) are chained on the
   * client's futures and run on whichever thread completes them, so one event loop can drive many
   * ops at once, in real or in simulated time.
   */
  CompletableFuture<Completion> execute(Invocation invocation, StoreClient client, RequestOptions options);
}
