"""phantom_sql_pty.py — drive phantom-sql interactively through a pseudo-terminal: prompts
that show the transaction state and open quotes, libedit history recall (Up arrow), and the
history file.  Run by phantom_sql.sh with SQL (the command line) and HIST in the environment.
"""
import os
import pty
import select
import sys
import time

argv = os.environ["SQL"].split()
hist = os.environ["HIST"]
pid, fd = pty.fork()
if pid == 0:
    os.environ["PHANTOM_SQL_HISTORY"] = hist
    os.environ["TERM"] = "xterm"
    os.execv(argv[0], argv)

out = b""


def wait_for(text, timeout=10.0):
    global out
    end = time.time() + timeout
    while time.time() < end:
        if text.encode() in out:
            return True
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                out += os.read(fd, 4096)
            except OSError:
                break
    return text.encode() in out


def send(s):
    os.write(fd, s.encode())


failures = []


def check(name, ok):
    if not ok:
        failures.append(name)
        print("FAIL:", name)


check("banner and first prompt", wait_for("test=#"))
send("SELECT 41 + 1 AS answer;\r")   # the fake engine has no '+': an error, still a prompt
check("error reported", wait_for("ERROR:"))
send("SELECT 42 AS answer;\r")
check("result shown", wait_for("(1 row)"))
send("BEGIN;\r")
check("transaction prompt", wait_for("test=*#"))
send("SELECT 1/0;\r")
check("failed transaction prompt", wait_for("test=!#"))
send("ROLLBACK;\r")
out = b""
send("SELECT\r")
check("continuation prompt", wait_for("test-#"))
send("'abc\r")
check("open quote prompt", wait_for("test'#"))
send("';\r")
check("statement across lines runs", wait_for("?column?"))
out = b""
send("\x1b[A" * 7 + "\r")   # seven entries back: "SELECT 42 AS answer;"
check("history recall with the Up arrow", wait_for("answer"))
send("\\q\r")
time.sleep(0.3)
try:
    _, status = os.waitpid(pid, 0)
except ChildProcessError:
    status = 0
check("exit status 0", os.WEXITSTATUS(status) == 0)
with open(hist, encoding="utf-8", errors="replace") as f:
    h = f.read()
check("history file written", "SELECT" in h and "BEGIN" in h)
print("phantom_sql_pty: %d failures" % len(failures))
sys.exit(1 if failures else 0)
