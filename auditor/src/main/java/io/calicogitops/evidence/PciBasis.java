package io.calicogitops.evidence;

/**
 * Which check in the bundle decides a PCI row's status beyond the presence of its files: none (the files are the
 * evidence), the segmentation check (Git and live), the network diagrams (Git and live), the drift report, or the
 * drift log's verification.
 */
public enum PciBasis {
    FILES, SEGMENTATION, DIAGRAM, DRIFT, DRIFT_LOG
}
