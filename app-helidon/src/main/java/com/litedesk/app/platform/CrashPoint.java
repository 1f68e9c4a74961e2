package com.litedesk.app.platform;

import com.litedesk.core.platform.provisioning.StepListener;
import com.litedesk.ports.platform.StepName;

/**
 * For crash tests only ({@code LITEDESK_CRASH_AFTER_STEP}): once the named step's action has succeeded and
 * before that is recorded, announces it on standard output and freezes, so that a test can kill the process
 * (SIGKILL) at the worst moment. Never set in production.
 */
public final class CrashPoint implements StepListener {

    private final StepName step;

    public CrashPoint(String step) {
        this.step = StepName.valueOf(step);
    }

    @Override
    public void actionDone(String instanceId, StepName done) {
        if (done == step) {
            System.out.println("CRASH POINT " + done + " " + instanceId);
            System.out.flush();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // frozen on purpose: only a kill ends this
                }
            }
        }
    }
}
