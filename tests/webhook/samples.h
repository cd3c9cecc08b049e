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

/* ses: one sample per event type (test_ses.c, every_*_maps_field_by_field). */
#define SES_COMPLAINT \
    "{\"eventType\":\"Complaint\",\"complaint\":{\"feedbackId\":\"0100015e-complaint\"," \
    "\"complaintSubType\":null,\"complainedRecipients\":[{\"emailAddress\":\"recipient@example.com\"}]," \
    "\"timestamp\":\"2017-08-05T00:41:02.669Z\",\"userAgent\":\"Mozilla/5.0 (Windows NT 10.0)\"," \
    "\"complaintFeedbackType\":\"abuse\",\"arrivalDate\":\"2017-08-05T00:41:02.669Z\"}," SES_MAIL(SES_TAGS) "}"
#define SES_DELIVERY \
    "{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"2016-10-19T23:21:04.133Z\"," \
    "\"processingTimeMillis\":11893,\"recipients\":[\"recipient@example.com\"]," \
    "\"smtpResponse\":\"250 2.6.0 Message received\",\"reportingMTA\":\"mta.example.com\"," \
    "\"remoteMtaIp\":\"192.0.2.10\"}," SES_MAIL(SES_TAGS) "}"
#define SES_SEND \
    "{\"eventType\":\"Send\",\"send\":{}," SES_MAIL(SES_TAGS) "}"
#define SES_REJECT \
    "{\"eventType\":\"Reject\",\"reject\":{\"reason\":\"Bad content\"}," SES_MAIL(SES_TAGS) "}"
#define SES_OPEN \
    "{\"eventType\":\"Open\",\"open\":{\"ipAddress\":\"192.0.2.1\",\"timestamp\":\"2017-08-09T22:00:19.652Z\"," \
    "\"userAgent\":\"Mozilla/5.0 (iPhone)\"}," SES_MAIL(SES_TAGS) "}"
#define SES_CLICK \
    "{\"eventType\":\"Click\",\"click\":{\"ipAddress\":\"192.0.2.1\",\"link\":\"http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html\"," \
    "\"linkTags\":{\"samplekey0\":[\"samplevalue0\"]},\"timestamp\":\"2017-08-09T23:51:25.570Z\"," \
    "\"userAgent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\"}," SES_MAIL(SES_TAGS) "}"
#define SES_RENDERING_FAILURE \
    "{\"eventType\":\"Rendering Failure\",\"failure\":{\"errorMessage\":\"Attribute 'attributeName' is not present in the rendering data.\"," \
    "\"templateName\":\"MyTemplate\"}," SES_MAIL(SES_TAGS) "}"
#define SES_DELIVERYDELAY \
    "{\"eventType\":\"DeliveryDelay\",\"deliveryDelay\":{\"timestamp\":\"2020-06-16T00:15:40.641Z\"," \
    "\"delayType\":\"TransientCommunicationFailure\",\"expirationTime\":\"2020-06-16T00:25:11.000Z\"," \
    "\"delayedRecipients\":[{\"emailAddress\":\"recipient@example.com\",\"status\":\"4.4.1\"," \
    "\"diagnosticCode\":\"smtp; 421 4.4.1 Unable to connect to remote host\"}]}," SES_MAIL(SES_TAGS) "}"
#define SES_SUBSCRIPTION \
    "{\"eventType\":\"Subscription\",\"subscription\":{\"contactList\":\"ContactListName\"," \
    "\"timestamp\":\"2022-01-12T01:00:17.910Z\",\"source\":\"UnsubscribeHeader\"," \
    "\"newTopicPreferences\":{\"unsubscribeAll\":true,\"topicSubscriptionStatus\":[{\"topicName\":\"ExampleTopicName\"," \
    "\"subscriptionStatus\":\"OptOut\"}]},\"oldTopicPreferences\":{\"unsubscribeAll\":false," \
    "\"topicSubscriptionStatus\":[{\"topicName\":\"ExampleTopicName\",\"subscriptionStatus\":\"OptOut\"}]}}," SES_MAIL(SES_TAGS) "}"

/* postmark: one sample per event type (test_postmark.c, every_*_maps_field_by_field). */
#define POSTMARK_DELIVERY \
    "{\"MessageID\":\"" POSTMARK_MSGID "\",\"Recipient\":\"john@example.com\",\"DeliveredAt\":\"2019-11-05T16:33:54.9070259Z\"," \
    "\"Details\":\"Test delivery webhook details\",\"Tag\":\"welcome-email\",\"ServerID\":23," POSTMARK_META "," \
    "\"RecordType\":\"Delivery\",\"MessageStream\":\"outbound\"}"
#define POSTMARK_BOUNCE \
    "{\"RecordType\":\"Bounce\",\"ID\":4323372036854775807,\"Type\":\"HardBounce\",\"TypeCode\":1," \
    "\"Name\":\"Hard bounce\",\"Tag\":\"Test\",\"MessageID\":\"" POSTMARK_MSGID "\"," POSTMARK_META ",\"ServerID\":23," \
    "\"MessageStream\":\"outbound\",\"Description\":\"The server was unable to deliver your message (ex: unknown user, mailbox not found).\"," \
    "\"Details\":\"smtp;550 5.1.1 The email account that you tried to reach does not exist.\"," \
    "\"Email\":\"john@example.com\",\"From\":\"sender@example.com\",\"BouncedAt\":\"2019-11-05T16:33:54.9070259Z\"," \
    "\"DumpAvailable\":true,\"Inactive\":true,\"CanActivate\":true,\"Subject\":\"Test subject\",\"Content\":\"Test content\"}"
#define POSTMARK_BOUNCE_2 \
    "{\"RecordType\":\"Bounce\",\"ID\":42,\"Type\":\"SoftBounce\",\"TypeCode\":4096,\"MessageID\":\"" POSTMARK_MSGID "\"," POSTMARK_META "," \
    "\"Details\":\"421 4.2.2 mailbox full\",\"Email\":\"john@example.com\",\"BouncedAt\":\"2019-11-05T11:33:54.9070259-05:00\"}"
#define POSTMARK_BOUNCE_3 \
    "{\"RecordType\":\"Bounce\",\"ID\":43,\"Type\":\"AutoResponder\",\"TypeCode\":32,\"MessageID\":\"" POSTMARK_MSGID "\"," POSTMARK_META "," \
    "\"Email\":\"john@example.com\",\"BouncedAt\":\"2019-11-05T16:33:54.9070259Z\"}"
#define POSTMARK_BOUNCE_4 \
    "{\"RecordType\":\"Bounce\",\"ID\":44,\"Type\":\"Unsubscribe\",\"TypeCode\":16,\"MessageID\":\"" POSTMARK_MSGID "\"," POSTMARK_META "," \
    "\"Email\":\"john@example.com\",\"BouncedAt\":\"2019-11-05T16:33:54.9070259Z\"}"
#define POSTMARK_SPAMCOMPLAINT \
    "{\"RecordType\":\"SpamComplaint\",\"ID\":42,\"Type\":\"SpamComplaint\",\"TypeCode\":512,\"Name\":\"Spam complaint\"," \
    "\"Tag\":\"Test\",\"MessageID\":\"" POSTMARK_MSGID "\"," POSTMARK_META ",\"ServerID\":1234,\"MessageStream\":\"outbound\"," \
    "\"Description\":\"\",\"Details\":\"Test spam complaint details\",\"Email\":\"john@example.com\"," \
    "\"From\":\"sender@example.com\",\"BouncedAt\":\"2019-11-05T16:33:54.9070259Z\",\"DumpAvailable\":true," \
    "\"Inactive\":true,\"CanActivate\":false,\"Subject\":\"Test subject\",\"Content\":\"<Abuse report dump>\"}"
#define POSTMARK_OPEN \
    "{\"RecordType\":\"Open\",\"MessageStream\":\"outbound\",\"FirstOpen\":true,\"Client\":{\"Name\":\"Chrome 35.0.1916.153\"," \
    "\"Company\":\"Google\",\"Family\":\"Chrome\"},\"OS\":{\"Name\":\"OS X 10.7 Lion\",\"Company\":\"Apple Computer, Inc.\"," \
    "\"Family\":\"OS X 10\"},\"Platform\":\"WebMail\",\"UserAgent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_5)\"," \
    "\"ReadSeconds\":5,\"Geo\":{\"CountryISOCode\":\"RS\",\"Country\":\"Serbia\",\"IP\":\"188.2.95.4\"}," \
    "\"MessageID\":\"" POSTMARK_MSGID "\"," POSTMARK_META ",\"ReceivedAt\":\"2019-11-05T16:33:54.9070259Z\",\"Tag\":\"welcome-email\"," \
    "\"Recipient\":\"john@example.com\"}"
#define POSTMARK_CLICK \
    "{\"RecordType\":\"Click\",\"MessageStream\":\"outbound\",\"ClickLocation\":\"HTML\",\"Client\":{\"Name\":\"Chrome\"}," \
    "\"Platform\":\"Desktop\",\"UserAgent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_5)\"," \
    "\"OriginalLink\":\"https://example.com\",\"Geo\":{\"IP\":\"188.2.95.4\"},\"MessageID\":\"" POSTMARK_MSGID "\"," POSTMARK_META "," \
    "\"ReceivedAt\":\"2019-11-05T16:33:54.9070259Z\",\"Tag\":\"welcome-email\",\"Recipient\":\"john@example.com\"}"
#define POSTMARK_SUBSCRIPTIONCHANGE \
    "{\"RecordType\":\"SubscriptionChange\",\"MessageID\":\"" POSTMARK_MSGID "\",\"ServerID\":23,\"MessageStream\":\"bulk\"," \
    "\"ChangedAt\":\"2019-11-05T16:33:54.9070259Z\",\"Recipient\":\"john@example.com\",\"Origin\":\"Recipient\"," \
    "\"SuppressSending\":true,\"SuppressionReason\":\"ManualSuppression\",\"Tag\":\"my-tag\"," POSTMARK_META "}"
#define POSTMARK_SUBSCRIPTIONCHANGE_2 \
    "{\"RecordType\":\"SubscriptionChange\",\"MessageID\":\"" POSTMARK_MSGID "\",\"MessageStream\":\"bulk\"," \
    "\"ChangedAt\":\"2019-11-05T16:33:54.9070259Z\",\"Recipient\":\"john@example.com\",\"Origin\":\"Customer\"," \
    "\"SuppressSending\":false,\"SuppressionReason\":null," POSTMARK_META "}"
#define POSTMARK_SUBSCRIPTIONCHANGE_3 \
    "{\"RecordType\":\"SubscriptionChange\",\"MessageID\":\"" POSTMARK_MSGID "\",\"MessageStream\":\"outbound\"," \
    "\"ChangedAt\":\"2019-11-05T16:33:54.9070259Z\",\"Recipient\":\"john@example.com\",\"Origin\":\"Recipient\"," \
    "\"SuppressSending\":true,\"SuppressionReason\":\"HardBounce\"," POSTMARK_META "}"

/* mailgun: one sample per event type (test_mailgun.c, every_*_maps_field_by_field). */
#define MAILGUN_ACCEPTED \
    MAILGUN_COMMON("accepted", "CPgfbmQMTCKtHW6uIWtuVe") ",\"method\":\"http\"}"
#define MAILGUN_DELIVERED \
    MAILGUN_COMMON("delivered", "W3X4JOhFT-OZidZGKKr9iA") ",\"delivery-status\":{\"tls\":true,\"mx-host\":\"smtp-in.example.com\"," \
    "\"code\":250,\"description\":\"\",\"session-seconds\":0.43,\"attempt-no\":1,\"message\":\"OK\"," \
    "\"certificate-verified\":true},\"envelope\":{\"transport\":\"smtp\",\"sender\":\"bob@sandbox.mailgun.org\"," \
    "\"sending-ip\":\"209.61.154.250\",\"targets\":\"alice@example.com\"}}"
#define MAILGUN_FAILED \
    MAILGUN_COMMON("failed", "G9Bn5sl1TC6nu79C8C0bwg") ",\"severity\":\"permanent\",\"reason\":\"bounce\"," \
    "\"delivery-status\":{\"attempt-no\":1,\"message\":\"550 5.1.1 The email account that you tried to reach does not exist.\"," \
    "\"code\":550,\"description\":\"\",\"session-seconds\":1.6}}"
#define MAILGUN_FAILED_2 \
    MAILGUN_COMMON("failed", "Fs7-5t81S2ag4NjsaUx4Ng") ",\"severity\":\"temporary\",\"reason\":\"generic\"," \
    "\"delivery-status\":{\"attempt-no\":1,\"message\":\"4.2.2 The email account that you tried to reach is over quota.\"," \
    "\"code\":452,\"description\":\"\",\"retry-seconds\":600}}"
#define MAILGUN_REJECTED \
    MAILGUN_COMMON("rejected", "rej-1") ",\"reject\":{\"reason\":\"Sandbox subdomains are for test purposes only\"," \
    "\"description\":\"\"}}"
#define MAILGUN_OPENED \
    MAILGUN_COMMON("opened", "Ase7i2zsRYeDXztHGENqRA") ",\"ip\":\"50.56.129.169\",\"geolocation\":{\"country\":\"US\"," \
    "\"region\":\"CA\",\"city\":\"San Francisco\"},\"client-info\":{\"client-os\":\"Linux\",\"device-type\":\"desktop\"," \
    "\"client-name\":\"Chrome\",\"client-type\":\"browser\",\"user-agent\":\"Mozilla/5.0 (X11; Linux x86_64)\"}}"
#define MAILGUN_OPENED_2 \
    MAILGUN_COMMON("opened", "bot-open") ",\"ip\":\"17.58.0.1\",\"client-info\":{\"client-type\":\"unknown\"," \
    "\"user-agent\":\"Mozilla/5.0\",\"bot\":\"apple\"}}"
#define MAILGUN_CLICKED \
    MAILGUN_COMMON("clicked", "Ase7i2zsRYeDXztHGENqRB") ",\"url\":\"https://example.com/landing?x=1\",\"ip\":\"50.56.129.169\"," \
    "\"client-info\":{\"user-agent\":\"Mozilla/5.0 (X11; Linux x86_64)\"}}"
#define MAILGUN_UNSUBSCRIBED \
    MAILGUN_COMMON("unsubscribed", "Ase7i2zsRYeDXztHGENqRC") ",\"ip\":\"50.56.129.169\"," \
    "\"client-info\":{\"user-agent\":\"Mozilla/5.0\"}}"
#define MAILGUN_COMPLAINED \
    MAILGUN_COMMON("complained", "ncV2XwymRUKbPek_MIM-Gw") "}"
#define MAILGUN_STORED \
    MAILGUN_COMMON("stored", "czsjqFATSlC3QtAK-C80nw") ",\"storage\":{\"url\":\"https://se.api.mailgun.net/v3/domains/x/messages/y\"," \
    "\"key\":\"y\"}}"
#define MAILGUN_LIST_MEMBER_UPLOADED \
    "{\"event\":\"list_member_uploaded\",\"id\":\"lmu-1\",\"timestamp\":1529006854.329574," \
    "\"mailing-list\":{\"address\":\"list@example.com\"},\"member\":{\"address\":\"alice@example.com\"}}"

/* brevo: one sample per event type (test_brevo.c, every_*_maps_field_by_field). */
#define BREVO_REQUEST \
    BREVO_EV("request", "")
#define BREVO_DELIVERED \
    BREVO_EV("delivered", "")
#define BREVO_DEFERRED \
    BREVO_EV("deferred", ",\"reason\":\"421 4.7.0 Try again later\"")
#define BREVO_SOFT_BOUNCE \
    BREVO_EV("soft_bounce", ",\"reason\":\"452 4.2.2 mailbox full\"")
#define BREVO_HARD_BOUNCE \
    BREVO_EV("hard_bounce", ",\"reason\":\"550 5.1.1 user unknown\"")
#define BREVO_BLOCKED \
    BREVO_EV("blocked", ",\"reason\":\"blocked : due to blacklist user\"")
#define BREVO_INVALID_EMAIL \
    BREVO_EV("invalid_email", ",\"reason\":\"invalid email\"")
#define BREVO_ERROR \
    BREVO_EV("error", ",\"reason\":\"sender not valid\"")
#define BREVO_SPAM \
    BREVO_EV("spam", "")
#define BREVO_OPENED \
    BREVO_EV("opened", ",\"ip\":\"203.0.113.9\",\"user_agent\":\"Mozilla/5.0\"")
#define BREVO_UNIQUE_OPENED \
    BREVO_EV("unique_opened", ",\"ip\":\"203.0.113.9\"")
#define BREVO_PROXY_OPEN \
    BREVO_EV("proxy_open", ",\"ip\":\"17.58.0.1\"")
#define BREVO_UNIQUE_PROXY_OPEN \
    BREVO_EV("unique_proxy_open", ",\"ip\":\"17.58.0.1\"")
#define BREVO_CLICK \
    BREVO_EV("click", ",\"link\":\"https://domain.com/landing\",\"ip\":\"203.0.113.9\"")
#define BREVO_UNSUBSCRIBED \
    BREVO_EV("unsubscribed", "")

/* mailjet: one sample per event type (test_mailjet.c, every_*_maps_field_by_field). */
#define MAILJET_SENT \
    MAILJET_EV("sent", ",\"mj_message_id\":\"19421777835146490\",\"smtp_reply\":\"sent (250 2.0.0 OK 1433333948 fa5si855896wjc.199 - gsmtp)\"")
#define MAILJET_OPEN \
    MAILJET_EV("open", ",\"ip\":\"127.0.0.1\",\"geo\":\"US\",\"agent\":\"Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0\"")
#define MAILJET_CLICK \
    MAILJET_EV("click", ",\"url\":\"https://mailjet.com\",\"ip\":\"127.0.0.1\",\"geo\":\"FR\",\"agent\":\"Mozilla/5.0\"")
#define MAILJET_BOUNCE \
    MAILJET_EV("bounce", ",\"blocked\":false,\"hard_bounce\":true,\"error_related_to\":\"recipient\",\"error\":\"user unknown\"," \
    "\"comment\":\"Host or domain name not found. Name service error for name=lbjsnrftlsiuvbsren.com type=A: Host not found\"")
#define MAILJET_BOUNCE_2 \
    MAILJET_EV("bounce", ",\"blocked\":false,\"hard_bounce\":false,\"error_related_to\":\"mailbox\",\"error\":\"mailbox full\"," \
    "\"comment\":\"452 4.2.2 over quota\"")
#define MAILJET_BLOCKED \
    MAILJET_EV("blocked", ",\"error_related_to\":\"recipient\",\"error\":\"user unknown\"")
#define MAILJET_SPAM \
    MAILJET_EV("spam", ",\"source\":\"JMRPP\"")
#define MAILJET_UNSUB \
    MAILJET_EV("unsub", ",\"mj_list_id\":1,\"ip\":\"127.0.0.1\",\"geo\":\"FR\",\"agent\":\"Mozilla/5.0\"")
#define MAILJET_UNSUB_2 \
    MAILJET_EV("unsub", ",\"mj_list_id\":\"\"")

/* resend: one sample per event type (test_resend.c, every_*_maps_field_by_field). */
#define RESEND_EMAIL_SENT \
    RESEND_EV("email.sent", "")
#define RESEND_EMAIL_DELIVERED \
    RESEND_EV("email.delivered", "")
#define RESEND_EMAIL_DELIVERY_DELAYED \
    RESEND_EV("email.delivery_delayed", "")
#define RESEND_EMAIL_COMPLAINED \
    RESEND_EV("email.complained", "")
#define RESEND_EMAIL_BOUNCED \
    RESEND_EV("email.bounced", ",\"bounce\":{\"message\":\"The recipient's email address is on the suppression list because it has a recent history of producing hard bounces.\"," \
    "\"subType\":\"Suppressed\",\"type\":\"Permanent\"}")
#define RESEND_EMAIL_OPENED \
    RESEND_EV("email.opened", ",\"open\":{\"ipAddress\":\"122.115.53.11\",\"timestamp\":\"2024-11-24T05:00:57.163Z\"," \
    "\"userAgent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)\"}")
#define RESEND_EMAIL_CLICKED \
    RESEND_EV("email.clicked", ",\"click\":{\"ipAddress\":\"122.115.53.11\",\"link\":\"https://resend.com\"," \
    "\"timestamp\":\"2024-11-24T05:00:57.163Z\",\"userAgent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)\"}")
#define RESEND_EMAIL_FAILED \
    RESEND_EV("email.failed", ",\"failed\":{\"reason\":\"reached_daily_quota\"}")
#define RESEND_EMAIL_SUPPRESSED \
    RESEND_EV("email.suppressed", ",\"suppressed\":{\"message\":\"This email address is on the suppression list.\",\"type\":\"OnAccountSuppressionList\"}")
#define RESEND_EMAIL_SCHEDULED \
    RESEND_EV("email.scheduled", "")
#define RESEND_CONTACT_CREATED \
    "{\"type\":\"contact.created\",\"created_at\":\"2024-11-22T23:41:12.126Z\",\"data\":{\"id\":\"e169aa45\"," \
    "\"audience_id\":\"78261eea\",\"email\":\"steve.wozniak@gmail.com\"}}"
#define RESEND_DOMAIN_UPDATED \
    "{\"type\":\"domain.updated\",\"created_at\":\"2024-11-22T23:41:12.126Z\",\"data\":{\"id\":\"d91cd9bd\",\"name\":\"example.com\"}}"

/* mailersend: one sample per event type (test_mailersend.c, every_*_maps_field_by_field). */
#define MAILERSEND_ACTIVITY_SENT \
    MAILERSEND_EV("activity.sent", "a1", "null")
#define MAILERSEND_ACTIVITY_DELIVERED \
    MAILERSEND_EV("activity.delivered", "a2", "null")
#define MAILERSEND_ACTIVITY_SOFT_BOUNCED \
    MAILERSEND_EV("activity.soft_bounced", "a3", "{\"object\":\"recipient_bounce\",\"reason\":\"452 4.2.2 Mailbox full\"}")
#define MAILERSEND_ACTIVITY_HARD_BOUNCED \
    MAILERSEND_EV("activity.hard_bounced", "a4", "{\"object\":\"recipient_bounce\",\"reason\":\"550 5.1.1 Host or domain name not found\"}")
#define MAILERSEND_ACTIVITY_OPENED \
    MAILERSEND_EV("activity.opened", "a5", "{\"object\":\"open\",\"id\":\"o1\",\"created_at\":\"2022-05-16T12:30:24.000000Z\"," \
    "\"ip\":\"127.0.0.1\",\"user_agent\":\"Mozilla/5.0\"}")
#define MAILERSEND_ACTIVITY_OPENED_UNIQUE \
    MAILERSEND_EV("activity.opened_unique", "a6", "{\"object\":\"open\",\"ip\":\"127.0.0.1\"}")
#define MAILERSEND_ACTIVITY_CLICKED \
    MAILERSEND_EV("activity.clicked", "a7", "{\"object\":\"click\",\"id\":\"c1\",\"created_at\":\"2022-05-16T12:30:24.000000Z\"," \
    "\"ip\":\"127.0.0.1\",\"url\":\"https://www.mailersend.com\"}")
#define MAILERSEND_ACTIVITY_CLICKED_UNIQUE \
    MAILERSEND_EV("activity.clicked_unique", "a8", "{\"object\":\"click\",\"url\":\"https://www.mailersend.com\"}")
#define MAILERSEND_ACTIVITY_UNSUBSCRIBED \
    MAILERSEND_EV("activity.unsubscribed", "a9", "{\"object\":\"recipient_unsubscribe\",\"reason\":\"NO_LONGER_WANT\"," \
    "\"readable_reason\":\"I no longer want to receive these emails\"}")
#define MAILERSEND_ACTIVITY_SPAM_COMPLAINT \
    MAILERSEND_EV("activity.spam_complaint", "a10", "{\"object\":\"spam_complaint\"}")
#define MAILERSEND_ACTIVITY_SURVEY_OPENED \
    MAILERSEND_EV("activity.survey_opened", "a11", "null")
#define MAILERSEND_ACTIVITY_SURVEY_SUBMITTED \
    MAILERSEND_EV("activity.survey_submitted", "a12", "null")

/* postal: one sample per event type (test_postal.c, every_*_maps_field_by_field). */
#define POSTAL_MESSAGESENT \
    POSTAL_EV("MessageSent", "u1", "{\"message\":" POSTAL_MSG ",\"status\":\"Sent\",\"details\":\"Message sent by SMTP to aspmx.l.google.com\"," \
    "\"output\":\"250 2.0.0 OK 1477944899 ly2si31746747wjb.95 - gsmtp\\n\",\"sent_with_ssl\":true," \
    "\"timestamp\":1477945177.12994,\"time\":0.15}")
#define POSTAL_MESSAGEDELAYED \
    POSTAL_EV("MessageDelayed", "u2", "{\"message\":" POSTAL_MSG ",\"status\":\"SoftFail\",\"details\":\"Temporary failure\"," \
    "\"output\":\"451 4.7.1 Greylisted\",\"sent_with_ssl\":false,\"timestamp\":1477945177.12994,\"time\":0.15}")
#define POSTAL_MESSAGEDELIVERYFAILED \
    POSTAL_EV("MessageDeliveryFailed", "u3", "{\"message\":" POSTAL_MSG ",\"status\":\"HardFail\",\"details\":\"Permanent failure\"," \
    "\"output\":\"550 5.1.1 No such user\",\"sent_with_ssl\":false,\"timestamp\":1477945177.12994,\"time\":0.15}")
#define POSTAL_MESSAGEHELD \
    POSTAL_EV("MessageHeld", "u4", "{\"message\":" POSTAL_MSG ",\"status\":\"Held\",\"details\":\"Credential is configured to hold all messages.\"," \
    "\"output\":\"\",\"sent_with_ssl\":false,\"timestamp\":1477945177.12994,\"time\":null}")
#define POSTAL_MESSAGEBOUNCED \
    POSTAL_EV("MessageBounced", "u5", "{\"original_message\":" POSTAL_MSG ",\"bounce\":{\"id\":12347,\"token\":\"bounce\"," \
    "\"direction\":\"incoming\",\"message_id\":\"5817a64332f44_4ec93ff59e79d154565eb@someserver.com\"," \
    "\"to\":\"abcde@psrp.postal.example\",\"from\":\"postmaster@someserver.com\",\"subject\":\"Delivery Error\"," \
    "\"timestamp\":1477945179.12994,\"spam_status\":\"NotSpam\",\"tag\":null}}")
#define POSTAL_MESSAGELINKCLICKED \
    POSTAL_EV("MessageLinkClicked", "u6", "{\"url\":\"https://atech.media\",\"token\":\"VJzsFA0S\",\"ip_address\":\"185.22.208.2\"," \
    "\"user_agent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_1)\",\"message\":" POSTAL_MSG "}")
#define POSTAL_MESSAGELOADED \
    POSTAL_EV("MessageLoaded", "u7", "{\"ip_address\":\"185.22.208.2\",\"user_agent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_1)\"," \
    "\"message\":" POSTAL_MSG "}")
#define POSTAL_DOMAINDNSERROR \
    POSTAL_EV("DomainDNSError", "u8", "{\"domain\":\"example.com\",\"uuid\":\"820b47a4\",\"dns_checked_at\":1477945711.5502562," \
    "\"spf_status\":\"OK\",\"dkim_status\":\"Invalid\",\"server\":{\"uuid\":\"54529725\",\"name\":\"AwesomeApp Mail Server\"}}")
#define POSTAL_SENDLIMITAPPROACHING \
    POSTAL_EV("SendLimitApproaching", "u9", "{\"server\":{\"uuid\":\"54529725\"},\"volume\":450,\"limit\":500}")
#define POSTAL_SENDLIMITEXCEEDED \
    POSTAL_EV("SendLimitExceeded", "u10", "{\"server\":{\"uuid\":\"54529725\"},\"volume\":501,\"limit\":500}")

#endif
