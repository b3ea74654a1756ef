"""Filter, facet and sort values of every document as numpy arrays.

Each segment's values are written once, beside it, when the segment is made (segments.py); a search
joins the segments' arrays (cached until the segments change) and its filters, facets and sorting
become array operations.
"""
from dataclasses import dataclass

import numpy as np

from search_index.schema import ORGANISATION, PLACE_FIELDS

CODE_FIELDS = (*PLACE_FIELDS, "issues")
MAX_ISSUE_CODES = 64  # the facet bit set


@dataclass
class Columns:
    """Arrays indexed by global document number (the searcher's docnum)."""

    is_live: np.ndarray      # a live organisation (not deleted, not the watermark record)
    province: np.ndarray     # codes as small ints, see `values`
    district: np.ndarray
    region: np.ndarray
    type: np.ndarray
    issues: np.ndarray       # bit set of issue-area codes
    latitude: np.ndarray     # NaN where a document has no position
    longitude: np.ndarray
    updated: np.ndarray
    is_verified: np.ndarray
    name_key: np.ndarray     # Thai-collation keys of the Thai names (numpy unicode)
    name_en_key: np.ndarray  # casefolded English names (the Thai name where there is none)
    values: dict             # field -> list of codes, position = the int in the arrays
    state: tuple = ()        # the segments (and their deletions) these arrays were read from

    @property
    def size(self):
        return len(self.is_live)

    def codes_mask(self, field, codes):
        """Docs whose `field` is any of `codes`."""
        wanted = [self.values[field].index(c) for c in codes if c in self.values[field]]
        if field == "issues":
            bits = np.uint64(sum(1 << i for i in wanted))
            return (self.issues & bits) != 0
        return np.isin(getattr(self, field), wanted)

    def counts(self, field, docnums):
        """{code: count} of `field` over the given documents."""
        if field == "issues":
            masks = self.issues[docnums]
            return {code: int(np.count_nonzero(masks & np.uint64(1 << i)))
                    for i, code in enumerate(self.values["issues"])
                    if code and np.any(masks & np.uint64(1 << i))}
        counted = np.bincount(getattr(self, field)[docnums], minlength=len(self.values[field]))
        return {code: int(n) for code, n in zip(self.values[field], counted) if n and code}


def tally(columns, updated_since=0):
    """Counts over every live organisation, as the filters count them: {"total", "verified", "updated_since"
    (changed at or after that Unix time), "province", "type", "issues" ({code: count}, without "" for none)}."""
    docnums = np.flatnonzero(columns.is_live)
    return {"total": len(docnums), "verified": int(np.count_nonzero(columns.is_verified[docnums])),
            "updated_since": int(np.count_nonzero(columns.updated[docnums] >= updated_since)),
            **{field: columns.counts(field, docnums) for field in ("province", "type", "issues")}}


def segment_columns(stored_documents):
    """The column values of a segment's documents (stored fields, in document-number order): numeric
    arrays, and for each code field its distinct codes (`<field>_values`) with one index a document."""
    rows = list(stored_documents)
    columns = {
        "latitude": np.array([np.nan if row.get("latitude") is None else row["latitude"] for row in rows]),
        "longitude": np.array([np.nan if row.get("longitude") is None else row["longitude"] for row in rows]),
        "updated": np.array([row.get("updated") or 0 for row in rows], dtype=np.int64),
        "is_verified": np.array([bool(row.get("is_verified")) for row in rows], dtype=bool),
        "is_organisation": np.array([row.get("kind") == ORGANISATION for row in rows], dtype=bool),
        "name_key": [_one_line(row.get("name_key")) for row in rows],
        "name_en_key": [_one_line(row.get("name_en_key")) for row in rows],
    }
    for name in CODE_FIELDS:
        codes = [row.get(name) or "" for row in rows]
        values = sorted(set(codes))
        position = {code: i for i, code in enumerate(values)}
        columns[f"{name}_values"] = values
        columns[name] = np.array([position[code] for code in codes], dtype=np.int32)
    return columns


def _one_line(text):
    return (text or "").replace("\n", " ")


class ColumnCache:
    """Per-segment arrays with codes as small ints, joined for the segments in front of us."""

    def __init__(self):
        self._segments = {}
        self._joined = None
        self.values = {field: [""] for field in CODE_FIELDS}
        self._positions = {field: {"": 0} for field in CODE_FIELDS}

    def join(self, segments) -> Columns:
        """Columns for `segments`: [(key, stored columns, deleted docnums)], in docnum order."""
        keys = tuple(key for key, _, _ in segments)
        if self._joined is not None and self._joined.state == keys:
            return self._joined
        parts = [self._coded(key, columns, deleted) for key, columns, deleted in segments]
        self._segments = {key: part for key, part in zip(keys, parts)}
        if parts:
            joined = {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}
        else:
            joined = {**{name: np.zeros(0, np.int32) for name in PLACE_FIELDS}, "issues": np.zeros(0, np.uint64),
                      "is_live": np.zeros(0, bool), "is_verified": np.zeros(0, bool),
                      **{name: np.zeros(0) for name in ("latitude", "longitude", "updated")},
                      "name_key": np.zeros(0, str), "name_en_key": np.zeros(0, str)}
        self._joined = Columns(values=self.values, state=keys, **joined)
        return self._joined

    def _coded(self, key, columns, deleted):
        if key in self._segments:
            return self._segments[key]
        coded = {}
        for name in PLACE_FIELDS:
            interned = np.array([self._intern(name, code) for code in columns[f"{name}_values"]], dtype=np.int32)
            coded[name] = interned[columns[name]] if len(interned) else np.zeros(0, np.int32)
        bits = np.array([sum(1 << self._intern("issues", code) for code in value.split())
                         for value in columns["issues_values"]], dtype=np.uint64)
        if len(self.values["issues"]) > MAX_ISSUE_CODES:
            raise ValueError("more issue areas than the facet bit set holds")
        coded["issues"] = bits[columns["issues"]] if len(bits) else np.zeros(0, np.uint64)
        is_live = columns["is_organisation"].copy()
        is_live[list(deleted)] = False
        coded.update(is_live=is_live, is_verified=columns["is_verified"],
                     latitude=columns["latitude"], longitude=columns["longitude"],
                     updated=columns["updated"].astype(np.float64),
                     name_key=np.array(columns["name_key"], dtype=str),
                     name_en_key=np.array(columns["name_en_key"], dtype=str))
        return coded

    def _intern(self, field, code):
        positions = self._positions[field]
        if code not in positions:
            positions[code] = len(self.values[field])
            self.values[field].append(code)
        return positions[code]
