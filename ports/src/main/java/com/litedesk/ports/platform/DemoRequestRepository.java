package com.litedesk.ports.platform;

import com.litedesk.ports.store.Repository;
import java.util.Optional;

/** Demo requests. Unique key: the email of an open request (NEW, CONTACTED or QUALIFIED). */
public interface DemoRequestRepository extends Repository<DemoRequest> {
    Optional<DemoRequest> findOpenByEmail(String email);
}
