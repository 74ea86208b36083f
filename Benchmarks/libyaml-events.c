/*
 * libyaml-events: the "physical limit" for Shipshape's manifest layer.
 *
 * Reads each file fully into memory (as shipshape does) and runs only libyaml's event
 * parser over it: yaml_parser_parse until YAML_STREAM_END_EVENT, deleting every event.
 * No tree is built and nothing is checked. On a parse error the rest of that file is
 * skipped and the file is counted as an error. Single-threaded.
 *
 * Usage:  libyaml-events FILE...        paths as arguments
 *         libyaml-events < LIST         one path per line on stdin (when no arguments)
 *
 * Prints one JSON line to stdout:
 *   {"files":N,"bytes":B,"events":E,"errors":K,"unreadable":U,"seconds":S,"parse_seconds":P}
 * where seconds covers reading + parsing and parse_seconds only the yaml_parser_* calls.
 * With LIBYAML_EVENTS_VERBOSE set, each file that fails to parse is named on stderr.
 *
 * Build: cc -O2 -o libyaml-events libyaml-events.c $(pkg-config --cflags --libs yaml-0.1)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct totals {
    unsigned long files, errors, unreadable;
    unsigned long long bytes, events;
    double parse_seconds;
};

static unsigned char *buffer = NULL;
static size_t capacity = 0;

/* Reads the whole file into the shared buffer; returns its length or -1. */
static long read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    size_t length = 0;
    for (;;) {
        if (length == capacity) {
            size_t grown = capacity ? capacity * 2 : (1u << 20);
            unsigned char *next = realloc(buffer, grown);
            if (!next) { fclose(f); return -1; }
            buffer = next;
            capacity = grown;
        }
        size_t n = fread(buffer + length, 1, capacity - length, f);
        length += n;
        if (n == 0) break;
    }
    int failed = ferror(f);
    fclose(f);
    return failed ? -1 : (long)length;
}

static void parse_file(const char *path, struct totals *t) {
    long length = read_file(path);
    if (length < 0) {
        t->unreadable++;
        fprintf(stderr, "libyaml-events: cannot read %s\n", path);
        return;
    }
    t->files++;
    t->bytes += (unsigned long long)length;

    double start = now();
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fprintf(stderr, "libyaml-events: cannot initialise the parser\n");
        exit(2);
    }
    yaml_parser_set_input_string(&parser, buffer, (size_t)length);
    yaml_event_t event;
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            t->errors++;
            if (getenv("LIBYAML_EVENTS_VERBOSE"))
                fprintf(stderr, "libyaml-events: %s: %s (line %lu)\n", path,
                        parser.problem ? parser.problem : "parse error",
                        (unsigned long)parser.problem_mark.line + 1);
            break;
        }
        t->events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    t->parse_seconds += now() - start;
}

int main(int argc, char **argv) {
    struct totals t = {0};
    double start = now();
    if (argc > 1) {
        for (int i = 1; i < argc; i++) parse_file(argv[i], &t);
    } else {
        char *line = NULL;
        size_t size = 0;
        ssize_t n;
        while ((n = getline(&line, &size, stdin)) > 0) {
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
            if (n > 0) parse_file(line, &t);
        }
        free(line);
    }
    double seconds = now() - start;
    printf("{\"files\":%lu,\"bytes\":%llu,\"events\":%llu,\"errors\":%lu,\"unreadable\":%lu,"
           "\"seconds\":%.6f,\"parse_seconds\":%.6f}\n",
           t.files, t.bytes, t.events, t.errors, t.unreadable, seconds, t.parse_seconds);
    free(buffer);
    return t.unreadable ? 1 : 0;
}
