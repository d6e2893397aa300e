/* Reading and parsing files on a pool of threads, in order (see pool.h). */
#include "pool.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

void cli_read_doc(cli_doc_job *j, const cli_read_opts *ro)
{
    fg_parse_opts po = FG_PARSE_OPTS_INIT;

    if (fg_text_read_file(&j->text, j->path) < 0) {
        j->text = NULL;
        j->err = *fg_error_last();
        return;
    }
    po.name = j->path;
    po.lexicon = ro->lex;
    po.no_tracking = !ro->tracking;
    po.no_text = ro->no_text;
    if (fg_parse_document(&j->doc, j->text, &po) < 0 || (ro->check && fg_doc_check(j->doc) < 0)) {
        j->err = *fg_error_last();
        fg_doc_free(j->doc);
        j->doc = NULL;
    }
}

/* The workers take jobs in order, but no further than window ahead of the caller. */
typedef struct job_pool {
    cli_doc_job *jobs;
    size_t n_jobs;
    const cli_read_opts *ro;
    size_t next;    /* the next job to take */
    size_t handed;  /* jobs before this one are handed to the caller */
    size_t window;
    pthread_mutex_t mu;
    pthread_cond_t done_cv; /* a job is done */
    pthread_cond_t room_cv; /* a job is handed over */
} job_pool;

static void *worker(void *arg)
{
    job_pool *pool = arg;

    for (;;) {
        size_t k;

        pthread_mutex_lock(&pool->mu);
        while (pool->next < pool->n_jobs && pool->next >= pool->handed + pool->window)
            pthread_cond_wait(&pool->room_cv, &pool->mu);
        if (pool->next >= pool->n_jobs) {
            pthread_mutex_unlock(&pool->mu);
            return NULL;
        }
        k = pool->next++;
        pthread_mutex_unlock(&pool->mu);
        cli_read_doc(&pool->jobs[k], pool->ro);
        pthread_mutex_lock(&pool->mu);
        pool->jobs[k].done = true;
        pthread_cond_broadcast(&pool->done_cv);
        pthread_mutex_unlock(&pool->mu);
    }
}

int cli_read_docs(char *const *files, size_t n, size_t n_threads, const cli_read_opts *ro,
                  void (*each)(cli_doc_job *job, size_t i, void *payload), void *payload)
{
    job_pool pool = {NULL, n, ro, 0, 0, 4 * (n_threads ? n_threads : 1),
                     PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                     PTHREAD_COND_INITIALIZER};
    pthread_t *threads = NULL;
    size_t n_started = 0;

    pool.jobs = calloc(n ? n : 1, sizeof *pool.jobs);
    if (pool.jobs == NULL) {
        fputs("fengong: out of memory\n", stderr);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        pool.jobs[i].path = files[i];
    if (n_threads > n)
        n_threads = n;
    if (n_threads > 1)
        threads = calloc(n_threads, sizeof *threads);
    for (size_t t = 0; threads != NULL && t < n_threads; t++) {
        if (pthread_create(&threads[t], NULL, worker, &pool) != 0)
            break;
        n_started++;
    }
    for (size_t i = 0; i < n; i++) {
        cli_doc_job *j = &pool.jobs[i];

        if (n_started == 0) {
            cli_read_doc(j, ro); /* one thread: this one */
        } else {
            pthread_mutex_lock(&pool.mu);
            while (!j->done)
                pthread_cond_wait(&pool.done_cv, &pool.mu);
            pthread_mutex_unlock(&pool.mu);
        }
        each(j, i, payload);
        fg_doc_free(j->doc);
        fg_text_free(j->text);
        j->doc = NULL;
        j->text = NULL;
        pthread_mutex_lock(&pool.mu);
        pool.handed = i + 1;
        pthread_cond_broadcast(&pool.room_cv);
        pthread_mutex_unlock(&pool.mu);
    }
    for (size_t t = 0; t < n_started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    free(pool.jobs);
    pthread_cond_destroy(&pool.room_cv);
    pthread_cond_destroy(&pool.done_cv);
    pthread_mutex_destroy(&pool.mu);
    return 0;
}
