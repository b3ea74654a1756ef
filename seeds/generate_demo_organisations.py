"""Generate seeds/demo_organisations.csv: made-up civil-society organisations for demonstrations.

Every organisation is invented: its name is put together from a type, a theme of an issue area and a
made-up village or a real district or province, its description from sentences written per theme, and
its contacts are placeholders (phone numbers in 555, addresses at example.org). Refs start with DEMO-
and `flask seed --demo` imports the file with is_demo set, so the rows can be told apart and removed.

Standard library only, with a fixed seed: running it again writes the same bytes, which the tests check.

    python seeds/generate_demo_organisations.py [--output PATH]
"""
from __future__ import annotations

import argparse
import csv
import math
import random
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parent
SEED = 20240601
COLUMNS = [
    "ref", "name_th", "name_en", "type", "province", "district", "issue_areas", "description_th",
    "description_en", "address", "lat", "lon", "phone", "email", "website", "facebook", "line_id",
    "founded_year",
]
BANGKOK = "10"
MAX_OFFSET_KM = 4.0  # a given position lies this close to its district's point, or closer
KM_PER_DEGREE = 111.32

# Which provinces a theme suits; a theme without a condition suits them all.
COASTAL = {"11", "20", "21", "22", "23", "24", "74", "75", "76", "77", "80", "81", "82", "83", "84",
           "85", "86", "90", "91", "92", "94", "96"}
DEEP_SOUTH = {"90", "94", "95", "96"}
MUSLIM_MAJORITY = {"91", "94", "95", "96"}
CITIES = {"10", "11", "12", "20", "30", "34", "40", "41", "50", "65", "83", "90"}
BORDERLANDS = {"10", "63", "70", "71", "85"}  # besides the North: where most stateless people live
CONDITIONS = {
    "coastal": lambda p: p.code in COASTAL,
    "north": lambda p: p.region == "North" or p.code == "63",
    "deep_south": lambda p: p.code in DEEP_SOUTH,
    "not_deep_south": lambda p: p.code not in DEEP_SOUTH,
    "city": lambda p: p.code in CITIES,
    "bangkok": lambda p: p.code == BANGKOK,
    "rural": lambda p: p.code != BANGKOK,
    "borderland": lambda p: p.region == "North" or p.code in BORDERLANDS,
    "northeast": lambda p: p.region == "Northeast",
    "south": lambda p: p.region == "South",
}


def T(th, en, when=None):
    """A Thai text, its English counterpart and, optionally, the condition a province must meet."""
    return (th, en, when)


def theme(acts=(), members=(), products=(), does=(), targets=(), when=None, weight=1):
    return {"acts": list(acts), "members": list(members), "products": list(products), "does": list(does),
            "targets": list(targets), "when": when, "weight": weight}


# Per issue area: how often it is an organisation's main one, the areas that go with it, and its themes.
# A theme gives names (acts: "อนุรักษ์ป่าชุมชน" for "กลุ่ม..."; members: "ผู้สูงอายุ" for "ชมรม...";
# products for enterprises), what an organisation on it does (verb phrases) and whom it serves.
ISSUE_AREAS = {
    "community-development": {"weight": 1.2, "related": [
        "good-governance", "community-economy", "environment", "disaster-relief"], "themes": [
        theme(acts=[T("พัฒนาชุมชน", "Community Development"), T("พัฒนาคุณภาพชีวิต", "Quality of Life Development"),
                    T("ฟื้นฟูชุมชน", "Community Revitalisation")],
              members=[T("ผู้นำชุมชน", "Community Leaders"), T("อาสาพัฒนา", "Development Volunteers")],
              does=[T("จัดเวทีประชาคมให้ชาวบ้านร่วมกันทำแผนพัฒนาหมู่บ้านและติดตามงบประมาณของท้องถิ่น",
                      "holds village forums where residents draw up a village development plan together and "
                      "follow the local budget"),
                    T("อบรมผู้นำชุมชนรุ่นใหม่ด้านการบริหารโครงการ การเงิน และการสื่อสาร",
                      "trains a new generation of community leaders in project management, finance and "
                      "communication"),
                    T("ทำข้อมูลชุมชนและแผนที่ทรัพยากรเพื่อใช้วางแผนร่วมกับองค์กรปกครองส่วนท้องถิ่น",
                      "gathers community data and resource maps to plan together with local government")],
              targets=[T("ผู้นำชุมชนและคณะกรรมการหมู่บ้าน", "community leaders and village committees"),
                       T("ครัวเรือนที่มีรายได้น้อย", "low-income households")]),
        theme(acts=[T("บ้านมั่นคง", "Secure Housing"), T("พัฒนาที่อยู่อาศัย", "Housing Development")],
              members=[T("ชาวชุมชนริมคลอง", "Canal-side Residents", "city")],
              does=[T("ปรับปรุงบ้านและสาธารณูปโภคร่วมกับชุมชนแออัดตามแนวทางโครงการบ้านมั่นคง",
                      "upgrades homes and basic services with crowded low-income communities in the Baan "
                      "Mankong secure housing way"),
                    T("เจรจาเช่าที่ดินระยะยาวกับเจ้าของที่ดินเพื่อไม่ให้ชาวชุมชนถูกไล่รื้อ",
                      "negotiates long-term land leases with landowners so that residents are not evicted")],
              targets=[T("ครอบครัวรายได้น้อยที่ไม่มีที่อยู่อาศัยมั่นคง", "low-income families without secure housing"),
                       T("ชาวชุมชนแออัดในเมือง", "residents of crowded urban communities")]),
    ]},
    "disadvantaged-rights": {"weight": 1.0, "related": [
        "rights-protection", "healthcare-access", "community-development", "child-education"], "themes": [
        theme(acts=[T("ช่วยเหลือผู้ไร้สัญชาติ", "Support for Stateless People"),
                    T("ช่วยเหลือด้านสถานะบุคคล", "Legal Status Assistance")],
              members=[T("ผู้ไร้สัญชาติ", "Stateless People"), T("ชนเผ่าพื้นเมือง", "Indigenous Peoples")],
              does=[T("ช่วยผู้ไร้สัญชาติและผู้ที่ไม่มีเอกสารทางทะเบียนราษฎรยื่นขอสถานะและสัญชาติไทย",
                      "helps stateless people and those without civil registration documents apply for legal "
                      "status and Thai nationality"),
                    T("ทำฐานข้อมูลผู้ไร้สัญชาติและผู้ไม่มีบัตรประชาชน แล้วพาไปยื่นคำร้องที่ที่ว่าการอำเภอ",
                      "keeps records of stateless people and people without ID cards and goes with them to file "
                      "requests at the district office")],
              targets=[T("ผู้ไร้สัญชาติและชนเผ่าพื้นเมืองบนพื้นที่สูง", "stateless people and indigenous highland "
                         "communities"),
                       T("เด็กที่ไม่มีสูติบัตร", "children without birth certificates")],
              when="borderland", weight=2),
        theme(acts=[T("ช่วยเหลือคนไร้บ้าน", "Homeless Support")],
              members=[T("คนไร้บ้าน", "Homeless People")],
              does=[T("ตั้งครัวกลางและจุดแจกอาหารสำหรับคนไร้บ้าน พร้อมบริการตัดผมและตรวจสุขภาพ",
                      "runs a community kitchen and food point for homeless people, with haircuts and health "
                      "checks"),
                    T("หาที่พักชั่วคราวและงานให้คนไร้บ้านเพื่อให้กลับมาตั้งหลักได้",
                      "finds temporary shelter and work for homeless people so they can get back on their feet")],
              targets=[T("คนไร้บ้านและผู้มีรายได้น้อยในเมือง", "homeless people and the urban poor")],
              when="city"),
        theme(acts=[T("ช่วยเหลือผู้ด้อยโอกาส", "Support for the Disadvantaged")],
              members=[T("ผู้ด้อยโอกาส", "Disadvantaged People")],
              does=[T("ประสานสวัสดิการแห่งรัฐให้ครอบครัวยากจนที่ตกหล่นจากระบบ",
                      "connects poor families who have fallen through the gaps with state welfare"),
                    T("ให้คำปรึกษาและจัดหาที่พักชั่วคราวแก่ผู้พ้นโทษที่กลับสู่ชุมชน",
                      "offers counselling and temporary shelter to former prisoners returning to their "
                      "communities")],
              targets=[T("ครอบครัวยากจนและผู้ด้อยโอกาส", "poor families and disadvantaged people"),
                       T("ผู้พ้นโทษและครอบครัว", "former prisoners and their families")]),
    ]},
    "health-promotion": {"weight": 1.0, "related": [
        "healthcare-access", "elderly-care", "agriculture-food", "children-youth"], "themes": [
        theme(acts=[T("ส่งเสริมสุขภาพ", "Health Promotion"), T("สร้างเสริมสุขภาวะชุมชน", "Community Well-being")],
              members=[T("อาสาสมัครสาธารณสุข", "Village Health Volunteers"), T("คนรักสุขภาพ", "Health Enthusiasts")],
              products=[T("อาหารสุขภาพ", "Healthy Food")],
              does=[T("จัดกิจกรรมออกกำลังกาย รำไม้พลอง และคัดกรองความดันโลหิตและเบาหวานทุกเดือน",
                      "organises exercise sessions and monthly blood pressure and diabetes screening"),
                    T("สอนการปรุงอาหารลดหวาน มัน เค็ม และการปลูกผักสวนครัวไว้กินเอง",
                      "teaches cooking with less sugar, fat and salt and growing vegetables at home")],
              targets=[T("ผู้ป่วยโรคเบาหวานและความดันโลหิตสูง", "people with diabetes and high blood pressure"),
                       T("ครอบครัวและคนวัยทำงาน", "families and working-age adults")]),
        theme(acts=[T("งดเหล้าและบุหรี่", "Alcohol and Tobacco Control")],
              does=[T("รณรงค์งานบุญประเพณีและงานศพปลอดเหล้าและบุหรี่",
                      "campaigns for festivals and funerals free of alcohol and cigarettes"),
                    T("ช่วยผู้ติดสุราให้เลิกดื่มโดยติดตามเยี่ยมบ้านร่วมกับโรงพยาบาลส่งเสริมสุขภาพตำบล",
                      "helps heavy drinkers quit with home visits together with the subdistrict health "
                      "promoting hospital")],
              targets=[T("ผู้ดื่มสุราและครอบครัว", "drinkers and their families"),
                       T("นักเรียนและเยาวชน", "pupils and young people")],
              when="not_deep_south"),
        theme(acts=[T("สุขภาพจิตชุมชน", "Community Mental Health")],
              members=[T("อาสาสมัครรับฟัง", "Listening Volunteers")],
              products=[T("ให้คำปรึกษาออนไลน์", "Online Counselling")],
              does=[T("ส่งเสริมสุขภาพจิตและป้องกันการฆ่าตัวตายโดยมีอาสาสมัครคอยรับฟังปัญหา",
                      "promotes mental health and prevents suicide with volunteers who listen"),
                    T("จัดกลุ่มช่วยเหลือกันเองสำหรับผู้มีภาวะซึมเศร้าและครอบครัว",
                      "runs self-help groups for people with depression and their families")],
              targets=[T("ผู้มีภาวะซึมเศร้าและผู้ดูแล", "people with depression and their carers"),
                       T("วัยรุ่นและคนวัยทำงานที่มีความเครียด", "teenagers and working adults under stress")]),
    ]},
    "rights-protection": {"weight": 0.9, "related": [
        "disadvantaged-rights", "good-governance", "labour-migrants", "environment"], "themes": [
        theme(acts=[T("สิทธิมนุษยชน", "Human Rights"), T("ช่วยเหลือทางกฎหมาย", "Legal Aid")],
              members=[T("นักปกป้องสิทธิมนุษยชน", "Human Rights Defenders"), T("ทนายความอาสา", "Volunteer Lawyers")],
              does=[T("ให้ความช่วยเหลือทางกฎหมายโดยไม่คิดค่าใช้จ่ายแก่ผู้ถูกละเมิดสิทธิมนุษยชน",
                      "gives free legal aid to victims of human rights violations"),
                    T("ติดตามและบันทึกกรณีการละเมิดสิทธิมนุษยชน แล้วเผยแพร่รายงานต่อสาธารณะ",
                      "monitors and documents human rights violations and publishes reports")],
              targets=[T("ผู้ถูกละเมิดสิทธิและครอบครัว", "victims of rights violations and their families"),
                       T("นักปกป้องสิทธิมนุษยชนในพื้นที่", "local human rights defenders")]),
        theme(acts=[T("สิทธิชุมชน", "Community Rights"), T("สิทธิในที่ดินทำกิน", "Land Rights")],
              members=[T("เกษตรกรไร้ที่ดิน", "Landless Farmers")],
              does=[T("อบรมกฎหมายเบื้องต้นและสิทธิชุมชนในการจัดการทรัพยากรธรรมชาติ",
                      "teaches basic law and community rights over natural resources"),
                    T("ช่วยเหลือชาวบ้านที่ถูกฟ้องคดีจากข้อพิพาทเรื่องที่ดินทำกินกับรัฐ",
                      "supports villagers sued in disputes with the state over farmland"),
                    T("ทำแผนที่การใช้ที่ดินของชุมชนเพื่อยื่นขอโฉนดชุมชน",
                      "maps community land use to apply for a community land title")],
              targets=[T("ชุมชนที่มีข้อพิพาทเรื่องที่ดิน", "communities in land disputes"),
                       T("เกษตรกรไร้ที่ดินทำกิน", "landless farmers")],
              when="rural"),
    ]},
    "healthcare-access": {"weight": 1.0, "related": [
        "health-promotion", "elderly-care", "disadvantaged-rights", "disability"], "themes": [
        theme(acts=[T("เข้าถึงบริการสุขภาพ", "Health Access"), T("หลักประกันสุขภาพ", "Health Coverage")],
              members=[T("ผู้ป่วยโรคไต", "Kidney Patients"), T("ผู้ป่วยมะเร็ง", "Cancer Patients")],
              does=[T("ช่วยผู้ป่วยใช้สิทธิหลักประกันสุขภาพถ้วนหน้าและประสานการส่งต่อไปโรงพยาบาลจังหวัด",
                      "helps patients use their universal health coverage and arranges referrals to the "
                      "provincial hospital"),
                    T("จัดรถรับส่งผู้ป่วยไปฟอกไต รับเคมีบำบัด และพบแพทย์ตามนัด",
                      "drives patients to dialysis, chemotherapy and hospital appointments")],
              targets=[T("ผู้ป่วยโรคเรื้อรังในพื้นที่ห่างไกล", "chronically ill patients in remote areas"),
                       T("ผู้ป่วยที่ไม่มีญาติดูแล", "patients without relatives to care for them")]),
        theme(acts=[T("ดูแลผู้ป่วยที่บ้าน", "Home Care"), T("ดูแลผู้ป่วยระยะท้าย", "Palliative Care")],
              members=[T("อาสาสมัครบริบาล", "Care Volunteers")],
              does=[T("ส่งอาสาสมัครเยี่ยมบ้านผู้ป่วยติดเตียงและผู้ป่วยระยะท้าย",
                      "sends volunteers to visit bedridden and terminally ill patients at home"),
                    T("อบรมครอบครัวให้ดูแลผู้ป่วยระยะท้ายที่บ้านอย่างมีศักดิ์ศรี",
                      "trains families to care for dying relatives at home with dignity")],
              targets=[T("ผู้ป่วยติดเตียงและผู้ป่วยระยะท้าย", "bedridden and terminally ill patients"),
                       T("ญาติผู้ดูแลผู้ป่วย", "family carers")]),
        theme(acts=[T("ป้องกันเอชไอวีและเอดส์", "HIV Prevention")],
              members=[T("ผู้ติดเชื้อเอชไอวี", "People Living with HIV")],
              does=[T("ให้คำปรึกษาเรื่องการรักษาและการกินยาต้านไวรัสอย่างต่อเนื่อง",
                      "counsels people on treatment and on taking antiretroviral medicine without a break"),
                    T("แจกถุงยางอนามัยและพาไปตรวจเอชไอวีโดยสมัครใจ",
                      "hands out condoms and goes with people to voluntary HIV testing")],
              targets=[T("ผู้ติดเชื้อเอชไอวีและครอบครัว", "people living with HIV and their families"),
                       T("เยาวชนและกลุ่มเสี่ยง", "young people and key populations")],
              when="not_deep_south"),
    ]},
    "child-education": {"weight": 1.1, "related": [
        "children-youth", "disadvantaged-rights", "culture-heritage", "media-communication"], "themes": [
        theme(acts=[T("ทุนการศึกษา", "Scholarship"), T("ส่งเสริมการศึกษา", "Education Promotion")],
              products=[T("ติวเตอร์ชุมชน", "Community Tutoring")],
              does=[T("มอบทุนการศึกษาและอุปกรณ์การเรียนให้เด็กจากครอบครัวยากจนไม่ให้หลุดออกจากระบบการศึกษา",
                      "gives scholarships and school supplies so that children from poor families stay in school"),
                    T("สอนภาษาไทย ภาษาอังกฤษ และคณิตศาสตร์เสริมให้เด็กที่เรียนไม่ทันเพื่อน",
                      "gives extra Thai, English and maths lessons to children who fall behind")],
              targets=[T("เด็กจากครอบครัวยากจน", "children from poor families"),
                       T("นักเรียนในโรงเรียนขนาดเล็ก", "pupils of small schools")]),
        theme(acts=[T("ห้องสมุดชุมชน", "Community Library"), T("ส่งเสริมการอ่าน", "Reading Promotion")],
              products=[T("หนังสือเด็ก", "Children's Books")],
              does=[T("เปิดห้องสมุดชุมชนและจัดกิจกรรมรักการอ่านหลังเลิกเรียนและวันหยุด",
                      "opens a community library with reading activities after school and at weekends"),
                    T("นำรถห้องสมุดเคลื่อนที่ไปตามหมู่บ้านและโรงเรียนขนาดเล็ก",
                      "drives a mobile library round villages and small schools")],
              targets=[T("เด็กอายุ 3-12 ปีและผู้ปกครอง", "children aged 3 to 12 and their parents")]),
        theme(acts=[T("การศึกษาทางเลือก", "Alternative Education")],
              members=[T("ครูอาสา", "Volunteer Teachers")],
              does=[T("จัดการศึกษาทางเลือกและศูนย์การเรียนสำหรับเด็กที่ไม่มีสถานะทางทะเบียน",
                      "runs alternative education and a learning centre for children without civil registration"),
                    T("ส่งครูอาสาไปสอนในโรงเรียนขนาดเล็กและศูนย์การเรียนบนพื้นที่สูง",
                      "sends volunteer teachers to small schools and learning centres in the highlands")],
              targets=[T("เด็กนอกระบบการศึกษา", "out-of-school children"),
                       T("เด็กบนพื้นที่สูงและพื้นที่ห่างไกล", "children in highland and remote areas")],
              when="borderland"),
    ]},
    "elderly-care": {"weight": 1.4, "related": [
        "health-promotion", "healthcare-access", "culture-heritage", "community-economy"], "themes": [
        theme(acts=[T("ดูแลผู้สูงอายุ", "Elderly Care"), T("อาสาบริบาลผู้สูงอายุ", "Elderly Home Care")],
              members=[T("ผู้ดูแลผู้สูงอายุ", "Elderly Carers")],
              products=[T("บริการบริบาลผู้สูงอายุ", "Elderly Care Services")],
              does=[T("จัดอาสาสมัครเยี่ยมบ้านและดูแลผู้สูงอายุที่อยู่ลำพังหรือติดเตียง",
                      "organises volunteers who visit and look after older people living alone or bedridden"),
                    T("อบรมผู้ดูแลผู้สูงอายุในครอบครัวและให้ยืมกายอุปกรณ์ เช่น เตียงและรถเข็น",
                      "trains family carers of older people and lends out equipment such as beds and "
                      "wheelchairs")],
              targets=[T("ผู้สูงอายุที่อยู่ลำพัง", "older people who live alone"),
                       T("ผู้สูงอายุติดบ้านติดเตียงและผู้ดูแล", "housebound and bedridden older people and "
                         "their carers")]),
        theme(acts=[T("พัฒนาคุณภาพชีวิตผู้สูงอายุ", "Active Ageing")],
              members=[T("ผู้สูงอายุ", "Older Persons"), T("ผู้เกษียณอายุ", "Retirees")],
              does=[T("เปิดโรงเรียนผู้สูงอายุที่สอนการดูแลสุขภาพ การใช้สมาร์ตโฟน และงานฝีมือ",
                      "runs an elderly school that teaches health care, smartphone use and handicrafts"),
                    T("ดูแลกองทุนฌาปนกิจและกองทุนสวัสดิการสำหรับสมาชิกผู้สูงอายุ",
                      "keeps a funeral fund and a welfare fund for older members"),
                    T("จัดกิจกรรมให้ผู้สูงอายุถ่ายทอดภูมิปัญญาท้องถิ่นสู่คนรุ่นใหม่",
                      "arranges for older people to pass local knowledge on to the young")],
              targets=[T("สมาชิกชมรมผู้สูงอายุ", "members of elderly clubs"),
                       T("ผู้สูงอายุวัยต้นที่ยังแข็งแรง", "older people in their sixties who are still active")]),
    ]},
    "children-youth": {"weight": 1.3, "related": [
        "child-education", "health-promotion", "media-communication", "culture-heritage", "environment"],
        "themes": [
        theme(acts=[T("พัฒนาเด็กและเยาวชน", "Child and Youth Development")],
              members=[T("เยาวชน", "Youth"), T("เด็กและเยาวชน", "Children and Youth"),
                       T("เยาวชนรักษ์ถิ่น", "Hometown Youth"), T("เยาวชนจิตอาสา", "Youth Volunteers")],
              does=[T("จัดค่ายเยาวชนและพื้นที่สร้างสรรค์ให้เด็กได้เล่นดนตรี เล่นกีฬา และทำโครงงานในชุมชน",
                      "runs youth camps and creative spaces where children play music and sport and do "
                      "community projects"),
                    T("ฝึกเยาวชนทำสื่อ สืบค้นประวัติศาสตร์ และทำแผนที่ทรัพยากรของหมู่บ้าน",
                      "trains young people to make media, research local history and map village resources")],
              targets=[T("เด็กและเยาวชนอายุ 10-24 ปี", "children and young people aged 10 to 24"),
                       T("เยาวชนนอกระบบการศึกษา", "young people out of school")]),
        theme(acts=[T("คุ้มครองเด็ก", "Child Protection"), T("ป้องกันยาเสพติดในเยาวชน", "Youth Drug Prevention")],
              does=[T("ช่วยเหลือเด็กที่ถูกทารุณกรรมและประสานบ้านพักเด็กกับหน่วยงานรัฐ",
                      "helps abused children and works with state agencies to find them shelter"),
                    T("ป้องกันยาเสพติดและการตั้งครรภ์ไม่พร้อมในวัยรุ่นด้วยกิจกรรมเพื่อนช่วยเพื่อน",
                      "prevents drug use and unplanned teenage pregnancy through peer-to-peer activities")],
              targets=[T("เด็กในครอบครัวเปราะบาง", "children in vulnerable families"),
                       T("วัยรุ่นกลุ่มเสี่ยง", "teenagers at risk")]),
        theme(acts=[T("พัฒนาเด็กปฐมวัย", "Early Childhood Development")],
              does=[T("ดูแลศูนย์พัฒนาเด็กเล็กและอบรมพ่อแม่เรื่องพัฒนาการและโภชนาการของลูก",
                      "runs a childcare centre and teaches parents about child development and nutrition")],
              targets=[T("เด็กปฐมวัยและผู้ปกครอง", "young children and their parents"),
                       T("เด็กที่ปู่ย่าตายายเลี้ยงดู", "children raised by their grandparents")]),
    ]},
    "women-gender": {"weight": 1.0, "related": [
        "rights-protection", "community-economy", "children-youth", "peace-building"], "themes": [
        theme(acts=[T("ยุติความรุนแรงต่อผู้หญิง", "Ending Violence against Women")],
              does=[T("ให้คำปรึกษาและที่พักพิงแก่ผู้หญิงและเด็กที่ถูกกระทำความรุนแรงในครอบครัว",
                      "offers counselling and shelter to women and children who suffer domestic violence"),
                    T("อบรมอาสาสมัครในหมู่บ้านให้เฝ้าระวังและแจ้งเหตุความรุนแรงในครอบครัว",
                      "trains village volunteers to watch for and report domestic violence")],
              targets=[T("ผู้หญิงที่ประสบความรุนแรง", "women who have experienced violence"),
                       T("ผู้หญิงและเด็กในครอบครัวที่มีปัญหา", "women and children in troubled families")]),
        theme(acts=[T("พัฒนาบทบาทสตรี", "Women's Empowerment")],
              members=[T("สตรี", "Women"), T("แม่บ้านเกษตรกร", "Farm Women")],
              does=[T("ฝึกอาชีพและทักษะการเงินให้ผู้หญิงเพื่อให้มีรายได้เป็นของตนเอง",
                      "gives women vocational and money skills so that they have an income of their own"),
                    T("สนับสนุนให้ผู้หญิงลงสมัครสมาชิกสภาท้องถิ่นและมีบทบาทในคณะกรรมการหมู่บ้าน",
                      "encourages women to stand for local councils and to sit on village committees")],
              targets=[T("แม่เลี้ยงเดี่ยวและผู้หญิงที่เป็นหัวหน้าครอบครัว", "single mothers and women heading "
                         "households"),
                       T("ผู้หญิงในชนบท", "rural women")]),
        theme(acts=[T("ความเสมอภาคทางเพศ", "Gender Equality")],
              members=[T("ผู้มีความหลากหลายทางเพศ", "LGBTQ+ People")],
              does=[T("รณรงค์ยุติการเลือกปฏิบัติต่อผู้มีความหลากหลายทางเพศในที่ทำงานและสถานศึกษา",
                      "campaigns against discrimination of LGBTQ+ people at work and in schools"),
                    T("ให้คำปรึกษาเรื่องสุขภาพและสิทธิแก่ผู้มีความหลากหลายทางเพศ",
                      "offers health and rights counselling to LGBTQ+ people")],
              targets=[T("ผู้มีความหลากหลายทางเพศ", "LGBTQ+ people"), T("ครูและนักเรียน", "teachers and pupils")],
              when="city"),
    ]},
    "disability": {"weight": 1.1, "related": [
        "disadvantaged-rights", "healthcare-access", "rights-protection", "community-economy"], "themes": [
        theme(acts=[T("ฟื้นฟูสมรรถภาพคนพิการโดยชุมชน", "Community-Based Rehabilitation")],
              members=[T("คนพิการ", "Persons with Disabilities"),
                       T("ผู้ปกครองเด็กพิเศษ", "Parents of Children with Special Needs")],
              does=[T("ฟื้นฟูสมรรถภาพคนพิการที่บ้านโดยอาสาสมัครในชุมชน และจัดหากายอุปกรณ์ เช่น รถเข็นและไม้ค้ำยัน",
                      "provides home-based rehabilitation by community volunteers and supplies aids such as "
                      "wheelchairs and crutches"),
                    T("ช่วยคนพิการขึ้นทะเบียน รับเบี้ยความพิการ และเข้าถึงสิทธิการจ้างงาน",
                      "helps persons with disabilities register, receive the disability allowance and use "
                      "their employment rights")],
              targets=[T("คนพิการและผู้ดูแล", "persons with disabilities and their carers"),
                       T("เด็กพิเศษและครอบครัว", "children with special needs and their families")]),
        theme(acts=[T("ส่งเสริมอาชีพคนพิการ", "Disability Employment")],
              members=[T("คนตาบอด", "Blind People"), T("คนหูหนวก", "Deaf People"), T("คนพิการ", "Disabled People")],
              products=[T("นวดแผนไทยโดยคนตาบอด", "Blind Thai Massage"), T("หัตถกรรมคนพิการ", "Disability Crafts")],
              does=[T("ฝึกอาชีพนวดแผนไทย งานประดิษฐ์ และการขายออนไลน์ให้คนพิการ",
                      "trains persons with disabilities in Thai massage, crafts and online selling"),
                    T("สอนภาษามือและรณรงค์ให้สถานที่ราชการมีทางลาดและห้องน้ำสำหรับคนพิการ",
                      "teaches sign language and campaigns for ramps and accessible toilets in public buildings")],
              targets=[T("คนพิการวัยทำงาน", "working-age persons with disabilities"),
                       T("คนตาบอดและคนหูหนวก", "blind and deaf people")]),
    ]},
    "labour-migrants": {"weight": 0.8, "related": [
        "rights-protection", "healthcare-access", "child-education", "disadvantaged-rights"], "themes": [
        theme(acts=[T("คุ้มครองแรงงานข้ามชาติ", "Migrant Worker Protection")],
              members=[T("แรงงานข้ามชาติ", "Migrant Workers")],
              does=[T("ให้ข้อมูลเรื่องสิทธิแรงงานและช่วยแรงงานข้ามชาติต่อใบอนุญาตทำงานโดยไม่ต้องผ่านนายหน้า",
                      "informs migrant workers of their rights and helps them renew work permits without "
                      "brokers"),
                    T("จัดล่ามภาษาเมียนมา กัมพูชา และลาว ในโรงพยาบาลและสถานีตำรวจ",
                      "provides Myanmar, Khmer and Lao interpreters at hospitals and police stations"),
                    T("ดูแลลูกของแรงงานข้ามชาติในศูนย์เด็กเล็กระหว่างที่พ่อแม่ทำงาน",
                      "looks after migrant workers' children in a day-care centre while their parents work")],
              targets=[T("แรงงานข้ามชาติและครอบครัว", "migrant workers and their families"),
                       T("คนงานในโรงงานและไซต์ก่อสร้าง", "factory and construction workers")]),
        theme(acts=[T("ส่งเสริมสิทธิแรงงาน", "Labour Rights")],
              members=[T("แรงงานนอกระบบ", "Informal Workers"), T("ลูกจ้างทำงานบ้าน", "Domestic Workers"),
                       T("ผู้รับงานไปทำที่บ้าน", "Home-Based Workers")],
              does=[T("รับเรื่องร้องเรียนกรณีค่าจ้างค้างจ่ายและประสานสำนักงานสวัสดิการและคุ้มครองแรงงาน",
                      "takes complaints about unpaid wages and follows them up with the labour protection office"),
                    T("ส่งเสริมให้แรงงานนอกระบบเข้าประกันสังคมมาตรา 40 และรวมกลุ่มกันต่อรอง",
                      "encourages informal workers to join social security under Section 40 and to organise")],
              targets=[T("แรงงานนอกระบบ เช่น ผู้รับงานไปทำที่บ้านและผู้ค้าหาบเร่แผงลอย",
                         "informal workers such as home-based workers and street vendors"),
                       T("ลูกจ้างรายวันและคนงานรับเหมาช่วง", "day labourers and subcontracted workers")]),
        theme(acts=[T("คุ้มครองแรงงานประมง", "Fishery Worker Protection")],
              members=[T("แรงงานประมง", "Fishery Workers")],
              does=[T("ตรวจเยี่ยมแรงงานบนเรือประมงและท่าเรือเพื่อป้องกันการบังคับใช้แรงงาน",
                      "visits workers on fishing boats and in ports to prevent forced labour"),
                    T("สอนภาษาไทยและสิทธิแรงงานให้ลูกเรือประมงข้ามชาติ",
                      "teaches Thai and labour rights to migrant fishing crews")],
              targets=[T("ลูกเรือประมงข้ามชาติ", "migrant fishing crews")],
              when="coastal"),
    ]},
    "environment": {"weight": 1.4, "related": [
        "community-development", "agriculture-food", "disaster-relief", "children-youth", "rights-protection"],
        "themes": [
        theme(acts=[T("อนุรักษ์ป่าชุมชน", "Community Forest Conservation"),
                    T("อนุรักษ์ต้นน้ำ", "Headwater Conservation")],
              members=[T("อาสาสมัครพิทักษ์ป่า", "Forest Guard Volunteers")],
              does=[T("ดูแลป่าชุมชน ทำแนวกันไฟ และลาดตระเวนป้องกันการลักลอบตัดไม้",
                      "looks after the community forest, cuts firebreaks and patrols against illegal logging"),
                    T("สร้างฝายชะลอน้ำและปลูกป่าต้นน้ำในเขตป่าชุมชนร่วมกับโรงเรียนและองค์การบริหารส่วนตำบล",
                      "builds check dams and replants the headwaters of the community forest with schools and "
                      "the subdistrict administration")],
              targets=[T("ชุมชนรอบป่าและลุ่มน้ำ", "communities around the forest and watershed"),
                       T("นักเรียนและเยาวชนในพื้นที่", "local pupils and young people")],
              when="rural", weight=3),
        theme(acts=[T("จัดการขยะ", "Waste Management"), T("ธนาคารขยะ", "Waste Bank")],
              products=[T("รีไซเคิล", "Recycling")],
              does=[T("ตั้งธนาคารขยะและสอนการคัดแยกขยะในครัวเรือน โรงเรียน และตลาด",
                      "runs a waste bank and teaches waste sorting in homes, schools and markets"),
                    T("ทำปุ๋ยหมักจากเศษอาหารและรณรงค์ลดการใช้ถุงพลาสติกในตลาดสด",
                      "turns food scraps into compost and campaigns against plastic bags in the fresh market")],
              targets=[T("ครัวเรือนและร้านค้าในเขตเทศบาล", "households and shops in the municipality"),
                       T("โรงเรียนและตลาดสด", "schools and fresh markets")]),
        theme(acts=[T("พลังงานทางเลือก", "Alternative Energy"), T("พลังงานชุมชน", "Community Energy")],
              products=[T("โซลาร์เซลล์ชุมชน", "Community Solar")],
              does=[T("ติดตั้งแผงโซลาร์เซลล์และเตาชีวมวลให้ชุมชนลดค่าใช้จ่ายด้านพลังงาน",
                      "installs solar panels and biomass stoves so that communities spend less on energy"),
                    T("สอนชาวบ้านสร้างเตาประหยัดพลังงานและบ่อก๊าซชีวภาพจากมูลสัตว์",
                      "teaches villagers to build efficient stoves and biogas pits fed with manure")],
              targets=[T("ครัวเรือนเกษตรกร", "farming households"),
                       T("โรงเรียนและวัดที่อยู่ห่างไกลสายไฟฟ้า", "schools and temples far from the grid")],
              when="rural"),
        theme(acts=[T("เฝ้าระวังมลพิษ", "Pollution Watch")],
              does=[T("เฝ้าระวังมลพิษทางอากาศและทางน้ำจากโรงงาน และเผยแพร่ข้อมูลให้ชุมชน",
                      "monitors air and water pollution from factories and shares the findings with residents"),
                    T("ตรวจวัดฝุ่น PM2.5 และแจ้งเตือนผ่านไลน์กลุ่มของชุมชน",
                      "measures PM2.5 dust and sends alerts to the community LINE group")],
              targets=[T("ชุมชนรอบนิคมอุตสาหกรรม", "communities near industrial estates"),
                       T("เด็กเล็กและผู้ป่วยโรคทางเดินหายใจ", "young children and people with respiratory illness")]),
        theme(acts=[T("อนุรักษ์ป่าชายเลน", "Mangrove Conservation"),
                    T("อนุรักษ์ทะเลและชายฝั่ง", "Marine and Coastal Conservation")],
              members=[T("คนรักษ์ทะเล", "Sea Guardians")],
              products=[T("ท่องเที่ยวเชิงนิเวศ", "Ecotourism")],
              does=[T("ปลูกและฟื้นฟูป่าชายเลน ทำเขตอนุรักษ์สัตว์น้ำ และธนาคารปูม้า",
                      "replants mangroves and keeps fish conservation zones and a blue swimming crab bank"),
                    T("เก็บขยะตามชายหาดและป่าชายเลน และรณรงค์ลดพลาสติกกับร้านค้าและนักท่องเที่ยว",
                      "clears rubbish from beaches and mangroves and campaigns with shops and tourists to use "
                      "less plastic")],
              targets=[T("ชาวประมงพื้นบ้านและชุมชนชายฝั่ง", "small-scale fishers and coastal communities"),
                       T("นักท่องเที่ยวและผู้ประกอบการริมทะเล", "tourists and seaside businesses")],
              when="coastal", weight=3),
    ]},
    "agriculture-food": {"weight": 1.4, "related": [
        "environment", "community-economy", "health-promotion", "consumer-protection"], "themes": [
        theme(acts=[T("เกษตรอินทรีย์", "Organic Farming"), T("เกษตรกรรมยั่งยืน", "Sustainable Agriculture")],
              members=[T("เกษตรกรอินทรีย์", "Organic Farmers"), T("เกษตรกรรุ่นใหม่", "Young Farmers")],
              products=[T("ข้าวอินทรีย์", "Organic Rice", "rural"), T("ผักอินทรีย์", "Organic Vegetables"),
                        T("ปุ๋ยอินทรีย์", "Organic Fertiliser"),
                        T("ข้าวหอมมะลิอินทรีย์", "Organic Jasmine Rice", "northeast")],
              does=[T("ส่งเสริมให้เกษตรกรเลิกใช้สารเคมีและปรับเปลี่ยนสู่เกษตรอินทรีย์ โดยมีระบบรับรองแบบมีส่วนร่วม",
                      "helps farmers give up agrochemicals and convert to organic farming, with a "
                      "participatory guarantee system"),
                    T("เปิดตลาดเขียวทุกสัปดาห์ให้เกษตรกรขายผักและผลผลิตจากเกษตรอินทรีย์ตรงถึงผู้บริโภค",
                      "holds a weekly green market where farmers sell organic vegetables and produce straight "
                      "to consumers")],
              targets=[T("เกษตรกรรายย่อย", "smallholder farmers"), T("ผู้บริโภคในเมือง", "consumers in town")],
              weight=2),
        theme(acts=[T("ธนาคารเมล็ดพันธุ์", "Seed Bank"), T("เกษตรผสมผสาน", "Integrated Farming")],
              members=[T("ชาวนา", "Rice Farmers"), T("เกษตรกร", "Farmers")],
              products=[T("ข้าวพันธุ์พื้นเมือง", "Heirloom Rice"), T("เพาะเห็ด", "Mushroom Growing")],
              does=[T("เก็บรักษาและแลกเปลี่ยนพันธุ์ข้าวพื้นบ้านผ่านธนาคารเมล็ดพันธุ์",
                      "keeps and exchanges local rice varieties through a seed bank"),
                    T("สอนการทำปุ๋ยหมัก น้ำหมักชีวภาพ และเกษตรผสมผสานตามหลักเศรษฐกิจพอเพียง",
                      "teaches composting, fermented bio-fertiliser and integrated farming in the spirit of the "
                      "sufficiency economy")],
              targets=[T("เกษตรกรรายย่อย", "smallholder farmers"),
                       T("คนหนุ่มสาวที่กลับมาทำเกษตรที่บ้านเกิด", "young people who came home to farm")],
              when="rural"),
        theme(acts=[T("อาหารปลอดภัย", "Safe Food")],
              members=[T("ผู้ปลูกผักปลอดสารพิษ", "Pesticide-Free Growers")],
              products=[T("ผักปลอดสารพิษ", "Pesticide-Free Vegetables"), T("ผลไม้แปรรูป", "Processed Fruit")],
              does=[T("ส่งผักและผลผลิตจากแปลงเกษตรของชุมชนเข้าโรงครัวโรงเรียนและโรงพยาบาล",
                      "supplies school and hospital kitchens with produce from community farms"),
                    T("ตรวจสารเคมีตกค้างในผักก่อนส่งขายและติดฉลากบอกแหล่งที่มา",
                      "tests vegetables for chemical residues before sale and labels where they come from")],
              targets=[T("โรงเรียนและโรงพยาบาลในพื้นที่", "local schools and hospitals"),
                       T("ผู้บริโภคที่ต้องการอาหารปลอดภัย", "consumers who want safe food")]),
        theme(acts=[T("วนเกษตร", "Agroforestry")],
              members=[T("เกษตรกรบนพื้นที่สูง", "Highland Farmers")],
              products=[T("กาแฟอาราบิก้า", "Arabica Coffee"), T("ชาอัสสัม", "Assam Tea")],
              does=[T("ส่งเสริมการปลูกกาแฟใต้ร่มไม้แทนข้าวโพดเชิงเดี่ยวเพื่อลดการเผาและหมอกควัน",
                      "promotes shade-grown coffee instead of monocrop maize to cut burning and haze")],
              targets=[T("เกษตรกรชาติพันธุ์บนพื้นที่สูง", "ethnic highland farmers")],
              when="north"),
        theme(acts=[T("ประมงพื้นบ้าน", "Small-Scale Fisheries")],
              members=[T("ชาวประมงพื้นบ้าน", "Small-Scale Fishers")],
              products=[T("อาหารทะเลแปรรูป", "Processed Seafood"), T("กะปิ", "Shrimp Paste")],
              does=[T("รวมกลุ่มขายอาหารทะเลปลอดฟอร์มาลีนตรงถึงผู้บริโภค",
                      "sells formalin-free seafood straight to consumers as a group"),
                    T("ต่อรองกับหน่วยงานรัฐเรื่องเขตทำประมงชายฝั่งและเครื่องมือประมงผิดกฎหมาย",
                      "negotiates with the authorities over coastal fishing zones and illegal fishing gear")],
              targets=[T("ชาวประมงพื้นบ้าน", "small-scale fishers")],
              when="coastal"),
    ]},
    "disaster-relief": {"weight": 0.8, "related": [
        "community-development", "environment", "healthcare-access", "media-communication"], "themes": [
        theme(acts=[T("เตรียมพร้อมรับมือภัยพิบัติ", "Disaster Preparedness"), T("เฝ้าระวังน้ำท่วม", "Flood Watch")],
              members=[T("อาสาสมัครป้องกันภัย", "Disaster Volunteers")],
              does=[T("จัดทำแผนรับมือภัยพิบัติของชุมชน ฝึกซ้อมอพยพ และติดตั้งระบบเตือนภัยน้ำท่วม",
                      "draws up community disaster plans, runs evacuation drills and installs flood warnings"),
                    T("แจกถุงยังชีพและช่วยซ่อมแซมบ้านเรือนหลังน้ำท่วมและวาตภัย",
                      "hands out relief packs and helps repair homes after floods and storms")],
              targets=[T("ครัวเรือนในพื้นที่เสี่ยงน้ำท่วม", "households in flood-prone areas"),
                       T("ชุมชนริมน้ำและเชิงเขา", "riverside and hillside communities")]),
        theme(acts=[T("กู้ภัย", "Rescue")],
              members=[T("อาสาสมัครกู้ภัย", "Rescue Volunteers")],
              does=[T("มีทีมอาสาสมัครกู้ภัยและรถพยาบาลฉุกเฉินพร้อมออกเหตุตลอด 24 ชั่วโมง",
                      "keeps a rescue volunteer team and an emergency ambulance ready around the clock"),
                    T("อบรมการปฐมพยาบาลและการช่วยชีวิตขั้นพื้นฐานให้นักเรียนและประชาชน",
                      "teaches first aid and basic life support to pupils and the public")],
              targets=[T("ผู้ประสบภัยและผู้บาดเจ็บจากอุบัติเหตุ", "disaster victims and people injured in "
                         "accidents"),
                       T("นักเรียนและประชาชนทั่วไป", "pupils and the general public")]),
        theme(acts=[T("ป้องกันไฟป่าและหมอกควัน", "Forest Fire and Haze Prevention")],
              does=[T("ทำแนวกันไฟและเฝ้าระวังจุดความร้อนในฤดูหมอกควัน",
                      "cuts firebreaks and watches for hotspots in the haze season"),
                    T("แจกหน้ากากกันฝุ่นและจัดห้องปลอดฝุ่นให้เด็กเล็กและผู้ป่วย",
                      "hands out dust masks and sets up clean-air rooms for young children and patients")],
              targets=[T("ชุมชนรอบป่า", "communities by the forest"),
                       T("เด็กเล็กและผู้ป่วยติดเตียง", "young children and bedridden patients")],
              when="north"),
        theme(acts=[T("รับมือภัยพิบัติชายฝั่ง", "Coastal Disaster Preparedness")],
              does=[T("ฝึกชาวประมงและโรงเรียนริมทะเลให้รับมือคลื่นสึนามิและพายุ",
                      "trains fishers and seaside schools to respond to tsunamis and storms")],
              targets=[T("ชุมชนชายฝั่งและโรงเรียนริมทะเล", "coastal communities and seaside schools")],
              when="coastal"),
    ]},
    "culture-heritage": {"weight": 1.1, "related": [
        "children-youth", "community-economy", "elderly-care", "child-education"], "themes": [
        theme(acts=[T("อนุรักษ์ศิลปวัฒนธรรม", "Arts and Culture Conservation"),
                    T("อนุรักษ์ดนตรีพื้นบ้าน", "Folk Music Conservation")],
              members=[T("ศิลปินพื้นบ้าน", "Folk Artists")],
              does=[T("สอนเด็กและเยาวชน{folk}ทุกเย็นวันเสาร์ที่ศูนย์การเรียนรู้ของชุมชน",
                      "teaches children and young people {folk} every Saturday evening at the community "
                      "learning centre"),
                    T("จัดงานประเพณีประจำปีและตลาดวัฒนธรรมร่วมกับ{worship}และโรงเรียน",
                      "holds yearly festivals and a culture market together with {worship} and schools")],
              targets=[T("เด็กและเยาวชนในหมู่บ้าน", "village children and young people"),
                       T("นักท่องเที่ยวและผู้สนใจวัฒนธรรมท้องถิ่น", "visitors interested in local culture")]),
        theme(acts=[T("สืบสานผ้าทอพื้นเมือง", "Traditional Weaving")],
              members=[T("ช่างทอผ้า", "Weavers")],
              products=[T("ผ้าทอมือ", "Handwoven Textiles"), T("เครื่องจักสาน", "Basketry"),
                        T("เครื่องปั้นดินเผา", "Pottery"), T("ผ้าไหมมัดหมี่", "Mudmee Silk", "northeast"),
                        T("ผ้าซิ่นตีนจก", "Teen Chok Textiles", "north"), T("ผ้าบาติก", "Batik", "south")],
              does=[T("ฟื้นฟูการทอผ้าลายดั้งเดิมและบันทึกลายผ้าจากผู้เฒ่าผู้แก่",
                      "revives traditional weaving patterns and records them from the elders"),
                    T("ช่วยช่างฝีมือออกแบบลายใหม่และขายผลงานผ่านร้านค้าออนไลน์",
                      "helps craftspeople design new patterns and sell their work online")],
              targets=[T("ช่างฝีมือและกลุ่มทอผ้า", "craftspeople and weaving groups"),
                       T("ผู้หญิงและผู้สูงอายุที่มีฝีมือทอผ้า", "women and older people skilled at weaving")]),
        theme(acts=[T("พิพิธภัณฑ์ชุมชน", "Community Museum"), T("สืบสานภูมิปัญญาท้องถิ่น", "Local Wisdom")],
              members=[T("ปราชญ์ชาวบ้าน", "Village Wisdom Keepers")],
              products=[T("สมุนไพรพื้นบ้าน", "Traditional Herbal Medicine")],
              does=[T("รวบรวมประวัติศาสตร์ ตำนาน และของเก่าของหมู่บ้านไว้ในพิพิธภัณฑ์ชุมชน",
                      "collects village history, legends and old objects in a community museum"),
                    T("บันทึกตำรายาสมุนไพรและความรู้ของหมอพื้นบ้านไม่ให้สูญหาย",
                      "records herbal remedies and the knowledge of traditional healers before they are lost")],
              targets=[T("เยาวชนและคนรุ่นใหม่", "young people"),
                       T("นักวิจัยและนักท่องเที่ยวเชิงวัฒนธรรม", "researchers and cultural tourists")]),
    ]},
    "good-governance": {"weight": 0.9, "related": [
        "rights-protection", "media-communication", "community-development", "peace-building"], "themes": [
        theme(acts=[T("ส่งเสริมประชาธิปไตย", "Democracy Promotion"), T("เฝ้าระวังการเลือกตั้ง", "Election Watch")],
              members=[T("พลเมืองตื่นรู้", "Active Citizens")],
              does=[T("อบรมพลเมืองเรื่องสิทธิและหน้าที่ตามรัฐธรรมนูญและการมีส่วนร่วมในการเลือกตั้ง",
                      "teaches citizens their constitutional rights and duties and how to take part in "
                      "elections"),
                    T("จัดเวทีสาธารณะให้ผู้สมัครรับเลือกตั้งตอบคำถามของประชาชน",
                      "holds public forums where election candidates answer residents' questions"),
                    T("ส่งอาสาสมัครสังเกตการณ์การเลือกตั้งและรายงานการซื้อสิทธิขายเสียง",
                      "sends volunteers to observe elections and report vote buying")],
              targets=[T("ผู้มีสิทธิเลือกตั้ง โดยเฉพาะผู้ใช้สิทธิครั้งแรก", "voters, first-time voters above all"),
                       T("สมาชิกสภาท้องถิ่นและผู้นำชุมชน", "local councillors and community leaders")]),
        theme(acts=[T("ต่อต้านคอร์รัปชัน", "Anti-Corruption"), T("ธรรมาภิบาลท้องถิ่น", "Local Governance")],
              does=[T("ติดตามการใช้งบประมาณขององค์กรปกครองส่วนท้องถิ่นและเปิดเผยข้อมูลให้ประชาชนตรวจสอบ",
                      "tracks local government spending and publishes it so that residents can check it"),
                    T("รับแจ้งเบาะแสการทุจริตในโครงการก่อสร้างของรัฐและติดตามจนได้คำตอบ",
                      "takes tip-offs about corruption in public works and follows them up until answered")],
              targets=[T("ประชาชนผู้เสียภาษีในท้องถิ่น", "local taxpayers"),
                       T("สมาชิกสภาท้องถิ่นและผู้นำชุมชน", "local councillors and community leaders")]),
    ]},
    "consumer-protection": {"weight": 0.8, "related": [
        "health-promotion", "agriculture-food", "media-communication", "rights-protection"], "themes": [
        theme(acts=[T("คุ้มครองผู้บริโภค", "Consumer Protection")],
              members=[T("ผู้บริโภค", "Consumers")],
              does=[T("รับเรื่องร้องเรียนของผู้บริโภคและช่วยไกล่เกลี่ยหรือฟ้องคดีกับผู้ประกอบการ",
                      "takes consumer complaints and helps settle them or take sellers to court"),
                    T("เตือนภัยแอปเงินกู้ผิดกฎหมายและแก๊งคอลเซ็นเตอร์ผ่านวิทยุชุมชนและไลน์กลุ่ม",
                      "warns of illegal loan apps and call-centre scams on community radio and LINE groups")],
              targets=[T("ผู้ซื้อสินค้าในตลาดและร้านค้าออนไลน์", "shoppers in markets and online"),
                       T("ผู้สูงอายุและผู้มีรายได้น้อยที่ตกเป็นเหยื่อการหลอกลวง", "older and low-income people "
                         "targeted by scams")]),
        theme(acts=[T("เฝ้าระวังความปลอดภัยอาหารและยา", "Food and Drug Safety Watch")],
              does=[T("ตรวจหาสารปนเปื้อนในอาหารและเครื่องสำอางที่ขายในตลาดและร้านค้าออนไลน์",
                      "tests food and cosmetics sold in markets and online for contaminants"),
                    T("สอนผู้สูงอายุให้รู้ทันการขายตรงและโฆษณาผลิตภัณฑ์สุขภาพเกินจริง",
                      "teaches older people to see through direct selling and overblown health product adverts")],
              targets=[T("ผู้บริโภคในชุมชน", "consumers in the community"),
                       T("ร้านชำและแผงลอยในตลาด", "grocers and market stalls")]),
    ]},
    "media-communication": {"weight": 0.8, "related": [
        "good-governance", "children-youth", "consumer-protection", "culture-heritage"], "themes": [
        theme(acts=[T("สื่อชุมชน", "Community Media"), T("วิทยุชุมชน", "Community Radio")],
              members=[T("นักข่าวพลเมือง", "Citizen Journalists")],
              does=[T("ผลิตรายการวิทยุชุมชนและไลฟ์สดเป็นภาษาถิ่นเรื่องข่าวสารและปัญหาของชุมชน",
                      "produces community radio and live streams in the local language on news and local "
                      "problems"),
                    T("ฝึกนักข่าวพลเมืองถ่ายทำสารคดีสั้นเล่าเรื่องชุมชนของตนเอง",
                      "trains citizen journalists to film short documentaries about their own communities")],
              targets=[T("ชุมชนที่ไม่ค่อยมีพื้นที่ในสื่อกระแสหลัก", "communities seldom heard in mainstream media"),
                       T("ผู้ฟังในชนบท", "rural listeners")]),
        theme(acts=[T("รู้เท่าทันสื่อ", "Media Literacy")],
              members=[T("นักสื่อสารรุ่นใหม่", "Young Communicators")],
              does=[T("อบรมการรู้เท่าทันสื่อและการตรวจสอบข่าวปลอมให้ครูและนักเรียน",
                      "trains teachers and pupils in media literacy and checking fake news"),
                    T("ทำสื่อเตือนภัยข่าวปลอมด้านสุขภาพสำหรับผู้สูงอายุ",
                      "makes materials warning older people about health misinformation")],
              targets=[T("ครู นักเรียน และผู้ใช้สื่อสังคมออนไลน์", "teachers, pupils and social media users"),
                       T("ผู้สูงอายุที่เพิ่งเริ่มใช้สมาร์ตโฟน", "older people new to smartphones")]),
    ]},
    "peace-building": {"weight": 0.5, "related": [
        "rights-protection", "women-gender", "children-youth", "good-governance"], "themes": [
        theme(acts=[T("เสริมสร้างสันติภาพ", "Peacebuilding"), T("สานเสวนาเพื่อสันติภาพ", "Peace Dialogue")],
              members=[T("ผู้หญิงเพื่อสันติภาพ", "Women for Peace"), T("เยาวชนเพื่อสันติภาพ", "Youth for Peace")],
              does=[T("จัดวงสานเสวนาระหว่างชาวพุทธและชาวมุสลิมเพื่อสร้างความไว้วางใจในชุมชน",
                      "holds dialogue circles between Buddhists and Muslims to build trust in the community"),
                    T("เยียวยาและดูแลจิตใจเด็กกำพร้าและหญิงหม้ายที่ได้รับผลกระทบจากเหตุความไม่สงบ",
                      "supports orphans and widows affected by the unrest, including with counselling")],
              targets=[T("ครอบครัวที่ได้รับผลกระทบจากความรุนแรง", "families affected by violence"),
                       T("ผู้นำศาสนาและผู้นำชุมชน", "religious and community leaders")],
              when="deep_south"),
        theme(acts=[T("ยุติธรรมชุมชน", "Community Justice"), T("ไกล่เกลี่ยข้อพิพาท", "Mediation")],
              members=[T("ผู้ไกล่เกลี่ยภาคประชาชน", "Community Mediators")],
              does=[T("ไกล่เกลี่ยข้อพิพาทในชุมชน เช่น เรื่องที่ดินและหนี้สิน ก่อนขึ้นสู่ศาล",
                      "mediates local disputes, such as over land and debt, before they reach the courts"),
                    T("อบรมทักษะการฟังอย่างลึกซึ้งและการสื่อสารอย่างสันติให้ผู้นำชุมชนและครู",
                      "trains community leaders and teachers in deep listening and non-violent communication")],
              targets=[T("คู่กรณีในข้อพิพาทระดับชุมชน", "parties to local disputes"),
                       T("ผู้นำชุมชนและครู", "community leaders and teachers")]),
    ]},
    "community-economy": {"weight": 1.2, "related": [
        "agriculture-food", "culture-heritage", "women-gender", "community-development", "environment"],
        "themes": [
        theme(acts=[T("ออมทรัพย์เพื่อการผลิต", "Savings for Production"), T("สวัสดิการชุมชน", "Community Welfare")],
              does=[T("บริหารกองทุนสวัสดิการชุมชนวันละบาทที่ดูแลสมาชิกตั้งแต่เกิดจนตาย",
                      "runs a one-baht-a-day community welfare fund that looks after members from birth to death"),
                    T("ให้สมาชิกกู้ยืมเงินดอกเบี้ยต่ำจากกลุ่มออมทรัพย์เพื่อลงทุนประกอบอาชีพและลดหนี้นอกระบบ",
                      "lends members money at low interest from the savings group to invest in their work and "
                      "pay off loan sharks")],
              targets=[T("สมาชิกกลุ่มออมทรัพย์และครัวเรือนเกษตรกร", "savings group members and farming households"),
                       T("ครัวเรือนที่มีหนี้นอกระบบ", "households in debt to loan sharks")]),
        theme(acts=[T("ท่องเที่ยวโดยชุมชน", "Community-Based Tourism")],
              products=[T("ท่องเที่ยวโดยชุมชน", "Community-Based Tourism"), T("โฮมสเตย์", "Homestay")],
              does=[T("จัดการท่องเที่ยวโดยชุมชน มีโฮมสเตย์และเส้นทางเรียนรู้วิถีชีวิต โดยแบ่งรายได้เข้ากองทุนหมู่บ้าน",
                      "runs community-based tourism with homestays and village life trails, sharing the income "
                      "with the village fund"),
                    T("อบรมชาวบ้านเป็นมัคคุเทศก์ท้องถิ่นและทำอาหารพื้นบ้านต้อนรับนักท่องเที่ยว",
                      "trains villagers as local guides and cooks of local food for visitors")],
              targets=[T("ครัวเรือนในหมู่บ้านท่องเที่ยว", "households of the tourism village"),
                       T("นักท่องเที่ยวที่สนใจวิถีชีวิตชุมชน", "visitors curious about village life")]),
        theme(acts=[T("แปรรูปผลผลิตชุมชน", "Community Product Processing")],
              members=[T("ผู้ผลิตสินค้าชุมชน", "Community Producers")],
              products=[T("แปรรูปอาหาร", "Food Processing"), T("ผลิตภัณฑ์สมุนไพร", "Herbal Products"),
                        T("กล้วยแปรรูป", "Banana Products"), T("น้ำผึ้งชันโรง", "Stingless Bee Honey"),
                        T("ขนมไทย", "Thai Desserts")],
              does=[T("แปรรูปผลผลิตในท้องถิ่นเป็นสินค้าโอทอป และพัฒนาบรรจุภัณฑ์และการขายออนไลน์",
                      "turns local produce into OTOP products and works on packaging and online sales"),
                    T("ตั้งร้านค้าชุมชนที่รับซื้อผลผลิตของสมาชิกในราคาที่เป็นธรรม",
                      "runs a community shop that buys members' produce at fair prices")],
              targets=[T("สมาชิกกลุ่มอาชีพ", "members of livelihood groups"),
                       T("ผู้หญิงและผู้สูงอายุที่ต้องการรายได้เสริม", "women and older people looking for extra "
                         "income")]),
    ]},
}

# Per type: how often it occurs (outside Bangkok, in Bangkok), the issue areas that can be its main
# one (None: any), the founding years it fits, and its name patterns:
# (what fills {x}, the place, Thai pattern, English pattern, the Thai and English word for it).
TYPES = {
    "community-group": {"weight": (28, 14), "areas": None, "years": (1980, 2023), "names": [
        ("acts", "village", "กลุ่ม{x}{place}", "{Place} {X} Group", "กลุ่ม", "group"),
        ("members", "village", "ชมรม{x}{place}", "{Place} {X} Club", "ชมรม", "club"),
        ("members", "tambon", "กลุ่ม{x}{place}", "{Place} {X} Group", "กลุ่ม", "group"),
        ("acts", "tambon", "กลุ่มอาสาสมัคร{x}{place}", "{Place} {X} Volunteers", "กลุ่ม", "group"),
    ]},
    "foundation": {"weight": (15, 24), "areas": None, "years": (1975, 2020), "names": [
        ("acts", "village", "มูลนิธิ{x}{place}", "{Place} {X} Foundation", "มูลนิธิ", "foundation"),
        ("members", "province", "มูลนิธิเพื่อ{x}{place}", "{Place} Foundation for {X}", "มูลนิธิ", "foundation"),
        ("acts", "district", "มูลนิธิ{x}{place}", "{Place} {X} Foundation", "มูลนิธิ", "foundation"),
        ("acts", "region", "มูลนิธิ{x}{place}", "{Place} {X} Foundation", "มูลนิธิ", "foundation"),
    ]},
    "association": {"weight": (11, 14), "areas": None, "years": (1975, 2021), "names": [
        ("members", "province", "สมาคม{x}{place}", "{Place} Association of {X}", "สมาคม", "association"),
        ("acts", "province", "สมาคม{x}{place}", "{Place} {X} Association", "สมาคม", "association"),
        ("members", "district", "สมาคม{x}{place}", "{Place} {X} Association", "สมาคม", "association"),
    ]},
    "network": {"weight": (14, 18), "areas": None, "years": (1988, 2023), "names": [
        ("members", "province", "เครือข่าย{x}{place}", "{Place} {X} Network", "เครือข่าย", "network"),
        ("acts", "district", "เครือข่าย{x}{place}", "{Place} {X} Network", "เครือข่าย", "network"),
        ("members", "district", "เครือข่าย{x}{place}", "{Place} {X} Network", "เครือข่าย", "network"),
        ("acts", "region", "เครือข่าย{x}{place}", "{Place} {X} Network", "เครือข่าย", "network"),
    ]},
    "community-enterprise": {"weight": (13, 3), "areas": ["community-economy", "agriculture-food",
                                                           "culture-heritage"], "years": (2006, 2023), "names": [
        ("products", "village", "วิสาหกิจชุมชน{x}{place}", "{Place} {X} Community Enterprise",
         "วิสาหกิจชุมชน", "community enterprise"),
        ("products", "tambon", "วิสาหกิจชุมชน{x}{place}", "{Place} {X} Community Enterprise",
         "วิสาหกิจชุมชน", "community enterprise"),
    ]},
    "community-council": {"weight": (7, 4), "areas": ["community-development"], "years": (2009, 2023), "names": [
        ("none", "tambon", "สภาองค์กรชุมชน{place}", "{Place} Community Organisation Council",
         "สภาองค์กรชุมชน", "council"),
    ]},
    "social-enterprise": {"weight": (6, 12), "areas": [
        "community-economy", "agriculture-food", "disability", "health-promotion", "environment", "elderly-care",
        "child-education", "culture-heritage"], "years": (2010, 2023), "names": [
        ("products", "province", "กิจการเพื่อสังคม{x}{place}", "{Place} {X} Social Enterprise",
         "กิจการเพื่อสังคม", "social enterprise"),
        ("products", "district", "กิจการเพื่อสังคม{x}{place}", "{Place} {X} Social Enterprise",
         "กิจการเพื่อสังคม", "social enterprise"),
        ("brands", "none", "บริษัท {x} เพื่อสังคม จำกัด", "{X} Social Enterprise Co., Ltd.", "บริษัท", "company"),
    ]},
    "other": {"weight": (6, 11), "areas": None, "years": (1978, 2022), "names": [
        ("acts", "province", "ศูนย์{x}{place}", "{Place} {X} Centre", "ศูนย์", "centre"),
        ("acts", "district", "ศูนย์{x}{place}", "{Place} {X} Centre", "ศูนย์", "centre"),
        ("acts", "village", "ศูนย์การเรียนรู้{x}{place}", "{Place} {X} Learning Centre", "ศูนย์", "centre"),
    ]},
}
TYPE_DESCRIPTIONS = {
    "community-group": T("กลุ่มองค์กรชุมชน", "community group"),
    "foundation": T("มูลนิธิ", "foundation"),
    "association": T("สมาคม", "association"),
    "network": T("เครือข่ายภาคประชาสังคม", "civil society network"),
    "community-enterprise": T("วิสาหกิจชุมชน", "community enterprise"),
    "community-council": T("สภาองค์กรชุมชน", "community organisation council"),
    "social-enterprise": T("กิจการเพื่อสังคม", "social enterprise"),
    "other": T("องค์กรภาคประชาสังคม", "civil society organisation"),
}
FOUNDERS = {
    "community-group": [T("ชาว{village}", "residents of {Village}"),
                        T("แม่บ้านและผู้นำชุมชน", "housewives and community leaders"),
                        T("คนรุ่นใหม่ที่กลับมาอยู่บ้านเกิด", "young people who had moved back home")],
    "foundation": [T("ครู {clergy} และนักพัฒนาในท้องถิ่น", "local teachers, {clergy} and development workers"),
                   T("อดีตเจ้าหน้าที่สาธารณสุขและอาสาสมัคร", "former health workers and volunteers"),
                   T("นักวิชาการและนักกิจกรรมในจังหวัด", "academics and activists from the province")],
    "association": [T("สมาชิกผู้ก่อตั้ง {n} คน", "{n} founding members"),
                    T("ผู้ที่ทำงานด้านนี้ในพื้นที่มาหลายปี", "people who had worked in the field locally for years")],
    "network": [T("ตัวแทนกลุ่มและองค์กรชุมชน {n} แห่ง", "representatives of {n} community groups and organisations"),
                T("แกนนำจากหลายพื้นที่", "organisers from several places")],
    "community-enterprise": [T("สมาชิก {n} ครัวเรือนของ{village}", "{n} households of {Village}"),
                             T("กลุ่มแม่บ้านของ{village}", "a housewives' group of {Village}")],
    "community-council": [T("ตัวแทนองค์กรชุมชน {n} กลุ่ม", "representatives of {n} community organisations"),
                          T("ผู้นำชุมชนและกลุ่มอาชีพในพื้นที่", "community leaders and livelihood groups of the area")],
    "social-enterprise": [T("ผู้ประกอบการรุ่นใหม่และนักพัฒนาชุมชน", "young entrepreneurs and community workers"),
                          T("อดีตพนักงานบริษัทที่กลับมาทำงานเพื่อบ้านเกิด", "former office workers who came home to "
                            "work for their community")],
    "other": [T("นักพัฒนาเอกชนและอาสาสมัคร", "NGO workers and volunteers"),
              T("ครูและอาสาสมัครในพื้นที่", "local teachers and volunteers")],
}
HEALTH_AREAS = ["health-promotion", "healthcare-access", "elderly-care", "disability", "children-youth"]
PARTNERS = [  # whom an organisation works with, and for which main issue areas (None: any)
    (T("องค์การบริหารส่วนตำบล", "the subdistrict administration", "rural"), None),
    (T("สำนักงานเขต", "the district office", "bangkok"), None),
    (T("มหาวิทยาลัยในจังหวัด", "a university in the province", "rural"), None),
    (T("โรงพยาบาลส่งเสริมสุขภาพตำบล", "the subdistrict health promoting hospital", "rural"), HEALTH_AREAS),
    (T("ศูนย์บริการสาธารณสุขของกรุงเทพมหานคร", "a Bangkok public health centre", "bangkok"), HEALTH_AREAS),
    (T("โรงเรียนในพื้นที่", "local schools"), [
        "child-education", "children-youth", "environment", "health-promotion", "culture-heritage",
        "media-communication", "disaster-relief"]),
    (T("{worship}ในชุมชน", "the local {worship}"), [
        "culture-heritage", "elderly-care", "community-development", "peace-building", "disadvantaged-rights"]),
    (T("สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด", "the provincial social development office", "rural"), [
        "disadvantaged-rights", "disability", "elderly-care", "children-youth", "women-gender"]),
    (T("สำนักงานเกษตรอำเภอ", "the district agriculture office", "rural"), ["agriculture-food", "community-economy"]),
    (T("ศูนย์ช่วยเหลือทางกฎหมายของสภาทนายความ", "the Lawyers Council's legal aid centre"), [
        "rights-protection", "labour-migrants", "disadvantaged-rights"]),
]
BRANDS = [T("ยิ้มสู้", "Yim Su"), T("ปันสุข", "Pan Suk"), T("รักษ์ดิน", "Rak Din"), T("ใจถึงใจ", "Jai Thueng Jai"),
          T("บ้านเราดี", "Ban Rao Dee"), T("มือเย็น", "Mue Yen"), T("ต้นกล้า", "Ton Kla"), T("เติมฝัน", "Toem Fan"),
          T("ข้าวใหม่", "Khao Mai"), T("ดินดี", "Din Dee"), T("ผูกพัน", "Phuk Phan"), T("สานใจ", "San Jai")]

REGIONS = {  # in names, where a region is spoken of, and what a region-wide scope covers
    "North": T("ภาคเหนือ", "Northern"), "Northeast": T("ภาคอีสาน", "Isan"), "Central": T("ภาคกลาง", "Central"),
    "East": T("ภาคตะวันออก", "Eastern"), "West": T("ภาคตะวันตก", "Western"), "South": T("ภาคใต้", "Southern"),
    "deep_south": T("ชายแดนใต้", "Southern Border"),
}
REGION_AREAS = {
    "North": T("ภาคเหนือ", "the North"), "Northeast": T("ภาคอีสาน", "the Northeast"),
    "Central": T("ภาคกลาง", "the Central region"), "East": T("ภาคตะวันออก", "the East"),
    "West": T("ภาคตะวันตก", "the West"), "South": T("ภาคใต้", "the South"),
    "deep_south": T("จังหวัดชายแดนภาคใต้", "the southern border provinces"),
}
FOLK_ARTS = {
    "North": T("ดนตรีพื้นเมืองล้านนาและฟ้อนเล็บ", "Lanna folk music and the fingernail dance"),
    "Northeast": T("หมอลำ แคน และพิณ", "mor lam singing, the khaen and the phin"),
    "South": T("มโนราห์และหนังตะลุง", "Nora dance and shadow puppetry"),
    "deep_south": T("ดิเกร์ฮูลูและรองเง็ง", "dikir hulu and rong ngeng"),
    "other": T("เพลงพื้นบ้านและลิเก", "folk songs and likay theatre"),
}

# Village names are made up from a first part typical of the region and a common second part.
VILLAGE_FIRST_PARTS = {
    "North": [T("แม่", "Mae"), T("สัน", "San"), T("ป่า", "Pa"), T("ห้วย", "Huai"), T("ดอน", "Don"), T("ทุ่ง", "Thung"),
              T("วัง", "Wang"), T("ปง", "Pong"), T("หนอง", "Nong")],
    "Northeast": [T("หนอง", "Nong"), T("โนน", "Non"), T("โคก", "Khok"), T("ดอน", "Don"), T("นา", "Na"),
                  T("ห้วย", "Huai"), T("ดง", "Dong"), T("บึง", "Bueng"), T("กุด", "Kut")],
    "Central": [T("บาง", "Bang"), T("คลอง", "Khlong"), T("ท่า", "Tha"), T("หนอง", "Nong"), T("ดอน", "Don"),
                T("โคก", "Khok"), T("วัง", "Wang"), T("ทุ่ง", "Thung"), T("สระ", "Sa")],
    "East": [T("บาง", "Bang"), T("คลอง", "Khlong"), T("ท่า", "Tha"), T("เขา", "Khao"), T("หนอง", "Nong"),
             T("เนิน", "Noen"), T("ห้วย", "Huai"), T("ทุ่ง", "Thung")],
    "West": [T("ห้วย", "Huai"), T("เขา", "Khao"), T("ท่า", "Tha"), T("หนอง", "Nong"), T("ทุ่ง", "Thung"),
             T("วัง", "Wang"), T("ดอน", "Don")],
    "South": [T("ควน", "Khuan"), T("ทุ่ง", "Thung"), T("บาง", "Bang"), T("คลอง", "Khlong"), T("ท่า", "Tha"),
              T("เขา", "Khao"), T("นา", "Na"), T("ห้วย", "Huai")],
}
VILLAGE_SECOND_PARTS = [
    T("บัว", "Bua"), T("แวง", "Waeng"), T("ใหญ่", "Yai"), T("น้อย", "Noi"), T("ทอง", "Thong"), T("แก้ว", "Kaeo"),
    T("ไผ่", "Phai"), T("ม่วง", "Muang"), T("ขาม", "Kham"), T("หว้า", "Wa"), T("ยาง", "Yang"), T("หิน", "Hin"),
    T("ทราย", "Sai"), T("ตาล", "Tan"), T("สูง", "Sung"), T("เขียว", "Khiao"), T("กลาง", "Klang"), T("ใหม่", "Mai"),
    T("งาม", "Ngam"), T("โพธิ์", "Pho"), T("ตะเคียน", "Takhian"), T("สะแก", "Sakae"), T("ดู่", "Du"),
    T("เสือ", "Suea"), T("ช้าง", "Chang"), T("แดง", "Daeng"), T("จันทร์", "Chan"), T("มะขาม", "Makham"),
    T("ลาน", "Lan"), T("พร้าว", "Phrao"), T("หลวง", "Luang"), T("ยาว", "Yao"), T("สะอาด", "Sa-at"),
]
DEEP_SOUTH_VILLAGES = [T("ตะโละ", "Talo"), T("บาโงย", "Ba-ngoi"), T("ปูโป", "Pupo"), T("กูแบ", "Kubae"),
                       T("ลูโบะ", "Lubo")]
# Bangkok has communities (chumchon) where the provinces have villages.
BANGKOK_COMMUNITY_PATTERNS = [T("วัด{x}", "Wat {x}"), T("ริมคลองบาง{x}", "Rim Khlong Bang {x}"),
                              T("ซอยบ้าน{x}", "Soi Ban {x}")]


@dataclass(frozen=True)
class Province:
    code: str
    name_th: str
    name_en: str
    region: str
    districts: tuple


@dataclass(frozen=True)
class District:
    code: str
    name_th: str
    name_en: str
    lat: float | None
    lon: float | None


@dataclass
class Place:
    """Where one organisation is: its province and district, and a made-up village and subdistrict."""

    province: Province
    district: District
    village: tuple  # (Thai, English)
    tambon: tuple
    moo: int

    @property
    def is_bangkok(self):
        return self.province.code == BANGKOK

    @property
    def region_key(self):
        return "deep_south" if self.province.code in DEEP_SOUTH else self.province.region

    def village_name(self):
        if self.is_bangkok:
            return f"ชุมชน{self.village[0]}", f"{self.village[1]} Community"
        return f"บ้าน{self.village[0]}", f"Ban {self.village[1]}"

    def district_name(self):
        prefix = "" if self.is_bangkok else "อำเภอ"
        return f"{prefix}{self.district.name_th}", self.district.name_en

    def province_name(self):
        if self.is_bangkok:
            return self.province.name_th, self.province.name_en
        return f"จังหวัด{self.province.name_th}", self.province.name_en

    def in_name(self, kind):
        """The place as the end of an organisation's name (Thai) or its beginning (English)."""
        if kind == "tambon" and self.is_bangkok:
            kind = "district"
        if kind == "village":
            return self.village_name()
        if kind == "tambon":
            return f"ตำบล{self.tambon[0]}", f"Tambon {self.tambon[1]}"
        if kind == "district":
            return self.district_name()
        if kind == "region":
            return REGIONS[self.region_key][:2]
        return self.province_name()

    def where(self, kind):
        """A full 'in ...' location for a description, as wide as the organisation's name suggests."""
        province_th, province_en = self.province_name()
        province_en = "Bangkok" if self.is_bangkok else f"{province_en} Province"
        district_th, district_en = self.district_name()
        district_en = f"{district_en} District"
        if kind == "tambon" and self.is_bangkok:
            kind = "district"
        if kind == "village":
            village_th, village_en = self.village_name()
            if self.is_bangkok:
                return f"{village_th} {district_th} {province_th}", f"the {village_en}, {district_en}, {province_en}"
            return (f"{village_th} ตำบล{self.tambon[0]} {district_th} {province_th}",
                    f"{village_en}, Tambon {self.tambon[1]}, {district_en}, {province_en}")
        if kind == "tambon":
            return (f"ตำบล{self.tambon[0]} {district_th} {province_th}",
                    f"Tambon {self.tambon[1]}, {district_en}, {province_en}")
        if kind == "district":
            return f"{district_th} {province_th}", f"{district_en}, {province_en}"
        if kind == "region":
            region_th, region_en = REGION_AREAS[self.region_key][:2]
            return (f"{province_th}และจังหวัดใกล้เคียงใน{region_th}",
                    f"{province_en} and neighbouring provinces of {region_en}")
        return province_th, province_en

    def scope(self, kind, rng):
        """The area an organisation serves, to follow 'in' in a description."""
        district_th, district_en = self.district_name()
        if kind == "tambon" and self.is_bangkok:
            kind = "district"
        if kind == "village":
            village_th, village_en = self.village_name()
            n = rng.randint(2, 6)
            if self.is_bangkok:
                return (f"{village_th}และชุมชนใกล้เคียงอีก {n} แห่ง",
                        f"the {village_en} and {n} neighbouring communities")
            if rng.random() < 0.5:
                return f"{village_th}และหมู่บ้านใกล้เคียง", f"{village_en} and nearby villages"
            return f"{n + 1} หมู่บ้านของตำบล{self.tambon[0]}", f"{n + 1} villages of Tambon {self.tambon[1]}"
        if kind == "tambon":
            return f"ทุกหมู่บ้านของตำบล{self.tambon[0]}", f"every village of Tambon {self.tambon[1]}"
        if kind == "district":
            n = rng.randint(3, 12)
            if self.is_bangkok:
                return f"{n} ชุมชนใน{district_th}", f"{n} communities of {district_en} District"
            return f"{n} ตำบลของ{district_th}", f"{n} subdistricts of {district_en} District"
        if kind == "region":
            region_th, region_en = REGION_AREAS[self.region_key][:2]
            n = rng.randint(3, 4 if self.region_key == "deep_south" else 8)
            return f"{n} จังหวัดใน{region_th}", f"{n} provinces of {region_en}"
        province_th, province_en = self.province_name()
        province_en = "Bangkok" if self.is_bangkok else f"{province_en} Province"
        total = len(self.province.districts)
        n = rng.randint(min(2, total), total)
        if n == total:
            return f"ทุก{'เขต' if self.is_bangkok else 'อำเภอ'}ของ{province_th}", f"every district of {province_en}"
        return f"{n} {'เขต' if self.is_bangkok else 'อำเภอ'}ของ{province_th}", f"{n} districts of {province_en}"


def in_th(place):
    """Thai 'in <place>', spaced before a number as Thai writers do."""
    return f"ใน {place}" if place[0].isdigit() else f"ใน{place}"


def read_csv(name):
    with open(SEEDS / name, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def load_places():
    districts = {}
    for row in read_csv("districts.csv"):
        lat = float(row["lat"]) if row["lat"] else None
        lon = float(row["lon"]) if row["lon"] else None
        districts.setdefault(row["province_code"], []).append(
            District(row["code"], row["name_th"], row["name_en"], lat, lon))
    return [Province(row["code"], row["name_th"], row["name_en"], row["region"], tuple(districts[row["code"]]))
            for row in read_csv("provinces.csv")]


def organisations_per_province(province):
    """Two at least; more where there are more districts; Bangkok and the regional centres more still."""
    extra = 18 if province.code == BANGKOK else 3 if province.code in CITIES else 0
    return 2 + len(province.districts) // 4 + extra


def suits(item, province):
    """Whether a text (its third element) or a theme (its "when") fits the province."""
    when = item[2] if isinstance(item, tuple) else item.get("when")
    return when is None or CONDITIONS[when](province)


def weighted_choice(rng, weighted):
    items = [item for item, weight in weighted if weight > 0]
    weights = [weight for _, weight in weighted if weight > 0]
    return rng.choices(items, weights=weights)[0]


def area_weight(slug, province):
    """How likely an issue area is an organisation's main one in this province."""
    weight = ISSUE_AREAS[slug]["weight"]
    boosts = {
        "peace-building": {"94": 20, "95": 20, "96": 20, "90": 5},
        "labour-migrants": {"74": 6, "63": 6, "85": 5, "20": 3, "11": 3, "10": 2, "50": 2, "57": 2, "90": 2},
        "disadvantaged-rights": {"10": 2, "57": 2, "58": 3, "63": 2},
        "disaster-relief": {"14": 3, "34": 2, "55": 2, "90": 1.5},
    }
    weight *= boosts.get(slug, {}).get(province.code, 1)
    if slug == "environment" and (province.code in COASTAL or province.region == "North"):
        weight *= 1.5
    if slug == "agriculture-food" and province.region in ("Northeast", "North"):
        weight *= 1.5
    if slug == "culture-heritage" and province.region in ("Northeast", "North"):
        weight *= 1.4
    if slug in ("good-governance", "consumer-protection", "media-communication", "women-gender") and (
            province.code == BANGKOK):
        weight *= 2
    return weight


class Generator:
    def __init__(self, seed=SEED):
        self.rng = random.Random(seed)
        self.provinces = load_places()
        self.type_slugs = [row["slug"] for row in read_csv("org_types.csv")]
        areas = read_csv("issue_areas.csv")
        self.area_slugs = [row["slug"] for row in areas]
        self.area_names = {row["slug"]: (row["name_th"], row["name_en"][0].lower() + row["name_en"][1:])
                           for row in areas}
        if sorted(self.type_slugs) != sorted(TYPES) or sorted(self.area_slugs) != sorted(ISSUE_AREAS):
            raise SystemExit("seeds/org_types.csv or seeds/issue_areas.csv no longer match this script's lists")
        self.names_th, self.names_en = set(), set()
        # How often each issue area and theme has been chosen. Weights are divided by it, so that the rare
        # areas and the themes only some provinces suit get their share instead of being left to chance.
        self.uses = {}

    def rows(self):
        # Mixed, not province by province: the weights divided by use would otherwise favour the
        # provinces that come first.
        slots = [province for province in self.provinces for _ in range(organisations_per_province(province))]
        self.rng.shuffle(slots)
        for number, province in enumerate(slots, start=1):
            yield self.organisation(number, province)

    def organisation(self, number, province):
        rng = self.rng
        type_slug = weighted_choice(rng, [(slug, TYPES[slug]["weight"][province.code == BANGKOK])
                                          for slug in self.type_slugs])
        kind = TYPES[type_slug]
        for _ in range(200):  # until the name is new in both languages
            area = weighted_choice(rng, [(slug, area_weight(slug, province) / (1 + self.uses.get(slug, 0)))
                                         for slug in (kind["areas"] or self.area_slugs)])
            themes = [(area, number) for number, t in enumerate(ISSUE_AREAS[area]["themes"]) if suits(t, province)]
            theme_key = weighted_choice(rng, [(key, ISSUE_AREAS[area]["themes"][key[1]]["weight"]
                                               / (1 + self.uses.get(key, 0))) for key in themes])
            chosen_theme = ISSUE_AREAS[area]["themes"][theme_key[1]]
            patterns = [p for p in kind["names"] if self._fillers(p[0], chosen_theme, province)
                        and not (p[1] == "region" and province.code == BANGKOK)]
            if not patterns:
                continue
            pattern = rng.choice(patterns)
            place = self.place(province)
            name_th, name_en = self.name(pattern, chosen_theme, place)
            # "ชมรมลูกจ้างทำงานบ้านบ้าน...": a name ending in บ้าน before a village reads as a stutter.
            if name_th not in self.names_th and name_en not in self.names_en and "บ้านบ้าน" not in name_th:
                break
        else:
            raise SystemExit(f"no unique name found for organisation {number} in {province.name_en}")
        self.names_th.add(name_th)
        self.names_en.add(name_en)
        for key in (area, theme_key):
            self.uses[key] = self.uses.get(key, 0) + 1
        areas = [area] + self.related_areas(area, province)
        year = rng.randint(*kind["years"])
        description_th, description_en = self.description(
            type_slug, pattern, name_th, name_en, areas, chosen_theme, place, year)
        lat, lon = self.position(place.district)
        return {
            "ref": f"DEMO-{number:04d}",
            "name_th": name_th,
            "name_en": name_en,
            "type": type_slug,
            "province": province.name_th,
            "district": self.district_cell(place),
            "issue_areas": ";".join(areas),
            "description_th": description_th,
            "description_en": description_en,
            "address": self.address(place),
            "lat": lat,
            "lon": lon,
            **self.contacts(number, name_en, type_slug),
            "founded_year": str(year),
        }

    def _fillers(self, what, chosen_theme, province):
        if what == "none":
            return [None]
        if what == "brands":
            return BRANDS
        return [item for item in chosen_theme[what] if suits(item, province)]

    def place(self, province):
        rng = self.rng
        district = rng.choice(province.districts)
        if province.code == BANGKOK:
            pattern = rng.choice(BANGKOK_COMMUNITY_PATTERNS)
            part = rng.choice(VILLAGE_SECOND_PARTS)
            village = (pattern[0].format(x=part[0]), pattern[1].format(x=part[1]))
            return Place(province, district, village, village, 0)
        village = self.village_name(province)
        tambon = village if rng.random() < 0.4 else self.village_name(province)
        return Place(province, district, village, tambon, rng.randint(1, 15))

    def village_name(self, province):
        rng = self.rng
        if province.code in DEEP_SOUTH and province.code != "90" and rng.random() < 0.35:
            return rng.choice(DEEP_SOUTH_VILLAGES)[:2]
        first, second = rng.choice(VILLAGE_FIRST_PARTS[province.region]), rng.choice(VILLAGE_SECOND_PARTS)
        return first[0] + second[0], f"{first[1]} {second[1]}"

    def name(self, pattern, chosen_theme, place):
        what, place_kind, th, en = pattern[:4]
        filler = self.rng.choice(self._fillers(what, chosen_theme, place.province))
        x_th, x_en = filler[:2] if filler else ("", "")
        place_th, place_en = place.in_name(place_kind) if place_kind != "none" else ("", "")
        return (th.format(x=x_th, place=place_th),
                en.format(X=x_en, Place=place_en).strip())

    def related_areas(self, area, province):
        rng = self.rng
        related = [slug for slug in ISSUE_AREAS[area]["related"]
                   if any(suits(t, province) for t in ISSUE_AREAS[slug]["themes"])]
        return rng.sample(related, k=rng.choice([0, 1, 1, 2]))

    def description(self, type_slug, pattern, name_th, name_en, areas, chosen_theme, place, year):
        rng = self.rng
        province = place.province
        place_kind = pattern[1] if pattern[1] != "none" else "province"
        noun_th, noun_en = pattern[4], pattern[5]
        village_th, village_en = place.village_name()
        muslim = province.code in MUSLIM_MAJORITY
        values_th = {"village": village_th, "n": rng.choice([5, 7, 9, 12, 15, 20, 25, 30, 40]),
                     "clergy": "ผู้นำศาสนา" if muslim else "พระสงฆ์",
                     "worship": "มัสยิด" if muslim else "วัด",
                     "folk": FOLK_ARTS.get(place.region_key, FOLK_ARTS["other"])[0]}
        values_en = {"Village": village_en, "n": values_th["n"],
                     "clergy": "religious leaders" if muslim else "monks",
                     "worship": "mosques" if muslim else "temples",
                     "folk": FOLK_ARTS.get(place.region_key, FOLK_ARTS["other"])[1]}
        target = rng.choice(chosen_theme["targets"])
        values_th["target"], values_en["target"] = target[0], target[1]
        where_th, where_en = place.where(place_kind)

        opening = rng.randrange(4)
        # "residents of Ban X in Ban X": where the opening names the place, founders that name it are left out.
        founders = [f for f in FOUNDERS[type_slug] if opening != 1 or "{village}" not in f[0]] or FOUNDERS[type_slug]
        founders_th, founders_en = rng.choice(founders)[:2]
        founders_th, founders_en = founders_th.format(**values_th), founders_en.format(**values_en)
        be_year = year + 543
        if opening == 0:
            first = (f"{name_th} ก่อตั้งขึ้นเมื่อปี พ.ศ. {be_year} โดย{founders_th}",
                     f"{name_en} was founded in {year} by {founders_en}.")
        elif opening == 1:
            first = (f"{name_th} เริ่มจากการรวมตัวของ{founders_th} ที่{where_th} เมื่อปี พ.ศ. {be_year}",
                     f"{name_en} began in {year}, when {founders_en} in {where_en} came together.")
        elif opening == 2:
            first = (f"{name_th} ทำงานใน{where_th} มาตั้งแต่ปี พ.ศ. {be_year}",
                     f"{name_en} has worked in {where_en} since {year}.")
        else:
            type_th, type_en = TYPE_DESCRIPTIONS[type_slug][:2]
            area_th, area_en = self.area_names[areas[0]]
            article = "an" if type_en[0] in "aeiou" else "a"
            first = (f"{name_th} เป็น{type_th}ที่ทำงานด้าน{area_th}ใน{where_th} ก่อตั้งเมื่อปี พ.ศ. {be_year}",
                     f"{name_en} is {article} {type_en} working on {area_en} in {where_en}, founded in {year}.")

        main_does = rng.sample(chosen_theme["does"], k=min(2, len(chosen_theme["does"])))
        does_th, does_en = (text.format(**values) for text, values in zip(main_does[0][:2], (values_th, values_en)))
        lead = rng.randrange(3)
        if lead == 0:
            second_th, second_en = f"ปัจจุบัน{does_th}", f"Today it {does_en}"
        elif lead == 1:
            second_th, second_en = f"ทาง{noun_th}{does_th}", f"The {noun_en} {does_en}"
        else:
            second_th, second_en = f"ในแต่ละปี{noun_th}นี้{does_th}", f"Each year the {noun_en} {does_en}"
        partners = [partner for partner, partner_areas in PARTNERS
                    if suits(partner, province) and (partner_areas is None or areas[0] in partner_areas)]
        # Not after a clause of its own ("..., sharing the income with the village fund"): one is enough.
        if rng.random() < 0.4 and partners and "โดย" not in does_th and "," not in does_en:
            partner = rng.choice(partners)
            second_th += " โดยทำงานร่วมกับ" + partner[0].format(**values_th)
            second_en += ", working with " + partner[1].format(**values_en)
        second = (second_th, second_en + ".")

        also = self.other_work(areas[1:], province, main_does[1:], values_th, values_en)
        ending = rng.choice(["scope", "scope", "people", "also", "none"] if opening else ["scope", "people"])
        if ending == "also" and also is None:
            ending = "scope"
        if ending == "scope":
            scope_th, scope_en = place.scope(place_kind, rng)
            third = (f"กลุ่มเป้าหมายหลักคือ{target[0]}{in_th(scope_th)}",
                     f"It mainly serves {target[1]} in {scope_en}.")
        elif ending == "people":
            count = rng.choice([30, 45, 60, 80, 120, 150, 200] if place_kind in ("village", "tambon")
                               else [150, 300, 500, 800, 1200, 2000, 3500])
            scope_th, scope_en = place.scope(place_kind, rng)
            third = (f"มีสมาชิกและผู้เข้าร่วมกิจกรรมกว่า {count:,} คน{in_th(scope_th)}",
                     f"More than {count:,} members and participants in {scope_en} take part in its work.")
        elif ending == "also":
            third = also
        else:
            third = None
        sentences = [first, second] + ([third] if third else [])
        return " ".join(s[0] for s in sentences), " ".join(s[1] for s in sentences)

    def other_work(self, secondary_areas, province, more_does, values_th, values_en):
        """'It also ...': from a second issue area when there is one, else more of the main theme."""
        rng = self.rng
        if secondary_areas:
            themes = [t for t in ISSUE_AREAS[secondary_areas[0]]["themes"] if suits(t, province)]
            does = rng.choice(weighted_choice(rng, [(t, t["weight"]) for t in themes])["does"])
        elif more_does:
            does = more_does[0]
        else:
            return None
        return (f"นอกจากนี้ยัง{does[0].format(**values_th)}", f"It also {does[1].format(**values_en)}.")

    def district_cell(self, place):
        """The district as people type it: its Thai name, often with อำเภอ, or its English name."""
        district, province = place.district, place.province
        roll = self.rng.random()
        if roll < 0.25 and self._english_name_is_unique(district, province):
            return district.name_en
        if roll < 0.5:
            if place.is_bangkok:
                return district.name_th.removeprefix("เขต")
            return f"อำเภอ{district.name_th}"
        return district.name_th

    @staticmethod
    def _english_name_is_unique(district, province):
        def key(text):
            return "".join(ch for ch in text.casefold() if ch.isalnum())
        return sum(key(d.name_en) == key(district.name_en) for d in province.districts) == 1

    def position(self, district):
        """Half the organisations give a position: a point within MAX_OFFSET_KM of their district's."""
        rng = self.rng
        if rng.random() < 0.5 or district.lat is None:
            return "", ""
        distance = MAX_OFFSET_KM * math.sqrt(rng.random())
        bearing = rng.uniform(0, 2 * math.pi)
        lat = district.lat + distance * math.cos(bearing) / KM_PER_DEGREE
        lon = district.lon + distance * math.sin(bearing) / (KM_PER_DEGREE * math.cos(math.radians(district.lat)))
        return f"{lat:.5f}", f"{lon:.5f}"

    def address(self, place):
        rng = self.rng
        if rng.random() < 0.08:
            return ""
        house = str(rng.randint(1, 299)) + (f"/{rng.randint(1, 40)}" if rng.random() < 0.3 else "")
        province_th = place.province_name()[0]
        district_th = place.district_name()[0]
        if place.is_bangkok:
            has_soi = rng.random() < 0.6 and not place.village[0].startswith("ซอย")
            soi = f" ซอย {rng.randint(1, 60)}" if has_soi else ""
            return f"{house}{soi} ชุมชน{place.village[0]} {district_th} {province_th}"
        village = f" บ้าน{place.village[0]}" if rng.random() < 0.5 else ""
        return f"{house} หมู่ {place.moo}{village} ตำบล{place.tambon[0]} {district_th} {province_th}"

    def contacts(self, number, name_en, type_slug):
        rng = self.rng
        words = [w for w in name_en.replace(",", "").replace(".", "").split() if w[0].isalpha()]
        initials = "".join(w[0] for w in words).lower()
        slug = "-".join(w.lower().replace("'", "") for w in words)[:60].rstrip("-")
        has_website = rng.random() < (0.3 if type_slug in ("community-group", "community-council") else 0.7)
        return {
            "phone": f"0{rng.choice(['2', '5', '7', '8', '9'])}{rng.randint(0, 9)}-555-{number:04d}",
            "email": f"{initials}{number:04d}@example.org" if rng.random() < 0.85 else "",
            "website": f"https://example.org/{slug}" if has_website else "",
            "facebook": f"https://facebook.com/example.{initials}{number:04d}" if rng.random() < 0.8 else "",
            "line_id": f"@demo{number:04d}" if rng.random() < 0.55 else "",
        }


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=SEEDS / "demo_organisations.csv",
                        help="where to write the CSV (default: %(default)s)")
    arguments = parser.parse_args(argv)
    rows = list(Generator().rows())
    write(arguments.output, rows)
    print(f"wrote {len(rows)} organisations in {len({row['province'] for row in rows})} provinces "
          f"to {arguments.output}")


if __name__ == "__main__":
    main()
