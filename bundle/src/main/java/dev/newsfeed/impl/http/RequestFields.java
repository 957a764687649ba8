package dev.newsfeed.impl.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.request.RequestParameter;

/**
 * The fields of a write request, form-encoded or JSON, read with a size limit that is checked before the body is
 * read into memory. Values are Strings, Booleans, Lists of Strings, or whatever else a JSON body held (so the
 * validator can name the field that has the wrong type).
 */
public final class RequestFields {

    /** Why a body could not be read: the status to answer and a sentence for the problem's detail. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** The problem type's slug of this refusal. */
        public String slug() {
            return switch (status) {
                case 413 -> "too-large";
                case 415 -> "unsupported-media-type";
                case 411 -> "length-required";
                default -> "invalid-request";
            };
        }

        /** The problem's title: the reason phrase of the status. */
        public String title() {
            return switch (status) {
                case 413 -> "Payload Too Large";
                case 415 -> "Unsupported Media Type";
                case 411 -> "Length Required";
                default -> "Bad Request";
            };
        }
    }

    private RequestFields() {}

    public static Map<String, Object> read(SlingHttpServletRequest request, int maxBytes) throws Refused, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw new Refused(413, "The request body is larger than " + maxBytes + " bytes.");
        }
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (type.startsWith("application/json")) {
            return json(request.getInputStream(), maxBytes);
        }
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            if (declared < 0) {
                throw new Refused(411, "A form must be sent with a Content-Length.");
            }
            return form(request, charset(type));
        }
        throw new Refused(415, "Send application/json or application/x-www-form-urlencoded.");
    }

    /** The charset a form declares; UTF-8 when it declares none (Sling's own default would be ISO-8859-1). */
    static String charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.startsWith("charset=")) {
                String name = p.substring("charset=".length()).replace("\"", "").trim();
                try {
                    return java.nio.charset.Charset.forName(name).name();
                } catch (IllegalArgumentException e) {
                    return "UTF-8";
                }
            }
        }
        return "UTF-8";
    }

    private static Map<String, Object> form(SlingHttpServletRequest request, String charset) throws Refused {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, RequestParameter[]> entry :
                request.getRequestParameterMap().entrySet()) {
            String name = entry.getKey();
            if ("_charset_".equals(name)) {
                continue;
            }
            String declared = request.getParameter("_charset_");
            // an unknown or illegal _charset_ (e.g. '"%;)(, which Charset.isSupported throws on) falls back
            String encoding = declared != null && RequestFraming.isKnown(declared) ? declared : charset;
            List<String> values = new ArrayList<>();
            for (RequestParameter p : entry.getValue()) {
                if (!p.isFormField()) {
                    throw new Refused(400, "Field " + name + " must not be a file.");
                }
                try {
                    values.add(p.getString(encoding));
                } catch (java.io.UnsupportedEncodingException e) {
                    values.add(p.getString());
                }
            }
            fields.put(name, values.size() == 1 ? values.get(0) : values);
        }
        return fields;
    }

    private static Map<String, Object> json(InputStream in, int maxBytes) throws Refused, IOException {
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw new Refused(413, "The request body is larger than " + maxBytes + " bytes.");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Refused(400, "The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new Refused(400, "The body must be a JSON object.");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), value(field.getValue()));
        }
        return fields;
    }

    private static Object value(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item)));
            return items;
        }
        return node; // numbers, objects: the validator names the field
    }
}
