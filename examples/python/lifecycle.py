#!/usr/bin/env python3
"""lifecycle — one campaign from intention to result with the mtrk Python binding.

    tenant -> contacts -> audiences -> campaign + links -> limits (suppression,
    unsubscribe) -> generate -> claim and send -> provider events -> landing
    tracking (render, resolve a click) -> page and lead -> metrics, link
    ranking, hourly series -> audit, export, erasure

Runs on a private in-memory store with a clock the script controls, so the
output is the same on every run (ids are random and never printed).

Run from the source tree after building:
    PYTHONPATH=bindings/python python3 examples/python/lifecycle.py [memory:|PATH]
"""
from __future__ import annotations

import datetime as dt
import sys

import mtrk
from mtrk import CampaignStatus, EventInput, EventType, SuppressionKind, UnsubScope, Verdict

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
MINUTE = dt.timedelta(minutes=1)
HOUR = dt.timedelta(hours=1)


class Clock:
    """The host's clock: mtrk asks it for "now"; here it is a value we move."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def run(target: str = "memory:", out=sys.stdout) -> mtrk.Metrics:
    clock = Clock(T0 - 2 * HOUR)

    def say(*args: object) -> None:
        print(*args, file=out)

    with mtrk.open(target, clock=clock) as db, db.create_tenant("acme", "api:alice") as t:
        # 1. Contacts: addresses are normalized; an invalid one is refused.
        people = {}
        for address, name in [("ana@example.com", "Ana"), ("  bruno@Example.COM ", "Bruno"),
                              ("carla@example.org", "Carla"), ("davi@example.net", "Davi"),
                              ("eva@example.com", "Eva"), ("fabio@example.org", "Fabio"),
                              ("gabi@example.com", "Gabi")]:
            cid, created = t.add_contact(address, name=name, consent_at=T0 - dt.timedelta(days=30),
                                         consent_source="signup-form")
            people[name] = cid
            say(f"contact {mtrk.normalize_address(address):20} {'new' if created else 'existing'}")
        _, created = t.add_contact("ANA@example.com")
        say(f"contact ANA@example.com      {'new' if created else 'existing (same as ana@example.com)'}")
        try:
            t.add_contact("ana at example.com")
        except mtrk.InvalidAddress as exc:
            say(f"refused 'ana at example.com': {exc}")

        # 2. Two audiences overlapping on Davi and Eva.
        newsletter = t.create_audience("Newsletter")
        customers = t.create_audience("Customers")
        t.add_members(newsletter, [people[n] for n in ("Ana", "Bruno", "Carla", "Davi", "Eva")])
        t.add_members(customers, [people[n] for n in ("Davi", "Eva", "Fabio", "Gabi")])
        say(f"audiences: Newsletter {t.audience_count(newsletter)}, Customers {t.audience_count(customers)}")

        # 3. A campaign in draft with three links.
        campaign = t.create_campaign(name="Spring launch", objective="sales", subject="Spring is here",
                                     from_name="ACME", from_address="news@acme.example",
                                     html='<p>Spring is here.</p><a href="https://acme.example/shop">Shop</a> '
                                          '<a href="https://acme.example/story">Story</a> '
                                          '<a href="{{unsubscribe_url}}">Unsubscribe</a>',
                                     text="Spring is here. Shop: https://acme.example/shop")
        # The HTML's links are catalogued from it; one more is added by hand.
        links = [link.id for link in t.links(campaign)]
        links.append(t.add_link(campaign, "https://acme.example/blog", "blog", len(links)))
        say("links: " + ", ".join(f"{l.label} ({l.origin.name.lower()})" for l in t.links(campaign)))
        t.attach_audience(campaign, newsletter)
        t.attach_audience(campaign, customers)

        # 4. Limits: Carla's address is suppressed; Fabio left Customers.
        t.suppress(SuppressionKind.ADDRESS, "carla@example.org", "manual")
        t.unsubscribe(people["Fabio"], UnsubScope.AUDIENCE, customers)

        # 5. draft -> scheduled -> sending, then generate.
        clock.now = T0 - HOUR
        t.set_campaign_status(campaign, CampaignStatus.SCHEDULED)
        clock.now = T0 - MINUTE
        t.set_campaign_status(campaign, CampaignStatus.SENDING)
        report = t.generate(campaign)
        say(f"generate: {report.eligible} eligible, {report.created} created, "
            f"{report.excluded_total} excluded")
        for reason, n in report.excluded.items():
            if n:
                say(f"  excluded {reason.name.lower():20} {n}")
        mids = {}
        for name, cid in people.items():
            m = t.find_message(campaign, cid)
            if m is not None:
                mids[name] = m.mid

        # 6. A sender claims the queue and reports each send.
        clock.now = T0
        claim = t.claim(campaign, 16, 15 * MINUTE)
        for mid in claim.mids:
            t.mark_sent(mid, T0, "example-esp")
        say(f"queue: {len(claim.mids)} claimed and sent, {claim.canceled} canceled")

        # 7. The provider's webhooks: late, repeated, out of order; one batch.
        clock.now = T0 + 2 * HOUR

        def ev(kind: EventType, who: str, minutes: int, eid: str, **kw: object) -> EventInput:
            return EventInput(type=kind, mid=mids[who], occurred_at=T0 + minutes * MINUTE,
                              provider="example-esp", provider_event_id=eid, **kw)

        batch = [
            ev(EventType.DELIVERED, "Ana", 1, "evt-0001"),
            ev(EventType.DELIVERED, "Bruno", 1, "evt-0002"),
            ev(EventType.DELIVERED, "Davi", 2, "evt-0003"),
            ev(EventType.OPEN, "Ana", 2, "evt-0004", verdict=Verdict.MACHINE,
               verdict_reason="privacy proxy prefetch"),
            ev(EventType.OPEN, "Ana", 10, "evt-0005", user_agent="Mozilla/5.0 (X11; Linux x86_64)"),
            ev(EventType.OPEN, "Bruno", 12, "evt-0006"),
            ev(EventType.CLICK, "Ana", 11, "evt-0007", lid=links[0]),
            ev(EventType.CLICK, "Ana", 13, "evt-0008", lid=links[2]),
            ev(EventType.CLICK, "Bruno", 14, "evt-0009", lid=links[0]),
            ev(EventType.CLICK, "Davi", 20, "evt-0010", lid=links[1]),
            ev(EventType.DELIVERED, "Ana", 1, "evt-0001"),   # a retried webhook: duplicate
            ev(EventType.OPEN, "Gabi", 30, "evt-0011"),      # before its delivered
        ]
        result = t.record_events(batch)
        dups = sum(o.duplicate for o in result.outcomes)
        say(f"events: {result.recorded} recorded, {dups} duplicate")
        outcome = t.record_event(ev(EventType.UNSUBSCRIBE, "Eva", 40, "evt-0012"))
        say(f"Eva unsubscribed: {'recorded' if outcome.ok else outcome.status}")
        t.record_event(type=EventType.BOUNCE, mid=mids["Davi"], occurred_at=T0 + 50 * MINUTE,
                       bounce_kind=mtrk.BounceKind.SOFT, diagnostic="4.2.2 mailbox full",
                       provider="example-esp", provider_event_id="evt-0013")
        gabi = t.get_message(mids["Gabi"])
        say(f"Gabi's message: {gabi.state.name.lower()}, delivered {gabi.delivered}")

        # 8. Tracking: Bruno's message rendered with signed URLs; a hit on its
        #    first link resolved as the host's endpoint would.
        t.set_settings(tracking_base_url="https://t.acme.example/t")
        rendered = t.render(mids["Bruno"])
        say(f"rendered for Bruno: {rendered.html.count('https://t.acme.example/t/c/')} tracked links, "
            f"List-Unsubscribe {'set' if rendered.list_unsubscribe else 'missing'}")
        url = t.track_url(mtrk.UrlKind.CLICK, mids["Bruno"], links[1])
        hit = t.resolve("GET", url[len("https://t.acme.example"):], at=T0 + 45 * MINUTE,
                        user_agent="Mozilla/5.0 (X11; Linux x86_64)", ip="198.51.100.7")
        say(f"tracking hit: {hit.action.name.lower()} to {hit.redirect_url}, recorded {hit.recorded}")

        # 9. Landing page and a lead from Ana's message, one forwarded.
        page = t.create_landing_page(campaign, "Spring offer", "https://acme.example/spring")
        lead = t.capture_lead(page, "form-1", "ana@example.com", mid=mids["Ana"],
                              fields={"company": "Ana Ltd"}, captured_at=T0 + 15 * MINUTE)
        say(f"lead form-1: {lead.lead.attribution.name.lower()}, forwarded {lead.lead.forwarded}")
        lead = t.capture_lead(page, "form-2", "helena@example.com", mid=mids["Bruno"],
                              captured_at=T0 + 16 * MINUTE)
        say(f"lead form-2: {lead.lead.attribution.name.lower()}, forwarded {lead.lead.forwarded}")
        again = t.capture_lead(page, "form-1", "ana@example.com", mid=mids["Ana"])
        say(f"lead form-1 again: duplicate {again.duplicate}")

        # 10. Metrics, link ranking, hourly series; the same after a rebuild.
        m = t.metrics(campaign)
        say(f"metrics: sent {m.sent}, delivered {m.delivered}, opens {m.opens_unique} unique "
            f"({m.opens_machine} machine), clicks {m.clicks_unique}, leads {m.leads_total}")
        say(f"  open rate {100 * m.open_rate:.1f} %, click rate {100 * m.click_rate:.1f} %, "
            f"conversion {100 * m.conversion_rate:.1f} %")
        for s in t.link_stats(campaign):
            say(f"  link #{s.rank} {s.label:6} {s.clicks_unique} unique clicks")
        for h in t.hourly(campaign, T0, T0 + 2 * HOUR):
            busy = {k.name.lower(): v for k, v in h.counts.items() if v}
            say(f"  hour {h.hour:%H:%M} {busy}")
        t.rebuild_metrics()
        assert t.metrics(campaign) == m, "a rebuild gives the same metrics"

        # 11. The simulator on a second campaign, then both side by side.
        summer = t.create_campaign(name="Summer", subject="Summer", from_address="news@acme.example",
                                   text="Summer is here.")
        t.attach_audience(summer, newsletter)
        t.set_campaign_status(summer, CampaignStatus.SCHEDULED)
        t.set_campaign_status(summer, CampaignStatus.SENDING)
        t.generate(summer)
        sim = t.simulate(summer, seed=2026, start=T0 + 3 * HOUR, open_rate=0.6)
        say(f"simulated Summer: {sim.messages} messages, {sim.submitted} events submitted")
        for row in t.compare([campaign, summer]):
            say(f"  compare: sent {row.sent}, delivered {row.delivered}, opens {row.opens_total}")

        # 12. History, audit, export, erasure.
        history = [e.type.name.lower() for e in t.events_of_contact(people["Ana"])]
        say(f"Ana's history: {', '.join(history)}")
        actions = sorted({e.action for e in t.audit_log()})
        say(f"audit actions: {', '.join(actions)}")
        export = t.export_contact(people["Ana"])
        say(f"export of Ana: {', '.join(sorted(export))}")
        t.erase_contact(people["Ana"])
        say(f"Ana erased: address {t.get_contact(people['Ana']).address}")
        return m


if __name__ == "__main__":
    run(sys.argv[1] if len(sys.argv) > 1 else "memory:")
