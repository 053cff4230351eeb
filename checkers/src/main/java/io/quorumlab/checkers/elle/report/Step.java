package io.quorumlab.checkers.elle.report;

import java.util.Map;

/**
 * Why one transaction of a cycle precedes the next.
 *
 * @param type the edge type, an {@link io.quorumlab.checkers.elle.graph.Edges} bit
 * @param data Elle's step map: key, value, value', a-mop-index, b-mop-index (as they apply)
 * @param because the reason, with {@code {a}} and {@code {b}} standing for the two transactions'
 *     names: "{b} read key 3 = [1 2], which includes {a}'s append of 2"
 */
public record Step(int type, Map<String, Object> data, String because) {

  public String sentence(String a, String b) {
    return a + " < " + b + " because " + because.replace("{a}", a).replace("{b}", b);
  }
}
