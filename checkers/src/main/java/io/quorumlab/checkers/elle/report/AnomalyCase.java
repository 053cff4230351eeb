package io.quorumlab.checkers.elle.report;

import java.util.Map;

/**
 * One occurrence of a non-cyclic anomaly.
 *
 * @param type the anomaly type ("G1a", "internal", ...)
 * @param data Elle's map for it (op, mop, writer, element, ...), JSON-able
 * @param sentence what happened, for a person
 */
public record AnomalyCase(String type, Map<String, Object> data, String sentence) {}
