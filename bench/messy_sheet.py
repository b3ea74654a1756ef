"""Write a spreadsheet of valid organisations whose places are spelt the many ways real sheets spell them.

    .venv/bin/python bench/messy_sheet.py tests/data/messy_places.csv          # the committed test sheet
    .venv/bin/python bench/messy_sheet.py /tmp/messy.csv --rows 2000 --seed 7

Every row is a real province and district written in one everyday form: กรุงเทพฯ/กทม./BKK, จ./จังหวัด and
อ./อำเภอ/เขต/กิ่งอ. prefixes with or without dots and spaces, แขวง…/ต.… before the district, เมือง/อ.เมือง/
Mueang for the capital district, marks typed in another order, zero-width and no-break spaces, Thai
digits, romanisations with and without spaces or hyphens, a district without its province, and a place
given only in the address. The `expected` columns hold the codes each row must resolve to, so a test
can check the resolver, not only that nothing was refused.
"""
import argparse
import csv
import random
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TO_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
COLUMNS = ["ref", "name_th", "name_en", "type", "province", "district", "issue_areas", "description_th",
           "address", "phone", "founded_year"]
EXPECTED_COLUMNS = ["ref", "province_code", "district_code"]
KINDS = ["กลุ่มอนุรักษ์", "ชมรมผู้สูงอายุ", "กลุ่มแม่บ้าน", "เครือข่ายเยาวชน", "มูลนิธิพัฒนา", "สมาคมประมงพื้นบ้าน",
         "วิสาหกิจชุมชนทอผ้า", "กลุ่มอาสาสมัคร"]
ISSUES = ["environment", "elderly-care", "สตรีและความเท่าเทียมทางเพศ", "Children and youth", " community-economy ",
          "เกษตรกรรมและความมั่นคงทางอาหาร", "disaster-relief;health-promotion"]
TYPES = ["มูลนิธิ", "foundation", "Community group", "สมาคม", "วิสาหกิจชุมชน", "network", " เครือข่าย "]
BANGKOK_FORMS = ["กรุงเทพฯ", "กรุงเทพ", "กทม.", "กทม", "Bangkok", "BKK", "Krung Thep", "กรุงเทพมหานคร ",
                 "จ.กรุงเทพมหานคร"]
# Tone marks (and thanthakhat) typed before the vowel below or above them: the same glyphs on screen.
MARK_SWAPS = [("ุ์", "์ุ"), ("ู้", "ู้"), ("ิ์", "์ิ"), ("ี่", "่ี"), ("ั่", "่ั"), ("ุ่", "ุ่"), ("ื่", "่ื"), ("ู่", "ู่"), ("ั้", "้ั")]


def read(name):
    with open(SEEDS / name, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def retyped(text, rng):
    """The same text as someone else typed it: marks swapped, an invisible character, stray spaces."""
    for right, wrong in MARK_SWAPS:
        if right in text and rng.random() < 0.7:
            return text.replace(right, wrong, 1)
    return rng.choice([f"{text[:2]}\u200b{text[2:]}", f"\u00a0{text} ", f"  {text}", text.replace(" ", "  ")])


def province_form(province, aliases, rng):
    name_th, name_en = province["name_th"], province["name_en"]
    if province["code"] == "10":
        return rng.choice(BANGKOK_FORMS)
    forms = [f"จ.{name_th}", f"จ. {name_th}", f"จังหวัด{name_th}", f"จังหวัด {name_th}", retyped(name_th, rng),
             name_en.replace(" ", ""), name_en.replace(" ", "-"), name_en.upper(), f"{name_en} Province",
             province["code"].translate(TO_THAI_DIGITS), province["iso_code"].lower()]
    forms += [alias["alias"] for alias in aliases if alias["province_code"] == province["code"]
              and not alias["district_code"]]
    return rng.choice(forms)


def district_form(district, rng):
    name_th, name_en = district["name_th"], district["name_en"]
    if name_th.startswith("เขต"):  # Bangkok
        bare = name_th[3:]
        return rng.choice([bare, f"เขต {bare}", f"แขวง{bare} เขต{bare}", f"แขวงลาดยาว {name_th}", name_en,
                           f"Khet {name_en}", retyped(name_th, rng)])
    if district["code"].endswith("01"):  # the capital district
        return rng.choice(["เมือง", "อ.เมือง", "อ. เมือง", "อำเภอเมือง", "Mueang", "Muang", "Amphoe Mueang",
                           f"อ.{name_th}", name_en, f"{name_en} District"])
    return rng.choice([f"อ.{name_th}", f"อ. {name_th}", f"อำเภอ{name_th}", f"อำเภอ {name_th}", f"กิ่งอ.{name_th}",
                       f"ต.{name_th} อ.{name_th}", retyped(name_th, rng), name_en.replace(" ", ""),
                       name_en.replace(" ", "-"), f"Amphoe {name_en}", f"  {name_th}  "])


def unique_in_country(districts):
    """Codes of the districts whose Thai and English names are each used once in the country."""
    counts = {}
    for district in districts:
        for name in (district["name_th"], district["name_en"].casefold()):
            counts[name] = counts.get(name, 0) + 1
    return {d["code"] for d in districts if counts[d["name_th"]] == counts[d["name_en"].casefold()] == 1}


def write_sheet(path, rows=240, seed=2562):
    """Write the sheet at `path` and, beside it (`<stem>_expected.csv`), the codes each ref must get."""
    rng = random.Random(seed)
    path = Path(path)
    expected = []
    provinces = {row["code"]: row for row in read("provinces.csv")}
    districts = read("districts.csv")
    aliases = read("place_aliases.csv")
    alone = unique_in_country(districts)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for number in range(1, rows + 1):
            district = rng.choice(districts)
            province = provinces[district["province_code"]]
            row = {
                "ref": f"M{number:04d}",
                "name_th": f"{rng.choice(KINDS)}บ้าน{rng.choice(['ใหม่', 'นา', 'ทุ่ง', 'ดอน', 'หนอง'])} {number}",
                "name_en": "",
                "type": rng.choice(TYPES),
                "province": province_form(province, aliases, rng),
                "district": district_form(district, rng),
                "issue_areas": rng.choice(ISSUES),
                "description_th": "ทำงานกับชุมชนในพื้นที่",
                "address": "",
                "phone": rng.choice(["", "081-000-0000", "๐๘๑๐๐๐๐๐๐๐"]),
                "founded_year": rng.choice(["", "2548", "๒๕๕๘", "2015", " 1999 "]),
            }
            expected.append({"ref": row["ref"], "province_code": province["code"], "district_code": district["code"]})
            shape = rng.random()
            if shape < 0.12 and district["code"] in alone and not district["code"].endswith("01"):
                row["province"] = ""  # the district alone says where it is
            elif shape < 0.2 and not district["name_th"].startswith("เขต"):
                row["province"], row["district"] = "", ""
                row["address"] = (f"{rng.randint(1, 200)} หมู่ {rng.randint(1, 12)} ต.{district['name_th']} "
                                  f"อ.{district['name_th']} จ.{province['name_th']} {rng.randint(10000, 96999)}")
            writer.writerow(row)
    with open(expected_path(path), "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=EXPECTED_COLUMNS)
        writer.writeheader()
        writer.writerows(expected)
    return path


def expected_path(path):
    path = Path(path)
    return path.with_name(f"{path.stem}_expected.csv")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path")
    parser.add_argument("--rows", type=int, default=240)
    parser.add_argument("--seed", type=int, default=2562)
    arguments = parser.parse_args()
    print(write_sheet(arguments.path, arguments.rows, arguments.seed))


if __name__ == "__main__":
    main()
