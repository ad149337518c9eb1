"""Who speaks in what capacity: president, member, invited, briefer (and procedure).

- president: the presiding officer (主席 / The President), including when speaking in a
  national capacity; the country is the presidency's.
- member: a State that sits on the body (the cover's member list when the record has
  one; otherwise any State not invited to the meeting).
- invited: a State invited under rule 37 of the Security Council's provisional rules
  of procedure (named in the President's invitation), a State missing from the cover's
  member list, or an observer State.
- briefer: a speaker with no State: invited under rule 39 (Assistant Secretaries-
  General, envoys, organizations such as the European Union) or the Secretary-General.

A speaker may be announced by a national office instead of the State ("Mr. X (Minister for
Foreign Affairs of Kenya)", "X先生（肯尼亚外交部长）"): that speaker speaks for the State named
in the office, which is then the country, and the office is kept as the title. A United
Nations office that names a country ("Special Envoy of the Secretary-General for Myanmar",
"秘书长缅甸问题特使") is not a national one: that speaker stays a briefer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aligner.countries import Country, find_mentions, lookup
from aligner.ingest.normalize import simplified_view
from aligner.parse.metadata import find_countries
from aligner.parse.speakers import SpeakerHeader

_TOOK_CHAIR = {
    "en": re.compile(r"\btook the Chair\b"),
    "zh": re.compile(r"主持会议|代行主席职务"),
}
_CHAIR_RETURNED = {
    "en": re.compile(r"\b(?:returned to|resumed) the Chair\b"),
    "zh": re.compile(r"回到主席座位|恢复主持会议"),
}
_NATIONAL_OFFICE = {
    # The office comes first in English ("Minister for Foreign Affairs of Kenya")...
    "en": re.compile(
        r"^(?:(?:Deputy|Vice|First|Second|Acting)[\s-]+)*(?:Prime Minister|Minister|President|"
        r"Vice-President|Chancellor|Head of (?:State|Government)|King|Queen|Emir|Crown Prince|"
        r"Sultan|Secretary of State|Permanent Representative|Ambassador|Permanent Observer|"
        r"Observer)\b"
    ),
    # ...and last in Chinese, after the State ("肯尼亚外交部长").
    "zh": re.compile(
        r"(?:部长|外长|大臣|总统|总理|首相|国王|女王|埃米尔|苏丹|王储|国务卿|国家元首|政府首脑|"
        r"常驻代表|大使|观察员)$"
    ),
}
_RULE_37 = {
    "en": re.compile(r"\brule\s+37\b[^.]*\.?"),
    "zh": re.compile(r"第\s*37\s*条[^。]*。?"),
}


@dataclass
class RoleContext:
    lang: str
    members: set[str] = field(default_factory=set)
    """ISO codes of the body's members, when the record lists them (English cover)."""
    invited: set[str] = field(default_factory=set)
    """ISO codes of States invited under rule 37."""
    presidency: Country | None = None


@dataclass(frozen=True)
class SpeakerRole:
    role: str
    country: str | None
    country_code: str | None
    title: str | None = None
    """The national office the header names instead of the State, as printed."""


def office_state(affiliation: str | None, lang: str) -> tuple[Country, str] | None:
    """The State of a national office named in a header's brackets, with the State's name as
    printed there; None for anything else."""
    if not affiliation:
        return None
    view = simplified_view(affiliation)
    if not _NATIONAL_OFFICE[lang].search(view):
        return None
    mentions = find_mentions(view, lang)
    if not mentions or (lang == "zh" and mentions[0].start != 0):
        return None
    first = mentions[0]
    return first.country, affiliation[first.start : first.end]


def rule_37_invitees(texts: list[str], lang: str) -> set[str]:
    """States the President invites under rule 37 (non-members taking part)."""
    codes: set[str] = set()
    for text in map(simplified_view, texts):
        for m in _RULE_37[lang].finditer(text):
            codes.update(c.code for c in find_countries(m.group(0), lang))
    return codes


def chair_after(paragraph: str, chair: Country | None, ctx: RoleContext) -> Country | None:
    """Who presides after a procedural paragraph: a Vice-President who "took the Chair"
    ("In the absence of the President, Mr. X (Malta), Vice-President, took the Chair."),
    the President again once "returned to the Chair", else unchanged."""
    paragraph = simplified_view(paragraph)
    if _CHAIR_RETURNED[ctx.lang].search(paragraph):
        return ctx.presidency
    if _TOOK_CHAIR[ctx.lang].search(paragraph):
        countries = find_countries(paragraph, ctx.lang)
        return countries[-1] if countries else chair
    return chair


def speaker_role(
    header: SpeakerHeader,
    ctx: RoleContext,
    chair: Country | None = None,
    announced: Country | None = None,
) -> SpeakerRole:
    """Role and country of a speaker; `chair` is whoever presides at that point. `announced`
    is the State the presiding officer named just before a Head of State or Government who
    is headed by office alone ("President Ruto:")."""
    if header.presiding:
        chair = chair or ctx.presidency
        if chair is not None:
            name = chair.zh_short if ctx.lang == "zh" else chair.en_short
            return SpeakerRole("president", name, chair.code)
        country = lookup(header.affiliation)
        return SpeakerRole("president", header.affiliation, country.code if country else None)
    country, printed, title = lookup(header.affiliation), header.affiliation, header.office
    if country is None and (office := office_state(header.affiliation, ctx.lang)):
        (country, printed), title = office, header.affiliation
    if country is None and announced is not None:
        country = announced
        printed = announced.zh_short if ctx.lang == "zh" else announced.en_short
    if country is None:
        return SpeakerRole("briefer", header.affiliation, None, header.office)
    if country.code in ctx.invited:
        role = "invited"
    elif ctx.members:
        presidency = ctx.presidency.code if ctx.presidency else None
        role = "member" if country.code in ctx.members | {presidency} else "invited"
    else:
        role = "invited" if country.status == "observer" else "member"
    return SpeakerRole(role, printed, country.code, title)
