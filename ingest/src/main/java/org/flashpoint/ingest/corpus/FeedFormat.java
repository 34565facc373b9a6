package org.flashpoint.ingest.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * RSS 2.0 and Atom feeds: each item (entry) with content or a summary is one article. The parser refuses any
 * DOCTYPE, so external entities are never resolved and entity expansion cannot blow up.
 */
final class FeedFormat {

    private FeedFormat() {
    }

    static void read(SourceFile file, Emitter out) {
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(file.bytes()));
        } catch (SAXException e) {
            boolean doctype = String.valueOf(e.getMessage()).contains("DOCTYPE");
            out.reject(file.reject(doctype ? Reason.XML_DTD_REFUSED : Reason.MALFORMED,
                    JsonFormat.firstLine(e.getMessage()), 0, file.bytes()));
            return;
        } catch (IOException e) {
            out.reject(file.reject(Reason.MALFORMED, JsonFormat.firstLine(e.getMessage()), 0, file.bytes()));
            return;
        }
        Element root = document.getDocumentElement();
        boolean atom = root.getTagName().equals("feed");
        String feedTitle = atom ? childText(root, "title") : childText(first(root, "channel"), "title");
        NodeList items = root.getElementsByTagName(atom ? "entry" : "item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String content = atom ? firstNonBlank(childText(item, "content"), childText(item, "summary"))
                    : firstNonBlank(childText(item, "content:encoded"), childText(item, "description"));
            String published = atom ? firstNonBlank(childText(item, "published"), childText(item, "updated"))
                    : firstNonBlank(childText(item, "pubDate"), childText(item, "dc:date"));
            String link = atom ? atomLink(item) : childText(item, "link");
            String origin = file.origin() + "#item" + (i + 1);
            out.article(new RawArticle(childText(item, "title"), null, content == null ? "" : content, published,
                    null, feedTitle, link, null, null, origin,
                    serialize(item)).withOverrides(file.manifest()));
        }
    }

    static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
        }
    }

    /** The item as XML text, for the dead-letter record should it be rejected. */
    private static byte[] serialize(Element item) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(item), new StreamResult(out));
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (TransformerException e) {
            return item.getTextContent().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Element first(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? parent : (Element) list.item(0);
    }

    private static String childText(Element parent, String tag) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent().strip();
            }
        }
        return null;
    }

    private static String atomLink(Element entry) {
        NodeList links = entry.getElementsByTagName("link");
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if (link.getAttribute("rel").isEmpty() || link.getAttribute("rel").equals("alternate")) {
                return link.getAttribute("href");
            }
        }
        return null;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
