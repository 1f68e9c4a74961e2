package com.litedesk.core.platform.demo;

import com.litedesk.ports.instance.Mail;
import com.litedesk.ports.platform.DemoRequest;
import java.time.Duration;

/** The mails the public demo form sends to the address it was given: a receipt, or a link confirming a repeat. */
final class DemoMails {

    private DemoMails() {
    }

    static Mail received(DemoRequest request, String url) {
        return new Mail(request.email(), "We received your LiteDesk demo request",
                "Hello " + request.contactName() + ",\n\nthank you for asking for a LiteDesk CRM at " + url
                        + ". We will be in touch at this address shortly.\n\n"
                        + "If you did not ask for this, you can ignore this mail.\n");
    }

    static Mail confirm(DemoRequest held, String url, String link, Duration validity) {
        return new Mail(held.email(), "Confirm the changes to your LiteDesk demo request",
                "Hello " + held.contactName() + ",\n\nthe LiteDesk demo form was sent again for this address, for "
                        + held.companyName() + " at " + url + ". Your request stays as it was unless you confirm these new answers "
                        + "here (the link works once, for " + hours(validity) + "):\n\n" + link + "\n\n"
                        + "If you did not send the form again, ignore this mail: nothing changes.\n");
    }

    private static String hours(Duration validity) {
        long hours = Math.max(1, validity.toHours());
        return hours == 1 ? "an hour" : hours + " hours";
    }
}
