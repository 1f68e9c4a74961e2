package com.litedesk.core.settings;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.records.Changes;
import com.litedesk.core.records.RecordContext;
import com.litedesk.core.records.Validation;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.CustomFieldDefinition;
import com.litedesk.ports.crm.CustomFieldType;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.instance.Branding;
import com.litedesk.ports.instance.InstanceSettings;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.instance.SettingsRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The instance's settings: name, custom field definitions, and the plan and limits it runs under. */
public final class Settings {

    private static final Set<String> TYPES_WITH_FIELDS = Set.of("CONTACT", "COMPANY", "DEAL");
    private static final Pattern KEY = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]{0,39}$");
    private static final RecordRef REF = new RecordRef(RecordType.SETTINGS, InstanceSettings.ID);

    private final RecordContext context;
    private final SettingsRepository settings;
    private final CustomFieldRetyping retyping;

    /** {@code records}: the stores of the kinds of record that have custom fields (their values follow a type change). */
    public Settings(RecordContext context, SettingsRepository settings,
                    Map<RecordType, com.litedesk.ports.store.Repository<? extends com.litedesk.ports.store.Entity>> records) {
        this.context = context;
        this.settings = settings;
        this.retyping = new CustomFieldRetyping(records);
    }

    public InstanceSettings get(Actor actor) {
        context.guard().require(actor, Resource.SETTINGS, Action.READ);
        return current();
    }

    /**
     * The custom field definitions per kind of record, for everyone signed in (a Viewer reads records with their
     * custom fields, and may not read the rest of the settings).
     */
    public Map<String, List<CustomFieldDefinition>> customFields(Actor actor) {
        java.util.Objects.requireNonNull(actor, "actor");
        return current().customFields();
    }

    public InstanceSettings current() {
        return settings.findById(InstanceSettings.ID)
                .orElseThrow(() -> LiteDeskException.unavailable("the instance has not been set up yet", null));
    }

    /** The plan's limits now, for per-request checks (the requests-per-minute limit); unlimited before set-up. */
    public PlanLimits limits() {
        return context.plan().limits();
    }

    /** Creates the settings on first start (idempotent). */
    public InstanceSettings seed(String name, String plan, PlanLimits limits) {
        return settings.findById(InstanceSettings.ID).orElseGet(() -> {
            var now = context.now();
            InstanceSettings s = new InstanceSettings(InstanceSettings.ID, 1, name, plan, limits, Map.of(), Branding.NONE, now, "system", now, "system");
            try {
                settings.insert(s);
                return s;
            } catch (LiteDeskException raced) {
                return current();
            }
        });
    }

    public SettingsDraft draftOf(InstanceSettings s) {
        return new SettingsDraft(s.name(), s.customFields());
    }

    public InstanceSettings update(Actor actor, Long expectedVersion, SettingsDraft draft) {
        context.guard().require(actor, Resource.SETTINGS, Action.EDIT);
        InstanceSettings current = current();
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw LiteDeskException.stale("Settings", InstanceSettings.ID);
        }
        Validation v = new Validation();
        String name = v.required("name", draft.name(), 100);
        Map<String, List<CustomFieldDefinition>> fields = draft.customFields() == null ? Map.of() : draft.customFields();
        fields.forEach((type, definitions) -> checkDefinitions(v, type, definitions));
        v.throwIfInvalid();
        // a field given another type (or a select fewer options) keeps its values only where they convert
        List<CustomFieldRetyping.Change> retyped = CustomFieldRetyping.changes(current.customFields(), fields);
        retyping.check(retyped);
        InstanceSettings updated = new InstanceSettings(current.id(), current.version() + 1, name, current.plan(), current.limits(),
                fields, current.branding(), current.createdAt(), current.createdBy(), context.now(), actor.userId());
        settings.replace(updated, current.version());
        retyping.convert(retyped);
        var diff = Changes.diff(current, updated);
        context.audit().recordSuccess(actor, "settings.update", REF, diff.before(), diff.after());
        return updated;
    }

    /**
     * The Owner sets the instance's logo, colours and mail sender (each null: the product's own). Colours must keep
     * white text readable on them (WCAG AA, 4.5:1); the logo must be a PNG, JPEG or WebP image of at most 200 KB.
     */
    public InstanceSettings brand(Actor actor, Long expectedVersion, Branding draft) {
        context.guard().require(actor, Resource.BRANDING, Action.EDIT);
        InstanceSettings current = current();
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw LiteDeskException.stale("Settings", InstanceSettings.ID);
        }
        Branding branding = BrandingRules.checked(draft == null ? Branding.NONE : draft);
        InstanceSettings updated = new InstanceSettings(current.id(), current.version() + 1, current.name(), current.plan(), current.limits(),
                current.customFields(), branding, current.createdAt(), current.createdBy(), context.now(), actor.userId());
        settings.replace(updated, current.version());
        context.audit().recordSuccess(actor, "settings.branding", REF, BrandingRules.described(current.branding()),
                BrandingRules.described(branding));
        return updated;
    }

    /** What anyone, signed in or not, sees of the instance: its name and branding (the sign-in page uses it). */
    public PublicBrand publicBrand() {
        InstanceSettings s = current();
        Branding b = s.branding();
        return new PublicBrand(s.name(), b.primaryColor(), b.accentColor(), b.logo() == null ? null : "/api/branding/logo?v=" + s.version());
    }

    /** The logo's bytes and media type, if the Owner set one. */
    public java.util.Optional<BrandingRules.Image> logo() {
        String logo = current().branding().logo();
        return logo == null ? java.util.Optional.empty() : java.util.Optional.of(BrandingRules.image(logo));
    }

    /**
     * The name mails are sent under when the Owner chose one; else null, and the mail provider's configured sender
     * (with the display name the operator gave it, if any) is used as it is.
     */
    public String senderName() {
        return settings.findById(InstanceSettings.ID).map(s -> s.branding().mailSenderName()).orElse(null);
    }

    /** The instance's name as it is now (mails and pages use it). */
    public java.util.Optional<String> name() {
        return settings.findById(InstanceSettings.ID).map(InstanceSettings::name);
    }

    /** Applies a plan's limits to the running instance (the control plane calls this). */
    public InstanceSettings applyPlan(Actor actor, String plan, PlanLimits limits) {
        for (int attempt = 0; ; attempt++) {
            InstanceSettings current = current();
            InstanceSettings updated = new InstanceSettings(current.id(), current.version() + 1, current.name(), plan, limits,
                    current.customFields(), current.branding(), current.createdAt(), current.createdBy(), context.now(), actor.userId());
            try {
                settings.replace(updated, current.version());
                        context.audit().recordSuccess(actor, "settings.plan", REF, Map.of("plan", String.valueOf(current.plan())), Map.of("plan", plan));
                return updated;
            } catch (LiteDeskException e) {
                if (attempt > 5) {
                    throw e;
                }
            }
        }
    }

    private static void checkDefinitions(Validation v, String type, List<CustomFieldDefinition> definitions) {
        String base = "customFields." + type;
        if (!TYPES_WITH_FIELDS.contains(type)) {
            v.error(base, "custom fields exist for CONTACT, COMPANY and DEAL");
            return;
        }
        if (definitions == null || definitions.size() > 30) {
            v.error(base, "at most 30 custom fields per record type");
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < definitions.size(); i++) {
            CustomFieldDefinition d = definitions.get(i);
            String field = base + "[" + i + "]";
            if (d == null || d.key() == null || !KEY.matcher(d.key()).matches()) {
                v.error(field + ".key", "must be a letter followed by up to 39 letters, digits or _");
                continue;
            }
            if (!keys.add(d.key())) {
                v.error(field + ".key", "appears twice");
            }
            v.required(field + ".label", d.label(), 100);
            if (d.type() == null) {
                v.error(field + ".type", "is required");
            } else if (d.type() == CustomFieldType.SELECT && (d.options().isEmpty() || d.options().size() > 100)) {
                v.error(field + ".options", "a select field needs 1 to 100 options");
            }
        }
    }
}
