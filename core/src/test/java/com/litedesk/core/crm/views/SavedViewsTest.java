package com.litedesk.core.crm.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.SavedView;
import com.litedesk.ports.identity.Role;
import org.junit.jupiter.api.Test;

/** Saved views: one's own, shared ones by managers up, seen and removed accordingly. */
class SavedViewsTest {

    private final TestInstance instance = new TestInstance();
    private final SavedViews views = instance.crm.savedViews();

    private static void fails(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void everyoneSeesTheirOwnViewsAndTheSharedOnesByNameAndNobodyElsesPrivateOnes() {
        var user = instance.as(Role.USER);
        var manager = instance.as(Role.MANAGER);
        views.save(user, new SavedViews.Draft("contacts", "my vips", "filter=tags%5Beq%5D%3A%22vip%22", false));
        views.save(manager, new SavedViews.Draft("contacts", "All Berlin", "q=berlin", true));
        views.save(manager, new SavedViews.Draft("contacts", "Mine only", "q=x", false));
        views.save(manager, new SavedViews.Draft("companies", "Big ones", "", true));
        assertThat(views.of(user, "contacts")).extracting(SavedView::name).containsExactly("All Berlin", "my vips");
        assertThat(views.of(manager, "contacts")).extracting(SavedView::name).containsExactly("All Berlin", "Mine only");
        assertThat(views.of(instance.as(Role.VIEWER), "companies")).extracting(SavedView::name).containsExactly("Big ones");
    }

    @Test
    void onlyManagersUpShareOrRemoveSharedViewsOfOthersAndBadViewsAreRefused() {
        var user = instance.as(Role.USER);
        fails(() -> views.save(user, new SavedViews.Draft("contacts", "for all", "", true)), ErrorCode.FORBIDDEN);
        var shared = views.save(instance.owner, new SavedViews.Draft("contacts", "Team list", "", true));
        fails(() -> views.delete(user, shared.id()), ErrorCode.FORBIDDEN);
        var privateOne = views.save(instance.as(Role.ADMIN), new SavedViews.Draft("contacts", "admin's", "", false));
        fails(() -> views.delete(user, privateOne.id()), ErrorCode.NOT_FOUND);
        fails(() -> views.get(user, privateOne.id()), ErrorCode.NOT_FOUND);
        views.delete(instance.as(Role.MANAGER), shared.id());
        fails(() -> views.save(user, new SavedViews.Draft("deals-and-more", "x", "", false)), ErrorCode.VALIDATION);
        fails(() -> views.save(user, new SavedViews.Draft("contacts", " ", "", false)), ErrorCode.VALIDATION);
        assertThat(views.of(user, "contacts")).isEmpty();
    }
}
