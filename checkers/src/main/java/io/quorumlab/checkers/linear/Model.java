package io.quorumlab.checkers.linear;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A sequential specification that the linearizability checker tests a history against. A model
 * is a pure function from (state, call) to the next state; implement it in one class, e.g.
 *
 * <pre>{@code
 * final class CounterModel implements Model<Long> {
 *   public String name() { return "counter"; }
 *   public Set<String> functions() { return Set.of("add", "read"); }
 *   public Long initial() { return 0L; }
 *   public Long step(Long s, Call c) {
 *     if (c.f().equals("add")) return s + (Long) c.input();
 *     return !c.outputKnown() || s.equals(c.output()) ? s : null;
 *   }
 * }
 * }</pre>
 *
 * States must be immutable, never null, and implement {@code equals}/{@code hashCode}: the
 * search memoizes (set of linearized calls, state) pairs.
 *
 * @param <S> the state type
 */
public interface Model<S> {

  /** Short name used on the command line ("register", "cas-register", "kv"). */
  String name();

  /** The operation functions (Op.f) this model understands; a history with others is rejected. */
  Set<String> functions();

  /** The state before any operation. */
  S initial();

  /**
   * This model starting from {@code value} instead of {@link #initial()}, for objects that a test
   * sets up before its history begins (Jepsen's register tests start the register at a known
   * value and first read it).
   *
   * @throws IllegalArgumentException when this model takes no initial value
   */
  default Model<S> startingAt(Object value) {
    throw new IllegalArgumentException("the " + name() + " model takes no initial value");
  }

  /**
   * The state after {@code call} takes effect in {@code state}, or null when the call cannot have
   * happened in that state (its output contradicts it, a cas whose compare would fail completed
   * ok, ...). When {@code call.outputKnown()} is false the call is indeterminate and this must
   * return a state: the effect it would have had, which may be "no change".
   */
  S step(S state, Call call);

  /**
   * Whether the call never changes the state, in any state (a read). Such calls keep the search
   * small: indeterminate ones are dropped (nobody saw their result), ok ones are linearized as
   * soon as they fit. Answer false when unsure.
   */
  default boolean isReadOnly(Call call) {
    return false;
  }

  /**
   * Whether two indeterminate calls ({@code outputKnown()} false) have the same effect in every
   * state, e.g. two timed-out writes of the same value. The search then takes such calls in
   * invocation order only: the earlier one is available whenever the later one is, so taking the
   * later one first can only lose options. Answer false when unsure (the default).
   */
  default boolean interchangeable(Call a, Call b) {
    return false;
  }

  /**
   * Which of a partition's indeterminate calls may be left out of its search: those whose effect
   * no call of the partition could ever observe, so that "never took effect" loses no
   * linearization (a timed-out write of a value that nobody read). Crashed writes pile up in long
   * histories, and each one the search must consider doubles the configurations it may visit.
   * Given all of the partition's calls, returns a test for its indeterminate ones. Default: leave
   * out none.
   */
  default Predicate<Call> unobservable(List<Call> calls) {
    return call -> false;
  }

  /**
   * Whether the search should look ahead with {@link #overwrites} and {@link #mayStillFit}: worth it
   * for states that grow (appends), where a wrong order of concurrent calls is otherwise found out
   * only at the next read. Default false.
   */
  default boolean looksAhead() {
    return false;
  }

  /**
   * For look-ahead: whether the call may take some state to one that calls which do not overwrite
   * could not reach (a put or a write does; an append does not). Answer true when unsure (the default).
   */
  default boolean overwrites(Call call) {
    return true;
  }

  /**
   * For look-ahead: false only when no sequence of calls that do not {@link #overwrites} can take
   * {@code state} to a state in which {@code later} (an ok call) fits, e.g. a get whose string does
   * not start with the state's. The search then abandons the state when {@code later} must come
   * before any overwriting call. Answer true when unsure (the default).
   */
  default boolean mayStillFit(S state, Call later) {
    return true;
  }

  /**
   * P-compositionality: calls with different partition keys touch independent objects and are
   * checked separately (and in parallel). Return one constant to check the history as a whole.
   */
  default Object partition(Call call) {
    return call.key();
  }

  /** A state in words for explanations ("5", "nil", "\"x 1 y\""). */
  default String describe(S state) {
    return String.valueOf(state);
  }

  /** A call in words for explanations ("read returned 3", "write 5", "cas 1→3"). */
  default String describe(Call call) {
    String s = call.f() + (call.input() == null ? "" : " " + call.input());
    if (call.outputKnown() && call.output() != null && !call.output().equals(call.input())) s += " returned " + call.output();
    return call.outputKnown() ? s : s + " (indeterminate)";
  }

  /** Rough bytes a state occupies, for the memory budget. */
  default long bytes(S state) {
    return 16;
  }
}
