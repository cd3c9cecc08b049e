/* The mtrk command-line tool: shared definitions. The tool reaches the
 * library through its public API only (mtrk/mtrk.h). */
#ifndef MTRK_CLI_H
#define MTRK_CLI_H

#include <mtrk/mtrk.h>

#include <stdbool.h>
#include <stdio.h>

/* Exit statuses (docs/cli.md). */
enum { EXIT_OK = 0, EXIT_USAGE = 1, EXIT_DATA = 2 };

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
/* A failed library call: "<what>: <library message> (<status name>)", exit 2
 * (exit 1 for MTRK_EINVAL caused by a command-line value is the caller's choice). */
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
void csv_num(FILE *f, long long v, bool first);
void csv_end(FILE *f);
void json_str(FILE *f, const char *s); /* "..." or null */
bool utf8_ok(const char *s, size_t n);

/* HTML escaping for the report. */
void html_esc(FILE *f, const char *s);

/* The streamed parsers of contacts import and events ingest, apart from the
 * commands that open the files and print the summary, so that the fuzz
 * targets (fuzz/fuzz_csv.c, fuzz/fuzz_jsonl.c) drive exactly the tool's code.
 * Each returns 0 or an exit status after printing the error. */
typedef struct import_counts { uint64_t read, added, present, rejected; } import_counts;
/* Imports the CSV of `in` (named `path` in messages; size in octets for the
 * progress bar, 0 for none) into c->t, writing rejected rows to rej (after
 * its header line) and adding contacts to *audience when non-NULL. */
int contacts_import_stream(cli_ctx *c, FILE *in, const char *path, long size, FILE *rej, const mtrk_id *audience,
                           import_counts *counts);
typedef struct ingest_counts { uint64_t lines, recorded, duplicates, bad; } ingest_counts;
/* Records the JSON Lines events of `in` into c->t (name: for line messages,
 * path: for the read error). */
int events_ingest_stream(cli_ctx *c, FILE *in, const char *name, const char *path, ingest_counts *counts);

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

#endif
