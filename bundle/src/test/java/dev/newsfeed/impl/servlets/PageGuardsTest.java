package dev.newsfeed.impl.servlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;

import javax.servlet.FilterChain;

import dev.newsfeed.impl.content.PageResourceDecorator;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One address per page (its jcr:content answers 404) and .model.json that answers as the article document does. */
@ExtendWith(SlingContextExtension.class)
class PageGuardsTest {

    private static final String SITE = "/content/newsfeed/pages";
    private static final String PAGE = SITE + "/articles/2022/01/10/page-story";

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_MOCK);
    private final AtomicBoolean passed = new AtomicBoolean();
    private final FilterChain chain = (request, response) -> passed.set(true);

    @BeforeEach
    void content() {
        context.registerInjectActivateService(PageResourceDecorator.class);
        context.load().json("/page/test-content.json", SITE);
        context.requestPathInfo().setExtension("json");
    }

    @ParameterizedTest
    @CsvSource({
        PAGE + "/jcr:content, GET, '', 404",
        PAGE + "/jcr:content, GET, comments, 404",
        SITE + "/jcr:content, GET, feed, 404",
        PAGE + "/jcr:content, POST, update, 404",
        PAGE + "/jcr:content, POST, '', 0",
        PAGE + ", GET, '', 0",
        SITE + "/articles/2022/01/10/node-story, GET, '', 0",
    })
    void theContentNodeOfANewsfeedPageHasNoAddressOfItsOwn(String path, String method, String selectors, int status)
            throws Exception {
        context.currentResource(path);
        context.request().setMethod(method);
        context.requestPathInfo().setSelectorString(selectors.isEmpty() ? null : selectors);
        new PageContentGuard().doFilter(context.request(), context.response(), chain);
        assertEquals(status == 0, passed.get());
        if (status != 0) {
            assertEquals(status, context.response().getStatus());
            assertTrue(context.response().getContentType().startsWith("application/problem+json"));
        }
    }

    @Test
    void thePublishedPageArticlesModelPassesToTheExporter() throws Exception {
        context.currentResource(PAGE);
        context.requestPathInfo().setSelectorString("model");
        new ModelExportGuard().doFilter(context.request(), context.response(), chain);
        assertTrue(passed.get());
    }

    @Test
    void otherSelectorsAfterModelAre404() throws Exception {
        context.currentResource(PAGE);
        context.requestPathInfo().setSelectorString("model.tidy");
        new ModelExportGuard().doFilter(context.request(), context.response(), chain);
        assertFalse(passed.get());
        assertEquals(404, context.response().getStatus());
    }
}
