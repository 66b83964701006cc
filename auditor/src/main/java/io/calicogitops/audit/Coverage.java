package io.calicogitops.audit;

/** Share of the live Calico policy objects that Git manages: {@code managed / total} (1.0 when there are none). */
public record Coverage(int managedPolicies, int livePolicies) {

    public double ratio() {
        return livePolicies == 0 ? 1.0 : (double) managedPolicies / livePolicies;
    }
}
