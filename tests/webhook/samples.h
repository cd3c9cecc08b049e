/* Sample payloads of the eleven providers, written after each provider's
 * documentation (the test file of each names its pages): shared by the
 * per-provider tests (tests/webhook/test_*.c) and the conformance suite
 * (tests/conformance/test_webhook_providers.c), which records them on
 * every backend. The mid they echo is MID1 (whtest.h). */
#ifndef MTRK_WH_SAMPLES_H
#define MTRK_WH_SAMPLES_H

#define MID1 "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"

/* ---- sendgrid (test_sendgrid.c) ---- */
#define SENDGRID_ALL_EVENTS \
    "[" \
    "{\"email\":\"example@test.com\",\"timestamp\":1513299569,\"smtp-id\":\"<14c5d75ce93.dfd.64b469@ismtpd-555>\"," \
    "\"event\":\"processed\",\"category\":\"cat facts\",\"sg_event_id\":\"rbtnWrG1DVDGGGFHFyun0A==\"," \
    "\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000\"," \
    "\"mtrk_mid\":\"" MID1 "\"}," \
    "{\"email\":\"example@test.com\",\"timestamp\":1513299569,\"smtp-id\":\"<14c5d75ce93.dfd.64b469@ismtpd-555>\"," \
    "\"event\":\"deferred\",\"category\":\"cat facts\",\"sg_event_id\":\"t7LEShmowp86DTdUW8M-GQ==\"," \
    "\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000\"," \
    "\"response\":\"400 try again later\",\"attempt\":\"5\",\"mtrk_mid\":\"" MID1 "\"}," \
    "{\"email\":\"example@test.com\",\"timestamp\":1513299569,\"smtp-id\":\"<14c5d75ce93.dfd.64b469@ismtpd-555>\"," \
    "\"event\":\"delivered\",\"category\":\"cat facts\",\"sg_event_id\":\"rWVYmVk90MjZJ9iohOBa3w==\"," \
    "\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000\"," \
    "\"response\":\"250 OK\",\"mtrk_mid\":\"" MID1 "\"}," \
    "{\"email\":\"example@test.com\",\"timestamp\":1513299569,\"event\":\"open\",\"sg_machine_open\":false," \
    "\"category\":\"cat facts\",\"sg_event_id\":\"FOTFFO0ecsBE-zxFXfs6WA==\"," \
    "\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000\"," \
    "\"useragent\":\"Mozilla/4.0 (compatible; MSIE 6.1; Windows XP; .NET CLR 1.1.4322; .NET CLR 2.0.50727)\"," \
    "\"ip\":\"255.255.255.255\",\"mtrk_mid\":\"" MID1 "\"}," \
    "{\"email\":\"example@test.com\",\"timestamp\":1513299570,\"event\":\"open\",\"sg_machine_open\":true," \
    "\"sg_event_id\":\"machine-open-1\",\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001\"," \
    "\"useragent\":\"Mozilla/5.0\",\"ip\":\"17.58.0.1\",\"mtrk_mid\":\"" MID1 "\"}," \
    "{\"email\":\"example@test.com\",\"timestamp\":1513299569,\"event\":\"click\",\"category\":\"cat facts\"," \
    "\"sg_event_id\":\"kCAi1KttyQdEKHhdC-nuEA==\",\"useragent\":\"Mozilla/4.0\",\"ip\":\"255.255.255.255\"," \
    "\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000\"," \
    "\"url\":\"http://www.sendgrid.com/\",\"url_offset\":{\"index\":0,\"type\":\"html\"}," \
    "\"mtrk_mid\":\"" MID1 "\"}," \
    "{\"email\":\"example@test.com\",\"timestamp\":1513299569,\"smtp-id\":\"<14c5d75ce93.dfd.64b469@ismtpd-555>\"," \
    "\"event\":\"bounce\",\"category\":\"cat facts\",\"sg_event_id\":\"6g4ZI7SA-xmRDv57GoPIPw==\"," \
    "\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000\"," \
    "\"reason\":\"500 unknown recipient\",\"status\":\"5.0.0\",\"type\":\"bounce\"," \
    "\"bounce_classification\":\"Invalid Address\",\"mtrk_mid\":\"" MID1 "\"}," \
    "{\"email\":\"example@test.com\",\"timestamp\":1513299569,\"event\":\"bounce\",\"sg_event_id\":\"blocked-1\"," \
    "\"sg_message_id\":\"14c5d75ce93.dfd\",\"reason\":\"421 4.7.0 too many connections\",\"status\":\"4.7.0\"," \
    "\"type\":\"blocked\",\"bounce_classification\":\"Frequency or Volume Too High\",\"mtrk_mid\":\"" MID1 "\"}," \
    "{\"email\":\"example@test.com\",\"timestamp\":1513299569,\"smtp-id\":\"<14c5d75ce93.dfd.64b469@ismtpd-555>\"," \
    "\"event\":\"dropped\",\"category\":\"cat facts\",\"sg_event_id\":\"zmzJhfJgAfUSOW80yEbPyw==\"," \
    "\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000\"," \
    "\"reason\":\"Bounced Address\",\"status\":\"5.0.0\",\"mtrk_mid\":\"" MID1 "\"}," \
    "{\"email\":\"example@test.com\",\"timestamp\":1513299569,\"event\":\"spamreport\",\"sg_event_id\":\"37nvH5QBz858KGVYCM4uOA==\"," \
    "\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000\"," \
    "\"mtrk_mid\":\"" MID1 "\"}," \
    "{\"email\":\"example@test.com\",\"timestamp\":1513299569,\"event\":\"unsubscribe\",\"sg_event_id\":\"zz_BjPgU_5pS-J8vlfB1sg==\"," \
    "\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000\"," \
    "\"mtrk_mid\":\"" MID1 "\"}," \
    "{\"email\":\"example@test.com\",\"timestamp\":1513299569,\"event\":\"group_unsubscribe\",\"asm_group_id\":10," \
    "\"sg_event_id\":\"ahSCB7xYcXFb-hEaawsPRw==\",\"useragent\":\"Mozilla/4.0\",\"ip\":\"255.255.255.255\"," \
    "\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000\"," \
    "\"mtrk_mid\":\"" MID1 "\"}," \
    "{\"email\":\"example@test.com\",\"timestamp\":1513299569,\"event\":\"group_resubscribe\",\"asm_group_id\":10," \
    "\"sg_event_id\":\"w_u0vJhLT-OFfprar5N93g==\",\"useragent\":\"Mozilla/4.0\",\"ip\":\"255.255.255.255\"," \
    "\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000\"," \
    "\"mtrk_mid\":\"" MID1 "\"}," \
    "{\"event\":\"account_status_change\",\"sg_event_id\":\"MjIzNDQ2NTktNmE4Ni00MTQ1LWI2ZDMtMzE5NjU1N2U4ZGU3\"," \
    "\"timestamp\":1709142428,\"type\":\"compliance_suspend\"}" \
    "]"

/* ---- ses (test_ses.c) ---- */
#define SES_MAIL(tags)                                                                                       \
    "\"mail\":{\"timestamp\":\"2017-08-05T00:40:02.012Z\",\"source\":\"Sender Name <sender@example.com>\","    \
    "\"sourceArn\":\"arn:aws:ses:us-east-1:123456789012:identity/sender@example.com\","                        \
    "\"sendingAccountId\":\"123456789012\","                                                                    \
    "\"messageId\":\"EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000\","                           \
    "\"destination\":[\"recipient@example.com\"],\"headersTruncated\":false," tags "}"
#define SES_TAGS "\"tags\":{\"ses:configuration-set\":[\"ConfigSet\"],\"mtrk_mid\":[\"" MID1 "\"]}"
#define SES_BOUNCE \
    "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\"," \
    "\"bouncedRecipients\":[{\"emailAddress\":\"recipient@example.com\",\"action\":\"failed\",\"status\":\"5.1.1\"," \
    "\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}," \
    "{\"emailAddress\":\"second@example.com\",\"action\":\"failed\",\"status\":\"5.2.2\"," \
    "\"diagnosticCode\":\"smtp; 552 5.2.2 mailbox full\"}," \
    "{\"emailAddress\":\"third@example.com\"}]," \
    "\"timestamp\":\"2017-08-05T00:41:02.669Z\"," \
    "\"feedbackId\":\"01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000\"," \
    "\"reportingMTA\":\"dsn; mta.example.com\"}," SES_MAIL(SES_TAGS) "}"

/* ---- mailgun (test_mailgun.c) ---- */
#define MAILGUN_MSGID "20130503182626.18666.16540@sandbox.mailgun.org"
#define MAILGUN_COMMON(ev, id)                                                                                      \
    "{\"event\":\"" ev "\",\"id\":\"" id "\",\"timestamp\":1529006854.329574,\"log-level\":\"info\","           \
    "\"recipient\":\"alice@example.com\",\"recipient-domain\":\"example.com\",\"tags\":[\"my_tag_1\"],"         \
    "\"user-variables\":{\"my_var_1\":\"Mailgun Variable #1\",\"mtrk_mid\":\"" MID1 "\"},"                       \
    "\"message\":{\"headers\":{\"to\":\"Alice <alice@example.com>\",\"message-id\":\"" MAILGUN_MSGID "\","            \
    "\"from\":\"Bob <bob@sandbox.mailgun.org>\",\"subject\":\"Test\"},\"attachments\":[],\"size\":111}"

/* ---- postmark (test_postmark.c) ---- */
#define POSTMARK_MSGID "883953f4-6105-42a2-a16a-77a8eac79483"
#define POSTMARK_META "\"Metadata\":{\"a_key\":\"a_value\",\"mtrk_mid\":\"" MID1 "\"}"

/* ---- sparkpost (test_sparkpost.c) ---- */
#define SPARKPOST_BASE(type, id)                                                                                          \
    "\"type\":\"" type "\",\"event_id\":\"" id "\",\"message_id\":\"000443ee14578172be22\","                      \
    "\"transmission_id\":\"65832150921904138\",\"timestamp\":\"1460989507\",\"rcpt_to\":\"recipient@example.com\"," \
    "\"raw_rcpt_to\":\"recipient@example.com\",\"rcpt_meta\":{\"customKey\":\"customValue\",\"mtrk_mid\":\"" MID1 "\"}," \
    "\"campaign_id\":\"Example Campaign Name\",\"friendly_from\":\"sender@example.com\""
#define SPARKPOST_MSG(type, id, rest) "{\"msys\":{\"message_event\":{" SPARKPOST_BASE(type, id) rest "}}}"
#define SPARKPOST_TRACK(type, id, rest) "{\"msys\":{\"track_event\":{" SPARKPOST_BASE(type, id) rest "}}}"
#define SPARKPOST_GEN(type, id, rest) "{\"msys\":{\"gen_event\":{" SPARKPOST_BASE(type, id) rest "}}}"
#define SPARKPOST_UNSUB(type, id, rest) "{\"msys\":{\"unsubscribe_event\":{" SPARKPOST_BASE(type, id) rest "}}}"
#define SPARKPOST_UA ",\"user_agent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_5)\",\"ip_address\":\"127.0.0.1\""
#define SPARKPOST_BATCH \
    "[" \
    SPARKPOST_MSG("injection", "1", ",\"msg_size\":\"1337\",\"subject\":\"Summer deals\"") "," \
    SPARKPOST_MSG("delivery", "2", ",\"ip_address\":\"127.0.0.1\",\"num_retries\":\"3\",\"queue_time\":\"12\"") "," \
    SPARKPOST_MSG("bounce", "3", ",\"bounce_class\":\"10\",\"error_code\":\"550\",\"reason\":\"550 5.1.1 <recipient@example.com>: user unknown\"," \
        "\"raw_reason\":\"550 5.1.1 <recipient@example.com>: Recipient address rejected: User unknown\"") "," \
    SPARKPOST_MSG("bounce", "4", ",\"bounce_class\":\"21\",\"error_code\":\"421\",\"raw_reason\":\"421 4.4.2 connection dropped\"") "," \
    SPARKPOST_MSG("delay", "5", ",\"bounce_class\":\"21\",\"error_code\":\"454\",\"num_retries\":\"1\"," \
        "\"raw_reason\":\"454 4.7.1 <recipient@example.com>: Relay access denied\"") "," \
    SPARKPOST_MSG("out_of_band", "6", ",\"bounce_class\":\"30\",\"error_code\":\"550\",\"raw_reason\":\"550: 5.0.0 No such user\"") "," \
    SPARKPOST_MSG("policy_rejection", "7", ",\"bounce_class\":\"25\",\"error_code\":\"554\"," \
        "\"raw_reason\":\"554 5.7.1 [internal] Message generation rejected\",\"remote_addr\":\"127.0.0.1\"") "," \
    SPARKPOST_MSG("spam_complaint", "8", ",\"fbtype\":\"abuse\",\"report_by\":\"server.email.com\",\"report_to\":\"abuse.example.com\"") "," \
    SPARKPOST_GEN("generation_failure", "9", ",\"error_code\":\"554\",\"raw_reason\":\"554 5.3.3 [internal] Error while rendering part html: substitution value 'name' did not exist\"") "," \
    SPARKPOST_GEN("generation_rejection", "10", ",\"error_code\":\"554\",\"raw_reason\":\"554 5.7.1 recipient address suppressed due to customer policy\"") "," \
    SPARKPOST_TRACK("open", "11", SPARKPOST_UA) "," \
    SPARKPOST_TRACK("initial_open", "12", SPARKPOST_UA) "," \
    SPARKPOST_TRACK("amp_open", "13", SPARKPOST_UA) "," \
    SPARKPOST_TRACK("amp_initial_open", "14", SPARKPOST_UA) "," \
    SPARKPOST_TRACK("click", "15", SPARKPOST_UA ",\"target_link_name\":\"Example Link Name\",\"target_link_url\":\"http://example.com\"") "," \
    SPARKPOST_TRACK("amp_click", "16", SPARKPOST_UA ",\"target_link_url\":\"http://example.com/amp\"") "," \
    SPARKPOST_UNSUB("list_unsubscribe", "17", ",\"mailfrom\":\"recipient@example.com\"") "," \
    SPARKPOST_UNSUB("link_unsubscribe", "18", SPARKPOST_UA) "," \
    "{\"msys\":{\"relay_event\":{\"type\":\"relay_injection\",\"event_id\":\"19\",\"timestamp\":\"1460989507\"," \
    "\"relay_id\":\"123\",\"rcpt_to\":\"recipient@example.com\"}}}," \
    "{\"msys\":{}}" \
    "]"

/* ---- brevo (test_brevo.c) ---- */
#define BREVO_EV(type, rest)                                                                                        \
    "{\"event\":\"" type "\",\"email\":\"example@domain.com\",\"id\":26224,\"date\":\"2020-11-09 15:53:39\","  \
    "\"ts\":1604933619,\"message-id\":\"<201798300811.5787683@relay.domain.com>\",\"ts_event\":1604933619,"     \
    "\"subject\":\"My first Transactional\",\"tag\":\"[\\\"transac_messages\\\"]\",\"sending_ip\":\"185.41.28.109\","\
    "\"ts_epoch\":1604933619123,\"tags\":[\"transac_messages\"],\"X-Mailin-custom\":\"order:42|mtrk_mid:" MID1 "\"" rest "}"

/* ---- mailjet (test_mailjet.c) ---- */
#define MAILJET_EV(type, rest)                                                                                             \
    "{\"event\":\"" type "\",\"time\":1433333949,\"MessageID\":19421777835146490,"                                  \
    "\"Message_GUID\":\"1ab23cd4-e567-8901-2345-6789f0gh1i2j\",\"email\":\"api@mailjet.com\",\"mj_campaign_id\":7257," \
    "\"mj_contact_id\":4,\"customcampaign\":\"\",\"CustomID\":\"" MID1 "\",\"Payload\":\"\"" rest "}"

/* ---- resend (test_resend.c) ---- */
#define RESEND_DATA(extra)                                                                                          \
    "\"data\":{\"broadcast_id\":\"8b146471-e88e-4322-86af-016cd36fd216\",\"created_at\":\"2024-11-22T23:41:11.894719+00:00\"," \
    "\"email_id\":\"56761188-7520-42d8-8898-ff6fc54ce618\",\"from\":\"Acme <onboarding@resend.dev>\","        \
    "\"to\":[\"delivered@resend.dev\"],\"subject\":\"Sending this example\","                                   \
    "\"tags\":{\"category\":\"confirm_email\",\"mtrk_mid\":\"" MID1 "\"}" extra "}"
#define RESEND_EV(type, extra) "{\"type\":\"" type "\",\"created_at\":\"2024-11-22T23:41:12.126Z\"," RESEND_DATA(extra) "}"

/* ---- mandrill (test_mandrill.c) ---- */
#define MANDRILL_MSG(state, extra)                                                                                   \
    "\"msg\":{\"ts\":1365109999,\"subject\":\"This an example webhook message\",\"email\":\"example.webhook@mandrillapp.com\"," \
    "\"sender\":\"example.sender@mandrillapp.com\",\"tags\":[\"webhook-example\"],\"state\":\"" state "\","    \
    "\"metadata\":{\"user_id\":111,\"mtrk_mid\":\"" MID1 "\"},\"_id\":\"exampleaaaaaaaaaaaaaaaaaaaaaaaaa\","    \
    "\"_version\":\"exampleaaaaaaaaaaaaaaa\"" extra "}"
#define MANDRILL_EVENTS \
    "[" \
    "{\"event\":\"send\"," MANDRILL_MSG("sent", "") ",\"_id\":\"exampleaaaaaaaaaaaaaaaaaaaaaaaaa\",\"ts\":1384954004}," \
    "{\"event\":\"deferral\"," MANDRILL_MSG("deferred", ",\"smtp_events\":[{\"destination_ip\":\"127.0.0.1\",\"diag\":\"451 4.3.5 Temporarily unavailable, try again later.\"," \
        "\"source_ip\":\"127.0.0.1\",\"ts\":1365111111,\"type\":\"deferred\",\"size\":0}]") \
        ",\"_id\":\"exampleaaaaaaaaaaaaaaaaaaaaaaaaa1\",\"ts\":1384954004}," \
    "{\"event\":\"hard_bounce\"," MANDRILL_MSG("bounced", ",\"bounce_description\":\"bad_mailbox\",\"bgtools_code\":10," \
        "\"diag\":\"smtp;550 5.1.1 The email account that you tried to reach does not exist.\"") \
        ",\"_id\":\"exampleaaaaaaaaaaaaaaaaaaaaaaaaa2\",\"ts\":1384954004}," \
    "{\"event\":\"soft_bounce\"," MANDRILL_MSG("soft-bounced", ",\"bounce_description\":\"mailbox_full\",\"bgtools_code\":22," \
        "\"diag\":\"smtp;552 5.2.2 Over Quota\"") \
        ",\"_id\":\"exampleaaaaaaaaaaaaaaaaaaaaaaaaa3\",\"ts\":1384954004}," \
    "{\"event\":\"open\"," MANDRILL_MSG("sent", ",\"opens\":[{\"ts\":1365111111}]") \
        ",\"_id\":\"exampleaaaaaaaaaaaaaaaaaaaaaaaaa4\",\"ip\":\"127.0.0.1\",\"location\":{\"country_short\":\"US\"}," \
        "\"user_agent\":\"Mozilla/5.0 (Macintosh; U; Intel Mac OS X 10.6; en-US; rv:1.9.1.8) Gecko/20100317 Postbox/1.1.3\"," \
        "\"ts\":1384954004}," \
    "{\"event\":\"click\"," MANDRILL_MSG("sent", "") ",\"_id\":\"exampleaaaaaaaaaaaaaaaaaaaaaaaaa5\",\"ip\":\"127.0.0.1\"," \
        "\"user_agent\":\"Mozilla/5.0\",\"url\":\"http://mandrill.com\",\"ts\":1384954004}," \
    "{\"event\":\"spam\"," MANDRILL_MSG("sent", "") ",\"_id\":\"exampleaaaaaaaaaaaaaaaaaaaaaaaaa6\",\"ts\":1384954004}," \
    "{\"event\":\"unsub\"," MANDRILL_MSG("sent", "") ",\"_id\":\"exampleaaaaaaaaaaaaaaaaaaaaaaaaa7\",\"ts\":1384954004}," \
    "{\"event\":\"reject\"," MANDRILL_MSG("rejected", "") ",\"_id\":\"exampleaaaaaaaaaaaaaaaaaaaaaaaaa8\",\"ts\":1384954004}," \
    "{\"type\":\"blacklist\",\"action\":\"added\",\"reject\":{\"reason\":\"hard-bounce\",\"detail\":\"Example detail\"," \
        "\"email\":\"example.webhook@mandrillapp.com\",\"created_at\":\"2014-05-01 12:00:01\"},\"ts\":1384954004}," \
    "{\"event\":\"inbound\",\"msg\":{\"email\":\"inbound@example.com\"},\"ts\":1384954004}" \
    "]"

/* ---- mailersend (test_mailersend.c) ---- */
#define MAILERSEND_EV(type, id, morph)                                                                                     \
    "{\"type\":\"" type "\",\"domain_id\":\"7z3m5jgrogdpyo6n\",\"created_at\":\"2022-05-16T12:30:25.000000Z\","   \
    "\"webhook_id\":\"ywj2lpn1exd5dr9x\",\"url\":\"https://example.com/hooks/mailersend\","                          \
    "\"data\":{\"object\":\"activity\",\"id\":\"" id "\",\"type\":\"x\",\"created_at\":\"2022-05-16T12:30:24.123456Z\"," \
    "\"email\":{\"object\":\"email\",\"id\":\"628247bc7c8e99e0c8bbd8a4\",\"created_at\":\"2022-05-16T12:30:20.000000Z\","   \
    "\"from\":\"test@example.com\",\"subject\":\"Test subject\",\"status\":\"sent\",\"tags\":[\"welcome\",\"mtrk_mid:" MID1 "\"]," \
    "\"headers\":null,\"message\":{\"object\":\"message\",\"id\":\"628247bc3b2e2f2fc0a3fb37\",\"created_at\":\"2022-05-16T12:30:20.000000Z\"}," \
    "\"recipient\":{\"object\":\"recipient\",\"id\":\"6282477b8f3a6f6d1a0b1d2e\",\"email\":\"recipient@example.com\","     \
    "\"created_at\":\"2022-05-16T12:29:15.000000Z\"}},\"morph\":" morph ",\"template_id\":\"7nxe3yjmxpg4p0r6\"}}"
#define MAILERSEND_EV2(type, id, dtype, meta)                                                                          \
    "{\"type\":\"" type "\",\"created_at\":\"2026-09-12T18:42:56.000000Z\",\"webhook_id\":\"w1\","              \
    "\"data\":{\"id\":\"" id "\",\"domain_id\":\"yv69oxl5kl785kw2\",\"message_id\":\"6aa59d2fbf35297925087058\","    \
    "\"email_id\":\"6aa59d3037403a10c4d4d18e\",\"type\":\"" dtype "\",\"subject\":\"Test webhooks\","               \
    "\"recipient\":\"recipient@example.com\",\"tags\":[\"tag1\",\"mtrk_mid:" MID1 "\"],\"meta\":" meta "}}"

/* ---- postal (test_postal.c) ---- */
#define POSTAL_MSG                                                                                                     \
    "{\"id\":12345,\"token\":\"abcdef123\",\"direction\":\"outgoing\",\"message_id\":\"5817a64332f44_4ec93ff59e79d154565eb@app34.mail\"," \
    "\"to\":\"test@example.com\",\"from\":\"sales@awesomeapp.com\",\"subject\":\"Welcome to AwesomeApp\","     \
    "\"timestamp\":1477945177.12994,\"spam_status\":\"NotSpam\",\"tag\":\"mtrk_mid:" MID1 "\"}"
#define POSTAL_EV(type, uuid, payload) \
    "{\"event\":\"" type "\",\"timestamp\":1477945177.12994,\"uuid\":\"" uuid "\",\"payload\":" payload "}"

#endif
