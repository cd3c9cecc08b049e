--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: fixture; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA fixture;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_tokens; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.api_tokens (
    tenant uuid NOT NULL,
    id uuid NOT NULL,
    label text NOT NULL COLLATE pg_catalog."C",
    hash text NOT NULL COLLATE pg_catalog."C",
    created_at bigint NOT NULL,
    revoked_at bigint NOT NULL
);


--
-- Name: audience_contacts; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.audience_contacts (
    tenant uuid NOT NULL,
    audience uuid NOT NULL,
    contact uuid NOT NULL,
    added_at bigint NOT NULL
);


--
-- Name: audiences; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.audiences (
    tenant uuid NOT NULL,
    id uuid NOT NULL,
    name text NOT NULL COLLATE pg_catalog."C",
    created_at bigint NOT NULL,
    member_count bigint NOT NULL
);


--
-- Name: audit; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.audit (
    tenant uuid NOT NULL,
    id uuid NOT NULL,
    at bigint NOT NULL,
    actor text NOT NULL COLLATE pg_catalog."C",
    action text NOT NULL COLLATE pg_catalog."C",
    entity uuid,
    detail text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: bounce_facts; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.bounce_facts (
    tenant uuid NOT NULL,
    event uuid NOT NULL,
    message uuid NOT NULL,
    campaign uuid NOT NULL,
    occurred_at bigint NOT NULL,
    reason bigint NOT NULL,
    given_kind bigint NOT NULL,
    kind bigint NOT NULL,
    action bigint NOT NULL,
    by bigint NOT NULL,
    smtp_code bigint NOT NULL,
    status text COLLATE pg_catalog."C",
    bounce_type text COLLATE pg_catalog."C",
    bounce_subtype text COLLATE pg_catalog."C"
);


--
-- Name: bounce_policies; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.bounce_policies (
    tenant uuid NOT NULL,
    reason bigint NOT NULL,
    action bigint NOT NULL,
    soft_limit bigint NOT NULL,
    updated_at bigint NOT NULL
);


--
-- Name: bounce_settings; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.bounce_settings (
    tenant uuid NOT NULL,
    window_ms bigint NOT NULL,
    min_sent bigint NOT NULL,
    complaint_warn_ppm bigint NOT NULL,
    complaint_pause_ppm bigint NOT NULL,
    bounce_warn_ppm bigint NOT NULL,
    bounce_pause_ppm bigint NOT NULL,
    suppression_expiry_ms bigint NOT NULL,
    updated_at bigint NOT NULL
);


--
-- Name: campaign_audiences; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.campaign_audiences (
    tenant uuid NOT NULL,
    campaign uuid NOT NULL,
    audience uuid NOT NULL,
    attached_at bigint NOT NULL
);


--
-- Name: campaign_stats; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.campaign_stats (
    tenant uuid NOT NULL,
    campaign uuid NOT NULL,
    messages bigint NOT NULL,
    canceled bigint NOT NULL,
    sent bigint NOT NULL,
    delivered bigint NOT NULL,
    delivered_explicit bigint NOT NULL,
    bounced_hard bigint NOT NULL,
    bounced_soft bigint NOT NULL,
    complaints bigint NOT NULL,
    unsubscribes bigint NOT NULL,
    opens_total bigint NOT NULL,
    opens_unique bigint NOT NULL,
    opens_unique_human bigint NOT NULL,
    opens_machine bigint NOT NULL,
    opens_inferred bigint NOT NULL,
    clicks_total bigint NOT NULL,
    clicks_unique bigint NOT NULL,
    clicks_unique_human bigint NOT NULL,
    clicks_machine bigint NOT NULL,
    leads_total bigint NOT NULL,
    leads_attributed bigint NOT NULL,
    leads_forwarded bigint NOT NULL
);


--
-- Name: campaigns; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.campaigns (
    tenant uuid NOT NULL,
    id uuid NOT NULL,
    name text NOT NULL COLLATE pg_catalog."C",
    objective text COLLATE pg_catalog."C",
    subject text NOT NULL COLLATE pg_catalog."C",
    from_name text COLLATE pg_catalog."C",
    from_address text NOT NULL COLLATE pg_catalog."C",
    reply_to text COLLATE pg_catalog."C",
    html text COLLATE pg_catalog."C",
    text text COLLATE pg_catalog."C",
    starts_at bigint NOT NULL,
    ends_at bigint NOT NULL,
    status bigint NOT NULL,
    paused_from bigint NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
);


--
-- Name: contact_fields; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.contact_fields (
    tenant uuid NOT NULL,
    contact uuid NOT NULL,
    key text NOT NULL COLLATE pg_catalog."C",
    value text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: contacts; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.contacts (
    tenant uuid NOT NULL,
    id uuid NOT NULL,
    address text COLLATE pg_catalog."C",
    address_key text COLLATE pg_catalog."C",
    name text COLLATE pg_catalog."C",
    status bigint NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    consent_at bigint NOT NULL,
    consent_source text COLLATE pg_catalog."C",
    consent_text_version text COLLATE pg_catalog."C"
);


--
-- Name: deadletters; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.deadletters (
    tenant uuid NOT NULL,
    id uuid NOT NULL,
    provider text NOT NULL COLLATE pg_catalog."C",
    event_key text NOT NULL COLLATE pg_catalog."C",
    reason text NOT NULL COLLATE pg_catalog."C",
    provider_type text COLLATE pg_catalog."C",
    type bigint NOT NULL,
    message uuid,
    provider_message_id text COLLATE pg_catalog."C",
    occurred_at bigint NOT NULL,
    arrived_at bigint NOT NULL,
    recipient text COLLATE pg_catalog."C",
    url text COLLATE pg_catalog."C",
    link_index bigint NOT NULL,
    user_agent text COLLATE pg_catalog."C",
    ip text COLLATE pg_catalog."C",
    verdict bigint NOT NULL,
    verdict_reason text COLLATE pg_catalog."C",
    bounce_kind bigint NOT NULL,
    diagnostic text COLLATE pg_catalog."C",
    unsub_scope bigint NOT NULL,
    payload text COLLATE pg_catalog."C",
    send_id text COLLATE pg_catalog."C",
    bounce_reason bigint NOT NULL,
    smtp_code bigint NOT NULL,
    bounce_status text COLLATE pg_catalog."C",
    bounce_type text COLLATE pg_catalog."C",
    bounce_subtype text COLLATE pg_catalog."C"
);


--
-- Name: events; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.events (
    tenant uuid NOT NULL,
    id uuid NOT NULL,
    message uuid NOT NULL,
    campaign uuid NOT NULL,
    contact uuid NOT NULL,
    occurred_at bigint NOT NULL,
    arrived_at bigint NOT NULL,
    occurred_hour bigint NOT NULL,
    type smallint NOT NULL,
    bounce_kind smallint NOT NULL,
    verdict smallint NOT NULL,
    unsub_scope smallint NOT NULL,
    unsub_source smallint NOT NULL,
    effects integer NOT NULL,
    link uuid,
    unsub_audience uuid,
    provider text COLLATE pg_catalog."C",
    provider_event_id text COLLATE pg_catalog."C",
    provider_message_id text COLLATE pg_catalog."C",
    diagnostic text COLLATE pg_catalog."C",
    user_agent text COLLATE pg_catalog."C",
    ip text COLLATE pg_catalog."C",
    verdict_reason text COLLATE pg_catalog."C"
);


--
-- Name: hourly_stats; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.hourly_stats (
    tenant uuid NOT NULL,
    campaign uuid NOT NULL,
    hour bigint NOT NULL,
    type bigint NOT NULL,
    count bigint NOT NULL
);


--
-- Name: landing_pages; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.landing_pages (
    tenant uuid NOT NULL,
    id uuid NOT NULL,
    campaign uuid NOT NULL,
    name text COLLATE pg_catalog."C",
    url text COLLATE pg_catalog."C",
    created_at bigint NOT NULL
);


--
-- Name: leads; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.leads (
    tenant uuid NOT NULL,
    id uuid NOT NULL,
    landing_page uuid NOT NULL,
    campaign uuid NOT NULL,
    lead_key text NOT NULL COLLATE pg_catalog."C",
    address text COLLATE pg_catalog."C",
    contact uuid NOT NULL,
    recipient uuid,
    message uuid,
    attribution bigint NOT NULL,
    forwarded bigint NOT NULL,
    captured_at bigint NOT NULL,
    fields_json text COLLATE pg_catalog."C"
);


--
-- Name: link_stats; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.link_stats (
    tenant uuid NOT NULL,
    link uuid NOT NULL,
    campaign uuid NOT NULL,
    clicks bigint NOT NULL,
    clicks_unique bigint NOT NULL,
    clicks_unique_human bigint NOT NULL
);


--
-- Name: links; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.links (
    tenant uuid NOT NULL,
    id uuid NOT NULL,
    campaign uuid NOT NULL,
    url text NOT NULL COLLATE pg_catalog."C",
    label text COLLATE pg_catalog."C",
    "position" bigint NOT NULL,
    created_at bigint NOT NULL,
    origin bigint NOT NULL
);


--
-- Name: messages; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.messages (
    tenant uuid NOT NULL,
    id uuid NOT NULL,
    campaign uuid NOT NULL,
    contact uuid NOT NULL,
    state bigint NOT NULL,
    cancel_reason bigint NOT NULL,
    created_at bigint NOT NULL,
    lease_until bigint NOT NULL,
    sent_at bigint NOT NULL,
    delivered_at bigint NOT NULL,
    bounced_at bigint NOT NULL,
    first_open_at bigint NOT NULL,
    first_click_at bigint NOT NULL,
    first_complaint_at bigint NOT NULL,
    first_unsub_at bigint NOT NULL,
    opens bigint NOT NULL,
    clicks bigint NOT NULL,
    soft_bounces bigint NOT NULL,
    flags bigint NOT NULL,
    provider_message_id text COLLATE pg_catalog."C",
    queue_state bigint,
    folded_occurred_at bigint,
    folded_arrived_at bigint,
    folded_event uuid,
    folded_links text COLLATE pg_catalog."C"
);


--
-- Name: mtrk_schema; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.mtrk_schema (
    version integer NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: provider_messages; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.provider_messages (
    tenant uuid NOT NULL,
    provider text NOT NULL COLLATE pg_catalog."C",
    provider_message_id text NOT NULL COLLATE pg_catalog."C",
    message uuid NOT NULL,
    recorded_at bigint NOT NULL
);


--
-- Name: reputation_paused; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.reputation_paused (
    tenant uuid NOT NULL,
    scope text NOT NULL COLLATE pg_catalog."C",
    campaign uuid NOT NULL,
    paused_at bigint NOT NULL
);


--
-- Name: reputation_state; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.reputation_state (
    tenant uuid NOT NULL,
    scope text NOT NULL COLLATE pg_catalog."C",
    level bigint NOT NULL,
    changed_at bigint NOT NULL,
    since bigint NOT NULL,
    sent bigint NOT NULL,
    delivered bigint NOT NULL,
    bounces bigint NOT NULL,
    complaints bigint NOT NULL
);


--
-- Name: signing_keys; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.signing_keys (
    tenant uuid NOT NULL,
    key_id bigint NOT NULL,
    secret text NOT NULL COLLATE pg_catalog."C",
    created_at bigint NOT NULL,
    retired_at bigint NOT NULL
);


--
-- Name: suppressions; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.suppressions (
    tenant uuid NOT NULL,
    kind bigint NOT NULL,
    value text NOT NULL COLLATE pg_catalog."C",
    reason text NOT NULL COLLATE pg_catalog."C",
    created_at bigint NOT NULL,
    event uuid
);


--
-- Name: tenants; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.tenants (
    id uuid NOT NULL,
    key text NOT NULL COLLATE pg_catalog."C",
    created_at bigint NOT NULL,
    tracking_base_url text NOT NULL COLLATE pg_catalog."C",
    soft_bounce_threshold bigint NOT NULL,
    attribution_window_ms bigint NOT NULL,
    retention_ms bigint NOT NULL,
    secret text NOT NULL COLLATE pg_catalog."C",
    list_unsubscribe_mailto text COLLATE pg_catalog."C",
    address_rule bigint NOT NULL,
    events_earliest bigint NOT NULL,
    events_ahead_ms bigint NOT NULL,
    keep_webhook_payloads bigint NOT NULL,
    webhook_payload_retention_ms bigint NOT NULL
);


--
-- Name: unsubscribes; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.unsubscribes (
    tenant uuid NOT NULL,
    contact uuid NOT NULL,
    scope bigint NOT NULL,
    scope_id uuid NOT NULL,
    source bigint NOT NULL,
    created_at bigint NOT NULL,
    event uuid
);


--
-- Name: webhook_keys; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.webhook_keys (
    tenant uuid NOT NULL,
    provider text NOT NULL COLLATE pg_catalog."C",
    key_id bigint NOT NULL,
    secret text NOT NULL COLLATE pg_catalog."C",
    created_at bigint NOT NULL
);


--
-- Name: webhook_nonces; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.webhook_nonces (
    tenant uuid NOT NULL,
    provider text NOT NULL COLLATE pg_catalog."C",
    token text NOT NULL COLLATE pg_catalog."C",
    seen_at bigint NOT NULL,
    expires_at bigint NOT NULL
);


--
-- Name: webhook_payloads; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.webhook_payloads (
    tenant uuid NOT NULL,
    event uuid NOT NULL,
    provider text NOT NULL COLLATE pg_catalog."C",
    message uuid NOT NULL,
    arrived_at bigint NOT NULL,
    payload text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: webhook_settings; Type: TABLE; Schema: fixture; Owner: -
--

CREATE TABLE fixture.webhook_settings (
    tenant uuid NOT NULL,
    provider text NOT NULL COLLATE pg_catalog."C",
    tolerance_ms bigint NOT NULL,
    allow_unsigned bigint NOT NULL,
    updated_at bigint NOT NULL
);


--
-- Data for Name: api_tokens; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: audience_contacts; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772362800010);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1b8b-7234-8911-5f7471e6c651', 1772362800013);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772362800016);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772362800019);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772362800022);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772362800025);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772362800028);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772362800031);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1ba0-7fc3-9e83-2612c394ad59', 1772362800034);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772362800037);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772362800040);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772362800043);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bac-7797-99f4-484db6137728', 1772362800046);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1baf-78b2-aad1-1dfdeb1ff014', 1772362800049);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772362800052);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772362800055);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772362800058);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1772362800061);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772362800064);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772362800067);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772362800070);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1772362800073);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772362800076);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 1772362800079);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bd0-7b29-9081-993098370785', 1772362800082);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bd3-7ca7-989f-677ccc71b372', 1772362800085);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bd6-7db3-a070-28b3a1da43a2', 1772362800088);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bd9-7ef7-96d3-8dfc5fb21b15', 1772362800091);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bdc-748c-8623-0782fee1fe38', 1772362800094);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', '019ca90e-1bdf-7bbe-b9f5-7161d42f9ff2', 1772362800097);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772362800109);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1b8b-7234-8911-5f7471e6c651', 1772362800110);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772362800111);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772362800112);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772362800113);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772362800114);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772362800115);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772362800116);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1ba0-7fc3-9e83-2612c394ad59', 1772362800117);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772362800118);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772362800119);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772362800120);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1bac-7797-99f4-484db6137728', 1772362800121);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1baf-78b2-aad1-1dfdeb1ff014', 1772362800122);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772362800123);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772362800124);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772362800125);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1772362800126);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772362800127);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772362800128);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772362800129);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1772362800130);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772362800131);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 1772362800132);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772362800789);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1b8b-7234-8911-5f7471e6c651', 1772362800790);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772362800791);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772362800792);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772362800793);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772362800794);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772362800795);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772362800796);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1ba0-7fc3-9e83-2612c394ad59', 1772362800797);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772362800798);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772362800799);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772362800800);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bac-7797-99f4-484db6137728', 1772362800801);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1baf-78b2-aad1-1dfdeb1ff014', 1772362800802);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772362800803);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772362800804);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772362800805);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1772362800806);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772362800807);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772362800808);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772362800809);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1772362800810);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772362800811);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 1772362800812);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bd0-7b29-9081-993098370785', 1772362800813);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bd3-7ca7-989f-677ccc71b372', 1772362800814);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bd6-7db3-a070-28b3a1da43a2', 1772362800815);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bd9-7ef7-96d3-8dfc5fb21b15', 1772362800816);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bdc-748c-8623-0782fee1fe38', 1772362800817);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', '019ca90e-1bdf-7bbe-b9f5-7161d42f9ff2', 1772362800818);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772362801397);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', '019ca90e-1b8b-7234-8911-5f7471e6c651', 1772362801398);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772362801399);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772362801400);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772362801401);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772362801402);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772362801403);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772362801404);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', '019ca90e-1ba0-7fc3-9e83-2612c394ad59', 1772362801405);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772362801406);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772362801407);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772362801408);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-2199-77dd-be1a-bfb178d04abe', 1772362801563);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772362801566);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772362801569);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1772362801572);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21a5-7580-b48e-da722810eab0', 1772362801575);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772362801578);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772362801581);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772362801584);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21b1-7837-b634-a762982272c5', 1772362801587);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21b4-7859-8678-d202b1981644', 1772362801590);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21b7-71bf-acf0-47f66b534ca7', 1772362801593);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772362801596);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772362801599);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 1772362801602);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21c3-7d83-bb07-64941b464323', 1772362801605);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1772362801608);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21c9-7950-8533-6aefe930142b', 1772362801611);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21cc-7ccb-ab99-0c5a998dbd63', 1772362801614);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21cf-7773-8ad6-0560545d4466', 1772362801617);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', '019ca90e-21d2-7da5-9597-0086fc4e4241', 1772362801620);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-2199-77dd-be1a-bfb178d04abe', 1772362801630);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772362801631);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772362801632);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1772362801633);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21a5-7580-b48e-da722810eab0', 1772362801634);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772362801635);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772362801636);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772362801637);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21b1-7837-b634-a762982272c5', 1772362801638);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21b4-7859-8678-d202b1981644', 1772362801639);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21b7-71bf-acf0-47f66b534ca7', 1772362801640);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772362801641);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772362801642);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 1772362801643);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21c3-7d83-bb07-64941b464323', 1772362801644);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1772362801645);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21c9-7950-8533-6aefe930142b', 1772362801646);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21cc-7ccb-ab99-0c5a998dbd63', 1772362801647);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21cf-7773-8ad6-0560545d4466', 1772362801648);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', '019ca90e-21d2-7da5-9597-0086fc4e4241', 1772362801649);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-2199-77dd-be1a-bfb178d04abe', 1772362802038);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772362802039);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772362802040);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1772362802041);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-21a5-7580-b48e-da722810eab0', 1772362802042);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772362802043);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772362802044);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772362802045);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-21b1-7837-b634-a762982272c5', 1772362802046);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-21b4-7859-8678-d202b1981644', 1772362802047);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-21b7-71bf-acf0-47f66b534ca7', 1772362802048);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772362802049);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772362802050);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 1772362802051);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-21c3-7d83-bb07-64941b464323', 1772362802052);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1772362802053);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-24fb-7437-90d2-16c16a959238', '019ca90e-24fd-73ab-9c8e-df0eb1c7ed37', 1772362802431);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-24fb-7437-90d2-16c16a959238', '019ca90e-2500-74d6-82a7-518b5faefc2f', 1772362802434);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-24fb-7437-90d2-16c16a959238', '019ca90e-2503-7d36-8b9e-07ee325b48b8', 1772362802437);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-24fb-7437-90d2-16c16a959238', '019ca90e-2506-7a37-ace2-19bc6cbe5fb2', 1772362802440);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-24fb-7437-90d2-16c16a959238', '019ca90e-2509-7af5-88af-35f1e7f52f49', 1772362802443);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-24fb-7437-90d2-16c16a959238', '019ca90e-250c-7cb0-93ff-4a4da9f5826c', 1772362802446);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2514-7ea0-8f76-eb01198cbc8d', '019ca90e-24fd-73ab-9c8e-df0eb1c7ed37', 1772362802454);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2514-7ea0-8f76-eb01198cbc8d', '019ca90e-2500-74d6-82a7-518b5faefc2f', 1772362802455);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2514-7ea0-8f76-eb01198cbc8d', '019ca90e-2503-7d36-8b9e-07ee325b48b8', 1772362802456);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2514-7ea0-8f76-eb01198cbc8d', '019ca90e-2506-7a37-ace2-19bc6cbe5fb2', 1772362802457);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2514-7ea0-8f76-eb01198cbc8d', '019ca90e-2509-7af5-88af-35f1e7f52f49', 1772362802458);
INSERT INTO fixture.audience_contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2514-7ea0-8f76-eb01198cbc8d', '019ca90e-250c-7cb0-93ff-4a4da9f5826c', 1772362802459);


--
-- Data for Name: audiences; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.audiences VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b86-7407-a33e-e56d996857ee', 'everyone', 1772362800007, 30);
INSERT INTO fixture.audiences VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1beb-7803-bd56-2cb57162c29c', 'aud-spring', 1772362800108, 24);
INSERT INTO fixture.audiences VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e93-798a-8c37-2e58918c853f', 'aud-summer', 1772362800788, 30);
INSERT INTO fixture.audiences VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', 'aud-autumn', 1772362801396, 12);
INSERT INTO fixture.audiences VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2197-758d-845f-4c0d64b11da6', 'everyone', 1772362801560, 20);
INSERT INTO fixture.audiences VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', 'aud-launch', 1772362801629, 20);
INSERT INTO fixture.audiences VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2374-73db-8309-d334e6fd62e0', 'aud-promo', 1772362802037, 16);
INSERT INTO fixture.audiences VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-24fb-7437-90d2-16c16a959238', 'everyone', 1772362802428, 6);
INSERT INTO fixture.audiences VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2514-7ea0-8f76-eb01198cbc8d', 'aud-quiet', 1772362802453, 6);


--
-- Data for Name: audit; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.audit VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b83-7b85-9e19-d2d40c0dca8d', 1772362800004, 'gen', 'tenant.create', '019ca90e-1b81-7a67-8b7e-3b48aaade17c', '{"key":"acme"}');
INSERT INTO fixture.audit VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c06-7a5d-ab17-27eceff75713', 1772362800135, 'gen', 'campaign.attach', '019ca90e-1be2-7923-b80d-6da3698bd68c', '{"audience":"019ca90e-1beb-7803-bd56-2cb57162c29c"}');
INSERT INTO fixture.audit VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1eb4-7ae2-bd8a-de2f4a1e72e0', 1772362800821, 'gen', 'campaign.attach', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '{"audience":"019ca90e-1e93-798a-8c37-2e58918c853f"}');
INSERT INTO fixture.audit VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2102-74a9-a48b-d5754cdbc720', 1772362801411, 'gen', 'campaign.attach', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '{"audience":"019ca90e-20f3-7b4d-b0eb-5ed274dc17a1"}');
INSERT INTO fixture.audit VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2194-7b4e-a1ad-6e5c278e96ac', 1772362801557, 'gen', 'tenant.create', '019ca90e-2192-79e1-9d21-fd5016e1f2f2', '{"key":"globex"}');
INSERT INTO fixture.audit VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21f3-7727-ab55-2b37ecfe01f5', 1772362801652, 'gen', 'campaign.attach', '019ca90e-21d5-713a-9090-ed98c1648e88', '{"audience":"019ca90e-21dc-7d63-b5ff-a10edfe4b79f"}');
INSERT INTO fixture.audit VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2387-7a0f-92ec-168d02131fdd', 1772362802056, 'gen', 'campaign.attach', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '{"audience":"019ca90e-2374-73db-8309-d334e6fd62e0"}');
INSERT INTO fixture.audit VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-24f8-7ea4-b2ab-d3e33f5f8b50', 1772362802425, 'gen', 'tenant.create', '019ca90e-24f6-7a5f-894a-66b806ada859', '{"key":"initech"}');
INSERT INTO fixture.audit VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-251d-7e38-9050-0839a27684aa', 1772362802462, 'gen', 'campaign.attach', '019ca90e-250f-7542-963b-64b00fe90c8a', '{"audience":"019ca90e-2514-7ea0-8f76-eb01198cbc8d"}');


--
-- Data for Name: bounce_facts; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: bounce_policies; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: bounce_settings; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: campaign_audiences; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.campaign_audiences VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1beb-7803-bd56-2cb57162c29c', 1772362800133);
INSERT INTO fixture.campaign_audiences VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1e93-798a-8c37-2e58918c853f', 1772362800819);
INSERT INTO fixture.campaign_audiences VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-20f3-7b4d-b0eb-5ed274dc17a1', 1772362801409);
INSERT INTO fixture.campaign_audiences VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21dc-7d63-b5ff-a10edfe4b79f', 1772362801650);
INSERT INTO fixture.campaign_audiences VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-2374-73db-8309-d334e6fd62e0', 1772362802054);
INSERT INTO fixture.campaign_audiences VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-250f-7542-963b-64b00fe90c8a', '019ca90e-2514-7ea0-8f76-eb01198cbc8d', 1772362802460);


--
-- Data for Name: campaign_stats; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.campaign_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 24, 0, 24, 21, 15, 3, 5, 1, 4, 73, 18, 13, 19, 6, 45, 21, 17, 17, 0, 0, 0);
INSERT INTO fixture.campaign_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 26, 0, 26, 23, 18, 3, 4, 2, 3, 52, 22, 16, 22, 4, 44, 20, 15, 19, 0, 0, 0);
INSERT INTO fixture.campaign_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 6, 0, 6, 5, 4, 1, 1, 0, 1, 11, 5, 3, 6, 1, 14, 6, 5, 4, 0, 0, 0);
INSERT INTO fixture.campaign_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 20, 0, 20, 17, 14, 3, 2, 0, 1, 38, 15, 12, 21, 3, 20, 13, 8, 8, 0, 0, 0);
INSERT INTO fixture.campaign_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 13, 0, 13, 11, 7, 2, 1, 1, 2, 44, 11, 11, 6, 2, 23, 12, 9, 9, 0, 0, 0);
INSERT INTO fixture.campaign_stats VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-250f-7542-963b-64b00fe90c8a', 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);


--
-- Data for Name: campaigns; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.campaigns VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 'spring', NULL, 'spring!', NULL, 'news@acme.example', NULL, NULL, 'hi', 0, 0, 1, 0, 1772362800099, 1772362800099);
INSERT INTO fixture.campaigns VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 'summer', NULL, 'summer!', NULL, 'news@acme.example', NULL, NULL, 'hi', 0, 0, 1, 0, 1772362800781, 1772362800781);
INSERT INTO fixture.campaigns VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 'autumn', NULL, 'autumn!', NULL, 'news@acme.example', NULL, NULL, 'hi', 0, 0, 1, 0, 1772362801391, 1772362801391);
INSERT INTO fixture.campaigns VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 'launch', NULL, 'launch!', NULL, 'news@globex.example', NULL, NULL, 'hi', 0, 0, 1, 0, 1772362801622, 1772362801622);
INSERT INTO fixture.campaigns VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 'promo', NULL, 'promo!', NULL, 'news@globex.example', NULL, NULL, 'hi', 0, 0, 1, 0, 1772362802030, 1772362802030);
INSERT INTO fixture.campaigns VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-250f-7542-963b-64b00fe90c8a', 'quiet', NULL, 'quiet!', NULL, 'news@initech.example', NULL, NULL, 'hi', 0, 0, 1, 0, 1772362802448, 1772362802448);


--
-- Data for Name: contact_fields; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: contacts; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 'user3@acme.example', 'user3@acme.example', 'User 3', 1, 1772362800018, 1772362800018, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b94-7239-837c-fe9bee450b27', 'user4@acme.example', 'user4@acme.example', 'User 4', 1, 1772362800021, 1772362800021, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b9a-76cb-8416-47b19371789d', 'user6@acme.example', 'user6@acme.example', 'User 6', 1, 1772362800027, 1772362800027, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b9d-721f-8125-e7ce061dd314', 'user7@acme.example', 'user7@acme.example', 'User 7', 1, 1772362800030, 1772362800030, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 'user11@acme.example', 'user11@acme.example', 'User 11', 1, 1772362800042, 1772362800042, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bac-7797-99f4-484db6137728', 'user12@acme.example', 'user12@acme.example', 'User 12', 1, 1772362800045, 1772362800045, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 'user14@acme.example', 'user14@acme.example', 'User 14', 1, 1772362800051, 1772362800051, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 'user15@acme.example', 'user15@acme.example', 'User 15', 1, 1772362800054, 1772362800054, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 'user16@acme.example', 'user16@acme.example', 'User 16', 1, 1772362800057, 1772362800057, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bbb-7033-b23a-524c32ef367c', 'user17@acme.example', 'user17@acme.example', 'User 17', 1, 1772362800060, 1772362800060, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 'user18@acme.example', 'user18@acme.example', 'User 18', 1, 1772362800063, 1772362800063, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 'user19@acme.example', 'user19@acme.example', 'User 19', 1, 1772362800066, 1772362800066, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 'user20@acme.example', 'user20@acme.example', 'User 20', 1, 1772362800069, 1772362800069, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 'user21@acme.example', 'user21@acme.example', 'User 21', 1, 1772362800072, 1772362800072, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 'user22@acme.example', 'user22@acme.example', 'User 22', 1, 1772362800075, 1772362800075, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bd0-7b29-9081-993098370785', 'user24@acme.example', 'user24@acme.example', 'User 24', 1, 1772362800081, 1772362800081, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bd6-7db3-a070-28b3a1da43a2', 'user26@acme.example', 'user26@acme.example', 'User 26', 1, 1772362800087, 1772362800087, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bd9-7ef7-96d3-8dfc5fb21b15', 'user27@acme.example', 'user27@acme.example', 'User 27', 1, 1772362800090, 1772362800090, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bdc-748c-8623-0782fee1fe38', 'user28@acme.example', 'user28@acme.example', 'User 28', 1, 1772362800093, 1772362800093, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bdf-7bbe-b9f5-7161d42f9ff2', 'user29@acme.example', 'user29@acme.example', 'User 29', 1, 1772362800096, 1772362800096, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b8b-7234-8911-5f7471e6c651', 'user1@acme.example', 'user1@acme.example', 'User 1', 2, 1772362800012, 1772362800190, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ba0-7fc3-9e83-2612c394ad59', 'user8@acme.example', 'user8@acme.example', 'User 8', 3, 1772362800033, 1772362800568, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1baf-78b2-aad1-1dfdeb1ff014', 'user13@acme.example', 'user13@acme.example', 'User 13', 2, 1772362800048, 1772362800571, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 'user23@acme.example', 'user23@acme.example', 'User 23', 2, 1772362800078, 1772362800778, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b88-7720-a77c-53fdebf48b47', 'user0@acme.example', 'user0@acme.example', 'User 0', 3, 1772362800009, 1772362800873, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 'user2@acme.example', 'user2@acme.example', 'User 2', 3, 1772362800015, 1772362801079, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ba3-7956-8489-98fdda911ae0', 'user9@acme.example', 'user9@acme.example', 'User 9', 2, 1772362800036, 1772362801083, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 'user10@acme.example', 'user10@acme.example', 'User 10', 2, 1772362800039, 1772362801085, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bd3-7ca7-989f-677ccc71b372', 'user25@acme.example', 'user25@acme.example', 'User 25', 2, 1772362800084, 1772362801323, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b97-790f-a338-ce6aeca1e449', 'user5@acme.example', 'user5@acme.example', 'User 5', 2, 1772362800024, 1772362801552, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 'user1@globex.example', 'user1@globex.example', 'User 1', 1, 1772362801565, 1772362801565, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 'user3@globex.example', 'user3@globex.example', 'User 3', 1, 1772362801571, 1772362801571, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 'user5@globex.example', 'user5@globex.example', 'User 5', 1, 1772362801577, 1772362801577, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 'user6@globex.example', 'user6@globex.example', 'User 6', 1, 1772362801580, 1772362801580, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21ae-707a-b374-37a6fd48781e', 'user7@globex.example', 'user7@globex.example', 'User 7', 1, 1772362801583, 1772362801583, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21b1-7837-b634-a762982272c5', 'user8@globex.example', 'user8@globex.example', 'User 8', 1, 1772362801586, 1772362801586, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21b4-7859-8678-d202b1981644', 'user9@globex.example', 'user9@globex.example', 'User 9', 1, 1772362801589, 1772362801589, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21b7-71bf-acf0-47f66b534ca7', 'user10@globex.example', 'user10@globex.example', 'User 10', 1, 1772362801592, 1772362801592, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 'user12@globex.example', 'user12@globex.example', 'User 12', 1, 1772362801598, 1772362801598, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 'user13@globex.example', 'user13@globex.example', 'User 13', 1, 1772362801601, 1772362801601, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 'user15@globex.example', 'user15@globex.example', 'User 15', 1, 1772362801607, 1772362801607, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21c9-7950-8533-6aefe930142b', 'user16@globex.example', 'user16@globex.example', 'User 16', 1, 1772362801610, 1772362801610, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21cc-7ccb-ab99-0c5a998dbd63', 'user17@globex.example', 'user17@globex.example', 'User 17', 1, 1772362801613, 1772362801613, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d2-7da5-9597-0086fc4e4241', 'user19@globex.example', 'user19@globex.example', 'User 19', 1, 1772362801619, 1772362801619, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21a5-7580-b48e-da722810eab0', 'user4@globex.example', 'user4@globex.example', 'User 4', 2, 1772362801574, 1772362801914, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21cf-7773-8ad6-0560545d4466', 'user18@globex.example', 'user18@globex.example', 'User 18', 2, 1772362801616, 1772362801973, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21c3-7d83-bb07-64941b464323', 'user14@globex.example', 'user14@globex.example', 'User 14', 2, 1772362801604, 1772362802027, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2199-77dd-be1a-bfb178d04abe', 'user0@globex.example', 'user0@globex.example', 'User 0', 3, 1772362801562, 1772362802083, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 'user11@globex.example', 'user11@globex.example', 'User 11', 2, 1772362801595, 1772362802267, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 'user2@globex.example', 'user2@globex.example', 'User 2', 2, 1772362801568, 1772362802390, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-24fd-73ab-9c8e-df0eb1c7ed37', 'user0@initech.example', 'user0@initech.example', 'User 0', 1, 1772362802430, 1772362802430, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2500-74d6-82a7-518b5faefc2f', 'user1@initech.example', 'user1@initech.example', 'User 1', 1, 1772362802433, 1772362802433, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2503-7d36-8b9e-07ee325b48b8', 'user2@initech.example', 'user2@initech.example', 'User 2', 1, 1772362802436, 1772362802436, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2506-7a37-ace2-19bc6cbe5fb2', 'user3@initech.example', 'user3@initech.example', 'User 3', 1, 1772362802439, 1772362802439, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2509-7af5-88af-35f1e7f52f49', 'user4@initech.example', 'user4@initech.example', 'User 4', 1, 1772362802442, 1772362802442, 0, NULL, NULL);
INSERT INTO fixture.contacts VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-250c-7cb0-93ff-4a4da9f5826c', 'user5@initech.example', 'user5@initech.example', 'User 5', 1, 1772362802445, 1772362802445, 0, NULL, NULL);


--
-- Data for Name: deadletters; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: events; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c24-74f7-913d-f14a4aef061e', '019ca90e-1c09-72f1-9aea-faa6bbd8fd6d', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772375460000, 1772362800163, 1772373600000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-1', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c28-7eb1-91a7-b514d7a92faf', '019ca90e-1c09-72f1-9aea-faa6bbd8fd6d', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772375880000, 1772362800167, 1772373600000, 5, 0, 0, 0, 0, 1, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-2', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c2c-72cd-8fcc-48869ff50215', '019ca90e-1c09-72f1-9aea-faa6bbd8fd6d', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772376300000, 1772362800171, 1772373600000, 8, 0, 0, 2, 1, 32, NULL, NULL, 'esp', 'ev-3', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c31-7cac-a206-da50e30fd3e3', '019ca90e-1c09-72f1-9aea-faa6bbd8fd6d', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772376720000, 1772362800176, 1772373600000, 5, 0, 0, 0, 0, 0, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-4', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c35-7300-88fb-979625f40943', '019ca90e-1c0a-7841-a291-f96713dfae5e', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8b-7234-8911-5f7471e6c651', 1772370720000, 1772362800180, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-5', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c39-7cdc-bb2e-1bd12be8e110', '019ca90e-1c0a-7841-a291-f96713dfae5e', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8b-7234-8911-5f7471e6c651', 1772371140000, 1772362800184, 1772370000000, 5, 0, 0, 0, 0, 1, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-6', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c3d-7d4e-8691-6c9fe24b31a1', '019ca90e-1c0a-7841-a291-f96713dfae5e', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8b-7234-8911-5f7471e6c651', 1772371560000, 1772362800188, 1772370000000, 6, 1, 0, 0, 0, 23, NULL, NULL, 'esp', 'ev-7', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c43-7e72-891d-7bfcb9c90fdd', '019ca90e-1c0a-7841-a291-f96713dfae5e', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8b-7234-8911-5f7471e6c651', 1772371980000, 1772362800194, 1772370000000, 5, 0, 0, 0, 0, 128, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-8', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c47-7de3-b8c1-b309d8a44f2f', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772385960000, 1772362800198, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-9', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c4b-7a03-aa2b-bb52f606cf84', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772386380000, 1772362800202, 1772384400000, 5, 0, 0, 0, 0, 1, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-10', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c4f-76eb-ab72-b62f10db745c', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772386800000, 1772362800206, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-11', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c53-70ff-8edd-0418e9419245', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772387220000, 1772362800210, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-12', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c57-7ccf-b36e-3ac81499617f', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772387640000, 1772362800214, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-13', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c5b-790b-87aa-bb4aec2fd24d', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772388060000, 1772362800218, 1772388000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-14', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c5f-748d-a206-0c622993511e', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772386380000, 1772362800222, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-15', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c63-78a3-a3a0-e1c7d24aebe5', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772388900000, 1772362800226, 1772388000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-16', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c67-7caa-a313-ae45f671180b', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772389320000, 1772362800230, 1772388000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-17', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c6b-7cfe-815b-76be8516c936', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772389740000, 1772362800234, 1772388000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-18', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c6f-7cd6-87d8-155a7e0998a3', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772390160000, 1772362800238, 1772388000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-19', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c73-78d2-af65-7523475c823d', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772386380000, 1772362800242, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-20', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c77-7449-bed3-2670621bf804', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772386380000, 1772362800246, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-21', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c7b-7bed-bfd9-d2d91ccc5859', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772386380000, 1772362800250, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-22', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c7f-7cdb-8448-c859068f0735', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772391840000, 1772362800254, 1772391600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-23', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c83-7d9d-acdd-885790daad72', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772392260000, 1772362800258, 1772391600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-24', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c87-7eb8-acab-a08c2e133b63', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772392680000, 1772362800262, 1772391600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-25', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c8b-7977-a853-24e3f0638c06', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772393100000, 1772362800266, 1772391600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-26', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c8f-726f-92c5-54e488bd6b30', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772393520000, 1772362800270, 1772391600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-27', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c93-749f-8029-8ad744546aa9', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772393940000, 1772362800274, 1772391600000, 5, 0, 0, 0, 0, 0, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-28', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c97-77b6-be5f-7de0198a0be2', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772369640000, 1772362800278, 1772366400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-29', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c9b-7d5d-b876-2a4d27e02789', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772370060000, 1772362800282, 1772370000000, 5, 0, 0, 0, 0, 1, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-30', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c9f-7a91-a0e0-c7ac4af9e883', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772370480000, 1772362800286, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-31', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ca3-745c-b607-533d2883b391', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772370900000, 1772362800290, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-32', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ca7-7a95-b8b4-97429d3ef01a', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772371320000, 1772362800294, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-33', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cab-7b4d-84c6-c9e8b4a91cbf', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772371740000, 1772362800298, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-34', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1caf-75a2-a4a2-d5e05c0e41cc', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772372160000, 1772362800302, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-35', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cb3-73a4-a321-280d2c973563', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772372580000, 1772362800306, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-36', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cb7-728e-bd44-c77028b24953', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772370060000, 1772362800310, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-37', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cbb-7f5d-9b28-e8f28c0f700b', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772373420000, 1772362800314, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-38', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cbf-7244-b259-1bb708995f1f', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772373840000, 1772362800318, 1772373600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-39', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cc3-757c-957e-923e14ba658c', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772374260000, 1772362800322, 1772373600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-40', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cc7-7c50-8765-a6c9b0bfabb1', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772374680000, 1772362800326, 1772373600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-41', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ccb-76fc-822f-fcc7169e4b1f', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772375100000, 1772362800330, 1772373600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-42', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ccf-7ff5-ad3f-2cb43722eaa0', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772375520000, 1772362800334, 1772373600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-43', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cd3-73c1-baf9-5768b2c9c2b3', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772370060000, 1772362800338, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-44', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cd7-7c4f-9567-42d09f88ed3d', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772370060000, 1772362800342, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-45', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cdb-7159-9a6c-9f93980c31c0', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772376780000, 1772362800346, 1772373600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-46', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cdf-74e5-b34e-ccd1bf2340eb', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772377200000, 1772362800350, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-47', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ce3-7354-a01b-5f0abb3ab921', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772377620000, 1772362800354, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-48', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ce7-757b-b2e8-07baca2965b4', '019ca90e-1c0f-7933-b41c-69d62c8ba542', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772372040000, 1772362800358, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-60', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ceb-78ad-8e87-d1d08ec15fa6', '019ca90e-1c0f-7933-b41c-69d62c8ba542', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772372460000, 1772362800362, 1772370000000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-61', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cef-7722-b482-94bda8e41863', '019ca90e-1c0f-7933-b41c-69d62c8ba542', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772372880000, 1772362800366, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-62', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cf3-7163-945d-20d09c9dbe6e', '019ca90e-1c0f-7933-b41c-69d62c8ba542', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772373300000, 1772362800370, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-63', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cf7-75c3-b9ef-a551ea259056', '019ca90e-1c0f-7933-b41c-69d62c8ba542', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772373720000, 1772362800374, 1772373600000, 5, 0, 0, 0, 0, 0, '019ca90e-1be7-78d2-86e1-28a5e39d1a93', NULL, 'esp', 'ev-64', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cfb-7877-8fb0-e36231d2c17b', '019ca90e-1c0f-7933-b41c-69d62c8ba542', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772374140000, 1772362800378, 1772373600000, 5, 0, 1, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-65', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1cff-723d-88a8-4fe16f182205', '019ca90e-1c0f-7933-b41c-69d62c8ba542', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772374560000, 1772362800382, 1772373600000, 5, 0, 0, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-66', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d03-7c00-a556-c11e887dd010', '019ca90e-1c0f-7933-b41c-69d62c8ba542', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772374980000, 1772362800386, 1772373600000, 8, 0, 0, 2, 1, 32, NULL, NULL, 'esp', 'ev-67', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d08-738c-a09e-6b15fb39c2fa', '019ca90e-1c12-7da6-904d-aa47ad0b41b5', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772375160000, 1772362800391, 1772373600000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-80', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d0c-7a2f-ad68-4e96d16c320f', '019ca90e-1c12-7da6-904d-aa47ad0b41b5', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772375580000, 1772362800395, 1772373600000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-81', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d10-7446-bb95-2299f128769a', '019ca90e-1c12-7da6-904d-aa47ad0b41b5', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772376000000, 1772362800399, 1772373600000, 5, 0, 0, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-82', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d14-7449-b1ed-96833da3694d', '019ca90e-1c12-7da6-904d-aa47ad0b41b5', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772376420000, 1772362800403, 1772373600000, 6, 2, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-83', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d18-7f60-a871-6f10f4450487', '019ca90e-1c15-7167-badd-d82d3e5dcb0a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bac-7797-99f4-484db6137728', 1772378760000, 1772362800407, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-96', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d1c-77a1-ae98-0d2759f5dc73', '019ca90e-1c15-7167-badd-d82d3e5dcb0a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bac-7797-99f4-484db6137728', 1772379180000, 1772362800411, 1772377200000, 3, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-97', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d20-7b83-80f3-1baeb89491a7', '019ca90e-1c15-7167-badd-d82d3e5dcb0a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bac-7797-99f4-484db6137728', 1772379600000, 1772362800415, 1772377200000, 4, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-98', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d24-757c-a1c0-866864c69622', '019ca90e-1c15-7167-badd-d82d3e5dcb0a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bac-7797-99f4-484db6137728', 1772379180000, 1772362800419, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-99', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d28-78b6-a37d-e53b077bbff0', '019ca90e-1c15-7167-badd-d82d3e5dcb0a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bac-7797-99f4-484db6137728', 1772380440000, 1772362800423, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-100', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d2c-7a85-9899-4e731bc468eb', '019ca90e-1c15-7167-badd-d82d3e5dcb0a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bac-7797-99f4-484db6137728', 1772379180000, 1772362800427, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-101', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d30-7701-856c-3251f6fe04b0', '019ca90e-1c15-7167-badd-d82d3e5dcb0a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bac-7797-99f4-484db6137728', 1772381280000, 1772362800431, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1be7-78d2-86e1-28a5e39d1a93', NULL, 'esp', 'ev-102', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d34-7045-a50d-c818c5eea88e', '019ca90e-1c15-7167-badd-d82d3e5dcb0a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bac-7797-99f4-484db6137728', 1772381700000, 1772362800435, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-1be7-78d2-86e1-28a5e39d1a93', NULL, 'esp', 'ev-103', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d38-7914-9fc0-cf6e54fae40e', '019ca90e-1c15-7167-badd-d82d3e5dcb0a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bac-7797-99f4-484db6137728', 1772382120000, 1772362800439, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-104', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d65-7bad-bda8-0e2fc3944536', '019ca90e-1c0d-7cc6-b9da-6f84ac02f8a2', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772377620000, 1772362800484, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-49', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d67-7248-9425-1355dd2655b6', '019ca90e-1c0d-7cc6-b9da-6f84ac02f8a2', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772378040000, 1772362800486, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-50', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d69-7375-b8bc-b172523de52f', '019ca90e-1c0d-7cc6-b9da-6f84ac02f8a2', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772378460000, 1772362800488, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-51', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d6b-766a-be52-c403d2f55ec1', '019ca90e-1c0d-7cc6-b9da-6f84ac02f8a2', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772378880000, 1772362800490, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-52', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d6d-74d4-95eb-650fffb65666', '019ca90e-1c0d-7cc6-b9da-6f84ac02f8a2', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772379300000, 1772362800492, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-53', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d6f-787e-839d-4b9782c5f2be', '019ca90e-1c0d-7cc6-b9da-6f84ac02f8a2', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772379720000, 1772362800494, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-54', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d71-7104-aeab-b2669ad4935d', '019ca90e-1c0d-7cc6-b9da-6f84ac02f8a2', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772380140000, 1772362800496, 1772377200000, 5, 0, 1, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-55', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d73-7fa3-96e4-dfd806b8d791', '019ca90e-1c0e-7911-b2b8-5c39a8279d6c', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772367420000, 1772362800498, 1772366400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-56', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d75-7cdb-a737-f2d6570d992d', '019ca90e-1c0e-7911-b2b8-5c39a8279d6c', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772367840000, 1772362800500, 1772366400000, 4, 0, 1, 0, 0, 1, NULL, NULL, 'esp', 'ev-57', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d77-74d8-bc55-e29a7f6b6bb4', '019ca90e-1c0e-7911-b2b8-5c39a8279d6c', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772368260000, 1772362800502, 1772366400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-58', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d79-7183-ae95-a8a44c7656bf', '019ca90e-1c0e-7911-b2b8-5c39a8279d6c', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772368680000, 1772362800504, 1772366400000, 5, 0, 1, 0, 0, 0, '019ca90e-1be7-78d2-86e1-28a5e39d1a93', NULL, 'esp', 'ev-59', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d7b-73b7-8fd6-8a4e7b331377', '019ca90e-1c10-7d20-ae77-f4fd4e0b2bc4', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772383680000, 1772362800506, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-68', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d7d-7e11-8575-592d306796e8', '019ca90e-1c10-7d20-ae77-f4fd4e0b2bc4', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772384100000, 1772362800508, 1772380800000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-69', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d7f-700e-9183-126712c47c92', '019ca90e-1c10-7d20-ae77-f4fd4e0b2bc4', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772384520000, 1772362800510, 1772384400000, 5, 0, 1, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-70', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d81-7609-8452-dc96db199e0c', '019ca90e-1c10-7d20-ae77-f4fd4e0b2bc4', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772384940000, 1772362800512, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-71', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d83-7be9-ab8b-68756e04e717', '019ca90e-1c10-7d20-ae77-f4fd4e0b2bc4', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772385360000, 1772362800514, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-72', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d85-7dd6-9240-cb20ca76f0d6', '019ca90e-1c10-7d20-ae77-f4fd4e0b2bc4', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772385780000, 1772362800516, 1772384400000, 6, 2, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-73', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d87-7461-aa17-39637fd6c0ca', '019ca90e-1c11-74b6-8e42-070f352265fc', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba0-7fc3-9e83-2612c394ad59', 1772372580000, 1772362800518, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-74', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d89-7d1a-a1e0-574538fa13a3', '019ca90e-1c11-74b6-8e42-070f352265fc', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba0-7fc3-9e83-2612c394ad59', 1772373000000, 1772362800520, 1772370000000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-75', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d8b-7fdb-8b1d-702013722e7d', '019ca90e-1c11-74b6-8e42-070f352265fc', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba0-7fc3-9e83-2612c394ad59', 1772373420000, 1772362800522, 1772370000000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-76', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d8d-74d5-bd73-79aba7a72fef', '019ca90e-1c11-74b6-8e42-070f352265fc', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba0-7fc3-9e83-2612c394ad59', 1772373840000, 1772362800524, 1772373600000, 5, 0, 0, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-77', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d8f-7b95-ba5f-22ee920b0f43', '019ca90e-1c11-74b6-8e42-070f352265fc', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba0-7fc3-9e83-2612c394ad59', 1772374260000, 1772362800526, 1772373600000, 5, 0, 1, 0, 0, 0, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-78', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d91-737f-86a5-0fc6ad480a9d', '019ca90e-1c11-74b6-8e42-070f352265fc', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba0-7fc3-9e83-2612c394ad59', 1772374680000, 1772362800528, 1772373600000, 7, 0, 0, 0, 0, 56, NULL, NULL, 'esp', 'ev-79', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d93-7c2d-82dc-82d407933754', '019ca90e-1c13-7579-bc4a-bd6cc24d82bb', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772371800000, 1772362800530, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-84', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d95-7678-818d-4bbb38f56389', '019ca90e-1c13-7579-bc4a-bd6cc24d82bb', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772372220000, 1772362800532, 1772370000000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-85', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d97-76cd-a485-10f3220b4238', '019ca90e-1c13-7579-bc4a-bd6cc24d82bb', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772372640000, 1772362800534, 1772370000000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-86', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d99-71ac-b54c-f69cd6a1cfb2', '019ca90e-1c13-7579-bc4a-bd6cc24d82bb', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772373060000, 1772362800536, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-87', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d9b-79ae-b80d-7193200c7f05', '019ca90e-1c13-7579-bc4a-bd6cc24d82bb', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772373480000, 1772362800538, 1772370000000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-88', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d9d-7a7b-a21c-971a4321eb9e', '019ca90e-1c13-7579-bc4a-bd6cc24d82bb', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772372220000, 1772362800540, 1772370000000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-89', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1d9f-77f8-94e6-05fdd1663d83', '019ca90e-1c14-7953-9859-9967989ca151', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772377200000, 1772362800542, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-90', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1da1-73f8-aaed-859846d6b50a', '019ca90e-1c14-7953-9859-9967989ca151', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772377620000, 1772362800544, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-91', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1da3-7d42-afc5-ae23cd63bb6b', '019ca90e-1c14-7953-9859-9967989ca151', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772378040000, 1772362800546, 1772377200000, 5, 0, 1, 0, 0, 0, '019ca90e-1be7-78d2-86e1-28a5e39d1a93', NULL, 'esp', 'ev-92', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1da5-7372-aa2b-fa7efec0a231', '019ca90e-1c14-7953-9859-9967989ca151', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772378460000, 1772362800548, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-93', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1da7-789a-b0b6-f98cbabcd401', '019ca90e-1c14-7953-9859-9967989ca151', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772378880000, 1772362800550, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-94', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1da9-755f-9253-821fe0bdaca1', '019ca90e-1c14-7953-9859-9967989ca151', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772379300000, 1772362800552, 1772377200000, 6, 2, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-95', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1dab-77a7-addd-1992fa4361d4', '019ca90e-1c16-7007-8e6e-a0c65f0ce754', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1baf-78b2-aad1-1dfdeb1ff014', 1772383380000, 1772362800554, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-105', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1dad-7611-acee-258c28f74ffc', '019ca90e-1c16-7007-8e6e-a0c65f0ce754', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1baf-78b2-aad1-1dfdeb1ff014', 1772383800000, 1772362800556, 1772380800000, 3, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-106', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1daf-709e-b7be-7eddd3fbfdf0', '019ca90e-1c16-7007-8e6e-a0c65f0ce754', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1baf-78b2-aad1-1dfdeb1ff014', 1772384220000, 1772362800558, 1772380800000, 4, 0, 1, 0, 0, 1, NULL, NULL, 'esp', 'ev-107', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1db1-7d49-853b-3cef7c0979c3', '019ca90e-1c16-7007-8e6e-a0c65f0ce754', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1baf-78b2-aad1-1dfdeb1ff014', 1772383800000, 1772362800560, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-108', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1db3-77f1-a30d-296efabb9464', '019ca90e-1c16-7007-8e6e-a0c65f0ce754', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1baf-78b2-aad1-1dfdeb1ff014', 1772385060000, 1772362800562, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-109', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1db5-74c4-9adc-9f175314f34c', '019ca90e-1c16-7007-8e6e-a0c65f0ce754', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1baf-78b2-aad1-1dfdeb1ff014', 1772383800000, 1772362800564, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-110', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1db7-79bf-8634-bf330190f578', '019ca90e-1c16-7007-8e6e-a0c65f0ce754', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1baf-78b2-aad1-1dfdeb1ff014', 1772385900000, 1772362800566, 1772384400000, 6, 1, 0, 0, 0, 23, NULL, NULL, 'esp', 'ev-111', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1dc0-771b-96e8-722b7e99bd7b', '019ca90e-1c18-7eee-93c7-59c8e00b381a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772379900000, 1772362800575, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-118', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1dc4-7b6f-ba29-7487278936a9', '019ca90e-1c18-7eee-93c7-59c8e00b381a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772380320000, 1772362800579, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-119', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1dc8-7b7d-a99e-f6667c6854db', '019ca90e-1c18-7eee-93c7-59c8e00b381a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772380740000, 1772362800583, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-120', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1dcc-7707-a7fa-dda754f20334', '019ca90e-1c18-7eee-93c7-59c8e00b381a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772381160000, 1772362800587, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1be7-78d2-86e1-28a5e39d1a93', NULL, 'esp', 'ev-121', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1dd0-7c1f-a6a4-889fb9e38596', '019ca90e-1c18-7eee-93c7-59c8e00b381a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772381580000, 1772362800591, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-122', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1dd4-79dd-b47c-c102588017d5', '019ca90e-1c18-7eee-93c7-59c8e00b381a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772382000000, 1772362800595, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-123', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1dd8-7b9f-af55-256a91e2a8e6', '019ca90e-1c1b-77d7-84cf-4d2c40d5764b', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772376420000, 1772362800599, 1772373600000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-133', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ddc-7241-b387-88a09ecb755d', '019ca90e-1c1b-77d7-84cf-4d2c40d5764b', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772376840000, 1772362800603, 1772373600000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-134', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1de0-7ff0-a06f-dfa2430183fc', '019ca90e-1c1b-77d7-84cf-4d2c40d5764b', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772377260000, 1772362800607, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-135', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1de4-7824-ae94-76747c8a6163', '019ca90e-1c1b-77d7-84cf-4d2c40d5764b', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772377680000, 1772362800611, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-136', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1de8-7fa3-966f-4a458483d83e', '019ca90e-1c1b-77d7-84cf-4d2c40d5764b', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772378100000, 1772362800615, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-1be7-78d2-86e1-28a5e39d1a93', NULL, 'esp', 'ev-137', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1dec-76a7-8567-90b2e4e0f9b0', '019ca90e-1c1b-77d7-84cf-4d2c40d5764b', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772378520000, 1772362800619, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-1be7-78d2-86e1-28a5e39d1a93', NULL, 'esp', 'ev-138', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1df0-7aab-a627-b7a1fc3c84fc', '019ca90e-1c1e-7d17-b7b0-5a5353fc8a85', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1772385960000, 1772362800623, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-152', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1df4-7cff-9392-5cd7c4c7b1c2', '019ca90e-1c1e-7d17-b7b0-5a5353fc8a85', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1772386380000, 1772362800627, 1772384400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-153', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1df8-7a65-b219-9537aa71daa3', '019ca90e-1c1e-7d17-b7b0-5a5353fc8a85', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1772386800000, 1772362800631, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-154', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1dfc-7cc1-909b-1d9482bb7c80', '019ca90e-1c1e-7d17-b7b0-5a5353fc8a85', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1772387220000, 1772362800635, 1772384400000, 6, 2, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-155', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e2d-7b09-aa6f-853c2328c21f', '019ca90e-1c17-749a-a79d-9f6745df6ce5', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772383020000, 1772362800684, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-112', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e2f-724f-8d06-4e92c5e18df6', '019ca90e-1c17-749a-a79d-9f6745df6ce5', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772383440000, 1772362800686, 1772380800000, 4, 0, 1, 0, 0, 1, NULL, NULL, 'esp', 'ev-113', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e31-766b-9b20-0439716c7bf5', '019ca90e-1c17-749a-a79d-9f6745df6ce5', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772383860000, 1772362800688, 1772380800000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-114', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e33-720f-8287-7480ccb38139', '019ca90e-1c17-749a-a79d-9f6745df6ce5', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772384280000, 1772362800690, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-115', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e35-7b0c-94f5-74c481cc2c12', '019ca90e-1c17-749a-a79d-9f6745df6ce5', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772384700000, 1772362800692, 1772384400000, 6, 2, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-116', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e37-7586-b24c-27178a68411b', '019ca90e-1c17-749a-a79d-9f6745df6ce5', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772385120000, 1772362800694, 1772384400000, 8, 0, 0, 2, 1, 32, NULL, NULL, 'esp', 'ev-117', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e39-7ea3-8c76-a1ba0492aa6e', '019ca90e-1c19-738a-8ed1-63eece840a49', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772370780000, 1772362800696, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-124', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e3b-7005-b7ac-b71bdd6389d8', '019ca90e-1c19-738a-8ed1-63eece840a49', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772371200000, 1772362800698, 1772370000000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-125', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e3d-7da0-9e30-6da74a149518', '019ca90e-1c19-738a-8ed1-63eece840a49', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772371620000, 1772362800700, 1772370000000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-126', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e3f-7107-9909-5b16efdd0449', '019ca90e-1c19-738a-8ed1-63eece840a49', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772372040000, 1772362800702, 1772370000000, 5, 0, 1, 0, 0, 0, '019ca90e-1be7-78d2-86e1-28a5e39d1a93', NULL, 'esp', 'ev-127', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e41-7bda-8224-56fba1028758', '019ca90e-1c19-738a-8ed1-63eece840a49', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772372460000, 1772362800704, 1772370000000, 8, 0, 0, 2, 1, 32, NULL, NULL, 'esp', 'ev-128', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e43-729e-9c9a-666d6ffb3fc9', '019ca90e-1c1a-7ee2-9801-8238f5b2d87d', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1772368800000, 1772362800706, 1772366400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-129', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e45-7c08-a1db-bb92730f568b', '019ca90e-1c1a-7ee2-9801-8238f5b2d87d', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1772369220000, 1772362800708, 1772366400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-130', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e47-73e8-9358-51f1536965ea', '019ca90e-1c1a-7ee2-9801-8238f5b2d87d', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1772369640000, 1772362800710, 1772366400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-131', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e49-766d-b605-85d636a9e069', '019ca90e-1c1a-7ee2-9801-8238f5b2d87d', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1772370060000, 1772362800712, 1772370000000, 5, 0, 0, 0, 0, 0, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-132', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e4b-738e-a955-c2dda2b27890', '019ca90e-1c1c-7d76-ad37-172c06059abd', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772379060000, 1772362800714, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-139', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e4d-7947-9040-92c06a73f2e6', '019ca90e-1c1c-7d76-ad37-172c06059abd', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772379480000, 1772362800716, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-140', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e4f-77ca-bc0b-9ffc6bd25e57', '019ca90e-1c1c-7d76-ad37-172c06059abd', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772379900000, 1772362800718, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-141', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e51-7d81-90d4-19eb2ad863a9', '019ca90e-1c1c-7d76-ad37-172c06059abd', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772380320000, 1772362800720, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-142', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e53-7145-8430-171d7e84212c', '019ca90e-1c1d-7560-b9ed-3e37b9c0c390', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772381220000, 1772362800722, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-143', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e55-7ce1-8843-744e3ef4aae4', '019ca90e-1c1d-7560-b9ed-3e37b9c0c390', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772381640000, 1772362800724, 1772380800000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-144', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e57-7d74-9a1b-644f8a3b8f70', '019ca90e-1c1d-7560-b9ed-3e37b9c0c390', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772382060000, 1772362800726, 1772380800000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-145', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e59-7428-b14a-da6f4958f5e8', '019ca90e-1c1d-7560-b9ed-3e37b9c0c390', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772382480000, 1772362800728, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-146', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e5b-7c5f-9d9a-5c68e80b6558', '019ca90e-1c1d-7560-b9ed-3e37b9c0c390', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772382900000, 1772362800730, 1772380800000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-147', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e5d-7f6e-8cf3-b6a94ae0bc6a', '019ca90e-1c1d-7560-b9ed-3e37b9c0c390', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772381640000, 1772362800732, 1772380800000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-148', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e5f-7a10-bace-4324cc18d767', '019ca90e-1c1d-7560-b9ed-3e37b9c0c390', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772383740000, 1772362800734, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-149', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e61-7dfc-bcd9-9e8db1876784', '019ca90e-1c1d-7560-b9ed-3e37b9c0c390', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772384160000, 1772362800736, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-150', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e63-7611-8ce2-7f510dce27fe', '019ca90e-1c1d-7560-b9ed-3e37b9c0c390', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772384580000, 1772362800738, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-1be7-78d2-86e1-28a5e39d1a93', NULL, 'esp', 'ev-151', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e65-7ed5-9e5c-04dc96616e8c', '019ca90e-1c1f-72e9-b383-9e09289cd8a7', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772370540000, 1772362800740, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-156', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e67-7381-8ebc-f3c2b237d110', '019ca90e-1c1f-72e9-b383-9e09289cd8a7', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772370960000, 1772362800742, 1772370000000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-157', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e69-797d-ae32-4624f094295c', '019ca90e-1c1f-72e9-b383-9e09289cd8a7', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772371380000, 1772362800744, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-158', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e6b-750d-b483-3b158295609c', '019ca90e-1c1f-72e9-b383-9e09289cd8a7', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772371800000, 1772362800746, 1772370000000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-159', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e6d-7207-b7e0-9f7aba0b9f0c', '019ca90e-1c1f-72e9-b383-9e09289cd8a7', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772372220000, 1772362800748, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-160', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e6f-72fd-a3ec-4163e9b62f89', '019ca90e-1c1f-72e9-b383-9e09289cd8a7', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772372640000, 1772362800750, 1772370000000, 5, 0, 1, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-161', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e71-71d3-9216-6ad00dcb4244', '019ca90e-1c1f-72e9-b383-9e09289cd8a7', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772373060000, 1772362800752, 1772370000000, 5, 0, 0, 0, 0, 0, '019ca90e-1be9-740c-ae0e-6c5703f85301', NULL, 'esp', 'ev-162', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e73-76d9-a8f1-fff2a75dae24', '019ca90e-1c1f-72e9-b383-9e09289cd8a7', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772373480000, 1772362800754, 1772370000000, 5, 0, 0, 0, 0, 0, '019ca90e-1be7-78d2-86e1-28a5e39d1a93', NULL, 'esp', 'ev-163', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e75-7133-8ac6-f0ff09cbd8cc', '019ca90e-1c20-76ad-b7e8-ab8f65184400', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 1772380320000, 1772362800756, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-164', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e77-7fdf-b21e-9760384859b8', '019ca90e-1c20-76ad-b7e8-ab8f65184400', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 1772380740000, 1772362800758, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-165', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e79-7b9b-885e-2388f697a326', '019ca90e-1c20-76ad-b7e8-ab8f65184400', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 1772381160000, 1772362800760, 1772380800000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-166', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e7b-7f26-a1b3-05cbf2c0bc0c', '019ca90e-1c20-76ad-b7e8-ab8f65184400', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 1772380740000, 1772362800762, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-167', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e7d-747a-9e60-d9b532a82058', '019ca90e-1c20-76ad-b7e8-ab8f65184400', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 1772382000000, 1772362800764, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-168', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e7f-7d5f-9a3b-fccf55d8407b', '019ca90e-1c20-76ad-b7e8-ab8f65184400', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 1772382420000, 1772362800766, 1772380800000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-169', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e81-7f3f-88da-2f62e9799dbe', '019ca90e-1c20-76ad-b7e8-ab8f65184400', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 1772382840000, 1772362800768, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-1be7-78d2-86e1-28a5e39d1a93', NULL, 'esp', 'ev-170', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e83-7692-a601-393e06289abe', '019ca90e-1c20-76ad-b7e8-ab8f65184400', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 1772383260000, 1772362800770, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-171', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e85-7fcc-bde9-f9c24cf7dbb4', '019ca90e-1c20-76ad-b7e8-ab8f65184400', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 1772383680000, 1772362800772, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1be5-7a96-8c09-b40e04b0951c', NULL, 'esp', 'ev-172', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e87-71e1-8434-f6cc6194276c', '019ca90e-1c20-76ad-b7e8-ab8f65184400', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 1772384100000, 1772362800774, 1772380800000, 6, 1, 0, 0, 0, 23, NULL, NULL, 'esp', 'ev-173', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ed4-7bb8-b75f-b901637046c3', '019ca90e-1eb7-7064-8e3b-7f4551850291', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772385720000, 1772362800851, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-174', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ed8-7011-b68d-22e036bc95c2', '019ca90e-1eb7-7064-8e3b-7f4551850291', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772386140000, 1772362800855, 1772384400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-175', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1edc-7ca6-aafb-2803ef2f81ca', '019ca90e-1eb7-7064-8e3b-7f4551850291', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772386560000, 1772362800859, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-176', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ee0-78a2-906a-fa28779bb523', '019ca90e-1eb7-7064-8e3b-7f4551850291', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772386980000, 1772362800863, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-177', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ee4-7196-951d-77214f00dacb', '019ca90e-1eb7-7064-8e3b-7f4551850291', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772387400000, 1772362800867, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-178', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ee8-7977-8358-c4003e572222', '019ca90e-1eb7-7064-8e3b-7f4551850291', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1772387820000, 1772362800871, 1772384400000, 7, 0, 0, 0, 0, 56, NULL, NULL, 'esp', 'ev-179', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1eef-727e-84b8-9ecf8833cd4a', '019ca90e-1eba-76d5-b58c-0f4d2c058fe4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772381400000, 1772362800878, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-193', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ef3-7d24-b79c-b1b3b78434c1', '019ca90e-1eba-76d5-b58c-0f4d2c058fe4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772381820000, 1772362800882, 1772380800000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-194', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ef7-787d-b6d8-89ca1281c6c1', '019ca90e-1eba-76d5-b58c-0f4d2c058fe4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772382240000, 1772362800886, 1772380800000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-195', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1efb-73ef-adf7-95d719aad241', '019ca90e-1eba-76d5-b58c-0f4d2c058fe4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772382660000, 1772362800890, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-196', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1eff-7a4b-a12e-d4f1915699d1', '019ca90e-1eba-76d5-b58c-0f4d2c058fe4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772383080000, 1772362800894, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-197', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f03-710e-a4b1-c214a4c4884a', '019ca90e-1eba-76d5-b58c-0f4d2c058fe4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772383500000, 1772362800898, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-198', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f07-7d91-9981-93357004f74a', '019ca90e-1eba-76d5-b58c-0f4d2c058fe4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772383920000, 1772362800902, 1772380800000, 6, 2, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-199', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f0b-7404-8ca1-533fa3757836', '019ca90e-1ebd-7b71-b9ab-0f7798b6dd07', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772369820000, 1772362800906, 1772366400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-211', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f0f-7149-b595-893c4ef176a4', '019ca90e-1ebd-7b71-b9ab-0f7798b6dd07', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772370240000, 1772362800910, 1772370000000, 3, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-212', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f13-79f0-8299-99cbb11401d0', '019ca90e-1ebd-7b71-b9ab-0f7798b6dd07', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772370660000, 1772362800914, 1772370000000, 5, 0, 0, 0, 0, 1, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-213', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f17-7c2b-943f-6d3b96c3d5f6', '019ca90e-1ebd-7b71-b9ab-0f7798b6dd07', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772371080000, 1772362800918, 1772370000000, 5, 0, 0, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-214', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f1b-7a44-83c1-5153fc92d858', '019ca90e-1ebd-7b71-b9ab-0f7798b6dd07', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772371500000, 1772362800922, 1772370000000, 5, 0, 0, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-215', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f1f-7d21-a5b8-60ff55d2a5a5', '019ca90e-1ec0-74a3-8a51-d4aad0902d22', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772374020000, 1772362800926, 1772373600000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-229', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f23-7bae-a52a-fe0ca0610860', '019ca90e-1ec0-74a3-8a51-d4aad0902d22', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772374440000, 1772362800930, 1772373600000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-230', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f27-7e8f-a136-1b0d605304da', '019ca90e-1ec0-74a3-8a51-d4aad0902d22', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772374860000, 1772362800934, 1772373600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-231', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f2b-7935-b38e-914c24336584', '019ca90e-1ec0-74a3-8a51-d4aad0902d22', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772375280000, 1772362800938, 1772373600000, 5, 0, 1, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-232', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f5c-7eac-a499-a08d7b262ff8', '019ca90e-1eb8-71f0-9aed-b7915b1b1cf4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772383500000, 1772362800987, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-180', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f5e-75aa-8943-1b6eac11a8eb', '019ca90e-1eb8-71f0-9aed-b7915b1b1cf4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772383920000, 1772362800989, 1772380800000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-181', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f60-71ed-a917-12259a47205d', '019ca90e-1eb8-71f0-9aed-b7915b1b1cf4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772384340000, 1772362800991, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-182', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f62-7278-abd2-074484503229', '019ca90e-1eb8-71f0-9aed-b7915b1b1cf4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772383920000, 1772362800993, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-183', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f64-7805-b807-ef3d7da06a6d', '019ca90e-1eb8-71f0-9aed-b7915b1b1cf4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772385180000, 1772362800995, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-184', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f66-7977-9718-5e9995d9168e', '019ca90e-1eb8-71f0-9aed-b7915b1b1cf4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1772385600000, 1772362800997, 1772384400000, 7, 0, 0, 0, 0, 56, NULL, NULL, 'esp', 'ev-185', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f68-7c92-988a-b28bbbfc63bd', '019ca90e-1eb9-7122-bc0d-a3464f33b05f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772368500000, 1772362800999, 1772366400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-186', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f6a-788c-b5cf-f1dfc02a16bb', '019ca90e-1eb9-7122-bc0d-a3464f33b05f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772368920000, 1772362801001, 1772366400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-187', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f6c-72d2-80ac-4d2a1af27e6d', '019ca90e-1eb9-7122-bc0d-a3464f33b05f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772369340000, 1772362801003, 1772366400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-188', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f6e-72b0-9509-80e3dc0bdd77', '019ca90e-1eb9-7122-bc0d-a3464f33b05f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772369760000, 1772362801005, 1772366400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-189', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f70-7db6-94d5-1b051ffae033', '019ca90e-1eb9-7122-bc0d-a3464f33b05f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772370180000, 1772362801007, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-190', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f72-7b0a-b66c-eb4a8e7c1208', '019ca90e-1eb9-7122-bc0d-a3464f33b05f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772370600000, 1772362801009, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-191', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f74-7cef-99fc-1fcdfb0e51c6', '019ca90e-1eb9-7122-bc0d-a3464f33b05f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772371020000, 1772362801011, 1772370000000, 6, 2, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-192', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f76-7cbc-8c27-ad50561ab39f', '019ca90e-1ebb-7e87-b533-b08ca5a6457d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772371680000, 1772362801013, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-200', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f78-7fe9-8485-be5710c08165', '019ca90e-1ebb-7e87-b533-b08ca5a6457d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772372100000, 1772362801015, 1772370000000, 3, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-201', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f7a-79fa-a824-61b2f346a2b1', '019ca90e-1ebb-7e87-b533-b08ca5a6457d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772372520000, 1772362801017, 1772370000000, 4, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-202', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f7c-7fd1-aaac-7af7e0a738be', '019ca90e-1ebb-7e87-b533-b08ca5a6457d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772372940000, 1772362801019, 1772370000000, 5, 0, 1, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-203', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f7e-7eb6-a660-3345b3ee8b9a', '019ca90e-1ebb-7e87-b533-b08ca5a6457d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772373360000, 1772362801021, 1772370000000, 8, 0, 0, 2, 1, 32, NULL, NULL, 'esp', 'ev-204', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f80-7ed2-aae1-059379bf3309', '019ca90e-1ebc-7f62-b28f-e0e11c53fa02', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772370900000, 1772362801023, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-205', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f82-75c6-a051-0bfb2a176962', '019ca90e-1ebc-7f62-b28f-e0e11c53fa02', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772371320000, 1772362801025, 1772370000000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-206', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f84-75f3-aed6-a1623c06ad44', '019ca90e-1ebc-7f62-b28f-e0e11c53fa02', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772371740000, 1772362801027, 1772370000000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-207', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f86-7ba4-928f-e7a272dbe7f8', '019ca90e-1ebc-7f62-b28f-e0e11c53fa02', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772372160000, 1772362801029, 1772370000000, 5, 0, 1, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-208', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f88-713a-b18a-bd61735b24f1', '019ca90e-1ebc-7f62-b28f-e0e11c53fa02', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772372580000, 1772362801031, 1772370000000, 5, 0, 0, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-209', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f8a-7e70-a32a-01fd03d46f41', '019ca90e-1ebc-7f62-b28f-e0e11c53fa02', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772373000000, 1772362801033, 1772370000000, 5, 0, 1, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-210', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f8c-7f09-9751-06561ce9034a', '019ca90e-1ebe-7ccc-9c2a-9691c44ee439', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772376000000, 1772362801035, 1772373600000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-216', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f8e-7240-8812-dbd19e1324f9', '019ca90e-1ebe-7ccc-9c2a-9691c44ee439', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772376420000, 1772362801037, 1772373600000, 4, 0, 1, 0, 0, 1, NULL, NULL, 'esp', 'ev-217', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f90-707b-a6d7-e56b843d1dce', '019ca90e-1ebe-7ccc-9c2a-9691c44ee439', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772376840000, 1772362801039, 1772373600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-218', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f92-7166-a1c9-6dd30d92158d', '019ca90e-1ebe-7ccc-9c2a-9691c44ee439', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772377260000, 1772362801041, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-219', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f94-7565-9e1a-8d39738336d5', '019ca90e-1ebe-7ccc-9c2a-9691c44ee439', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772377680000, 1772362801043, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-220', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f96-796b-b6eb-37095f55319c', '019ca90e-1ebe-7ccc-9c2a-9691c44ee439', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772378100000, 1772362801045, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-221', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f98-7b89-a813-a892630dc77f', '019ca90e-1ebe-7ccc-9c2a-9691c44ee439', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba3-7956-8489-98fdda911ae0', 1772378520000, 1772362801047, 1772377200000, 6, 1, 0, 0, 0, 23, NULL, NULL, 'esp', 'ev-222', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f9a-74ce-b30f-e744091bb60d', '019ca90e-1ebf-7add-abb0-4beca40be4e9', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772386920000, 1772362801049, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-223', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f9c-7679-9625-f649fdca365f', '019ca90e-1ebf-7add-abb0-4beca40be4e9', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772387340000, 1772362801051, 1772384400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-224', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1f9e-7c80-9746-820663477567', '019ca90e-1ebf-7add-abb0-4beca40be4e9', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772387760000, 1772362801053, 1772384400000, 5, 0, 1, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-225', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fa0-74f2-b937-a41bd6e69dc9', '019ca90e-1ebf-7add-abb0-4beca40be4e9', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772388180000, 1772362801055, 1772388000000, 5, 0, 0, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-226', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fa2-7ff4-9e4d-c7adfbd0e4e6', '019ca90e-1ebf-7add-abb0-4beca40be4e9', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772388600000, 1772362801057, 1772388000000, 6, 2, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-227', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fa4-767c-83a2-0de97b582ce7', '019ca90e-1ebf-7add-abb0-4beca40be4e9', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 1772389020000, 1772362801059, 1772388000000, 6, 1, 0, 0, 0, 23, NULL, NULL, 'esp', 'ev-228', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fa6-7464-aed5-ef479391efc1', '019ca90e-1ec1-7ed8-a18c-a4a0adf7b6a1', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bac-7797-99f4-484db6137728', 1772383140000, 1772362801061, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-233', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fa8-7bfc-8e3b-81b2980e32a0', '019ca90e-1ec1-7ed8-a18c-a4a0adf7b6a1', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bac-7797-99f4-484db6137728', 1772383560000, 1772362801063, 1772380800000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-234', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1faa-7d65-ae48-e0c36a39630f', '019ca90e-1ec1-7ed8-a18c-a4a0adf7b6a1', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bac-7797-99f4-484db6137728', 1772383980000, 1772362801065, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-235', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fac-791f-bfa0-09da2947bc75', '019ca90e-1ec1-7ed8-a18c-a4a0adf7b6a1', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bac-7797-99f4-484db6137728', 1772383560000, 1772362801067, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-236', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fae-7452-804e-2373228cf8a3', '019ca90e-1ec1-7ed8-a18c-a4a0adf7b6a1', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bac-7797-99f4-484db6137728', 1772383560000, 1772362801069, 1772380800000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-237', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fb0-7c9a-9b7c-ea081bb9aeec', '019ca90e-1ec1-7ed8-a18c-a4a0adf7b6a1', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bac-7797-99f4-484db6137728', 1772385240000, 1772362801071, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-238', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fb2-7000-9495-a480275ac406', '019ca90e-1ec1-7ed8-a18c-a4a0adf7b6a1', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bac-7797-99f4-484db6137728', 1772385660000, 1772362801073, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-239', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fb4-7ceb-9fa5-c4c611d56b92', '019ca90e-1ec1-7ed8-a18c-a4a0adf7b6a1', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bac-7797-99f4-484db6137728', 1772386080000, 1772362801075, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-240', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fb6-7c63-9485-835fda3b0e33', '019ca90e-1ec1-7ed8-a18c-a4a0adf7b6a1', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bac-7797-99f4-484db6137728', 1772386500000, 1772362801077, 1772384400000, 6, 2, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-241', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fc2-75d5-93c0-ef286453ae0d', '019ca90e-1ec3-70d3-94fe-51f4a8e7751b', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772378820000, 1772362801089, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-248', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fc6-742e-9eab-9f0400c847f2', '019ca90e-1ec3-70d3-94fe-51f4a8e7751b', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772379240000, 1772362801093, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-249', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fca-72ef-8a04-c8d474f554de', '019ca90e-1ec3-70d3-94fe-51f4a8e7751b', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772379660000, 1772362801097, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-250', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fce-70c2-9fd4-9ed1b7798070', '019ca90e-1ec3-70d3-94fe-51f4a8e7751b', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772380080000, 1772362801101, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-251', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fd2-77f4-b220-9eb125dd4c87', '019ca90e-1ec3-70d3-94fe-51f4a8e7751b', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772380500000, 1772362801105, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-252', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fd6-7d5a-89a2-06c28cb234a9', '019ca90e-1ec3-70d3-94fe-51f4a8e7751b', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772380920000, 1772362801109, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-253', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fda-7354-a9b5-f9ef9932989a', '019ca90e-1ec3-70d3-94fe-51f4a8e7751b', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772381340000, 1772362801113, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-254', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fde-7b3a-bd60-629bd4e10c5f', '019ca90e-1ec3-70d3-94fe-51f4a8e7751b', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1772381760000, 1772362801117, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-255', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fe2-7590-9f3b-5d8defaa8f31', '019ca90e-1ec6-7cf5-9627-b987fb1a0da3', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772378940000, 1772362801121, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-269', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fe6-7d74-adb7-797dab8dc38d', '019ca90e-1ec6-7cf5-9627-b987fb1a0da3', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772379360000, 1772362801125, 1772377200000, 3, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-270', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fea-7bc2-865b-fb5e1f80c8d9', '019ca90e-1ec6-7cf5-9627-b987fb1a0da3', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772379780000, 1772362801129, 1772377200000, 4, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-271', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1fee-7c8e-8e02-37a01da87b0e', '019ca90e-1ec6-7cf5-9627-b987fb1a0da3', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772380200000, 1772362801133, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-272', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ff2-7b7b-954b-8ad0f2e5e934', '019ca90e-1ec6-7cf5-9627-b987fb1a0da3', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1772380620000, 1772362801137, 1772377200000, 5, 0, 1, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-273', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ff6-7ab9-bd68-0e7b979d4bbd', '019ca90e-1ec9-7369-81a9-e8b376c9e48f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1772381040000, 1772362801141, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-288', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ffa-7c38-8c39-d731cbd3a344', '019ca90e-1ec9-7369-81a9-e8b376c9e48f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1772381460000, 1772362801145, 1772380800000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-289', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ffe-75d2-9d34-5fb6d10fc1eb', '019ca90e-1ec9-7369-81a9-e8b376c9e48f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1772381880000, 1772362801149, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-290', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2002-7c9b-8a68-c7ab1019d1ba', '019ca90e-1ec9-7369-81a9-e8b376c9e48f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1772382300000, 1772362801153, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-291', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2006-7ead-9984-9ffdb72c5556', '019ca90e-1ec9-7369-81a9-e8b376c9e48f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1772382720000, 1772362801157, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-292', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-200a-7322-9c41-d8519cd7f2b7', '019ca90e-1ec9-7369-81a9-e8b376c9e48f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1772381460000, 1772362801161, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-293', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2038-7db2-8a0c-1c8fb873896d', '019ca90e-1ec2-7c43-8e6e-1cef0fac5a27', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772375280000, 1772362801207, 1772373600000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-242', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-203a-75ca-ad14-b081451584ec', '019ca90e-1ec2-7c43-8e6e-1cef0fac5a27', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772375700000, 1772362801209, 1772373600000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-243', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-203c-79b8-8050-714c4c2359f2', '019ca90e-1ec2-7c43-8e6e-1cef0fac5a27', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772376120000, 1772362801211, 1772373600000, 5, 0, 0, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-244', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-203e-77ff-8ab8-2dfed235958a', '019ca90e-1ec2-7c43-8e6e-1cef0fac5a27', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772376540000, 1772362801213, 1772373600000, 5, 0, 1, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-245', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2040-71be-b77a-9338e11b5220', '019ca90e-1ec2-7c43-8e6e-1cef0fac5a27', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772376960000, 1772362801215, 1772373600000, 5, 0, 1, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-246', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2042-7bb3-a211-d89999360eb6', '019ca90e-1ec2-7c43-8e6e-1cef0fac5a27', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 1772377380000, 1772362801217, 1772377200000, 8, 0, 0, 2, 1, 32, NULL, NULL, 'esp', 'ev-247', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2044-7275-8202-2ac2fd6a1eb8', '019ca90e-1ec4-7e2b-b4f0-2be7ea7af686', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772376180000, 1772362801219, 1772373600000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-256', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2046-7524-83ef-a2ce995c4b69', '019ca90e-1ec4-7e2b-b4f0-2be7ea7af686', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772376600000, 1772362801221, 1772373600000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-257', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2048-7d1c-a177-9e8166533563', '019ca90e-1ec4-7e2b-b4f0-2be7ea7af686', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772377020000, 1772362801223, 1772373600000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-258', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-204a-7e99-b993-c8e7559ffa09', '019ca90e-1ec4-7e2b-b4f0-2be7ea7af686', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772377440000, 1772362801225, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-259', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-204c-7d4b-abbe-83f19a5d7bdb', '019ca90e-1ec4-7e2b-b4f0-2be7ea7af686', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772377860000, 1772362801227, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-260', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-204e-7a63-9b78-61825e3a7526', '019ca90e-1ec4-7e2b-b4f0-2be7ea7af686', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772378280000, 1772362801229, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-261', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2050-7d83-b088-a4db5d1df329', '019ca90e-1ec4-7e2b-b4f0-2be7ea7af686', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1772378700000, 1772362801231, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-262', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2052-71b0-b6e0-2b107913cc13', '019ca90e-1ec5-7050-a897-4d782849ae4a', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1772372280000, 1772362801233, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-263', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2054-77bf-9979-cd6a69f70c00', '019ca90e-1ec5-7050-a897-4d782849ae4a', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1772372700000, 1772362801235, 1772370000000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-264', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2056-78d6-8f78-ff30f60cff24', '019ca90e-1ec5-7050-a897-4d782849ae4a', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1772373120000, 1772362801237, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-265', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2058-75ab-bee5-b9f9ea30f9b6', '019ca90e-1ec5-7050-a897-4d782849ae4a', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1772372700000, 1772362801239, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-266', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-205a-7fd5-906f-fd9ec25e336a', '019ca90e-1ec5-7050-a897-4d782849ae4a', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1772373960000, 1772362801241, 1772373600000, 5, 0, 0, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-267', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-205c-7028-8091-ed52795ec804', '019ca90e-1ec5-7050-a897-4d782849ae4a', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1772374380000, 1772362801243, 1772373600000, 5, 0, 1, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-268', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-205e-7981-a14f-80e7c64f01a3', '019ca90e-1ec7-7c1b-8d0f-d29198551ba0', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772374260000, 1772362801245, 1772373600000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-274', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2060-778c-9287-d5f02637507a', '019ca90e-1ec7-7c1b-8d0f-d29198551ba0', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772374680000, 1772362801247, 1772373600000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-275', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2062-7e4c-8f0f-1a5257c69b40', '019ca90e-1ec7-7c1b-8d0f-d29198551ba0', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772375100000, 1772362801249, 1772373600000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-276', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2064-72e2-b1bd-0cea518e969e', '019ca90e-1ec7-7c1b-8d0f-d29198551ba0', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772375520000, 1772362801251, 1772373600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-277', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2066-70ba-82a7-b884dcd9c253', '019ca90e-1ec7-7c1b-8d0f-d29198551ba0', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772374680000, 1772362801253, 1772373600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-278', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2068-770a-ad74-a7cfcc9ee5cc', '019ca90e-1ec7-7c1b-8d0f-d29198551ba0', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772376360000, 1772362801255, 1772373600000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-279', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-206a-7e28-aa34-95f47dc70e1f', '019ca90e-1ec7-7c1b-8d0f-d29198551ba0', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772376780000, 1772362801257, 1772373600000, 5, 0, 1, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-280', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-206c-7cc4-a399-1ebbc24df01e', '019ca90e-1ec7-7c1b-8d0f-d29198551ba0', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772377200000, 1772362801259, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-281', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-206e-7e88-894a-94d199783839', '019ca90e-1ec7-7c1b-8d0f-d29198551ba0', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1772377620000, 1772362801261, 1772377200000, 8, 0, 0, 1, 1, 32, NULL, NULL, 'esp', 'ev-282', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2070-7df7-9b6c-feea0d910aec', '019ca90e-1ec8-72fc-ae20-fb2b766805e5', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772382780000, 1772362801263, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-283', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2072-7a16-ae18-82f7f1a73845', '019ca90e-1ec8-72fc-ae20-fb2b766805e5', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772383200000, 1772362801265, 1772380800000, 4, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-284', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2074-7892-8084-53e58e4405ae', '019ca90e-1ec8-72fc-ae20-fb2b766805e5', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772383620000, 1772362801267, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-285', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2076-7fae-b8c5-53fe744bb147', '019ca90e-1ec8-72fc-ae20-fb2b766805e5', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772384040000, 1772362801269, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-286', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2078-723b-8206-db2a7d01f200', '019ca90e-1ec8-72fc-ae20-fb2b766805e5', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1772384460000, 1772362801271, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-287', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-207a-78b6-9735-2adde08386fb', '019ca90e-1eca-7683-b233-499f3114f4ef', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772374560000, 1772362801273, 1772373600000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-294', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-207c-7c36-b1cc-beb33f97d516', '019ca90e-1eca-7683-b233-499f3114f4ef', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772374980000, 1772362801275, 1772373600000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-295', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-207e-7374-aee1-a232fae338fb', '019ca90e-1eca-7683-b233-499f3114f4ef', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772375400000, 1772362801277, 1772373600000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-296', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2080-7c50-aae9-80cba5bf8898', '019ca90e-1eca-7683-b233-499f3114f4ef', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772375820000, 1772362801279, 1772373600000, 5, 0, 0, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-297', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2082-7b55-9e2d-d16ff926386b', '019ca90e-1eca-7683-b233-499f3114f4ef', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1772376240000, 1772362801281, 1772373600000, 5, 0, 0, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-298', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2084-7abe-96a7-54f92a93249a', '019ca90e-1ecb-7099-b169-7c683b253e3d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd0-7b29-9081-993098370785', 1772379480000, 1772362801283, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-299', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2086-7d46-9ebd-fb64833ee047', '019ca90e-1ecb-7099-b169-7c683b253e3d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd0-7b29-9081-993098370785', 1772379900000, 1772362801285, 1772377200000, 4, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-300', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2088-72b4-a0eb-9adf8bfd166a', '019ca90e-1ecb-7099-b169-7c683b253e3d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd0-7b29-9081-993098370785', 1772380320000, 1772362801287, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-301', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-208a-743f-b825-f39bab94d32d', '019ca90e-1ecb-7099-b169-7c683b253e3d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd0-7b29-9081-993098370785', 1772380740000, 1772362801289, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-302', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-208c-7164-b90e-c7e63ec6dc76', '019ca90e-1ecb-7099-b169-7c683b253e3d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd0-7b29-9081-993098370785', 1772381160000, 1772362801291, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-303', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2092-7f1d-bb81-4d90e0e879ba', '019ca90e-1ecc-74af-958e-66c5848724bc', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd3-7ca7-989f-677ccc71b372', 1772387820000, 1772362801297, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-304', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2096-7bb7-9c4c-98664c4e2989', '019ca90e-1ecc-74af-958e-66c5848724bc', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd3-7ca7-989f-677ccc71b372', 1772388240000, 1772362801301, 1772388000000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-305', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-209a-748f-87dd-aeba95c317ed', '019ca90e-1ecc-74af-958e-66c5848724bc', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd3-7ca7-989f-677ccc71b372', 1772388660000, 1772362801305, 1772388000000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-306', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-209e-71af-807e-4cd8905892b7', '019ca90e-1ecc-74af-958e-66c5848724bc', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd3-7ca7-989f-677ccc71b372', 1772389080000, 1772362801309, 1772388000000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-307', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20a2-7be7-9b4c-94ccee921f07', '019ca90e-1ecc-74af-958e-66c5848724bc', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd3-7ca7-989f-677ccc71b372', 1772389500000, 1772362801313, 1772388000000, 5, 0, 0, 0, 0, 0, '019ca90e-1e91-7753-9935-7f0d782b3496', NULL, 'esp', 'ev-308', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20a6-7830-9d05-4f6f34ab07a8', '019ca90e-1ecc-74af-958e-66c5848724bc', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd3-7ca7-989f-677ccc71b372', 1772389920000, 1772362801317, 1772388000000, 5, 0, 1, 0, 0, 0, '019ca90e-1e8f-7cd6-afb3-f03db449b827', NULL, 'esp', 'ev-309', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20aa-7f73-b1cc-e7b9c5d50bbb', '019ca90e-1ecc-74af-958e-66c5848724bc', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd3-7ca7-989f-677ccc71b372', 1772390340000, 1772362801321, 1772388000000, 6, 1, 0, 0, 0, 23, NULL, NULL, 'esp', 'ev-310', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20b0-766f-801a-31580cb882b7', '019ca90e-1ecf-73fe-b043-6ed0fef7b496', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bdc-748c-8623-0782fee1fe38', 1772370720000, 1772362801327, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-321', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20b4-7eb9-b92d-b33ec18deb8e', '019ca90e-1ecf-73fe-b043-6ed0fef7b496', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bdc-748c-8623-0782fee1fe38', 1772371140000, 1772362801331, 1772370000000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-322', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20b8-71d7-a498-e370ccb80f1f', '019ca90e-1ecf-73fe-b043-6ed0fef7b496', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bdc-748c-8623-0782fee1fe38', 1772371560000, 1772362801335, 1772370000000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-323', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20bc-7470-b43c-e48a76d823da', '019ca90e-1ecf-73fe-b043-6ed0fef7b496', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bdc-748c-8623-0782fee1fe38', 1772371980000, 1772362801339, 1772370000000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-324', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20cf-7e5f-8ac3-2f489f6fa7c0', '019ca90e-1ecd-7159-a5ab-bd053a06fbed', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd6-7db3-a070-28b3a1da43a2', 1772367300000, 1772362801358, 1772366400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-311', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20d1-757d-9670-eba15c87b848', '019ca90e-1ecd-7159-a5ab-bd053a06fbed', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd6-7db3-a070-28b3a1da43a2', 1772367720000, 1772362801360, 1772366400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-312', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20d3-7071-912d-65be826ee3ff', '019ca90e-1ecd-7159-a5ab-bd053a06fbed', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd6-7db3-a070-28b3a1da43a2', 1772368140000, 1772362801362, 1772366400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-313', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20d5-77fa-9962-528dc6bb67a6', '019ca90e-1ecd-7159-a5ab-bd053a06fbed', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd6-7db3-a070-28b3a1da43a2', 1772367720000, 1772362801364, 1772366400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-314', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20d7-7a7d-9a12-a5b27a687fbf', '019ca90e-1ece-7f02-acea-1e1105f52814', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd9-7ef7-96d3-8dfc5fb21b15', 1772367420000, 1772362801366, 1772366400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-315', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20d9-75e5-9892-dbfd7d5e8fa5', '019ca90e-1ece-7f02-acea-1e1105f52814', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd9-7ef7-96d3-8dfc5fb21b15', 1772367840000, 1772362801368, 1772366400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-316', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20db-79b6-b1ed-76bc09f1503a', '019ca90e-1ece-7f02-acea-1e1105f52814', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd9-7ef7-96d3-8dfc5fb21b15', 1772368260000, 1772362801370, 1772366400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-317', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20dd-74c6-bac8-704e3014ff55', '019ca90e-1ece-7f02-acea-1e1105f52814', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd9-7ef7-96d3-8dfc5fb21b15', 1772368680000, 1772362801372, 1772366400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-318', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20df-7831-ac39-91d247aca3f6', '019ca90e-1ece-7f02-acea-1e1105f52814', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd9-7ef7-96d3-8dfc5fb21b15', 1772369100000, 1772362801374, 1772366400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-319', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20e1-7d3b-b5bf-d2cf069cd826', '019ca90e-1ece-7f02-acea-1e1105f52814', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd9-7ef7-96d3-8dfc5fb21b15', 1772369520000, 1772362801376, 1772366400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-320', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20e3-7e27-9ad8-b2bdc8202be9', '019ca90e-1ed0-7bb8-b0d8-a1d6202e335d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bdf-7bbe-b9f5-7161d42f9ff2', 1772385720000, 1772362801378, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-325', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20e5-7a60-a31c-5ad883914930', '019ca90e-1ed0-7bb8-b0d8-a1d6202e335d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bdf-7bbe-b9f5-7161d42f9ff2', 1772386140000, 1772362801380, 1772384400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-326', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20e7-7f8c-a8ca-3f3d9c346c8f', '019ca90e-1ed0-7bb8-b0d8-a1d6202e335d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bdf-7bbe-b9f5-7161d42f9ff2', 1772386560000, 1772362801382, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-327', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20e9-7022-a995-98656dd46039', '019ca90e-1ed0-7bb8-b0d8-a1d6202e335d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bdf-7bbe-b9f5-7161d42f9ff2', 1772386980000, 1772362801384, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-328', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20eb-7488-9533-478f5bc3ff97', '019ca90e-1ed0-7bb8-b0d8-a1d6202e335d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bdf-7bbe-b9f5-7161d42f9ff2', 1772387400000, 1772362801386, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-329', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ed-7fb0-8b72-6964ce128fbb', '019ca90e-1ed0-7bb8-b0d8-a1d6202e335d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bdf-7bbe-b9f5-7161d42f9ff2', 1772387820000, 1772362801388, 1772384400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-330', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-210e-78c6-988c-143831489032', '019ca90e-2105-7a15-9573-de58be8ec0c8', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772384280000, 1772362801421, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-331', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2112-73a7-9a14-bbb96f1755f6', '019ca90e-2105-7a15-9573-de58be8ec0c8', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772384700000, 1772362801425, 1772384400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-332', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2116-70c3-9cb6-b0f15b5bc09b', '019ca90e-2105-7a15-9573-de58be8ec0c8', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772385120000, 1772362801429, 1772384400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-333', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-211a-7553-9d1f-941491316a85', '019ca90e-2105-7a15-9573-de58be8ec0c8', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772385540000, 1772362801433, 1772384400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-334', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-211e-75f3-9c9c-a719643488ed', '019ca90e-2105-7a15-9573-de58be8ec0c8', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772385960000, 1772362801437, 1772384400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-335', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2122-7139-932b-0c20ae139ad0', '019ca90e-2105-7a15-9573-de58be8ec0c8', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772386380000, 1772362801441, 1772384400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-336', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2126-79d4-a8bb-f3cab7508366', '019ca90e-2105-7a15-9573-de58be8ec0c8', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772386800000, 1772362801445, 1772384400000, 5, 0, 1, 0, 0, 0, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-337', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-212a-7228-bc4e-22dc36ac6966', '019ca90e-2105-7a15-9573-de58be8ec0c8', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772387220000, 1772362801449, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-338', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-212e-7fce-be08-23608c660c0f', '019ca90e-2105-7a15-9573-de58be8ec0c8', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 1772387640000, 1772362801453, 1772384400000, 8, 0, 0, 2, 1, 32, NULL, NULL, 'esp', 'ev-339', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2133-78ed-97e7-a972040897e1', '019ca90e-2108-701a-9603-9e15cf439602', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772385600000, 1772362801458, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-351', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2137-7397-8a56-a6210e60c2c1', '019ca90e-2108-701a-9603-9e15cf439602', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772386020000, 1772362801462, 1772384400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-352', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-213b-7150-b6ca-4193ee03a24d', '019ca90e-2108-701a-9603-9e15cf439602', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772386440000, 1772362801466, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-353', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-213f-7284-abbb-9c5d8447ee1b', '019ca90e-2108-701a-9603-9e15cf439602', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772386860000, 1772362801470, 1772384400000, 5, 0, 1, 0, 0, 0, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-354', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2143-7a70-8320-cab26b03397c', '019ca90e-2108-701a-9603-9e15cf439602', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b9a-76cb-8416-47b19371789d', 1772387280000, 1772362801474, 1772384400000, 6, 2, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-355', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-215f-7572-b34f-842a7acfdb96', '019ca90e-2106-7f92-9cfa-fd1cec102179', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772371080000, 1772362801502, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-340', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2161-7901-bb7d-ef724e4f9f7d', '019ca90e-2106-7f92-9cfa-fd1cec102179', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772371500000, 1772362801504, 1772370000000, 3, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-341', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2163-7bdf-9e93-7c1e132df321', '019ca90e-2106-7f92-9cfa-fd1cec102179', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772371920000, 1772362801506, 1772370000000, 5, 0, 1, 0, 0, 1, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-342', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2165-7447-8631-b7c96f081da2', '019ca90e-2106-7f92-9cfa-fd1cec102179', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772372340000, 1772362801508, 1772370000000, 5, 0, 0, 0, 0, 0, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-343', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2167-7407-8e8f-76eb1ec29fe0', '019ca90e-2106-7f92-9cfa-fd1cec102179', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b94-7239-837c-fe9bee450b27', 1772372760000, 1772362801510, 1772370000000, 5, 0, 0, 0, 0, 0, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-344', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2169-7fbc-9a80-64689a11fea4', '019ca90e-2107-728d-a949-0af8b8377327', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772370360000, 1772362801512, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-345', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-216b-7b6a-ae8e-890ff7969ee7', '019ca90e-2107-728d-a949-0af8b8377327', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772370780000, 1772362801514, 1772370000000, 4, 0, 1, 0, 0, 1, NULL, NULL, 'esp', 'ev-346', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-216d-7397-9f47-44955c1f891d', '019ca90e-2107-728d-a949-0af8b8377327', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772371200000, 1772362801516, 1772370000000, 5, 0, 1, 0, 0, 0, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-347', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-216f-738c-8334-28cc2fb240fd', '019ca90e-2107-728d-a949-0af8b8377327', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772371620000, 1772362801518, 1772370000000, 5, 0, 0, 0, 0, 0, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-348', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2171-7a09-8f04-c0a6f97d6bd7', '019ca90e-2107-728d-a949-0af8b8377327', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772372040000, 1772362801520, 1772370000000, 5, 0, 0, 0, 0, 0, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-349', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2173-7ec0-892d-32fbeac01821', '019ca90e-2107-728d-a949-0af8b8377327', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b97-790f-a338-ce6aeca1e449', 1772372460000, 1772362801522, 1772370000000, 6, 1, 0, 0, 0, 23, NULL, NULL, 'esp', 'ev-350', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2175-7233-b33c-113747f9d978', '019ca90e-2109-72ed-85dd-f5f63c6c0977', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772382660000, 1772362801524, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-356', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2177-7eab-92b5-f1de6a7cf282', '019ca90e-2109-72ed-85dd-f5f63c6c0977', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772383080000, 1772362801526, 1772380800000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-357', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2179-755a-ba87-dc93d1225162', '019ca90e-2109-72ed-85dd-f5f63c6c0977', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772383500000, 1772362801528, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-358', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-217b-7748-abe9-757572690472', '019ca90e-2109-72ed-85dd-f5f63c6c0977', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772383920000, 1772362801530, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-359', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-217d-7fed-9d49-34c336554806', '019ca90e-2109-72ed-85dd-f5f63c6c0977', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772384340000, 1772362801532, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-360', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-217f-71cd-9ca7-a0585b80c97a', '019ca90e-2109-72ed-85dd-f5f63c6c0977', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1772384760000, 1772362801534, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-361', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2181-7dc5-8166-83d7ceed2f74', '019ca90e-210a-7244-9adb-93a7f560b7eb', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772379840000, 1772362801536, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-362', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2183-7778-a12e-fe98eb08db13', '019ca90e-210a-7244-9adb-93a7f560b7eb', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772380260000, 1772362801538, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-363', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2185-76f6-8028-98f8b99aa20a', '019ca90e-210a-7244-9adb-93a7f560b7eb', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772380680000, 1772362801540, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-364', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2187-78e2-ab35-559134f48e66', '019ca90e-210a-7244-9adb-93a7f560b7eb', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772381100000, 1772362801542, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-365', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2189-76c0-b709-bf44e14a55eb', '019ca90e-210a-7244-9adb-93a7f560b7eb', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772381520000, 1772362801544, 1772380800000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-366', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-218b-7445-8575-ce62ae4f0c03', '019ca90e-210a-7244-9adb-93a7f560b7eb', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772381940000, 1772362801546, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-367', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-218d-76eb-b6f8-66a646793100', '019ca90e-210a-7244-9adb-93a7f560b7eb', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772382360000, 1772362801548, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-368', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-218f-746a-adb1-e0cc5013c069', '019ca90e-210a-7244-9adb-93a7f560b7eb', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1772382780000, 1772362801550, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-20f1-7d89-8999-34690dfe6474', NULL, 'esp', 'ev-369', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-220d-7cf2-bee8-35250e97734f', '019ca90e-21f6-7b67-9baa-01667efb77e9', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-2199-77dd-be1a-bfb178d04abe', 1772379960000, 1772362801676, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-370', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2211-7cb6-862b-da75e4a11b6b', '019ca90e-21f6-7b67-9baa-01667efb77e9', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-2199-77dd-be1a-bfb178d04abe', 1772380380000, 1772362801680, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-371', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2215-7ae6-83f0-9d227efbab6d', '019ca90e-21f6-7b67-9baa-01667efb77e9', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-2199-77dd-be1a-bfb178d04abe', 1772380800000, 1772362801684, 1772380800000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-372', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2219-75c8-86db-4e5e2a039d4b', '019ca90e-21f6-7b67-9baa-01667efb77e9', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-2199-77dd-be1a-bfb178d04abe', 1772381220000, 1772362801688, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-21d8-777a-9599-a9879167142c', NULL, 'esp', 'ev-373', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-221d-7041-a2c6-a62a9d3cdb86', '019ca90e-21f9-779f-b689-a25072af45d2', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1772372460000, 1772362801692, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-383', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2221-71b1-adf3-1bbaf54799b9', '019ca90e-21f9-779f-b689-a25072af45d2', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1772372880000, 1772362801696, 1772370000000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-384', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2225-7212-90cb-ab27e298cd16', '019ca90e-21f9-779f-b689-a25072af45d2', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1772373300000, 1772362801700, 1772370000000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-385', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2229-7011-966f-9a4b61caa092', '019ca90e-21f9-779f-b689-a25072af45d2', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1772373720000, 1772362801704, 1772373600000, 5, 0, 0, 0, 0, 0, '019ca90e-21d8-777a-9599-a9879167142c', NULL, 'esp', 'ev-386', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-222d-7466-b63c-22aeb2942cda', '019ca90e-21f9-779f-b689-a25072af45d2', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1772374140000, 1772362801708, 1772373600000, 6, 2, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-387', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2231-734b-b99f-03d21ebd34d2', '019ca90e-21fc-7bdb-b92e-08125d883654', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772381100000, 1772362801712, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-399', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2235-78ad-839d-0f03ea6ecc33', '019ca90e-21fc-7bdb-b92e-08125d883654', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772381520000, 1772362801716, 1772380800000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-400', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2239-7299-8b6d-bf89358ecdaa', '019ca90e-21fc-7bdb-b92e-08125d883654', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772381940000, 1772362801720, 1772380800000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-401', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-223d-7555-a6ec-c26cf811d12a', '019ca90e-21fc-7bdb-b92e-08125d883654', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772381520000, 1772362801724, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-402', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2241-7f7d-b198-af1e9adff691', '019ca90e-21fc-7bdb-b92e-08125d883654', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772382780000, 1772362801728, 1772380800000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-403', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2245-75b4-a71a-8270bb91df17', '019ca90e-21fc-7bdb-b92e-08125d883654', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772383200000, 1772362801732, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-404', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2249-7a36-a91a-20b0fb0edd4e', '019ca90e-21fc-7bdb-b92e-08125d883654', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772383620000, 1772362801736, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-21da-7053-91a3-cd3c96408060', NULL, 'esp', 'ev-405', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-224d-776e-8a7b-2d709a90bbde', '019ca90e-21ff-7788-b9e2-2a5824797d5c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b4-7859-8678-d202b1981644', 1772382360000, 1772362801740, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-415', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2251-7bd5-8c2b-9cb92173d0c3', '019ca90e-21ff-7788-b9e2-2a5824797d5c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b4-7859-8678-d202b1981644', 1772382780000, 1772362801744, 1772380800000, 3, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-416', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2255-7859-b114-78ef6612982b', '019ca90e-21ff-7788-b9e2-2a5824797d5c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b4-7859-8678-d202b1981644', 1772383200000, 1772362801748, 1772380800000, 4, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-417', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2259-7eef-b297-3ea57d8061c9', '019ca90e-21ff-7788-b9e2-2a5824797d5c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b4-7859-8678-d202b1981644', 1772383620000, 1772362801752, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-418', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-225d-7f1a-98dc-13c920b79eed', '019ca90e-21ff-7788-b9e2-2a5824797d5c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b4-7859-8678-d202b1981644', 1772384040000, 1772362801756, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-419', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2261-7f01-8628-8b6e6cb4ba43', '019ca90e-21ff-7788-b9e2-2a5824797d5c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b4-7859-8678-d202b1981644', 1772384460000, 1772362801760, 1772384400000, 5, 0, 1, 0, 0, 0, '019ca90e-21da-7053-91a3-cd3c96408060', NULL, 'esp', 'ev-420', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2265-79e9-8655-9e857bcc6b28', '019ca90e-2202-7e27-a882-2a27bb0aeb19', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772377920000, 1772362801764, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-429', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2269-7e0f-8013-6733eb7ade6b', '019ca90e-2202-7e27-a882-2a27bb0aeb19', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772378340000, 1772362801768, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-430', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-226d-7054-804e-1122c0fc2ae7', '019ca90e-2202-7e27-a882-2a27bb0aeb19', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772378760000, 1772362801772, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-431', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2271-70c9-92b6-cf1de23f2ccd', '019ca90e-2202-7e27-a882-2a27bb0aeb19', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772379180000, 1772362801776, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-432', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2275-78d7-95c4-6f73682b9a67', '019ca90e-2202-7e27-a882-2a27bb0aeb19', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772378340000, 1772362801780, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-433', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2279-7d4a-ba30-a21e50589418', '019ca90e-2202-7e27-a882-2a27bb0aeb19', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772380020000, 1772362801784, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-21da-7053-91a3-cd3c96408060', NULL, 'esp', 'ev-434', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-227d-7cc1-9228-741d889f092f', '019ca90e-2202-7e27-a882-2a27bb0aeb19', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772380440000, 1772362801788, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-21d8-777a-9599-a9879167142c', NULL, 'esp', 'ev-435', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22a9-77ad-8cdf-aaab15a0a040', '019ca90e-21f7-7a7b-83b5-302484e43aec', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772368620000, 1772362801832, 1772366400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-374', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22ab-7c2d-bb32-35af4d4c1e93', '019ca90e-21f7-7a7b-83b5-302484e43aec', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772369040000, 1772362801834, 1772366400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-375', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22ad-7045-8ec9-7bc5964c887c', '019ca90e-21f7-7a7b-83b5-302484e43aec', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772369460000, 1772362801836, 1772366400000, 5, 0, 0, 0, 0, 0, '019ca90e-21da-7053-91a3-cd3c96408060', NULL, 'esp', 'ev-376', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22af-76b3-9674-d9fb164a6116', '019ca90e-21f7-7a7b-83b5-302484e43aec', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772369880000, 1772362801838, 1772366400000, 5, 0, 0, 0, 0, 0, '019ca90e-21d8-777a-9599-a9879167142c', NULL, 'esp', 'ev-377', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22b1-7935-9410-5e8e02c18cf4', '019ca90e-21f8-7b72-934e-c9a529c3c156', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772386140000, 1772362801840, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-378', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22b3-7514-a1b0-306b272567b7', '019ca90e-21f8-7b72-934e-c9a529c3c156', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772386560000, 1772362801842, 1772384400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-379', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22b5-775a-bf9c-c51d53b29fe1', '019ca90e-21f8-7b72-934e-c9a529c3c156', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772386980000, 1772362801844, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-380', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22b7-7ea8-b197-48851fd81b27', '019ca90e-21f8-7b72-934e-c9a529c3c156', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772387400000, 1772362801846, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-381', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22b9-75fd-8cbd-3b724621f978', '019ca90e-21f8-7b72-934e-c9a529c3c156', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772387820000, 1772362801848, 1772384400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-382', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22bb-7277-83af-653145ef7013', '019ca90e-21fa-7783-ac3f-6ac53c56a330', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a5-7580-b48e-da722810eab0', 1772379420000, 1772362801850, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-388', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22bd-7174-8713-1e0836a0ac7d', '019ca90e-21fa-7783-ac3f-6ac53c56a330', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a5-7580-b48e-da722810eab0', 1772379840000, 1772362801852, 1772377200000, 4, 0, 1, 0, 0, 1, NULL, NULL, 'esp', 'ev-389', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22bf-737e-a1a5-0df45827ec12', '019ca90e-21fa-7783-ac3f-6ac53c56a330', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a5-7580-b48e-da722810eab0', 1772380260000, 1772362801854, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-390', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22c1-703f-a17d-170b7c01e392', '019ca90e-21fa-7783-ac3f-6ac53c56a330', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a5-7580-b48e-da722810eab0', 1772380680000, 1772362801856, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-391', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22c3-72f7-a67e-e7e4886cc1dc', '019ca90e-21fa-7783-ac3f-6ac53c56a330', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a5-7580-b48e-da722810eab0', 1772381100000, 1772362801858, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-392', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22c5-70ac-baf6-b755e4911019', '019ca90e-21fa-7783-ac3f-6ac53c56a330', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a5-7580-b48e-da722810eab0', 1772381520000, 1772362801860, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-21d8-777a-9599-a9879167142c', NULL, 'esp', 'ev-393', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22c7-7667-895b-5994625f787d', '019ca90e-21fa-7783-ac3f-6ac53c56a330', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a5-7580-b48e-da722810eab0', 1772381940000, 1772362801862, 1772380800000, 6, 1, 0, 0, 0, 23, NULL, NULL, 'esp', 'ev-394', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22c9-7599-8fc6-2e4ad736b79d', '019ca90e-21fb-7b1f-9ab7-48afa025380f', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772385780000, 1772362801864, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-395', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22cb-7361-a527-6f7e5cf8a741', '019ca90e-21fb-7b1f-9ab7-48afa025380f', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772386200000, 1772362801866, 1772384400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-396', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22cd-7bf0-87e5-e578ae1f5c24', '019ca90e-21fb-7b1f-9ab7-48afa025380f', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772386620000, 1772362801868, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-397', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22cf-7742-b0ff-5c399cd7d79c', '019ca90e-21fb-7b1f-9ab7-48afa025380f', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772387040000, 1772362801870, 1772384400000, 5, 0, 0, 0, 0, 0, '019ca90e-21da-7053-91a3-cd3c96408060', NULL, 'esp', 'ev-398', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22d1-7c67-95bb-ab488f3fe49d', '019ca90e-21fd-7442-949b-0c1ae0efde57', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772378580000, 1772362801872, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-406', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22d3-7e4c-80e1-119d16fe7db5', '019ca90e-21fd-7442-949b-0c1ae0efde57', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772379000000, 1772362801874, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-407', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22d5-7abf-ac67-fe0b0768fe81', '019ca90e-21fd-7442-949b-0c1ae0efde57', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772379420000, 1772362801876, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-408', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22d7-7dbf-b28b-d2632356cad5', '019ca90e-21fd-7442-949b-0c1ae0efde57', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772379000000, 1772362801878, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-409', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22d9-7efc-9b40-f6365bc59ad0', '019ca90e-21fd-7442-949b-0c1ae0efde57', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772380260000, 1772362801880, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-410', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22db-7185-b0e6-5fc68652c914', '019ca90e-21fd-7442-949b-0c1ae0efde57', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772379000000, 1772362801882, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-411', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22dd-749b-8ebe-9337835b116b', '019ca90e-21fd-7442-949b-0c1ae0efde57', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772381100000, 1772362801884, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-21da-7053-91a3-cd3c96408060', NULL, 'esp', 'ev-412', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22df-7181-91f2-0ce105d2a33f', '019ca90e-21fe-7ea0-85b2-b326c975d5ac', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b1-7837-b634-a762982272c5', 1772378580000, 1772362801886, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-413', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22e1-7761-b886-369b4735f584', '019ca90e-21fe-7ea0-85b2-b326c975d5ac', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b1-7837-b634-a762982272c5', 1772379000000, 1772362801888, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-414', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22e3-7484-962a-adc9eb6e3ffa', '019ca90e-2200-7d82-bc82-53d2b881834c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b7-71bf-acf0-47f66b534ca7', 1772380200000, 1772362801890, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-421', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22e5-7766-96b0-296e564bfd4c', '019ca90e-2200-7d82-bc82-53d2b881834c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b7-71bf-acf0-47f66b534ca7', 1772380620000, 1772362801892, 1772377200000, 5, 0, 0, 0, 0, 1, '019ca90e-21d8-777a-9599-a9879167142c', NULL, 'esp', 'ev-422', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22e7-7c22-ad65-a1254f52ef20', '019ca90e-2200-7d82-bc82-53d2b881834c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b7-71bf-acf0-47f66b534ca7', 1772381040000, 1772362801894, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-21d8-777a-9599-a9879167142c', NULL, 'esp', 'ev-423', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22e9-7e70-9bb9-96bfd0616439', '019ca90e-2200-7d82-bc82-53d2b881834c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b7-71bf-acf0-47f66b534ca7', 1772381460000, 1772362801896, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-21da-7053-91a3-cd3c96408060', NULL, 'esp', 'ev-424', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22eb-77f8-8e63-19edf27ae8a8', '019ca90e-2200-7d82-bc82-53d2b881834c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b7-71bf-acf0-47f66b534ca7', 1772381880000, 1772362801898, 1772380800000, 8, 0, 0, 1, 1, 32, NULL, NULL, 'esp', 'ev-425', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22ed-7c5e-9812-6dd7d25b3823', '019ca90e-2201-715c-9aa0-066ff21e7534', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772372760000, 1772362801900, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-426', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22ef-7a5c-9fd5-e623ebb86695', '019ca90e-2201-715c-9aa0-066ff21e7534', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772373180000, 1772362801902, 1772370000000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-427', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22f1-7f3f-87a9-5e18b34a56e2', '019ca90e-2201-715c-9aa0-066ff21e7534', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772373600000, 1772362801904, 1772373600000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-428', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22f3-7071-ac3c-03b95631b4e5', '019ca90e-2203-7550-b71e-95d83cd22baa', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 1772377680000, 1772362801906, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-436', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22f5-75b3-a1e9-b6ae581f7d6f', '019ca90e-2203-7550-b71e-95d83cd22baa', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 1772378100000, 1772362801908, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-437', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22f7-7b1e-8ee4-a14739a7a81d', '019ca90e-2203-7550-b71e-95d83cd22baa', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 1772378520000, 1772362801910, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-438', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-22f9-76bd-a784-d8b1e688e14c', '019ca90e-2203-7550-b71e-95d83cd22baa', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 1772378940000, 1772362801912, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-439', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2300-7315-ac70-91f23d234a33', '019ca90e-2205-70fd-9fa0-bd5403debc7c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1772367120000, 1772362801919, 1772366400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-445', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2304-734e-a902-bb7a67dbd584', '019ca90e-2205-70fd-9fa0-bd5403debc7c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1772367540000, 1772362801923, 1772366400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-446', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2308-71e3-a805-665f8176107f', '019ca90e-2205-70fd-9fa0-bd5403debc7c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1772367960000, 1772362801927, 1772366400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-447', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-230c-7664-ad1d-674450b36eaf', '019ca90e-2205-70fd-9fa0-bd5403debc7c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1772367540000, 1772362801931, 1772366400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-448', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2310-7a06-a1ca-6e953ea76f9b', '019ca90e-2205-70fd-9fa0-bd5403debc7c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1772368800000, 1772362801935, 1772366400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-449', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2314-7533-bf2f-1dd33a88a72f', '019ca90e-2205-70fd-9fa0-bd5403debc7c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1772369220000, 1772362801939, 1772366400000, 6, 2, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-450', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2318-70c1-ac3f-9db49ee38051', '019ca90e-2208-75f3-a84b-216ad1a5332e', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21cf-7773-8ad6-0560545d4466', 1772366700000, 1772362801943, 1772366400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-458', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-231c-72c2-8dfb-150a6f7ccb76', '019ca90e-2208-75f3-a84b-216ad1a5332e', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21cf-7773-8ad6-0560545d4466', 1772367120000, 1772362801947, 1772366400000, 3, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-459', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2320-794c-9de3-a245b8b5be0b', '019ca90e-2208-75f3-a84b-216ad1a5332e', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21cf-7773-8ad6-0560545d4466', 1772367540000, 1772362801951, 1772366400000, 4, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-460', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2324-7822-936f-c5d2ac432506', '019ca90e-2208-75f3-a84b-216ad1a5332e', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21cf-7773-8ad6-0560545d4466', 1772367120000, 1772362801955, 1772366400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-461', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2328-770e-b28e-ee4c3df72ac1', '019ca90e-2208-75f3-a84b-216ad1a5332e', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21cf-7773-8ad6-0560545d4466', 1772368380000, 1772362801959, 1772366400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-462', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-232c-7f06-a3ee-e0f0b6c3fc42', '019ca90e-2208-75f3-a84b-216ad1a5332e', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21cf-7773-8ad6-0560545d4466', 1772368800000, 1772362801963, 1772366400000, 5, 0, 1, 0, 0, 0, '019ca90e-21da-7053-91a3-cd3c96408060', NULL, 'esp', 'ev-463', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2330-74f1-8adc-a147eeb51450', '019ca90e-2208-75f3-a84b-216ad1a5332e', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21cf-7773-8ad6-0560545d4466', 1772369220000, 1772362801967, 1772366400000, 5, 0, 1, 0, 0, 0, '019ca90e-21da-7053-91a3-cd3c96408060', NULL, 'esp', 'ev-464', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2334-73f3-8084-17a4beb5cb34', '019ca90e-2208-75f3-a84b-216ad1a5332e', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21cf-7773-8ad6-0560545d4466', 1772369640000, 1772362801971, 1772366400000, 6, 1, 0, 0, 0, 23, NULL, NULL, 'esp', 'ev-465', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-234a-7260-9059-b722710ad7cc', '019ca90e-2204-745c-bf27-0e0623de10f3', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c3-7d83-bb07-64941b464323', 1772374140000, 1772362801993, 1772373600000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-440', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-234c-7790-8934-d1cdfa1f8954', '019ca90e-2204-745c-bf27-0e0623de10f3', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c3-7d83-bb07-64941b464323', 1772374560000, 1772362801995, 1772373600000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-441', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-234e-76bd-9adc-4acc5ee8fae2', '019ca90e-2204-745c-bf27-0e0623de10f3', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c3-7d83-bb07-64941b464323', 1772374980000, 1772362801997, 1772373600000, 5, 0, 0, 0, 0, 0, '019ca90e-21d8-777a-9599-a9879167142c', NULL, 'esp', 'ev-442', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2350-7396-b7eb-ce0a8b8adf2a', '019ca90e-2204-745c-bf27-0e0623de10f3', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c3-7d83-bb07-64941b464323', 1772375400000, 1772362801999, 1772373600000, 5, 0, 1, 0, 0, 0, '019ca90e-21da-7053-91a3-cd3c96408060', NULL, 'esp', 'ev-443', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2352-7f6b-a239-d8120cfc5c1c', '019ca90e-2204-745c-bf27-0e0623de10f3', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c3-7d83-bb07-64941b464323', 1772375820000, 1772362802001, 1772373600000, 6, 1, 0, 0, 0, 23, NULL, NULL, 'esp', 'ev-444', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2354-78df-882b-c06c29db8dec', '019ca90e-2206-7004-87c1-8aa91333f799', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c9-7950-8533-6aefe930142b', 1772375400000, 1772362802003, 1772373600000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-451', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2356-7e3c-a7b5-ba46ee892239', '019ca90e-2206-7004-87c1-8aa91333f799', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c9-7950-8533-6aefe930142b', 1772375820000, 1772362802005, 1772373600000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-452', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2358-7a53-82fe-bab333698641', '019ca90e-2206-7004-87c1-8aa91333f799', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c9-7950-8533-6aefe930142b', 1772376240000, 1772362802007, 1772373600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-453', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-235a-7812-9564-6a3c162770bc', '019ca90e-2206-7004-87c1-8aa91333f799', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c9-7950-8533-6aefe930142b', 1772376660000, 1772362802009, 1772373600000, 5, 0, 1, 0, 0, 0, '019ca90e-21d8-777a-9599-a9879167142c', NULL, 'esp', 'ev-454', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-235c-717f-a5f5-2a0bab63f311', '019ca90e-2206-7004-87c1-8aa91333f799', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c9-7950-8533-6aefe930142b', 1772377080000, 1772362802011, 1772373600000, 5, 0, 1, 0, 0, 0, '019ca90e-21da-7053-91a3-cd3c96408060', NULL, 'esp', 'ev-455', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-235e-7470-b75c-8a5bd426ce7b', '019ca90e-2207-7d7d-8f7f-b053506ff817', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21cc-7ccb-ab99-0c5a998dbd63', 1772372340000, 1772362802013, 1772370000000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-456', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2360-74ff-b23f-358242ec291e', '019ca90e-2207-7d7d-8f7f-b053506ff817', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21cc-7ccb-ab99-0c5a998dbd63', 1772372760000, 1772362802015, 1772370000000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-457', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2362-76fd-b8f6-6b839fac9088', '019ca90e-2209-79e1-9a46-9ac9f71fda45', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21d2-7da5-9597-0086fc4e4241', 1772385960000, 1772362802017, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-466', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2364-7477-b1d2-3cfb717121bf', '019ca90e-2209-79e1-9a46-9ac9f71fda45', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21d2-7da5-9597-0086fc4e4241', 1772386380000, 1772362802019, 1772384400000, 4, 0, 1, 0, 0, 1, NULL, NULL, 'esp', 'ev-467', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2366-71d5-8236-9b6a801e5fb5', '019ca90e-2209-79e1-9a46-9ac9f71fda45', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21d2-7da5-9597-0086fc4e4241', 1772386800000, 1772362802021, 1772384400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-468', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2368-7326-a38c-a0ddbc75720f', '019ca90e-2209-79e1-9a46-9ac9f71fda45', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21d2-7da5-9597-0086fc4e4241', 1772387220000, 1772362802023, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-469', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236a-76eb-9610-45d4b4a0da75', '019ca90e-2209-79e1-9a46-9ac9f71fda45', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21d2-7da5-9597-0086fc4e4241', 1772386380000, 1772362802025, 1772384400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-470', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-239a-7936-a34b-ce5fc23a0d95', '019ca90e-238a-720f-948e-88b8f748263f', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-2199-77dd-be1a-bfb178d04abe', 1772380260000, 1772362802073, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-471', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-239e-76e0-9678-c605fb8bc202', '019ca90e-238a-720f-948e-88b8f748263f', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-2199-77dd-be1a-bfb178d04abe', 1772380680000, 1772362802077, 1772377200000, 5, 0, 0, 0, 0, 1, '019ca90e-2370-77b6-927a-ded9bedfe046', NULL, 'esp', 'ev-472', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23a2-7b0b-8bfe-fa26cd6a8df4', '019ca90e-238a-720f-948e-88b8f748263f', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-2199-77dd-be1a-bfb178d04abe', 1772381100000, 1772362802081, 1772380800000, 7, 0, 0, 0, 0, 56, NULL, NULL, 'esp', 'ev-473', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23a9-7eff-be76-b939d0d8e27a', '019ca90e-238a-720f-948e-88b8f748263f', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-2199-77dd-be1a-bfb178d04abe', 1772381520000, 1772362802088, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-2370-77b6-927a-ded9bedfe046', NULL, 'esp', 'ev-474', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23ad-7ab2-bd32-e7f9a876de3c', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772386620000, 1772362802092, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-475', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23b1-793b-bbd2-4b7e1c645dac', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772387040000, 1772362802096, 1772384400000, 5, 0, 0, 0, 0, 1, '019ca90e-2370-77b6-927a-ded9bedfe046', NULL, 'esp', 'ev-476', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23b5-7454-b17b-1bd30f8fe711', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772387460000, 1772362802100, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-477', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23b9-757d-bc84-4a6a16e80fce', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772387880000, 1772362802104, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-478', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23bd-74a4-a9ab-4b84bb3632fb', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772387040000, 1772362802108, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-479', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23c1-7a43-86bd-865111f96798', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772388720000, 1772362802112, 1772388000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-480', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23c5-7fe6-8284-7ade7de42d3d', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772389140000, 1772362802116, 1772388000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-481', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23c9-7bda-b31a-7124f70cbd17', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772387040000, 1772362802120, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-482', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23cd-73c3-adf2-c5b93cb1504a', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772387040000, 1772362802124, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-483', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23d1-739e-a26e-8357f585b330', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772390400000, 1772362802128, 1772388000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-484', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23d5-79e7-8b67-33e7bdb03af5', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772390820000, 1772362802132, 1772388000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-485', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23d9-790b-9b63-58bf4d5939d3', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772391240000, 1772362802136, 1772388000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-486', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23dd-726f-bfc5-90ab83e0292d', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772391660000, 1772362802140, 1772391600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-487', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23e1-7490-972c-24cac948c619', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772392080000, 1772362802144, 1772391600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-488', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23e5-7eaa-84e6-28d4c225318d', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772387040000, 1772362802148, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-489', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23e9-7e85-907a-11b4cf6e8e03', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772387040000, 1772362802152, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-490', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23ed-7e61-8706-14e341c0f47f', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772393340000, 1772362802156, 1772391600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-491', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23f1-772c-befa-d5353bfc3fbd', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772393760000, 1772362802160, 1772391600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-492', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23f5-7d6e-97f5-879277bd07f7', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772394180000, 1772362802164, 1772391600000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-493', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23f9-7915-9352-45f70b563dbc', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1772394600000, 1772362802168, 1772391600000, 5, 0, 0, 0, 0, 0, '019ca90e-2370-77b6-927a-ded9bedfe046', NULL, 'esp', 'ev-494', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-23fd-7a96-ade8-b276a4f24241', '019ca90e-238d-7427-8d2e-5d1b7c4e6987', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1772382660000, 1772362802172, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-503', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2401-7e82-b9f8-8c8fa9a7c362', '019ca90e-238d-7427-8d2e-5d1b7c4e6987', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1772383080000, 1772362802176, 1772380800000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-504', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2405-7204-8e72-405cb9640cfc', '019ca90e-238d-7427-8d2e-5d1b7c4e6987', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1772383500000, 1772362802180, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-505', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2409-7f00-8108-30fb9f847dc1', '019ca90e-238d-7427-8d2e-5d1b7c4e6987', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1772383920000, 1772362802184, 1772380800000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-506', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-240d-716b-a348-271c282bd266', '019ca90e-238d-7427-8d2e-5d1b7c4e6987', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1772384340000, 1772362802188, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-2370-77b6-927a-ded9bedfe046', NULL, 'esp', 'ev-507', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2411-797f-9f3b-2b86e2862369', '019ca90e-2390-7e99-811a-a9b2b496dbdf', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772386320000, 1772362802192, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-523', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2415-7929-a7ef-9f22ff6fb677', '019ca90e-2390-7e99-811a-a9b2b496dbdf', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772386740000, 1772362802196, 1772384400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-524', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2419-7ce1-84f3-b860d1148dcc', '019ca90e-2390-7e99-811a-a9b2b496dbdf', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772387160000, 1772362802200, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-525', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-241d-7b45-a87a-01e8cc5da550', '019ca90e-2390-7e99-811a-a9b2b496dbdf', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772387580000, 1772362802204, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-526', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2421-783f-b96b-31b1407dd83d', '019ca90e-2390-7e99-811a-a9b2b496dbdf', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772386740000, 1772362802208, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-527', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2425-7e78-a712-0c2a2fe2b38c', '019ca90e-2390-7e99-811a-a9b2b496dbdf', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772388420000, 1772362802212, 1772388000000, 5, 0, 0, 0, 0, 0, '019ca90e-2372-7814-84c7-20554c5b3688', NULL, 'esp', 'ev-528', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2429-7732-bcfc-dab1ca5d28ce', '019ca90e-2390-7e99-811a-a9b2b496dbdf', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772388840000, 1772362802216, 1772388000000, 5, 0, 0, 0, 0, 0, '019ca90e-2372-7814-84c7-20554c5b3688', NULL, 'esp', 'ev-529', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-242d-7d03-a050-d79c884492ec', '019ca90e-2390-7e99-811a-a9b2b496dbdf', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772389260000, 1772362802220, 1772388000000, 5, 0, 1, 0, 0, 0, '019ca90e-2370-77b6-927a-ded9bedfe046', NULL, 'esp', 'ev-530', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2431-76d6-bfb3-ad5dd9be691a', '019ca90e-2390-7e99-811a-a9b2b496dbdf', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ae-707a-b374-37a6fd48781e', 1772389680000, 1772362802224, 1772388000000, 8, 0, 0, 1, 1, 32, NULL, NULL, 'esp', 'ev-531', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2436-7741-8523-77bcee60dbf9', '019ca90e-2393-7336-acba-f3857bfaeb34', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772385900000, 1772362802229, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-544', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-243a-76d0-b110-e6281410e8e5', '019ca90e-2393-7336-acba-f3857bfaeb34', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772386320000, 1772362802233, 1772384400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-545', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-243e-7d58-a793-393b5036e67c', '019ca90e-2393-7336-acba-f3857bfaeb34', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772386740000, 1772362802237, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-546', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2442-7c67-aedc-e923266ce707', '019ca90e-2393-7336-acba-f3857bfaeb34', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772386320000, 1772362802241, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-547', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2446-7b40-8569-14dad0a3e402', '019ca90e-2393-7336-acba-f3857bfaeb34', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772387580000, 1772362802245, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-548', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-244a-7820-85d7-5377657ae409', '019ca90e-2393-7336-acba-f3857bfaeb34', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772388000000, 1772362802249, 1772388000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-549', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-244e-7b67-bf76-fc5e578025bb', '019ca90e-2393-7336-acba-f3857bfaeb34', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772388420000, 1772362802253, 1772388000000, 5, 0, 0, 0, 0, 0, '019ca90e-2370-77b6-927a-ded9bedfe046', NULL, 'esp', 'ev-550', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2452-7741-97ff-f31fccc96fae', '019ca90e-2393-7336-acba-f3857bfaeb34', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772388840000, 1772362802257, 1772388000000, 5, 0, 1, 0, 0, 0, '019ca90e-2370-77b6-927a-ded9bedfe046', NULL, 'esp', 'ev-551', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2456-7d58-8c4a-73c7aaa45a65', '019ca90e-2393-7336-acba-f3857bfaeb34', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772389260000, 1772362802261, 1772388000000, 5, 0, 0, 0, 0, 0, '019ca90e-2372-7814-84c7-20554c5b3688', NULL, 'esp', 'ev-552', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-245a-7b1f-99e5-64fc669fff8c', '019ca90e-2393-7336-acba-f3857bfaeb34', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 1772389680000, 1772362802265, 1772388000000, 6, 1, 0, 0, 0, 23, NULL, NULL, 'esp', 'ev-553', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2487-7c1b-9708-737e47da9f3c', '019ca90e-238c-7b83-a064-e26bbce2a2f7', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772378580000, 1772362802310, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-495', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2489-70ea-84cd-bdf9e5c89659', '019ca90e-238c-7b83-a064-e26bbce2a2f7', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772379000000, 1772362802312, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-496', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-248b-771d-a67d-276c075a9ce7', '019ca90e-238c-7b83-a064-e26bbce2a2f7', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772379420000, 1772362802314, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-497', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-248d-7e0d-8259-070783b8a710', '019ca90e-238c-7b83-a064-e26bbce2a2f7', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772379840000, 1772362802316, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-498', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-248f-7a30-8b86-0a20c41bc001', '019ca90e-238c-7b83-a064-e26bbce2a2f7', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772380260000, 1772362802318, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-2370-77b6-927a-ded9bedfe046', NULL, 'esp', 'ev-499', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2491-7ef2-84fd-aa79319d7419', '019ca90e-238c-7b83-a064-e26bbce2a2f7', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772380680000, 1772362802320, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-2372-7814-84c7-20554c5b3688', NULL, 'esp', 'ev-500', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2493-7631-8b5d-729dc77baf3c', '019ca90e-238c-7b83-a064-e26bbce2a2f7', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772381100000, 1772362802322, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-2370-77b6-927a-ded9bedfe046', NULL, 'esp', 'ev-501', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2495-733d-a2fd-f4b8125d5850', '019ca90e-238c-7b83-a064-e26bbce2a2f7', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 1772381520000, 1772362802324, 1772380800000, 6, 1, 0, 0, 0, 23, NULL, NULL, 'esp', 'ev-502', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2497-77f6-9532-390a5113660f', '019ca90e-238e-78cb-ae59-78d4a75b2ead', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772367060000, 1772362802326, 1772366400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-508', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2499-7974-a4ee-d6b422382a71', '019ca90e-238e-78cb-ae59-78d4a75b2ead', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772367480000, 1772362802328, 1772366400000, 3, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-509', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-249b-7807-8e67-5dc6f938eb5d', '019ca90e-238e-78cb-ae59-78d4a75b2ead', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772367900000, 1772362802330, 1772366400000, 4, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-510', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-249d-7d0e-85f5-9f8905548f39', '019ca90e-238e-78cb-ae59-78d4a75b2ead', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772368320000, 1772362802332, 1772366400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-511', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-249f-7e01-bd1a-66aca1acade5', '019ca90e-238e-78cb-ae59-78d4a75b2ead', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772368740000, 1772362802334, 1772366400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-512', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24a1-7373-b2ff-f068ae180615', '019ca90e-238e-78cb-ae59-78d4a75b2ead', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772367480000, 1772362802336, 1772366400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-513', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24a3-7bb7-a586-239a5a707830', '019ca90e-238e-78cb-ae59-78d4a75b2ead', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772369580000, 1772362802338, 1772366400000, 5, 0, 1, 0, 0, 0, '019ca90e-2370-77b6-927a-ded9bedfe046', NULL, 'esp', 'ev-514', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24a5-75c8-9c3c-11c8451dbd1a', '019ca90e-238e-78cb-ae59-78d4a75b2ead', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772370000000, 1772362802340, 1772370000000, 5, 0, 0, 0, 0, 0, '019ca90e-2370-77b6-927a-ded9bedfe046', NULL, 'esp', 'ev-515', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24a7-7242-a923-7de12764b192', '019ca90e-238e-78cb-ae59-78d4a75b2ead', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1772370420000, 1772362802342, 1772370000000, 8, 0, 0, 1, 1, 32, NULL, NULL, 'esp', 'ev-516', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24a9-72a4-aa15-353883b0ad9d', '019ca90e-238f-7cf9-ade5-d6d4b1dc12fa', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772378820000, 1772362802344, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-517', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24ab-76e3-8173-759dcd7dde67', '019ca90e-238f-7cf9-ade5-d6d4b1dc12fa', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772379240000, 1772362802346, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-518', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24ad-7b81-b2db-80505220e548', '019ca90e-238f-7cf9-ade5-d6d4b1dc12fa', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772379660000, 1772362802348, 1772377200000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-519', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24af-7bf2-a935-09301ec0dcb6', '019ca90e-238f-7cf9-ade5-d6d4b1dc12fa', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772380080000, 1772362802350, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-520', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24b1-7907-8b2c-addb56b9d327', '019ca90e-238f-7cf9-ade5-d6d4b1dc12fa', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772380500000, 1772362802352, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-521', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24b3-74e5-a80a-4bd4719391a8', '019ca90e-238f-7cf9-ade5-d6d4b1dc12fa', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1772380920000, 1772362802354, 1772380800000, 5, 0, 0, 0, 0, 0, '019ca90e-2372-7814-84c7-20554c5b3688', NULL, 'esp', 'ev-522', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24b5-74be-a8dd-9ccaaff01923', '019ca90e-2391-7869-a9ee-d8be12b14493', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b1-7837-b634-a762982272c5', 1772368740000, 1772362802356, 1772366400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-532', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24b7-7d9e-8690-07c836245b22', '019ca90e-2391-7869-a9ee-d8be12b14493', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b1-7837-b634-a762982272c5', 1772369160000, 1772362802358, 1772366400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-533', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24b9-7b03-879b-7e9bed4769a7', '019ca90e-2391-7869-a9ee-d8be12b14493', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b1-7837-b634-a762982272c5', 1772369580000, 1772362802360, 1772366400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-534', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24bb-789f-85dd-9e9de66b349d', '019ca90e-2391-7869-a9ee-d8be12b14493', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b1-7837-b634-a762982272c5', 1772369160000, 1772362802362, 1772366400000, 4, 0, 1, 0, 0, 0, NULL, NULL, 'esp', 'ev-535', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24bd-7bc6-9a68-4cae11f3b741', '019ca90e-2391-7869-a9ee-d8be12b14493', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b1-7837-b634-a762982272c5', 1772370420000, 1772362802364, 1772370000000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-536', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24bf-75ee-a5b1-4941225dd46b', '019ca90e-2391-7869-a9ee-d8be12b14493', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b1-7837-b634-a762982272c5', 1772370840000, 1772362802366, 1772370000000, 5, 0, 1, 0, 0, 0, '019ca90e-2372-7814-84c7-20554c5b3688', NULL, 'esp', 'ev-537', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24c1-7839-bd44-76d80d54b8dc', '019ca90e-2391-7869-a9ee-d8be12b14493', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b1-7837-b634-a762982272c5', 1772371260000, 1772362802368, 1772370000000, 5, 0, 1, 0, 0, 0, '019ca90e-2372-7814-84c7-20554c5b3688', NULL, 'esp', 'ev-538', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24c3-7326-85c7-4236682afec7', '019ca90e-2392-72dc-b29e-8d89be71fa38', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b4-7859-8678-d202b1981644', 1772381940000, 1772362802370, 1772380800000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-539', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24c5-7b97-9015-59af5d17d814', '019ca90e-2392-72dc-b29e-8d89be71fa38', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b4-7859-8678-d202b1981644', 1772382360000, 1772362802372, 1772380800000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-540', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24c7-7d34-ac62-3bdf4c0d4be3', '019ca90e-2392-72dc-b29e-8d89be71fa38', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b4-7859-8678-d202b1981644', 1772382780000, 1772362802374, 1772380800000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-541', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24c9-7642-8f5a-81425114c0fc', '019ca90e-2392-72dc-b29e-8d89be71fa38', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b4-7859-8678-d202b1981644', 1772383200000, 1772362802376, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-2370-77b6-927a-ded9bedfe046', NULL, 'esp', 'ev-542', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24cb-7347-8cc7-ec41d9c2ddde', '019ca90e-2392-72dc-b29e-8d89be71fa38', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b4-7859-8678-d202b1981644', 1772383620000, 1772362802378, 1772380800000, 5, 0, 1, 0, 0, 0, '019ca90e-2372-7814-84c7-20554c5b3688', NULL, 'esp', 'ev-543', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24cd-7811-9f7a-3ab069edf6e6', '019ca90e-2394-77c2-a89d-981026cf28a3', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772378760000, 1772362802380, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-554', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24cf-76d7-a0de-225b653118a7', '019ca90e-2394-77c2-a89d-981026cf28a3', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772379180000, 1772362802382, 1772377200000, 4, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-555', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24d1-7b92-9b3d-996b40027894', '019ca90e-2394-77c2-a89d-981026cf28a3', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772379600000, 1772362802384, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-556', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24d3-7ca5-9d17-ced1800920bc', '019ca90e-2394-77c2-a89d-981026cf28a3', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772380020000, 1772362802386, 1772377200000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-557', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24d5-740d-8130-c939a0b1c4b3', '019ca90e-2394-77c2-a89d-981026cf28a3', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1772380440000, 1772362802388, 1772377200000, 5, 0, 1, 0, 0, 0, '019ca90e-2372-7814-84c7-20554c5b3688', NULL, 'esp', 'ev-558', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24dc-7610-b91d-05a3d5777d6a', '019ca90e-2396-7eab-a140-9f17db447530', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1772385900000, 1772362802395, 1772384400000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-563', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24e0-7a85-82ea-a381e7638e10', '019ca90e-2396-7eab-a140-9f17db447530', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1772386320000, 1772362802399, 1772384400000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-564', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24e4-75ce-8ebe-d79df0bd329c', '019ca90e-2396-7eab-a140-9f17db447530', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1772386740000, 1772362802403, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-565', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24e8-7a3f-a647-6d75e3b21817', '019ca90e-2396-7eab-a140-9f17db447530', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1772386320000, 1772362802407, 1772384400000, 4, 0, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-566', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24ef-70fc-bfa2-b932fa0f47ab', '019ca90e-2395-7fc7-aa44-a44481800127', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 1772379720000, 1772362802414, 1772377200000, 1, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-559', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24f1-7cd8-bffc-01af3b460527', '019ca90e-2395-7fc7-aa44-a44481800127', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 1772380140000, 1772362802416, 1772377200000, 2, 0, 0, 0, 0, 1, NULL, NULL, 'esp', 'ev-560', NULL, NULL, NULL, NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24f3-737b-973b-b5f5fbabaeb0', '019ca90e-2395-7fc7-aa44-a44481800127', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 1772380560000, 1772362802418, 1772377200000, 5, 0, 0, 0, 0, 0, '019ca90e-2372-7814-84c7-20554c5b3688', NULL, 'esp', 'ev-561', NULL, NULL, 'Mozilla/5.0', NULL, NULL);
INSERT INTO fixture.events VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-24f5-761c-baf9-2f88942a823d', '019ca90e-2395-7fc7-aa44-a44481800127', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 1772380980000, 1772362802420, 1772380800000, 6, 2, 0, 0, 0, 0, NULL, NULL, 'esp', 'ev-562', NULL, NULL, NULL, NULL, NULL);


--
-- Data for Name: hourly_stats; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772370000000, 6, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772388000000, 4, 5);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772391600000, 4, 5);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772391600000, 5, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772373600000, 4, 6);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772373600000, 8, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772373600000, 6, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772377200000, 3, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772377200000, 6, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772384400000, 4, 8);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772373600000, 5, 8);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772373600000, 7, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772380800000, 3, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772366400000, 5, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772373600000, 1, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772373600000, 2, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772377200000, 5, 9);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772384400000, 1, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772384400000, 2, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772377200000, 2, 5);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772380800000, 2, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772366400000, 1, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772370000000, 8, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772384400000, 6, 4);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772380800000, 4, 12);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772366400000, 4, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772366400000, 2, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772380800000, 6, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772370000000, 4, 21);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772370000000, 1, 6);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772370000000, 5, 8);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772384400000, 8, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772377200000, 1, 6);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772380800000, 1, 4);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772377200000, 4, 13);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772370000000, 2, 5);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772380800000, 5, 12);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 1772384400000, 5, 6);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772380800000, 6, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772384400000, 6, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772370000000, 5, 7);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772370000000, 8, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772370000000, 6, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772370000000, 3, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772377200000, 6, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772384400000, 7, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772377200000, 2, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772377200000, 3, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772380800000, 2, 4);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772380800000, 1, 5);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772377200000, 5, 7);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772380800000, 5, 9);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772373600000, 5, 9);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772377200000, 8, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772380800000, 4, 11);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772373600000, 4, 9);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772373600000, 1, 6);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772384400000, 5, 9);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772377200000, 1, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772377200000, 4, 10);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772373600000, 2, 5);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772388000000, 2, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772388000000, 4, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772388000000, 5, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772388000000, 6, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772370000000, 1, 4);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772370000000, 2, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772370000000, 4, 8);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772366400000, 2, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772366400000, 4, 8);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772384400000, 2, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772384400000, 1, 4);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772384400000, 4, 4);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1772366400000, 1, 4);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772384400000, 8, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772384400000, 1, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772384400000, 2, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772384400000, 4, 5);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772384400000, 6, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772370000000, 1, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772380800000, 2, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772384400000, 5, 4);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772380800000, 1, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772370000000, 4, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772377200000, 4, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772377200000, 2, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772380800000, 5, 4);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772370000000, 5, 6);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772377200000, 1, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772380800000, 4, 4);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772370000000, 3, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1772370000000, 6, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772370000000, 4, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772380800000, 2, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772380800000, 1, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772380800000, 3, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772377200000, 1, 7);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772380800000, 6, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772377200000, 4, 12);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772380800000, 4, 9);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772384400000, 2, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772380800000, 5, 6);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772377200000, 2, 5);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772384400000, 5, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772377200000, 5, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772380800000, 8, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772366400000, 2, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772366400000, 1, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772366400000, 3, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772366400000, 4, 6);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772366400000, 5, 4);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772366400000, 6, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772370000000, 1, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772373600000, 4, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772373600000, 5, 5);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772373600000, 6, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772384400000, 1, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772373600000, 1, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772373600000, 2, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772384400000, 4, 8);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d5-713a-9090-ed98c1648e88', 1772370000000, 2, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772380800000, 7, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772384400000, 5, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772391600000, 4, 5);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772391600000, 5, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772388000000, 8, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772388000000, 4, 6);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772388000000, 5, 6);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772388000000, 6, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772380800000, 2, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772380800000, 1, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772377200000, 4, 8);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772370000000, 5, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772366400000, 4, 6);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772366400000, 1, 2);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772370000000, 4, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772366400000, 5, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772366400000, 3, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772366400000, 2, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772380800000, 5, 6);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772380800000, 4, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772370000000, 8, 1);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772384400000, 1, 4);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772384400000, 2, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772384400000, 4, 15);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772377200000, 2, 3);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772377200000, 5, 5);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772377200000, 1, 5);
INSERT INTO fixture.hourly_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 1772380800000, 6, 2);


--
-- Data for Name: landing_pages; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: leads; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: link_stats; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.link_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be7-78d2-86e1-28a5e39d1a93', '019ca90e-1be2-7923-b80d-6da3698bd68c', 12, 10, 6);
INSERT INTO fixture.link_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be9-740c-ae0e-6c5703f85301', '019ca90e-1be2-7923-b80d-6da3698bd68c', 17, 12, 10);
INSERT INTO fixture.link_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be5-7a96-8c09-b40e04b0951c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 16, 11, 7);
INSERT INTO fixture.link_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e91-7753-9935-7f0d782b3496', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 22, 15, 10);
INSERT INTO fixture.link_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8f-7cd6-afb3-f03db449b827', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 22, 13, 8);
INSERT INTO fixture.link_stats VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f1-7d89-8999-34690dfe6474', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 14, 6, 5);
INSERT INTO fixture.link_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d8-777a-9599-a9879167142c', '019ca90e-21d5-713a-9090-ed98c1648e88', 9, 8, 6);
INSERT INTO fixture.link_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21da-7053-91a3-cd3c96408060', '019ca90e-21d5-713a-9090-ed98c1648e88', 11, 10, 5);
INSERT INTO fixture.link_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2370-77b6-927a-ded9bedfe046', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 13, 8, 6);
INSERT INTO fixture.link_stats VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2372-7814-84c7-20554c5b3688', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 10, 8, 5);


--
-- Data for Name: links; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.links VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be5-7a96-8c09-b40e04b0951c', '019ca90e-1be2-7923-b80d-6da3698bd68c', 'https://acme.example/spring/0', 'spring-0', 0, 1772362800102, 0);
INSERT INTO fixture.links VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be7-78d2-86e1-28a5e39d1a93', '019ca90e-1be2-7923-b80d-6da3698bd68c', 'https://acme.example/spring/1', 'spring-1', 1, 1772362800104, 0);
INSERT INTO fixture.links VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1be9-740c-ae0e-6c5703f85301', '019ca90e-1be2-7923-b80d-6da3698bd68c', 'https://acme.example/spring/2', 'spring-2', 2, 1772362800106, 0);
INSERT INTO fixture.links VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e8f-7cd6-afb3-f03db449b827', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 'https://acme.example/summer/0', 'summer-0', 0, 1772362800784, 0);
INSERT INTO fixture.links VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1e91-7753-9935-7f0d782b3496', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 'https://acme.example/summer/1', 'summer-1', 1, 1772362800786, 0);
INSERT INTO fixture.links VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-20f1-7d89-8999-34690dfe6474', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 'https://acme.example/autumn/0', 'autumn-0', 0, 1772362801394, 0);
INSERT INTO fixture.links VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21d8-777a-9599-a9879167142c', '019ca90e-21d5-713a-9090-ed98c1648e88', 'https://globex.example/launch/0', 'launch-0', 0, 1772362801625, 0);
INSERT INTO fixture.links VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21da-7053-91a3-cd3c96408060', '019ca90e-21d5-713a-9090-ed98c1648e88', 'https://globex.example/launch/1', 'launch-1', 1, 1772362801627, 0);
INSERT INTO fixture.links VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2370-77b6-927a-ded9bedfe046', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 'https://globex.example/promo/0', 'promo-0', 0, 1772362802033, 0);
INSERT INTO fixture.links VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2372-7814-84c7-20554c5b3688', '019ca90e-236d-7b95-9626-3f5f8781f3cd', 'https://globex.example/promo/1', 'promo-1', 1, 1772362802035, 0);
INSERT INTO fixture.links VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2512-753e-adc9-17717eaf4a15', '019ca90e-250f-7542-963b-64b00fe90c8a', 'https://initech.example/quiet/0', 'quiet-0', 0, 1772362802451, 0);


--
-- Data for Name: messages; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c0d-7cc6-b9da-6f84ac02f8a2', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b94-7239-837c-fe9bee450b27', 1, 0, 1772362800136, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c10-7d20-ae77-f4fd4e0b2bc4', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1, 0, 1772362800136, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c14-7953-9859-9967989ca151', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1, 0, 1772362800136, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c15-7167-badd-d82d3e5dcb0a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bac-7797-99f4-484db6137728', 1, 0, 1772362800136, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c18-7eee-93c7-59c8e00b381a', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1, 0, 1772362800136, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c1a-7ee2-9801-8238f5b2d87d', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1, 0, 1772362800136, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c1b-77d7-84cf-4d2c40d5764b', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1, 0, 1772362800136, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c1d-7560-b9ed-3e37b9c0c390', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1, 0, 1772362800136, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c1e-7d17-b7b0-5a5353fc8a85', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1, 0, 1772362800136, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c1f-72e9-b383-9e09289cd8a7', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1, 0, 1772362800136, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c09-72f1-9aea-faa6bbd8fd6d', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b88-7720-a77c-53fdebf48b47', 4, 0, 1772362800136, 0, 1772375460000, 0, 0, 0, 1772375880000, 0, 1772376300000, 0, 1, 0, 561, NULL, NULL, 1772376300000, 1772362800171, '019ca90e-1c2c-72cd-8fcc-48869ff50215', '019ca90e-1be5-7a96-8c09-b40e04b0951c:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c0a-7841-a291-f96713dfae5e', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8b-7234-8911-5f7471e6c651', 5, 0, 1772362800136, 0, 1772370720000, 0, 1772371560000, 0, 1772371140000, 0, 0, 0, 1, 0, 113, NULL, NULL, 1772371560000, 1772362800188, '019ca90e-1c3d-7d4e-8691-6c9fe24b31a1', '019ca90e-1be5-7a96-8c09-b40e04b0951c:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c0b-7086-abda-4756a5cb2edf', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 4, 0, 1772362800136, 0, 1772385960000, 0, 0, 1772386380000, 1772386380000, 0, 0, 15, 1, 0, 61, NULL, NULL, 1772392680000, 1772362800262, '019ca90e-1c87-7eb8-acab-a08c2e133b63', '019ca90e-1be5-7a96-8c09-b40e04b0951c:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c0c-7a1d-8dda-e0d6af275eed', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 4, 0, 1772362800136, 0, 1772369640000, 0, 0, 1772370060000, 1772370060000, 0, 0, 15, 1, 0, 61, NULL, NULL, 1772375520000, 1772362800334, '019ca90e-1ccf-7ff5-ad3f-2cb43722eaa0', '019ca90e-1be5-7a96-8c09-b40e04b0951c:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c0f-7933-b41c-69d62c8ba542', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b9a-76cb-8416-47b19371789d', 4, 0, 1772362800136, 0, 1772372040000, 1772372460000, 0, 1772372880000, 1772373720000, 0, 1772374980000, 2, 3, 0, 575, NULL, NULL, 1772374980000, 1772362800386, '019ca90e-1d03-7c00-a556-c11e887dd010', '019ca90e-1be7-78d2-86e1-28a5e39d1a93:h,019ca90e-1be9-740c-ae0e-6c5703f85301:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c11-74b6-8e42-070f352265fc', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba0-7fc3-9e83-2612c394ad59', 4, 0, 1772362800136, 0, 1772372580000, 1772373000000, 0, 1772373420000, 1772373840000, 1772374680000, 0, 1, 2, 0, 311, NULL, NULL, 1772374680000, 1772362800528, '019ca90e-1d91-737f-86a5-0fc6ad480a9d', '019ca90e-1be5-7a96-8c09-b40e04b0951c:c,019ca90e-1be9-740c-ae0e-6c5703f85301:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c16-7007-8e6e-a0c65f0ce754', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1baf-78b2-aad1-1dfdeb1ff014', 5, 0, 1772362800136, 0, 1772383380000, 0, 1772385900000, 1772383800000, 0, 0, 0, 4, 0, 0, 77, NULL, NULL, 1772385900000, 1772362800566, '019ca90e-1db7-79bf-8634-bf330190f578', NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c17-749a-a79d-9f6745df6ce5', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 4, 0, 1772362800136, 0, 1772383020000, 0, 0, 1772383440000, 1772384280000, 0, 1772385120000, 2, 1, 1, 661, NULL, NULL, 1772385120000, 1772362800694, '019ca90e-1e37-7586-b24c-27178a68411b', '019ca90e-1be5-7a96-8c09-b40e04b0951c:c');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c19-738a-8ed1-63eece840a49', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 4, 0, 1772362800136, 0, 1772370780000, 1772371200000, 0, 1772371620000, 1772372040000, 0, 1772372460000, 1, 1, 0, 535, NULL, NULL, 1772372460000, 1772362800704, '019ca90e-1e41-7bda-8224-56fba1028758', '019ca90e-1be7-78d2-86e1-28a5e39d1a93:c');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c20-76ad-b7e8-ab8f65184400', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bcd-7f88-9fd7-e07fbccb45bc', 5, 0, 1772362800136, 0, 1772380320000, 1772380740000, 1772384100000, 1772380740000, 1772382840000, 0, 0, 4, 3, 0, 127, NULL, NULL, 1772384100000, 1772362800774, '019ca90e-1e87-71e1-8434-f6cc6194276c', '019ca90e-1be5-7a96-8c09-b40e04b0951c:c,019ca90e-1be7-78d2-86e1-28a5e39d1a93:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1eba-76d5-b58c-0f4d2c058fe4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b94-7239-837c-fe9bee450b27', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ebc-7f62-b28f-e0e11c53fa02', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b9a-76cb-8416-47b19371789d', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ebd-7b71-b9ab-0f7798b6dd07', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ec0-74a3-8a51-d4aad0902d22', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ec1-7ed8-a18c-a4a0adf7b6a1', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bac-7797-99f4-484db6137728', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ec3-70d3-94fe-51f4a8e7751b', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb5-78d1-864d-ca759b3b89ef', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ec4-7e2b-b4f0-2be7ea7af686', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ec5-7050-a897-4d782849ae4a', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bbb-7033-b23a-524c32ef367c', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ec6-7cf5-9627-b987fb1a0da3', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bbe-7611-a32c-04ddac65d42b', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ec8-72fc-ae20-fb2b766805e5', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc4-7c7f-8073-f5f86ff8b597', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ec9-7369-81a9-e8b376c9e48f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc7-76d5-a4e0-c8fc387552bd', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1eca-7683-b233-499f3114f4ef', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bca-70f2-8555-9189f3b0aca8', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ecb-7099-b169-7c683b253e3d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd0-7b29-9081-993098370785', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ecd-7159-a5ab-bd053a06fbed', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd6-7db3-a070-28b3a1da43a2', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ece-7f02-acea-1e1105f52814', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd9-7ef7-96d3-8dfc5fb21b15', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ecf-73fe-b043-6ed0fef7b496', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bdc-748c-8623-0782fee1fe38', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ed0-7bb8-b0d8-a1d6202e335d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bdf-7bbe-b9f5-7161d42f9ff2', 1, 0, 1772362800822, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1eb7-7064-8e3b-7f4551850291', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b88-7720-a77c-53fdebf48b47', 4, 0, 1772362800822, 0, 1772385720000, 1772386140000, 0, 0, 1772386560000, 1772387820000, 0, 0, 3, 0, 307, NULL, NULL, 1772387820000, 1772362800871, '019ca90e-1ee8-7977-8358-c4003e572222', '019ca90e-1e8f-7cd6-afb3-f03db449b827:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1eb8-71f0-9aed-b7915b1b1cf4', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 4, 0, 1772362800822, 0, 1772383500000, 1772383920000, 0, 1772383920000, 1772385180000, 1772385600000, 0, 2, 1, 0, 319, NULL, NULL, 1772385600000, 1772362800997, '019ca90e-1f66-7977-9718-5e9995d9168e', '019ca90e-1e91-7753-9935-7f0d782b3496:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c0e-7911-b2b8-5c39a8279d6c', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1b97-790f-a338-ce6aeca1e449', 4, 0, 1772362800136, 0, 1772367420000, 0, 0, 1772367840000, 1772368680000, 0, 0, 2, 1, 0, 21, NULL, NULL, 1772368680000, 1772362800504, '019ca90e-1d79-7183-ae95-a8a44c7656bf', '019ca90e-1be7-78d2-86e1-28a5e39d1a93:c');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ebb-7e87-b533-b08ca5a6457d', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b97-790f-a338-ce6aeca1e449', 4, 0, 1772362800822, 0, 1772371680000, 0, 0, 1772372520000, 1772372940000, 0, 1772373360000, 1, 1, 0, 541, NULL, NULL, 1772373360000, 1772362801021, '019ca90e-1f7e-7eb6-a660-3345b3ee8b9a', '019ca90e-1e91-7753-9935-7f0d782b3496:c');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c12-7da6-904d-aa47ad0b41b5', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba3-7956-8489-98fdda911ae0', 4, 0, 1772362800136, 0, 1772375160000, 1772375580000, 0, 0, 1772376000000, 0, 0, 0, 1, 1, 179, NULL, NULL, 1772376420000, 1772362800403, '019ca90e-1d14-7449-b1ed-96833da3694d', '019ca90e-1be9-740c-ae0e-6c5703f85301:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ebe-7ccc-9c2a-9691c44ee439', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba3-7956-8489-98fdda911ae0', 5, 0, 1772362800822, 0, 1772376000000, 0, 1772378520000, 1772376420000, 1772377260000, 0, 0, 2, 3, 0, 125, NULL, NULL, 1772378520000, 1772362801047, '019ca90e-1f98-7b89-a813-a892630dc77f', '019ca90e-1e91-7753-9935-7f0d782b3496:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c13-7579-bc4a-bd6cc24d82bb', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 4, 0, 1772362800136, 0, 1772371800000, 1772372220000, 0, 1772372220000, 0, 0, 0, 4, 0, 0, 15, NULL, NULL, 1772373480000, 1772362800538, '019ca90e-1d9b-79ae-b80d-7193200c7f05', NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ebf-7add-abb0-4beca40be4e9', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1ba6-7c0a-bdd8-9d53fd1f0949', 5, 0, 1772362800822, 0, 1772386920000, 1772387340000, 1772389020000, 0, 1772387760000, 0, 0, 0, 2, 1, 243, NULL, NULL, 1772389020000, 1772362801059, '019ca90e-1fa4-767c-83a2-0de97b582ce7', '019ca90e-1e8f-7cd6-afb3-f03db449b827:c,019ca90e-1e91-7753-9935-7f0d782b3496:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ec2-7c43-8e6e-1cef0fac5a27', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 4, 0, 1772362800822, 0, 1772375280000, 1772375700000, 0, 0, 1772376120000, 0, 1772377380000, 0, 3, 0, 563, NULL, NULL, 1772377380000, 1772362801217, '019ca90e-2042-7bb3-a211-d89999360eb6', '019ca90e-1e8f-7cd6-afb3-f03db449b827:c,019ca90e-1e91-7753-9935-7f0d782b3496:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1c1c-7d76-ad37-172c06059abd', '019ca90e-1be2-7923-b80d-6da3698bd68c', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 4, 0, 1772362800136, 0, 1772379060000, 1772379480000, 0, 1772379900000, 0, 0, 0, 2, 0, 0, 7, NULL, NULL, 1772380320000, 1772362800720, '019ca90e-1e51-7d81-90d4-19eb2ad863a9', NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ec7-7c1b-8d0f-d29198551ba0', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 4, 0, 1772362800822, 0, 1772374260000, 1772374680000, 0, 1772374680000, 1772376780000, 0, 1772377620000, 4, 2, 0, 575, NULL, NULL, 1772377620000, 1772362801261, '019ca90e-206e-7e88-894a-94d199783839', '019ca90e-1e91-7753-9935-7f0d782b3496:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ecc-74af-958e-66c5848724bc', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1bd3-7ca7-989f-677ccc71b372', 5, 0, 1772362800822, 0, 1772387820000, 1772388240000, 1772390340000, 1772388660000, 1772389500000, 0, 0, 2, 2, 0, 119, NULL, NULL, 1772390340000, 1772362801321, '019ca90e-20aa-7f73-b1cc-e7b9c5d50bbb', '019ca90e-1e8f-7cd6-afb3-f03db449b827:c,019ca90e-1e91-7753-9935-7f0d782b3496:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2106-7f92-9cfa-fd1cec102179', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b94-7239-837c-fe9bee450b27', 1, 0, 1772362801412, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2108-701a-9603-9e15cf439602', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b9a-76cb-8416-47b19371789d', 1, 0, 1772362801412, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2109-72ed-85dd-f5f63c6c0977', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b9d-721f-8125-e7ce061dd314', 1, 0, 1772362801412, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-210a-7244-9adb-93a7f560b7eb', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1ba9-7dfa-a52c-067622f5642f', 1, 0, 1772362801412, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1eb9-7122-bc0d-a3464f33b05f', '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 4, 0, 1772362800822, 0, 1772368500000, 1772368920000, 0, 1772369340000, 0, 0, 0, 4, 0, 1, 143, NULL, NULL, 1772371020000, 1772362801011, '019ca90e-1f74-7cef-99fc-1fcdfb0e51c6', NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2105-7a15-9573-de58be8ec0c8', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 4, 0, 1772362801412, 0, 1772384280000, 1772384700000, 0, 1772385120000, 1772386800000, 0, 1772387640000, 4, 2, 0, 567, NULL, NULL, 1772387640000, 1772362801453, '019ca90e-212e-7fce-be08-23608c660c0f', '019ca90e-20f1-7d89-8999-34690dfe6474:h');
INSERT INTO fixture.messages VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-2107-728d-a949-0af8b8377327', '019ca90e-20ee-7e8e-8ca1-03a501bbc174', '019ca90e-1b97-790f-a338-ce6aeca1e449', 5, 0, 1772362801412, 0, 1772370360000, 0, 1772372460000, 1772370780000, 1772371200000, 0, 0, 1, 3, 0, 117, NULL, NULL, 1772372460000, 1772362801522, '019ca90e-2173-7ec0-892d-32fbeac01821', '019ca90e-20f1-7d89-8999-34690dfe6474:h');
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21f7-7a7b-83b5-302484e43aec', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 1, 0, 1772362801653, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21f9-779f-b689-a25072af45d2', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1, 0, 1772362801653, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21fc-7bdb-b92e-08125d883654', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1, 0, 1772362801653, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21fe-7ea0-85b2-b326c975d5ac', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b1-7837-b634-a762982272c5', 1, 0, 1772362801653, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21ff-7788-b9e2-2a5824797d5c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b4-7859-8678-d202b1981644', 1, 0, 1772362801653, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2202-7e27-a882-2a27bb0aeb19', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1, 0, 1772362801653, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2203-7550-b71e-95d83cd22baa', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 1, 0, 1772362801653, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2205-70fd-9fa0-bd5403debc7c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1, 0, 1772362801653, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2206-7004-87c1-8aa91333f799', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c9-7950-8533-6aefe930142b', 1, 0, 1772362801653, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2207-7d7d-8f7f-b053506ff817', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21cc-7ccb-ab99-0c5a998dbd63', 1, 0, 1772362801653, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2209-79e1-9a46-9ac9f71fda45', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21d2-7da5-9597-0086fc4e4241', 1, 0, 1772362801653, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21fa-7783-ac3f-6ac53c56a330', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a5-7580-b48e-da722810eab0', 5, 0, 1772362801653, 0, 1772379420000, 0, 1772381940000, 1772379840000, 1772381520000, 0, 0, 4, 1, 0, 125, NULL, NULL, 1772381940000, 1772362801862, '019ca90e-22c7-7667-895b-5994625f787d', '019ca90e-21d8-777a-9599-a9879167142c:h');
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2200-7d82-bc82-53d2b881834c', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21b7-71bf-acf0-47f66b534ca7', 4, 0, 1772362801653, 0, 1772380200000, 0, 0, 0, 1772380620000, 0, 1772381880000, 0, 3, 0, 561, NULL, NULL, 1772381880000, 1772362801898, '019ca90e-22eb-77f8-8e63-19edf27ae8a8', '019ca90e-21d8-777a-9599-a9879167142c:h,019ca90e-21da-7053-91a3-cd3c96408060:h');
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2208-75f3-a84b-216ad1a5332e', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21cf-7773-8ad6-0560545d4466', 5, 0, 1772362801653, 0, 1772366700000, 0, 1772369640000, 1772367120000, 1772368800000, 0, 0, 3, 2, 0, 93, NULL, NULL, 1772369640000, 1772362801971, '019ca90e-2334-73f3-8084-17a4beb5cb34', '019ca90e-21da-7053-91a3-cd3c96408060:c');
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2204-745c-bf27-0e0623de10f3', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21c3-7d83-bb07-64941b464323', 5, 0, 1772362801653, 0, 1772374140000, 1772374560000, 1772375820000, 0, 1772374980000, 0, 0, 0, 2, 0, 115, NULL, NULL, 1772375820000, 1772362802001, '019ca90e-2352-7f6b-a239-d8120cfc5c1c', '019ca90e-21d8-777a-9599-a9879167142c:h,019ca90e-21da-7053-91a3-cd3c96408060:c');
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-238d-7427-8d2e-5d1b7c4e6987', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a2-7d1e-af91-c13378e8ee3b', 1, 0, 1772362802057, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-238f-7cf9-ade5-d6d4b1dc12fa', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ab-7223-b4bd-d56ba3eb175e', 1, 0, 1772362802057, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2391-7869-a9ee-d8be12b14493', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b1-7837-b634-a762982272c5', 1, 0, 1772362802057, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2392-72dc-b29e-8d89be71fa38', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21b4-7859-8678-d202b1981644', 1, 0, 1772362802057, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2394-77c2-a89d-981026cf28a3', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21bd-7431-b6b7-c8664d0745a6', 1, 0, 1772362802057, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2395-7fc7-aa44-a44481800127', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21c0-77cc-b2a8-2f76a54ffa8d', 1, 0, 1772362802057, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2396-7eab-a140-9f17db447530', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21c6-7a0e-86a5-4462a9f5a010', 1, 0, 1772362802057, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21f6-7b67-9baa-01667efb77e9', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-2199-77dd-be1a-bfb178d04abe', 4, 0, 1772362801653, 0, 1772379960000, 1772380380000, 0, 1772380800000, 1772381220000, 0, 0, 1, 1, 0, 23, NULL, NULL, 1772381220000, 1772362801688, '019ca90e-2219-75c8-86db-4e5e2a039d4b', '019ca90e-21d8-777a-9599-a9879167142c:c');
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-238a-720f-948e-88b8f748263f', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-2199-77dd-be1a-bfb178d04abe', 4, 0, 1772362802057, 0, 1772380260000, 0, 0, 0, 1772380680000, 1772381100000, 0, 0, 1, 0, 305, NULL, NULL, 1772381100000, 1772362802081, '019ca90e-23a2-7b0b-8bfe-fa26cd6a8df4', '019ca90e-2370-77b6-927a-ded9bedfe046:h');
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-238b-7cba-b41c-f7dd5b0eb5e1', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219c-7ee0-b415-ae0ec4b4e33d', 4, 0, 1772362802057, 0, 1772386620000, 0, 0, 1772387040000, 1772387040000, 0, 0, 15, 1, 0, 61, NULL, NULL, 1772393340000, 1772362802156, '019ca90e-23ed-7e61-8706-14e341c0f47f', '019ca90e-2370-77b6-927a-ded9bedfe046:h');
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21fd-7442-949b-0c1ae0efde57', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ae-707a-b374-37a6fd48781e', 4, 0, 1772362801653, 0, 1772378580000, 1772379000000, 0, 1772379000000, 1772381100000, 0, 0, 4, 1, 0, 63, NULL, NULL, 1772381100000, 1772362801884, '019ca90e-22dd-749b-8ebe-9337835b116b', '019ca90e-21da-7053-91a3-cd3c96408060:h');
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2390-7e99-811a-a9b2b496dbdf', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ae-707a-b374-37a6fd48781e', 4, 0, 1772362802057, 0, 1772386320000, 1772386740000, 0, 1772386740000, 1772388420000, 0, 1772389680000, 3, 3, 0, 575, NULL, NULL, 1772389680000, 1772362802224, '019ca90e-2431-76d6-bfb3-ad5dd9be691a', '019ca90e-2370-77b6-927a-ded9bedfe046:c,019ca90e-2372-7814-84c7-20554c5b3688:h');
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2201-715c-9aa0-066ff21e7534', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 4, 0, 1772362801653, 0, 1772372760000, 1772373180000, 0, 1772373600000, 0, 0, 0, 1, 0, 0, 7, NULL, NULL, 1772373600000, 1772362801904, '019ca90e-22f1-7f3f-87a9-5e18b34a56e2', NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2393-7336-acba-f3857bfaeb34', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21ba-7a7a-b7da-e8c75ca489bb', 5, 0, 1772362802057, 0, 1772385900000, 1772386320000, 1772389680000, 1772386320000, 1772388420000, 0, 0, 4, 3, 0, 127, NULL, NULL, 1772389680000, 1772362802265, '019ca90e-245a-7b1f-99e5-64fc669fff8c', '019ca90e-2370-77b6-927a-ded9bedfe046:h,019ca90e-2372-7814-84c7-20554c5b3688:h');
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21f8-7b72-934e-c9a529c3c156', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 4, 0, 1772362801653, 0, 1772386140000, 1772386560000, 0, 1772386980000, 0, 0, 0, 3, 0, 0, 15, NULL, NULL, 1772387820000, 1772362801848, '019ca90e-22b9-75fd-8cbd-3b724621f978', NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-238c-7b83-a064-e26bbce2a2f7', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-219f-7dad-932f-5ec6a06c6d49', 5, 0, 1772362802057, 0, 1772378580000, 1772379000000, 1772381520000, 1772379420000, 1772380260000, 0, 0, 2, 3, 0, 127, NULL, NULL, 1772381520000, 1772362802324, '019ca90e-2495-733d-a2fd-f4b8125d5850', '019ca90e-2370-77b6-927a-ded9bedfe046:h,019ca90e-2372-7814-84c7-20554c5b3688:h');
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21fb-7b1f-9ab7-48afa025380f', '019ca90e-21d5-713a-9090-ed98c1648e88', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 4, 0, 1772362801653, 0, 1772385780000, 1772386200000, 0, 1772386620000, 1772387040000, 0, 0, 1, 1, 0, 63, NULL, NULL, 1772387040000, 1772362801870, '019ca90e-22cf-7742-b0ff-5c399cd7d79c', '019ca90e-21da-7053-91a3-cd3c96408060:h');
INSERT INTO fixture.messages VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-238e-78cb-ae59-78d4a75b2ead', '019ca90e-236d-7b95-9626-3f5f8781f3cd', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 4, 0, 1772362802057, 0, 1772367060000, 0, 0, 1772367480000, 1772369580000, 0, 1772370420000, 4, 2, 0, 573, NULL, NULL, 1772370420000, 1772362802342, '019ca90e-24a7-7242-a923-7de12764b192', '019ca90e-2370-77b6-927a-ded9bedfe046:h');
INSERT INTO fixture.messages VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2520-7709-bc7d-4a0a51583916', '019ca90e-250f-7542-963b-64b00fe90c8a', '019ca90e-24fd-73ab-9c8e-df0eb1c7ed37', 1, 0, 1772362802463, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2521-77a6-818a-98df382b473b', '019ca90e-250f-7542-963b-64b00fe90c8a', '019ca90e-2500-74d6-82a7-518b5faefc2f', 1, 0, 1772362802463, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2522-70a4-a4d8-3b4ebda76103', '019ca90e-250f-7542-963b-64b00fe90c8a', '019ca90e-2503-7d36-8b9e-07ee325b48b8', 1, 0, 1772362802463, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2523-73c5-8c08-593638045510', '019ca90e-250f-7542-963b-64b00fe90c8a', '019ca90e-2506-7a37-ace2-19bc6cbe5fb2', 1, 0, 1772362802463, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2524-7191-8f7e-e31b9264f1f5', '019ca90e-250f-7542-963b-64b00fe90c8a', '019ca90e-2509-7af5-88af-35f1e7f52f49', 1, 0, 1772362802463, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);
INSERT INTO fixture.messages VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', '019ca90e-2525-70b4-86fc-2d417cff5118', '019ca90e-250f-7542-963b-64b00fe90c8a', '019ca90e-250c-7cb0-93ff-4a4da9f5826c', 1, 0, 1772362802463, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1, NULL, NULL, NULL, NULL);


--
-- Data for Name: mtrk_schema; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.mtrk_schema VALUES (1, '2026-12-07 09:09:44.630565+00');
INSERT INTO fixture.mtrk_schema VALUES (2, '2026-12-07 09:09:44.630565+00');
INSERT INTO fixture.mtrk_schema VALUES (3, '2026-12-07 09:09:44.630565+00');
INSERT INTO fixture.mtrk_schema VALUES (4, '2026-12-07 09:09:44.630565+00');
INSERT INTO fixture.mtrk_schema VALUES (5, '2026-12-07 09:09:44.630565+00');
INSERT INTO fixture.mtrk_schema VALUES (6, '2026-12-07 09:09:44.630565+00');
INSERT INTO fixture.mtrk_schema VALUES (7, '2026-12-07 09:09:44.630565+00');
INSERT INTO fixture.mtrk_schema VALUES (8, '2026-12-07 09:09:44.630565+00');
INSERT INTO fixture.mtrk_schema VALUES (9, '2026-12-07 09:09:44.630565+00');
INSERT INTO fixture.mtrk_schema VALUES (10, '2026-12-07 09:09:44.630565+00');
INSERT INTO fixture.mtrk_schema VALUES (11, '2026-12-07 09:09:44.630565+00');
INSERT INTO fixture.mtrk_schema VALUES (12, '2026-12-07 09:09:44.630565+00');
INSERT INTO fixture.mtrk_schema VALUES (13, '2026-12-07 14:36:27.12771+00');


--
-- Data for Name: provider_messages; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: reputation_paused; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: reputation_state; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: signing_keys; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.signing_keys VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', 1, '95a618b7baa17d88f81a5b57e3dcb0cb073d3a0fef08e12c24002286d7c984eb', 1772362800005, 0);
INSERT INTO fixture.signing_keys VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', 1, '81a4bf520897e34796af7e86b43371656aa579978c6b404bbf73a24ac79457b8', 1772362801558, 0);
INSERT INTO fixture.signing_keys VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', 1, '0d3d4b490549fb36707905cfbe295cb4616f8fbdc52464baf0a43303517b5dc9', 1772362802426, 0);


--
-- Data for Name: suppressions; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.suppressions VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', 1, 'user1@acme.example', 'hard_bounce', 1772362800191, '019ca90e-1c3d-7d4e-8691-6c9fe24b31a1');
INSERT INTO fixture.suppressions VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', 1, 'user8@acme.example', 'complaint', 1772362800570, '019ca90e-1d91-737f-86a5-0fc6ad480a9d');
INSERT INTO fixture.suppressions VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', 1, 'user13@acme.example', 'hard_bounce', 1772362800572, '019ca90e-1db7-79bf-8634-bf330190f578');
INSERT INTO fixture.suppressions VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', 1, 'user23@acme.example', 'hard_bounce', 1772362800779, '019ca90e-1e87-71e1-8434-f6cc6194276c');
INSERT INTO fixture.suppressions VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', 1, 'user0@acme.example', 'complaint', 1772362800875, '019ca90e-1ee8-7977-8358-c4003e572222');
INSERT INTO fixture.suppressions VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', 1, 'user2@acme.example', 'complaint', 1772362801081, '019ca90e-1f66-7977-9718-5e9995d9168e');
INSERT INTO fixture.suppressions VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', 1, 'user9@acme.example', 'hard_bounce', 1772362801084, '019ca90e-1f98-7b89-a813-a892630dc77f');
INSERT INTO fixture.suppressions VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', 1, 'user10@acme.example', 'hard_bounce', 1772362801086, '019ca90e-1fa4-767c-83a2-0de97b582ce7');
INSERT INTO fixture.suppressions VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', 1, 'user25@acme.example', 'hard_bounce', 1772362801324, '019ca90e-20aa-7f73-b1cc-e7b9c5d50bbb');
INSERT INTO fixture.suppressions VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', 1, 'user5@acme.example', 'hard_bounce', 1772362801553, '019ca90e-2173-7ec0-892d-32fbeac01821');
INSERT INTO fixture.suppressions VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', 1, 'user4@globex.example', 'hard_bounce', 1772362801915, '019ca90e-22c7-7667-895b-5994625f787d');
INSERT INTO fixture.suppressions VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', 1, 'user18@globex.example', 'hard_bounce', 1772362801974, '019ca90e-2334-73f3-8084-17a4beb5cb34');
INSERT INTO fixture.suppressions VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', 1, 'user14@globex.example', 'hard_bounce', 1772362802028, '019ca90e-2352-7f6b-a239-d8120cfc5c1c');
INSERT INTO fixture.suppressions VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', 1, 'user0@globex.example', 'complaint', 1772362802085, '019ca90e-23a2-7b0b-8bfe-fa26cd6a8df4');
INSERT INTO fixture.suppressions VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', 1, 'user11@globex.example', 'hard_bounce', 1772362802268, '019ca90e-245a-7b1f-99e5-64fc669fff8c');
INSERT INTO fixture.suppressions VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', 1, 'user2@globex.example', 'hard_bounce', 1772362802391, '019ca90e-2495-733d-a2fd-f4b8125d5850');


--
-- Data for Name: tenants; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.tenants VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', 'acme', 1772362800002, '', 3, 2592000000, 31536000000, '2610114b589f2c6ee0ad23f9e8c2ee1216fb23c1531fc512dbdb10cc13c23a73', NULL, 2, 946684800000, 86400000, 0, 2592000000);
INSERT INTO fixture.tenants VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', 'globex', 1772362801555, '', 3, 2592000000, 31536000000, '95a226df667f630e04bb73ea045e25510282d884aea3b2433239db4d7ffd59cf', NULL, 2, 946684800000, 86400000, 0, 2592000000);
INSERT INTO fixture.tenants VALUES ('019ca90e-24f6-7a5f-894a-66b806ada859', 'initech', 1772362802423, '', 3, 2592000000, 31536000000, '4cd5fdecdeace24f633e3f81a6dce62c3bf3b072aa510c23d0f9130c9620ab4a', NULL, 2, 946684800000, 86400000, 0, 2592000000);


--
-- Data for Name: unsubscribes; Type: TABLE DATA; Schema: fixture; Owner: -
--

INSERT INTO fixture.unsubscribes VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b88-7720-a77c-53fdebf48b47', 2, '019ca90e-1be2-7923-b80d-6da3698bd68c', 1, 1772362800173, '019ca90e-1c2c-72cd-8fcc-48869ff50215');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b9a-76cb-8416-47b19371789d', 2, '019ca90e-1be2-7923-b80d-6da3698bd68c', 1, 1772362800388, '019ca90e-1d03-7c00-a556-c11e887dd010');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1ba0-7fc3-9e83-2612c394ad59', 1, '00000000-0000-0000-0000-000000000000', 3, 1772362800569, '019ca90e-1d91-737f-86a5-0fc6ad480a9d');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 2, '019ca90e-1be2-7923-b80d-6da3698bd68c', 1, 1772362800776, '019ca90e-1e37-7586-b24c-27178a68411b');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bb8-741d-9f1b-c10308d75cfa', 2, '019ca90e-1be2-7923-b80d-6da3698bd68c', 1, 1772362800777, '019ca90e-1e41-7bda-8224-56fba1028758');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b88-7720-a77c-53fdebf48b47', 1, '00000000-0000-0000-0000-000000000000', 3, 1772362800874, '019ca90e-1ee8-7977-8358-c4003e572222');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b8e-7b4a-85f2-b4bd64b4da37', 1, '00000000-0000-0000-0000-000000000000', 3, 1772362801080, '019ca90e-1f66-7977-9718-5e9995d9168e');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b97-790f-a338-ce6aeca1e449', 2, '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1, 1772362801082, '019ca90e-1f7e-7eb6-a660-3345b3ee8b9a');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bb2-72b5-ae2a-a6ca00eedece', 2, '019ca90e-1e8c-70de-bdbd-d348bcfcc4ad', 1, 1772362801293, '019ca90e-2042-7bb3-a211-d89999360eb6');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1bc1-7ec6-a4f5-2c29922395eb', 1, '00000000-0000-0000-0000-000000000000', 1, 1772362801294, '019ca90e-206e-7e88-894a-94d199783839');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-1b81-7a67-8b7e-3b48aaade17c', '019ca90e-1b91-72a7-b097-ca99dcbd86d8', 2, '019ca90e-20ee-7e8e-8ca1-03a501bbc174', 1, 1772362801455, '019ca90e-212e-7fce-be08-23608c660c0f');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21b7-71bf-acf0-47f66b534ca7', 1, '00000000-0000-0000-0000-000000000000', 1, 1772362801916, '019ca90e-22eb-77f8-8e63-19edf27ae8a8');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-2199-77dd-be1a-bfb178d04abe', 1, '00000000-0000-0000-0000-000000000000', 3, 1772362802084, '019ca90e-23a2-7b0b-8bfe-fa26cd6a8df4');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21ae-707a-b374-37a6fd48781e', 1, '00000000-0000-0000-0000-000000000000', 1, 1772362802226, '019ca90e-2431-76d6-bfb3-ad5dd9be691a');
INSERT INTO fixture.unsubscribes VALUES ('019ca90e-2192-79e1-9d21-fd5016e1f2f2', '019ca90e-21a8-7b46-8d0b-36f31cdb9ebf', 1, '00000000-0000-0000-0000-000000000000', 1, 1772362802392, '019ca90e-24a7-7242-a923-7de12764b192');


--
-- Data for Name: webhook_keys; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: webhook_nonces; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: webhook_payloads; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Data for Name: webhook_settings; Type: TABLE DATA; Schema: fixture; Owner: -
--



--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (tenant, id);


--
-- Name: audience_contacts audience_contacts_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.audience_contacts
    ADD CONSTRAINT audience_contacts_pkey PRIMARY KEY (tenant, audience, contact);


--
-- Name: audiences audiences_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.audiences
    ADD CONSTRAINT audiences_pkey PRIMARY KEY (tenant, id);


--
-- Name: audit audit_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.audit
    ADD CONSTRAINT audit_pkey PRIMARY KEY (tenant, id);


--
-- Name: bounce_facts bounce_facts_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.bounce_facts
    ADD CONSTRAINT bounce_facts_pkey PRIMARY KEY (tenant, event);


--
-- Name: bounce_policies bounce_policies_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.bounce_policies
    ADD CONSTRAINT bounce_policies_pkey PRIMARY KEY (tenant, reason);


--
-- Name: bounce_settings bounce_settings_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.bounce_settings
    ADD CONSTRAINT bounce_settings_pkey PRIMARY KEY (tenant);


--
-- Name: campaign_audiences campaign_audiences_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.campaign_audiences
    ADD CONSTRAINT campaign_audiences_pkey PRIMARY KEY (tenant, campaign, audience);


--
-- Name: campaign_stats campaign_stats_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.campaign_stats
    ADD CONSTRAINT campaign_stats_pkey PRIMARY KEY (tenant, campaign);


--
-- Name: campaigns campaigns_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.campaigns
    ADD CONSTRAINT campaigns_pkey PRIMARY KEY (tenant, id);


--
-- Name: contact_fields contact_fields_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.contact_fields
    ADD CONSTRAINT contact_fields_pkey PRIMARY KEY (tenant, contact, key);


--
-- Name: contacts contacts_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.contacts
    ADD CONSTRAINT contacts_pkey PRIMARY KEY (tenant, id);


--
-- Name: deadletters deadletters_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.deadletters
    ADD CONSTRAINT deadletters_pkey PRIMARY KEY (tenant, id);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id);


--
-- Name: hourly_stats hourly_stats_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.hourly_stats
    ADD CONSTRAINT hourly_stats_pkey PRIMARY KEY (tenant, campaign, hour, type);


--
-- Name: landing_pages landing_pages_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.landing_pages
    ADD CONSTRAINT landing_pages_pkey PRIMARY KEY (tenant, id);


--
-- Name: leads leads_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.leads
    ADD CONSTRAINT leads_pkey PRIMARY KEY (tenant, id);


--
-- Name: link_stats link_stats_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.link_stats
    ADD CONSTRAINT link_stats_pkey PRIMARY KEY (tenant, link);


--
-- Name: links links_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.links
    ADD CONSTRAINT links_pkey PRIMARY KEY (tenant, id);


--
-- Name: messages messages_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.messages
    ADD CONSTRAINT messages_pkey PRIMARY KEY (tenant, id);


--
-- Name: mtrk_schema mtrk_schema_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.mtrk_schema
    ADD CONSTRAINT mtrk_schema_pkey PRIMARY KEY (version);


--
-- Name: provider_messages provider_messages_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.provider_messages
    ADD CONSTRAINT provider_messages_pkey PRIMARY KEY (tenant, provider, provider_message_id);


--
-- Name: reputation_paused reputation_paused_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.reputation_paused
    ADD CONSTRAINT reputation_paused_pkey PRIMARY KEY (tenant, scope, campaign);


--
-- Name: reputation_state reputation_state_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.reputation_state
    ADD CONSTRAINT reputation_state_pkey PRIMARY KEY (tenant, scope);


--
-- Name: signing_keys signing_keys_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.signing_keys
    ADD CONSTRAINT signing_keys_pkey PRIMARY KEY (tenant, key_id);


--
-- Name: suppressions suppressions_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.suppressions
    ADD CONSTRAINT suppressions_pkey PRIMARY KEY (tenant, kind, value);


--
-- Name: tenants tenants_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.tenants
    ADD CONSTRAINT tenants_pkey PRIMARY KEY (id);


--
-- Name: unsubscribes unsubscribes_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.unsubscribes
    ADD CONSTRAINT unsubscribes_pkey PRIMARY KEY (tenant, contact, scope, scope_id);


--
-- Name: webhook_keys webhook_keys_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.webhook_keys
    ADD CONSTRAINT webhook_keys_pkey PRIMARY KEY (tenant, provider, key_id);


--
-- Name: webhook_nonces webhook_nonces_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.webhook_nonces
    ADD CONSTRAINT webhook_nonces_pkey PRIMARY KEY (tenant, provider, token);


--
-- Name: webhook_payloads webhook_payloads_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.webhook_payloads
    ADD CONSTRAINT webhook_payloads_pkey PRIMARY KEY (tenant, event);


--
-- Name: webhook_settings webhook_settings_pkey; Type: CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.webhook_settings
    ADD CONSTRAINT webhook_settings_pkey PRIMARY KEY (tenant, provider);


--
-- Name: audience_contacts_by_contact; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX audience_contacts_by_contact ON fixture.audience_contacts USING btree (tenant, contact, audience);


--
-- Name: bounce_facts_by_campaign; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX bounce_facts_by_campaign ON fixture.bounce_facts USING btree (tenant, campaign, reason, event);


--
-- Name: bounce_facts_by_message; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX bounce_facts_by_message ON fixture.bounce_facts USING btree (tenant, message, event);


--
-- Name: campaign_audiences_by_audience; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX campaign_audiences_by_audience ON fixture.campaign_audiences USING btree (tenant, audience, campaign);


--
-- Name: contacts_by_address; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX contacts_by_address ON fixture.contacts USING btree (tenant, address_key NULLS FIRST, id);


--
-- Name: contacts_by_address_unique; Type: INDEX; Schema: fixture; Owner: -
--

CREATE UNIQUE INDEX contacts_by_address_unique ON fixture.contacts USING btree (tenant, address_key);


--
-- Name: deadletters_by_key; Type: INDEX; Schema: fixture; Owner: -
--

CREATE UNIQUE INDEX deadletters_by_key ON fixture.deadletters USING btree (tenant, provider, event_key);


--
-- Name: events_by_campaign; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX events_by_campaign ON fixture.events USING btree (campaign, occurred_hour, id);


--
-- Name: events_by_message; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX events_by_message ON fixture.events USING btree (message, occurred_at);


--
-- Name: events_by_provider; Type: INDEX; Schema: fixture; Owner: -
--

CREATE UNIQUE INDEX events_by_provider ON fixture.events USING btree (provider NULLS FIRST, provider_event_id NULLS FIRST, tenant);


--
-- Name: landing_pages_by_campaign; Type: INDEX; Schema: fixture; Owner: -
--

CREATE UNIQUE INDEX landing_pages_by_campaign ON fixture.landing_pages USING btree (tenant, campaign);


--
-- Name: leads_by_campaign; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX leads_by_campaign ON fixture.leads USING btree (tenant, campaign, captured_at, id);


--
-- Name: leads_by_contact; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX leads_by_contact ON fixture.leads USING btree (tenant, contact, id);


--
-- Name: leads_by_key; Type: INDEX; Schema: fixture; Owner: -
--

CREATE UNIQUE INDEX leads_by_key ON fixture.leads USING btree (tenant, lead_key);


--
-- Name: link_stats_by_campaign; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX link_stats_by_campaign ON fixture.link_stats USING btree (tenant, campaign, link);


--
-- Name: links_by_campaign; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX links_by_campaign ON fixture.links USING btree (tenant, campaign, "position", id);


--
-- Name: messages_by_campaign; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX messages_by_campaign ON fixture.messages USING btree (tenant, campaign, id);


--
-- Name: messages_by_campaign_contact; Type: INDEX; Schema: fixture; Owner: -
--

CREATE UNIQUE INDEX messages_by_campaign_contact ON fixture.messages USING btree (tenant, campaign, contact);


--
-- Name: messages_by_contact; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX messages_by_contact ON fixture.messages USING btree (tenant, contact, id);


--
-- Name: messages_by_queue; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX messages_by_queue ON fixture.messages USING btree (tenant, campaign, queue_state NULLS FIRST, id);


--
-- Name: provider_messages_by_message; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX provider_messages_by_message ON fixture.provider_messages USING btree (tenant, message, provider, provider_message_id);


--
-- Name: tenants_by_key; Type: INDEX; Schema: fixture; Owner: -
--

CREATE UNIQUE INDEX tenants_by_key ON fixture.tenants USING btree (key);


--
-- Name: webhook_nonces_by_expiry; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX webhook_nonces_by_expiry ON fixture.webhook_nonces USING btree (tenant, expires_at, provider, token);


--
-- Name: webhook_payloads_by_message; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX webhook_payloads_by_message ON fixture.webhook_payloads USING btree (tenant, message, event);


--
-- Name: webhook_payloads_by_time; Type: INDEX; Schema: fixture; Owner: -
--

CREATE INDEX webhook_payloads_by_time ON fixture.webhook_payloads USING btree (tenant, arrived_at, event);


--
-- Name: audience_contacts audience_contacts_tenant_audience_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.audience_contacts
    ADD CONSTRAINT audience_contacts_tenant_audience_fkey FOREIGN KEY (tenant, audience) REFERENCES fixture.audiences(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: audience_contacts audience_contacts_tenant_contact_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.audience_contacts
    ADD CONSTRAINT audience_contacts_tenant_contact_fkey FOREIGN KEY (tenant, contact) REFERENCES fixture.contacts(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: audiences audiences_tenant_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.audiences
    ADD CONSTRAINT audiences_tenant_fkey FOREIGN KEY (tenant) REFERENCES fixture.tenants(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: audit audit_tenant_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.audit
    ADD CONSTRAINT audit_tenant_fkey FOREIGN KEY (tenant) REFERENCES fixture.tenants(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: campaign_audiences campaign_audiences_tenant_audience_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.campaign_audiences
    ADD CONSTRAINT campaign_audiences_tenant_audience_fkey FOREIGN KEY (tenant, audience) REFERENCES fixture.audiences(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: campaign_audiences campaign_audiences_tenant_campaign_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.campaign_audiences
    ADD CONSTRAINT campaign_audiences_tenant_campaign_fkey FOREIGN KEY (tenant, campaign) REFERENCES fixture.campaigns(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: campaign_stats campaign_stats_tenant_campaign_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.campaign_stats
    ADD CONSTRAINT campaign_stats_tenant_campaign_fkey FOREIGN KEY (tenant, campaign) REFERENCES fixture.campaigns(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: campaigns campaigns_tenant_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.campaigns
    ADD CONSTRAINT campaigns_tenant_fkey FOREIGN KEY (tenant) REFERENCES fixture.tenants(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contact_fields contact_fields_tenant_contact_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.contact_fields
    ADD CONSTRAINT contact_fields_tenant_contact_fkey FOREIGN KEY (tenant, contact) REFERENCES fixture.contacts(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contacts contacts_tenant_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.contacts
    ADD CONSTRAINT contacts_tenant_fkey FOREIGN KEY (tenant) REFERENCES fixture.tenants(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: events events_tenant_link_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.events
    ADD CONSTRAINT events_tenant_link_fkey FOREIGN KEY (tenant, link) REFERENCES fixture.links(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: events events_tenant_message_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.events
    ADD CONSTRAINT events_tenant_message_fkey FOREIGN KEY (tenant, message) REFERENCES fixture.messages(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: hourly_stats hourly_stats_tenant_campaign_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.hourly_stats
    ADD CONSTRAINT hourly_stats_tenant_campaign_fkey FOREIGN KEY (tenant, campaign) REFERENCES fixture.campaigns(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: landing_pages landing_pages_tenant_campaign_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.landing_pages
    ADD CONSTRAINT landing_pages_tenant_campaign_fkey FOREIGN KEY (tenant, campaign) REFERENCES fixture.campaigns(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: leads leads_tenant_campaign_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.leads
    ADD CONSTRAINT leads_tenant_campaign_fkey FOREIGN KEY (tenant, campaign) REFERENCES fixture.campaigns(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: leads leads_tenant_landing_page_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.leads
    ADD CONSTRAINT leads_tenant_landing_page_fkey FOREIGN KEY (tenant, landing_page) REFERENCES fixture.landing_pages(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: leads leads_tenant_message_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.leads
    ADD CONSTRAINT leads_tenant_message_fkey FOREIGN KEY (tenant, message) REFERENCES fixture.messages(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: link_stats link_stats_tenant_campaign_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.link_stats
    ADD CONSTRAINT link_stats_tenant_campaign_fkey FOREIGN KEY (tenant, campaign) REFERENCES fixture.campaigns(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: link_stats link_stats_tenant_link_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.link_stats
    ADD CONSTRAINT link_stats_tenant_link_fkey FOREIGN KEY (tenant, link) REFERENCES fixture.links(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: links links_tenant_campaign_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.links
    ADD CONSTRAINT links_tenant_campaign_fkey FOREIGN KEY (tenant, campaign) REFERENCES fixture.campaigns(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: messages messages_tenant_campaign_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.messages
    ADD CONSTRAINT messages_tenant_campaign_fkey FOREIGN KEY (tenant, campaign) REFERENCES fixture.campaigns(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: messages messages_tenant_contact_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.messages
    ADD CONSTRAINT messages_tenant_contact_fkey FOREIGN KEY (tenant, contact) REFERENCES fixture.contacts(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: suppressions suppressions_tenant_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.suppressions
    ADD CONSTRAINT suppressions_tenant_fkey FOREIGN KEY (tenant) REFERENCES fixture.tenants(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: unsubscribes unsubscribes_tenant_contact_fkey; Type: FK CONSTRAINT; Schema: fixture; Owner: -
--

ALTER TABLE ONLY fixture.unsubscribes
    ADD CONSTRAINT unsubscribes_tenant_contact_fkey FOREIGN KEY (tenant, contact) REFERENCES fixture.contacts(tenant, id) DEFERRABLE INITIALLY DEFERRED;


--
-- PostgreSQL database dump complete
--


