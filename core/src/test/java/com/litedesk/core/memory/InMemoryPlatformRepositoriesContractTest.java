package com.litedesk.core.memory;

import com.litedesk.ports.contract.PlatformRepositoriesContract;
import com.litedesk.ports.platform.PlatformRepositories;

class InMemoryPlatformRepositoriesContractTest extends PlatformRepositoriesContract {
    @Override
    protected PlatformRepositories newStores() {
        return InMemoryPlatformRepositories.create();
    }
}
