package com.litedesk.core.platform.provisioning;

import com.litedesk.core.support.RandomTokens;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.Secret;
import com.litedesk.ports.instance.SecretRepository;
import java.util.Base64;
import java.util.Optional;

/**
 * The keys of each instance, kept in the control plane's secret store: the key it signs access tokens with and
 * the key the control plane presents to its management API. Created once; creating again returns them.
 */
public final class InstanceSecrets {

    private final SecretRepository secrets;
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private final RandomTokens tokens = new RandomTokens();

    public InstanceSecrets(SecretRepository secrets) {
        this.secrets = secrets;
    }

    public void ensure(String instanceId) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        ensure(signingName(instanceId), Base64.getEncoder().encodeToString(key));
        ensure(managementName(instanceId), tokens.next() + tokens.next());
    }

    public String signingKey(String instanceId) {
        return get(signingName(instanceId));
    }

    public String managementKey(String instanceId) {
        return get(managementName(instanceId));
    }

    public Optional<String> managementKeyIfAny(String instanceId) {
        return secrets.findById(managementName(instanceId)).map(Secret::value);
    }

    public void remove(String instanceId) {
        for (String name : new String[] {signingName(instanceId), managementName(instanceId)}) {
            secrets.findById(name).ifPresent(s -> {
                try {
                    secrets.delete(s.id(), s.version());
                } catch (LiteDeskException e) {
                    if (e.code() != ErrorCode.NOT_FOUND) {
                        throw e;
                    }
                }
            });
        }
    }

    public boolean exist(String instanceId) {
        return secrets.findById(signingName(instanceId)).isPresent() || secrets.findById(managementName(instanceId)).isPresent();
    }

    private void ensure(String name, String value) {
        if (secrets.findById(name).isPresent()) {
            return;
        }
        try {
            secrets.insert(new Secret(name, 1, value));
        } catch (LiteDeskException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e; // CONFLICT: created meanwhile, which is what we wanted
            }
        }
    }

    private String get(String name) {
        return secrets.findById(name).map(Secret::value)
                .orElseThrow(() -> LiteDeskException.unavailable("secret " + name + " is missing", null));
    }

    private static String signingName(String instanceId) {
        return "instance/" + instanceId + "/signing-key";
    }

    private static String managementName(String instanceId) {
        return "instance/" + instanceId + "/management-key";
    }
}
