#!/usr/bin/env python3
"""Writes the labelled bounce mails of tests/data/bounces/ (run it after changing
a shape; the files are committed). Each mail states its expected reason per
recipient in X-Mtrk-Test-Expect header fields ("ADDRESS REASON") and where
its shape comes from in X-Mtrk-Test-Source; the parser ignores both.

Shapes follow each MTA's documented or commonly observed output:
  postfix     bounce(8) with its default templates (bounce.cf.default):
              multipart/report; report-type=delivery-status, "This is the mail
              system at host ...", a message/delivery-status part, the original
              as text/rfc822-headers or message/rfc822.
  sendmail    sendmail 8 DSN (savemail.c): "The original message was received
              at ...", "----- The following addresses had permanent fatal
              errors -----", "----- Transcript of session follows -----".
  sendmail_old  sendmail before DSNs: the same text, no delivery-status part.
  exim        Exim 4 default bounce (spec, "Bounce message text"): "This
              message was created automatically by mail delivery software.",
              indented address, X-Failed-Recipients.
  qmail       QSBMF (cr.yp.to/proto/qsbmf.txt): "Hi. This is the qmail-send
              program at ...", "<addr>:" paragraphs, "--- Below this line is a
              copy of the message."
  exchange    Exchange Server / Microsoft 365 NDR: multipart/report with a
              "Delivery has failed to these recipients or groups:" text part,
              "Diagnostic information for administrators", "Remote Server
              returned '...'" and a delivery-status part (5.1.10 style codes).
  exchange2003  Exchange 2003 text NDR: "Your message did not reach some or
              all of the intended recipients.", "ADDRESS on DATE", "<host #5.x.x>".
  gmail       Google's DSN: multipart/report, "** Address not found **" text,
              Remote-MTA dns; and Diagnostic-Code smtp; 550-5.1.1 ... lines.
  yahoo       Yahoo's classic text bounce: "Sorry, we were unable to deliver
              your message to the following address.", "<addr>:", "Remote
              host said: ...".
  ses         Amazon SES MAILER-DAEMON DSN: multipart/report, "An error
              occurred while trying to deliver the mail to the following
              recipients:", Reporting-MTA dns; amazonses.com.
  domino      Lotus Domino / HCL Domino delivery failure report (observed):
              "Your message ... was not delivered to: ADDRESS because: ...".
  autoreply   RFC 3834 auto-replies (Auto-Submitted: auto-replied), Exchange
              "Automatic reply:" out-of-office, a challenge-response request.
"""
import os
import uuid

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bounces")

# reason -> (enhanced status, SMTP code, text as the remote server says it)
REASONS = {
    "user_unknown": ("5.1.1", 550, "5.1.1 <{rcpt}>: Recipient address rejected: User unknown in virtual mailbox table"),
    "host_unknown": ("5.4.4", 0, "Host or domain name not found. Name service error for name={domain} type=A: Host not found"),
    "mailbox_full": ("5.2.2", 552, "5.2.2 <{rcpt}>: Mailbox full, over quota"),
    "message_too_big": ("5.3.4", 552, "5.3.4 Message size exceeds fixed maximum message size"),
    "content_rejected": ("5.7.1", 554, "5.7.1 Message rejected: a virus was found in the attachment (Eicar-Test-Signature)"),
    "spam_detected": ("5.7.1", 550, "5.7.1 Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to this server, this message has been blocked."),
    "blocked": ("5.7.1", 554, "5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org"),
    "auth_failure": ("5.7.26", 550, "5.7.26 This mail is unauthenticated, which poses a security risk to the sender and recipients. The sending domain does not pass DMARC."),
    "rate_limited": ("4.7.0", 421, "4.7.0 Too many connections from your IP (rate controlled)"),
    "expired": ("4.4.7", 0, "delivery temporarily suspended: connect to mx.{domain}[192.0.2.7]:25: Connection timed out"),
    "network_error": ("4.4.1", 0, "connect to mx.{domain}[192.0.2.7]:25: Connection refused"),
    "system_error": ("4.3.0", 451, "4.3.0 Temporary local problem - please try later"),
    "suspended": ("5.2.1", 550, "5.2.1 The email account that you tried to reach is disabled."),
    "has_moved": ("5.1.6", 551, "5.1.6 User has moved; please try <new-{local}@example.org>"),
    "on_hold": ("4.2.0", 450, "4.2.0 <{rcpt}>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/{domain}.html"),
    "undetermined": ("", 554, "Transaction failed"),
}
ACTION = {r: ("delayed" if REASONS[r][0].startswith("4.") and r != "expired" else "failed") for r in REASONS}

def split(rcpt):
    local, domain = rcpt.split("@")
    return local, domain

def diag(reason, rcpt):
    local, domain = split(rcpt)
    st, smtp, text = REASONS[reason]
    t = text.format(rcpt=rcpt, local=local, domain=domain)
    return st, smtp, (f"{smtp} {t}" if smtp else t)

def mid_for(name):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "mtrk-test/" + name))

def original_headers(name, rcpt, how):
    mid = mid_for(name)
    h = [f"From: Acme News <news@acme.example>", f"To: {rcpt}", "Subject: Spring is here",
         "Date: Mon, 07 Dec 2026 09:00:00 +0000"]
    if how == "header":
        h.append(f"X-Mtrk-Mid: {mid}")
        h.append("Message-ID: <20261207090000.4711@acme.example>")
    elif how == "message_id":
        h.append(f"Message-ID: <{mid}@acme.example>")
    else:
        h.append("Message-ID: <20261207090000.4712@acme.example>")
    return "\n".join(h) + "\n"

def bounce_to(name, how):
    if how == "verp":
        return "bounces+mtrk-" + mid_for(name).replace("-", "") + "@b.acme.example"
    return "bounces@b.acme.example"

def head(name, source, expects, frm, subject, to, how=None):
    lines = [f"X-Mtrk-Test-Source: {source}"]
    if how is not None:
        lines.append(f"X-Mtrk-Test-Mid: {mid_for(name) if how != 'none' else '-'} {how}")
    for rcpt, reason in expects:
        lines.append(f"X-Mtrk-Test-Expect: {rcpt or '-'} {reason}")
    lines += [f"Return-Path: <>", f"From: {frm}", f"To: {to}", f"Subject: {subject}",
              "Date: Mon, 07 Dec 2026 09:05:00 +0000", f"Message-ID: <bounce.{name}@mx.example>",
              "MIME-Version: 1.0"]
    return "\n".join(lines) + "\n"

def dsn_block(rcpt, reason, mta_name, remote=True):
    st, smtp, d = diag(reason, rcpt)
    _, domain = split(rcpt)
    b = [f"Final-Recipient: rfc822; {rcpt}", f"Original-Recipient: rfc822;{rcpt}", f"Action: {ACTION[reason]}"]
    b.append(f"Status: {st or '5.0.0'}")
    if remote and reason not in ("host_unknown", "network_error", "expired"):
        b.append(f"Remote-MTA: dns; mx.{domain}")
    b.append(f"Diagnostic-Code: {'smtp' if smtp else 'X-Postfix'}; {d}")
    return "\n".join(b) + "\n"

def postfix(name, recips, how):
    B = "B7A2C3F0A1.1733562300/mx.example"
    human = ["This is the mail system at host mx.example.", "",
             "I'm sorry to have to inform you that your message could not",
             "be delivered to one or more recipients. It's attached below.", "",
             "                   The mail system", ""]
    for rcpt, reason in recips:
        st, smtp, d = diag(reason, rcpt)
        _, domain = split(rcpt)
        human.append(f"<{rcpt}>: host mx.{domain}[192.0.2.10] said: {d} (in reply to RCPT TO command)")
        human.append("")
    dsn = "Reporting-MTA: dns; mx.example\nX-Postfix-Queue-ID: B7A2C3F0A1\n" \
          "X-Postfix-Sender: rfc822; bounces@b.acme.example\nArrival-Date: Mon,  7 Dec 2026 09:00:00 +0000 (UTC)\n"
    for rcpt, reason in recips:
        dsn += "\n" + dsn_block(rcpt, reason, "postfix")
    body = (f"Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"{B}\"\n"
            "Content-Transfer-Encoding: 8bit\n\nThis is a MIME-encapsulated message.\n\n"
            f"--{B}\nContent-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\n"
            + "\n".join(human) + f"\n--{B}\nContent-Description: Delivery report\nContent-Type: message/delivery-status\n\n"
            + dsn + f"\n--{B}\nContent-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers\n\n"
            + original_headers(name, recips[0][0], how) + f"\n--{B}--\n")
    return "Postfix bounce(8), default bounce.cf templates, RFC 3464 report", \
        "MAILER-DAEMON@mx.example (Mail Delivery System)", "Undelivered Mail Returned to Sender", body

def sendmail(name, recips, how):
    B = "2B7M9aX1004711.1733562300/mx.example"
    fatal = [r for r in recips if ACTION[r[1]] == "failed"]
    human = ["The original message was received at Mon, 7 Dec 2026 09:00:00 GMT",
             "from relay.acme.example [198.51.100.4]", "",
             "   ----- The following addresses had permanent fatal errors -----"]
    human += [f"<{r}>" for r, _ in fatal] or ["(none)"]
    human += ["    (reason: see below)", "", "   ----- Transcript of session follows -----"]
    for rcpt, reason in recips:
        st, smtp, d = diag(reason, rcpt)
        human.append(f"... while talking to mx.{split(rcpt)[1]}.:")
        human.append(f">>> RCPT To:<{rcpt}>")
        human.append(f"<<< {d}")
    dsn = "Reporting-MTA: dns; mx.example\nReceived-From-MTA: DNS; relay.acme.example\n" \
          "Arrival-Date: Mon, 7 Dec 2026 09:00:00 GMT\n"
    for rcpt, reason in recips:
        dsn += "\n" + dsn_block(rcpt, reason, "sendmail")
    body = (f"Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"{B}\"\n"
            "Auto-Submitted: auto-generated (failure)\n\nThis is a MIME-encapsulated message\n\n"
            f"--{B}\n\n" + "\n".join(human) + f"\n\n--{B}\nContent-Type: message/delivery-status\n\n" + dsn
            + f"\n--{B}\nContent-Type: message/rfc822\n\n" + original_headers(name, recips[0][0], how)
            + "\nHello!\n" + f"\n--{B}--\n")
    return "sendmail 8.17 DSN (savemail.c), RFC 3464 report", "Mail Delivery Subsystem <MAILER-DAEMON@mx.example>", \
        "Returned mail: see transcript for details", body

def sendmail_old(name, recips, how):
    lines = ["The original message was received at Mon, 7 Dec 2026 09:00:00 GMT",
             "from relay.acme.example [198.51.100.4]", "",
             "   ----- Transcript of session follows -----"]
    for rcpt, reason in recips:
        st, smtp, d = diag(reason, rcpt)
        text = d.split(" ", 2)[-1] if smtp and st else d.split(" ", 1)[-1]
        lines.append(f"... while talking to mx.{split(rcpt)[1]}.:")
        lines.append(f">>> RCPT To:<{rcpt}>")
        lines.append(f"<<< {d}")
        lines.append(f"{smtp or 550} {st + ' ' if st else ''}{rcpt}... {text}")
    lines += ["", "   ----- Original message follows -----", original_headers(name, recips[0][0], how), "Hello!"]
    return "sendmail 8 without DSN support: transcript text only", "Mail Delivery Subsystem <MAILER-DAEMON@mx.example>", \
        "Returned mail: User unknown", "Content-Type: text/plain\n\n" + "\n".join(lines) + "\n"

def exim(name, recips, how):
    lines = ["This message was created automatically by mail delivery software.", "",
             "A message that you sent could not be delivered to one or more of its",
             "recipients. This is a permanent error. The following address(es) failed:", ""]
    for rcpt, reason in recips:
        st, smtp, d = diag(reason, rcpt)
        lines.append(f"  {rcpt}")
        if smtp:
            lines.append(f"    host mx.{split(rcpt)[1]} [192.0.2.10]")
            lines.append(f"    SMTP error from remote mail server after RCPT TO:<{rcpt}>:")
            lines.append(f"    {d}")
        else:
            lines.append(f"    {d}")
        lines.append("")
    lines += ["------ This is a copy of the message, including all the headers. ------", "",
              original_headers(name, recips[0][0], how), "Hello!"]
    extra = "X-Failed-Recipients: " + ", ".join(r for r, _ in recips) + "\nAuto-Submitted: auto-replied\n"
    return "Exim 4 default bounce message (spec: Bounce message text), plain text", \
        "Mail Delivery System <Mailer-Daemon@mx.example>", "Mail delivery failed: returning message to sender", \
        extra + "Content-Type: text/plain; charset=us-ascii\n\n" + "\n".join(lines) + "\n"

def qmail(name, recips, how):
    lines = ["Hi. This is the qmail-send program at mx.example.",
             "I'm afraid I wasn't able to deliver your message to the following addresses.",
             "This is a permanent error; I've given up. Sorry it didn't work out.", ""]
    for rcpt, reason in recips:
        st, smtp, d = diag(reason, rcpt)
        lines.append(f"<{rcpt}>:")
        if smtp:
            lines.append(f"192.0.2.10 does not like recipient.")
            lines.append(f"Remote host said: {d}")
            lines.append("Giving up on 192.0.2.10.")
        else:
            lines.append(d)
        lines.append("")
    lines += ["--- Below this line is a copy of the message.", "", original_headers(name, recips[0][0], how), "Hello!"]
    return "qmail-send bounce, QSBMF (cr.yp.to/proto/qsbmf.txt)", "MAILER-DAEMON@mx.example", "failure notice", \
        "\n".join(lines) + "\n"

def exchange(name, recips, how):
    B = "_000_BN6PR11MB1234_"
    human = ["Delivery has failed to these recipients or groups:", ""]
    for rcpt, _ in recips:
        human += [f"{rcpt}<mailto:{rcpt}>", "The email address you entered couldn't be found.", ""]
    human += ["Diagnostic information for administrators:", "", "Generating server: BN6PR11MB1234.namprd11.prod.outlook.com", ""]
    dsn = "Reporting-MTA: dns;BN6PR11MB1234.namprd11.prod.outlook.com\nReceived-From-MTA: dns;relay.acme.example\n" \
          "Arrival-Date: Mon, 7 Dec 2026 09:00:00 +0000\n"
    for rcpt, reason in recips:
        st, smtp, d = diag(reason, rcpt)
        if reason == "user_unknown":
            st, d = "5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"
        human += [rcpt, f"Remote Server returned '{d}'", ""]
        dsn += f"\nFinal-Recipient: rfc822;{rcpt}\nAction: {ACTION[reason]}\nStatus: {st or '5.0.0'}\n" \
               f"Diagnostic-Code: smtp;{d}\n"
    body = (f"Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"{B}\"\n"
            "X-MS-Exchange-Message-Is-Ndr:\n\n"
            f"--{B}\nContent-Type: text/plain; charset=\"us-ascii\"\n\n" + "\n".join(human)
            + f"\n--{B}\nContent-Type: message/delivery-status\n\n" + dsn
            + f"\n--{B}\nContent-Type: message/rfc822\n\n" + original_headers(name, recips[0][0], how)
            + "\nHello!\n" + f"\n--{B}--\n")
    return "Exchange Online / Exchange Server NDR, RFC 3464 report with the NDR text", \
        "Microsoft Outlook <postmaster@outlook.com>", "Undeliverable: Spring is here", body

def exchange2003(name, recips, how):
    lines = ["Your message did not reach some or all of the intended recipients.", "",
             "      Subject:  Spring is here", "      Sent:     12/7/2026 9:00 AM", "",
             "The following recipient(s) cannot be reached:", ""]
    for rcpt, reason in recips:
        st, smtp, d = diag(reason, rcpt)
        text = d.split(" ", 2)[-1] if smtp and st else d
        lines.append(f"      {rcpt} on 12/7/2026 9:00 AM")
        lines.append(f"            {text}")
        lines.append(f"            <mx.{split(rcpt)[1]} #{st or '5.0.0'}>")
        lines.append("")
    return "Exchange 2003 text NDR (ADDRESS on DATE, <host #x.y.z>)", "System Administrator <postmaster@mx.example>", \
        "Undeliverable: Spring is here", "Content-Type: text/plain; charset=\"iso-8859-1\"\n\n" + "\n".join(lines) + "\n"

def gmail(name, recips, how):
    B = "000000000000c4f1a805f0d1e2b3"
    human = ["** Address not found **", "",
             f"Your message wasn't delivered to {recips[0][0]} because the address couldn't be found, or is unable to receive mail.", "",
             "The response from the remote server was:"]
    dsn = "Reporting-MTA: dns; googlemail.com\nArrival-Date: Mon, 07 Dec 2026 01:00:00 -0800 (PST)\n" \
          "X-Original-Message-ID: <20261207090000.4713@acme.example>\n"
    for rcpt, reason in recips:
        st, smtp, d = diag(reason, rcpt)
        human.append(d)
        _, domain = split(rcpt)
        dsn += f"\nFinal-Recipient: rfc822; {rcpt}\nAction: {ACTION[reason]}\nStatus: {st or '5.0.0'}\n"
        if reason not in ("host_unknown", "network_error", "expired"):
            dsn += f"Remote-MTA: dns; gmail-smtp-in.l.google.com. (2001:db8::1b, the server for the domain {domain}.)\n"
        # Google splits long replies into 550-5.1.1 continuation lines.
        words = d.split(" ")
        dsn += f"Diagnostic-Code: smtp; {d[:60]}\n {d[60:]}\n" if len(d) > 60 else f"Diagnostic-Code: smtp; {d}\n"
        dsn += "Last-Attempt-Date: Mon, 07 Dec 2026 01:00:01 -0800 (PST)\n"
    body = (f"Content-Type: multipart/report; boundary=\"{B}\"; report-type=delivery-status\n\n"
            f"--{B}\nContent-Type: multipart/related; boundary=\"{B}_r\"\n\n--{B}_r\n"
            f"Content-Type: multipart/alternative; boundary=\"{B}_a\"\n\n--{B}_a\n"
            "Content-Type: text/plain; charset=\"UTF-8\"\n\n" + "\n".join(human) + "\n\n"
            f"--{B}_a\nContent-Type: text/html; charset=\"UTF-8\"\n\n<html><body><h2>Address not found</h2></body></html>\n"
            f"--{B}_a--\n--{B}_r--\n--{B}\nContent-Type: message/delivery-status\n\n" + dsn
            + f"\n--{B}\nContent-Type: message/rfc822\n\n" + original_headers(name, recips[0][0], how)
            + "\nHello!\n" + f"\n--{B}--\n")
    return "Gmail DSN (observed): multipart/report inside multipart/related text", \
        "Mail Delivery Subsystem <mailer-daemon@googlemail.com>", "Delivery Status Notification (Failure)", body

def yahoo(name, recips, how):
    lines = ["Sorry, we were unable to deliver your message to the following address.", ""]
    for rcpt, reason in recips:
        st, smtp, d = diag(reason, rcpt)
        lines += [f"<{rcpt}>:", f"Remote host said: {d} [RCPT_TO]", ""]
    lines += ["--- Below this line is a copy of the message.", "", original_headers(name, recips[0][0], how), "Hello!"]
    return "Yahoo! Mail classic bounce (observed), plain text", "MAILER-DAEMON@yahoo.com", \
        "Failure Notice", "\n".join(lines) + "\n"

def ses(name, recips, how):
    B = "----=_Part_1234_5678.1733562300000"
    dsn = "Reporting-MTA: dns; a8-30.smtp-out.amazonses.com\n"
    human = ["An error occurred while trying to deliver the mail to the following recipients:"]
    for rcpt, reason in recips:
        human.append(rcpt)
        dsn += "\n" + dsn_block(rcpt, reason, "ses")
    body = (f"Content-Type: multipart/report; report-type=delivery-status; boundary=\"{B}\"\n\n"
            f"--{B}\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 7bit\n\n" + "\n".join(human)
            + f"\n--{B}\nContent-Type: message/delivery-status\n\n" + dsn
            + f"\n--{B}\nContent-Type: text/rfc822-headers\n\n" + original_headers(name, recips[0][0], how)
            + f"\n--{B}--\n")
    return "Amazon SES MAILER-DAEMON DSN (observed), RFC 3464 report", "MAILER-DAEMON@amazonses.com", \
        "Delivery Status Notification (Failure)", body

def domino(name, recips, how):
    lines = ["Your message", "", "  Subject: Spring is here", "", "was not delivered to:", ""]
    for rcpt, reason in recips:
        lines += [f"  {rcpt}", "", "because:", ""]
        if reason == "user_unknown":
            lines.append(f"  User {rcpt} ({rcpt}) not listed in Domino Directory")
        else:
            st, smtp, d = diag(reason, rcpt)
            lines.append(f"  {d}")
        lines.append("")
    return "Lotus/HCL Domino delivery failure report (observed), plain text", \
        "Mail Router <postmaster@mx.example>", "DELIVERY FAILURE: User not listed in Domino Directory", \
        "Content-Type: text/plain; charset=\"US-ASCII\"\n\n" + "\n".join(lines) + "\n"

MTAS = {"postfix": postfix, "sendmail": sendmail, "sendmail_old": sendmail_old, "exim": exim, "qmail": qmail,
        "exchange": exchange, "exchange2003": exchange2003, "gmail": gmail, "yahoo": yahoo, "ses": ses, "domino": domino}
# Which reasons each shape is written with: RFC 3464 shapes take every reason.
ALL = list(REASONS)
TEXT = ["user_unknown", "host_unknown", "mailbox_full", "message_too_big", "spam_detected", "blocked",
        "auth_failure", "suspended", "has_moved", "content_rejected", "rate_limited", "undetermined"]
PLAN = {"postfix": ALL, "sendmail": ALL, "ses": ALL, "gmail": ALL, "exchange": ALL,
        "exim": TEXT, "qmail": TEXT, "yahoo": TEXT, "sendmail_old": ["user_unknown", "mailbox_full", "blocked", "suspended"],
        "exchange2003": ["user_unknown", "mailbox_full", "message_too_big", "host_unknown", "blocked"],
        "domino": ["user_unknown", "mailbox_full", "blocked"]}
HOW = ["header", "verp", "message_id", "none"]

def write(name, text, ending="\n"):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write(text.replace("\n", ending))

def main():
    for old in os.listdir(HERE):
        if old.endswith(".eml"):
            os.remove(os.path.join(HERE, old))
    n = 0
    for mta, reasons in PLAN.items():
        for i, reason in enumerate(reasons):
            name = f"{mta}-{reason.replace('_', '-')}"
            rcpt = f"{reason.replace('_', '.')}.{i}@{'nx-' if reason == 'host_unknown' else ''}dest{i % 3}.example"
            how = HOW[n % len(HOW)]
            if mta in ("exchange2003", "domino") and how in ("header", "message_id"):
                how = "verp"  # its text NDR returns no copy of the original
            source, frm, subject, body = MTAS[mta](name, [(rcpt, reason)], how)
            write(name + ".eml", head(name, source, [(rcpt, reason)], frm, subject, bounce_to(name, how), how) + body)
            n += 1
    # Several recipients in one report.
    multi = [("ana@dest1.example", "user_unknown"), ("bia@dest2.example", "mailbox_full"),
             ("caio@dest3.example", "blocked")]
    for mta in ("postfix", "exim", "qmail", "exchange"):
        source, frm, subject, body = MTAS[mta](f"{mta}-multi", multi, "header")
        write(f"{mta}-multi.eml", head(f"{mta}-multi", source, multi, frm, subject, "bounces@b.acme.example", "header") + body)
    # Line endings: the same reports in CRLF and in CR.
    for mta, reason in (("postfix", "user_unknown"), ("exim", "mailbox_full"), ("qmail", "blocked"), ("gmail", "suspended")):
        base = f"{mta}-{reason.replace('_', '-')}"
        with open(os.path.join(HERE, base + ".eml"), encoding="utf-8") as f:
            text = f.read()
        write(base + ".crlf.eml", text.replace("X-Mtrk-Test-Source: ", "X-Mtrk-Test-Source: CRLF line ends; "), "\r\n")
        write(base + ".cr.eml", text.replace("X-Mtrk-Test-Source: ", "X-Mtrk-Test-Source: CR line ends; "), "\r")
    # Not bounces: auto-replies, a challenge, a success DSN.
    write("autoreply-vacation.eml",
          "X-Mtrk-Test-Source: RFC 3834 vacation auto-reply (Sieve vacation extension, RFC 5230)\n"
          "X-Mtrk-Test-Expect: ana@dest1.example not_a_bounce\n"
          "From: Ana <ana@dest1.example>\nTo: bounces@b.acme.example\nSubject: Re: Spring is here\n"
          "Auto-Submitted: auto-replied (vacation)\nDate: Mon, 07 Dec 2026 09:05:00 +0000\n\n"
          "I am on vacation until 4 January and will read your message when I return.\n")
    write("autoreply-exchange-ooo.eml",
          "X-Mtrk-Test-Source: Exchange / Outlook out-of-office (observed: Automatic reply subject, X-Auto-Response-Suppress)\n"
          "X-Mtrk-Test-Expect: bia@dest2.example not_a_bounce\n"
          "From: Bia <bia@dest2.example>\nTo: news@acme.example\nSubject: Automatic reply: Spring is here\n"
          "X-Auto-Response-Suppress: All\nContent-Type: text/plain; charset=\"iso-8859-1\"\n"
          "Content-Transfer-Encoding: quoted-printable\n\nEstou fora do escrit=F3rio at=E9 segunda-feira.\n")
    write("autoreply-challenge.eml",
          "X-Mtrk-Test-Source: challenge-response request (observed shape of SpamArrest/Boxbe-style verifications)\n"
          "X-Mtrk-Test-Expect: caio@dest3.example not_a_bounce\n"
          "From: caio@dest3.example\nTo: news@acme.example\nSubject: Please confirm your message to caio@dest3.example\n\n"
          "I use a sender verification service. Please click the link below to verify your email address\n"
          "so that your message can be delivered.\n")
    write("dsn-delivered.eml",
          "X-Mtrk-Test-Source: RFC 3464 section 6 success notification (Action: delivered)\n"
          "X-Mtrk-Test-Expect: ana@dest1.example not_a_bounce\n"
          "From: MAILER-DAEMON@mx.example\nTo: bounces@b.acme.example\nSubject: Successful Mail Delivery Report\n"
          "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n--b\n"
          "Content-Type: text/plain\n\nYour message was successfully delivered.\n--b\n"
          "Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n\n"
          "Final-Recipient: rfc822; ana@dest1.example\nAction: delivered\nStatus: 2.0.0\n"
          "Diagnostic-Code: smtp; 250 2.0.0 Ok: queued as 4711\n--b--\n")
    write("plain-reply.eml",
          "X-Mtrk-Test-Source: an ordinary reply from a person: neither a bounce nor an auto-reply (no result)\n"
          "From: Dora <dora@dest1.example>\nTo: news@acme.example\nSubject: Re: Spring is here\n\n"
          "Thanks, see you there!\n")

if __name__ == "__main__":
    main()
