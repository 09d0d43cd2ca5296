#include "export/spool.h"

#include "export/output.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Enough buffers in flight for the encoder never to wait on a short stall
 * of the disk, few enough to cost no memory worth counting. */
enum { SLOTS = 8, WRITEBACK_AT = 32 << 20 };

struct rg_spool {
    FILE *out;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t filled, emptied;
    rg_buf ring[SLOTS]; /* ring[head .. head + count) are queued */
    size_t head, count;
    bool closing, failed;
    int error; /* errno of the failed write */
};

static void *drain(void *arg)
{
    rg_spool *s = arg;
    size_t unsynced = 0;
    pthread_mutex_lock(&s->lock);
    for (;;) {
        while (!s->count && !s->closing)
            pthread_cond_wait(&s->filled, &s->lock);
        if (!s->count)
            break;
        /* the slot at head stays queued, so the encoder leaves it alone
         * while it is written without the lock */
        rg_buf *b = &s->ring[s->head];
        bool failed = s->failed;
        pthread_mutex_unlock(&s->lock);
        int error = 0;
        if (!failed && b->len && fwrite(b->data, 1, b->len, s->out) != b->len) {
            failed = true;
            error = errno ? errno : EIO;
        }
        unsynced += b->len;
        if (!failed && unsynced >= WRITEBACK_AT) {
            rg_output_writeback(s->out);
            unsynced = 0;
        }
        rg_buf_reset(b);
        pthread_mutex_lock(&s->lock);
        if (failed && !s->failed) {
            s->failed = true;
            s->error = error;
        }
        s->head = (s->head + 1) % SLOTS;
        s->count--;
        pthread_cond_signal(&s->emptied);
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

rg_spool *rg_spool_new(FILE *out)
{
    rg_spool *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->out = out;
    for (size_t i = 0; i < SLOTS; i++)
        rg_buf_init(&s->ring[i]);
    bool locks = pthread_mutex_init(&s->lock, NULL) == 0;
    bool filled = locks && pthread_cond_init(&s->filled, NULL) == 0;
    bool emptied = filled && pthread_cond_init(&s->emptied, NULL) == 0;
    if (emptied && pthread_create(&s->thread, NULL, drain, s) == 0)
        return s;
    if (emptied)
        pthread_cond_destroy(&s->emptied);
    if (filled)
        pthread_cond_destroy(&s->filled);
    if (locks)
        pthread_mutex_destroy(&s->lock);
    free(s);
    return NULL;
}

bool rg_spool_write(rg_spool *s, rg_buf *b)
{
    pthread_mutex_lock(&s->lock);
    while (s->count == SLOTS)
        pthread_cond_wait(&s->emptied, &s->lock);
    bool ok = !s->failed;
    if (ok) {
        /* swap: the queue takes b's bytes, b gets an emptied buffer */
        rg_buf *slot = &s->ring[(s->head + s->count) % SLOTS];
        rg_buf empty = *slot;
        *slot = *b;
        *b = empty;
        s->count++;
        pthread_cond_signal(&s->filled);
    }
    pthread_mutex_unlock(&s->lock);
    if (!ok)
        rg_buf_reset(b);
    return ok;
}

bool rg_spool_finish(rg_spool *s)
{
    pthread_mutex_lock(&s->lock);
    s->closing = true;
    pthread_cond_signal(&s->filled);
    pthread_mutex_unlock(&s->lock);
    pthread_join(s->thread, NULL);
    bool ok = !s->failed;
    int error = s->error;
    for (size_t i = 0; i < SLOTS; i++)
        rg_buf_destroy(&s->ring[i]);
    pthread_cond_destroy(&s->emptied);
    pthread_cond_destroy(&s->filled);
    pthread_mutex_destroy(&s->lock);
    free(s);
    if (!ok)
        errno = error;
    return ok;
}
