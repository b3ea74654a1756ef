"""The demo event: a made-up We Are CSO round open for applications today, with demo hosts and applicants.

Its dates are set relative to the day it is seeded (services/clock), so a fresh demo always shows the
application form. It is found again by its slug: seeding a second time adds nothing (and does not move
the dates of the one already there). Everything is marked demo; applicants' addresses are on
example.org and go through services/applications.submit_application as the form's would.
"""
from datetime import timedelta

import sqlalchemy as sa

from directory.extensions import db
from directory.models import ApplicationStatus, Event, Organisation, OrganisationStatus
from directory.services.places.gazetteer import gazetteer
from directory.services.platform import clock
from directory.services.programme.application_status import move_application
from directory.services.programme.applications import MEDIA_SKILLS, submit_application
from directory.services.programme.events import create_event
from directory.services.programme.hosts import add_host

DEMO_EVENT_SLUG = "demo-we-are-cso-chiang-mai"
DEMO_PROVINCE = "50"  # Chiang Mai: the province with the most demo organisations outside Bangkok
DEMO_DISTRICT = "หางดง"
HOST_CAPACITIES = (6, 5, 4, 4, 3)

FIRST_NAMES = ("สมชาย", "สุดารัตน์", "ณัฐวุฒิ", "พิมพ์ชนก", "อนุชา", "กมลชนก", "ธีรพงษ์", "วรรณา", "ปิยะพงษ์",
               "อรอุมา", "จักรพันธ์", "ศิริพร", "ภานุวัฒน์", "นภัสสร", "เกียรติศักดิ์", "สุภาวดี", "ชยพล",
               "รัตนาภรณ์", "ธนากร", "ปวีณา", "อภิสิทธิ์", "ชุติมา", "วีรยุทธ", "ลลิตา", "ศุภชัย")
SURNAMES = ("ใจดี", "แสงทอง", "บุญมา", "ศรีสุข", "คำแก้ว", "ทองดี", "อินทร์แก้ว", "พรหมมา", "จันทร์เพ็ญ")
NICKNAMES = ("ต้น", "ฝน", "บอล", "แพร", "เอ็ม", "มิ้นท์", "เบียร์", "น้ำ", "โอ๊ต", "ปลา", "ก้อง", "ฟ้า", "บีม",
             "ใบเตย", "เจมส์", "แป้ง", "ภูมิ", "ขวัญ", "ต่อ", "แนน", "เก่ง", "ออม", "ไผ่", "พลอย", "ตูน")
OCCUPATIONS = ("นักศึกษา", "ครู", "เกษตรกร", "พนักงานบริษัท", "อาสาสมัครชุมชน", "นักเรียน", "ช่างภาพอิสระ",
               "พยาบาล", "ค้าขาย", "นักเขียนอิสระ")
RESIDENCES = ("50", "50", "50", "57", "51", "52", "10", "65")  # mostly Chiang Mai, some from elsewhere
INTERESTS = ("environment", "children-youth", "elderly-care", "culture-heritage", "agriculture-food",
             "media-communication", "health-promotion", "community-development")
# How many applicants end in each status (the rest stay submitted), in the order they applied.
STATUS_PLAN = ((ApplicationStatus.SELECTED, 8), (ApplicationStatus.SHORTLISTED, 5),
               (ApplicationStatus.WAITLISTED, 3), (ApplicationStatus.REJECTED, 2), (ApplicationStatus.WITHDRAWN, 1))
APPLICANT_COUNT = 25


class DemoDataMissing(RuntimeError):
    """The demo organisations the event needs as hosts are not there (seed them first)."""


def seed_demo_event():
    """Add the demo event, its hosts and applicants unless it exists; returns counts. Flushes."""
    if db.session.scalar(sa.select(Event.id).where(Event.slug == DEMO_EVENT_SLUG)):
        return {"events": 0, "hosts": 0, "applications": 0}
    organisations = db.session.scalars(
        sa.select(Organisation)
        .where(Organisation.is_demo, Organisation.province_code == DEMO_PROVINCE,
               Organisation.status == OrganisationStatus.PUBLISHED)
        .order_by(Organisation.ref).limit(len(HOST_CAPACITIES))
    ).all()
    if len(organisations) < 4:
        raise DemoDataMissing("the demo event needs at least 4 published demo organisations in Chiang Mai; "
                              "run `flask seed --demo` on a database with the demo organisations")
    event = create_event(_event_values(clock.today()))
    for number, (organisation, capacity) in enumerate(zip(organisations, HOST_CAPACITIES)):
        areas = organisation.issue_areas[:2]
        add_host(event, organisation, capacity=capacity, minimum=min(2, capacity), issue_areas=areas,
                 activities_th=f"ลงพื้นที่ทำงานกับ{organisation.name_th} "
                               f"ในงานด้าน{'และ'.join(area.name_th for area in areas)} (ข้อมูลตัวอย่าง)",
                 activities_en=f"Field work with {organisation.name_en or organisation.name_th} on "
                               f"{' and '.join(area.name_en.lower() for area in areas)} (demo data)",
                 wanted_skills=[MEDIA_SKILLS[number % 6], MEDIA_SKILLS[(number + 2) % 6]])
    applications = [submit_application(event, _applicant(number, event))[0] for number in range(APPLICANT_COUNT)]
    _move_some(applications)
    return {"events": 1, "hosts": len(organisations), "applications": len(applications)}


def _event_values(today):
    district = gazetteer().district(DEMO_DISTRICT, DEMO_PROVINCE)
    return {
        "slug": DEMO_EVENT_SLUG,
        "is_demo": True,
        "title_th": "ตัวอย่าง / demo: We Are CSO : ภาคประชาสังคมใคร ๆ ก็เป็นได้ อำเภอหางดง จังหวัดเชียงใหม่",
        "title_en": "Demo / ตัวอย่าง: We Are CSO: anyone can be civil society, Hang Dong District, Chiang Mai",
        "description_th": "กิจกรรมตัวอย่างที่สร้างขึ้นเพื่อสาธิตการรับสมัครและการคัดเลือกผู้เข้าร่วม ไม่ได้จัดขึ้นจริง\n\n"
                          "ผู้เข้าร่วมจะได้ลงพื้นที่เรียนรู้และปฏิบัติงานกับองค์กรภาคประชาสังคมในจังหวัดเชียงใหม่ "
                          "3 วัน 2 คืน แล้วส่งผลงานสื่ออย่างน้อย 1 ชิ้น (ไม่จำกัดรูปแบบ)",
        "description_en": "A demonstration event, invented to show applications and selection; it does not "
                          "take place.\n\nParticipants would spend 3 days and 2 nights learning and working with "
                          "civil-society organisations in Chiang Mai, then send at least one media work (any format).",
        "province_code": DEMO_PROVINCE,
        "district_code": district.code,
        "venue_th": "ศาลาอเนกประสงค์ตัวอย่าง อำเภอหางดง จังหวัดเชียงใหม่",
        "venue_en": "Demo community hall, Hang Dong District, Chiang Mai",
        "applications_open_on": today - timedelta(days=7),
        "applications_close_on": today + timedelta(days=14),
        "announce_on": today + timedelta(days=17),
        "starts_on": today + timedelta(days=21),
        "ends_on": today + timedelta(days=23),
        "works_due_on": today + timedelta(days=37),
        "min_participants": 10,
        "max_participants": 20,
        "what_to_bring_th": "เสื้อแขนยาว หมวก ครีมกันแดด ขวดน้ำส่วนตัว และโทรศัพท์หรือกล้องสำหรับเก็บภาพ",
        "what_to_bring_en": "Long sleeves, a hat, sun cream, your own water bottle, and a phone or camera.",
        "organiser_email": "we-are-cso-demo@example.org",
        "organiser_phone": "02-555-0100",
        "organiser_line_id": "@demo-wearecso",
    }


def _applicant(number, event):
    """The form's values for demo applicant `number`: varied ages, places, interests, skills and consents."""
    year = event.starts_on.year
    age = (17, 19, 21, 23, 25, 28, 31, 35, 42, 55, 63)[number % 11]
    is_minor = age < 20
    with_health_notes = number % 5 == 2
    return {
        "full_name": f"{FIRST_NAMES[number]} {SURNAMES[number % len(SURNAMES)]}",
        "nickname": NICKNAMES[number],
        "email": f"demo-applicant-{number + 1:02d}@example.org",
        "phone": f"080-555-{number + 1:04d}",
        "line_id": f"demo_applicant_{number + 1:02d}" if number % 3 else None,
        "birth_year": year - age,
        "province": RESIDENCES[number % len(RESIDENCES)],
        "occupation": OCCUPATIONS[number % len(OCCUPATIONS)],
        "interests": [INTERESTS[number % len(INTERESTS)], INTERESTS[(number + 3) % len(INTERESTS)]],
        "media_skills": [MEDIA_SKILLS[number % 6]] + ([MEDIA_SKILLS[(number + 1) % 6]] if number % 2 else []),
        "other_skill": None,
        "motivation": "อยากเรียนรู้งานขององค์กรภาคประชาสังคม และเล่าเรื่องชุมชนผ่านสื่อ (ข้อมูลตัวอย่าง)",
        "health_notes": "แพ้อาหารทะเล (ข้อมูลตัวอย่าง)" if with_health_notes else None,
        "guardian_name": f"ผู้ปกครองของ{NICKNAMES[number]} (ตัวอย่าง)" if is_minor else None,
        "guardian_contact": f"demo-guardian-{number + 1:02d}@example.org" if is_minor else None,
        "consent_processing": True,
        "consent_share_with_host": number % 7 != 6,
        "consent_health_notes": with_health_notes,
        "consent_publish_name": number % 6 != 5,
        "consent_guardian": is_minor,
    }


def _move_some(applications):
    """Staff's decisions so far, as STATUS_PLAN says; shortlisting first where the path goes through it."""
    remaining = iter(applications)
    for status, count in STATUS_PLAN:
        for application in [next(remaining) for _ in range(count)]:
            if status in (ApplicationStatus.SELECTED, ApplicationStatus.WAITLISTED):
                move_application(application, ApplicationStatus.SHORTLISTED, note="demo")
            move_application(application, status, by_applicant=status is ApplicationStatus.WITHDRAWN,
                             note="demo")
