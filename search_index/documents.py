"""What the index is given: one plain document per organisation, built by the application's adapter."""
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Place:
    code: str
    names: tuple[str, ...]  # every name and code people may type: Thai, English, ISO ...


@dataclass
class Document:
    """An organisation as the index sees it. `id` is unique; `version` lets `check` spot stale copies."""

    id: str
    version: int
    name_th: str
    name_en: str = ""
    description_th: str = ""
    description_en: str = ""
    target_groups: tuple[str, ...] = ()
    province: Place | None = None
    district: Place | None = None
    region: Place | None = None
    type: Place | None = None
    issue_areas: tuple[Place, ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    updated_at: datetime | None = None
    is_verified: bool = False
    extra_text: tuple[str, ...] = field(default=())
