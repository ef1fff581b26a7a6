#!/usr/bin/env python3
"""Power-cut ordering, shown with strace.

Runs the real director on a demo run under strace and checks, from the system
calls it made, that every file it puts in place is durable before it says it
is done:

  1. the new content is synced (fdatasync/fsync on its descriptor, on any
     thread: the threads of a process share their descriptors; or a syncfs
     after its last write) before the name it ends up under is linked or
     renamed into place, whether it was written as an unnamed O_TMPFILE and
     linked, or created under a name (a commit's staged frame) and renamed;
  2. the folder holding that name is synced (fsync on the folder) after the
     last rename into it;
  3. both happen before the command prints that it succeeded.

It checks one `director frame` change (director_session.json, and its backup)
and one `director commit` (every approved/frame_NNNN.png and the session).

Usage: syscall_order.py DIRECTOR [WORK_DIR]
Prints the calls it judged and exits non-zero on the first broken rule.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

TRACED = (
    "openat,open,creat,write,writev,pwrite64,copy_file_range,fdatasync,fsync,syncfs,"
    "sync_file_range,close,"
    "link,linkat,rename,renameat,renameat2"
)
LINE = re.compile(r"^(?P<pid>\d+)\s+(?P<call>\w+)\((?P<args>.*)\)\s+=\s+(?P<ret>-?\d+)")
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def strings(args):
    return [bytes(s, "utf-8").decode("unicode_escape") for s in STRING.findall(args)]


class Check:
    def __init__(self, label):
        self.label = label
        self.failures = []
        self.shown = []

    def fail(self, message):
        self.failures.append(message)


def judge(trace_lines, run_dir, targets, done_marker, label):
    """targets: paths (absolute) whose final content must be durable."""
    check = Check(label)
    # Keyed by the descriptor alone: strace -f names the thread, and a file a
    # commit's worker wrote is synced by another thread of the process.
    fds = {}  # fd -> {"path": str, "dir": bool, "dirty": bool, "synced": bool}
    names = {}  # path -> True when the content behind that name was synced before it was linked
    created = {}  # path -> the fd entry of a file created under that name (not yet renamed)
    last_put = {}  # target path -> index of the call that put it in place
    dir_synced_at = {}  # folder path -> indexes of fsync calls on it
    done_at = None

    for index, raw in enumerate(trace_lines):
        m = LINE.match(raw)
        if not m:
            continue
        pid, call, args, ret = m["pid"], m["call"], m["args"], int(m["ret"])
        if ret < 0:
            continue
        s = strings(args)
        relevant = any(run_dir in x for x in s)
        if call in ("openat", "open", "creat") and s:
            path = s[0]
            fds[ret] = {"path": path, "dir": "O_DIRECTORY" in args, "dirty": False, "synced": False}
            if "O_CREAT" in args and "O_TMPFILE" not in args:
                created[path] = fds[ret]
            writes = re.search(r"O_TMPFILE|O_CREAT|O_WRONLY|O_RDWR", args)
            syncs_folder = "O_DIRECTORY" in args and "O_NONBLOCK" not in args  # not a listing
            if relevant and (writes or syncs_folder):
                check.shown.append(raw)
        elif call in ("write", "writev", "pwrite64", "copy_file_range"):
            # copy_file_range(fd_in, off_in, fd_out, ...) writes its third argument.
            fd = int(args.split(",")[2 if call == "copy_file_range" else 0])
            if fd == 1 and done_marker in args and done_at is None:
                done_at = index
                check.shown.append(raw)
            entry = fds.get(fd)
            if entry:
                entry["dirty"] = True
                entry["synced"] = False
                if run_dir in entry["path"]:
                    check.shown.append(f"{pid}  {call}({fd}, …) = {ret}")
        elif call == "syncfs":
            # Every file system of the run is one here (a temporary folder):
            # whatever was written before it is on the disk.
            for entry in list(fds.values()) + list(created.values()):
                if entry["dirty"] and not entry["dir"]:
                    entry["dirty"] = False
                    entry["synced"] = True
            check.shown.append(raw)
        elif call == "sync_file_range":
            fd = int(args.split(",", 1)[0])
            if run_dir in fds.get(fd, {}).get("path", ""):
                check.shown.append(raw)  # starts the writeback: not a sync
        elif call in ("fdatasync", "fsync"):
            fd = int(args.split(",", 1)[0])
            entry = fds.get(fd)
            if entry:
                entry["dirty"] = False
                entry["synced"] = True
                if entry["dir"]:
                    dir_synced_at.setdefault(os.path.normpath(entry["path"]), []).append(index)
                if run_dir in entry["path"]:
                    check.shown.append(raw)
        elif call == "close":
            fds.pop(int(args.split(",", 1)[0]), None)
        elif call in ("link", "linkat") and relevant:
            check.shown.append(raw)
            source, target = s[0], s[-1]
            fd_match = re.match(r"/proc/self/fd/(\d+)$", source)
            if fd_match:
                entry = fds.get(int(fd_match.group(1)), {})
                durable = entry.get("synced", False) and not entry.get("dirty", True)
            else:
                # A hard link to a name that is already in place (the backup):
                # its content is whatever was durable under that name.
                durable = names.get(source, True)
            names[target] = durable
            last_put[target] = index
        elif call in ("rename", "renameat", "renameat2") and relevant:
            check.shown.append(raw)
            source, target = s[0], s[-1]
            if source in created:
                # Created under a name and written: durable when synced by now.
                entry = created.pop(source)
                names.pop(source, None)
                names[target] = entry["synced"] and not entry["dirty"]
            else:
                names[target] = names.pop(source, True)
            last_put[target] = index

    if done_at is None:
        check.fail(f"the command never printed {done_marker!r}")
        done_at = len(trace_lines)
    for target in targets:
        if target not in last_put:
            check.fail(f"{target} was never put in place")
            continue
        if not names.get(target, False):
            check.fail(f"{target}: its content was not synced before it was linked or renamed into place")
        folder = os.path.dirname(target)
        after = [i for i in dir_synced_at.get(folder, []) if last_put[target] < i < done_at]
        if not after:
            check.fail(f"{target}: its folder was not synced after the rename, before the command said it was done")
    return check


UNFINISHED = re.compile(r"^(?P<pid>\d+)\s+(?P<head>.*?)\s*<unfinished \.\.\.>$")
RESUMED = re.compile(r"^(?P<pid>\d+)\s+<\.\.\. (?P<call>\w+) resumed>(?P<tail>.*)$")


def joined(trace_lines):
    """strace -f cuts a call in two when another thread's call comes in
    between ("… <unfinished ...>", then "<... call resumed> …"): each such
    call becomes one line, where it returned."""
    pending = {}
    out = []
    for raw in trace_lines:
        m = UNFINISHED.match(raw)
        if m:
            pending[m["pid"]] = m["head"]
            continue
        m = RESUMED.match(raw)
        if m and m["pid"] in pending:
            out.append(f'{m["pid"]}  {pending.pop(m["pid"])}{m["tail"]}')
            continue
        out.append(raw)
    return out


def self_test():
    """The judge itself must catch a missing file sync and a missing folder sync."""
    good = [
        '1  openat(AT_FDCWD, "/r", O_RDWR|O_CLOEXEC|O_TMPFILE, 0600) = 5',
        '1  write(5, "{}", 2) = 2',
        '1  fdatasync(5) = 0',
        '1  linkat(AT_FDCWD, "/proc/self/fd/5", AT_FDCWD, "/r/s.json.AbCdEf", AT_SYMLINK_FOLLOW) = 0',
        '1  close(5) = 0',
        '1  rename("/r/s.json.AbCdEf", "/r/s.json") = 0',
        '1  openat(AT_FDCWD, "/r", O_RDONLY|O_CLOEXEC|O_DIRECTORY) = 5',
        '1  fsync(5) = 0',
        '1  write(1, "done\\n", 5) = 5',
    ]
    cases = {
        "good": (good, True),
        "no file sync": ([l for l in good if "fdatasync" not in l], False),
        "no folder sync": ([l for l in good if "fsync(5)" not in l], False),
        "folder synced after saying done": (good[:6] + good[8:] + good[6:8], False),
        # The content gathered (writev) and copied in the kernel from the file written before.
        "gathered and copied, then synced": (
            good[:1] + ['1  writev(5, [{iov_base="{", iov_len=1}], 1) = 1',
                        '1  copy_file_range(4, [10], 5, NULL, 20, 0) = 20'] + good[2:],
            True,
        ),
        "copied after the sync": (
            good[:3] + ['1  copy_file_range(4, [10], 5, NULL, 20, 0) = 20'] + good[3:],
            False,
        ),
        "gathered after the sync": (
            good[:3] + ['1  writev(5, [{iov_base="}", iov_len=1}], 1) = 1'] + good[3:],
            False,
        ),
    }
    # The same calls from two threads, cut in two by strace -f.
    cases["good, calls cut in two"] = (
        joined(
            [
                '2  fdatasync(5 <unfinished ...>',
                '3  openat(AT_FDCWD, "/elsewhere", O_RDONLY) = 7',
                '2  <... fdatasync resumed>) = 0',
            ]
        )
        + good,
        True,
    )
    cases["no file sync, cut in two"] = (
        good[:2]
        + joined(['1  fdatasync(5 <unfinished ...>', '1  <... fdatasync resumed>) = -1 EIO (Input/output error)'])
        + good[3:],
        False,
    )
    # A commit's staged frame: created under a name by a worker (thread 2),
    # its writeback started there, synced with the others by thread 1, the
    # staging folder synced, renamed into place, the folder synced.
    staged = [
        '2  openat(AT_FDCWD, "/r/.stage/f.png", O_WRONLY|O_CREAT|O_EXCL|O_CLOEXEC, 0666) = 6',
        '2  write(6, "png", 3) = 3',
        '2  sync_file_range(6, 0, 0, SYNC_FILE_RANGE_WRITE) = 0',
        '1  fdatasync(6) = 0',
        '1  close(6) = 0',
        '1  openat(AT_FDCWD, "/r/.stage", O_RDONLY|O_CLOEXEC|O_DIRECTORY) = 7',
        '1  fsync(7) = 0',
        '1  close(7) = 0',
        '1  rename("/r/.stage/f.png", "/r/f.png") = 0',
        '1  openat(AT_FDCWD, "/r", O_RDONLY|O_CLOEXEC|O_DIRECTORY) = 5',
        '1  fsync(5) = 0',
        '1  write(1, "done\\n", 5) = 5',
    ]
    syncfs = '1  syncfs(7) = 0'
    staged_cases = {
        "staged": (staged, True),
        "staged, no sync (only its writeback started)": ([l for l in staged if "fdatasync" not in l], False),
        "staged, the sync failed": (
            [l.replace("= 0", "= -1 EIO (Input/output error)") if "fdatasync" in l else l for l in staged],
            False,
        ),
        "staged, written again after its sync": (staged[:4] + ['2  write(6, "more", 4) = 4'] + staged[4:], False),
        "staged, synced after the rename": (staged[:3] + staged[8:9] + staged[3:8] + staged[9:], False),
        "staged, syncfs after the last write": (
            [syncfs if "fdatasync" in l else l for l in staged],
            True,
        ),
        "staged, syncfs before the last write": (
            staged[:1] + [syncfs] + [l for l in staged[1:] if "fdatasync" not in l],
            False,
        ),
    }
    ok = True
    for name, (lines, expected) in staged_cases.items():
        passed = not judge(lines, "/r", ["/r/f.png"], "done", name).failures
        if passed != expected:
            print(f"FAIL: the judge got the synthetic case '{name}' wrong")
            ok = False
    for name, (lines, expected) in cases.items():
        passed = not judge(lines, "/r", ["/r/s.json"], "done", name).failures
        if passed != expected:
            print(f"FAIL: the judge got the synthetic case '{name}' wrong")
            ok = False
    return ok


def traced(director, args, out):
    # LeakSanitizer stops the world with ptrace, which it cannot do under strace.
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
    subprocess.run(
        ["strace", "-f", "-qq", "-s", "256", "-o", out, "-e", "trace=" + TRACED, director] + args,
        check=True,
        stdout=subprocess.DEVNULL,
        env=env,
    )
    with open(out, encoding="utf-8", errors="replace") as f:
        return joined(f.read().splitlines())


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    if not self_test():
        return 1
    director = os.path.abspath(sys.argv[1])
    if shutil.which("strace") is None:
        print("strace is missing: .ci/deps installs it", file=sys.stderr)
        return 1
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="director-strace-")
    run = os.path.realpath(os.path.join(work, "run"))
    env = dict(os.environ)
    subprocess.run([director, "demo", run, "--no-gui"], check=True, stdout=subprocess.DEVNULL, env=env)
    # A first change, so that the traced one replaces a file and keeps a backup.
    subprocess.run([director, "frame", run, "0", "--note=first"], check=True, stdout=subprocess.DEVNULL)

    session = os.path.join(run, "director_session.json")
    checks = []
    lines = traced(director, ["frame", run, "1", "--note=second"], os.path.join(work, "frame.trace"))
    checks.append(judge(lines, run, [session, session + ".bak"], "frame 1:", "director frame"))

    status = subprocess.run([director, "status", run, "--json"], check=True, capture_output=True, text=True)
    frames = json.loads(status.stdout).get("frameCount", 0)
    for index in range(frames):
        subprocess.run([director, "frame", run, str(index), "--status", "APPROVED"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    lines = traced(director, ["commit", run], os.path.join(work, "commit.trace"))
    approved = [os.path.join(run, "approved", f"frame_{i:04d}.png") for i in range(frames)]
    checks.append(judge(lines, run, approved + [session], "Committed", "director commit"))
    # The same real trace without the file syncs (fdatasync; the folders' are
    # fsync): the judge must see that no frame would survive a power cut.
    unsynced = [l for l in lines if not re.match(r"^\d+\s+fdatasync\(", l)]
    if len(unsynced) == len(lines) or not judge(unsynced, run, approved, "Committed", "").failures:
        print("FAIL: the judge passed the real commit's trace with its file syncs taken out")
        return 1

    failed = False
    for check in checks:
        print(f"== {check.label}: {len(check.shown)} calls on the run folder")
        for raw in check.shown[:40]:
            print("   " + raw)
        if len(check.shown) > 40:
            print(f"   … {len(check.shown) - 40} more")
        if check.failures:
            failed = True
            for failure in check.failures:
                print("FAIL: " + failure)
        else:
            print("ok: every file synced before its rename, every folder synced after, before the command said done")
    if len(sys.argv) <= 2:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
