/* Node types and link relations of the relgraph model, and their names in
 * the graph file (../spec: graph-json).
 *
 * Ownership: the names returned are static strings. */
#ifndef RG_TYPES_H
#define RG_TYPES_H

typedef enum rg_node_type {
    RG_TYPE_ACTOR,
    RG_TYPE_AGENCY,
    RG_TYPE_PROGRAM,
    RG_TYPE_RECOMMENDATION,
    RG_TYPE_REPORT,
    RG_TYPE__COUNT
} rg_node_type;

typedef enum rg_relation {
    RG_REL_CONTAINS,
    RG_REL_LEADS,
    RG_REL_PARTNERS,
    RG_REL_CONCERNS,
    RG_REL_PART_OF,
    RG_REL_MEMBER_OF,
    RG_REL_CO_MENTIONED,
    RG_REL_TARGETS, /* last: the values before it are keys in written DOT files */
    RG_REL__COUNT
} rg_relation;

/* The form that makes a sentence a recommendation: a directive (should ...
 * imperative) or a commitment, a call or an auditor's recommendation (will
 * ... recommend). Written as the node's "modality". */
typedef enum rg_modality {
    RG_MODALITY_NONE,
    RG_MODALITY_SHOULD,
    RG_MODALITY_MUST,
    RG_MODALITY_SHALL,
    RG_MODALITY_NEED,
    RG_MODALITY_COULD,
    RG_MODALITY_IMPERATIVE,
    RG_MODALITY_WILL,
    RG_MODALITY_COMMIT,
    RG_MODALITY_AGREE,
    RG_MODALITY_INTEND,
    RG_MODALITY_URGE,
    RG_MODALITY_CALL,
    RG_MODALITY_RECOMMEND,
    RG_MODALITY__COUNT
} rg_modality;

/* "actor", "agency", ...; NULL for an out-of-range value. */
const char *rg_type_name(rg_node_type t);
/* The type named s, or -1. */
int rg_type_parse(const char *s);
const char *rg_relation_name(rg_relation r);
int rg_relation_parse(const char *s);
/* "should", "will", ...; NULL for RG_MODALITY_NONE and out-of-range values. */
const char *rg_modality_name(rg_modality m);
/* The modality named s, or -1. */
int rg_modality_parse(const char *s);

/* Entities are what the text names: actors, agencies and programs. */
static inline int rg_type_is_entity(rg_node_type t)
{
    return t == RG_TYPE_ACTOR || t == RG_TYPE_AGENCY || t == RG_TYPE_PROGRAM;
}

#endif
