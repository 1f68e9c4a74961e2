package com.litedesk.core.memory;

import com.litedesk.ports.contract.InstanceRepositoriesContract;
import com.litedesk.ports.instance.InstanceRepositories;

class InMemoryRepositoriesContractTest extends InstanceRepositoriesContract {
    @Override
    protected InstanceRepositories newStores() {
        return InMemoryInstanceRepositories.create();
    }
}
