"""Split a body into what the sender wrote now, their signature, and quoted earlier mail.

Recognised quote starts: ``>`` lines; "On … wrote:" (also wrapped over two lines, and the
French, German, Spanish, Portuguese forms); "在 … 写道：", "… 于2026年3月2日 … 写道：",
"於 … 寫道："; "-----Original Message-----", "------------------ 原始邮件 ------------------",
QQ Mail's "------------------ Original ------------------", forwarded-message markers;
Outlook and Foxmail header blocks ("From:/发件人:/寄件者:" followed by "Sent:/发送时间:/Date:/
To:/收件人:" lines). The signature starts at a sign-off ("Best regards", "此致 敬礼", "谢谢！"…)
or a ``-- `` line near the end, or is the block of contact lines that ends the new text;
mobile footers ("Sent from my iPhone", "发自我的华为手机") and disclaimers belong to it.

>>> p = split_body("请报价M10螺栓500套。\\n\\n谢谢！\\n王磊\\n手机：13905316789\\n\\n"
...                "------------------ 原始邮件 ------------------\\n发件人: sales@x.com\\n您好")
>>> p.new, p.signature, p.quoted[0].splitlines()[0]
('请报价M10螺栓500套。', '谢谢！\\n王磊\\n手机：13905316789', '------------------ 原始邮件 ------------------')
"""
from __future__ import annotations

import re

from .message import BodyParts

_I = re.IGNORECASE
# A line that by itself starts the quoted part.
_QUOTE_START = [
    re.compile(r"^\s*-{2,}\s*(?:original message|original|原始邮件|原始郵件|原邮件|原郵件|forwarded message|"
               r"转发邮件信息|转发的邮件|轉寄郵件|轉發郵件|reply message|回复的原邮件|ursprüngliche nachricht|"
               r"message d'origine|mensaje original|mensagem original|weitergeleitete nachricht|"
               r"message transféré|исходное сообщение|пересылаемое сообщение)\s*-{2,}\s*$", _I),
    re.compile(r"^\s*begin forwarded message\s*:?\s*$", _I),
    re.compile(r"^\s*on\s.{4,240}\swrote\s*:\s*$", _I),
    re.compile(r"^\s*le\s.{4,200}\sa écrit\s*:\s*$", _I),
    re.compile(r"^\s*am\s.{4,200}\sschrieb\s.{0,80}:\s*$", _I),
    re.compile(r"^\s*el\s.{4,200}\sescribió\s*:\s*$", _I),
    re.compile(r"^\s*em\s.{4,200}\sescreveu\s*:\s*$", _I),
    re.compile(r"^\s*在.{2,160}(?:写道|寫道)\s*[:：]\s*$"),
    re.compile(r"^\s*於.{2,160}(?:写道|寫道)\s*[:：]\s*$"),
    re.compile(r"^.{0,160}(?:于|於)\s*\d{4}\s*年.{1,80}(?:写道|寫道)\s*[:：]\s*$"),
    re.compile(r"^.{0,160}\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}.{0,60}(?:写道|寫道|wrote)\s*[:：]\s*$", _I),
]
_ANY_QUOTE_START = re.compile("|".join(f"(?:{p.pattern})" for p in _QUOTE_START), _I)
# Every line that any test below could accept matches this (checked first, once per line).
_MAYBE_QUOTE_START = re.compile(
    r".*(?:wrote|写道|寫道|écrit|schrieb|escribió|escreveu|--|forwarded)|\s*[*>]*\s*(?:from|发件人|發件人|寄件者|寄件人|"
    r"de|von|от)\s*[:：]|\s*(?:on|在|於|le|am|el|em)\s|\s*[_=]{10,}", re.IGNORECASE)
_ANY_QUOTED_LINE = re.compile(r"(?m)^\s*[>＞|]")
_QUOTE_HINT = re.compile(r"wrote|写道|寫道|écrit|schrieb|escribió|escreveu|--|forwarded", re.IGNORECASE)
_WRAPPED_START = re.compile(r"^\s*(?:on|在|於|le|am|el|em)\s", _I)
_HAS_DIGIT = re.compile(r"\d")
_HEADER_FROM = re.compile(r"^\s*[*>]*\s*(?:from|发件人|發件人|寄件者|寄件人|de|von|от)\s*[:：]", _I)
_HEADER_NEXT = re.compile(r"^\s*[*>]*\s*(?:sent|date|发送时间|發送時間|日期|时间|時間|寄件日期|envoyé|gesendet|enviado|"
                          r"to|收件人|cc|抄送|subject|主题|主旨|主題|отправлено|кому|тема)\s*[:：]", _I)
_RULE_LINE = re.compile(r"^\s*[_=]{10,}\s*$")
_QUOTED_LINE = re.compile(r"^\s*[>＞|]")
_WROTE_END = re.compile(r"(?:wrote|写道|寫道|a écrit|escribió|escreveu)\s*[:：]\s*$", _I)

_SIGNOFF = re.compile(
    r"^\s*(?:(?:best|kind|warm|warmest|with best|many|yours)?\s*(?:regards|wishes)|rgds|brgds|b\.?\s?rgds|br|"
    r"thanks?(?: you)?(?: (?:and|&|n) (?:best |kind )?regards?)?(?: in advance)?|thx|tks|tnx|many thanks|"
    r"thanks again|thanks a lot|cheers|(?:yours )?(?:sincerely|faithfully|truly)|sincerely yours|respectfully|"
    r"best|all the best|salam|salaam|merci|cordialement|mit freundlichen grüßen|mfg|viele grüße|saludos|"
    r"atenciosamente|un saludo|с уважением|regards,? ?thanks|"
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
_SIG_DELIM = re.compile(r"^--\s?$|^—{2,}\s*$|^_{2,}\s*$")
_MAX_SIG_LINES = 25


def split_body(body: str) -> BodyParts:
    """Split ``body`` into new text, signature and quoted blocks (original text kept)."""
    lines = body.split("\n")
    cut = _quote_start(lines)
    head = lines[:cut]
    quoted: list[str] = []
    if cut < len(lines):
        quoted.append("\n".join(lines[cut:]).strip("\n"))
    # '>' lines inside the new part (inline or bottom quoting) are quoted, not new.
    kept: list[str] = []
    run: list[str] = []
    if not _ANY_QUOTED_LINE.search(body):
        head, kept = [], head  # no quoted line anywhere: nothing to move
    for line in head:
        if _QUOTED_LINE.match(line) and not line.lstrip().startswith("|"):
            run.append(line)
            continue
        if run:
            quoted.insert(len(quoted) - (1 if cut < len(lines) else 0), "\n".join(run))
            run = []
        kept.append(line)
    if run:
        quoted.insert(len(quoted) - (1 if cut < len(lines) else 0), "\n".join(run))
    new, signature = _split_signature(kept)
    return BodyParts(new=new, signature=signature, quoted=[q for q in quoted if q.strip()])


def _quote_start(lines: list[str]) -> int:
    n = len(lines)
    for i, line in enumerate(lines):
        if not _MAYBE_QUOTE_START.match(line):
            continue  # one cheap test rules out almost every line
        s = line.strip()
        if not s:
            continue
        if _QUOTE_HINT.search(line) and _ANY_QUOTE_START.match(line):
            return i
        # "On Mon, 2 Mar 2026 at 10:15, John Smith <john@x.com>\nwrote:" wrapped over lines
        if i + 1 < n and len(s) < 200 and _WRAPPED_START.match(line):
            joined = s + " " + lines[i + 1].strip()
            if _WROTE_END.search(joined) and _ANY_QUOTE_START.match(joined):
                return i
        if _HEADER_FROM.match(line) and _header_block_follows(lines, i):
            return _back_over_rule(lines, i)
        if _RULE_LINE.match(line) and i + 1 < n and _HEADER_FROM.match(lines[i + 1]) and _header_block_follows(lines, i + 1):
            return i
    return n


def _header_block_follows(lines: list[str], i: int) -> bool:
    """An Outlook/Foxmail header block: after 'From:', 'Sent:/Date:/To:' lines follow."""
    hits = 0
    for line in lines[i + 1:i + 7]:
        if _HEADER_NEXT.match(line):
            hits += 1
        elif line.strip() and hits == 0 and len(line) > 120:
            return False
    return hits >= 1


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
        if _CONTACTISH.search(s) and len(s) <= 120:
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
