/*
 * Replays fuzz inputs without libFuzzer: linked with one fuzz target, it calls
 * LLVMFuzzerTestOneInput() on every regular file of the directories (or on the files)
 * named on the command line, in name order, so that `make test` runs the seed corpus and
 * every saved crasher under the normal compiler and its sanitizers.
 *
 *   replay_decode tests/fuzz/corpus/decode tests/fuzz/regressions/decode
 *
 * A directory that does not exist is skipped with a note (a target may have no saved
 * crashers). An input that runs longer than the limit (FG_REPLAY_TIMEOUT seconds, 20 by
 * default) is reported by name and fails the run. The target aborts on anything it finds;
 * the sanitizers print the report. Exit status: 0 when every input ran, 1 when an input
 * hung, a file could not be read or nothing ran at all, 2 on a usage error.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *current = "";

static void on_alarm(int sig)
{
    static const char msg[] = "replay: input ran past the time limit (a hang?): ";

    (void)sig;
    /* Only async-signal-safe calls here. */
    (void)!write(2, msg, sizeof msg - 1);
    (void)!write(2, current, strlen(current));
    (void)!write(2, "\n", 1);
    _exit(1);
}

static int read_file(const char *path, uint8_t **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf = NULL;
    size_t cap = 0;
    size_t n = 0;

    *out = NULL;
    *len = 0;
    if (f == NULL)
        return -1;
    for (;;) {
        size_t got;

        if (n == cap) {
            uint8_t *b = realloc(buf, cap ? cap * 2 : 65536);

            if (b == NULL) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return -1;
            }
            buf = b;
            cap = cap ? cap * 2 : 65536;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        free(buf);
        fclose(f);
        errno = EIO;
        return -1;
    }
    fclose(f);
    *out = buf;
    *len = n;
    return 0;
}

static int run_one(const char *path, unsigned limit_s)
{
    uint8_t *data = NULL;
    uint8_t *copy = NULL;
    size_t len = 0;

    if (read_file(path, &data, &len) < 0) {
        fprintf(stderr, "replay: %s: cannot read: %s\n", path, strerror(errno));
        return -1;
    }
    /* An exact-size copy, so that ASan sees reads past the end as libFuzzer would. */
    copy = malloc(len ? len : 1);
    if (copy == NULL) {
        free(data);
        fprintf(stderr, "replay: %s: out of memory\n", path);
        return -1;
    }
    if (len)
        memcpy(copy, data, len);
    free(data);
    current = path;
    alarm(limit_s);
    LLVMFuzzerTestOneInput(copy, len);
    alarm(0);
    free(copy);
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Run every regular file of dir (not its subdirectories or dot files), in name order. */
static int run_dir(const char *dir, unsigned limit_s, size_t *n_run)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0;
    size_t cap = 0;
    int rc = 0;

    if (d == NULL) {
        fprintf(stderr, "replay: %s: cannot open: %s\n", dir, strerror(errno));
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **v = realloc(names, (cap ? cap * 2 : 64) * sizeof *v);

            if (v == NULL) {
                rc = -1;
                break;
            }
            names = v;
            cap = cap ? cap * 2 : 64;
        }
        names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
        if (names[n] == NULL) {
            rc = -1;
            break;
        }
        sprintf(names[n], "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (rc == 0 && n > 0)
        qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        struct stat st;

        if (rc == 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            if (run_one(names[i], limit_s) < 0)
                rc = -1;
            else
                (*n_run)++;
        }
        free(names[i]);
    }
    free(names);
    if (rc < 0 && errno == ENOMEM)
        fprintf(stderr, "replay: %s: out of memory\n", dir);
    return rc;
}

int main(int argc, char **argv)
{
    const char *env = getenv("FG_REPLAY_TIMEOUT");
    unsigned limit_s = 20;
    size_t n_run = 0;
    int rc = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
        return 2;
    }
    if (env != NULL && atoi(env) > 0)
        limit_s = (unsigned)atoi(env);
    signal(SIGALRM, on_alarm);
    for (int i = 1; i < argc; i++) {
        struct stat st;

        if (stat(argv[i], &st) < 0) {
            printf("replay: %s: %s, skipped\n", argv[i], strerror(errno));
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (run_dir(argv[i], limit_s, &n_run) < 0)
                rc = 1;
        } else if (run_one(argv[i], limit_s) < 0) {
            rc = 1;
        } else {
            n_run++;
        }
    }
    printf("replay: %zu inputs\n", n_run);
    if (n_run == 0) {
        fprintf(stderr, "replay: no input found\n");
        rc = 1;
    }
    return rc;
}
