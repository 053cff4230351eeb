package io.quorumlab.workloads;

import io.quorumlab.checkers.Checker;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.store.config.ConflictMode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        : Optional.of("the " + name() + " workload does not run in " + Modes.wireName(mode) + " mode (it runs in "
            + Modes.list(supportedModes()) + ")");
  }

  /** The checkers that judge this workload's histories, in the order their results are shown. */
  List<Checker> checkers();

  /** A fresh, seeded sequence of invocations for one run: equal seeds give equal sequences. */
  InvocationGenerator generator(long seed);

  /**
   * Runs one invocation through {@code client} (whose node coordinates it) and says how it ended.
   * Never throws for store errors: those become {@code fail} or {@code info} completions, according
   * to whether the failing request may have changed the store.
   */
  Completion execute(Invocation invocation, StoreClient client, RequestOptions options);
}
