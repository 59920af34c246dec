#!/usr/bin/env python3
"""Generate (and check) jobtrack's sample data set: examples/data/<table>.csv.

The story: a Health Information Management graduate in Columbus, Ohio
(CAHIIM associate's finished in May 2026, RHIT passed in August, bachelor's
started online) looks for a first HIM job from the end of August to the end of
November 2026. The data is written as if today were DATA_TODAY (Thursday
2026-11-26); `jobtrack demo` moves every date by whole weeks so that the latest
dated row lands in the 7 days ending the real today.

    python3 make_sample.py          # write the CSV files, then check them
    python3 make_sample.py --check  # only check the files already written

Deterministic: the same script writes the same bytes. Only the Python 3
standard library is used (csv, sqlite3).
"""

import csv
import datetime as dt
import io
import os
import random
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "..", "schema.sql")

DATA_TODAY = dt.date(2026, 11, 26)  # a Thursday (Thanksgiving in the US)
START = dt.date(2026, 8, 30)  # the day the user started tracking

TABLES = [
    "organizations", "applications", "application_events", "application_credentials",
    "contacts", "interactions", "events", "memberships", "volunteer_shifts",
    "education", "experience", "certifications", "ceus", "goals",
    "application_contacts", "entry_contacts",
]
# Dependency order for loading (contacts before applications: referral_contact_id).
LOAD_ORDER = [
    "organizations", "contacts", "applications", "application_events",
    "application_credentials", "interactions", "events", "memberships",
    "volunteer_shifts", "education", "experience", "certifications", "ceus", "goals",
    "application_contacts", "entry_contacts",
]
DERIVED = {"applications": {"added_on", "stage_since", "last_activity_on",
                            "furthest_status", "responded_on", "first_interview_on"}}
ORG_COLUMNS = {"org_id": "org", "school_id": "school"}
# applications.csv keeps an earlier file format on purpose, so that `demo`
# exercises it: no salary_period (a row with a salary reads as yearly) and a
# referral_contact_id column (loaded as a referrer link), with none of the
# derived columns or the documents sent.
APPLICATION_COLUMNS = [
    "id", "org", "title", "status", "source", "url", "location", "work_mode", "salary_min",
    "salary_max", "applied_on", "follow_up_on", "referral_contact_id", "notes", "created_at",
    "updated_at", "offer_salary_min", "offer_salary_max", "offer_salary_period", "offer_deadline",
    "offer_start_on", "posted_on", "closes_on", "employment_type", "description",
]

ACTIVE = ("saved", "applied", "screening", "interview", "offer")
CLOSED = ("accepted", "rejected", "withdrawn", "ghosted")
RESPONSES = ("screening", "interview", "offer", "accepted", "rejected")
FOLLOW_UP_DAYS = {"applied": 7, "interview": 4, "offer": 2}


def d(s):
    return dt.date.fromisoformat(s)


def iso(x):
    return x.isoformat() if x is not None else None


def plus(x, days):
    return x + dt.timedelta(days=days)


RNG = random.Random(20261126)


def stamp(day, lo=13, hi=22):
    """A UTC timestamp on `day` between lo:00 and hi:59 (daytime in Ohio)."""
    t = dt.time(RNG.randint(lo, hi), RNG.randint(0, 59), RNG.randint(0, 59))
    return f"{day.isoformat()}T{t.isoformat()}Z"


# --------------------------------------------------------------------------
# Organizations: name -> (website, location, notes)
# --------------------------------------------------------------------------
ORGS = {
    "AHIMA": ("https://www.ahima.org", "Chicago, IL",
              "American Health Information Management Association"),
    "OHIMA": (None, "Ohio",
              "Ohio Health Information Management Association, AHIMA's component state association"),
    "Central & Southern Ohio HIMSS Chapter": (None, "Columbus, OH", None),
    "Scioto Valley Community College": ("https://www.sciotovalley.example.org", "Columbus, OH",
                                        "CAHIIM-accredited HIT associate program; career services in Building C"),
    "Western Plains University": ("https://online.westernplains.example.org", "Online",
                                  "Online BS in Health Information Management (CAHIIM)"),
    "Northwest Ridge College": ("https://www.northwestridge.example.org", "Online",
                                "NCRA-accredited cancer registry certificate"),
    "Northgate Urgent Care": ("https://www.northgateurgentcare.example.org", "Columbus, OH", None),
    "Harvest Market Grocery": (None, "Grove City, OH", None),
    "St. Brendan Community Hospital": ("https://www.stbrendan.example.org", "Columbus, OH",
                                       "PPE practicum site; HIM volunteer on Tuesdays"),
    "Linden Free Clinic": ("https://www.lindenfreeclinic.example.org", "Columbus, OH",
                           "Volunteer at the registration desk on Saturdays"),
    "Olentangy Valley Medical Center": ("https://www.olentangyvalley.example.org", "Columbus, OH", None),
    "Granville Memorial Hospital": ("https://www.granvillememorial.example.org", "Granville, OH", None),
    "Union County Medical Center": ("https://www.unioncountymed.example.org", "Marysville, OH", None),
    "Brightwater Home Health": ("https://www.brightwaterhh.example.org", None, None),
    "Buckeye Coding Partners": ("https://www.buckeyecoding.example.org", "Dublin, OH",
                                "Remote coding vendor for small hospitals"),
    "ClearPath Coding Solutions": ("https://www.clearpathcoding.example.org", "Cleveland, OH", None),
    "Keystone Mutual Health Plan": ("https://www.keystonemutual.example.org", "Columbus, OH", None),
    "MedAxis Health Information Services": ("https://www.medaxis.example.org", "Columbus, OH",
                                            "HIM outsourcing: ROI, coding, analytics"),
    "Heartland Health Plan": ("https://www.heartlandhealthplan.example.org", "Columbus, OH", None),
    "Summit Pediatrics Group": (None, "Westerville, OH", None),
    "Scioto Health System": ("https://www.sciotohealth.example.org", "Columbus, OH",
                             "Largest employer in the area; Priya Raman codes here"),
    "RecordBridge ROI Services": ("https://www.recordbridge.example.org", None,
                                  "Release-of-information vendor"),
    "Franklin Heights Hospital": ("https://www.franklinheights.example.org", "Columbus, OH", None),
    "Hilltop Cancer Institute": ("https://www.hilltopcancer.example.org", "Columbus, OH",
                                 "Hospital-based cancer registry; sponsors CTR training"),
    "Worthington Family Medicine": (None, "Worthington, OH", None),
    "Ohio Valley Children's Hospital": ("https://www.ovchildrens.example.org", "Columbus, OH", None),
    "Delaware County Health Partners": ("https://www.delcohealthpartners.example.org", "Delaware, OH",
                                        "Federally qualified health center"),
    "Columbus Surgical Associates": (None, "Columbus, OH", None),
    "Pickaway Regional Hospital": ("https://www.pickawayregional.example.org", "Circleville, OH",
                                   "35-minute commute"),
    "Grandview Orthopedic Clinic": (None, "Grandview Heights, OH", None),
    "Crossroads Physician Group": ("https://www.crossroadsphysicians.example.org", "Hilliard, OH", None),
    "Lakeshore Behavioral Health": ("https://www.lakeshorebh.example.org", "Columbus, OH", None),
    "Midwest Oncology Registry Services": ("https://www.midwestoncology.example.org", "Indianapolis, IN",
                                           "Contract cancer registry abstracting"),
}

# --------------------------------------------------------------------------
# Contacts (ids follow added_on order). key -> fields
# --------------------------------------------------------------------------
CONTACTS = [
    # key, name, org, role, email, phone, linkedin, relationship, met_via, added_on, initial follow-up, notes
    ("denise", "Denise Okafor", "OHIMA", "Mentor; retired HIM director", "denise.okafor@example.org",
     "614-555-0138", None, "mentor", "OHIMA mentor match program", "2026-08-31", None,
     "Monthly check-ins; reviews cover letters"),
    ("tom", "Tom Reilly", "St. Brendan Community Hospital", "HIM Supervisor", "treilly@stbrendan.example.org",
     None, None, "colleague", "PPE practicum supervisor, now my volunteer lead", "2026-08-31", None, None),
    ("janet", "Janet Morales", "Scioto Valley Community College", "HIT Program Director",
     "jmorales@sciotovalley.example.org", None, "https://www.linkedin.com/in/janet-morales-rhia-example",
     "professional", "HIT program faculty", "2026-08-31", None, "Reference"),
    ("marcus", "Marcus Bell", "Scioto Valley Community College", "Career Services Advisor",
     "mbell@sciotovalley.example.org", "614-555-0172", None, "career_office",
     "SVCC career services appointment", "2026-09-02", None, None),
    ("greg", "Greg Patel", "Northgate Urgent Care", "Practice Manager", None, "614-555-0119", None,
     "colleague", "Current manager", "2026-09-03", None, "Reference; flexible with interview days"),
    ("angela", "Angela Brooks", "Linden Free Clinic", "Volunteer Coordinator", "abrooks@lindenfreeclinic.example.org",
     None, None, "colleague", "Volunteer orientation", "2026-09-05", None, None),
    ("priya", "Priya Raman", "Scioto Health System", "Coding Specialist II", None, None,
     "https://www.linkedin.com/in/priya-raman-example", "alumni", "SVCC HIT alumna, a year ahead of me", "2026-09-09", None,
     "Codes outpatient surgery; referred me for Coding Specialist I"),
    ("kevin", "Kevin Tran", "Olentangy Valley Medical Center", "HIM Analyst", None, None,
     "https://www.linkedin.com/in/kevin-tran-him-example", "alumni", "SVCC alumni LinkedIn group", "2026-09-14",
     None, None),
    ("rachel", "Rachel Nguyen", None, "RHIA student, fellow volunteer", "rachel.nguyen@example.org", None, None,
     "friend", "HIM volunteer shifts at St. Brendan", "2026-09-15", None, None),
    ("sandra", "Sandra Whitfield", "Franklin Heights Hospital", "Director, Health Information Management",
     "swhitfield@franklinheights.example.org", None, None, "professional", "OHIMA Central Region Fall Meeting",
     "2026-09-17", None, None),
    ("hannah", "Hannah Lee", "ClearPath Coding Solutions", "Recruiter", None, None,
     "https://www.linkedin.com/in/hannah-lee-recruiting-example", "recruiter", "LinkedIn", "2026-09-30", None,
     None),
    ("michael", "Michael Osei", "Pickaway Regional Hospital", "HIM Manager", "mosei@pickawayregional.example.org",
     "740-555-0164", None, "professional", "SVCC Health Careers Fair", "2026-10-01", None, None),
    ("jasmine", "Jasmine Ortiz", "Scioto Health System", "Talent Acquisition Partner",
     "jortiz@sciotohealth.example.org", "614-555-0190", None, "recruiter", "Phone screen for Coding Specialist I",
     "2026-10-07", None, None),
    ("emily", "Emily Carter", "Hilltop Cancer Institute", "Cancer Registry Manager, CTR",
     "ecarter@hilltopcancer.example.org", None, None, "professional",
     "AHIMA webinar Q&A, then an informational interview", "2026-10-16", None, None),
    ("laura", "Laura Kim", "MedAxis Health Information Services", "Technical Recruiter", "lkim@medaxis.example.org",
     None, "https://www.linkedin.com/in/laura-kim-talent-example", "recruiter", "LinkedIn InMail", "2026-10-21",
     None, None),
    ("brian", "Brian Kowalski", "Keystone Mutual Health Plan", "Privacy Officer", None, None,
     "https://www.linkedin.com/in/brian-kowalski-chps-example", "professional",
     "Central & Southern Ohio HIMSS Chapter networking night", "2026-10-29", None, None),
    ("aisha", "Aisha Mohammed", "RecordBridge ROI Services", "Release of Information Specialist",
     "aisha.mohammed@example.org", None, None, "alumni", "SVCC HIT classmate", "2026-11-04", None,
     "Will refer me when the Columbus ROI opening reposts"),
    ("chris", "Chris Dunn", None, "Medical billing specialist", None, None, None, "other", "Neighbor",
     "2026-11-08", None, None),
    ("olivia", "Olivia Grant", "Delaware County Health Partners", "HIM Coordinator", "ogrant@delcohealthpartners.example.org",
     None, None, "professional", "OHIMA webinar chat", "2026-11-12", None, None),
    ("dana", "Dana Whitaker", "Lakeshore Behavioral Health", "HR Generalist", "dwhitaker@lakeshorebh.example.org",
     None, None, "recruiter", "HR phone screen", "2026-11-17", None, None),
]

# date, contact, channel, note, follow_up_on
INTERACTIONS = [
    ("2026-08-31", "denise", "call", "Intro call through the OHIMA mentor match; agreed on monthly check-ins and a list of 20 target employers", "2026-09-28"),
    ("2026-09-02", "marcus", "meeting", "Resume review at career services; moved the RHIT and the PPE practicum to the top", None),
    ("2026-09-03", "greg", "other", "Asked Greg to be a reference; he agreed", None),
    ("2026-09-03", "janet", "email", "Told Prof. Morales I passed the RHIT; she will forward postings from the advisory board", None),
    ("2026-09-09", "priya", "message", "Reconnected on LinkedIn; Priya codes outpatient surgery at Scioto Health System", None),
    ("2026-09-14", "kevin", "message", "Asked Kevin what an HIM Analyst does day to day at Olentangy Valley", None),
    ("2026-09-15", "rachel", "other", "Compared job boards during the HIM volunteer shift", None),
    ("2026-09-17", "sandra", "event", "Met at the OHIMA fall meeting; told her I had applied for the HIT opening at Franklin Heights", None),
    ("2026-09-24", "priya", "coffee", "Coffee with Priya; she will refer me for Coding Specialist I when it posts", "2026-09-30"),
    ("2026-09-28", "denise", "call", "Monthly check-in: tighten cover letters, review follow-ups every Monday", "2026-10-26"),
    ("2026-09-28", "priya", "message", "Priya submitted the referral for Coding Specialist I", None),
    ("2026-09-30", "hannah", "call", "Recruiter call about the ClearPath outpatient coder trainee program", None),
    ("2026-10-01", "michael", "event", "Talked at the SVCC Health Careers Fair; he asked me to apply for the HIT opening", None),
    ("2026-10-02", "kevin", "call", "Kevin will refer me for the HIM Analyst opening", None),
    ("2026-10-07", "jasmine", "call", "Phone screen for Coding Specialist I; next step is the coding manager", None),
    ("2026-10-09", "hannah", "email", "Withdrew from the trainee program and thanked Hannah", None),
    ("2026-10-13", "marcus", "meeting", "Mock interview; practise STAR answers on release-of-information scenarios", None),
    ("2026-10-16", "emily", "meeting", "Informational interview over video: registrar trainee path, NCRA programs, abstracting", "2026-10-28"),
    ("2026-10-21", "laura", "message", "Laura reached out about the HIM Analyst role at MedAxis", None),
    ("2026-10-22", "priya", "message", "Thanked Priya after the coding assessment", None),
    ("2026-10-26", "denise", "meeting", "Lunch check-in: salary questions, and start studying for the CCS", "2026-11-23"),
    ("2026-10-29", "brian", "event", "Met Brian at the HIMSS chapter networking night; he leads privacy at Keystone, where I applied", "2026-11-04"),
    ("2026-10-30", "emily", "email", "Sent Emily a note that I applied for the registrar trainee role", None),
    ("2026-11-03", "tom", "meeting", "Tom mentioned the ROI opening at St. Brendan and quizzed me on minimum necessary", None),
    ("2026-11-03", "laura", "email", "Laura: the HIM Analyst role went to an RHIA with analytics experience", None),
    ("2026-11-04", "aisha", "message", "Aisha started at RecordBridge; the Columbus ROI team hires in December", None),
    ("2026-11-05", "brian", "email", "Thanked Brian; he explained what the privacy team looks for in a coordinator", None),
    ("2026-11-05", "kevin", "message", "Kevin passed on feedback: internal candidate; apply again in the spring", "2027-02-01"),
    ("2026-11-08", "chris", "other", "Talked billing versus coding careers with my neighbor", None),
    ("2026-11-10", "janet", "email", "Prof. Morales agreed to be a reference for Scioto Health System", None),
    ("2026-11-12", "olivia", "event", "Met Olivia in the OHIMA webinar chat; Delaware County Health Partners needs an HIT", "2026-11-19"),
    ("2026-11-13", "emily", "call", "Emily: a second interview with the registry team is likely", None),
    ("2026-11-14", "angela", "meeting", "Angela offered to write a volunteer reference letter", None),
    ("2026-11-17", "dana", "call", "HR phone screen for the Medical Records Coordinator role", None),
    ("2026-11-18", "aisha", "message", "Aisha will refer me as soon as the ROI opening reposts", None),
    ("2026-11-19", "michael", "call", "Michael called with the HIT offer: $20.90/hr, day shift", "2026-11-21"),
    ("2026-11-19", "emily", "email", "Emily confirmed the second interview for Thursday after next", "2026-12-04"),
    ("2026-11-20", "rachel", "coffee", "Coffee with Rachel: compared the two offers and the commute", None),
    ("2026-11-21", "michael", "email", "Asked Michael for one more week to decide; he agreed", "2026-12-01"),
    ("2026-11-23", "laura", "message", "Laura sent the remote ROI Specialist posting at MedAxis", None),
    ("2026-11-23", "denise", "call", "Talked through both offers; write pros and cons by Thursday", "2026-11-26"),
    ("2026-11-24", "jasmine", "call", "Jasmine called with the Coding Specialist I offer; written offer by email", "2026-11-30"),
    ("2026-11-24", "tom", "meeting", "Told Tom about the offers during my shift; he will ask about the ROI decision", None),
    ("2026-11-25", "greg", "call", "Told Greg about the offers; he will keep my schedule flexible", None),
    ("2026-11-25", "marcus", "email", "Asked career services for help comparing the offers' benefits", None),
    ("2026-11-26", "priya", "message", "Thank-you message to Priya for the referral that led to an offer", None),
]

# --------------------------------------------------------------------------
# Applications: actions are replayed by the simulator below with the
# rules of DESIGN §3 (follow-ups, events), so every history is coherent.
#   ("add", date, status[, note])      first status event (from NULL)
#   ("set", date, status[, note])      status change
#   ("note", date, text[, follow_up])  note event; clears a passed follow-up
#   ("interview", recorded, date, note)
#   ("follow_up", date, new_date)      plain edit of follow_up_on
# --------------------------------------------------------------------------
def A(key, org, title, source, work_mode, location, salary, url, notes, referral, creds, actions):
    return dict(key=key, org=org, title=title, source=source, work_mode=work_mode, location=location,
                salary=salary, url=url, notes=notes, referral=referral, creds=creds, actions=actions)


APPS = [
    # ---- indeed: four applications, exactly one response (A2) ----
    A("A1", "Olentangy Valley Medical Center", "Health Information Technician", "indeed", "onsite", "Columbus, OH",
      (41000, 47000), "https://www.indeed.example.org/viewjob?jk=4f9c2a71d0e3b845",
      "Day shift: chart analysis, scanning QA and record requests", None, [("RHIT", 1)],
      [("add", "2026-09-01", "applied"),
       ("note", "2026-09-10", "Called HR: posting still open, applications under review", "2026-09-24"),
       ("set", "2026-10-13", "ghosted", "No reply in six weeks; posting closed")]),
    A("A2", "Granville Memorial Hospital", "Medical Records Specialist", "indeed", "onsite", "Granville, OH",
      (38000, 44000), "https://www.indeed.example.org/viewjob?jk=9b1e07c3aa5d2f60", None, None, [("RHIT", 0)],
      [("add", "2026-10-12", "applied"),
       ("set", "2026-10-21", "screening", "HR emailed to book a phone screen"),
       ("note", "2026-10-23", "Phone screen with HR: Epic HIM and release-of-information questions; hiring manager to call next"),
       ("follow_up", "2026-11-10", "2026-11-13")]),
    A("A3", "Union County Medical Center", "Release of Information Specialist", "indeed", "onsite", "Marysville, OH",
      None, "https://www.indeed.example.org/viewjob?jk=c27d5e9014b8f3a6",
      "Requests from attorneys, insurers and patients; HIPAA training provided", None, [],
      [("add", "2026-11-02", "applied")]),
    A("A4", "Brightwater Home Health", "Medical Records Clerk", "indeed", "remote", "Columbus, OH",
      (35000, 39000), "https://www.indeed.example.org/viewjob?jk=71aa3f0c9e2d4b58", None, None, [],
      [("add", "2026-11-19", "applied")]),
    # ---- linkedin ----
    A("L1", "Buckeye Coding Partners", "Coding Specialist I", "linkedin", "remote", "Dublin, OH",
      (45000, 52000), "https://www.linkedin.example.org/jobs/view/4012873341", None, None, [("CCS", 1)],
      [("add", "2026-09-03", "applied"),
       ("set", "2026-09-17", "rejected", "Moving forward with candidates who hold the CCS")]),
    A("L2", "ClearPath Coding Solutions", "Outpatient Coder Trainee", "linkedin", "remote", "Cleveland, OH",
      (34000, 37000), "https://www.linkedin.example.org/jobs/view/4019920157", None, None, [("CCA", 0)],
      [("add", "2026-09-22", "applied"),
       ("set", "2026-09-30", "screening", "Recruiter call with Hannah Lee"),
       ("set", "2026-10-09", "withdrawn", "Trainee pay and a six-month production quota before benefits")]),
    A("L3", "Keystone Mutual Health Plan", "Privacy Coordinator", "linkedin", "hybrid", "Columbus, OH",
      (52000, 60000), "https://www.linkedin.example.org/jobs/view/4025518806",
      "Compliance team; HIPAA incident intake and access audits", None, [("RHIT", 1), ("CHPS", 0)],
      [("add", "2026-10-05", "applied"),
       ("set", "2026-10-19", "screening", "HR screen; the role sits in compliance"),
       ("interview", "2026-11-02", "2026-11-02", "Panel: privacy officer and two analysts; breach-assessment scenario"),
       ("note", "2026-11-06", "Sent thank-you notes to the panel", "2026-11-13"),
       ("note", "2026-11-16", "HR: still interviewing; decision in early December", "2026-12-03")]),
    A("L4", "MedAxis Health Information Services", "HIM Analyst", "linkedin", "remote", "Columbus, OH",
      (50000, 58000), "https://www.linkedin.example.org/jobs/view/4031104478", None, None, [("RHIT", 1), ("RHIA", 0)],
      [("add", "2026-10-20", "applied"),
       ("set", "2026-11-03", "rejected", "Went to an RHIA with analytics experience")]),
    A("L5", "Heartland Health Plan", "Health Information Specialist", "linkedin", "hybrid", "Columbus, OH",
      (44000, 50000), "https://www.linkedin.example.org/jobs/view/4040266913",
      "Medical records requests for claims review and appeals", None, [],
      [("add", "2026-11-16", "applied")]),
    A("L6", "Summit Pediatrics Group", "Medical Records Specialist", "linkedin", "onsite", "Westerville, OH",
      None, "https://www.linkedin.example.org/jobs/view/4044710032", "Apply once the offers are settled", None, [],
      [("add", "2026-11-24", "saved")]),
    A("L7", "MedAxis Health Information Services", "Release of Information Specialist", "linkedin", "remote",
      "Columbus, OH", (38000, 42000), "https://www.linkedin.example.org/jobs/view/4045193385",
      "Laura Kim sent this posting", None, [],
      [("add", "2026-11-24", "applied")]),
    # ---- referral: R1 and R2 were applied for and both reached interview; R3 is saved ----
    A("R1", "Scioto Health System", "Coding Specialist I", "referral", "hybrid", "Columbus, OH",
      (46000, 53000), "https://www.sciotohealth.example.org/careers/coding-specialist-i-24817",
      "Outpatient surgery and ED coding; CCS expected within 12 months", "priya", [("RHIT", 1), ("CCS", 0)],
      [("add", "2026-09-28", "applied"),
       ("set", "2026-10-07", "screening", "Phone screen with Jasmine Ortiz"),
       ("interview", "2026-10-15", "2026-10-15", "Hiring manager interview with the coding manager"),
       ("interview", "2026-10-22", "2026-10-22", "Coding assessment: 25 outpatient cases in 2 hours, ICD-10-CM and CPT"),
       ("note", "2026-10-29", "Coding manager: assessment scored 88%; references next", "2026-11-05"),
       ("note", "2026-11-11", "References checked: Greg Patel and Janet Morales"),
       ("set", "2026-11-24", "offer", "Offer: $24.10/hr, hybrid after 90 days, start in six weeks")]),
    A("R2", "Olentangy Valley Medical Center", "HIM Analyst", "referral", "onsite", "Columbus, OH",
      (48000, 55000), "https://www.olentangyvalley.example.org/careers/him-analyst-1187",
      "Deficiency tracking and HIM reports", "kevin", [("RHIT", 1), ("RHIA", 0)],
      [("add", "2026-10-06", "applied"),
       ("set", "2026-10-14", "screening"),
       ("interview", "2026-10-21", "2026-10-21", "Panel with the HIM director and the data integrity lead; Excel exercise on deficiency rates"),
       ("note", "2026-10-26", "Thank-you notes sent; Kevin says a second round comes first", "2026-11-02"),
       ("set", "2026-11-04", "rejected", "Filled by an internal candidate; encouraged to apply again")]),
    A("R3", "RecordBridge ROI Services", "Release of Information Specialist", "referral", "onsite", "Columbus, OH",
      (37000, 41000), None, "Aisha will refer me when the Columbus opening reposts in December", "aisha", [],
      [("add", "2026-11-18", "saved")]),
    # ---- company_site ----
    A("C1", "Franklin Heights Hospital", "Health Information Technician", "company_site", "onsite", "Columbus, OH",
      (42000, 48000), "https://www.franklinheights.example.org/careers/hit-3302", None, None, [("RHIT", 1)],
      [("add", "2026-09-08", "applied"),
       ("set", "2026-09-18", "screening"),
       ("interview", "2026-09-29", "2026-09-29", "Interview with Sandra Whitfield and the lead HIT"),
       ("note", "2026-10-02", "Thank-you emails sent"),
       ("set", "2026-10-09", "rejected", "Chose a candidate with two years of hospital HIM experience")]),
    A("C2", "Scioto Health System", "Release of Information Specialist", "company_site", "onsite", "Columbus, OH",
      (37000, 42000), "https://www.sciotohealth.example.org/careers/roi-specialist-24533", None, None, [],
      [("add", "2026-09-10", "applied"),
       ("set", "2026-10-22", "ghosted", "No reply in six weeks")]),
    A("C3", "Hilltop Cancer Institute", "Cancer Registrar Trainee", "company_site", "onsite", "Columbus, OH",
      (45000, 51000), "https://www.hilltopcancer.example.org/careers/registrar-trainee",
      "Employer pays for an NCRA-accredited program; CTR within three years", None, [("CTR", 0)],
      [("add", "2026-10-14", "applied"),
       ("set", "2026-10-28", "screening", "HR screen: asked about anatomy and physiology coursework"),
       ("interview", "2026-11-12", "2026-11-12", "Interview with Emily Carter: abstracting workflow and casefinding"),
       ("note", "2026-11-13", "Thank-you notes sent to Emily Carter and the lead abstractor"),
       ("interview", "2026-11-19", "2026-12-03", "Second interview with the registry team and the cancer committee chair"),
       ("follow_up", "2026-11-19", "2026-12-07")]),
    A("C4", "Worthington Family Medicine", "Medical Records Specialist", "company_site", "onsite", "Worthington, OH",
      None, None, "Small practice; posting on their website only", None, [],
      [("add", "2026-10-26", "applied"),
       ("note", "2026-11-09", "Called the office manager: reviewing applications next week", "2026-11-30")]),
    A("C5", "St. Brendan Community Hospital", "Release of Information Specialist", "company_site", "onsite",
      "Columbus, OH", (38000, 43000), "https://www.stbrendan.example.org/careers/roi-specialist-771",
      "Tom Reilly mentioned the opening", None, [("RHIT", 0)],
      [("add", "2026-11-03", "applied"),
       ("set", "2026-11-11", "screening", "HR phone screen"),
       ("interview", "2026-11-18", "2026-11-18", "Interview with the HIM manager and the ROI lead; subpoena role-play"),
       ("note", "2026-11-19", "Thank-you notes sent")]),
    A("C6", "Ohio Valley Children's Hospital", "Coding Specialist I (Pediatrics)", "company_site", "hybrid",
      "Columbus, OH", (47000, 54000), "https://www.ovchildrens.example.org/careers/coding-specialist-i-peds", None,
      None, [("RHIT", 1), ("CCS", 0)],
      [("add", "2026-11-23", "applied")]),
    A("C7", "Delaware County Health Partners", "Health Information Technician", "company_site", "onsite",
      "Delaware, OH", (40000, 45000), "https://www.delcohealthpartners.example.org/careers/hit",
      "Olivia Grant mentioned the opening", None, [("RHIT", 1)],
      [("add", "2026-11-12", "saved"),
       ("set", "2026-11-13", "applied"),
       ("set", "2026-11-24", "screening", "HR emailed to book a phone screen"),
       ("note", "2026-11-24", "Phone screen booked for next Tuesday", "2026-12-01")]),
    A("C8", "Columbus Surgical Associates", "Medical Records Specialist", "company_site", "onsite", "Columbus, OH",
      None, None, None, None, [],
      [("add", "2026-11-20", "applied")]),
    # ---- career_fair ----
    A("F1", "Pickaway Regional Hospital", "Health Information Technician", "career_fair", "onsite",
      "Circleville, OH", (40000, 45000), "https://www.pickawayregional.example.org/careers/hit-0925",
      "Met Michael Osei at the SVCC fair", None, [("RHIT", 1)],
      [("add", "2026-10-02", "applied"),
       ("set", "2026-10-09", "screening", "HR phone screen"),
       ("interview", "2026-10-27", "2026-10-27", "On-site interview and department tour with Michael Osei"),
       ("note", "2026-10-28", "Thank-you note mailed"),
       ("note", "2026-11-09", "HR is checking references"),
       ("set", "2026-11-19", "offer", "Offer: $20.90/hr, day shift, start two weeks after accepting"),
       ("note", "2026-11-21", "Decision deadline extended by a week at my request", "2026-12-01")]),
    A("F2", "Grandview Orthopedic Clinic", "Scanning and Indexing Clerk", "career_fair", "onsite",
      "Grandview Heights, OH", (33000, 36000), None, None, None, [],
      [("add", "2026-10-02", "applied"),
       ("set", "2026-10-16", "rejected", "Position filled")]),
    # ---- handshake ----
    A("H1", "Crossroads Physician Group", "HIM Associate", "handshake", "hybrid", "Hilliard, OH",
      (39000, 44000), "https://app.joinhandshake.example.org/jobs/8830142", None, None, [],
      [("add", "2026-09-14", "applied"),
       ("note", "2026-09-28", "Emailed the recruiter listed on Handshake", "2026-10-12"),
       ("set", "2026-10-26", "ghosted")]),
    A("H2", "Lakeshore Behavioral Health", "Medical Records Coordinator", "handshake", "onsite", "Columbus, OH",
      (39000, 43000), "https://app.joinhandshake.example.org/jobs/8912577",
      "42 CFR Part 2 records: strict consent rules", None, [],
      [("add", "2026-10-28", "applied"),
       ("set", "2026-11-17", "screening", "HR phone screen with Dana Whitaker"),
       ("note", "2026-11-17", "Hiring manager interviews start next week", "2026-11-24")]),
    # ---- ahima career center ----
    A("K1", "Midwest Oncology Registry Services", "Cancer Registry Abstractor Trainee", "ahima career center",
      "remote", "Indianapolis, IN", (44000, 50000), "https://careers.ahima.example.org/job/66120458", None, None,
      [("CTR", 1)],
      [("add", "2026-10-09", "applied"),
       ("set", "2026-10-30", "rejected", "Needs CTR eligibility: an NCRA program or 1,950 registry hours")]),
    A("K2", "Granville Memorial Hospital", "Clinical Documentation Integrity Specialist", "ahima career center",
      "hybrid", "Granville, OH", (62000, 72000), "https://careers.ahima.example.org/job/66204931",
      "Asks for two years of CDI or clinical experience; keep for later", None, [("CDIP", 0), ("CCDS", 0)],
      [("add", "2026-10-30", "saved")]),
]

EVENTS = [
    # org, title, date, kind, notes
    ("OHIMA", "OHIMA Central Region Fall Meeting", "2026-09-17", "meeting",
     "ICD-10-CM annual code update session (2 CEUs); met Sandra Whitfield"),
    ("Scioto Valley Community College", "SVCC Health Careers Fair", "2026-10-01", "career_fair",
     "Talked with nine employers; applied to Pickaway Regional and Grandview Orthopedic the next day"),
    ("AHIMA", "AHIMA webinar: Release of Information and Information Blocking", "2026-10-15", "webinar", "1 CEU"),
    ("Central & Southern Ohio HIMSS Chapter", "HIMSS chapter fall networking night", "2026-10-29", "other",
     "Joined the chapter as a student member; met Brian Kowalski"),
    ("AHIMA", "AHIMA webinar: Privacy and Security Fundamentals for New HIM Professionals", "2026-11-05",
     "webinar", "1 CEU"),
    ("OHIMA", "OHIMA webinar: Coding Clinic quarterly update", "2026-11-12", "webinar",
     "1.5 CEUs; met Olivia Grant in the chat"),
    ("OHIMA", "OHIMA Central Region Holiday Meeting", "2026-12-08", "meeting",
     "Bring resumes; Denise will introduce me to two HIM directors"),
    ("AHIMA", "AHIMA webinar: CCS Exam Prep, Outpatient Procedures", "2026-12-10", "webinar",
     "Register two days ahead"),
]

MEMBERSHIPS = [
    ("AHIMA", "2025-01-15", "2026-12-31", "Student member until graduation; renew at the new-graduate rate"),
    ("OHIMA", "2025-01-15", None, "Included with AHIMA membership"),
    ("Central & Southern Ohio HIMSS Chapter", "2026-10-29", "2027-10-28", "HIMSS student membership"),
]

SB, LF = "St. Brendan Community Hospital", "Linden Free Clinic"
HIM, REG = "HIM department volunteer", "Patient registration desk"
SHIFTS = [
    # org, date, hours, role, notes
    (SB, "2026-09-01", 4, HIM, "Loose-sheet filing and chart prep for scanning"),
    (LF, "2026-09-05", 3, REG, None),
    (LF, "2026-09-12", 3, REG, None),
    (SB, "2026-09-15", 4, HIM, "Scanning QA: checked 300 pages against the index"),
    (LF, "2026-09-26", 3, REG, "Trained a new volunteer on the sign-in sheet"),
    (SB, "2026-09-29", 4, HIM, None),
    (SB, "2026-10-06", 3.5, HIM, "Release-of-information log audit"),
    (LF, "2026-10-10", 3, REG, None),
    (LF, "2026-10-17", 5, "Flu clinic check-in", "Saturday flu clinic, 140 patients"),
    (SB, "2026-10-20", 4, HIM, None),
    (LF, "2026-10-24", 2.5, REG, None),
    (LF, "2026-10-31", 3, REG, None),
    (SB, "2026-11-03", 4, HIM, "Deficiency tracking for the HIM supervisor"),
    (LF, "2026-11-07", 3, REG, None),
    (SB, "2026-11-10", 4, HIM, None),
    (LF, "2026-11-14", 3, REG, "Updated the insurance card scanning checklist"),
    (SB, "2026-11-17", 4, HIM, "Release-of-information log audit"),
    (LF, "2026-11-21", 3.5, REG, None),
    (SB, "2026-11-24", 4, HIM, "Loose-sheet filing backlog"),
    (SB, "2026-11-25", 2.5, HIM, "Covered the morning request queue"),
]

EDUCATION = [
    # school, level, field, cahiim, status, started_on, completed_on
    ("Scioto Valley Community College", "associate", "Health Information Technology", 1, "completed",
     "2024-08-26", "2026-05-15"),
    ("Western Plains University", "bachelor", "Health Information Management", 1, "enrolled", "2026-08-24", None),
    ("Northwest Ridge College", "certificate", "Cancer Registry Management", 0, "planned", None, None),
]

EXPERIENCE = [
    # org, title, started_on, ended_on, healthcare, notes
    ("Harvest Market Grocery", "Customer Service Associate", "2021-06-14", "2025-05-30", 0,
     "Cash office and customer service desk"),
    ("Northgate Urgent Care", "Patient Access Representative (part-time)", "2025-06-02", None, 1,
     "Registration, insurance verification, scanning outside records into the EHR; 20 hours a week"),
    ("St. Brendan Community Hospital", "HIM Professional Practice Experience student", "2026-03-02", "2026-04-24",
     1, "Unpaid PPE practicum: ROI, chart analysis, coding audits"),
]

CERTS = [
    # code, name, issuer, status, exam_on, score, passed_on, expires_on, notes
    ("RHIT", "Registered Health Information Technician", "AHIMA", "passed", "2026-08-20", 342, "2026-08-20",
     "2028-08-19", "Pearson VUE centre, Columbus"),
    ("CCS", "Certified Coding Specialist", "AHIMA", "scheduled", "2026-12-19", None, None, None,
     "Must test within 120 days of approval. Weak spot: ICD-10-PCS root operations"),
    ("RHIA", "Registered Health Information Administrator", "AHIMA", "planning", None, None, None, None,
     "Eligible in the final term of the Western Plains bachelor's"),
]

CEUS = [
    # code, date, hours, title, provider
    ("RHIT", "2026-09-17", 2, "OHIMA Central Region Fall Meeting: ICD-10-CM annual code updates", "OHIMA"),
    ("RHIT", "2026-09-30", 1, "AHIMA webinar: Introduction to Clinical Documentation Integrity", "AHIMA"),
    ("RHIT", "2026-10-15", 1, "AHIMA webinar: Release of Information and Information Blocking", "AHIMA"),
    ("RHIT", "2026-10-29", 1, "HIMSS chapter session: Interoperability and TEFCA basics",
     "Central & Southern Ohio HIMSS Chapter"),
    ("RHIT", "2026-11-05", 1, "AHIMA webinar: Privacy and Security Fundamentals for New HIM Professionals", "AHIMA"),
    ("RHIT", "2026-11-12", 1.5, "OHIMA webinar: Coding Clinic quarterly update", "OHIMA"),
]

GOALS = [("applications", "week", 5), ("interactions", "week", 8), ("volunteer_hours", "week", 6),
         ("contacts", "month", 4)]

# Offer terms, by application: (min, max, period, deadline, start).
OFFERS = {
    "R1": (24.1, 24.1, "hour", "2026-12-08", "2027-01-05"),
    "F1": (20.9, 20.9, "hour", "2026-12-03", "2026-12-14"),
}

# Saved postings, by application: (posted, closes, employment type, text).
POSTINGS = {
    "K2": ("2026-10-27", "2026-12-04", "full_time",
           "Review inpatient records concurrently and query providers so the record reflects how sick "
           "each patient is.\n\nRequirements\n- RHIA, RHIT or RN required\n- Two years of CDI, coding or "
           "clinical experience\n- CCDS or CDIP preferred\n\nHybrid after 90 days on site."),
    "L6": ("2026-11-22", "2026-12-15", "part_time",
           "Process record requests, scan and index charts, and keep the release-of-information log for a "
           "five-office pediatric group.\n\n- High school diploma required\n- RHIT preferred\n"
           "- Tuesday to Friday, 8 to 2"),
}

# People on applications: (application, contact, role).
APP_CONTACTS = [("R1", "jasmine", "recruiter"), ("F1", "michael", "hiring_manager"),
                ("L3", "brian", "hiring_manager")]

# Outcomes of interviews: (application, interview date, outcome).
OUTCOMES = [("F1", "2026-10-27", "passed")]

# Entries written after the story's histories (employer contacts and a
# planned second round), each with the follow-up its command set:
# (application, date, kind, note, at, minutes, interview kind, place, via,
# direction, follow-up date or None, interviewer or None).
LATER_ENTRIES = [
    ("A2", "2026-11-20", "employer_contact", "Asked HR when the hiring manager will call",
     None, None, None, None, "email", "outbound", "2026-11-27", None),
    ("L3", "2026-11-24", "employer_contact", "HR called to book a second interview",
     None, None, None, None, "phone", "inbound", None, None),
    ("L3", "2026-12-03", "interview", "Second round with the privacy officer and the compliance director",
     "10:00", 60, "onsite", "Keystone Mutual, 250 E Broad St, Columbus", None, None, "2026-12-07", "brian"),
]


# --------------------------------------------------------------------------
# Simulator for application histories (DESIGN §3 "Application rules")
# --------------------------------------------------------------------------
def simulate(app):
    """Replay an application's actions; returns (record fields, events, first day, last day).

    Each event is (action_day, seq, date, kind, from, to, note)."""
    events = []
    status = None
    applied_on = None
    follow_up = None
    first = last = None

    def ev(day, date, kind, frm=None, to=None, note=None):
        events.append((day, len(events), date, kind, frm, to, note))

    def set_follow_up(day, new):
        nonlocal follow_up
        if new != follow_up:
            follow_up = new
            ev(day, day, "follow_up", note=iso(new) if new else "cleared")

    def move(day, to, note=None):
        nonlocal status, applied_on
        assert to != status, (app["key"], to)
        ev(day, day, "status", status, to, note)
        status = to
        if to == "applied" and applied_on is None:
            applied_on = day
        if to in FOLLOW_UP_DAYS:
            set_follow_up(day, plus(day, FOLLOW_UP_DAYS[to]))
        elif to in CLOSED:
            set_follow_up(day, None)

    for act in app["actions"]:
        kind, day = act[0], d(act[1])
        assert day <= DATA_TODAY
        if first is None:
            first = day
        last = day
        if kind == "add":
            assert status is None
            move(day, act[2], act[3] if len(act) > 3 else None)
        elif kind == "set":
            move(day, act[2], act[3] if len(act) > 3 else None)
        elif kind == "note":
            ev(day, day, "note", note=act[2])
            if len(act) > 3 and act[3]:
                set_follow_up(day, d(act[3]))
            elif follow_up is not None and follow_up < day:
                set_follow_up(day, None)
        elif kind == "interview":
            when = d(act[2])
            if status in ("saved", "applied", "screening"):
                move(min(when, day), "interview")
            ev(day, when, "interview", note=act[3])
        elif kind == "follow_up":
            set_follow_up(day, d(act[2]))
        else:
            raise ValueError(kind)
    return dict(status=status, applied_on=applied_on, follow_up_on=follow_up), events, first, last


def fmt_num(x):
    """Numbers as Rust's Display writes them: 4.0 -> '4', 3.5 -> '3.5'."""
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


def cell(v):
    if v is None:
        return ""
    if isinstance(v, (int, float)):
        return fmt_num(v)
    assert isinstance(v, str) and v != "", repr(v)
    if v[0] in "=+-@\t\r\n'":
        v = "'" + v
    return v


def build():
    tables = {}

    # contacts: ids in added_on order (stable)
    contacts = sorted(CONTACTS, key=lambda c: c[9])
    cid = {c[0]: i + 1 for i, c in enumerate(contacts)}
    inter_sorted = sorted(INTERACTIONS, key=lambda r: r[0])
    # contact follow_up_on: replay `contact log` (replace with --follow-up, or clear a passed one)
    cfu = {c[0]: (d(c[10]) if c[10] else None) for c in contacts}
    for date, key, _ch, _note, fu in inter_sorted:
        day = d(date)
        if fu:
            cfu[key] = d(fu)
        elif cfu[key] is not None and cfu[key] < day:
            cfu[key] = None

    # applications: ids in order of their first action
    # ids follow created_at (a stamp on the day of the first action)
    for a in APPS:
        a["created"] = stamp(d(a["actions"][0][1]))
    apps = sorted(APPS, key=lambda a: (a["created"], a["key"]))
    aid = {a["key"]: i + 1 for i, a in enumerate(apps)}
    app_rows, all_events, cred_rows = [], [], []
    first_use = {}

    def use(org, day):
        if org is not None:
            first_use[org] = min(first_use.get(org, day), day)

    for a in apps:
        rec, events, first, last = simulate(a)
        use(a["org"], first)
        smin, smax = a["salary"] if a["salary"] else (None, None)
        created = a["created"]
        updated = created if last == first else stamp(last)
        later = [e for e in LATER_ENTRIES if e[0] == a["key"] and e[10]]
        follow_up = later[-1][10] if later else iso(rec["follow_up_on"])
        app_rows.append([aid[a["key"]], a["org"], a["title"], rec["status"], a["source"], a["url"], a["location"],
                         a["work_mode"], smin, smax, iso(rec["applied_on"]), follow_up,
                         cid[a["referral"]] if a["referral"] else None, a["notes"], created, updated,
                         *OFFERS.get(a["key"], (None,) * 5), *POSTINGS.get(a["key"], (None,) * 4)])
        for e in events:
            all_events.append((e[0], aid[a["key"]], e[1], e[2:]))
        for code, req in a["creds"]:
            cred_rows.append([aid[a["key"]], code, req])
    all_events.sort(key=lambda e: (e[0], e[1], e[2]))
    ev_rows = [[i + 1, e[1], iso(e[3][0]), e[3][1], e[3][2], e[3][3], e[3][4]] for i, e in enumerate(all_events)]
    key_of = {i: k for k, i in aid.items()}
    for key, date, outcome in OUTCOMES:
        row, = [r for r in ev_rows if key_of[r[1]] == key and r[2] == date and r[3] == "interview"]
        row += [None] * 4 + [outcome]
    entry_rows = []
    for key, date, kind, note, at, minutes, ikind, place, via, direction, fu, who in LATER_ENTRIES:
        ev_rows.append([len(ev_rows) + 1, aid[key], date, kind, None, None, note, at, minutes, ikind, place,
                        None, via, direction])
        entry = len(ev_rows)
        if who:
            entry_rows.append([entry, cid[who]])
        if fu:
            # the follow-up the command set, dated the day it was entered
            on = date if kind != "interview" else LATER_ENTRIES[1][1]
            ev_rows.append([len(ev_rows) + 1, aid[key], on, "follow_up", None, None, fu, None, None, None,
                            None, None, None, None, entry])
    app_contact_rows = [[aid[a], cid[c], role] for a, c, role in APP_CONTACTS]

    contact_rows = []
    for c in contacts:
        use(c[2], d(c[9]))
        contact_rows.append([cid[c[0]], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], iso(cfu[c[0]]), c[11]])
    inter_rows = [[i + 1, cid[r[1]], r[0], r[2], r[3], r[4]] for i, r in enumerate(inter_sorted)]

    event_rows = []
    for i, e in enumerate(sorted(EVENTS, key=lambda e: e[2])):
        # an upcoming event was entered two weeks ahead; a past one on its day
        day = d(e[2])
        use(e[0], min(day, plus(day, -14)) if day > DATA_TODAY else day)
        event_rows.append([i + 1, e[0], e[1], e[2], e[3], e[4]])

    mem_rows = []
    for i, m in enumerate(MEMBERSHIPS):
        use(m[0], max(START, d(m[1])))
        mem_rows.append([i + 1, m[0], m[1], m[2], m[3]])

    shift_rows = []
    for i, s in enumerate(sorted(SHIFTS, key=lambda s: s[1])):
        use(s[0], START)
        shift_rows.append([i + 1, s[0], s[1], float(s[2]), s[3], s[4]])

    edu_rows = []
    for i, e in enumerate(EDUCATION):
        use(e[0], START)
        edu_rows.append([i + 1, *e])
    exp_rows = []
    for i, e in enumerate(EXPERIENCE):
        use(e[0], START)
        exp_rows.append([i + 1, *e])

    cert_rows = [[i + 1, *c] for i, c in enumerate(CERTS)]
    cert_id = {c[0]: i + 1 for i, c in enumerate(CERTS)}
    ceu_rows = [[i + 1, cert_id[c[0]], c[1], float(c[2]), c[3], c[4]]
                for i, c in enumerate(sorted(CEUS, key=lambda c: c[1]))]
    goal_rows = [list(g) for g in GOALS]

    # organizations: ids in order of first use; created_at on that day, early morning
    # (before any record that names them: record stamps start at 13:00)
    assert set(first_use) <= set(ORGS), set(first_use) - set(ORGS)
    unused = set(ORGS) - set(first_use)
    assert not unused, unused
    org_order = sorted(ORGS, key=lambda n: (first_use[n], n.lower()))
    org_rows = []
    k, prev = 0, None
    for i, name in enumerate(org_order):
        web, loc, notes = ORGS[name]
        k = k + 1 if first_use[name] == prev else 0
        prev = first_use[name]
        t = dt.datetime.combine(first_use[name], dt.time(11, 0)) + dt.timedelta(minutes=3 * k,
                                                                                 seconds=RNG.randint(0, 170))
        org_rows.append([i + 1, name, web, loc, notes, t.strftime("%Y-%m-%dT%H:%M:%SZ")])

    tables["organizations"] = org_rows
    tables["applications"] = app_rows
    tables["application_events"] = ev_rows
    tables["application_credentials"] = cred_rows
    tables["contacts"] = contact_rows
    tables["interactions"] = inter_rows
    tables["events"] = event_rows
    tables["memberships"] = mem_rows
    tables["volunteer_shifts"] = shift_rows
    tables["education"] = edu_rows
    tables["experience"] = exp_rows
    tables["certifications"] = cert_rows
    tables["ceus"] = ceu_rows
    tables["goals"] = goal_rows
    tables["application_contacts"] = app_contact_rows
    tables["entry_contacts"] = entry_rows
    return tables


# --------------------------------------------------------------------------
# Headers from the schema
# --------------------------------------------------------------------------
def schema_db():
    con = sqlite3.connect(":memory:")
    with open(SCHEMA, encoding="utf-8") as f:
        con.executescript(f.read())
    con.execute("PRAGMA foreign_keys=ON")
    return con


def csv_header(con, table):
    if table == "applications":
        types = {name: ctype for _cid, name, ctype, *_ in con.execute("PRAGMA table_info(applications)")}
        return [(ORG_COLUMNS.get(name, name) if name == "org_id" else name, name, types.get(name))
                for name in ["org_id" if c == "org" else c for c in APPLICATION_COLUMNS]]
    cols = []
    for _cid, name, ctype, *_ in con.execute(f"PRAGMA table_info({table})"):
        if name in DERIVED.get(table, ()):
            continue
        cols.append((ORG_COLUMNS.get(name, name), name, ctype))
    return cols


def write(tables):
    con = schema_db()
    for t in TABLES:
        header = [c[0] for c in csv_header(con, t)]
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        for row in tables[t]:
            # Columns added to the schema later (none of them needed by the
            # sample) are left empty at the end of the row.
            row = list(row) + [None] * (len(header) - len(row))
            assert len(row) == len(header), (t, row)
            w.writerow([cell(v) for v in row])
        with open(os.path.join(HERE, f"{t}.csv"), "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())


# --------------------------------------------------------------------------
# Checker: load the CSVs into a fresh schema and assert everything
# --------------------------------------------------------------------------
def load():
    con = schema_db()
    org_ids = {}
    rows = {}
    for t in LOAD_ORDER:
        path = os.path.join(HERE, f"{t}.csv")
        raw = open(path, "rb").read()
        assert not raw.startswith(b"\xef\xbb\xbf"), f"{t}: BOM"
        assert b"\r" not in raw, f"{t}: CR"
        text = raw.decode("utf-8")
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader)
        cols = csv_header(con, t)
        assert header == [c[0] for c in cols], (t, header)
        rows[t] = []
        for n, rec in enumerate(reader, start=2):
            assert len(rec) == len(header), (t, n)
            values, named = [], {}
            for (csv_name, col, ctype), v in zip(cols, rec):
                if v == "":
                    x = None
                else:
                    assert v[0] not in "=+-@\t\r\n", (t, n, csv_name, v)
                    if v[0] == "'":
                        v = v[1:]
                    if col in ORG_COLUMNS:
                        x = org_ids[v.lower()]  # KeyError = unknown organization
                    elif ctype == "INTEGER" or col == "referral_contact_id":
                        assert v.lstrip("-").isdigit(), (t, n, csv_name, v)
                        x = int(v)
                    elif ctype == "REAL":
                        x = float(v)
                    else:
                        x = v
                values.append(x)
                named[csv_name] = x
            # What `demo` does with the older applications format: no
            # salary_period means yearly, referral_contact_id is not stored.
            stored = [(c[1], x) for c, x in zip(cols, values) if c[2] is not None]
            if t == "applications":
                stored.append(("salary_period", "year" if named["salary_min"] is not None else None))
            con.execute(f"INSERT INTO {t} ({', '.join(c for c, _ in stored)}) VALUES "
                        f"({', '.join('?' * len(stored))})", [x for _, x in stored])
            if t == "organizations":
                assert named["name"].lower() not in org_ids, named["name"]
                org_ids[named["name"].lower()] = named["id"]
            rows[t].append(named)
    assert not con.execute("PRAGMA foreign_key_check").fetchall()
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return con, rows


def check():
    con, R = load()
    T = DATA_TODAY
    q = lambda sql, *a: con.execute(sql, a).fetchall()
    one = lambda sql, *a: con.execute(sql, a).fetchone()[0]
    counts = {t: len(R[t]) for t in TABLES}
    facts = []

    # ---- sizes ----
    assert 25 <= counts["applications"] <= 32
    assert 15 <= counts["contacts"] <= 20
    assert 35 <= counts["interactions"] <= 50
    assert 5 <= counts["events"] <= 8
    assert 15 <= counts["volunteer_shifts"] <= 25
    assert 4 <= counts["ceus"] <= 6

    # ---- application histories ----
    apps = {a["id"]: a for a in R["applications"]}
    evs = {}
    for e in R["application_events"]:
        evs.setdefault(e["application_id"], []).append(e)
    stale, future_interviews = [], []
    for i, a in apps.items():
        es = sorted(evs.get(i, []), key=lambda e: e["id"])
        st = [e for e in es if e["kind"] == "status"]
        assert st and st[0]["id"] == es[0]["id"] and st[0]["from_status"] is None, i
        first_day = st[0]["date"]
        assert first_day == a["created_at"][:10], i
        if st[0]["to_status"] != "saved":
            assert a["applied_on"] == first_day, i
        prev = None
        for e in st:
            assert e["from_status"] == prev, (i, e)
            assert prev is None or e["date"] >= last_date, (i, e)
            prev, last_date = e["to_status"], e["date"]
        assert prev == a["status"], i
        assert (a["applied_on"] is None) == all(e["to_status"] == "saved" for e in st), i
        if a["applied_on"]:
            assert a["applied_on"] == min(e["date"] for e in st if e["to_status"] != "saved"), i
        for e in es:
            assert e["kind"] == "interview" or e["date"] <= T.isoformat(), (i, e)
        # follow-ups: entering applied/interview/offer sets +7/+4/+2 (same day event),
        # closing clears; the last follow_up event equals follow_up_on
        fus = [e for e in es if e["kind"] == "follow_up"]
        for e in st:
            if e["to_status"] in FOLLOW_UP_DAYS:
                want = plus(d(e["date"]), FOLLOW_UP_DAYS[e["to_status"]]).isoformat()
                assert any(f["date"] == e["date"] and f["note"] == want and f["id"] > e["id"] for f in fus), (i, e)
            if e["to_status"] in CLOSED:
                assert any(f["date"] == e["date"] and f["note"] == "cleared" for f in fus), (i, e)
        last_fu = fus[-1]["note"] if fus else "cleared"
        assert (a["follow_up_on"] or "cleared") == last_fu, (i, a["follow_up_on"], last_fu)
        if a["status"] in CLOSED:
            assert a["follow_up_on"] is None, i
        assert a["updated_at"] >= a["created_at"] and a["updated_at"][:10] <= T.isoformat(), i
        # days quiet / stale (DESIGN §3)
        acts = [a["applied_on"]] + [e["date"] for e in es if e["kind"] in ("status", "interview", "note")]
        quiet = (T - d(max(x for x in acts if x and x <= T.isoformat()))).days
        if a["status"] in ("applied", "screening", "interview") and quiet >= 21:
            stale.append(i)
        for e in es:
            if e["kind"] == "interview" and e["date"] > T.isoformat():
                future_interviews.append((i, e["date"]))
        if a["referral_contact_id"] is not None:
            assert a["source"] == "referral", i
    assert len(stale) >= 2, stale
    assert any(apps[i]["status"] == "interview" and d(x) <= plus(T, 14) for i, x in future_interviews)

    # ---- status spread ----
    by_status = dict(q("SELECT status, count(*) FROM applications GROUP BY status"))
    for s in ("saved", "applied", "screening", "interview", "offer", "rejected", "ghosted", "withdrawn"):
        assert by_status.get(s, 0) >= 1, s
    assert 1 <= by_status["offer"] <= 2 and by_status["withdrawn"] == 1
    fu_dates = [a["follow_up_on"] for a in apps.values() if a["follow_up_on"]]
    assert any(x < T.isoformat() for x in fu_dates) and any(x > T.isoformat() for x in fu_dates)

    # ---- showcase numbers (report apps / report network) ----
    def responded(i):
        return any(e["kind"] == "status" and e["to_status"] in RESPONSES for e in evs[i])

    def interviewed(i):
        return any((e["kind"] == "status" and e["to_status"] in ("interview", "offer", "accepted"))
                   or (e["kind"] == "interview" and e["date"] <= T.isoformat()) for e in evs[i])

    applied_for = [i for i, a in apps.items() if a["applied_on"]]
    indeed = [i for i in applied_for if apps[i]["source"] == "indeed"]
    assert len([i for i in apps if apps[i]["source"] == "indeed"]) == 4
    assert len(indeed) == 4 and sum(map(responded, indeed)) == 1
    referred = [i for i in applied_for if apps[i]["referral_contact_id"] or apps[i]["source"] == "referral"]
    assert len(referred) == 2 and all(map(interviewed, referred))
    assert sorted(apps[i]["status"] for i in referred)[1] == "rejected" or \
        "rejected" in [apps[i]["status"] for i in referred]
    with_ref = [i for i, a in apps.items() if a["referral_contact_id"]]
    assert 3 <= len(with_ref) <= 4
    non_ref = [i for i in applied_for if i not in referred]
    srcs = sorted({a["source"] for a in apps.values()})
    facts.append(f"indeed: {len(indeed)} applied, {sum(map(responded, indeed))} response")
    facts.append(f"referred (applied for): {len(referred)}, interviewed {sum(map(interviewed, referred))}; "
                 f"rows with referral_contact_id: {len(with_ref)} (one saved)")
    facts.append(f"non-referred applied: {len(non_ref)}, responses {sum(map(responded, non_ref))}, "
                 f"interviewed {sum(map(interviewed, non_ref))}")
    facts.append(f"stale (>=21 days quiet): apps {stale}; future interview: {future_interviews}")
    facts.append(f"by_status: {by_status}; sources: {srcs}")

    # ---- contacts / interactions ----
    contacts = {c["id"]: c for c in R["contacts"]}
    for r in R["interactions"]:
        assert r["date"] >= contacts[r["contact_id"]]["added_on"], r
        assert r["date"] <= T.isoformat()
    cfu = [c["follow_up_on"] for c in contacts.values() if c["follow_up_on"]]
    assert any(x <= T.isoformat() for x in cfu) and any(x > T.isoformat() for x in cfu), cfu
    assert any(c["relationship"] == "mentor" for c in contacts.values())
    assert len({c["relationship"] for c in contacts.values()}) == 8
    for a in apps.values():
        if a["referral_contact_id"]:
            assert contacts[a["referral_contact_id"]]["added_on"] <= a["created_at"][:10]
    weeks = {}
    for r in R["interactions"]:
        wk = d(r["date"]) - dt.timedelta(days=d(r["date"]).weekday())
        weeks[wk] = weeks.get(wk, 0) + 1
    this_monday = T - dt.timedelta(days=T.weekday())
    assert weeks.get(this_monday, 0) >= 4 and weeks.get(plus(this_monday, -7), 0) >= 4, weeks
    facts.append(f"interactions per week: {[weeks.get(plus(this_monday, -7 * k), 0) for k in range(12, -1, -1)]}")

    # ---- events, memberships, volunteer, education, experience, certs ----
    up = [e for e in R["events"] if T.isoformat() < e["date"] <= plus(T, 14).isoformat()]
    assert up, "no upcoming event"
    ren = [m for m in R["memberships"] if m["renews_on"] and T.isoformat() < m["renews_on"] <= plus(T, 42).isoformat()]
    assert len(ren) == 1
    assert len({s["org"] for s in R["volunteer_shifts"]}) == 2
    for s in R["volunteer_shifts"]:
        assert 2 <= s["hours"] <= 6 and s["date"] <= T.isoformat()
    wk_hours = sum(s["hours"] for s in R["volunteer_shifts"] if d(s["date"]) >= this_monday)
    assert wk_hours > 0
    assert sum(1 for e in R["experience"] if e["ended_on"] is None) <= 1
    assert any(e["healthcare"] == 1 for e in R["experience"]) and any(e["healthcare"] == 0 for e in R["experience"])
    edu = R["education"]
    assert any(e["level"] == "associate" and e["cahiim_accredited"] == 1 and e["status"] == "completed" for e in edu)
    assert any(e["level"] == "bachelor" and e["cahiim_accredited"] == 1 and e["status"] in ("enrolled", "final_term")
               for e in edu)
    certs = {c["code"]: c for c in R["certifications"]}
    rhit = certs["RHIT"]
    assert rhit["status"] == "passed" and 300 <= rhit["score"] <= 400
    pd = d(rhit["passed_on"])
    assert rhit["expires_on"] == plus(pd.replace(year=pd.year + 2), -1).isoformat()
    assert certs["CCS"]["status"] in ("planning", "scheduled") and certs["CCS"]["exam_on"] > T.isoformat()
    for c in R["ceus"]:
        assert c["certification_id"] == rhit["id"] and c["date"] >= rhit["passed_on"] and c["date"] <= T.isoformat()
    goals = {g["metric"]: (g["period"], g["target"]) for g in R["goals"]}
    assert goals == {"applications": ("week", 5), "interactions": ("week", 8),
                     "volunteer_hours": ("week", 6), "contacts": ("month", 4)}

    # ---- organizations: created no later than their first use ----
    orgs = {o["id"]: o for o in R["organizations"]}
    for a in apps.values():
        assert org_created(con, a["id"]) <= a["created_at"], a["id"]
    for c in contacts.values():
        if c["org"] is not None:
            assert orgs[c["org"]]["created_at"][:10] <= c["added_on"]
    assert all(o["created_at"][:10] <= T.isoformat() for o in orgs.values())

    for t in ("organizations", "applications"):
        stamps = [r["created_at"] for r in sorted(R[t], key=lambda r: r["id"])]
        assert stamps == sorted(stamps), t
    # free text carries no absolute dates (a shift would not move them); follow_up
    # event notes are the exception: they ARE dates and a shifting loader moves them
    import re
    for t in TABLES:
        for r in R[t]:
            for k, v in r.items():
                if isinstance(v, str) and k not in ("date", "created_at", "updated_at", "offer_deadline") and \
                        not k.endswith("_on") and k != "since" and not (t == "application_events" and k == "note"
                                                                         and r["kind"] == "follow_up"):
                    assert not re.search(r"\b20\d\d\b", v), (t, k, v)

    # ---- dates: what happened is on or before today; the latest in 11-20..11-26 ----
    happened = []
    happened += [a["applied_on"] for a in apps.values() if a["applied_on"]]
    happened += [a[k][:10] for a in apps.values() for k in ("created_at", "updated_at")]
    happened += [e["date"] for e in R["application_events"] if e["kind"] != "interview"]
    happened += [e["date"] for e in R["application_events"] if e["kind"] == "interview" and e["date"] <= T.isoformat()]
    happened += [c["added_on"] for c in contacts.values()]
    happened += [r["date"] for r in R["interactions"]]
    happened += [s["date"] for s in R["volunteer_shifts"]]
    happened += [c["date"] for c in R["ceus"]]
    happened += [o["created_at"][:10] for o in orgs.values()]
    latest = max(happened)
    assert all(x <= T.isoformat() for x in happened)
    assert "2026-11-20" <= latest <= "2026-11-26", latest
    # Things in the future (must stay upcoming after a shift of up to 6 days back):
    future = [(f"interview app {i}", x) for i, x in future_interviews]
    future += [("event " + e["title"], e["date"]) for e in R["events"] if e["date"] > T.isoformat()]
    future += [("exam " + c["code"], c["exam_on"]) for c in certs.values() if c["exam_on"] and c["exam_on"] > T.isoformat()]
    future += [("renewal", m["renews_on"]) for m in R["memberships"] if m["renews_on"] and m["renews_on"] > T.isoformat()]
    for what, x in future:
        assert d(x) >= plus(T, 7), (what, x)
    facts.append(f"latest past-activity date: {latest}; volunteer hours this week: {wk_hours}")
    facts.append("rows: " + ", ".join(f"{t} {counts[t]}" for t in TABLES))
    return facts


def org_created(con, app_id):
    return con.execute("SELECT o.created_at FROM organizations o JOIN applications a ON a.org_id = o.id "
                       "WHERE a.id = ?", (app_id,)).fetchone()[0]


def main():
    if "--check" not in sys.argv[1:]:
        write(build())
    for line in check():
        print(line)
    print("ok")


if __name__ == "__main__":
    main()
