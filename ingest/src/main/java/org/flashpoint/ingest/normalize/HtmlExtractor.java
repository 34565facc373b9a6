package org.flashpoint.ingest.normalize;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reduces an HTML page to its article: the body found by Readability (jsoup page body without navigation when
 * Readability finds nothing), as paragraphs of text; figure captions apart; title, publication date, outlet
 * and canonical URL from the page's metadata.
 */
public final class HtmlExtractor {

    private static final List<String> DATE_META = List.of(
            "meta[property=article:published_time]", "meta[name=article:published_time]",
            "meta[itemprop=datePublished]", "meta[name=pubdate]", "meta[name=publishdate]",
            "meta[name=date]", "meta[name=dc.date]", "meta[name=DC.date.issued]", "meta[name=parsely-pub-date]",
            "meta[name=sailthru.date]", "meta[property=og:published_time]");

    /** What a page says about its article; any field may be null except {@code text}. */
    public record Page(String title, String text, List<String> captions, String published, String source,
                       String url, String declaredLanguage) {
    }

    private HtmlExtractor() {
    }

    public static Page extract(String html, String pageUrl) {
        Document page = Jsoup.parse(html, pageUrl == null ? "" : pageUrl);
        List<String> captions = new ArrayList<>();
        for (Element caption : page.select("figcaption, .caption, .wp-caption-text")) {
            captions.add(caption.text());
        }
        String title = firstContent(page, "meta[property=og:title]", "meta[name=twitter:title]")
                .or(() -> Optional.ofNullable(page.selectFirst("h1")).map(Element::text))
                .orElse(page.title());
        String published = firstContent(page, DATE_META.toArray(String[]::new))
                .or(() -> Optional.ofNullable(page.selectFirst("time[datetime]")).map(t -> t.attr("datetime")))
                .orElse(null);
        String url = Optional.ofNullable(page.selectFirst("link[rel=canonical]")).map(l -> l.absUrl("href"))
                .filter(s -> !s.isEmpty())
                .or(() -> firstContent(page, "meta[property=og:url]"))
                .orElse(pageUrl);
        String source = firstContent(page, "meta[property=og:site_name]", "meta[name=application-name]")
                .orElse(host(url));
        String language = page.selectFirst("html[lang]") == null ? null
                : page.selectFirst("html[lang]").attr("lang").toLowerCase(java.util.Locale.ROOT);
        return new Page(blankToNull(title), bodyText(html, url, page), captions, published, source, url,
                blankToNull(language));
    }

    private static String bodyText(String html, String pageUrl, Document page) {
        String readable = null;
        try {
            // Readability resolves links against the page address and fails without a scheme.
            String base = pageUrl != null && pageUrl.contains("://") ? pageUrl : "http://unknown.invalid/";
            var article = new Readability4J(base, html).parse();
            if (article.getContent() != null) {
                readable = paragraphs(Jsoup.parse(article.getContent()).body());
            }
        } catch (RuntimeException readabilityFailed) {
            // A page Readability cannot handle still has a body: fall through to the plain extraction.
        }
        if (readable != null && readable.length() >= 200) {
            return readable;
        }
        Element root = Optional.ofNullable(page.selectFirst("article")).orElse(page.body());
        Element copy = root.clone();
        copy.select("script, style, noscript, nav, header, footer, aside, form, figure, figcaption, iframe").remove();
        String fallback = paragraphs(copy);
        return readable != null && readable.length() >= fallback.length() ? readable : fallback;
    }

    /** Text of an element with a line break after each block, so paragraphs survive. */
    public static String paragraphs(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    out.append("\n\n");
                }
            }
        }, root);
        return out.toString();
    }

    private static Optional<String> firstContent(Document page, String... selectors) {
        for (String selector : selectors) {
            Element meta = page.selectFirst(selector);
            if (meta != null && !meta.attr("content").isBlank()) {
                return Optional.of(meta.attr("content").strip());
            }
        }
        return Optional.empty();
    }

    private static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
