"""Synthetic Thai organisations for the search benchmark, with the truth about what each is about.

The same seed gives the same documents. Every phrase the generator places carries the concepts it is
about, so for each probe (a query a person would type) the generator knows which documents are
relevant: those it gave a phrase about the concept, an issue area whose name says it, or the province
or district the probe names. Phrases that share characters with a probe but mean something else are
placed on purpose (distractors): ทะเลาะ (quarrel) beside ทะเล (sea), การศึกษาดูงาน (a study tour)
beside การศึกษา (education), บริษัทข้ามชาติ with แรงงาน beside แรงงานข้ามชาติ, ป่าชุมชน beside
ป่าชายเลน, เดิน/เด่น beside เด็ก, พัฒนา and บ้านนาดี beside นา (paddy), "financial" beside Nan,
"mainly" beside Chiang Mai, the districts โคกสำโรง/สำโรงทาบ/ศรีสำโรง beside สำโรง.
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from search_index import Document, Place

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BANGKOK = "10"
# Provinces with a sea coast: only their organisations work on mangroves and the sea.
COASTAL = {"11", "20", "21", "22", "23", "24", "74", "75", "76", "77", "80", "81", "82", "83", "84",
           "85", "86", "90", "91", "92", "94", "96"}
POSITION_SPREAD_DEGREES = 0.02  # about 2 km: an organisation sits near its district's point
NO_POSITION_SHARE = 0.03

# Concepts a probe can ask about (besides a province or a district).
ELDERLY, MANGROVE, HUMAN_RIGHTS, CHILDREN, EDUCATION = "elderly", "mangrove", "human-rights", "children", "education"
MIGRANTS, SEA, PADDY, FARMERS = "migrant-workers", "sea", "paddy", "farmers"
# Issue areas whose names say a concept (seeds/issue_areas.csv), so every organisation holding one is about it.
ISSUE_CONCEPTS = {
    "elderly-care": {ELDERLY},            # การดูแลผู้สูงอายุ, Elderly care
    "children-youth": {CHILDREN},         # เด็กและเยาวชน
    "child-education": {CHILDREN, EDUCATION},  # การส่งเสริมการเข้าถึงระบบการศึกษาในเด็ก
    "labour-migrants": {MIGRANTS},        # แรงงานและแรงงานข้ามชาติ
}


@dataclass(frozen=True)
class Probe:
    query: str
    concept: str           # a concept above, or "province:<code>" / "district:<code>"
    kind: str              # what the probe tests: thai word, thai fragment, english word, place
    note: str = ""


PROBES = (
    Probe("ผู้สูงอายุ", ELDERLY, "thai word"),
    Probe("สูงอายุ", ELDERLY, "thai fragment", "inside ผู้สูงอายุ"),
    Probe("elderly", ELDERLY, "english word"),
    Probe("ป่าชายเลน", MANGROVE, "thai word", "distractor: ป่าชุมชน, บ้านป่า..."),
    Probe("ชายเลน", MANGROVE, "thai fragment", "inside ป่าชายเลน"),
    Probe("mangrove", MANGROVE, "english word", "text says mangroves too"),
    Probe("สิทธิมนุษยชน", HUMAN_RIGHTS, "thai word", "distractor: สิทธิผู้บริโภค, สิทธิชุมชน"),
    Probe("มนุษยชน", HUMAN_RIGHTS, "thai fragment", "distractor: ทรัพยากรมนุษย์"),
    Probe("เด็ก", CHILDREN, "thai word", "distractor: เดิน, เด่น; also inside เด็กพิการ"),
    Probe("การศึกษา", EDUCATION, "thai word", "distractor: การศึกษาดูงาน (study tour)"),
    Probe("แรงงานข้ามชาติ", MIGRANTS, "thai compound", "distractor: แรงงาน + บริษัทข้ามชาติ"),
    Probe("ทะเล", SEA, "thai word", "distractor: ทะเลาะ (quarrel)"),
    Probe("นา", PADDY, "thai 2-char word", "distractor: พัฒนา, บ้านนาดี"),
    Probe("farmers", FARMERS, "english word", "text also says farmer (singular)"),
    Probe("Chiang Mai", "province:50", "place (english)", "distractor: Chiang Rai, mainly, Ban ... Mai"),
    Probe("Nan", "province:55", "place (english)", "distractor: financial"),
    Probe("สำโรง", "district:3422", "place (thai)", "distractor: โคกสำโรง, สำโรงทาบ, ศรีสำโรง"),
    Probe("แม่สาย", "district:5709", "place (thai)", "distractor: แม่ + สาย elsewhere"),
)


def T(th, en, *concepts):
    """A Thai phrase, its English counterpart, and the concepts both are about."""
    return (th, en, frozenset(concepts))


@dataclass
class Theme:
    issue: str
    acts: list            # name parts: "อนุรักษ์ป่าชายเลน" in "กลุ่มอนุรักษ์ป่าชายเลนบ้าน..."
    does: list            # what the organisation does (verb phrases)
    targets: list = field(default_factory=list)
    coastal: bool = False
    weight: float = 1.0


THEMES = [
    Theme("elderly-care", weight=2.5, acts=[
        T("ดูแลผู้สูงอายุ", "Elderly Care", ELDERLY), T("ผู้สูงอายุ", "Elderly People's", ELDERLY),
        T("โรงเรียนผู้สูงอายุ", "Elderly School", ELDERLY)], does=[
        T("อบรมผู้ดูแลผู้สูงอายุในครอบครัวและให้ยืมเตียงและรถเข็น",
          "trains family carers of elderly people and lends out beds and wheelchairs", ELDERLY),
        T("ส่งอาสาสมัครเยี่ยมบ้านผู้สูงอายุที่อยู่ลำพังทุกสัปดาห์",
          "sends volunteers every week to visit elderly people who live alone", ELDERLY),
        T("จัดกิจกรรมออกกำลังกายและเดินเพื่อสุขภาพให้ผู้สูงอายุ",
          "runs exercise classes and health walks for elderly members", ELDERLY)], targets=[
        T("ผู้สูงอายุติดบ้านติดเตียงและผู้ดูแล", "housebound and bedridden elderly people and their carers",
          ELDERLY)]),
    Theme("environment", coastal=True, weight=1.5, acts=[
        T("อนุรักษ์ป่าชายเลน", "Mangrove Conservation", MANGROVE),
        T("ปลูกป่าชายเลน", "Mangrove Planting", MANGROVE)], does=[
        T("ปลูกป่าชายเลนและดูแลชายฝั่งทะเลร่วมกับชาวประมงพื้นบ้าน",
          "replants mangroves and looks after the sea shore with small-scale fishers", MANGROVE, SEA),
        T("ทำธนาคารปูและเลี้ยงปูในป่าชายเลน", "runs a crab bank and farms crabs in the mangrove forest",
          MANGROVE),
        T("สำรวจพันธุ์ไม้ในป่าชายเลนและพานักเรียนเรียนรู้ระบบนิเวศ",
          "surveys mangrove plants and takes pupils to learn about the ecosystem", MANGROVE)], targets=[
        T("ชาวประมงพื้นบ้านริมทะเล", "small-scale fishers on the sea coast", SEA)]),
    Theme("environment", weight=1.5, acts=[
        T("อนุรักษ์ป่าชุมชน", "Community Forest Conservation"), T("รักษ์ป่าต้นน้ำ", "Watershed Forest")], does=[
        T("ลาดตระเวนป่าชุมชนและทำแนวกันไฟในหน้าแล้ง",
          "patrols the community forest and cuts firebreaks in the dry season"),
        T("จัดค่ายเดินป่าให้เยาวชนเรียนรู้พันธุ์ไม้", "runs forest walking camps where young people learn about trees"),
        T("เพาะกล้าไม้และปลูกป่าในที่ดินสาธารณะ", "raises seedlings and plants trees on public land")], targets=[
        T("ชาวบ้านที่ใช้ประโยชน์จากป่า", "villagers who live off the forest")]),
    Theme("environment", weight=0.8, acts=[
        T("เฝ้าระวังมลพิษ", "Pollution Watch"), T("ลุ่มน้ำสะอาด", "Clean River Basin")], does=[
        T("ตรวจคุณภาพน้ำใกล้โรงงานของบริษัทข้ามชาติและติดตามสุขภาพของแรงงานในโรงงาน",
          "tests the water near factories of multinational companies and follows the health of factory workers"),
        T("รณรงค์คัดแยกขยะและทำธนาคารขยะในหมู่บ้าน", "campaigns for waste sorting and runs a village waste bank")],
        targets=[T("ชุมชนรอบนิคมอุตสาหกรรม", "communities around industrial estates")]),
    Theme("agriculture-food", coastal=True, acts=[
        T("ประมงพื้นบ้าน", "Small-scale Fisheries", SEA), T("รักษ์ทะเล", "Sea Lovers", SEA)], does=[
        T("ทำบ้านปลาและเขตอนุรักษ์สัตว์น้ำในทะเลหน้าหมู่บ้าน",
          "builds fish homes and a marine protected zone in the sea off the village", SEA),
        T("เก็บขยะชายหาดและรณรงค์ลดขยะพลาสติกในทะเล",
          "cleans beaches and campaigns against plastic waste in the sea", SEA)], targets=[
        T("ครอบครัวชาวประมงชายฝั่งทะเล", "fishing families on the sea coast", SEA)]),
    Theme("rights-protection", weight=1.2, acts=[
        T("สิทธิมนุษยชน", "Human Rights", HUMAN_RIGHTS), T("ปกป้องสิทธิมนุษยชน", "Human Rights Defence", HUMAN_RIGHTS),
        T("ช่วยเหลือทางกฎหมาย", "Legal Aid")], does=[
        T("ให้ความช่วยเหลือทางกฎหมายแก่ผู้ถูกละเมิดสิทธิมนุษยชน",
          "gives free legal aid to victims of human rights violations", HUMAN_RIGHTS),
        T("ติดตามและบันทึกการละเมิดสิทธิมนุษยชนแล้วเผยแพร่รายงาน",
          "monitors and documents human rights abuses and publishes reports", HUMAN_RIGHTS),
        T("อบรมทนายความอาสาและผู้นำชุมชนเรื่องกฎหมายเบื้องต้น",
          "trains volunteer lawyers and community leaders in basic law")], targets=[
        T("ผู้ถูกละเมิดสิทธิและครอบครัว", "victims of rights violations and their families"),
        T("นักปกป้องสิทธิมนุษยชนในพื้นที่", "local human rights defenders", HUMAN_RIGHTS)]),
    Theme("rights-protection", weight=0.6, acts=[
        T("สิทธิชุมชน", "Community Rights"), T("สิทธิในที่ดินทำกิน", "Land Rights")], does=[
        T("อบรมกฎหมายเบื้องต้นและสิทธิชุมชนในการจัดการทรัพยากรธรรมชาติ",
          "teaches basic law and community rights over natural resources"),
        T("ช่วยชาวบ้านที่ถูกฟ้องคดีเรื่องที่ดินทำกินและทำแผนที่การใช้ที่ดิน",
          "supports villagers sued over farmland and maps their land use")], targets=[
        T("เกษตรกรไร้ที่ดินทำกิน", "landless farmers", FARMERS)]),
    Theme("consumer-protection", weight=0.8, acts=[
        T("คุ้มครองผู้บริโภค", "Consumer Protection"), T("สิทธิผู้บริโภค", "Consumer Rights")], does=[
        T("รับเรื่องร้องเรียนและช่วยผู้บริโภคเรียกร้องสิทธิจากบริษัท",
          "takes complaints and helps consumers claim their rights from companies"),
        T("ตรวจฉลากอาหารและเครื่องสำอางที่ขายในตลาด", "checks the labels of food and cosmetics sold in markets")],
        targets=[T("ผู้บริโภคในจังหวัด", "consumers in the province")]),
    Theme("children-youth", weight=2.0, acts=[
        T("พัฒนาเด็กและเยาวชน", "Child and Youth Development", CHILDREN),
        T("เด็กและเยาวชน", "Children and Youth", CHILDREN), T("เยาวชนอาสา", "Youth Volunteers")], does=[
        T("จัดค่ายศิลปะและดนตรีให้เด็กในชุมชนช่วงปิดภาคเรียน",
          "runs art and music camps for children in the school holidays", CHILDREN),
        T("ดูแลเด็กกำพร้าและเด็กจากครอบครัวยากจน", "looks after orphans and children from poor families", CHILDREN),
        T("ฝึกเยาวชนแกนนำให้ทำโครงการพัฒนาชุมชน", "trains young leaders to run community projects")], targets=[
        T("เด็กและเยาวชนอายุ 6-18 ปี", "children and young people aged 6 to 18", CHILDREN),
        T("วัยรุ่นนอกระบบโรงเรียน", "teenagers out of school")]),
    Theme("child-education", weight=1.5, acts=[
        T("ส่งเสริมการศึกษา", "Education Support", EDUCATION),
        T("ทุนการศึกษาเด็กชนบท", "Rural Children's Scholarship", EDUCATION, CHILDREN),
        T("ห้องสมุดชุมชน", "Community Library")], does=[
        T("มอบทุนการศึกษาและอุปกรณ์การเรียนให้เด็กในชนบท",
          "gives scholarships and school supplies to children in rural areas", EDUCATION, CHILDREN),
        T("สอนเสริมการอ่านและคณิตศาสตร์ให้นักเรียนหลังเลิกเรียน", "tutors pupils in reading and maths after school"),
        T("จัดการศึกษานอกระบบให้เด็กที่ออกจากโรงเรียนกลางคัน",
          "provides non-formal education for children who dropped out of school", EDUCATION, CHILDREN)], targets=[
        T("นักเรียนยากจนในโรงเรียนขนาดเล็ก", "poor pupils in small schools")]),
    Theme("labour-migrants", weight=1.2, acts=[
        T("แรงงานข้ามชาติ", "Migrant Workers", MIGRANTS), T("สิทธิแรงงาน", "Labour Rights")], does=[
        T("ช่วยแรงงานข้ามชาติจากเมียนมา ลาว และกัมพูชาขึ้นทะเบียนและเข้าถึงบริการสุขภาพ",
          "helps migrant workers from Myanmar, Laos and Cambodia register and reach health services", MIGRANTS),
        T("สอนภาษาไทยและกฎหมายแรงงานให้แรงงานข้ามชาติ", "teaches Thai and labour law to migrant workers", MIGRANTS),
        T("ไกล่เกลี่ยข้อพิพาทค่าจ้างระหว่างลูกจ้างกับนายจ้าง", "mediates wage disputes between workers and employers")],
        targets=[T("แรงงานข้ามชาติและครอบครัว", "migrant workers and their families", MIGRANTS),
                 T("แรงงานนอกระบบในชุมชน", "informal workers in the community")]),
    Theme("agriculture-food", weight=1.5, acts=[
        T("ชาวนา", "Rice Farmers", PADDY, FARMERS), T("นาอินทรีย์", "Organic Paddy", PADDY),
        T("ข้าวพื้นบ้าน", "Local Rice Varieties")], does=[
        T("ส่งเสริมให้ชาวนาเลิกใช้สารเคมีและทำนาอินทรีย์",
          "helps rice farmers give up chemicals and farm their paddies organically", PADDY, FARMERS),
        T("เก็บรักษาพันธุ์ข้าวพื้นบ้านและแลกเปลี่ยนเมล็ดพันธุ์ระหว่างสมาชิก",
          "keeps local rice varieties and swaps seed among members"),
        T("ทำแปลงนาสาธิตและโรงเรียนชาวนา", "runs demonstration paddy fields and a farmer field school", PADDY,
          FARMERS)], targets=[
        T("ชาวนารายย่อย", "smallholder rice farmers", PADDY, FARMERS)]),
    Theme("agriculture-food", weight=1.5, acts=[
        T("เกษตรอินทรีย์", "Organic Farming"), T("เกษตรกรรมยั่งยืน", "Sustainable Agriculture")], does=[
        T("เปิดตลาดเขียวทุกสัปดาห์ให้เกษตรกรขายผักอินทรีย์ตรงถึงผู้บริโภค",
          "holds a weekly green market where farmers sell organic vegetables straight to consumers", FARMERS),
        T("อบรมเกษตรกรทำปุ๋ยหมักและเกษตรผสมผสาน", "trains farmers in composting and mixed farming", FARMERS),
        T("ทำสวนผักคนเมืองบนที่ดินว่างเปล่า", "grows city vegetable gardens on empty land")], targets=[
        T("เกษตรกรรายย่อยและครอบครัว", "smallholder farmers and their families", FARMERS),
        T("ผู้บริโภคในเมือง", "city consumers")]),
    Theme("community-economy", weight=1.5, acts=[
        T("ออมทรัพย์เพื่อการผลิต", "Savings for Production"), T("ทอผ้าพื้นเมือง", "Local Weaving"),
        T("แปรรูปผลผลิตการเกษตร", "Farm Produce Processing")], does=[
        T("ตั้งกองทุนออมทรัพย์และสอนการวางแผนการเงินให้ครัวเรือน",
          "runs a savings fund and teaches households financial planning"),
        T("พัฒนาสินค้าเด่นของตำบลและขายผ่านช่องทางออนไลน์",
          "develops the subdistrict's signature products and sells them online"),
        T("พาสมาชิกไปศึกษาดูงานวิสาหกิจชุมชนในจังหวัดอื่น",
          "takes members on study visits to community enterprises in other provinces"),
        T("จัดการศึกษาดูงานให้เครือข่ายเกษตรกร", "organises study tours for farmer networks", FARMERS)], targets=[
        T("สมาชิกกลุ่มแม่บ้าน", "members of the housewives' group")]),
    Theme("disaster-relief", weight=0.8, acts=[
        T("กู้ภัยชุมชน", "Community Rescue"), T("รับมือภัยพิบัติ", "Disaster Preparedness")], does=[
        T("ซ้อมแผนอพยพและเตรียมเรือกู้ภัยก่อนฤดูน้ำหลาก",
          "runs evacuation drills and keeps rescue boats ready before the flood season"),
        T("แจกถุงยังชีพและซ่อมบ้านหลังน้ำท่วม", "hands out relief kits and repairs homes after floods")], targets=[
        T("หมู่บ้านเสี่ยงน้ำท่วมและดินถล่ม", "villages at risk of floods and landslides")]),
    Theme("disaster-relief", coastal=True, weight=0.4, acts=[T("เตือนภัยสึนามิ", "Tsunami Warning")], does=[
        T("เตรียมชุมชนรับมือคลื่นสึนามิตามแนวชายฝั่งทะเล",
          "prepares villages for tsunamis along the sea coast", SEA)]),
    Theme("peace-building", weight=0.8, acts=[
        T("สานเสวนาเพื่อสันติภาพ", "Peace Dialogue"), T("ยุติความรุนแรง", "Non-violence")], does=[
        T("จัดวงเสวนาเพื่อคลี่คลายความขัดแย้งและการทะเลาะวิวาทในชุมชน",
          "holds dialogue circles to settle conflicts and quarrels in the community"),
        T("ไกล่เกลี่ยข้อพิพาทและลดการทะเลาะวิวาทของวัยรุ่น", "mediates disputes and reduces fights among teenagers"),
        T("เยียวยาครอบครัวที่ได้รับผลกระทบจากความรุนแรง", "supports families affected by violence")]),
    Theme("disability", weight=1.0, acts=[
        T("คนพิการ", "Persons with Disabilities"), T("พัฒนาอาชีพคนพิการ", "Disability Livelihoods")], does=[
        T("ฝึกอาชีพและหางานให้คนพิการ", "trains persons with disabilities for jobs and finds them work"),
        T("ทำกายอุปกรณ์และปรับบ้านให้คนพิการเดินได้สะดวก",
          "makes assistive devices and adapts homes so disabled people can move about"),
        T("ส่งเสริมการศึกษาของเด็กพิการ", "supports the education of disabled children", EDUCATION, CHILDREN)],
        targets=[T("คนพิการและผู้ดูแล", "persons with disabilities and their carers")]),
    Theme("women-gender", weight=0.8, acts=[
        T("สตรีเพื่อการพัฒนา", "Women for Development"), T("ความเท่าเทียมทางเพศ", "Gender Equality")], does=[
        T("ส่งเสริมให้ผู้หญิงลงสมัครสมาชิกสภาท้องถิ่น", "encourages women to stand for local councils"),
        T("ช่วยเหลือผู้หญิงที่ถูกกระทำความรุนแรงในครอบครัว", "helps women facing domestic violence")]),
    Theme("health-promotion", weight=1.0, acts=[
        T("ส่งเสริมสุขภาพ", "Health Promotion"), T("คนรักสุขภาพ", "Health Lovers")], does=[
        T("จัดกิจกรรมออกกำลังกายและคัดกรองความดันโลหิตสูงทุกเดือน",
          "organises exercise sessions and monthly screening for high blood pressure"),
        T("สอนปรุงอาหารลดหวาน มัน เค็ม", "teaches cooking with less sugar, fat and salt"),
        T("ตรวจสุขภาพประชาชนอายุ 35 ปีขึ้นไป", "offers health checks to people aged 35 and over")]),
    Theme("healthcare-access", weight=1.0, acts=[
        T("เข้าถึงบริการสุขภาพ", "Health Access"), T("ผู้ป่วยโรคไต", "Kidney Patients")], does=[
        T("จัดรถรับส่งผู้ป่วยไปฟอกไตและพบแพทย์ตามนัด", "drives patients to dialysis and hospital appointments"),
        T("ช่วยผู้ป่วยใช้สิทธิหลักประกันสุขภาพถ้วนหน้า", "helps patients use their universal health coverage")]),
    Theme("good-governance", weight=0.8, acts=[
        T("ธรรมาภิบาลท้องถิ่น", "Local Good Governance"), T("ต้านคอร์รัปชัน", "Anti-corruption")], does=[
        T("ติดตามงบประมาณท้องถิ่นและเผยแพร่ข้อมูลให้ประชาชน",
          "follows the local budget and publishes it for residents"),
        T("อบรมอาสาสมัครสังเกตการณ์การเลือกตั้ง", "trains volunteer election observers")]),
    Theme("media-communication", weight=0.6, acts=[
        T("สื่อชุมชน", "Community Media"), T("วิทยุชุมชน", "Community Radio")], does=[
        T("ผลิตรายการวิทยุชุมชนและข่าวท้องถิ่น", "produces community radio programmes and local news"),
        T("อบรมนักข่าวพลเมืองรุ่นใหม่", "trains a new generation of citizen journalists")]),
    Theme("culture-heritage", weight=0.8, acts=[
        T("อนุรักษ์ศิลปวัฒนธรรม", "Cultural Heritage"), T("ภูมิปัญญาท้องถิ่น", "Local Wisdom")], does=[
        T("ฟื้นฟูการแสดงพื้นบ้านและสอนดนตรีไทยแก่คนรุ่นใหม่",
          "revives folk performance and teaches Thai music to the young"),
        T("บันทึกภูมิปัญญาท้องถิ่นจากปราชญ์ชาวบ้าน", "records local wisdom from village sages")]),
    Theme("community-development", weight=1.2, acts=[
        T("พัฒนาชุมชน", "Community Development"), T("พัฒนาคุณภาพชีวิต", "Quality of Life")], does=[
        T("จัดเวทีประชาคมทำแผนพัฒนาหมู่บ้าน", "holds village forums to draw up a village development plan"),
        T("อบรมผู้นำชุมชนรุ่นใหม่และพัฒนาทรัพยากรมนุษย์", "trains new community leaders and develops human resources"),
        T("จัดเดินรณรงค์ลดอุบัติเหตุในช่วงเทศกาล", "organises road safety walks during festivals")]),
    Theme("disadvantaged-rights", weight=1.0, acts=[
        T("ช่วยเหลือผู้ไร้สัญชาติ", "Stateless People Support"), T("ช่วยเหลือคนไร้บ้าน", "Homeless Support")], does=[
        T("ช่วยผู้ไร้สัญชาติยื่นขอสถานะบุคคล", "helps stateless people apply for legal status"),
        T("ตั้งครัวกลางแจกอาหารให้คนไร้บ้าน", "runs a community kitchen for homeless people"),
        T("ช่วยเหลือเด็กที่ไม่มีสูติบัตร", "helps children without birth certificates", CHILDREN)]),
]

TYPES = {  # slug: (weight, Thai name prefixes, English word, Thai word for "this ...")
    "community-group": (30, ("กลุ่ม", "ชมรม"), "Group", "กลุ่ม"),
    "foundation": (15, ("มูลนิธิ", "มูลนิธิเพื่อ"), "Foundation", "มูลนิธิ"),
    "association": (10, ("สมาคม",), "Association", "สมาคม"),
    "network": (10, ("เครือข่าย",), "Network", "เครือข่าย"),
    "community-enterprise": (15, ("วิสาหกิจชุมชน",), "Community Enterprise", "วิสาหกิจ"),
    "community-council": (5, ("สภาองค์กรชุมชน",), "Community Organisation Council", "สภา"),
    "social-enterprise": (5, ("กิจการเพื่อสังคม",), "Social Enterprise", "กิจการ"),
    "other": (10, ("ศูนย์",), "Centre", "ศูนย์"),
}
VILLAGE_FIRST = [("หนอง", "Nong"), ("ดอน", "Don"), ("โคก", "Khok"), ("ห้วย", "Huai"), ("นา", "Na"),
                 ("ทุ่ง", "Thung"), ("ป่า", "Pa"), ("วัง", "Wang"), ("แม่", "Mae"), ("ท่า", "Tha"),
                 ("บ่อ", "Bo"), ("โนน", "Non"), ("สวน", "Suan"), ("ดง", "Dong")]
VILLAGE_SECOND = [("ใหม่", "Mai"), ("ทอง", "Thong"), ("แก้ว", "Kaeo"), ("งาม", "Ngam"), ("ใหญ่", "Yai"),
                  ("น้อย", "Noi"), ("เจริญ", "Charoen"), ("สามัคคี", "Samakkhi"), ("ดี", "Di"), ("บัว", "Bua"),
                  ("โพธิ์", "Pho"), ("เหนือ", "Nuea"), ("กลาง", "Klang"), ("สว่าง", "Sawang"),
                  ("แดง", "Daeng"), ("ยาง", "Yang"), ("ขาม", "Kham")]
FOUNDERS = [("ครูและอาสาสมัครในพื้นที่", "local teachers and volunteers"),
            ("กลุ่มแม่บ้านและผู้นำชุมชน", "housewives and community leaders"),
            ("อดีตข้าราชการและพระสงฆ์ในท้องถิ่น", "retired officials and local monks"),
            ("นักพัฒนาชุมชนรุ่นใหม่", "young community workers"),
            ("ชาวบ้านที่รวมตัวกันหลังน้ำท่วมใหญ่", "villagers who came together after a great flood"),
            ("นักศึกษาและอาจารย์มหาวิทยาลัย", "university students and lecturers")]


@dataclass
class Corpus:
    documents: list
    labels: dict          # concept -> set of document ids that are about it
    seed: int

    def relevant(self, probe: Probe):
        return self.labels.get(probe.concept, set())


def read_seed(name):
    with open(SEEDS / name, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def short_name_th(name):
    """The district's name without อำเภอ/เขต, the form people type."""
    for prefix in ("เขต", "อำเภอ"):
        if name.startswith(prefix):
            return name[len(prefix):].strip()
    return name


class _Places:
    """The seeds' provinces, districts, regions, types and issue areas as the app's Places."""

    def __init__(self):
        regions = {r["name_en"]: r for r in read_seed("regions.csv")}
        tambon_means = {r["code"]: r for r in read_seed("districts_tambon_mean.csv")}
        self.provinces = {}
        for row in read_seed("provinces.csv"):
            region = regions[row["region"]]
            self.provinces[row["code"]] = dict(
                row=row, place=Place(row["code"], (row["name_th"], row["name_en"], row["iso_code"])),
                region=Place(region["slug"], (region["name_th"], region["name_en"])), districts=[])
        for row in read_seed("districts.csv"):
            province = self.provinces[row["province_code"]]
            if row["lat"]:
                position = float(row["lat"]), float(row["lon"])
            elif row["code"] in tambon_means:
                position = float(tambon_means[row["code"]]["lat_mean"]), float(tambon_means[row["code"]]["lon_mean"])
            else:
                position = float(province["row"]["lat"]), float(province["row"]["lon"])
            province["districts"].append(dict(
                row=row, short_th=short_name_th(row["name_th"]), position=position,
                place=Place(row["code"], (row["name_th"], short_name_th(row["name_th"]), row["name_en"]))))
        self.types = {r["slug"]: Place(r["slug"], (r["name_th"], r["name_en"])) for r in read_seed("org_types.csv")}
        self.issues = {r["slug"]: Place(r["slug"], (r["name_th"], r["name_en"])) for r in read_seed("issue_areas.csv")}
        self.province_codes = sorted(self.provinces)
        self.province_weights = [4 if code == BANGKOK else 1 for code in self.province_codes]


def generate(count, seed=20261126) -> Corpus:
    """`count` organisations and their labels; the same seed gives the same corpus."""
    rng = random.Random(seed)
    places = _Places()
    type_slugs = list(TYPES)
    type_weights = [TYPES[slug][0] for slug in type_slugs]
    inland = [t for t in THEMES if not t.coastal]
    documents, labels = [], {}
    start = datetime(2023, 1, 1, tzinfo=timezone.utc)
    for number in range(1, count + 1):
        doc_id = str(number)
        province = places.provinces[rng.choices(places.province_codes, places.province_weights)[0]]
        district = rng.choice(province["districts"])
        code = province["row"]["code"]
        themes = THEMES if code in COASTAL else inland
        primary = rng.choices(themes, [t.weight for t in themes])[0]
        others = [t for t in themes if t.issue != primary.issue]
        secondary = rng.choices(others, [t.weight for t in others])[0] if rng.random() < 0.5 else None
        type_slug = rng.choices(type_slugs, type_weights)[0]
        concepts = {f"province:{code}", f"district:{district['row']['code']}"}

        def use(phrase):
            concepts.update(phrase[2])
            return phrase

        village = _village(rng)
        tambon = _village(rng)
        act = use(rng.choice(primary.acts))
        name_th, name_en = _names(rng, type_slug, act, province, district, village)
        area_th, area_en = _area(rng, province, district, village, tambon)
        year = rng.randint(1980, 2024)
        founder = rng.choice(FOUNDERS)
        does = use(rng.choice(primary.does))
        kind_en, kind_th = TYPES[type_slug][2].lower(), TYPES[type_slug][3]
        if rng.random() < 0.5:
            th = [f"{name_th} ทำงานใน{area_th} มาตั้งแต่ปี พ.ศ. {year + 543}"]
            en = [f"{name_en} has worked in {area_en} since {year}."]
        else:
            th = [f"{name_th} ก่อตั้งขึ้นเมื่อปี พ.ศ. {year + 543} โดย{founder[0]}"]
            en = [f"{name_en} was founded in {year} by {founder[1]}."]
        if rng.random() < 0.5:
            th.append(f"ในแต่ละปี{kind_th}นี้{does[0]}")
            en.append(f"Each year the {kind_en} {does[1]}.")
        else:
            th.append(f"ปัจจุบัน{does[0]}")
            en.append(f"Today it {does[1]}.")
        third = rng.random()
        if secondary and third < 0.6:
            also = use(rng.choice(secondary.does))
            th.append(f"นอกจากนี้ยัง{also[0]}")
            en.append(f"It also {also[1]}.")
        elif primary.targets and third < 0.8:
            target = use(rng.choice(primary.targets))
            th.append(f"กลุ่มเป้าหมายหลักคือ{target[0]}")
            en.append(f"It mainly serves {target[1]}.")
        elif third < 0.9:
            members, districts = rng.randint(2, 40) * 50, rng.randint(2, 9)
            th.append(f"มีสมาชิกและผู้เข้าร่วมกิจกรรมกว่า {members:,} คนใน {districts} อำเภอของจังหวัด"
                      f"{province['row']['name_th']}")
            en.append(f"More than {members:,} members and participants in {districts} districts of "
                      f"{province['row']['name_en']} Province take part in its work.")
        issues = [primary.issue] + ([secondary.issue] if secondary else [])
        if rng.random() < 0.15:
            issues.append(rng.choice(sorted(places.issues)))
        issues = list(dict.fromkeys(issues))
        for slug in issues:
            concepts.update(ISSUE_CONCEPTS.get(slug, ()))
        latitude = longitude = None
        if rng.random() >= NO_POSITION_SHARE:
            latitude = round(district["position"][0] + rng.gauss(0, POSITION_SPREAD_DEGREES), 5)
            longitude = round(district["position"][1] + rng.gauss(0, POSITION_SPREAD_DEGREES), 5)
        documents.append(Document(
            id=doc_id, version=1, name_th=name_th, name_en=name_en,
            description_th=" ".join(th), description_en=" ".join(en),
            province=province["place"], district=district["place"], region=province["region"],
            type=places.types[type_slug], issue_areas=tuple(places.issues[s] for s in issues),
            latitude=latitude, longitude=longitude,
            updated_at=start + timedelta(seconds=rng.randint(0, 2 * 365 * 86400)),
            extra_text=(_address(rng, province, district, tambon),),
        ))
        for concept in concepts:
            labels.setdefault(concept, set()).add(doc_id)
    return Corpus(documents=documents, labels=labels, seed=seed)


def _village(rng):
    first, second = rng.choice(VILLAGE_FIRST), rng.choice(VILLAGE_SECOND)
    return first[0] + second[0], f"{first[1]} {second[1]}"


def _names(rng, type_slug, act, province, district, village):
    prefix = rng.choice(TYPES[type_slug][1])
    type_en = TYPES[type_slug][2]
    draw = rng.random()
    if draw < 0.4:
        place_th, place_en = f"บ้าน{village[0]}", f"Ban {village[1]}"
    elif draw < 0.7:
        place_th, place_en = district["short_th"], district["row"]["name_en"]
    else:
        place_th = ("" if province["row"]["code"] == BANGKOK else "จังหวัด") + province["row"]["name_th"]
        place_en = province["row"]["name_en"]
    return f"{prefix}{act[0]}{place_th}", f"{place_en} {act[1]} {type_en}"


def _area(rng, province, district, village, tambon):
    p_th, p_en = province["row"]["name_th"], province["row"]["name_en"]
    d_th, d_en = district["short_th"], district["row"]["name_en"]
    if province["row"]["code"] == BANGKOK:
        return f"เขต{d_th} กรุงเทพมหานคร", f"{d_en} District, Bangkok"
    draw = rng.random()
    if draw < 0.4:
        return (f"บ้าน{village[0]} ตำบล{tambon[0]} อำเภอ{d_th} จังหวัด{p_th}",
                f"Ban {village[1]}, Tambon {tambon[1]}, {d_en} District, {p_en} Province")
    if draw < 0.8:
        return f"อำเภอ{d_th} จังหวัด{p_th}", f"{d_en} District, {p_en} Province"
    return f"จังหวัด{p_th}", f"{p_en} Province"


def _address(rng, province, district, tambon):
    if province["row"]["code"] == BANGKOK:
        return (f"{rng.randint(1, 999)}/{rng.randint(1, 99)} ซอย{rng.randint(1, 120)} เขต{district['short_th']} "
                "กรุงเทพมหานคร")
    return (f"{rng.randint(1, 299)} หมู่ {rng.randint(1, 15)} ตำบล{tambon[0]} อำเภอ{district['short_th']} "
            f"จังหวัด{province['row']['name_th']}")
