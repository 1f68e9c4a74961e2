package com.litedesk.core.crm.companies;

import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.listing.FieldSet;
import com.litedesk.core.records.OwnedRecords;
import com.litedesk.core.records.RecordBase;
import com.litedesk.core.records.RecordContext;
import com.litedesk.core.records.Validation;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Address;
import com.litedesk.ports.crm.Company;
import com.litedesk.ports.crm.CompanyRepository;
import com.litedesk.ports.crm.RecordType;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Use cases of companies. The domain is unique per instance, case-insensitively. */
public final class Companies extends OwnedRecords<Company, CompanyDraft> {

    public static final FieldSet FIELDS = FieldSet.builder()
            .text("name").text("domain").text("industry").text("size").text("ownerId").text("teamId")
            .text("address.city").text("address.country")
            .fullTextSearch()
            .build();
    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}$");

    private final CompanyRepository companies;

    public Companies(RecordContext context, CompanyRepository companies) {
        super(context, companies, Resource.COMPANIES, RecordType.COMPANY, FIELDS);
        this.companies = companies;
    }

    /** Lower-cases a domain and drops a scheme, "www." and a path, as people paste URLs. */
    public static String normalizeDomain(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String d = raw.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
        int slash = d.indexOf('/');
        if (slash >= 0) {
            d = d.substring(0, slash);
        }
        return d.startsWith("www.") ? d.substring(4) : d;
    }

    @Override
    protected Company build(CompanyDraft d, RecordBase b) {
        Validation v = new Validation();
        String name = v.required("name", d.name(), 200);
        String domain = normalizeDomain(v.optional("domain", d.domain(), 253));
        if (domain != null && !DOMAIN.matcher(domain).matches()) {
            v.error("domain", "is not a domain name like example.com");
        }
        String industry = v.optional("industry", d.industry(), 100);
        String size = v.optional("size", d.size(), 50);
        Address a = d.address();
        Address address = a == null ? null : new Address(
                v.optional("address.street", a.street(), 200), v.optional("address.city", a.city(), 100),
                v.optional("address.region", a.region(), 100), v.optional("address.postalCode", a.postalCode(), 20),
                v.optional("address.country", a.country(), 100));
        var custom = customFields.check(RecordType.COMPANY, d.customFields(), v);
        v.throwIfInvalid();
        return new Company(b.id(), b.version(), name, domain, industry, size, address, b.ownerId(), b.teamId(),
                custom, b.createdAt(), b.createdBy(), b.updatedAt(), b.updatedBy());
    }

    @Override
    protected String requestedOwner(CompanyDraft draft) {
        return draft.ownerId();
    }

    @Override
    public CompanyDraft draftOf(Company c) {
        return new CompanyDraft(c.name(), c.domain(), c.industry(), c.size(), c.address(), c.ownerId(), c.customFields());
    }

    @Override
    protected void beforeCreate(Actor actor, Company company) {
        requireUniqueDomain(company);
    }

    @Override
    protected void beforeUpdate(Actor actor, Company current, Company updated) {
        if (!Objects.equals(current.domain(), updated.domain())) {
            requireUniqueDomain(updated);
        }
    }

    private void requireUniqueDomain(Company company) {
        if (company.domain() != null) {
            companies.findByDomain(company.domain()).filter(o -> !o.id().equals(company.id())).ifPresent(o -> {
                throw LiteDeskException.conflict("a company with the domain " + company.domain() + " exists already (" + o.id() + ")");
            });
        }
    }
}
