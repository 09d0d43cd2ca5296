/* rg_budget: a thread's deadline, checked on a monotonic clock. */
#include "graph/base/budget.h"

#include <time.h>

typedef struct budget {
    struct timespec deadline;
    bool limited;
    bool exhausted;
    unsigned calls;
} budget;

static _Thread_local budget mine;

static struct timespec now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t;
}

void rg_budget_start(double seconds)
{
    mine = (budget){.limited = seconds > 0};
    if (!mine.limited)
        return;
    struct timespec t = now();
    /* in whole seconds and nanoseconds, as the clock counts */
    long whole = (long)seconds;
    long nanos = (long)((seconds - (double)whole) * 1e9);
    t.tv_sec += whole;
    t.tv_nsec += nanos;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    mine.deadline = t;
}

bool rg_budget_spent(void)
{
    if (!mine.limited || mine.exhausted)
        return mine.exhausted;
    if (mine.calls++ % 64 != 0)
        return false;
    struct timespec t = now();
    mine.exhausted =
        t.tv_sec > mine.deadline.tv_sec || (t.tv_sec == mine.deadline.tv_sec && t.tv_nsec >= mine.deadline.tv_nsec);
    return mine.exhausted;
}

bool rg_budget_exhausted(void)
{
    return mine.exhausted;
}

int rg_budget_fail(rg_error *err)
{
    return rg_error_set(err, RG_ERR_INPUT, NULL, 0, "stopped: the query ran past its time limit");
}
