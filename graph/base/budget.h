/* rg_budget: a time limit on the work of one thread, for a caller that
 * answers many questions and must not let one of them run for hours
 * (relgraph serve: a betweenness ranking of two million links, a find of
 * "a" over every sentence).
 *
 * The limit is the calling thread's own (thread-local): igraph's
 * interruption handler, which the analyses' long loops call, takes no
 * argument, so the deadline it checks cannot be passed to it. The
 * searches and walks of graph/analyze/query.c check it too. A thread that
 * sets no limit (the CLI) never runs out; a query that runs out fails
 * with an ordinary rg_error, and rg_budget_exhausted() tells the caller
 * that the limit, not the question, was the cause.
 *
 * Ownership: no heap; nothing to free. */
#ifndef RG_BUDGET_H
#define RG_BUDGET_H

#include "graph/base/error.h"

#include <stdbool.h>

/* From now, this thread may work for seconds (> 0) before rg_budget_spent
 * says so; seconds <= 0 lifts the limit. Clears rg_budget_exhausted(). */
void rg_budget_start(double seconds);

/* Whether this thread has run past its limit: checks the clock on the
 * first call and then every 64th (a loop calls it per item; the clock
 * costs tens of nanoseconds), and stays true once true. Never true
 * without a limit. */
bool rg_budget_spent(void);

/* Whether rg_budget_spent() has said true since rg_budget_start. */
bool rg_budget_exhausted(void);

/* Record that the work stopped at the limit (class RG_ERR_INPUT); returns
 * -1. */
int rg_budget_fail(rg_error *err);

#endif
