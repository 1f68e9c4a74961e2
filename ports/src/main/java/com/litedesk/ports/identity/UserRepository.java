package com.litedesk.ports.identity;

import com.litedesk.ports.store.Repository;
import java.util.Optional;

/** Users; the email is a unique key (stored lower-case), served by an index. */
public interface UserRepository extends Repository<User> {
    Optional<User> findByEmail(String email);
}
