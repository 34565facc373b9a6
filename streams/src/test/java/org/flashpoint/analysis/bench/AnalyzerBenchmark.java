package org.flashpoint.analysis.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.ClassifiedArticle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Articles per second of {@link Analyzer#analyze} on one thread, for articles of about 4 KiB built from sentences
 * written for this benchmark (states, event cues, dates, tolls, negations, background). Run after
 * {@code mvn -o -q test-compile -pl streams}:
 * <pre>
 * mvn -o -q dependency:build-classpath -pl streams -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/streams-test.cp
 * java -cp streams/target/test-classes:streams/target/classes:$(cat /tmp/streams-test.cp) \
 *      org.openjdk.jmh.Main AnalyzerBenchmark -prof gc
 * </pre>
 * The score is operations (articles) per second; {@code gc.alloc.rate.norm} is bytes allocated per article.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AnalyzerBenchmark {

    private static final String[] SENTENCES = {
        "Pakistan condemned what it called an unprovoked missile strike by Iran on Tuesday, saying two children were killed.",
        "The foreign ministry in Islamabad said it had recalled its ambassador from Tehran and lodged a strong protest.",
        "Iranian state media said missiles and drones had targeted two bases of Jaish al-Adl in Balochistan.",
        "China urged Iran and Pakistan to exercise restraint and avoid actions that escalate the tension.",
        "The two foreign ministers spoke by phone on Friday and agreed that their ambassadors would return to their posts.",
        "Officials denied that troops had crossed the border near Saravan, where gunmen killed nine Pakistanis last week.",
        "India and Pakistan have fought three wars since 1947, and the Line of Control remains heavily militarised.",
        "Turkey warned Greece that it could retaliate if its survey ship was attacked in the eastern Mediterranean.",
        "Japan's prime minister will visit Seoul next week for a summit with the South Korean president.",
        "Analysts said the agreement to expand security cooperation could ease tensions between the neighbours.",
        "The national football team arrived in Istanbul ahead of a qualifier that fans expect to be a tough match.",
        "Floods that entered the province after wreaking havoc across the border killed at least four people on Saturday.",
        "In a joint statement, both sides pledged to work together against militants operating in the border region.",
        "Poland deployed thousands of troops to its frontier with Belarus after migrants tried to force their way through.",
        "Algeria said it was cutting diplomatic relations with Morocco, citing what it called hostile actions.",
        "Egypt and Sudan warned Ethiopia against filling the dam before a binding deal on its operation is reached.",
    };

    private Analyzer analyzer;
    private List<Article> articles;
    private int next;

    @Setup
    public void setUp() {
        analyzer = Analyzer.loadDefault();
        articles = articles(64, 4096, 42);
    }

    /** Deterministic articles of about {@code bytes} characters each. */
    static List<Article> articles(int count, int bytes, long seed) {
        Random random = new Random(seed);
        List<Article> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder(bytes + 200);
            while (text.length() < bytes) {
                text.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(random.nextInt(4) == 0 ? "\n\n" : " ");
            }
            String title = SENTENCES[random.nextInt(SENTENCES.length)];
            out.add(new Article("bench-" + i, "bench", null, title, text.toString(), List.of(), "en",
                    Instant.parse("2024-01-17T08:00:00Z"), Article.TimeSource.PUBLISHED, Instant.EPOCH, "bench", null));
        }
        return out;
    }

    @Benchmark
    public ClassifiedArticle analyze() {
        Article a = articles.get(next);
        next = (next + 1) % articles.size();
        return analyzer.analyze(a);
    }
}
