package org.flashpoint.streams.incidents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        // Same outlet: one pass through a map, so a heavily covered incident costs linear time per report.
        Map<String, Integer> firstOfOutlet = new HashMap<>();
        List<Integer> fingerprinted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Report report = reports.get(i);
            if (report.source() != null) {
                Integer first = firstOfOutlet.putIfAbsent(report.source().toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    union(parent, i, first);
                }
            }
            if (report.fingerprint() != null) {
                fingerprinted.add(i);
            }
        }
        // Near-duplicate texts: pairwise, but only among the reports that keep a fingerprint (a bounded number).
        for (int a = 0; a < fingerprinted.size(); a++) {
            for (int b = a + 1; b < fingerprinted.size(); b++) {
                int i = fingerprinted.get(a);
                int j = fingerprinted.get(b);
                if (root(parent, i) != root(parent, j)
                        && reports.get(i).fingerprint().containment(reports.get(j).fingerprint()) >= containment) {
                    union(parent, i, j);
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

    private static void union(int[] parent, int i, int j) {
        parent[root(parent, i)] = root(parent, j);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
