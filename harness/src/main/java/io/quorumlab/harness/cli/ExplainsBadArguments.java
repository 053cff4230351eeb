package io.quorumlab.harness.cli;

import java.util.Optional;

/**
 * A command that knows better than picocli why its arguments are bad: when one of its options
 * makes every other argument moot (e.g. {@code cluster start --backend ssh --hosts ...}), saying so
 * is clearer than listing the options it does not know.
 */
interface ExplainsBadArguments {
  /** Read after parsing (options parsed so far are set); empty: picocli's own message stands. */
  Optional<String> explain();
}
