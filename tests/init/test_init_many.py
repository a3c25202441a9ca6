"""``truongweb init-many truong.csv OUTDIR``: one site per school."""

import shutil

import pytest

from initsite import files_of, run

HEADER = "code,name,level,site,parent,address,phone,email,principal,parent_url\n"
ROWS = [
    'th-kim-dong,Trường Tiểu học Kim Đồng,tieu-hoc,https://thkimdong.caobang.edu.vn/,UBND xã Kim Đồng,'
    '"Thôn 3, xã Kim Đồng",0206 3852 123,thkimdong@caobang.edu.vn,Nguyễn Thị Hoa,https://kimdong.caobang.gov.vn\n',
    'mn-hoa-sen,Trường Mầm non Hoa Sen,mam-non,https://mnhoasen.caobang.edu.vn,UBND xã Kim Đồng,'
    '"Thôn 1, xã Kim Đồng",0206 3852 124,mnhoasen@caobang.edu.vn,Lê Thị Mai,\n',
    'thcs-kim-dong,Trường THCS Kim Đồng,thcs,https://thcskimdong.caobang.edu.vn,UBND xã Kim Đồng,'
    'Thôn 2,0206 3852 125,thcskimdong@caobang.edu.vn,Trần Văn Nam,\n',
]


def write_list(folder, rows, bom=True):
    path = folder / "truong.csv"
    path.write_text(("\ufeff" if bom else "") + HEADER + "".join(rows), encoding="utf-8")
    return path


def test_bad_row_is_named_and_nothing_is_created(tmp_path):
    rows = list(ROWS)
    rows[1] = rows[1].replace("mnhoasen@caobang.edu.vn", "mnhoasen-khong-co-a-cong")
    rows[2] = rows[2].replace(",thcs,", ",dai-hoc,")
    listed = write_list(tmp_path, rows)
    done = run("init-many", str(listed), str(tmp_path / "out"))
    assert done.returncode == 1
    assert f"{listed}, dòng 3: Thư điện tử “mnhoasen-khong-co-a-cong” không hợp lệ" in done.stderr
    assert f"{listed}, dòng 4: Cấp học “dai-hoc” không hợp lệ" in done.stderr
    assert "Chưa tạo trang nào" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_column_is_named(tmp_path):
    listed = tmp_path / "truong.csv"
    listed.write_text("code,name,level,site,hieu_truong\n" + "a,B,thcs,https://a.edu.vn,X\n", encoding="utf-8")
    done = run("init-many", str(listed), str(tmp_path / "out"))
    assert done.returncode == 1
    assert f"{listed}, dòng 1: cột lạ “hieu_truong”" in done.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_one_site_per_school_each_its_own_repository(tmp_path):
    listed = write_list(tmp_path, ROWS)
    out = tmp_path / "out"
    done = run("init-many", str(listed), str(out), "--git")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["mn-hoa-sen", "th-kim-dong", "thcs-kim-dong"]
    for code, name, level in (("th-kim-dong", "Trường Tiểu học Kim Đồng", "tieu-hoc"),
                              ("mn-hoa-sen", "Trường Mầm non Hoa Sen", "mam-non"),
                              ("thcs-kim-dong", "Trường THCS Kim Đồng", "thcs")):
        conf = (out / code / "pelicanconf.py").read_text(encoding="utf-8")
        assert repr(name) in conf and repr(level) in conf
        assert (out / code / ".git").is_dir()
        log = __import__("subprocess").run(["git", "-C", str(out / code), "status", "--porcelain"],
                                           capture_output=True, text=True)
        assert log.stdout == ""  # everything committed
    # A school's site builds on its own (its folder is the whole site).
    built = run("build", cwd=out / "mn-hoa-sen")
    assert built.returncode == 0, built.stderr
    assert "Trường Mầm non Hoa Sen" in (out / "mn-hoa-sen/output/index.html").read_text(encoding="utf-8")
    # Run again: every folder is refused, none is touched.
    before = {code: files_of(out / code) for code in ("th-kim-dong", "thcs-kim-dong")}
    again = run("init-many", str(listed), str(out))
    assert again.returncode == 1 and "không trống" in again.stderr
    assert {code: files_of(out / code) for code in before} == before


def test_missing_list_is_named(tmp_path):
    done = run("init-many", str(tmp_path / "khong-co.csv"), str(tmp_path / "out"))
    assert done.returncode == 1
    assert f"{tmp_path / 'khong-co.csv'}: không đọc được tệp" in done.stderr
    assert "Traceback" not in done.stderr
