package com.litedesk.ports.crm;

import com.litedesk.ports.store.Repository;
import java.util.Optional;

/** Contacts; the primary email is a unique key (case-insensitive), served by an index. */
public interface ContactRepository extends Repository<Contact> {
    Optional<Contact> findByPrimaryEmail(String email);
}
