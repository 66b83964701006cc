package io.calicogitops.evidence;

/**
 * One file (or, ending in {@code /}, every file under a folder) that evidences a PCI requirement, what it shows, and
 * what to do when it is not in the bundle ({@code run 'calico-gitops check segmentation'}).
 */
public record EvidenceRef(String path, String shows, String whenAbsent) {
}
