"""Split a body into what the sender wrote now, their signature, and quoted earlier mail.

Recognised quote starts: ``>`` lines; "On … wrote:" (also wrapped over two lines, and the
French, German, Spanish, Portuguese, Italian, Dutch, Turkish, Polish … forms; Gmail's
"<date> Name <addr>:" before '>' lines); "在 … 写道：", "… 于2026年3月2日 … 写道：",
"於 … 寫道："; "-----Original Message-----", "-----邮件原件-----", "------------------ 原始邮件
------------------", QQ Mail's "------------------ Original ------------------", forwarded-message
markers ("---------- 轉寄的郵件 ----------"); Outlook and Foxmail header blocks ("From:/发件人:/
寄件者:/Da:/Van:" followed by "Sent:/发送时间:/Date:/To:/收件人:" lines, or all on one line);
pasted chat logs ("----- 聊天记录 -----"). Answers written between or below the quoted lines
stay new text (see ``split_body``). The keywords live in ``data/quotes.toml``. The signature starts at a sign-off ("Best regards", "此致 敬礼", "谢谢！"…)
or a ``-- `` line near the end, or is the block of contact lines that ends the new text;
mobile footers ("Sent from my iPhone", "发自我的华为手机") and disclaimers belong to it.

>>> p = split_body("请报价M10螺栓500套。\\n\\n谢谢！\\n王磊\\n手机：13905316789\\n\\n"
...                "------------------ 原始邮件 ------------------\\n发件人: sales@x.com\\n您好")
>>> p.new, p.signature, p.quoted[0].splitlines()[0]
('请报价M10螺栓500套。', '谢谢！\\n王磊\\n手机：13905316789', '------------------ 原始邮件 ------------------')
"""
from __future__ import annotations

import functools
import tomllib
from importlib import resources

from .. import lazyre as re  # re.compile puts compiling off to first use (see lazyre)
from .message import BodyParts

_I = re.IGNORECASE


@functools.cache
def _data() -> dict:
    return tomllib.loads(resources.files("inquiry_nlp").joinpath("data/quotes.toml").read_text("utf-8"))


def _words(section: str, key: str) -> list[str]:
    """A word list of ``data/quotes.toml``, longest first (so alternations prefer it)."""
    return sorted(_data()[section][key], key=len, reverse=True)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


_SEPARATORS = _alt(_words("separators", "names"))
_FROM_KEYS = _alt(_words("header", "from"))
_NEXT_KEYS = _alt(_words("header", "next"))
_VERBS = _alt(_words("attribution", "verbs"))
# A line that by itself starts the quoted part.
_QUOTE_START = [
    re.compile(rf"^\s*-{{2,}}\s*(?:{_SEPARATORS})\s*-{{2,}}\s*$", _I),
    re.compile(r"^\s*(?:begin forwarded message|开始转发的邮件|開始轉寄的郵件|以下是轉寄的郵件|転送されたメッセージ)"
               r"\s*[:：]?\s*$", _I),
    re.compile(r"^\s*on\s.{4,240}\swrote\s*:\s*$", _I),
    re.compile(r"^\s*le\s.{4,200}\sa écrit\s*:\s*$", _I),
    re.compile(r"^\s*am\s.{4,200}\sschrieb\s.{0,80}:\s*$", _I),
    re.compile(r"^\s*el\s.{4,200}\sescribió\s*:\s*$", _I),
    re.compile(r"^\s*em\s.{4,200}\sescreveu\s*:\s*$", _I),
    re.compile(r"^\s*在.{2,160}(?:写道|寫道)\s*[:：]\s*$"),
    re.compile(r"^\s*於.{2,160}(?:写道|寫道)\s*[:：]\s*$"),
    re.compile(r"^.{0,160}(?:于|於)\s*\d{4}\s*年.{1,80}(?:写道|寫道)\s*[:：]\s*$"),
    re.compile(r"^.{0,160}\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}.{0,60}(?:写道|寫道|wrote)\s*[:：]\s*$", _I),
    # Other languages' "<date>, <name> wrote:" (Italian, Dutch, Turkish, Polish, …): a digit first.
    re.compile(rf"^[^\d\n]{{0,120}}\d.{{0,200}}(?:{_VERBS})(?:\s.{{0,120}})?\s*[:：]\s*$", _I),
]
_ANY_QUOTE_START = re.compile("|".join(f"(?:{p.pattern})" for p in _QUOTE_START), _I)
# Every line that any test below could accept starts like this or ends in a colon, holds '--'
# or an email address (checked first, once per line: cheap tests).
_MAYBE_AT_START = re.compile(
    rf"\s*[*>]*\s*(?:{_FROM_KEYS})\s*[:：]|\s*(?:on|在|於|le|am|el|em)\s|\s*[_=]{{10,}}|"
    r"\s*(?:begin forwarded|开始转发|開始轉寄|以下是轉寄|転送)", re.IGNORECASE)
_ANY_QUOTED_LINE = re.compile(r"(?m)^\s*[>＞|]")
_QUOTE_HINT = re.compile(rf"wrote|写道|寫道|écrit|schrieb|escribió|escreveu|--|forwarded|转发|轉寄|転送|{_VERBS}",
                         re.IGNORECASE)
_WRAPPED_START = re.compile(r"^\s*(?:on|在|於|le|am|el|em)\s", _I)
_HAS_DIGIT = re.compile(r"\d")
_HEADER_FROM = re.compile(rf"^\s*[*>]*\s*(?:{_FROM_KEYS})\s*[:：]", _I)
_HEADER_NEXT = re.compile(rf"^\s*[*>]*\s*(?:{_NEXT_KEYS})\s*[:：]", _I)
# A header key inside a line ("From: Lily <l@x.cn> Sent: Monday … To: Raj Subject: quote").
_INLINE_NEXT = re.compile(rf"(?:^|[\s;；,，|*])(?:{_NEXT_KEYS})\s*[:：]", _I)
_RULE_LINE = re.compile(r"^\s*[_=]{10,}\s*$")
_QUOTED_LINE = re.compile(r"^\s*[>＞|]")
_WROTE_END = re.compile(rf"(?:wrote|写道|寫道|a écrit|escribió|escreveu|{_VERBS})\s*[:：]\s*$", _I)
# "… Lily Wang <lily@x.cn>:" (Gmail in Japanese, Russian, …) when '>' lines follow.
_MAIL_ATTRIBUTION = re.compile(
    r"^[^<>\n]{0,200}\d[^<>\n]{0,200}<[^<>\s@]{1,64}@[^<>\s]{1,255}>[^<>\n]{0,40}[:：]\s*$")
_ANNOUNCE = re.compile(_alt([w.lower() for w in _words("inline_answers", "phrases")]))  # on lower-cased text
_ANSWER_MARK = re.compile(
    rf"^\s*(?:{_alt(_words('inline_answers', 'marks'))})+\s*|^\s*[\[【][^\]】\n]{{1,20}}[\]】](?=\s*\S)", _I)
_CHAT_START = re.compile(rf"^\s*[-=]{{2,}}\s*(?:{_alt(_words('chat_log', 'names'))})\s*[-=]{{2,}}\s*$", _I)
_CHAT_END = re.compile(r"^\s*(?:-{3,}|={3,})\s*$")
_CONTINUATION = re.compile(r"^\s*[a-z0-9(]")

_SIGNOFF = re.compile(
    r"^\s*(?:(?:best|kind|warm|warmest|with best|many|yours)?\s*(?:regards|wishes)|rgds|brgds|b\.?\s?rgds|br|"
    r"thanks?(?: you)?(?: (?:and|&|n) (?:best |kind )?regards?)?(?: in advance)?|thx|tks|tnx|many thanks|"
    r"thanks again|thanks a lot|cheers|(?:yours )?(?:sincerely|faithfully|truly)|sincerely yours|respectfully|"
    r"best|all the best|salam|salaam|merci|cordialement|mit freundlichen grüßen|mfg|viele grüße|saludos|"
    r"atenciosamente|un saludo|с уважением|regards,? ?thanks|met vriendelijke groet(?:en)?|"
    r"(?:cordiali|distinti) saluti|saygılarımla|pozdrawiam|cumprimentos|hormat kami|trân trọng|"
    r"此致|敬礼|此致敬礼|顺祝|順祝|祝好|祝商祺|顺颂商祺|順頌商祺|顺颂|順頌|商祺|谢谢|謝謝|多谢|多謝|感谢|感謝|"
    r"谢谢合作|期待回复|期待您的回复|期待您的回覆|静候佳音|靜候佳音|敬上|祝.{1,8}(?:好|顺利|順利|愉快|商祺))"
    r"\s*[,，.。!！~～:：]*\s*(?:[A-Za-z\u4e00-\u9fff .'-]{0,30})?\s*$", _I)
_MOBILE = re.compile(
    r"^\s*(?:sent from (?:my )?(?:iphone|ipad|android|samsung|huawei|mobile|blackberry|mail for windows|"
    r"outlook|yahoo mail|gmail)|sent via .{0,40}|get outlook for (?:ios|android)|"
    r"发自我的|從我的|从我的|來自我的|来自我的|发自.{0,10}(?:手机|邮箱|客户端)|發自.{0,10}(?:手機|郵箱))", _I)
_CONTACTISH = re.compile(
    r"(?:\b(?:tel|phone|mob|mobile|cell|fax|e-?mail|add|addr|address|web|website|www|wechat|whatsapp|"
    r"skype|qq|line|telegram|viber)\b|@|https?://|www\.|电话|電話|手机|手機|传真|傳真|邮箱|郵箱|地址|网址|網址|"
    r"微信|座机|座機|有限公司|公司|co\.,?\s?ltd|limited|\binc\b|\bllc\b|gmbh|\bs\.?a\.?\b|\bpvt\b|"
    r"\+\d{2,3}[\s-]?\d|\d{3,4}[- ]\d{7,8}|1[3-9]\d[- ]?\d{4}[- ]?\d{4})", _I)
_DISCLAIMER = re.compile(
    r"(?:confidential|privileged|intended (?:solely )?for|intended recipient|disclaimer|免责声明|免責聲明|"
    r"保密|机密信息|本邮件|本郵件|请勿转发|若您不是)", _I)
_CJK_CLAUSE = re.compile(r"[，。！？；]")
_SIG_DELIM = re.compile(r"^--\s?$|^—{2,}\s*$|^_{2,}\s*$")
_MAX_SIG_LINES = 25


def split_body(body: str) -> BodyParts:
    """Split ``body`` into new text, signature and quoted blocks (original text kept).

    Answers the sender wrote between or below the lines they quote are new text: unquoted
    lines inside a '>'-quoted reply, and, after "see my answers below in red" and the like,
    marked lines (">> ok", "[David] …") inside quoted mail that is not '>'-prefixed.
    """
    lines = body.split("\n")
    cut = _quote_start(lines)
    head = lines[:cut]
    answers: list[str] = []
    quoted: list[str] = []
    if cut < len(lines):
        announced = bool(_ANNOUNCE.search("\n".join(head).lower()))
        answers, first_block, rest = _inline_answers(lines, cut, announced)
        quoted = [b for b in ("\n".join(first_block).strip("\n"), "\n".join(rest).strip("\n")) if b]
    head, chats = _drop_chat_logs(head)
    kept, head_quotes = _drop_quoted_lines(head) if _ANY_QUOTED_LINE.search(body) else (head, [])
    head_quotes = chats + head_quotes
    new, signature = _split_signature(kept)
    if any(a.strip() for a in answers):
        new_a, sig_a = _split_signature(answers)
        new = "\n\n".join(p for p in (new, new_a) if p)
        signature = "\n\n".join(p for p in (signature, sig_a) if p)
    return BodyParts(new=new, signature=signature, quoted=[q for q in head_quotes + quoted if q.strip()])


def _drop_quoted_lines(head: list[str]) -> tuple[list[str], list[str]]:
    """'>' lines above the quote start (inline or bottom quoting) are quoted, not new:
    (the other lines, the runs of '>' lines)."""
    kept: list[str] = []
    runs: list[str] = []
    run: list[str] = []
    for line in head:
        if _QUOTED_LINE.match(line) and not line.lstrip().startswith("|"):
            run.append(line)
            continue
        if run:
            runs.append("\n".join(run))
            run = []
        kept.append(line)
    if run:
        runs.append("\n".join(run))
    return kept, runs


def _drop_chat_logs(head: list[str]) -> tuple[list[str], list[str]]:
    """Pasted chat logs ("----- 聊天记录 -----" up to a closing rule or a blank line) are quoted:
    (the other lines, the chat blocks)."""
    if not any(_CHAT_START.match(line) for line in head):
        return head, []
    kept: list[str] = []
    blocks: list[str] = []
    chat: list[str] | None = None
    for line in head:
        if chat is None:
            if _CHAT_START.match(line):
                chat = [line]
            else:
                kept.append(line)
        elif _CHAT_END.match(line) or not line.strip():
            blocks.append("\n".join(chat + ([line] if line.strip() else [])))
            chat = None
            if not line.strip():
                kept.append(line)
        else:
            chat.append(line)
    if chat:
        blocks.append("\n".join(chat))
    return kept, blocks


def _inline_answers(lines: list[str], cut: int, announced: bool) -> tuple[list[str], list[str], list[str]]:
    """The sender's answers inside the quoted message that starts at ``cut``, that message
    without them, and the older mail after it.

    A '>'-quoted message: its unquoted lines are answers (inline or bottom posting), except
    the wrapped tail of a long quoted line. A message quoted as is (Outlook): only when the
    new text announced answers, its lines carrying an answer mark (">>", "-->", "[David]")."""
    body_start = _after_header(lines, cut)
    masked = ["" if _QUOTED_LINE.match(ln) else ln for ln in lines[body_start:]]
    end = body_start + _quote_start(masked)
    first = next((ln for ln in lines[body_start:end] if ln.strip()), "")
    prefixed = bool(_QUOTED_LINE.match(first))
    if not prefixed and not announced:
        return [], lines[cut:end], lines[end:]
    answers: list[str] = []
    block = lines[cut:body_start]
    prev = ""
    for line in lines[body_start:end]:
        text = _answer_text(line, prev, prefixed)
        if text is None:
            block.append(line)
        else:
            if answers and answers[-1] and _answer_text(prev, "", prefixed) is None:
                answers.append("")  # quoted lines between two answers: keep them apart
            answers.append(text)
        prev = line
    return answers, block, lines[end:]


def _answer_text(line: str, prev: str, prefixed: bool) -> str | None:
    """The sender's own text on ``line`` of a quoted message (``prefixed``: quoted with '>'),
    or None for a quoted line."""
    if prefixed:
        if not line.strip() or _QUOTED_LINE.match(line):
            return None
        if _QUOTED_LINE.match(prev) and len(prev) >= 60 and _CONTINUATION.match(line):
            return None  # the wrapped tail of a long quoted line
        return line.strip()
    mark = _ANSWER_MARK.match(line)
    if not mark or not line[mark.end():].strip():
        return None
    if mark.group().lstrip().startswith(("[", "【")):
        return line.strip()  # "[David] ok": the name tag is part of the answer
    return line[mark.end():].strip()


def _after_header(lines: list[str], cut: int) -> int:
    """The first line after the quote start line and the header lines that follow it."""
    i = cut + 1
    n = len(lines)
    while i < n and (not lines[i].strip() or _HEADER_NEXT.match(lines[i]) or _HEADER_FROM.match(lines[i])
                     or (i == cut + 1 and _WROTE_END.search(lines[i]))):
        i += 1
    return i


def _quote_start(lines: list[str]) -> int:
    n = len(lines)
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or not (s[-1] in ":：" or "--" in s or "@" in s or _MAYBE_AT_START.match(line)):
            continue  # cheap tests rule out almost every line
        if _QUOTE_HINT.search(line) and _ANY_QUOTE_START.match(line):
            return i
        # "On Mon, 2 Mar 2026 at 10:15, John Smith <john@x.com>\nwrote:" wrapped over lines
        if i + 1 < n and len(s) < 200 and _wrapped_attribution(s, lines[i + 1]):
            return i
        if _HEADER_FROM.match(line) and (_header_block_follows(lines, i) or len(_INLINE_NEXT.findall(line)) >= 3):
            return _back_over_rule(lines, i)
        if _RULE_LINE.match(line) and i + 1 < n and _HEADER_FROM.match(lines[i + 1]) and _header_block_follows(lines, i + 1):
            return i
        if _MAIL_ATTRIBUTION.match(line) and _QUOTED_LINE.match(_next_text_line(lines, i)):
            return i
    return n


def _next_text_line(lines: list[str], i: int) -> str:
    return next((ln for ln in lines[i + 1:i + 4] if ln.strip()), "")


def _wrapped_attribution(line: str, following: str) -> bool:
    """An attribution line whose "wrote:" a client wrapped onto the next line."""
    nxt = following.strip()
    if not nxt or len(nxt) > 80 or not _WROTE_END.search(nxt):
        return False
    if not (_WRAPPED_START.match(line) or _HAS_DIGIT.search(line)):
        return False
    return bool(_ANY_QUOTE_START.match(line + " " + nxt) or _ANY_QUOTE_START.match(line + nxt))


def _header_block_follows(lines: list[str], i: int) -> bool:
    """An Outlook/Foxmail header block: after 'From:', 'Sent:/Date:/To:' lines follow."""
    hits = 0
    for line in lines[i + 1:i + 7]:
        if _HEADER_NEXT.match(line):
            hits += 1
        elif line.strip() and hits == 0 and len(line) > 120:
            return False
    return hits >= 2 or (hits == 1 and "@" in lines[i])


def _back_over_rule(lines: list[str], i: int) -> int:
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j if j >= 0 and _RULE_LINE.match(lines[j]) else i


def _split_signature(lines: list[str]) -> tuple[str, str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    n = len(lines)
    start = n
    # 1. A '-- ' delimiter or a sign-off near the end.
    first = max(0, n - _MAX_SIG_LINES - 1)
    candidates = [i for i in range(first, n)
                  if _SIG_DELIM.match(lines[i]) or (len(lines[i].strip()) <= 60 and _SIGNOFF.match(lines[i]))]
    if candidates:
        start = candidates[-1]
        # "Thanks\nBest regards": a sign-off just above the chosen one belongs with it.
        for c in reversed(candidates[:-1]):
            gap = [ln for ln in lines[c + 1:start] if ln.strip()]
            if not gap:
                start = c
            else:
                break
    # 2. Mobile footers and disclaimers at the very end.
    for i in range(n - 1, max(-1, n - 12), -1):
        if _MOBILE.match(lines[i]) and i < start:
            if all(not ln.strip() or _MOBILE.match(ln) or _DISCLAIMER.search(ln) for ln in lines[i:start]):
                start = i
    # 3. No sign-off: a block of contact lines that ends the text.
    if start == n:
        start = _contact_block(lines)
    if start < n and start > 0 and not any(ln.strip() for ln in lines[:start]):
        start = n  # the whole text is 'signature': keep it as new text
    if start == 0 and n:
        # A body that is only a sign-off + name is new text (e.g. "Thanks, John").
        return "\n".join(lines).strip(), ""
    new = "\n".join(lines[:start]).strip()
    sig = "\n".join(lines[start:]).strip()
    return new, sig


def _is_prose(line: str) -> bool:
    """A sentence or paragraph (a company named in running text), not a contact line."""
    return len(_CJK_CLAUSE.findall(line)) >= 2 or (line.endswith((".", "!", "?")) and len(line.split()) > 10)


def _contact_block(lines: list[str]) -> int:
    """Start of a trailing block of contact lines (with at most two name/title lines among
    or above them); ``len(lines)`` when the text does not end in one."""
    n = len(lines)
    i = n
    contact = 0
    plain_run = 0
    while i > 0:
        s = lines[i - 1].strip()
        if not s:
            i -= 1
            continue
        if _CONTACTISH.search(s) and len(s) <= 120 and (not _is_prose(s) or _DISCLAIMER.search(s)):
            contact += 1
            plain_run = 0
        elif _DISCLAIMER.search(s):
            pass
        elif len(s) <= 30 and not _HAS_DIGIT.search(s) and not s.endswith(("?", "？", ":", "：")) and plain_run < 2:
            plain_run += 1
        else:
            break
        i -= 1
        if n - i > _MAX_SIG_LINES:
            return n
    if contact < 2:
        return n
    while i < n and not lines[i].strip():
        i += 1
    return i
