package org.flashpoint.app.commands;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flashpoint.analysis.Analyzer;
import org.flashpoint.analysis.input.ArticleLines;
import org.flashpoint.contracts.Article;
import org.flashpoint.contracts.Json;
import org.flashpoint.contracts.RejectedRecord;
import org.flashpoint.ingest.corpus.Corpus;
import org.flashpoint.ingest.corpus.CorpusBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Classifies articles offline: NDJSON from files or stdin, or any corpus format replay reads; one JSON line out per article. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify articles offline and print one NDJSON object per article (id, dyads, labels, direction,",
                "killed, events with their evidence sentences, analyzer_version). No Kafka needed.",
                "Input: NDJSON lines {id, title, text, published, source, url} from *.ndjson/*.jsonl files or stdin,",
                "or any file or directory 'replay' reads (labeled *.json files, text, HTML, WARC, feeds).",
                "Invalid lines and files are reported on stderr with their line number or reason, and skipped."})
public final class ClassifyCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Input files or directories (default: NDJSON on stdin).")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Analyzer analyzer = Analyzer.loadDefault();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Instant now = Instant.now();
        int[] problems = {0};
        if (files.isEmpty()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            ArticleLines.read(in, "stdin", now, a -> print(out, analyzer, a), p -> report(p.toString(), problems));
        }
        List<Path> corpusInputs = new ArrayList<>();
        for (Path file : files) {
            if (isNdjson(file)) {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    ArticleLines.read(in, file.toString(), now, a -> print(out, analyzer, a), p -> report(p.toString(), problems));
                } catch (IOException e) {
                    report(file + ": cannot read: " + e.getMessage(), problems);
                }
            } else {
                corpusInputs.add(file);
            }
        }
        if (!corpusInputs.isEmpty()) {
            CorpusBatch batch = Corpus.read(corpusInputs, now);
            for (Article a : batch.articles()) {
                print(out, analyzer, withOwnId(a));
            }
            for (RejectedRecord r : batch.rejected()) {
                report(r.origin() + ": " + r.reason() + ": " + r.message(), problems);
            }
        }
        out.flush();
        return problems[0] == 0 ? 0 : 1;
    }

    private static boolean isNdjson(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".ndjson") || name.endsWith(".jsonl") && !name.equals("manifest.jsonl"));
    }

    /** A JSON input's own "id" (e.g. "d-001" of a labeled file) names its output line, so results can be matched to inputs. */
    private static Article withOwnId(Article a) {
        if (a.metadata().get("id") instanceof String id && !id.isBlank()) {
            return new Article(id, a.source(), a.url(), a.title(), a.text(), a.captions(), a.language(), a.published(),
                    a.timeSource(), a.ingestedAt(), a.origin(), a.metadata());
        }
        return a;
    }

    private static void print(PrintStream out, Analyzer analyzer, Article a) {
        out.println(Json.writeString(analyzer.analyze(a)));
    }

    private static void report(String message, int[] problems) {
        problems[0]++;
        System.err.println("flashpoint classify: skipped " + message);
    }
}
