package io.quorumlab.checkers.linear;

import io.quorumlab.checkers.Verdict;

/**
 * What the search found for one partition.
 *
 * @param verdict valid, invalid, or unknown when the budget ran out
 * @param calls calls searched (ok and indeterminate; failed ops and indeterminate reads excluded)
 * @param configurations distinct (linearized set, state) configurations explored
 * @param nanos time spent searching
 * @param deepest the most calls the search had linearized at once: the longest linearizable
 *     prefix it found (an undecided search reports it)
 * @param failure the deepest dead end (invalid), or the deepest point reached (unknown); null when valid
 * @param gaveUp why the search stopped early, or null
 */
record SearchResult(Verdict verdict, int calls, long configurations, long nanos, int deepest, DeadEnd failure, String gaveUp) {}
