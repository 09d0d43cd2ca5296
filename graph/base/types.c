#include "graph/base/types.h"

#include <string.h>

static const char *const type_names[RG_TYPE__COUNT] = {
    "actor", "agency", "program", "recommendation", "report",
};

static const char *const relation_names[RG_REL__COUNT] = {
    "contains", "leads", "partners", "concerns", "part_of", "member_of", "co_mentioned", "targets",
};

static const char *const modality_names[RG_MODALITY__COUNT] = {
    NULL,   "should", "must",   "shall", "need", "could",     "imperative",
    "will", "commit", "agree", "intend", "urge", "call", "recommend",
};

const char *rg_type_name(rg_node_type t)
{
    return (unsigned)t < RG_TYPE__COUNT ? type_names[t] : NULL;
}

int rg_type_parse(const char *s)
{
    for (int i = 0; i < RG_TYPE__COUNT; i++)
        if (strcmp(s, type_names[i]) == 0)
            return i;
    return -1;
}

const char *rg_relation_name(rg_relation r)
{
    return (unsigned)r < RG_REL__COUNT ? relation_names[r] : NULL;
}

int rg_relation_parse(const char *s)
{
    for (int i = 0; i < RG_REL__COUNT; i++)
        if (strcmp(s, relation_names[i]) == 0)
            return i;
    return -1;
}

const char *rg_modality_name(rg_modality m)
{
    return (unsigned)m < RG_MODALITY__COUNT ? modality_names[m] : NULL;
}

int rg_modality_parse(const char *s)
{
    for (int i = 1; i < RG_MODALITY__COUNT; i++)
        if (strcmp(s, modality_names[i]) == 0)
            return i;
    return -1;
}
