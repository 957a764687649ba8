package dev.newsfeed.bench;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.servlet.Servlet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingAllMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST {site}.generate.json?count=N&from=YYYY-MM-DD&to=YYYY-MM-DD&seed=S}: writes N articles with publish
 * dates spread uniformly over the period into the site's archive, filed in the day folders of the site's zone, through
 * the JCR API in batches of 1,000 nodes (as the admin who calls it). Only for benchmarks: not part of Newsfeed's
 * packages.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = "newsfeed/site",
        methods = HttpConstants.METHOD_POST,
        selectors = "generate",
        extensions = "json")
public final class GeneratorServlet extends SlingAllMethodsServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(GeneratorServlet.class);
    private static final int BATCH = 1_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] TAGS = {"politics", "economy", "culture", "sport", "weather", "city", "world"};

    @Override
    protected void doPost(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        if (!"admin".equals(request.getResourceResolver().getUserID())) {
            response.setStatus(403);
            MAPPER.writeValue(response.getWriter(), Map.of("error", "admin only"));
            return;
        }
        int count = Integer.parseInt(param(request, "count", "100"));
        LocalDate from = LocalDate.parse(param(request, "from", "2000-01-01"));
        LocalDate to = LocalDate.parse(param(request, "to", "2025-12-31"));
        long seed = Long.parseLong(param(request, "seed", "42"));
        String prefix = param(request, "prefix", "a");
        Session session = request.getResourceResolver().adaptTo(Session.class);
        String site = request.getResource().getPath();
        try {
            ZoneId zone = ZoneId.of(
                    session.getNode(site).hasProperty("timeZone")
                            ? session.getNode(site).getProperty("timeZone").getString()
                            : "UTC");
            long start = System.nanoTime();
            generate(session, site, zone, count, from, to, seed, prefix);
            long millis = (System.nanoTime() - start) / 1_000_000;
            log.info("Generated {} articles in {} in {} ms", count, site, millis);
            MAPPER.writeValue(response.getWriter(), Map.of("created", count, "millis", millis));
        } catch (RepositoryException e) {
            response.setStatus(500);
            MAPPER.writeValue(response.getWriter(), Map.of("error", e.getClass().getSimpleName()));
            log.error("Generating failed", e);
        }
    }

    private static void generate(
            Session session,
            String site,
            ZoneId zone,
            int count,
            LocalDate from,
            LocalDate to,
            long seed,
            String prefix)
            throws RepositoryException {
        Random random = new Random(seed);
        long first = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long last = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
        // uniform over the period, written in date order: each batch then touches a few day folders only
        long[] instants = new long[count];
        for (int i = 0; i < count; i++) {
            instants[i] = first + (long) (random.nextDouble() * (last - first));
        }
        java.util.Arrays.sort(instants);
        Node archive = folder(session.getNode(site), "articles");
        Set<String> known = new HashSet<>();
        for (int i = 0; i < count; i++) {
            long millis = instants[i];
            ZonedDateTime local = Instant.ofEpochMilli(millis).atZone(zone);
            String dayPath =
                    String.format("%04d/%02d/%02d", local.getYear(), local.getMonthValue(), local.getDayOfMonth());
            Node day = known.contains(dayPath) ? archive.getNode(dayPath) : folders(archive, dayPath);
            known.add(dayPath);
            Node article = day.addNode(prefix + i, "nt:unstructured");
            article.addMixin("mix:referenceable");
            article.setProperty("sling:resourceType", "newsfeed/article");
            article.setProperty("jcr:title", "Generated article " + i);
            article.setProperty("lead", "Lead of generated article " + i + ", for benchmarks.");
            article.setProperty(
                    "body",
                    "<p>Generated body " + i + ". Media can quote materials with a hyperlink to"
                            + " the material quoted.</p><blockquote><p>A quote of article " + i + ".</p></blockquote>");
            article.setProperty("author", "Generator");
            article.setProperty("tags", new String[] {TAGS[random.nextInt(TAGS.length)]});
            Calendar published = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            published.setTimeInMillis(millis);
            article.setProperty("published", published);
            article.setProperty("jcr:lastModified", published);
            if ((i + 1) % BATCH == 0) {
                session.save();
                if ((i + 1) % 100_000 == 0) {
                    log.info("Generated {} of {} articles in {}", i + 1, count, site);
                }
            }
        }
        session.save();
    }

    private static Node folders(Node archive, String dayPath) throws RepositoryException {
        Node current = archive;
        for (String segment : dayPath.split("/")) {
            current = folder(current, segment);
        }
        return current;
    }

    private static Node folder(Node parent, String name) throws RepositoryException {
        if (parent.hasNode(name)) {
            return parent.getNode(name);
        }
        Node folder = parent.addNode(name, "nt:unstructured");
        folder.setProperty("sling:resourceType", "newsfeed/archive");
        return folder;
    }

    private static String param(SlingHttpServletRequest request, String name, String fallback) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
