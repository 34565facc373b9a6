package org.flashpoint.streams.incidents;

import java.util.List;
import java.util.Locale;

/**
 * Counts independent sources among the reports of one incident: reports from the same outlet, or whose texts are
 * near-duplicates (syndicated copies of one wire story), form one cluster, and each cluster counts once.
 */
public final class IndependentSources {

    private IndependentSources() {
    }

    public static int count(List<Report> reports, double containment) {
        int n = reports.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (sameOrigin(reports.get(i), reports.get(j), containment)) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            if (root(parent, i) == i) {
                clusters++;
            }
        }
        return clusters;
    }

    private static boolean sameOrigin(Report a, Report b, double containment) {
        boolean sameOutlet = a.source() != null && b.source() != null
                && a.source().toLowerCase(Locale.ROOT).equals(b.source().toLowerCase(Locale.ROOT));
        return sameOutlet || (a.fingerprint() != null && b.fingerprint() != null
                && a.fingerprint().containment(b.fingerprint()) >= containment);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
