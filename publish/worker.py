"""A fresh worker process for `parallel.run_apart`: pickled jobs in on standard input, each
job's result (or error) out on standard output, until the input ends.

Started as `python -m publish.worker [module …]`; the modules are imported before the first
job arrives.
"""

from __future__ import annotations

import gc
import importlib
import os
import pickle
import signal
import sys

from publish.job_outcome import call


def serve(preload: list[str]) -> None:
    """Run jobs until standard input ends."""
    # Ctrl-C reaches the whole process group: the build stops its workers itself and says so
    # in Vietnamese, instead of each worker printing a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    jobs = sys.stdin.buffer
    # Results go through a copy of standard output; anything a job prints goes to stderr.
    results = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    for name in preload:
        importlib.import_module(name)
    while True:
        try:
            job = pickle.load(jobs)
        except EOFError:
            return
        pickle.dump(call(job), results, protocol=pickle.HIGHEST_PROTOCOL)
        results.flush()
        del job
        # A job may leave reference cycles holding memory the collector is not told of:
        # python-docx's package and parts hold each other and their XML trees (~2.5 MB a Word
        # file), and the few Python objects they are never start a full collection.
        gc.collect()


if __name__ == "__main__":
    serve(sys.argv[1:])
