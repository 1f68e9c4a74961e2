package com.litedesk.ports.crm;

import com.litedesk.ports.store.Repository;
import java.util.Optional;

/** Companies; the domain is a unique key (case-insensitive), served by an index. */
public interface CompanyRepository extends Repository<Company> {
    Optional<Company> findByDomain(String domain);
}
