/* The subcommands of relgraph: one file each, cmd_<name>(argc, argv) with
 * argv[0] the command's name; each returns the process exit code.
 *
 * Ownership: argv is borrowed; a command frees all it allocates. */
#ifndef RG_COMMANDS_H
#define RG_COMMANDS_H

int cmd_build(int argc, char **argv);
int cmd_common(int argc, char **argv);
int cmd_communities(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_ego(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_evidence(int argc, char **argv);
int cmd_explore(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_find(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_neighbors(int argc, char **argv);
int cmd_path(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_render(int argc, char **argv);

#endif
