"""The job controller: pods until `completions` succeed (SuccessCriteriaMet and Complete),
or Failed (BackoffLimitExceeded) once more than `backoffLimit` pods failed."""

from . import podutil
from .cluster import condition, set_condition
from .store import clone, now


def job(ctl, ns, name):
    job = ctl.c.get("batch/v1", "Job", ns, name)
    if not job or job["metadata"].get("deletionTimestamp"):
        return
    spec = job["spec"]
    status = clone(job.get("status") or {})
    conds = status.get("conditions") or []
    if any(c["type"] in ("Complete", "Failed") and c["status"] == "True" for c in conds):
        return
    if spec.get("suspend"):
        return
    pods = ctl.c.owned_by(job, "v1", "Pod")
    succeeded = sum(1 for p in pods if podutil.phase(p) == "Succeeded")
    failed = sum(1 for p in pods if podutil.phase(p) == "Failed")
    active = [p for p in pods if podutil.active(p)]
    completions = spec.get("completions", 1)
    status.setdefault("startTime", now())
    if succeeded >= completions:
        conds = set_condition(conds, condition("SuccessCriteriaMet", "True", "CompletionsReached",
                                               "Reached expected number of succeeded pods", probe_time=True))
        conds = set_condition(conds, condition("Complete", "True", "CompletionsReached",
                                               "Reached expected number of succeeded pods", probe_time=True))
        status["completionTime"] = now()
        ctl.c.event(job, "Normal", "Completed", "Job completed", "job-controller")
    elif failed > spec.get("backoffLimit", 6):
        conds = set_condition(conds, condition("FailureTarget", "True", "BackoffLimitExceeded",
                                               "Job has reached the specified backoff limit", probe_time=True))
        conds = set_condition(conds, condition("Failed", "True", "BackoffLimitExceeded",
                                               "Job has reached the specified backoff limit", probe_time=True))
        ctl.c.event(job, "Warning", "BackoffLimitExceeded", "Job has reached the specified backoff limit",
                    "job-controller")
    else:
        want = min(spec.get("parallelism", 1), completions - succeeded) - len(active)
        for _ in range(max(0, want)):
            created = podutil.create_pod(ctl, job, podutil.new_pod(ctl, job, spec.get("template") or {}), "job-controller")
            if created:
                active.append(created)
    status.update({"active": len(active), "ready": sum(1 for p in active if podutil.ready(p)), "succeeded": succeeded,
                   "failed": failed, "terminating": 0, "uncountedTerminatedPods": {}})
    for field in ("active", "succeeded", "failed"):
        if not status[field]:
            status.pop(field)
    if conds:
        status["conditions"] = conds
    ctl.write_status(job, status)
