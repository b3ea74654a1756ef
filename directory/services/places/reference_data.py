"""Load the reference data in seeds/ (regions, provinces, districts, issue areas, types).

Idempotent: rows are matched by their code or slug and updated in place, so running the seed again
changes nothing.
"""
import csv
from pathlib import Path

from directory.extensions import db
from directory.models import District, IssueArea, OrganisationType, Province, Region
from directory.services.places.gazetteer import forget_gazetteer
from directory.services.places.reference import forget_reference

SEEDS_DIR = Path(__file__).resolve().parents[3] / "seeds"


def read_seed_csv(name):
    with open(SEEDS_DIR / name, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _upsert(model, key, rows):
    existing = {getattr(obj, key): obj for obj in db.session.scalars(db.select(model))}
    for values in rows:
        obj = existing.get(values[key])
        if obj is None:
            db.session.add(model(**values))
            continue
        for field, value in values.items():
            if getattr(obj, field) != value:
                setattr(obj, field, value)
    db.session.flush()


def seed_reference_data():
    """Create or update every reference row; returns a count per kind."""
    _upsert(Region, "slug", read_seed_csv("regions.csv"))
    region_ids = {r.name_en: r.id for r in db.session.scalars(db.select(Region))}
    provinces = read_seed_csv("provinces.csv")
    _upsert(Province, "code", [
        {"code": p["code"], "iso_code": p["iso_code"], "name_th": p["name_th"], "name_en": p["name_en"],
         "region_id": region_ids[p["region"]], "latitude": float(p["lat"]), "longitude": float(p["lon"])}
        for p in provinces
    ])
    _upsert(District, "code", _district_rows({p["code"]: p for p in provinces}))
    _upsert(IssueArea, "slug", [
        {"slug": row["slug"], "name_th": row["name_th"], "name_en": row["name_en"],
         "is_from_announcement": row["from_announcement"] == "yes", "position": position}
        for position, row in enumerate(read_seed_csv("issue_areas.csv"))
    ])
    _upsert(OrganisationType, "slug", [
        {"slug": row["slug"], "name_th": row["name_th"], "name_en": row["name_en"], "position": position}
        for position, row in enumerate(read_seed_csv("org_types.csv"))
    ])
    forget_gazetteer()
    forget_reference()
    return {model.__tablename__: db.session.scalar(db.select(db.func.count()).select_from(model))
            for model in (Region, Province, District, IssueArea, OrganisationType)}


def _district_rows(provinces_by_code):
    """Districts with a centroid each: the published point, else the tambon mean, else the province's."""
    tambon_means = {row["code"]: row for row in read_seed_csv("districts_tambon_mean.csv")}
    for row in read_seed_csv("districts.csv"):
        if row["lat"]:
            lat, lon, source = row["lat"], row["lon"], "point"
        elif row["code"] in tambon_means:
            mean = tambon_means[row["code"]]
            lat, lon, source = mean["lat_mean"], mean["lon_mean"], "tambon_mean"
        else:
            province = provinces_by_code[row["province_code"]]
            lat, lon, source = province["lat"], province["lon"], "province"
        yield {"code": row["code"], "province_code": row["province_code"], "name_th": row["name_th"],
               "name_en": row["name_en"], "latitude": float(lat), "longitude": float(lon),
               "position_source": source}
