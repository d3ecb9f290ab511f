"""Reading dumps: every input shape, in order, nothing lost, bad paths refused clearly."""
from __future__ import annotations

import gzip
import io
import json
import sys
import tracemalloc

import pytest

from inquiry_nlp.errors import InputError
from inquiry_nlp.mail import ErrorRecord, Message, iter_messages
from inquiry_nlp.mail.sources import RawMail, detect_kind, iter_raw
from mailfactory import mbox, message


def ids(items):
    return [i.message_id if isinstance(i, Message) else f"ERR:{i.kind}" for i in items]


def test_mbox_with_from_lines_in_bodies(tmp_path):
    p = tmp_path / "inbox.mbox"
    p.write_bytes(mbox(message("From the desk of the buyer:\nFrom now on we order monthly.", msgid="<a@x>"),
                       message("second", msgid="<b@x>")))
    items = list(iter_messages([str(p)]))
    assert ids(items) == ["<a@x>", "<b@x>"]
    assert items[0].body == "From the desk of the buyer:\nFrom now on we order monthly."
    assert [(i.source, i.index) for i in items] == [(str(p), 0), (str(p), 1)]


def test_gzipped_mbox(tmp_path):
    p = tmp_path / "archive.mbox.gz"
    p.write_bytes(gzip.compress(mbox(message("x", msgid="<a@x>"), message("y", msgid="<b@x>"))))
    assert ids(iter_messages([str(p)])) == ["<a@x>", "<b@x>"]


def test_maildir_with_subfolders(tmp_path):
    for folder in (tmp_path, tmp_path / ".Sent"):
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
    (tmp_path / "cur" / "1700000000.1.host:2,S").write_bytes(message("a", msgid="<a@x>"))
    (tmp_path / "new" / "1700000001.2.host").write_bytes(message("b", msgid="<b@x>"))
    (tmp_path / ".Sent" / "cur" / "1700000002.3.host:2,S").write_bytes(message("c", msgid="<c@x>"))
    assert ids(iter_messages([str(tmp_path)])) == ["<a@x>", "<b@x>", "<c@x>"]


def test_folder_of_eml_recursive_sorted_skipping_non_mail(tmp_path):
    (tmp_path / "2026" / "03").mkdir(parents=True)
    (tmp_path / "b.eml").write_bytes(message("b", msgid="<b@x>"))
    (tmp_path / "a.eml").write_bytes(message("a", msgid="<a@x>"))
    (tmp_path / "2026" / "03" / "c.eml").write_bytes(message("c", msgid="<c@x>"))
    (tmp_path / "README.md").write_text("not mail")
    (tmp_path / ".hidden.eml").write_bytes(message("h", msgid="<h@x>"))
    # A folder's own files (sorted) come first, then its subfolders (sorted), recursively.
    assert ids(iter_messages([str(tmp_path)])) == ["<a@x>", "<b@x>", "<c@x>"]


def test_several_paths_are_one_dump(tmp_path):
    (tmp_path / "one.eml").write_bytes(message("a", msgid="<a@x>"))
    (tmp_path / "two.mbox").write_bytes(mbox(message("b", msgid="<b@x>")))
    assert ids(iter_messages([str(tmp_path / "one.eml"), str(tmp_path / "two.mbox")])) == ["<a@x>", "<b@x>"]


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(message("hi", msgid="<s@x>"))))
    assert ids(iter_messages(["-"])) == ["<s@x>"]


def test_jsonl_export_rows_threads_and_bad_lines(tmp_path):
    p = tmp_path / "export.jsonl"
    rows = [
        {"message_id": "<r1@x>", "from": "a@x.com", "to": "s@y.cn", "date": "2026-03-02T10:00:00+08:00",
         "subject": "询价", "body": "需要500套"},
        "this line is not json",
        {"id": "t1", "messages": [{"message_id": "<t1@x>", "from": "b@x.com", "body": "hi"},
                                  {"message_id": "<t2@y.cn>", "from": "s@y.cn", "body": "hello",
                                   "in_reply_to": "<t1@x>"}]},
    ]
    p.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                 encoding="utf-8")
    items = list(iter_messages([str(p)]))
    assert ids(items) == ["<r1@x>", "ERR:unparseable_row", "<t1@x>", "<t2@y.cn>"]
    assert items[0].body == "需要500套" and items[3].in_reply_to == "<t1@x>"
    assert "line 2" in items[1].detail


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_export_in_the_encodings_excel_writes(tmp_path, encoding):
    p = tmp_path / "export.csv"
    text = ("message_id,from,to,date,subject,body,in_reply_to\n"
            '<c1@x>,王磊 <wl@163.com>,sales@y.cn,"Mon, 02 Mar 2026 10:15:00 +0800",询价,"需要M10螺栓\n五百套",\n')
    p.write_bytes(text.encode(encoding))
    (m,) = list(iter_messages([str(p)]))
    assert (m.message_id, m.sender.name, m.body) == ("<c1@x>", "王磊", "需要M10螺栓\n五百套")


def test_detect_kind_by_content(tmp_path):
    p = tmp_path / "noext"
    p.write_bytes(mbox(message("x")))
    assert detect_kind(p) == "mbox"
    q = tmp_path / "0001.1a2b3c"
    q.write_bytes(message("x"))
    assert detect_kind(q) == "eml"


def test_missing_path_is_refused_with_what_to_do(tmp_path):
    with pytest.raises(InputError, match="no such file or folder.*mbox"):
        list(iter_raw([str(tmp_path / "nope.mbox")]))


def test_bad_messages_inside_an_mbox_do_not_stop_the_batch(tmp_path):
    p = tmp_path / "mixed.mbox"
    junk = b"\x00\x01\x02 binary junk \xff\xfe"
    p.write_bytes(mbox(message("first", msgid="<a@x>"), junk, message("", msgid="<c@x>")))
    items = list(iter_messages([str(p)]))
    assert ids(items) == ["<a@x>", "ERR:unparseable_message", "<c@x>"]
    assert isinstance(items[1], ErrorRecord) and items[1].index == 1


def test_memory_stays_flat_while_streaming_a_large_mbox(tmp_path):
    p = tmp_path / "big.mbox"
    one = mbox(message("请报价 M10 螺栓 五百套。" * 40 + "\n" + "x" * 2000))
    with open(p, "wb") as fh:
        for _ in range(3000):
            fh.write(one)
    tracemalloc.start()
    n = 0
    for raw in iter_raw([str(p)]):
        assert isinstance(raw, RawMail)
        n += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 3000
    assert peak < 2 * 1024 * 1024, f"peak {peak} bytes for a {p.stat().st_size}-byte mbox"
