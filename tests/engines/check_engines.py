#!/usr/bin/env python3
"""The README's scale-out recipes, run on the engines themselves.

    check_engines.py RELGRAPH README.md [TEST...]

Takes the recipes out of README.md (tests/engines/recipes.py) and runs
each one's text with bash, with the variables of the settings block set to
a scratch library of its own (tests/engines/library.py: a few hundred small
reports, in a directory whose name has a space), and `relgraph` on PATH
being RELGRAPH; the merged graph must be byte for byte what `relgraph build`
writes from the same reports and catalog.

  variables          every variable a recipe reads is in the settings block
  parallel           GNU parallel on this machine (-S :), built-in catalog,
                     run twice (8, then 16 reports a job)
  parallel-bench     the same on ../shared/bench's 10 MB corpus and catalog
                     (skipped without ../shared/bench)
  parallel-fails     a report extract refuses: parallel fails, no merge
  slurm              a one-node Slurm cluster of the test's own
                     (tests/engines/cluster.py): the job array, the
                     dependent merge, with a catalog
  slurm-fails        a task that fails: the merge is cancelled, no graph

Each test runs its recipe in a session of its own and, after it, checks
with ps that nothing it started is left; the cluster is stopped (jobs
cancelled, then its daemons by their process ids) also when a test fails
or the run is interrupted (INT, TERM, HUP). Prints one line a test and
"engines: N passed, N failed, N skipped"; exit 1 if one failed. KEEP=1
keeps the scratch directory.
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# no __pycache__ beside the sources
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import cluster  # noqa: E402
import library  # noqa: E402
import recipes  # noqa: E402

BENCH = os.environ.get("SHARED_BENCH") or os.path.join(HERE, "..", "..", "..", "shared", "bench")
RECIPE_TIMEOUT = 300
QUEUE_TIMEOUT = 180


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def on_signal(signum, frame):
    raise SystemExit(128 + signum)


def processes():
    """{pid: (session id, command name)} of every process, from ps."""
    out = subprocess.run(["ps", "-e", "-o", "pid=,sid=,comm="], capture_output=True,
                         text=True, check=True).stdout
    found = {}
    for line in out.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3:
            found[int(parts[0])] = (int(parts[1]), parts[2])
    return found


class Run:
    """One test's scratch library, the environment its recipe runs in, and
    the processes it starts."""

    def __init__(self, top, name, relgraph):
        self.dir = os.path.join(top, name)
        self.lib = os.path.join(self.dir, "the library")
        self.bin = os.path.join(self.dir, "bin")
        os.makedirs(self.lib)
        os.makedirs(self.bin)
        os.symlink(relgraph, os.path.join(self.bin, "relgraph"))
        self.relgraph = relgraph
        self.env = dict(os.environ)
        self.env["PATH"] = self.bin + os.pathsep + self.env.get("PATH", "")
        self.env["LC_ALL"] = "C"
        self.sessions = set()
        self.cluster = None
        self.before = processes()

    def settings(self, reports, catalog, **extra):
        values = {"REPORTS": reports, "PARTS": os.path.join(self.lib, "parts"),
                  "GRAPH": os.path.join(self.lib, "graph.json"), "CATALOG": catalog,
                  "HOSTS": ":", "PER_JOB": "16", "TASKS": "8"}
        values.update(extra)
        self.env.update(values)
        return values

    def recipe(self, text, env=None):
        """Run a recipe's text with bash, in a session of its own, bounded."""
        p = subprocess.Popen(["bash", "-c", text], env=env or self.env, cwd=self.lib,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
        self.sessions.add(p.pid)
        try:
            out, err = p.communicate(timeout=RECIPE_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            raise Failure("the recipe ran over %d s" % RECIPE_TIMEOUT)
        finally:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        return p.returncode, out, err

    def build(self, reports, catalog):
        """What relgraph build writes from the same reports: its path."""
        ref = os.path.join(self.dir, "build.json")
        argv = [self.relgraph, "build", "-q", "-j", "2", "-o", ref]
        if catalog:
            argv += ["--catalog", catalog]
        subprocess.run(argv + [reports], check=True, timeout=RECIPE_TIMEOUT)
        return ref

    def leftovers(self, owned=lambda pid: False):
        """Processes that were not there before the test and that it
        started: in a session of its recipes, or owned(pid)."""
        now = processes()
        return sorted("%d %s" % (pid, comm) for pid, (sid, comm) in now.items()
                      if pid not in self.before and pid != os.getpid()
                      and (sid in self.sessions or owned(pid)))


def same_bytes(graph, ref):
    if not os.path.exists(graph):
        raise Failure("the recipe wrote no graph")
    r = subprocess.run(["cmp", ref, graph], capture_output=True, text=True)
    if r.returncode != 0:
        raise Failure("the merged graph is not build's: " + r.stdout.strip())


def describe(status, out, err):
    return "exit %d; stdout: %s; stderr: %s" % (status, out.strip()[-400:], err.strip()[-800:])


def logs(parts):
    """The recipe's job logs, for a failure's message."""
    text = []
    if os.path.isdir(parts):
        for name in sorted(os.listdir(parts)):
            if name.endswith(".log"):
                with open(os.path.join(parts, name), errors="replace") as f:
                    body = f.read().strip()
                if body:
                    text.append("%s: %s" % (name, body[-400:]))
    return "; ".join(text)


# --- the tests ------------------------------------------------------------

def test_variables(found, _run):
    names = recipes.check_documented(found)
    for name in ("parallel", "slurm"):
        if name not in found:
            raise Failure("README.md has no '%s' recipe" % name)
    return "the settings block exports %s" % " ".join(names)


def parallel_on(found, run, reports, catalog, per_job):
    if not shutil.which("parallel"):
        raise Failure("no GNU parallel (make check-engines installs it)")
    v = run.settings(reports, catalog, PER_JOB=str(per_job))
    status, out, err = run.recipe(found["parallel"])
    if status != 0:
        raise Failure("the recipe failed: " + describe(status, out, err))
    same_bytes(v["GRAPH"], run.build(reports, catalog))
    parts = [n for n in os.listdir(v["PARTS"]) if n.startswith("part-")]
    with open(os.path.join(v["PARTS"], "reports.list")) as f:
        listed = sum(1 for _ in f)
    expect = -(-listed // per_job)
    if len(parts) != expect:
        raise Failure("%d parts, not %d (%d reports, %d a job)" % (len(parts), expect, listed, per_job))
    return "%d reports in %d parts, merged: build's bytes" % (listed, len(parts))


def test_parallel(found, run):
    reports = os.path.join(run.lib, "reports")
    library.make_library(reports, 300)
    # run twice: the second run must not take the first one's parts
    parallel_on(found, run, reports, "", 8)
    return parallel_on(found, run, reports, "", 16) + ", after a run of 8 a job"


def test_parallel_bench(found, run):
    make_corpus = os.path.join(BENCH, "make-corpus")
    if not os.access(make_corpus, os.X_OK):
        raise Skip("no ../shared/bench beside this checkout")
    reports = os.path.join(run.lib, "reports")
    subprocess.run([make_corpus, "--mb", "10", "--out", reports], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=RECIPE_TIMEOUT)
    # make-corpus writes its catalog among the reports: beside them, it is
    # not a file build names on stderr as skipped
    catalog = os.path.join(run.lib, "catalog.json")
    os.rename(os.path.join(reports, "catalog.json"), catalog)
    return parallel_on(found, run, reports, catalog, 16)


def test_parallel_fails(found, run):
    reports = os.path.join(run.lib, "reports")
    library.make_library(reports, 40)
    with open(os.path.join(reports, "report-999.md"), "wb") as f:
        f.write(b"PK\x03\x04" + bytes(200))  # a zip file: extract refuses it
    v = run.settings(reports, "", PER_JOB="8")
    status, out, err = run.recipe(found["parallel"])
    if status == 0:
        raise Failure("the recipe succeeded with a report extract refuses")
    if os.path.exists(v["GRAPH"]):
        raise Failure("a graph was merged without the refused report's part")
    return "exit %d, no graph" % status


def slurm_run(found, run, reports, catalog, tasks):
    for program in ("munged", "slurmctld", "slurmd", "sbatch"):
        if not shutil.which(program):
            raise Failure("no %s (make check-engines installs it)" % program)
    v = run.settings(reports, catalog, TASKS=str(tasks))
    c = cluster.Cluster(os.path.join(run.dir, "slurm"))
    run.cluster = c
    c.start()
    status, out, err = run.recipe(found["slurm"], c.client_env(run.env))
    if status != 0:
        raise Failure("the recipe failed: " + describe(status, out, err))
    ids = out.split()
    if not ids or not ids[-1].isdigit():
        raise Failure("the recipe did not print the merge's job id: %r" % out)
    if not c.wait_for_empty_queue(QUEUE_TIMEOUT):
        raise Failure("jobs still queued after %d s: %s" % (QUEUE_TIMEOUT, " ".join(c.jobs() or [])))
    return v


def test_slurm(found, run):
    reports = os.path.join(run.lib, "reports")
    catalog = library.make_library(reports, 300)
    v = slurm_run(found, run, reports, catalog, 8)
    try:
        same_bytes(v["GRAPH"], run.build(reports, catalog))
    except Failure as e:
        raise Failure("%s (%s)" % (e, logs(v["PARTS"])))
    parts = [n for n in os.listdir(v["PARTS"]) if n.startswith("part-")]
    if len(parts) != 8:
        raise Failure("%d parts, not 8" % len(parts))
    times = run.cluster.job_times()
    ends = [end for name, _, end in times if name == "relgraph-extract"]
    starts = [start for name, start, _ in times if name == "relgraph-merge"]
    if len(ends) != 8 or len(starts) != 1:
        raise Failure("the controller holds %d tasks and %d merges, not 8 and 1" % (len(ends), len(starts)))
    if starts[0] < max(ends):
        raise Failure("the merge started at %s, before the last task ended (%s)" % (starts[0], max(ends)))
    return "300 reports, 8 tasks, the merge after them: build's bytes"


def test_slurm_fails(found, run):
    reports = os.path.join(run.lib, "reports")
    catalog = library.make_library(reports, 20)
    with open(os.path.join(reports, "report-999.md"), "wb") as f:
        f.write(b"PK\x03\x04" + bytes(200))
    v = slurm_run(found, run, reports, catalog, 4)
    if os.path.exists(v["GRAPH"]):
        raise Failure("a graph was merged although a task failed")
    failed = logs(v["PARTS"])
    if "report-999.md" not in failed:
        raise Failure("no task log names the refused report: " + failed)
    return "the failed task's log names the report; the merge was cancelled"


TESTS = [
    ("variables", test_variables),
    ("parallel", test_parallel),
    ("parallel-bench", test_parallel_bench),
    ("parallel-fails", test_parallel_fails),
    ("slurm", test_slurm),
    ("slurm-fails", test_slurm_fails),
]


def run_one(name, fn, found, top, relgraph):
    run = Run(top, name, relgraph)
    start = time.monotonic()
    outcome, note = "PASS", ""
    try:
        note = fn(found, run)
    except Skip as e:
        outcome, note = "SKIP", str(e)
    except (Failure, recipes.RecipeError, cluster.ClusterError,
            subprocess.SubprocessError, OSError) as e:
        outcome, note = "FAIL", str(e)
    finally:
        if run.cluster:
            run.cluster.stop()
    owned = run.cluster.owns if run.cluster else (lambda pid: False)
    left = run.leftovers(owned)
    if left:
        outcome = "FAIL"
        note = (note + "; " if note else "") + "left running: " + ", ".join(left)
    print("%s %s (%.1f s)%s" % (outcome, name, time.monotonic() - start,
                                ": " + note if note else ""), flush=True)
    return outcome


def main(argv):
    if len(argv) < 3:
        print("usage: check_engines.py RELGRAPH README.md [TEST...]", file=sys.stderr)
        return 2
    relgraph, readme = os.path.abspath(argv[1]), argv[2]
    wanted = argv[3:] or [name for name, _ in TESTS]
    unknown = sorted(set(wanted) - {name for name, _ in TESTS})
    if unknown:
        print("check_engines.py: no test %s" % ", ".join(unknown), file=sys.stderr)
        return 2
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, on_signal)
    counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}
    top = tempfile.mkdtemp(prefix="relgraph-engines-")
    os.chmod(top, 0o711)  # munged wants its socket's directories open to all
    try:
        try:
            found = recipes.blocks(readme)
        except recipes.RecipeError as e:
            print("FAIL recipes: %s" % e)
            counts["FAIL"] += 1
            found = None
        for name, fn in TESTS:
            if found is not None and name in wanted:
                counts[run_one(name, fn, found, top, relgraph)] += 1
    finally:
        if os.environ.get("KEEP") == "1":
            print("engines: kept %s" % top, file=sys.stderr)
        else:
            shutil.rmtree(top, ignore_errors=True)
    print("engines: %d passed, %d failed, %d skipped" % (counts["PASS"], counts["FAIL"], counts["SKIP"]))
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
