package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.core.LiteDesk;
import com.litedesk.core.settings.PublicBrand;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.Branding;
import com.litedesk.ports.instance.InstanceSettings;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * The instance's brand: {@code GET /api/branding} and its logo for every page (signed in or not, the sign-in page
 * shows them), {@code PUT /api/settings/branding} for the Owner to set it.
 */
public final class BrandingResource implements HttpService {

    private final Api api;
    private final LiteDesk crm;

    public BrandingResource(Api api, LiteDesk crm) {
        this.api = api;
        this.crm = crm;
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Route.get("/api/branding", "The instance's name, colours and logo address, for every page").open()
                .id("getBranding").returns(PublicBrand.class), call -> Reply.ok(crm.settings().publicBrand()));
        api.stream(rules, Route.get("/api/branding/logo", "The instance's logo (PNG, JPEG or WebP)").open().id("getBrandingLogo")
                .query(Route.Param.text("v", "The settings version the logo address was given for (lets browsers keep it)"))
                .returnsImage().problems(404), (call, res) -> {
            var logo = crm.settings().logo().orElseThrow(() -> LiteDeskException.notFound("Logo", "branding"));
            res.headers().contentType(HttpMediaType.create(logo.mediaType()));
            res.headers().set(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
            res.headers().set(HeaderNames.CONTENT_DISPOSITION, "inline");
            res.send(logo.bytes());
        });
        api.route(rules, Route.put("/api/settings/branding", "Set the logo, colours and mail sender name (Owner only; each null: the product's own)")
                .id("setBranding").body(Branding.class).ifMatch().returns(InstanceSettings.class).etag(), call -> {
            Branding draft = call.body(Branding.class);
            var updated = crm.settings().brand(call.actor(), call.ifMatch(), draft);
            return Reply.ok(updated).withVersion(updated.version());
        });
    }
}
