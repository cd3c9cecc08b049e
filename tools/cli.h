/* The mtrk command-line tool: shared definitions. The tool reaches the
 * library through its public API only (mtrk/mtrk.h). */
#ifndef MTRK_CLI_H
#define MTRK_CLI_H

#include <mtrk/mtrk.h>

#include <stdbool.h>
#include <stdio.h>

/* Exit statuses (docs/cli.md). EXIT_BUSY: the database stayed locked by
 * another writer past the busy timeout; nothing is wrong with the input, and
 * running the command again records what was not recorded. */
enum { EXIT_OK = 0, EXIT_USAGE = 1, EXIT_DATA = 2, EXIT_BUSY = 3 };

/* One command's parsed arguments: options by name, then positionals. */
#define CLI_MAX_OPTS 48
#define CLI_MAX_POS 64
typedef struct cli_args {
    const char *names[CLI_MAX_OPTS];
    const char *values[CLI_MAX_OPTS]; /* "" for flags */
    int nopts;
    const char *pos[CLI_MAX_POS];
    int npos;
} cli_args;

/* A command: its name, usage text, accepted options ("name" for a flag,
 * "name=" for an option with a value, "name*" repeatable with a value), and
 * whether it needs an opened tenant. */
typedef struct cli_ctx cli_ctx;
typedef int (*cli_fn)(cli_ctx *c, cli_args *a);
typedef struct cli_cmd {
    const char *name; /* "contacts import" */
    const char *usage;
    const char *opts; /* space-separated */
    int min_pos, max_pos;
    int need_tenant;
    cli_fn fn;
} cli_cmd;

struct cli_ctx {
    const char *db_path;
    const char *tenant_key;
    const char *cmd;   /* the command's name, for messages */
    mtrk_db *db;
    mtrk_tenant *t;
    bool json;
    int busy_timeout_ms; /* --busy-timeout (0: the library's default) */
    bool record_provider_ids; /* events ingest --record-provider-ids */
};

/* Argument access. */
const char *opt(const cli_args *a, const char *name);      /* NULL if absent */
bool flag(const cli_args *a, const char *name);
/* The i-th value of a repeatable option (NULL past the end). */
const char *opt_nth(const cli_args *a, const char *name, int i);
/* Numeric options: usage error (exit 1) on malformed text. */
int opt_double(double *out, cli_ctx *c, const cli_args *a, const char *name, double def);
int opt_u64(uint64_t *out, cli_ctx *c, const cli_args *a, const char *name, uint64_t def);
int opt_time(mtrk_time *out, cli_ctx *c, const cli_args *a, const char *name);

/* Errors: print "mtrk CMD: message" on stderr and return the exit status. */
int usage_err(cli_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int data_err(cli_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A failed library call: "<what>: <library message> (<status name>)", exit 2,
 * or EXIT_BUSY for MTRK_EBUSY (exit 1 for MTRK_EINVAL caused by a
 * command-line value is the caller's choice). */
int lib_err(cli_ctx *c, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Resolving command-line references. Each returns 0 or an exit status after
 * printing the error. */
int resolve_campaign(mtrk_id *out, cli_ctx *c, const char *ref);
int resolve_audience(mtrk_id *out, cli_ctx *c, const char *ref);
int resolve_contact(mtrk_id *out, cli_ctx *c, const char *ref);

/* Time: RFC 3339 UTC with milliseconds ("" for 0); parsing accepts Unix ms
 * or RFC 3339 ("2026-01-02T03:04:05Z", fraction and offset optional). */
void fmt_time(char out[32], mtrk_time t);
int parse_time(mtrk_time *out, const char *s);
const char *idstr(char buf[MTRK_ID_STRLEN + 1], mtrk_id id);

/* Output writers for CSV and JSON Lines (export, rejects). */
void csv_cell(FILE *f, const char *s, bool first); /* quoted when needed, formulas neutralized */
void csv_cell_n(FILE *f, const char *s, size_t n, bool first); /* the same for n octets (NULs kept) */
void csv_num(FILE *f, long long v, bool first);
void csv_end(FILE *f);
void json_str(FILE *f, const char *s); /* "..." or null */
bool utf8_ok(const char *s, size_t n);

/* Physical lines of an input in bounded memory: a line ends at LF, at CR LF
 * or at a lone CR (the terminator is kept in buf). At most `max` octets of a
 * line are kept; a longer line sets `overlong`, and the rest of it is read
 * and dropped (`full` counts every octet of it). */
typedef struct line_reader {
    FILE *f;
    char *buf;       /* max + 1 octets, NUL-terminated after len */
    size_t max, len;
    uint64_t full;
    bool overlong;
    long lineno;     /* of the line last read */
    uint64_t pos;    /* octets read so far */
} line_reader;
int lr_init(line_reader *r, FILE *f, size_t max); /* -1: out of memory */
int lr_next(line_reader *r);                      /* 1 a line, 0 end of input, -1 read error */
void lr_free(line_reader *r);

/* Progress on stderr, only when stderr is a terminal: a bar when the size
 * is known (size > 0), else a count; at most a few updates a second. */
typedef struct progress {
    bool on;
    long size;
    const char *unit;
    double last;
    double start;
} progress;
void progress_start(progress *p, long size, const char *unit);
void progress_update(progress *p, uint64_t pos, uint64_t count);
void progress_end(progress *p, uint64_t count);
/* For one long library call: "WHAT... N s" rewritten every second by a
 * thread that touches nothing but stderr. */
typedef struct ticker ticker;
ticker *ticker_start(const char *what);           /* NULL when stderr is no terminal */
void ticker_stop(ticker *t);                      /* NULL-safe */

/* HTML escaping for the report. */
void html_esc(FILE *f, const char *s);

/* The streamed parsers of contacts import and events ingest, apart from the
 * commands that open the files and print the summary, so that the fuzz
 * targets (fuzz/fuzz_csv.c, fuzz/fuzz_jsonl.c) drive exactly the tool's code.
 * Each returns 0 or an exit status after printing the error. */
/* The longest CSV record (all its physical lines) contacts import reads,
 * and the longest JSON Lines line events ingest reads, in octets: what the
 * largest row or event the library accepts needs, with room for quoting. */
#define IMPORT_MAX_RECORD (256 * 1024)
#define INGEST_MAX_LINE (64 * 1024)
typedef struct import_opts {
    const char *path;       /* for messages */
    long size;              /* octets, for the progress bar (0: unknown) */
    const mtrk_id *audience; /* add every row's contact to it when non-NULL */
    char delimiter;         /* ',' ';' '\t' ...; 0 detects it from the header */
} import_opts;
typedef struct import_counts {
    uint64_t read, added, present, rejected;
    char delimiter;         /* the one used */
    long busy_from, busy_to; /* lines not recorded because the database was busy (0: none) */
} import_counts;
/* Imports the CSV of `in` into c->t, writing rejected rows to rej (after its
 * header line). */
int contacts_import_stream(cli_ctx *c, FILE *in, const import_opts *o, FILE *rej, import_counts *counts);
typedef struct ingest_counts {
    uint64_t lines, recorded, duplicates, bad;
    long busy_from, busy_to; /* lines not recorded because the database was busy (0: none) */
} ingest_counts;
/* Records the JSON Lines events of `in` into c->t (name: for line messages,
 * path: for the read error; size in octets for the progress bar, 0 for none). */
int events_ingest_stream(cli_ctx *c, FILE *in, const char *name, const char *path, long size,
                         ingest_counts *counts);

/* Commands defined apart from their group's table. */
int cmd_contacts_import(cli_ctx *c, cli_args *a);
int cmd_events_ingest(cli_ctx *c, cli_args *a);

/* Command groups. */
extern const cli_cmd cmds_admin[];    /* init, tenant */
extern const cli_cmd cmds_contacts[]; /* contacts, audience, unsubscribe, suppress */
extern const cli_cmd cmds_campaign[]; /* campaign, generate, leads, audit */
extern const cli_cmd cmds_io[];       /* events ingest, export */
extern const cli_cmd cmds_report[];   /* simulate, report */
extern const cli_cmd cmds_render[];   /* render, urls */
extern const cli_cmd cmds_reputation[]; /* reputation, bounce-policy, suppress expire */
extern const cli_cmd cmds_token[];    /* token create, list, revoke */
extern const cli_cmd cmds_bounces[];  /* bounces (need_tenant -1: a database only with --record) */
extern const cli_cmd cmds_webhook[];  /* webhook, webhook key, webhook settings, deadletters */

#endif
