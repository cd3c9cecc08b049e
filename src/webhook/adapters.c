/* The table of provider adapters: adding a provider adds its file and one
 * line here (and its name to webhook_providers in meson.build). */
#include "webhook.h"

extern const wh_adapter wh_sendgrid;
extern const wh_adapter wh_ses;
extern const wh_adapter wh_mailgun;
extern const wh_adapter wh_postmark;
extern const wh_adapter wh_sparkpost;
extern const wh_adapter wh_brevo;
extern const wh_adapter wh_mailjet;
extern const wh_adapter wh_resend;
extern const wh_adapter wh_mandrill;
extern const wh_adapter wh_mailersend;
extern const wh_adapter wh_postal;

const wh_adapter *const wh_adapters[] = {
    &wh_sendgrid,
    &wh_ses,
    &wh_mailgun,
    &wh_postmark,
    &wh_sparkpost,
    &wh_brevo,
    &wh_mailjet,
    &wh_resend,
    &wh_mandrill,
    &wh_mailersend,
    &wh_postal,
    NULL,
};
