"""The arrays kept beside each Whoosh segment, and the names of the places documents are tagged with.

    <generation>/arrays/<segment id>/   text.bin, suffixes.npy, edges.npy, starts.npy (literal.py),
                                        columns.npz, columns.json, name_key.txt,
                                        name_en_key.txt (columns.py), latin_words.json
    <generation>/places.json            {field: {code: [code, names...]}} for every tag seen

A writer builds the arrays of the segments its commit made, right after the commit; they are a
function of the segment's stored fields alone, so a merged segment, or one whose writer died, is
rebuilt the same way. A folder appears whole (written aside, then renamed) or not at all.
"""
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from search_index import literal
from search_index.columns import segment_columns
from search_index.schema import document_text

ARRAYS = "arrays"
PLACES = "places.json"
NAME_KEYS = ("name_key", "name_en_key")
_LATIN_WORD = re.compile(rb"[a-z]{2,}")  # on the stored bytes: ASCII is itself


@dataclass
class SegmentArrays:
    literal: literal.LiteralIndex
    columns: dict
    latin_words: tuple


def arrays_folder(generation, segment_id):
    return Path(generation) / ARRAYS / segment_id


def segment_ids(whoosh_index):
    """The segment ids of the index's latest commit."""
    return [segment.segment_id() for segment in whoosh_index._segments()]


def has_arrays(generation, ids):
    return all(arrays_folder(generation, segment_id).is_dir() for segment_id in ids)


def load(generation, reader):
    """The arrays of the segment `reader` reads, built now if they are missing."""
    folder = arrays_folder(generation, reader.segment().segment_id())
    if not folder.is_dir():
        build(generation, reader)
    with np.load(folder / "columns.npz") as arrays:
        columns = {name: arrays[name] for name in arrays.files}
    columns.update(json.loads((folder / "columns.json").read_text(encoding="utf-8")))
    for name in NAME_KEYS:
        columns[name] = (folder / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    latin_words = tuple(json.loads((folder / "latin_words.json").read_text(encoding="utf-8")))
    return SegmentArrays(literal.LiteralIndex(folder), columns, latin_words)


def build(generation, reader):
    """Write the arrays of `reader`'s segment, unless another process has just done so."""
    folder = arrays_folder(generation, reader.segment().segment_id())
    if folder.is_dir():
        return
    stored = [reader.stored_fields(docnum) for docnum in range(reader.doc_count_all())]
    aside = folder.with_name(f".{folder.name}-{os.getpid()}")
    shutil.rmtree(aside, ignore_errors=True)
    aside.mkdir(parents=True)
    literal.build([document_text(fields) for fields in stored], aside)
    columns = segment_columns(stored)
    np.savez(aside / "columns.npz", **{k: v for k, v in columns.items() if isinstance(v, np.ndarray)})
    for name in NAME_KEYS:  # one a line: read back with split(), 10x faster than JSON
        (aside / f"{name}.txt").write_text("\n".join(columns.pop(name)), encoding="utf-8")
    _write_json(aside / "columns.json", {k: v for k, v in columns.items() if not isinstance(v, np.ndarray)})
    words = sorted({word.decode("ascii") for word in _LATIN_WORD.findall((aside / "text.bin").read_bytes())})
    _write_json(aside / "latin_words.json", words)
    try:
        os.rename(aside, folder)
    except OSError:  # another process renamed its copy first: the same arrays
        shutil.rmtree(aside, ignore_errors=True)


def build_missing(generation, whoosh_index):
    """Build the arrays of every segment of the latest commit that has none; drop those of segments gone."""
    ids = set(segment_ids(whoosh_index))
    with whoosh_index.reader() as reader:
        for leaf, _offset in reader.leaf_readers():
            if leaf.segment() is not None and leaf.segment().segment_id() in ids:
                build(generation, leaf)
    root = Path(generation) / ARRAYS
    if root.is_dir():
        for folder in root.iterdir():
            if folder.name not in ids and not folder.name.startswith("."):
                shutil.rmtree(folder, ignore_errors=True)


def _write_json(path, value):
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


def read_places(generation):
    path = Path(generation) / PLACES
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def add_places(generation, documents_places):
    """Merge the {field: {code: names}} of new documents into the generation's place names."""
    known = read_places(generation)
    changed = False
    for places in documents_places:
        for field, codes in places.items():
            for code, names in codes.items():
                if known.setdefault(field, {}).get(code) != names:
                    known[field][code] = names
                    changed = True
    if changed:
        path = Path(generation) / PLACES
        aside = path.with_name(f".{PLACES}-{os.getpid()}")
        _write_json(aside, known)
        os.replace(aside, path)
