"""``case.toml``: the commission's data (client, matters, dates, experts, language)."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from comparators.errors import InputError


@dataclass
class Expert:
    """An appraiser who signs the opinion."""

    name: str
    licence: str = ""
    dissent: str = ""  # 通则 art. 37: "<k>: reason" when this expert disagrees with opinion k


@dataclass
class Opinion:
    """The expert's opinion on one matter (REPORT_SPEC 3.6): the type is the expert's call.

    ``matter`` is the 1-based index into ``matters``; ``pair`` names the compared items
    as ``"YB-01/JC-01"`` (default: every compared pair); ``type`` is positive, negative or
    undetermined; an undetermined opinion needs a ``reason``.
    """

    matter: int
    type: str
    reason: str = ""
    pair: str = ""


@dataclass
class CaseConfig:
    """What ``case.toml`` holds. Empty strings mean "not yet entered"."""

    case_id: str
    title: str = ""
    client: str = ""
    number: str = ""
    lang: str = "zh"
    matters: list[str] = field(default_factory=list)
    summary: str = ""
    received_date: str = ""
    place: str = ""
    institution: str = ""
    institution_licence: str = ""
    experts: list[Expert] = field(default_factory=list)
    report_date: str = ""
    # report fields (REPORT_SPEC 3.1); empty = not entered
    institution_address: str = ""
    institution_postcode: str = ""
    institution_phone: str = ""
    document_type: str = "opinion"  # opinion (司法鉴定意见书) | inspection (检验报告书)
    exam_start: str = ""
    persons_present: str = ""
    references: list[str] = field(default_factory=list)
    opinions: list[Opinion] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["experts"] = [asdict(e) for e in self.experts]
        data["opinions"] = [asdict(o) for o in self.opinions]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CaseConfig:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["experts"] = [Expert(**e) for e in data.get("experts", [])]
        known["opinions"] = [Opinion(**o) for o in data.get("opinions", [])]
        return cls(**known)


def write_config(path: Path, config: CaseConfig) -> None:
    """Write ``case.toml``."""
    path.write_text(tomli_w.dumps(config.to_dict()), encoding="utf-8")


def read_config(path: Path) -> CaseConfig:
    """Read ``case.toml`` (InputError when missing or malformed)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "is missing; is this a case folder? (appraisal case create)") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(path, f"is not valid TOML ({exc})") from None
    try:
        return CaseConfig.from_dict(data)
    except TypeError as exc:
        raise InputError(path, f"has unexpected content ({exc})") from None
