package org.flashpoint.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Article;

/** The analysis ceiling: every article through the analyzer, on as many threads as there are cores. */
final class AnalyzerBench {

    private AnalyzerBench() {
    }

    static double run(Analyzer analyzer, List<Article> articles) throws Exception {
        // Warm-up, so the rate is of compiled code, as in a long-running streams instance.
        articles.subList(0, Math.min(articles.size(), 2_000)).forEach(analyzer::analyze);
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    int events = 0;
                    for (int i = first; i < articles.size(); i += threads) {
                        events += analyzer.analyze(articles.get(i)).events().size();
                    }
                    return events;
                }));
            }
            for (Future<Integer> part : parts) {
                part.get();
            }
            return articles.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
