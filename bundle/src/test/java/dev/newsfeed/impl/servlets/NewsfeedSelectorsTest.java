package dev.newsfeed.impl.servlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import dev.newsfeed.impl.content.ContentModel;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@ExtendWith(SlingContextExtension.class)
class NewsfeedSelectorsTest {

    /** The component descriptors bnd generated from the servlets' {@code @SlingServletResourceTypes}. */
    private static final Path DESCRIPTORS = Path.of("target/classes/OSGI-INF");

    private static final Path SOURCES = Path.of("src/main/java");

    private final SlingContext context = new SlingContext();

    @Test
    void knowsEveryEndpointOurServletsRegisterWithASelector() throws Exception {
        Map<String, Set<String>> registered = new TreeMap<>();
        Set<String> guarded = new TreeSet<>();
        for (Map<String, List<String>> component : components()) {
            List<String> selectors = component.getOrDefault("sling.servlet.selectors", List.of());
            if (component.get("name").get(0).endsWith(".SelectorGuardServlet")) {
                guarded.addAll(selectors);
                continue;
            }
            for (String type : component.getOrDefault("sling.servlet.resourceTypes", List.of())) {
                for (String selector : selectors) {
                    for (String extension : component.getOrDefault("sling.servlet.extensions", List.of())) {
                        registered
                                .computeIfAbsent(type + " " + selector + " " + extension, k -> new TreeSet<>())
                                .addAll(component.get("sling.servlet.methods"));
                    }
                }
            }
        }
        Map<String, Set<String>> known = new TreeMap<>();
        for (NewsfeedSelectors.Endpoint e : NewsfeedSelectors.ENDPOINTS) {
            known.computeIfAbsent(e.resourceType() + " " + e.selector() + " " + e.extension(), k -> new TreeSet<>())
                    .addAll(e.methods());
        }
        // the console's endpoints are registered by the bundle dev.newsfeed.console (module console, whose
        // ConsoleServletTest checks its registration against these)
        known.keySet().removeIf(endpoint -> endpoint.startsWith(ContentModel.RT_SITE + " console "));
        assertFalse(registered.isEmpty());
        assertEquals(registered, known);
        assertEquals(NewsfeedSelectors.ALL, guarded, "the guard servlet is registered with every selector");
    }

    @Test
    void answers404WhereThereIsNoNewsfeedResourceOrEndpoint() {
        Resource missing = context.resourceResolver().resolve("/content/newsfeed/day/articles/2022/01/10/nope");
        Resource other = context.create().resource("/content/other");
        Resource archive = context.create()
                .resource("/content/newsfeed/day/articles", Map.of("sling:resourceType", ContentModel.RT_ARCHIVE));
        Resource article = context.create()
                .resource(
                        "/content/newsfeed/day/articles/2022/01/10/a",
                        Map.of("sling:resourceType", ContentModel.RT_ARTICLE));
        assertTrue(NewsfeedSelectors.allowed(missing, new String[] {"delete"}, "json")
                .isEmpty());
        assertTrue(NewsfeedSelectors.allowed(other, new String[] {"delete"}, "json")
                .isEmpty());
        assertTrue(NewsfeedSelectors.allowed(archive, new String[] {"comments"}, "json")
                .isEmpty());
        assertTrue(NewsfeedSelectors.allowed(article, new String[] {"delete"}, "html")
                .isEmpty());
        assertTrue(NewsfeedSelectors.allowed(article, new String[] {"moderation"}, "json")
                .isEmpty());
        assertTrue(NewsfeedSelectors.allowed(article, new String[0], "json").isEmpty());
    }

    @Test
    void answers405WithTheMethodsOfTheEndpointOnANewsfeedResource() {
        Resource site =
                context.create().resource("/content/newsfeed/day", Map.of("sling:resourceType", ContentModel.RT_SITE));
        Resource article = context.create()
                .resource(
                        "/content/newsfeed/day/articles/2022/01/10/a",
                        Map.of("sling:resourceType", ContentModel.RT_ARTICLE));
        assertEquals(Set.of("POST"), NewsfeedSelectors.allowed(article, new String[] {"delete"}, "json"));
        assertEquals(
                Set.of("GET", "HEAD", "POST"), NewsfeedSelectors.allowed(site, new String[] {"moderation"}, "json"));
        assertEquals(Set.of("GET", "HEAD"), NewsfeedSelectors.allowed(site, new String[] {"feed"}, "jsonfeed"));
    }

    private static List<Map<String, List<String>>> components() throws Exception {
        List<Map<String, List<String>>> components = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(DESCRIPTORS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("dev.newsfeed.impl.servlets."))
                    .toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.xml$", "");
                if (!Files.exists(SOURCES.resolve(name.replace('.', '/') + ".java"))) {
                    continue; // left in target/classes by a servlet that no longer exists
                }
                Document doc = DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(file.toFile());
                Map<String, List<String>> properties = new TreeMap<>();
                properties.put("name", List.of(doc.getDocumentElement().getAttribute("name")));
                NodeList nodes = doc.getElementsByTagName("property");
                for (int i = 0; i < nodes.getLength(); i++) {
                    Element p = (Element) nodes.item(i);
                    String text = p.hasAttribute("value") ? p.getAttribute("value") : p.getTextContent();
                    properties.put(
                            p.getAttribute("name"),
                            Arrays.stream(text.split("\n"))
                                    .map(String::trim)
                                    .filter(s -> !s.isEmpty())
                                    .toList());
                }
                components.add(properties);
            }
        }
        return components;
    }
}
