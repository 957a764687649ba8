package dev.newsfeed.impl.servlets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsfeed.impl.NewsfeedTestContext;
import org.apache.sling.api.resource.NonExistingResource;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SlingContextExtension.class)
class NotFoundServletTest {

    private final SlingContext context = NewsfeedTestContext.newSlingContext();
    private final NotFoundServlet servlet = new NotFoundServlet();

    @Test
    void answersAProblemWhereAnEmbargoedArticleCouldBe() throws Exception {
        context.currentResource(new NonExistingResource(
                context.resourceResolver(), "/content/newsfeed/day/articles/2099/01/01/time-capsule-opens"));
        servlet.doGet(context.request(), context.response());
        assertEquals(404, context.response().getStatus());
        assertEquals(
                "application/problem+json;charset=UTF-8", context.response().getContentType());
    }

    @Test
    void leavesOtherAddressesToSling() throws Exception {
        context.currentResource(new NonExistingResource(context.resourceResolver(), "/apps/nothing"));
        servlet.doGet(context.request(), context.response());
        assertEquals(404, context.response().getStatus());
        assertEquals(null, context.response().getContentType());
    }
}
