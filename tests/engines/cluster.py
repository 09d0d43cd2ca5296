"""A Slurm cluster of one node, of its own, under a temporary directory.

munged (its own key and socket), slurmctld and slurmd run in the
foreground as children of this process, on private ports, with SLURM_CONF
pointing at a slurm.conf written here: the node line from `slurmd -C`,
process tracking without cgroups (proctrack/linuxproc, task/none), no
accounting, no mail, and a scheduler that looks at the queue every second.
Nothing of the machine's own munge or Slurm is read or touched, so their
services, where the packages started them, are left alone.

Every process the cluster starts carries MARKER=<its directory> in its
environment (jobs too: sbatch hands the submitter's environment on), which
is how leftovers() finds what it left behind. stop() cancels the jobs
first (slurmstepd is re-parented to PID 1 and outlives slurmd), then stops
the daemons by their process ids; every client command is bounded by a
timeout, since they wait for a controller that is gone.
"""
import os
import signal
import socket
import subprocess
import time

MARKER = "RELGRAPH_ENGINES_CLUSTER"
DAEMONS = ("munged", "slurmctld", "slurmd")


def free_port():
    """A TCP port nothing listens on now (the daemons bind it soon after)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def node_line():
    """`slurmd -C`'s description of this machine: its first line."""
    out = subprocess.run(["slurmd", "-C"], capture_output=True, text=True,
                         timeout=30, check=True).stdout
    return out.splitlines()[0].strip()


class ClusterError(Exception):
    pass


class Cluster:
    def __init__(self, root, jobs_per_core=5):
        self.root = root
        self.jobs_per_core = jobs_per_core
        self.conf = os.path.join(root, "slurm.conf")
        self.socket = os.path.join(root, "munge", "munge.socket")
        self.procs = {}
        self.env = self.client_env(os.environ)

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    # --- starting -----------------------------------------------------

    def start(self, wait=60):
        os.makedirs(self.root, exist_ok=True)
        self._start_munge()
        self._write_conf()
        for d in ("state", "spool"):
            os.makedirs(self.path(d), mode=0o700, exist_ok=True)
        self._spawn("slurmctld", ["slurmctld", "-D", "-i"])
        self._spawn("slurmd", ["slurmd", "-D"])
        self._wait_for_idle_node(wait)

    def _start_munge(self):
        # munged wants everyone able to reach its socket's directory
        d = self.path("munge")
        os.makedirs(d, exist_ok=True)
        os.chmod(self.root, 0o711)
        os.chmod(d, 0o711)
        key = os.path.join(d, "munge.key")
        with open(key, "wb") as f:
            f.write(os.urandom(1024))
        os.chmod(key, 0o400)
        self._spawn("munged", [
            "munged", "--foreground", "--socket=" + self.socket,
            "--key-file=" + key, "--pid-file=" + os.path.join(d, "munged.pid"),
            "--log-file=" + os.path.join(d, "munged.log"),
            "--seed-file=" + os.path.join(d, "munged.seed")])
        deadline = time.monotonic() + 20
        while not os.path.exists(self.socket):
            self._check_alive()
            if time.monotonic() > deadline:
                raise ClusterError("munged: no socket after 20 s (%s)" % self.path("munge", "munged.log"))
            time.sleep(0.05)

    def _write_conf(self):
        node = node_line()
        name = node.split()[0].split("=", 1)[1]
        user = subprocess.run(["id", "-un"], capture_output=True, text=True,
                              check=True).stdout.strip()
        lines = [
            "ClusterName=relgraph-test",
            "SlurmctldHost=%s(127.0.0.1)" % name,
            "SlurmctldPort=%d" % free_port(),
            "SlurmdPort=%d" % free_port(),
            "SlurmUser=" + user,
            "SlurmdUser=" + user,
            "AuthType=auth/munge",
            "CredType=cred/munge",
            "AuthInfo=socket=" + self.socket,
            "StateSaveLocation=" + self.path("state"),
            "SlurmdSpoolDir=" + self.path("spool"),
            "SlurmctldPidFile=" + self.path("slurmctld.pid"),
            "SlurmdPidFile=" + self.path("slurmd.pid"),
            "SlurmctldLogFile=" + self.path("slurmctld.log"),
            "SlurmdLogFile=" + self.path("slurmd.log"),
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "JobCompType=jobcomp/none",
            "MailProg=/bin/true",
            "MpiDefault=none",
            "SchedulerType=sched/backfill",
            "SchedulerParameters=sched_interval=1",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_Core",
            "ReturnToService=2",
            "%s NodeAddr=127.0.0.1 State=UNKNOWN" % node,
            # the tests run five jobs a core: a small array starts at once,
            # and a job that does not wait for it (a wrong dependency) runs
            # beside it; a benchmark runs one
            "PartitionName=main Nodes=%s Default=YES MaxTime=INFINITE State=UP"
            " OverSubscribe=%s" % (name, "FORCE:%d" % self.jobs_per_core
                                   if self.jobs_per_core > 1 else "NO"),
        ]
        with open(self.conf, "w") as f:
            f.write("\n".join(lines) + "\n")

    def _spawn(self, name, argv):
        log = open(self.path(name + ".out"), "wb")
        self.procs[name] = subprocess.Popen(
            argv, env=self.env, stdin=subprocess.DEVNULL, stdout=log,
            stderr=subprocess.STDOUT, cwd=self.root)
        log.close()

    def _check_alive(self):
        for name, p in self.procs.items():
            if p.poll() is not None:
                raise ClusterError("%s exited with status %d (see %s)" % (
                    name, p.returncode, self.path(name + ".out")))

    def _wait_for_idle_node(self, wait):
        deadline = time.monotonic() + wait
        while True:
            self._check_alive()
            r = self.client(["sinfo", "-h", "-o", "%t"], check=False, timeout=5)
            if r.returncode == 0 and r.stdout.split() == ["idle"]:
                return
            if time.monotonic() > deadline:
                raise ClusterError("no idle node after %d s (sinfo: %r; see %s)" % (
                    wait, r.stdout.strip(), self.path("slurmctld.log")))
            time.sleep(0.2)

    # --- using --------------------------------------------------------

    def client(self, argv, timeout=20, check=True, env=None, **kw):
        """Run a Slurm client command against this cluster, bounded; env
        (by default the cluster's) from client_env."""
        r = subprocess.run(["timeout", "-k", "5", str(timeout)] + argv,
                           env=env or self.env, capture_output=True, text=True, **kw)
        if check and r.returncode != 0:
            raise ClusterError("%s: exit %d: %s" % (
                " ".join(argv), r.returncode, r.stderr.strip()))
        return r

    def jobs(self):
        """The job ids in the queue (pending or running), or None when
        the controller does not answer."""
        r = self.client(["squeue", "-h", "-o", "%i"], check=False, timeout=10)
        if r.returncode != 0:
            return None
        return r.stdout.split()

    def wait_for_empty_queue(self, wait):
        """True once no job is pending or running, False after wait s."""
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            self._check_alive()
            if self.jobs() == []:
                return True
            time.sleep(0.5)
        return False

    def job_times(self):
        """[(name, start, end)] of every job the controller still holds
        (finished ones for MinJobAge, 300 s), times as ISO 8601 strings."""
        r = self.client(["scontrol", "-o", "show", "job"], timeout=10)
        found = []
        for line in r.stdout.splitlines():
            fields = dict(f.split("=", 1) for f in line.split() if "=" in f)
            found.append((fields.get("JobName"), fields.get("StartTime"), fields.get("EndTime")))
        return found

    # --- stopping -----------------------------------------------------

    def stop(self):
        """Cancel every job, then stop the daemons by their process ids,
        the last started first; kill what does not stop in 10 s."""
        if "slurmctld" in self.procs and self.procs["slurmctld"].poll() is None:
            self.client(["scancel", "--full", "--quiet", "--user", self.env.get("USER") or str(os.getuid())],
                        check=False, timeout=10)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and self.jobs():
                time.sleep(0.2)
        for name in reversed(list(self.procs)):
            p = self.procs[name]
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait(10)
        self.procs = {}
        # a step whose job was cancelled as slurmd went down
        for pid in self.leftovers():
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

    def owns(self, pid):
        """Whether process pid is of this cluster: it carries the marker
        in its environment (the daemons, the jobs) or works in the
        cluster's directory (slurmstepd, which empties its environment)."""
        mark = ("%s=%s" % (MARKER, self.root)).encode()
        try:
            with open("/proc/%d/environ" % pid, "rb") as f:
                if mark in f.read().split(b"\0"):
                    return True
            cwd = os.readlink("/proc/%d/cwd" % pid)
        except OSError:
            return False
        return cwd == self.root or cwd.startswith(self.root + os.sep)

    def leftovers(self):
        """Process ids of this cluster still running, other than this one."""
        return sorted(int(e) for e in os.listdir("/proc")
                      if e.isdigit() and int(e) != os.getpid() and self.owns(int(e)))

    def client_env(self, base):
        """base with what a client (or a recipe's sbatch) needs to reach
        this cluster, and without the Slurm settings of the machine's own."""
        env = {k: v for k, v in base.items()
               if not k.startswith(("SLURM_", "SBATCH_", "SQUEUE_", "SCANCEL_"))}
        env[MARKER] = self.root
        env["SLURM_CONF"] = self.conf
        return env
