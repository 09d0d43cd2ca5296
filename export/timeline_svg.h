/* rg_timeline_svg: a line chart of a timeline's top movers, as SVG.
 *
 * One line per entity, across the reports in date order (x) by its rank
 * in each (y, 1 at the top), a dot where a report ranks it and no line
 * through a report that does not; its name at its last point. A title, a
 * caption that says what is drawn, and the reports' ids and dates under
 * the axis. Written by hand (no Graphviz: nothing to lay out), the same
 * bytes for the same timeline.
 *
 * Ownership: everything is borrowed for the call. */
#ifndef RG_TIMELINE_SVG_H
#define RG_TIMELINE_SVG_H

#include "graph/analyze/timeline.h"
#include "graph/base/error.h"

/* The top (0: 8) largest movers of t into path, written to a temporary
 * file and renamed into place. Errors: no entity ranked in two reports
 * (RG_ERR_INPUT), I/O. */
int rg_timeline_svg_write(const rg_timeline *t, size_t top, const char *title, const char *path, rg_error *err);

#endif
