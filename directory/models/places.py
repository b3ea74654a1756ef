"""Thailand's administrative geography: regions, the 77 provinces and their 928 districts."""
from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import db


class Region(db.Model):
    __tablename__ = "regions"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(20), unique=True)
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))

    provinces: Mapped[list[Province]] = relationship(back_populates="region", order_by="Province.name_th")

    def __repr__(self):
        return f"<Region {self.slug}>"


class Province(db.Model):
    """A province, keyed by its two-digit Ministry of Interior (DOPA) code."""

    __tablename__ = "provinces"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    iso_code: Mapped[str] = mapped_column(String(5), unique=True)
    name_th: Mapped[str] = mapped_column(String(100), unique=True)
    name_en: Mapped[str] = mapped_column(String(100), unique=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"))
    latitude: Mapped[float]
    longitude: Mapped[float]

    region: Mapped[Region] = relationship(back_populates="provinces")
    districts: Mapped[list[District]] = relationship(back_populates="province", order_by="District.code")

    def __repr__(self):
        return f"<Province {self.code} {self.name_en}>"


class District(db.Model):
    """An amphoe (or a Bangkok khet), keyed by its four-digit DOPA code.

    `position_source` says where the centroid came from: a published point ("point"), the mean of
    the district's subdistricts ("tambon_mean") or, lacking both, the province's ("province").
    """

    __tablename__ = "districts"
    # Lets organisations point at (district, province) together, so the database itself refuses
    # a district that lies in another province.
    __table_args__ = (UniqueConstraint("code", "province_code"),)

    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    province_code: Mapped[str] = mapped_column(ForeignKey("provinces.code"), index=True)
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    latitude: Mapped[float]
    longitude: Mapped[float]
    position_source: Mapped[str] = mapped_column(String(20))

    province: Mapped[Province] = relationship(back_populates="districts")

    @property
    def prefixed_name_th(self):
        """The name as written in addresses: อำเภอละงู, เขตพระนคร (Bangkok's khet)."""
        return self.name_th if self.name_th.startswith("เขต") else f"อำเภอ{self.name_th}"

    def __repr__(self):
        return f"<District {self.code} {self.name_en}>"
