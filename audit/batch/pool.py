"""A process pool that survives its workers: a hung or crashed reader costs one report, not the batch.

concurrent.futures and multiprocessing.Pool cannot kill one stuck task (a dead worker breaks a
ProcessPoolExecutor for every pending future), so each worker here has its own pipe and the
supervisor knows which report each holds. It waits on pipes and process sentinels with the
nearest deadline as timeout; a worker past `--timeout` is killed and replaced, a worker that
dies turns its report into a "crashed" row. Workers are also recycled after a fixed number of
reports so that whatever a reader library caches cannot grow with the batch.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess

from audit.batch.faults import Faults
from audit.batch.record import ReportRecord, failed

Unit = tuple[int, tuple[str, ...]]
RECYCLE_AFTER = 200
# Modules the fork server imports once, so a replacement worker starts in milliseconds.
PRELOAD = ["audit.batch.worker", "audit.readers.text", "audit.readers.pdf", "audit.extract", "audit.engine"]


@dataclass
class _Slot:
    proc: BaseProcess
    conn: Connection
    task: Unit | None = None
    started: float = 0.0
    done: int = 0


def context() -> BaseContext:
    """forkserver where there is one: fork-safe with the progress thread running, and fast."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


class Supervisor:
    def __init__(self, jobs: int, timeout: float, lang: str = "zh", faults: Faults | None = None) -> None:
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.lang = lang
        self.faults = faults or {}
        self.ctx = context()
        self.slots: list[_Slot] = []

    def run(self, units: Iterable[Unit]) -> Iterator[ReportRecord]:
        """Records as they finish, in completion order; workers are always reaped on exit."""
        pending = deque(units)
        try:
            self.slots = [self._start() for _ in range(min(self.jobs, len(pending)))]
            while pending or any(s.task for s in self.slots):
                for i, slot in enumerate(self.slots):
                    if slot.task is None and pending:
                        self.slots[i] = self._assign(slot, pending.popleft())
                yield from self._collect()
        finally:
            self.close()

    def close(self) -> None:
        for slot in self.slots:
            self._stop(slot, kill=slot.task is not None)
        self.slots = []

    def _collect(self) -> Iterator[ReportRecord]:
        busy = [s for s in self.slots if s.task is not None]
        now = time.monotonic()
        nearest = min(s.started + self.timeout for s in busy) - now
        ready = set(wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], timeout=max(0.0, nearest)))
        now = time.monotonic()
        for i, slot in enumerate(self.slots):
            if slot.task is None:
                continue
            index, paths = slot.task
            elapsed = now - slot.started
            if slot.conn in ready or slot.proc.sentinel in ready:
                try:
                    record: ReportRecord = slot.conn.recv()
                except (EOFError, OSError):
                    self._stop(slot, kill=True)
                    self.slots[i] = self._start()
                    yield failed(index, paths, "crashed", _death(slot.proc.exitcode), elapsed)
                    continue
                slot.task = None
                slot.done += 1
                if slot.done >= RECYCLE_AFTER:
                    self._stop(slot, kill=False)
                    self.slots[i] = self._start()
                yield record
            elif elapsed >= self.timeout:
                self._stop(slot, kill=True)
                self.slots[i] = self._start()
                yield failed(index, paths, "timeout",
                             f"超时：{self.timeout:g} 秒内未完成 (timed out after {self.timeout:g} s)", elapsed)

    def _start(self) -> _Slot:
        from audit.batch.worker import worker_main

        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=worker_main, args=(child, self.lang, self.faults), daemon=True)
        proc.start()
        child.close()
        return _Slot(proc=proc, conn=parent)

    def _assign(self, slot: _Slot, unit: Unit) -> _Slot:
        """Hand `unit` to the slot's worker, or to a fresh one if it was killed while idle (the
        report had not started, so it is not to blame)."""
        if not slot.proc.is_alive():
            self._stop(slot, kill=True)
            slot = self._start()
        try:
            slot.conn.send(unit)
        except OSError:  # died between the look and the send
            self._stop(slot, kill=True)
            slot = self._start()
            slot.conn.send(unit)
        slot.task = unit
        slot.started = time.monotonic()
        return slot

    def _stop(self, slot: _Slot, kill: bool) -> None:
        if not kill:
            try:
                slot.conn.send(None)
            except OSError:
                kill = True
            slot.proc.join(timeout=5)
        if slot.proc.is_alive():
            slot.proc.kill()
        slot.proc.join()
        slot.conn.close()


def _death(exitcode: int | None) -> str:
    if exitcode == -signal.SIGKILL:
        # Nothing in the tool sends SIGKILL except on --timeout (a row of its own): it came from
        # outside, most often the kernel's out-of-memory killer.
        return ("处理进程被系统终止：信号 9，可能是内存不足 "
                "(worker killed: signal 9, most likely by the system for lack of memory)")
    if exitcode is not None and exitcode < 0:
        return f"处理进程异常退出：信号 {-exitcode} (worker crashed: signal {-exitcode})"
    return f"处理进程异常退出：退出码 {exitcode} (worker crashed: exit code {exitcode})"
