package io.quorumlab.checkers.linear;

import java.util.List;

/**
 * The deepest point the search reached: a linearizable prefix after which the call whose return
 * comes next cannot be placed. At the deepest dead end of a failed search every call pending
 * there is impossible in every state listed (an accepted one would have led deeper).
 *
 * @param blocked the call whose return comes next and that cannot be placed
 * @param pending the calls invoked before {@code blocked} returned and not linearized yet, blocked included
 * @param orders the orders of the same set of calls that reached this point, the first being the
 *     one found first; their final states are the states "possible at that point"
 */
record DeadEnd(int blocked, int[] pending, List<Order> orders) {

  /**
   * A linearizable prefix.
   *
   * @param calls call ids in linearization order
   * @param statesBefore the state before each call, plus the state after the last one
   */
  record Order(int[] calls, Object[] statesBefore) {
    Object state() {
      return statesBefore[statesBefore.length - 1];
    }
  }

  Order longest() {
    return orders.get(0);
  }
}
