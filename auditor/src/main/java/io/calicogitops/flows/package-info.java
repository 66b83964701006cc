/**
 * Observed traffic: Calico flow-log records read from exported files (Felix flows.log, Elasticsearch exports,
 * Goldmane/Whisker JSON), replayed against the policies in Git, staged impact, policy recommendations.
 */
package io.calicogitops.flows;
