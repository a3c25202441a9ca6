"""The dump reader against a real MariaDB: the same dump is loaded into
Debian's mariadb-server (a private server: data and socket in tmp_path, no
network) and every row of the news tables must read the same both ways."""

import shutil
import subprocess
import time

import pytest

from truongweb.importing.sqldump import read_dump
from tests.importing.test_import_nukeviet import DUMP, shared_fixtures


@pytest.fixture(scope="module")
def mariadb(tmp_path_factory):
    install, server, client = (shutil.which(n) for n in ("mariadb-install-db", "mariadbd", "mariadb"))
    if not (install and client):
        pytest.skip("chưa cài mariadb-server (bash .ci/run cài gói này)")
    server = server or "/usr/sbin/mariadbd"
    base = tmp_path_factory.mktemp("mariadb")
    data, sock = base / "data", base / "s.sock"
    r = subprocess.run([install, f"--datadir={data}", "--user=root", "--auth-root-authentication-method=normal",
                        "--skip-test-db"], capture_output=True, text=True)
    if r.returncode:
        pytest.skip(f"không khởi tạo được MariaDB: {r.stderr[-300:]}")
    proc = subprocess.Popen([server, "--no-defaults", f"--datadir={data}", f"--socket={sock}", "--skip-networking",
                             "--user=root", f"--pid-file={base / 'pid'}", f"--log-error={base / 'err.log'}"])
    for _ in range(100):
        if sock.exists():
            break
        if proc.poll() is not None:
            pytest.skip("MariaDB không chạy được: " + (base / "err.log").read_text(errors="replace")[-300:])
        time.sleep(0.1)
    else:
        proc.terminate()
        pytest.skip("MariaDB không khởi động trong 10 giây")

    def sql(statements, database=""):
        r = subprocess.run([client, f"--socket={sock}", "-uroot", "--batch", "--raw", "--skip-column-names",
                            "--default-character-set=utf8mb4", *([database] if database else [])],
                           input=statements, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        return r.stdout

    yield sql
    proc.terminate()
    proc.wait(timeout=30)


def _compare(sql, text, database):
    sql(f"CREATE DATABASE `{database}` CHARACTER SET utf8mb4;")
    sql(text, database)
    tables = read_dump(text, database)
    checked = 0
    for name, table in tables.items():
        if not table.rows or not any(k in name for k in ("news", "modules")):
            continue
        columns = ", ".join(f"HEX(CONCAT(`{c}`))" for c in table.columns)
        out = sql(f"SELECT {columns} FROM `{name}`;", database)
        db_rows = sorted(line.split("\t") for line in out.splitlines())
        ours = []
        for row in table.rows:
            cells = []
            for c in table.columns:
                v = row[c]
                b = v if isinstance(v, bytes) else ("" if v is None else str(v)).encode("utf-8")
                cells.append("NULL" if v is None else b.hex().upper())
            ours.append(cells)
        assert sorted(ours) == db_rows, name
        checked += len(ours)
    return checked


def test_own_dump_reads_like_mariadb(mariadb):
    assert _compare(mariadb, DUMP, "own") > 5


def test_real_nukeviet_dump_reads_like_mariadb(mariadb):
    shared = shared_fixtures()
    if shared is None or not (shared / "nukeviet-egov-4.4" / "dump.sql").is_file():
        pytest.skip("không có shared/fixtures/nukeviet-egov-4.4 (dữ liệu của bên thứ ba, không nằm trong kho)")
    text = (shared / "nukeviet-egov-4.4" / "dump.sql").read_text(encoding="utf-8")
    assert _compare(mariadb, text, "egov") > 50
