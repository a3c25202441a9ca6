"""``truongweb init`` asks for the identity in Vietnamese on a terminal."""

import os
import pty
import select
import subprocess
import time

from initsite import truongweb_command


def converse(args, answers, timeout=60):
    """Run ``truongweb`` on a pseudo-terminal, answering each prompt (a line
    ending with ": ") with the next answer; return (status, transcript)."""
    master, slave = pty.openpty()
    process = subprocess.Popen([*truongweb_command(), *args], stdin=slave, stdout=slave,
                               stderr=slave, close_fds=True)
    os.close(slave)
    transcript, pending = "", list(answers)
    deadline = time.monotonic() + timeout
    asked = 0
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 4096).decode("utf-8", "replace")
            except OSError:  # the program ended: the terminal is closed
                break
            if not chunk:
                break
            transcript += chunk
        if pending and transcript.count(": ") > asked and transcript.rstrip(" ").endswith(":"):
            asked = transcript.count(": ")
            os.write(master, (pending.pop(0) + "\n").encode("utf-8"))
        if process.poll() is not None and not ready:
            break
    process.wait(timeout=10)
    os.close(master)
    return process.returncode, transcript


def test_prompts_fill_the_identity(tmp_path):
    folder = tmp_path / "mn-hoa-sen"
    answers = ["Trường Mầm non Hoa Sen", "1", "Ủy ban nhân dân xã Kim Đồng", "Thôn 1, xã Kim Đồng",
               "0206 3852 124", "khong-phai-thu", "mnhoasen@caobang.edu.vn", "Lê Thị Mai",
               "https://mnhoasen.caobang.edu.vn", "", "", ""]
    status, transcript = converse(["init", str(folder)], answers)
    assert status == 0, transcript
    assert "Tên đầy đủ của trường" in transcript and "Cấp học / loại đơn vị" in transcript
    assert "Thư điện tử “khong-phai-thu” không hợp lệ" in transcript  # asked again
    conf = (folder / "pelicanconf.py").read_text(encoding="utf-8")
    assert "'Trường Mầm non Hoa Sen'" in conf
    assert "'level': 'mam-non'" in conf.replace('"level": ', "'level': ")
    assert "mnhoasen@caobang.edu.vn" in conf and "khong-phai-thu" not in conf


def test_flags_given_are_not_asked(tmp_path):
    folder = tmp_path / "site"
    args = ["init", str(folder), "--name", "Trường THCS Kim Đồng", "--level", "thcs",
            "--parent", "Ủy ban nhân dân xã Kim Đồng", "--address", "Thôn 2",
            "--phone", "0206 3852 125", "--email", "thcskd@caobang.edu.vn",
            "--principal", "Trần Văn Nam", "--site-url", "https://thcskd.caobang.edu.vn"]
    status, transcript = converse(args, [])
    assert status == 0, transcript
    assert "Nhập thông tin" not in transcript and "Tên đầy đủ của trường" not in transcript
    assert (folder / "pelicanconf.py").is_file()
