package dev.newsfeed.impl.reading;

import java.io.IOException;
import java.util.List;

import javax.servlet.http.HttpServletRequest;

import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.http.PublicDocument;
import dev.newsfeed.impl.http.SurrogateKeys;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The site document: its settings and links, as readers see them. */
@Component(service = SiteView.class)
public class SiteView {

    @Reference
    private PublicApiSettings settings;

    public PublicDocument of(HttpServletRequest request, SiteSettings site) throws IOException {
        return PublicDocument.json(
                Documents.site(site, settings.baseUrl(request)),
                site.modified(),
                settings.publicCache(),
                settings.surrogateKeyHeader(),
                List.of(SurrogateKeys.site(site.path())));
    }
}
