package dev.newsfeed.impl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;

import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.request.RequestParameter;
import org.apache.sling.api.request.RequestParameterMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestFieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {"'\"%;)(", "bogus", "", "-1", "UTF-8"})
    void readsAFormWhateverItsCharsetFieldSays(String charsetField) throws Exception {
        RequestParameter text = mock(RequestParameter.class);
        when(text.isFormField()).thenReturn(true);
        when(text.getString(anyString())).thenReturn("hello");
        when(text.getString()).thenReturn("hello");
        RequestParameter charset = mock(RequestParameter.class);
        RequestParameterMap map = mock(RequestParameterMap.class);
        when(map.entrySet())
                .thenReturn(Set.of(
                        Map.entry("_charset_", new RequestParameter[] {charset}),
                        Map.entry("text", new RequestParameter[] {text})));
        SlingHttpServletRequest request = mock(SlingHttpServletRequest.class);
        when(request.getContentLengthLong()).thenReturn(10L);
        when(request.getContentType()).thenReturn("application/x-www-form-urlencoded; charset=UTF-8");
        when(request.getRequestParameterMap()).thenReturn(map);
        when(request.getParameter("_charset_")).thenReturn(charsetField);

        assertEquals(Map.of("text", "hello"), RequestFields.read(request, 10_000));
    }
}
