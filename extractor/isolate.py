"""Run documents in forked workers under a time and memory budget; a dead worker costs only its document.

The parent loads the models once (warm()), then forks at most `workers` workers, which share the
loaded models copy-on-write. A worker dies with its parent (PR_SET_PDEATHSIG) and runs documents
one after another, each under a cap on its address space (RLIMIT_AS), sending each pickled result
back over a pipe. A worker leaves after a document that failed (after a time-out or a MemoryError
its state is not to be trusted), after RECYCLE_AFTER documents, or once it has grown by
RECYCLE_GROWTH_MB; the parent forks a fresh one for the next document. The parent enforces the
wall-clock limit and turns a worker that was killed, crashed or left without a result into that
document's error.

A worker per document would isolate as well, but each would copy the pages it writes to and pay
for its fork and exit: about a quarter of a short PDF's time.
"""
from __future__ import annotations

import ctypes
import os
import pickle
import resource
import selectors
import signal
import struct
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

PR_SET_PDEATHSIG = 1
RECYCLE_AFTER = 100  # documents a worker runs before a fresh one takes over
RECYCLE_GROWTH_MB = 512  # growth of a worker's address space after which it leaves
_HEADER = struct.Struct("!QB")  # a message's length, and whether its worker leaves after it
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
    """Cap this process's address space at its current size plus `memory_mb` (0: no cap), until
    unlimit_memory(): the soft limit only, so that the next document gets a cap of its own."""
    if memory_mb > 0:
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        cap = _address_space() + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))


def unlimit_memory() -> None:
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _run_one(path: str, work: Callable[[str], tuple], budget: Budget) -> tuple[bytes, bool]:
    """Return the pickled result of `work(path)` under the memory budget, and whether it failed."""
    limit_memory(budget.memory_mb)
    try:
        try:
            result = work(path)
        except MemoryError:
            result = ("error", over_memory(path, budget.memory_mb), {})
        try:
            return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), result[0] != "ok"
        except MemoryError:
            return pickle.dumps(("error", over_memory(path, budget.memory_mb), {})), True
        except Exception as err:  # a value that cannot cross the pipe is this document's error
            return pickle.dumps(("error", f"{path}: unexpected {err.__class__.__name__}: {err}", {})), True
    finally:
        unlimit_memory()


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _serve(work: Callable[[str], tuple], budget: Budget, task_fd: int, result_fd: int, parent: int) -> None:
    """Run the documents the parent sends until it sends no more or this worker should leave; never returns."""
    code = 0
    try:
        _die_with_parent(parent)
        base, done = _address_space(), 0
        while True:
            size = _read_exactly(task_fd, 8)
            if size is None:  # the parent has no more documents
                break
            path = _read_exactly(task_fd, struct.unpack("!Q", size)[0]).decode("utf-8", "surrogateescape")
            data, failed = _run_one(path, work, budget)
            done += 1
            leaving = failed or done >= RECYCLE_AFTER or _address_space() - base > RECYCLE_GROWTH_MB * 1024 * 1024
            _write_all(result_fd, _HEADER.pack(len(data), leaving) + data)
            if leaving:
                break
    except BaseException:  # nothing written: the parent reports the exit without a result
        code = 70
    finally:
        os._exit(code)


def over_memory(path: str, memory_mb: int) -> str:
    return f"{path}: needed more than {memory_mb} MB; skipped (raise --memory-limit to allow more)"


def took_too_long(path: str, timeout: float) -> str:
    return f"{path}: took longer than {timeout:g} s; skipped (raise --timeout to allow more)"


@dataclass
class _Worker:
    pid: int
    task_fd: int  # the parent writes paths here
    result_fd: int  # and reads results here
    task: tuple[int, str] | None = None  # (index, path) of the document it runs now
    started: float = 0.0
    buffer: bytearray = field(default_factory=bytearray)
    leaving: bool = False  # it takes no more documents after the result it sent
    killed_for_time: bool = False


def _death(path: str, status: int, budget: Budget, killed_for_time: bool) -> tuple:
    """Return the error result for a document whose worker ended without sending its result."""
    if killed_for_time:
        return "error", took_too_long(path, budget.timeout), {}
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        memory = f" — out of memory? (limit {budget.memory_mb} MB; --memory-limit allows more)" if (
            budget.memory_mb > 0 and sig in (signal.SIGKILL, signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS)) else ""
        return "error", f"{path}: the worker was killed (signal {sig}, {signal.Signals(sig).name}){memory}", {}
    code = os.waitstatus_to_exitcode(status)
    return "error", f"{path}: the worker exited ({code}) without a result", {}


def _fork(work, budget: Budget) -> _Worker:
    task_read, task_write = os.pipe()
    result_read, result_write = os.pipe()
    parent = os.getpid()
    # Ctrl-C waits until the worker is known, so that no worker is left unkilled
    masked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    pid = -1
    try:
        pid = os.fork()
        if pid == 0:
            os.close(task_write)
            os.close(result_read)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_SETMASK, masked)
            _serve(work, budget, task_read, result_write, parent)
    finally:
        if pid != 0:
            signal.pthread_sigmask(signal.SIG_SETMASK, masked)
    os.close(task_read)
    os.close(result_write)
    os.set_blocking(result_read, False)
    return _Worker(pid, task_write, result_read)


def _kill(worker: _Worker) -> None:
    try:
        os.kill(worker.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class _Pool:
    """The workers, the documents they run, and the results not yet handed out."""

    def __init__(self, work, budget: Budget, size: int):
        self.work, self.budget, self.size = work, budget, max(1, size)
        self.workers: dict[int, _Worker] = {}  # by result_fd
        self.done: dict[int, tuple[str, tuple]] = {}
        self.selector = selectors.DefaultSelector()

    def busy(self) -> bool:
        return any(w.task for w in self.workers.values())

    def _free(self) -> _Worker | None:
        """Return a worker without a document, forking one if there is room; None if there is not."""
        staying = [w for w in self.workers.values() if not w.leaving]
        idle = next((w for w in staying if w.task is None), None)
        if idle or len(staying) >= self.size:
            return idle
        worker = _fork(self.work, self.budget)
        self.workers[worker.result_fd] = worker
        self.selector.register(worker.result_fd, selectors.EVENT_READ, worker)
        return worker

    def fill(self, queue: list[tuple[int, str]]) -> None:
        """Give each free worker the next document of `queue` (taken from its end)."""
        while queue and (worker := self._free()):
            index, path = queue[-1]
            name = path.encode("utf-8", "surrogateescape")
            try:
                _write_all(worker.task_fd, struct.pack("!Q", len(name)) + name)
            except BrokenPipeError:  # it left (or died) between two documents: another one takes it
                worker.leaving = True
                continue
            queue.pop()
            worker.task, worker.started = (index, path), time.monotonic()

    def _end(self, worker: _Worker) -> None:
        """Reap a worker whose pipe closed (or that was killed); its document, if any, gets an error."""
        self.selector.unregister(worker.result_fd)
        del self.workers[worker.result_fd]
        os.close(worker.task_fd)
        os.close(worker.result_fd)
        _, status = os.waitpid(worker.pid, 0)
        if worker.task:
            index, path = worker.task
            self.done[index] = (path, _death(path, status, self.budget, worker.killed_for_time))

    def _receive(self, worker: _Worker, chunk: bytes) -> None:
        worker.buffer += chunk
        while len(worker.buffer) >= _HEADER.size:
            size, leaving = _HEADER.unpack_from(worker.buffer)
            if len(worker.buffer) < _HEADER.size + size:
                return
            data = bytes(worker.buffer[_HEADER.size:_HEADER.size + size])
            del worker.buffer[:_HEADER.size + size]
            index, path = worker.task
            try:
                result = pickle.loads(data)
            except Exception as err:
                result = ("error", f"{path}: unexpected {err.__class__.__name__} reading the worker's result: {err}", {})
            self.done[index] = (path, result)
            worker.task, worker.leaving = None, bool(leaving)

    def poll(self) -> None:
        """Wait until a worker sends something, ends, or runs out of time; collect what ended."""
        for key, _ in self.selector.select(timeout=self._wait()):
            worker = key.data
            try:
                chunk = os.read(worker.result_fd, 1 << 20)
            except BlockingIOError:
                continue
            if chunk:
                self._receive(worker, chunk)
            else:
                self._end(worker)
        if self.budget.timeout > 0:
            now = time.monotonic()
            limit = self.budget.timeout + self.budget.grace
            for worker in [w for w in self.workers.values() if w.task and now - w.started > limit]:
                worker.killed_for_time = True
                _kill(worker)
                self._end(worker)

    def _wait(self) -> float | None:
        """Return how long select may wait before some document's time is up."""
        started = [w.started for w in self.workers.values() if w.task]
        if self.budget.timeout <= 0 or not started:
            return None
        return max(0.0, min(started) + self.budget.timeout + self.budget.grace - time.monotonic()) + 0.01

    def close(self) -> None:
        """Kill the workers still there and reap them."""
        for worker in self.workers.values():
            _kill(worker)
        for worker in self.workers.values():
            try:
                os.waitpid(worker.pid, 0)
            except ChildProcessError:
                pass
            os.close(worker.task_fd)
            os.close(worker.result_fd)
        self.workers.clear()
        self.selector.close()


def run_isolated(paths: Iterable[str], work: Callable[[str], tuple], budget: Budget, workers: int = 1,
                 ordered: bool = False) -> Iterator[tuple[str, tuple]]:
    """Yield (path, work(path)) for each path, each run in a forked worker under `budget`.

    `work` returns a picklable result; a worker that is killed, crashes or runs out of time or memory
    gives ("error", "<path>: <what happened>", {}) for its document. Results come as they finish, or
    in the order of `paths` with `ordered`. Stopping the generator (Ctrl-C, an error) kills the workers.
    """
    queue = list(enumerate(str(p) for p in paths))[::-1]
    pool = _Pool(work, budget, workers)
    next_out = 0
    try:
        pool.fill(queue)
        while pool.busy():
            pool.poll()
            pool.fill(queue)  # before handing results out: the workers go on while the caller stores them
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
