"""Run each document in a forked child under a time and memory budget; a dead child costs only its document.

The parent loads the models once (warm()), then forks one child per document, at most `workers`
at a time: the children share the loaded models copy-on-write. A child caps its address space
(RLIMIT_AS), dies with its parent (PR_SET_PDEATHSIG), runs the work and sends the pickled result
back over a pipe. The parent enforces the wall-clock limit and turns a child that was killed, crashed
or exited without a result into that document's error.
"""
from __future__ import annotations

import ctypes
import os
import pickle
import resource
import selectors
import signal
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

PR_SET_PDEATHSIG = 1
_libc = None


@dataclass
class Budget:
    """What one document may spend: seconds of wall time and MB of memory beyond the loaded models (0: no limit)."""

    timeout: float = 300.0
    memory_mb: int = 2048
    grace: float = 0.0  # the parent kills a child this long after its timeout (the child may stop itself first)


def available() -> bool:
    """Return whether documents can run in forked children here (Linux)."""
    return hasattr(os, "fork") and os.path.exists("/proc/self/statm")


def _address_space() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[0]) * resource.getpagesize()


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to SIGKILL this child when the parent dies, and leave if it already has."""
    global _libc
    try:
        _libc = _libc or ctypes.CDLL(None, use_errno=True)
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's finally still kills its children
        pass
    if os.getppid() != parent:
        os._exit(1)


def limit_memory(memory_mb: int) -> None:
    """Cap this process's address space at its current size plus `memory_mb` (0: no cap)."""
    if memory_mb > 0:
        cap = _address_space() + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _child(path: str, work: Callable[[str], tuple], budget: Budget, write_fd: int, parent: int) -> None:
    """Run `work(path)` and write its pickled result; never returns."""
    code = 0
    try:
        _die_with_parent(parent)
        limit_memory(budget.memory_mb)
        try:
            result = work(path)
        except MemoryError:
            result = ("error", over_memory(path, budget.memory_mb), {})
        try:
            data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps(("error", over_memory(path, budget.memory_mb), {}))
        except Exception as err:  # a value that cannot cross the pipe is this document's error
            data = pickle.dumps(("error", f"{path}: unexpected {err.__class__.__name__}: {err}", {}))
        view = memoryview(data)
        while view:
            view = view[os.write(write_fd, view):]
    except BaseException:  # nothing written: the parent reports the exit without a result
        code = 70
    finally:
        os._exit(code)


def over_memory(path: str, memory_mb: int) -> str:
    return f"{path}: needed more than {memory_mb} MB; skipped (raise --memory-limit to allow more)"


def took_too_long(path: str, timeout: float) -> str:
    return f"{path}: took longer than {timeout:g} s; skipped (raise --timeout to allow more)"


@dataclass
class _Running:
    path: str
    index: int
    pid: int
    fd: int
    started: float
    chunks: list = field(default_factory=list)
    killed_for_time: bool = False


def _death(run: _Running, status: int, budget: Budget) -> tuple:
    """Return the error result for a child that ended without sending one."""
    if run.killed_for_time:
        return "error", took_too_long(run.path, budget.timeout), {}
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        memory = f" — out of memory? (limit {budget.memory_mb} MB; --memory-limit allows more)" if (
            budget.memory_mb > 0 and sig in (signal.SIGKILL, signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS)) else ""
        return "error", f"{run.path}: the worker was killed (signal {sig}, {signal.Signals(sig).name}){memory}", {}
    code = os.waitstatus_to_exitcode(status)
    return "error", f"{run.path}: the worker exited ({code}) without a result", {}


def _finish(run: _Running, budget: Budget) -> tuple:
    """Reap a child whose pipe closed (or that was killed) and return its result."""
    _, status = os.waitpid(run.pid, 0)
    os.close(run.fd)
    data = b"".join(run.chunks)
    if data and not run.killed_for_time:
        try:
            return pickle.loads(data)
        except Exception as err:  # a child killed while writing leaves half a result
            if os.WIFSIGNALED(status) or os.waitstatus_to_exitcode(status):
                return _death(run, status, budget)
            return "error", f"{run.path}: unexpected {err.__class__.__name__} reading the worker's result: {err}", {}
    return _death(run, status, budget)


def _start(path: str, index: int, work, budget: Budget) -> _Running:
    read_fd, write_fd = os.pipe()
    parent = os.getpid()
    # Ctrl-C waits until the child is known, so that no child is left unkilled
    masked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    pid = -1
    try:
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_SETMASK, masked)
            _child(path, work, budget, write_fd, parent)
    finally:
        if pid != 0:
            signal.pthread_sigmask(signal.SIG_SETMASK, masked)
    os.close(write_fd)
    os.set_blocking(read_fd, False)
    return _Running(path, index, pid, read_fd, time.monotonic())


def _kill(run: _Running) -> None:
    try:
        os.kill(run.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class _Pool:
    """The running children, their pipes, and the results not yet handed out."""

    def __init__(self, work, budget: Budget):
        self.work, self.budget = work, budget
        self.running: dict[int, _Running] = {}
        self.done: dict[int, tuple[str, tuple]] = {}
        self.selector = selectors.DefaultSelector()

    def start(self, index: int, path: str) -> None:
        run = _start(path, index, self.work, self.budget)
        self.running[run.fd] = run
        self.selector.register(run.fd, selectors.EVENT_READ, run)

    def _end(self, run: _Running) -> None:
        self.selector.unregister(run.fd)
        del self.running[run.fd]
        self.done[run.index] = (run.path, _finish(run, self.budget))

    def poll(self) -> None:
        """Wait until a child sends something, ends, or runs out of time; collect what ended."""
        for key, _ in self.selector.select(timeout=self._wait()):
            run = key.data
            try:
                chunk = os.read(run.fd, 1 << 20)
            except BlockingIOError:
                continue
            if chunk:
                run.chunks.append(chunk)
            else:
                self._end(run)
        if self.budget.timeout > 0:
            now = time.monotonic()
            limit = self.budget.timeout + self.budget.grace
            for run in [r for r in self.running.values() if now - r.started > limit]:
                run.killed_for_time = True
                _kill(run)
                self._end(run)

    def _wait(self) -> float | None:
        """Return how long select may wait before some child's time is up."""
        if self.budget.timeout <= 0:
            return None
        deadline = min(r.started for r in self.running.values()) + self.budget.timeout + self.budget.grace
        return max(0.0, deadline - time.monotonic()) + 0.01

    def close(self) -> None:
        """Kill the children still running and reap them."""
        for run in self.running.values():
            _kill(run)
        for run in self.running.values():
            try:
                os.waitpid(run.pid, 0)
            except ChildProcessError:
                pass
            os.close(run.fd)
        self.running.clear()
        self.selector.close()


def run_isolated(paths: Iterable[str], work: Callable[[str], tuple], budget: Budget, workers: int = 1,
                 ordered: bool = False) -> Iterator[tuple[str, tuple]]:
    """Yield (path, work(path)) for each path, each run in its own forked child under `budget`.

    `work` returns a picklable result; a child that is killed, crashes or runs out of time or memory
    gives ("error", "<path>: <what happened>", {}). Results come as they finish, or in the order of
    `paths` with `ordered`. Stopping the generator (Ctrl-C, an error) kills the running children.
    """
    queue = list(enumerate(str(p) for p in paths))[::-1]
    pool = _Pool(work, budget)
    next_out = 0
    try:
        while queue or pool.running:
            while queue and len(pool.running) < max(1, workers):
                pool.start(*queue.pop())
            pool.poll()
            if ordered:
                while next_out in pool.done:
                    yield pool.done.pop(next_out)
                    next_out += 1
            else:
                for index in sorted(pool.done):
                    yield pool.done.pop(index)
    finally:
        pool.close()


def warm(work: Callable[[], object]) -> None:
    """Load the models in this process before forking, so every child shares them."""
    try:
        work()
    except Exception:  # a broken model shows as each document's error, named there
        pass
