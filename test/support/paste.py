"""Pastes text into an interactive bash or zsh through a real terminal (a pty), as a person does.

usage: paste.py SHELL BRACKETED HOME PASTE_FILE ANSWERS_JSON
  SHELL       bash or zsh, started interactive with readline/zle on
  BRACKETED   on or off: whether the shell's bracketed paste is enabled, and the paste wrapped in it
  HOME        a scratch directory: the rc file goes there (it defines curl as a recorder)
  PASTE_FILE  the text to paste
  ANSWERS     [[prompt, reply], ...]: when prompt shows on the terminal, reply is typed (then Enter)
Prints the terminal's output; exits 0 once the shell has exited after the paste.
"""
import json
import os
import pty
import select
import sys
import termios
import time

shell, bracketed, home, paste_file, answers = sys.argv[1:6]
answers = json.loads(answers)
paste = open(paste_file, encoding='utf-8').read()
READY = 'READY> '
# curl only records its arguments: nothing leaves the machine.
record = "curl() { printf '%s\\0' \"$@\" > \"$HOME/args\"; }\n"

if shell == 'bash':
    with open(os.path.join(home, '.bashrc'), 'w') as rc:
        rc.write(record)
        rc.write(f"PS1='{READY}'\n")
        rc.write(f"bind 'set enable-bracketed-paste {bracketed}'\n")
    argv = ['bash', '--noprofile', '--rcfile', os.path.join(home, '.bashrc'), '-i']
else:
    with open(os.path.join(home, '.zshrc'), 'w') as rc:
        rc.write(record)
        rc.write(f"PS1='{READY}'\n")
        if bracketed == 'off':
            rc.write('unset zle_bracketed_paste\n')
    argv = ['zsh', '-i']

env = {k: v for k, v in os.environ.items() if k.isupper()}
env.update({'HOME': home, 'ZDOTDIR': home, 'HISTFILE': os.path.join(home, 'history'), 'TERM': 'xterm'})
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(argv[0], argv, env)

out = b''
def read_until(needle, timeout=20.0, after=0):
    """Reads the terminal until `needle` shows after byte offset `after`; returns the offset past it."""
    global out
    deadline = time.time() + timeout
    while True:
        at = out.find(needle.encode(), after)
        if at >= 0:
            return at + len(needle)
        left = deadline - time.time()
        if left <= 0:
            sys.stdout.write(out.decode(errors='replace'))
            sys.exit(f'timed out waiting for {needle!r}')
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b''
            if not chunk:
                sys.stdout.write(out.decode(errors='replace'))
                sys.exit(f'the shell ended before {needle!r}')
            out += chunk

mark = read_until(READY)
data = paste.replace('\n', '\r')
if bracketed == 'on':
    data = '\x1b[200~' + data + '\x1b[201~\r'
else:
    data += '\r'
os.write(fd, data.encode())
def until_echo_off(timeout=20.0):
    """Waits until the terminal stops echoing (`read -s` has taken it): a reply typed sooner is echoed."""
    deadline = time.time() + timeout
    while termios.tcgetattr(fd)[3] & termios.ECHO:
        if time.time() > deadline:
            sys.exit('timed out waiting for the terminal to stop echoing')
        time.sleep(0.01)

for prompt, reply in answers:
    mark = read_until(prompt, after=mark)
    until_echo_off()
    os.write(fd, (reply + '\r').encode())
read_until(READY, after=mark)
os.write(fd, b'exit\r')
deadline = time.time() + 20
while time.time() < deadline:
    done, _ = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    ready, _, _ = select.select([fd], [], [], 0.2)
    if ready:
        try:
            out += os.read(fd, 65536)
        except OSError:
            break
sys.stdout.write(out.decode(errors='replace'))
