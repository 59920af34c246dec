//! Employer contacts, news and staleness, the follow-ups of screening and
//! interviews, and the agenda's thank-you items. Every date is computed
//! here from the pinned today (Thursday 2026-11-26), never copied from
//! output.

use chrono::{Days, NaiveDate};
use serde_json::Value;

use crate::util::TestEnv;

const TODAY: &str = "2026-11-26";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

/// Today moved by `days` (negative: back), as typed.
fn day(days: i64) -> String {
    let today = today();
    let date = if days >= 0 {
        today + Days::new(days as u64)
    } else {
        today - Days::new(days.unsigned_abs())
    };
    date.to_string()
}

/// The agenda items of one kind as (date, id, overdue).
fn agenda_of(env: &TestEnv, kind: &str, extra: &[&str]) -> Vec<(String, i64, bool)> {
    let mut args = vec!["agenda"];
    args.extend_from_slice(extra);
    env.json(&args)
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["kind"] == kind)
        .map(|item| {
            (
                item["date"].as_str().unwrap().to_string(),
                item["id"].as_i64().unwrap(),
                item["overdue"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn show(env: &TestEnv, id: i64) -> Value {
    env.json(&["app", "show", &id.to_string()])
}

#[test]
fn your_own_contact_is_activity_and_sets_the_follow_up_but_is_not_news() {
    let env = TestEnv::new();
    let applied = day(-30);
    env.ok(&["app", "add", "Mercy Health", "Coder", "--applied", &applied]);
    let stale_on = day(-30 + 21);
    assert_eq!(
        agenda_of(&env, "stale", &[]),
        vec![(stale_on.clone(), 1, true)]
    );

    let said = env.ok(&[
        "app",
        "contact",
        "1",
        "--via",
        "email",
        "--on",
        &day(-2),
        "--note",
        "asked about timing",
    ]);
    assert!(said.contains("Contacted Mercy Health"), "{said}");
    assert!(
        said.contains(&format!("follow up by {}", day(-2 + 7))),
        "{said}"
    );
    let app = show(&env, 1);
    assert_eq!(app["follow_up_on"], day(5));
    let entry = app["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "employer_contact")
        .unwrap()
        .clone();
    assert_eq!(entry["via"], "email");
    assert_eq!(entry["direction"], "outbound");
    assert_eq!(entry["date"], day(-2));
    // Activity: two days quiet. Not news: still stale, from the same day.
    let listed = env.json(&["app", "list"]);
    assert_eq!(listed[0]["days_quiet"], 2);
    assert_eq!(
        agenda_of(&env, "stale", &[]),
        vec![(stale_on.clone(), 1, true)]
    );
    // A note is not news either.
    env.ok(&["app", "note", "1", "still no reply"]);
    assert_eq!(agenda_of(&env, "stale", &[]), vec![(stale_on, 1, true)]);
    // The status did not move and no response was counted.
    assert_eq!(app["status"], "applied");
    assert_eq!(
        env.json(&["report", "apps"])["by_source"][0]["responses"],
        0
    );
}

#[test]
fn news_from_the_employer_ends_a_stale_spell_and_answers_a_due_follow_up() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        &day(-30),
    ]);
    // The follow-up from applying (applied + 7) is long due.
    assert_eq!(show(&env, 1)["follow_up_on"], day(-23));
    let output = env
        .cmd()
        .args([
            "app",
            "contact",
            "mercy",
            "--via",
            "phone",
            "--from-them",
            "--on",
            &day(-1),
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("jobtrack app set 1 screening"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("Heard from Mercy Health"), "{stdout}");
    assert!(stdout.contains("follow-up cleared"), "{stdout}");
    let app = show(&env, 1);
    assert_eq!(app["follow_up_on"], Value::Null);
    assert_eq!(app["status"], "applied", "news does not move the status");
    assert!(agenda_of(&env, "stale", &[]).is_empty());
    // Stale again 21 days after the news.
    let later = env.on(&day(-1 + 21));
    let stale = later.json(&["agenda"]);
    assert!(
        stale
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["kind"] == "stale" && i["date"] == day(20)),
        "{stale}"
    );

    // A follow-up set later than the news is kept.
    env.ok(&["app", "edit", "1", "--follow-up", &day(10)]);
    env.ok(&["app", "contact", "1", "--via", "email", "--from-them"]);
    assert_eq!(show(&env, 1)["follow_up_on"], day(10));
    // An explicit one wins either way.
    env.ok(&[
        "app",
        "contact",
        "1",
        "--via",
        "portal",
        "--from-them",
        "--follow-up",
        &day(3),
    ]);
    assert_eq!(show(&env, 1)["follow_up_on"], day(3));
}

#[test]
fn a_contact_names_the_person_and_a_closed_application_gets_no_follow_up() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee", "--org", "Mercy Health"]);
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        &day(-10),
    ]);
    env.ok(&["app", "set", "1", "rejected"]);
    assert_eq!(show(&env, 1)["follow_up_on"], Value::Null);
    let output = env
        .cmd()
        .args([
            "app",
            "contact",
            "1",
            "--via",
            "in_person",
            "--with",
            "anna",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("using contact 1: Anna Lee"));
    let app = show(&env, 1);
    assert_eq!(app["follow_up_on"], Value::Null);
    let entry = app["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(entry["kind"], "employer_contact");
    assert_eq!(entry["with"][0]["name"], "Anna Lee");
    let shown = env.ok(&["app", "show", "1"]);
    assert!(shown.contains("contact (in person)"), "{shown}");
    assert!(shown.contains("Anna Lee"), "{shown}");
    // With --follow-up it is set even here.
    env.ok(&[
        "app",
        "contact",
        "1",
        "--via",
        "mail",
        "--follow-up",
        &day(14),
    ]);
    assert_eq!(show(&env, 1)["follow_up_on"], day(14));
}

#[test]
fn bad_contact_input_writes_nothing() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let events = env.count("SELECT count(*) FROM application_events");
    let stderr = env.fails(2, &["app", "contact", "1", "--via", "pigeon"]);
    assert!(
        stderr.contains("pigeon") && stderr.contains("email"),
        "{stderr}"
    );
    let stderr = env.fails(
        2,
        &["app", "contact", "1", "--via", "email", "--on", &day(3)],
    );
    assert!(stderr.contains("--on"), "{stderr}");
    let stderr = env.fails(
        2,
        &["app", "contact", "1", "--via", "email", "--with", "Zoe"],
    );
    assert!(stderr.contains("--with"), "{stderr}");
    let stderr = env.fails(2, &["app", "contact", "1"]);
    assert!(stderr.contains("--via"), "{stderr}");
    assert_eq!(env.count("SELECT count(*) FROM application_events"), events);
}

#[test]
fn screening_follows_up_in_five_days_and_an_interview_four_days_after_it() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        &day(-10),
    ]);
    env.ok(&["app", "set", "1", "screening", "--on", &day(-1)]);
    assert_eq!(show(&env, 1)["follow_up_on"], day(-1 + 5));
    // A planned interview: the follow-up is D + 4, never before D.
    let said = env.ok(&["app", "interview", "1", "--on", &day(10)]);
    assert!(
        said.contains(&format!("follow up by {}", day(14))),
        "{said}"
    );
    let app = show(&env, 1);
    assert_eq!(app["status"], "interview");
    assert_eq!(app["follow_up_on"], day(14));
    // A second, later round moves it again; an earlier one does not pull it back.
    env.ok(&["app", "interview", "1", "--on", &day(20)]);
    assert_eq!(show(&env, 1)["follow_up_on"], day(24));
    env.ok(&["app", "interview", "1", "--on", &day(12)]);
    assert_eq!(show(&env, 1)["follow_up_on"], day(24));
    // The follow-up entry names the entry whose command set it.
    let caused: i64 = env.count(
        "SELECT count(*) FROM application_events f JOIN application_events c ON c.id = f.caused_by
         WHERE f.kind = 'follow_up' AND c.kind = 'interview'",
    );
    assert!(caused >= 1);
}

#[test]
fn a_thank_you_is_due_the_day_after_an_interview_until_you_write() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        &day(-20),
    ]);
    env.ok(&["app", "add", "St. Luke's", "Clerk", "--applied", &day(-20)]);
    env.ok(&[
        "app",
        "add",
        "Trinity Health",
        "Analyst",
        "--applied",
        &day(-20),
    ]);
    env.ok(&["app", "interview", "1", "--on", &day(-2)]);
    env.ok(&["app", "interview", "2", "--on", &day(-3)]);
    // Older than 7 days: no thank-you any more.
    env.ok(&["app", "interview", "3", "--on", &day(-8)]);
    let entry = |app: i64| -> i64 {
        env.count(&format!(
            "SELECT min(id) FROM application_events WHERE application_id = {app} AND kind = 'interview'"
        ))
    };
    let mut due = agenda_of(&env, "thank_you", &[]);
    due.sort();
    assert_eq!(
        due,
        vec![(day(-2), entry(2), true), (day(-1), entry(1), true)]
    );
    let human = env.ok(&["agenda"]);
    assert!(
        human.contains("Send a thank-you: Coder at Mercy Health"),
        "{human}"
    );
    // An outbound contact clears one, a note entered afterwards the other.
    env.ok(&["app", "contact", "1", "--via", "email"]);
    env.ok(&["app", "note", "2", "thanked the panel"]);
    assert!(agenda_of(&env, "thank_you", &[]).is_empty());
    // A contact from them does not count as your thank-you.
    env.ok(&[
        "app",
        "add",
        "Ohio HIMA",
        "Coordinator",
        "--applied",
        &day(-20),
    ]);
    env.ok(&["app", "interview", "4", "--on", TODAY]);
    env.ok(&["app", "contact", "4", "--via", "phone", "--from-them"]);
    assert_eq!(
        agenda_of(&env, "thank_you", &[]),
        vec![(day(1), entry(4), false)]
    );
    // A closed application has none.
    env.ok(&["app", "set", "4", "rejected"]);
    assert!(agenda_of(&env, "thank_you", &[]).is_empty());
}

#[test]
fn an_interview_keeps_its_time_length_kind_place_and_interviewers() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee", "--org", "Mercy Health"]);
    env.ok(&["contact", "add", "Tom Baker", "--org", "Mercy Health"]);
    env.ok(&["app", "add", "Mercy Health", "Coder", "--applied", &day(-5)]);
    let said = env.ok(&[
        "app",
        "interview",
        "1",
        "--on",
        &day(5),
        "--at",
        "9:30",
        "--minutes",
        "45",
        "--kind",
        "video",
        "--where",
        "https://meet.example/abc",
        "--with",
        "anna",
        "--with",
        "Tom Baker",
    ]);
    assert!(said.contains(&format!("on {} at 09:30", day(5))), "{said}");
    let app = show(&env, 1);
    let entry = app["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "interview")
        .unwrap()
        .clone();
    assert_eq!(entry["at"], "09:30");
    assert_eq!(entry["minutes"], 45);
    assert_eq!(entry["interview_kind"], "video");
    assert_eq!(entry["place"], "https://meet.example/abc");
    assert_eq!(entry["with"][0]["name"], "Anna Lee");
    assert_eq!(entry["with"][1]["name"], "Tom Baker");
    let shown = env.ok(&["app", "show", "1"]);
    assert!(
        shown.contains("interview at 09:30 (video, 45 min)"),
        "{shown}"
    );
    assert!(shown.contains("https://meet.example/abc"), "{shown}");
    let agenda = env.json(&["agenda"]);
    let item = agenda
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "interview")
        .unwrap()
        .clone();
    assert_eq!(item["date"], day(5));
    assert_eq!(
        item["title"],
        "Interview at 09:30: Coder at Mercy Health (application 1)"
    );

    // Two entries on one day are one interview only when the time matches.
    env.ok(&["app", "interview", "1", "--on", &day(5), "--at", "09:30"]);
    env.ok(&["app", "interview", "1", "--on", &day(5), "--at", "14:00"]);
    let interviews = agenda_of(&env, "interview", &[]);
    assert_eq!(interviews.len(), 2, "{interviews:?}");
    assert_eq!(
        env.count("SELECT count(*) FROM application_events WHERE kind = 'interview'"),
        3
    );
}

#[test]
fn bad_interview_details_are_refused_and_nothing_is_written() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let events = env.count("SELECT count(*) FROM application_events");
    let on = day(3);
    for (args, field) in [
        (vec!["--at", "2pm"], "--at"),
        (vec!["--at", "24:00"], "--at"),
        (vec!["--minutes", "0"], "--minutes"),
        (vec!["--minutes", "ninety"], "--minutes"),
        (vec!["--kind", "lunch"], "lunch"),
        (vec!["--with", "Nobody"], "--with"),
    ] {
        let mut full = vec!["app", "interview", "1", "--on", &on];
        full.extend(args);
        let stderr = env.fails(2, &full);
        assert!(stderr.contains(field), "{field}: {stderr}");
    }
    assert!(env.fails(2, &["app", "interview", "1"]).contains("--on"));
    assert_eq!(env.count("SELECT count(*) FROM application_events"), events);
}

#[test]
fn an_outcome_marks_an_interview_and_leaves_the_status_alone() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        &day(-10),
    ]);
    env.ok(&["app", "interview", "1", "--on", &day(-3)]);
    env.ok(&["app", "interview", "1", "--on", &day(-1)]);
    env.ok(&["app", "interview", "1", "--on", &day(4)]);
    let id_on = |date: &str| -> i64 {
        env.count(&format!(
            "SELECT id FROM application_events WHERE kind = 'interview' AND date = '{date}'"
        ))
    };
    // Default: the latest interview on or before today.
    env.ok(&["app", "interview", "1", "--outcome", "passed"]);
    let outcome_of = |id: i64| -> Option<String> {
        env.sql()
            .query_row(
                "SELECT outcome FROM application_events WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(outcome_of(id_on(&day(-1))).as_deref(), Some("passed"));
    assert_eq!(outcome_of(id_on(&day(-3))), None);
    assert_eq!(outcome_of(id_on(&day(4))), None);
    // Another entry by id; rejected prints the command that closes it.
    let first = id_on(&day(-3)).to_string();
    let output = env
        .cmd()
        .args([
            "app",
            "interview",
            "1",
            "--outcome",
            "rejected",
            "--entry",
            &first,
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("jobtrack app set 1 rejected"), "{stderr}");
    assert_eq!(outcome_of(id_on(&day(-3))).as_deref(), Some("rejected"));
    assert_eq!(show(&env, 1)["status"], "interview");
    assert!(env.ok(&["app", "show", "1"]).contains(": rejected"));
    // An entry that is not one of its interviews, or none to mark.
    let stderr = env.fails(
        2,
        &[
            "app",
            "interview",
            "1",
            "--outcome",
            "passed",
            "--entry",
            "1",
        ],
    );
    assert!(
        stderr.contains("not an interview of application 1"),
        "{stderr}"
    );
    env.ok(&["app", "add", "St. Luke's", "Clerk"]);
    let stderr = env.fails(2, &["app", "interview", "2", "--outcome", "passed"]);
    assert!(
        stderr.contains("no interview on or before today"),
        "{stderr}"
    );
    let stderr = env.fails(
        2,
        &[
            "app",
            "interview",
            "1",
            "--outcome",
            "passed",
            "--on",
            TODAY,
        ],
    );
    assert!(stderr.contains("--on"), "{stderr}");
}

#[test]
fn a_future_interview_set_as_a_status_points_to_app_interview() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder", "--applied", &day(-5)]);
    let stderr = env.fails(2, &["app", "set", "1", "interview", "--on", &day(3)]);
    assert!(
        stderr.contains(&format!("jobtrack app interview 1 --on {}", day(3))),
        "{stderr}"
    );
    assert_eq!(show(&env, 1)["status"], "applied");
    // Other statuses keep the plain past-date refusal.
    let stderr = env.fails(2, &["app", "set", "1", "screening", "--on", &day(3)]);
    assert!(!stderr.contains("app interview"), "{stderr}");
    // A past date is still a status change.
    env.ok(&["app", "set", "1", "interview", "--on", &day(-1)]);
    assert_eq!(show(&env, 1)["status"], "interview");
}

#[test]
fn people_are_linked_to_applications_with_roles() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee", "--org", "Mercy Health"]);
    env.ok(&["contact", "add", "Tom Baker"]);
    env.ok(&["app", "add", "Mercy Health", "Coder", "--referral", "tom"]);
    env.ok(&["app", "add", "Mercy Health", "Analyst"]);
    let said = env.ok(&["app", "link", "coder", "anna", "--role", "recruiter"]);
    assert!(said.contains("Linked Anna Lee to application 1"), "{said}");
    assert!(said.contains("as recruiter"), "{said}");
    env.ok(&["app", "link", "2", "1", "--role", "hiring_manager"]);
    let app = show(&env, 1);
    let people: Vec<(String, String)> = app["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["role"].as_str().unwrap().to_string(),
                p["contact"]["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        people,
        vec![
            ("referrer".to_string(), "Tom Baker".to_string()),
            ("recruiter".to_string(), "Anna Lee".to_string())
        ]
    );
    assert_eq!(app["referral"]["name"], "Tom Baker");
    let shown = env.ok(&["app", "show", "1"]);
    assert!(shown.contains("recruiter: Anna Lee"), "{shown}");
    assert!(shown.contains("referrer: Tom Baker"), "{shown}");

    // contact show lists the applications with roles.
    let anna = env.json(&["contact", "show", "anna"]);
    let roles: Vec<(i64, String)> = anna["applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_i64().unwrap(),
                a["role"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        roles,
        vec![(1, "recruiter".into()), (2, "hiring_manager".into())]
    );
    let human = env.ok(&["contact", "show", "1"]);
    assert!(
        human.contains("On applications") && human.contains("hiring manager"),
        "{human}"
    );

    // A new role replaces the old one; the same one changes nothing.
    let said = env.ok(&["app", "link", "1", "anna", "--role", "interviewer"]);
    assert!(
        said.contains("now interviewer") && said.contains("was recruiter"),
        "{said}"
    );
    let said = env.ok(&["app", "link", "1", "anna", "--role", "interviewer"]);
    assert!(said.contains("nothing changed"), "{said}");
    assert_eq!(env.count("SELECT count(*) FROM application_contacts"), 3);

    // Unlinking removes only the link; the referrer role is the referral.
    env.ok(&["app", "unlink", "1", "tom"]);
    assert_eq!(show(&env, 1)["referral"], Value::Null);
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 2);
    let stderr = env.fails(2, &["app", "unlink", "1", "tom"]);
    assert!(
        stderr.contains("Tom Baker is not linked to application 1"),
        "{stderr}"
    );
    let stderr = env.fails(2, &["app", "link", "1", "anna", "--role", "boss"]);
    assert!(
        stderr.contains("boss") && stderr.contains("recruiter"),
        "{stderr}"
    );
    // Removing a contact removes their links, not the applications.
    env.ok(&["contact", "rm", "anna"]);
    assert_eq!(env.count("SELECT count(*) FROM application_contacts"), 0);
    assert_eq!(env.count("SELECT count(*) FROM applications"), 2);
}

#[test]
fn an_offer_keeps_its_terms_apart_and_its_deadline_is_on_the_agenda() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--salary",
        "45k-50k",
        "--applied",
        &day(-20),
    ]);
    env.ok(&["app", "interview", "1", "--on", &day(-5)]);
    let said = env.ok(&[
        "app",
        "offer",
        "1",
        "--salary",
        "52.5k",
        "--deadline",
        &day(6),
        "--start",
        &day(40),
        "--note",
        "benefits from day one",
    ]);
    assert!(said.contains("status interview → offer"), "{said}");
    assert!(said.contains(&format!("follow up by {}", day(2))), "{said}");
    let app = show(&env, 1);
    assert_eq!(app["status"], "offer");
    assert_eq!(app["salary_min"], 45000, "the posted range stays");
    assert_eq!(app["salary_max"], 50000);
    assert_eq!(app["offer_salary_min"], 52500);
    assert_eq!(app["offer_salary_max"], 52500);
    assert_eq!(app["offer_salary_period"], "year");
    assert_eq!(app["offer_deadline"], day(6));
    assert_eq!(app["offer_start_on"], day(40));
    assert_eq!(app["follow_up_on"], day(2));
    let status_entry = app["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["to_status"] == "offer")
        .unwrap()
        .clone();
    assert_eq!(status_entry["date"], TODAY);
    assert_eq!(status_entry["note"], "benefits from day one");
    let shown = env.ok(&["app", "show", "1"]);
    assert!(
        shown.contains(&format!(
            "52,500 a year; answer by {}; starts {}",
            day(6),
            day(40)
        )),
        "{shown}"
    );
    assert_eq!(
        agenda_of(&env, "offer_deadline", &[]),
        vec![(day(6), 1, false)]
    );

    // Repeating replaces the terms given and keeps the others; the status
    // does not move again.
    let events = env.count("SELECT count(*) FROM application_events");
    env.ok(&["app", "offer", "1", "--salary", "26/hr"]);
    let app = show(&env, 1);
    assert_eq!(app["offer_salary_min"], 26);
    assert_eq!(app["offer_salary_period"], "hour");
    assert_eq!(app["offer_deadline"], day(6));
    assert_eq!(env.count("SELECT count(*) FROM application_events"), events);
    // Overdue while still an offer; gone once answered.
    let later = env.on(&day(8));
    let overdue = later.json(&["agenda"]);
    assert!(
        overdue
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["kind"] == "offer_deadline" && i["date"] == day(6) && i["overdue"] == true),
        "{overdue}"
    );
    env.ok(&["app", "set", "1", "accepted"]);
    assert!(agenda_of(&env, "offer_deadline", &[]).is_empty());
    // Bad terms are refused before anything is written.
    let events = env.count("SELECT count(*) FROM application_events");
    assert!(env
        .fails(2, &["app", "offer", "1", "--salary", "lots"])
        .contains("--salary"));
    assert!(env
        .fails(2, &["app", "offer", "1", "--deadline", "someday"])
        .contains("--deadline"));
    assert_eq!(env.count("SELECT count(*) FROM application_events"), events);
}

/// The VEVENTs of a feed, parsed with the `icalendar` crate, as maps of
/// their properties (and `VALARM` when they hold one).
fn vevents(text: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let unfolded = icalendar::parser::unfold(text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|event| {
            let mut props: std::collections::BTreeMap<String, String> = event
                .properties
                .iter()
                .map(|p| (p.name.as_str().to_string(), p.val.as_str().to_string()))
                .collect();
            for alarm in event.components.iter().filter(|c| c.name == "VALARM") {
                let trigger = alarm
                    .find_prop("TRIGGER")
                    .map(|p| p.val.as_str().to_string());
                props.insert("VALARM".into(), trigger.unwrap_or_default());
            }
            props
        })
        .collect()
}

/// Today's date in the compact iCalendar form, moved by `days`.
fn ics_day(days: i64) -> String {
    day(days).replace('-', "")
}

#[test]
fn a_timed_interview_is_a_timed_event_with_an_alarm_and_a_sequence() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee", "--org", "Mercy Health"]);
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        &day(-3),
        "--url",
        "https://jobs.example/coder",
    ]);
    env.ok(&[
        "app",
        "interview",
        "1",
        "--on",
        &day(5),
        "--at",
        "14:30",
        "--minutes",
        "45",
        "--kind",
        "video",
        "--where",
        "https://meet.example/abc",
        "--with",
        "Anna Lee",
    ]);
    let entry = env.count("SELECT id FROM application_events WHERE kind = 'interview'");
    let dbid: String = env
        .sql()
        .query_row("SELECT value FROM meta WHERE key = 'dbid'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let text = env.ok(&["agenda", "--ics"]);
    let events = vevents(&text);
    let interview = events
        .iter()
        .find(|e| e["CATEGORIES"] == "interview")
        .expect("the interview")
        .clone();
    assert_eq!(
        interview["UID"],
        format!("interview-{entry}-{dbid}@jobtrack")
    );
    assert_eq!(interview["DTSTART"], format!("{}T143000", ics_day(5)));
    assert_eq!(interview["DTEND"], format!("{}T151500", ics_day(5)));
    assert_eq!(interview["VALARM"], "-PT1H");
    assert_eq!(interview["SEQUENCE"], "0");
    assert_eq!(interview["LOCATION"], "https://meet.example/abc");
    let description = &interview["DESCRIPTION"];
    assert!(
        description.contains("Where: https://meet.example/abc"),
        "{description}"
    );
    assert!(description.contains("With: Anna Lee"), "{description}");
    assert!(
        description.contains("Posting: https://jobs.example/coder"),
        "{description}"
    );
    // The all-day follow-up has no alarm.
    let follow_up = events
        .iter()
        .find(|e| e["CATEGORIES"] == "app_follow_up")
        .unwrap();
    assert!(!follow_up.contains_key("VALARM"));
    assert_eq!(
        follow_up["DTSTART"],
        ics_day(9),
        "4 days after the interview"
    );

    // Moving the interview raises its SEQUENCE, and so does moving the
    // follow-up.
    env.sql()
        .execute(
            "UPDATE application_events SET date = ?1 WHERE id = ?2",
            rusqlite::params![day(6), entry],
        )
        .unwrap();
    let moved = vevents(&env.ok(&["agenda", "--ics"]));
    let interview = moved
        .iter()
        .find(|e| e["CATEGORIES"] == "interview")
        .unwrap();
    assert_eq!(interview["SEQUENCE"], "1");
    assert_eq!(interview["DTSTART"], format!("{}T143000", ics_day(6)));
    let before: i64 = follow_up["SEQUENCE"].parse().unwrap();
    env.ok(&["app", "edit", "1", "--follow-up", &day(12)]);
    let moved = vevents(&env.ok(&["agenda", "--ics"]));
    let follow_up = moved
        .iter()
        .find(|e| e["CATEGORIES"] == "app_follow_up")
        .unwrap();
    assert_eq!(follow_up["SEQUENCE"], (before + 1).to_string());
    assert_eq!(follow_up["DTSTART"], ics_day(12));
    // A write that leaves the date alone leaves the SEQUENCE alone.
    env.ok(&["app", "edit", "1", "--location", "Columbus, OH"]);
    let same = vevents(&env.ok(&["agenda", "--ics"]));
    let follow_up = same
        .iter()
        .find(|e| e["CATEGORIES"] == "app_follow_up")
        .unwrap();
    assert_eq!(follow_up["SEQUENCE"], (before + 1).to_string());
    // Without --minutes a timed interview lasts an hour.
    env.ok(&["app", "interview", "1", "--on", &day(8), "--at", "09:00"]);
    let events = vevents(&env.ok(&["agenda", "--ics"]));
    let second = events
        .iter()
        .find(|e| e["CATEGORIES"] == "interview" && e["DTSTART"].starts_with(&ics_day(8)))
        .unwrap();
    assert_eq!(second["DTEND"], format!("{}T100000", ics_day(8)));
}

#[test]
fn the_calendar_places_overdue_items_on_today_and_looks_90_days_ahead_for_exams() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        &day(-10),
    ]);
    env.ok(&["cert", "add", "RHIT"]);
    env.ok(&["cert", "exam", "RHIT", "--on", &day(22)]);
    env.ok(&["app", "offer", "1", "--deadline", &day(60)]);
    env.ok(&["app", "edit", "1", "--follow-up", &day(-2)]);
    // The human agenda's 14 days leave the exam and the deadline out; the
    // calendar has them.
    assert!(agenda_of(&env, "exam", &[]).is_empty());
    let events = vevents(&env.ok(&["agenda", "--ics"]));
    let exam = events
        .iter()
        .find(|e| e["CATEGORIES"] == "exam")
        .expect("the exam");
    assert_eq!(exam["DTSTART"], ics_day(22));
    let deadline = events
        .iter()
        .find(|e| e["CATEGORIES"] == "offer_deadline")
        .unwrap();
    assert_eq!(deadline["DTSTART"], ics_day(60));
    // --days narrows the rest but not those.
    let narrow = vevents(&env.ok(&["agenda", "--ics", "--days", "0"]));
    assert!(narrow.iter().any(|e| e["CATEGORIES"] == "exam"));
    // The overdue follow-up sits on today and says since when.
    let follow_up = events
        .iter()
        .find(|e| e["CATEGORIES"] == "app_follow_up")
        .unwrap();
    assert_eq!(follow_up["DTSTART"], ics_day(0));
    assert!(
        follow_up["SUMMARY"].ends_with(&format!("(overdue since {})", day(-2))),
        "{follow_up:?}"
    );
}

#[test]
fn two_databases_never_share_uids_and_an_empty_agenda_is_a_calendar() {
    let one = TestEnv::new();
    let two = TestEnv::new();
    for env in [&one, &two] {
        env.ok(&["app", "add", "Mercy Health", "Coder"]);
    }
    let uids = |env: &TestEnv| -> Vec<String> {
        vevents(&env.ok(&["agenda", "--ics"]))
            .iter()
            .map(|e| e["UID"].clone())
            .collect()
    };
    let (a, b) = (uids(&one), uids(&two));
    assert_eq!(a.len(), 1);
    assert_eq!(b.len(), 1);
    assert_ne!(a, b);
    assert!(
        a[0].starts_with("app_follow_up-1-") && a[0].ends_with("@jobtrack"),
        "{a:?}"
    );

    let empty = TestEnv::new();
    empty.ok(&["init"]);
    let text = empty.ok(&["agenda", "--ics"]);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    assert!(vevents(&text).is_empty());
}

/// The search-log rows of a range as JSON.
fn log_rows(env: &TestEnv, since: &str, until: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["report", "search-log", "--since", since, "--until", until];
    args.extend_from_slice(extra);
    env.json(&args).as_array().unwrap().clone()
}

#[test]
fn the_search_log_has_a_row_per_employer_contact_with_person_info_and_method() {
    let env = TestEnv::new();
    env.ok(&[
        "contact",
        "add",
        "Rita Recruiter",
        "--email",
        "rita@mercy.example",
    ]);
    env.ok(&["contact", "add", "Hal Manager", "--phone", "555-0100"]);
    env.ok(&["contact", "add", "Ivy Interviewer"]);
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        &day(-6),
        "--source",
        "Indeed.com",
        "--url",
        "https://jobs.example/1",
    ]);
    env.sql()
        .execute(
            "UPDATE organizations SET website = 'https://mercy.example'",
            [],
        )
        .unwrap();
    env.ok(&["app", "contact", "1", "--via", "email", "--on", &day(-6)]);
    env.ok(&[
        "app",
        "add",
        "St. Luke's",
        "Clerk",
        "--applied",
        &day(-6),
        "--url",
        "https://jobs.example/2",
    ]);
    env.ok(&["app", "link", "1", "Hal", "--role", "hiring_manager"]);
    env.ok(&["app", "link", "1", "Rita", "--role", "recruiter"]);
    env.ok(&[
        "app",
        "contact",
        "1",
        "--via",
        "phone",
        "--from-them",
        "--on",
        &day(-5),
        "--note",
        "pending background check",
    ]);
    env.ok(&["app", "set", "1", "screening", "--on", &day(-5)]);
    env.ok(&["app", "note", "1", "private thoughts", "--on", &day(-4)]);
    env.ok(&[
        "app",
        "interview",
        "1",
        "--on",
        &day(-3),
        "--kind",
        "video",
        "--with",
        "Ivy",
    ]);
    env.ok(&["app", "set", "2", "withdrawn", "--on", &day(-2)]);
    let rows = log_rows(&env, &day(-6), TODAY, &[]);
    let summary: Vec<(String, String, String, String, String, String)> = rows
        .iter()
        .map(|r| {
            let text = |key: &str| r[key].as_str().unwrap_or("").to_string();
            (
                text("date"),
                text("position"),
                text("contact_person"),
                text("contact_info"),
                text("method"),
                text("result"),
            )
        })
        .collect();
    let row = |d: i64, position: &str, person: &str, info: &str, method: &str, result: &str| {
        (
            day(d),
            position.to_string(),
            person.to_string(),
            info.to_string(),
            method.to_string(),
            result.to_string(),
        )
    };
    assert_eq!(
        summary,
        vec![
            // Sent by email the same day: the application's method is email.
            row(
                -6,
                "Coder",
                "Rita Recruiter",
                "rita@mercy.example",
                "email",
                "applied"
            ),
            // No person and no website: the posting's URL.
            row(
                -6,
                "Clerk",
                "",
                "https://jobs.example/2",
                "online",
                "applied"
            ),
            row(
                -6,
                "Coder",
                "Rita Recruiter",
                "rita@mercy.example",
                "email",
                "sent"
            ),
            row(
                -5,
                "Coder",
                "Rita Recruiter",
                "rita@mercy.example",
                "phone",
                "received"
            ),
            // The status change takes the method of that day's call from them.
            row(
                -5,
                "Coder",
                "Rita Recruiter",
                "rita@mercy.example",
                "phone",
                "screening"
            ),
            // The interviewer is the entry's own person; video is online.
            row(
                -3,
                "Coder",
                "Ivy Interviewer",
                "https://mercy.example",
                "online",
                "interview"
            ),
        ],
        "the note and the move to withdrawn are not rows"
    );
    assert_eq!(rows[0]["source"], "indeed");
    assert_eq!(rows[0]["organization"], "Mercy Health");
    let csv = env.ok(&["report", "search-log", "--since", &day(-6), "--csv"]);
    assert!(
        !csv.contains("background check") && !csv.contains("private"),
        "{csv}"
    );
    let with_notes = env.ok(&[
        "report",
        "search-log",
        "--since",
        &day(-6),
        "--csv",
        "--include-notes",
    ]);
    assert!(
        with_notes.contains("received: pending background check"),
        "{with_notes}"
    );
    assert!(
        !with_notes.contains("private thoughts"),
        "a private note is never a row"
    );
    // Without the recruiter, the hiring manager and their phone.
    env.ok(&["app", "unlink", "1", "Rita"]);
    let rows = log_rows(&env, &day(-6), &day(-6), &[]);
    assert_eq!(rows[0]["contact_person"], "Hal Manager");
    assert_eq!(rows[0]["contact_info"], "555-0100");
}

#[test]
fn the_weekly_search_log_counts_every_week_and_marks_the_short_ones() {
    let env = TestEnv::new();
    // Thursday 2026-11-26: its Monday week is 11-23..11-29.
    for (d, title) in [(-3, "A"), (-2, "B"), (-1, "C"), (-10, "D")] {
        env.ok(&["app", "add", "Mercy Health", title, "--applied", &day(d)]);
    }
    let weekly = env.json(&[
        "report",
        "search-log",
        "--since",
        &day(-24),
        "--until",
        TODAY,
        "--weekly",
        "--min",
        "3",
    ]);
    let weeks: Vec<(String, i64, bool)> = weekly
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["week_start"].as_str().unwrap().to_string(),
                w["count"].as_i64().unwrap(),
                w["below"].as_bool().unwrap(),
            )
        })
        .collect();
    // day(-24) is Monday 11-02: four Monday weeks, the empty ones included.
    assert_eq!(
        weeks,
        vec![
            (day(-24), 0, true),
            (day(-17), 0, true),
            (day(-10), 1, true),
            (day(-3), 3, false),
        ]
    );
    let human = env.ok(&[
        "report",
        "search-log",
        "--since",
        &day(-24),
        "--until",
        TODAY,
        "--weekly",
        "--min",
        "3",
    ]);
    assert!(
        human.contains(&format!("{} to {}  3 activities", day(-3), day(3))),
        "{human}"
    );
    assert_eq!(human.matches("below").count(), 3, "{human}");
    // Weeks from Sunday: today's week is 11-22..11-28, and the default range
    // follows it.
    let sunday = env.json(&["report", "search-log", "--weekly", "--week-start", "sun"]);
    assert_eq!(sunday[0]["week_start"], day(-4));
    assert_eq!(sunday[0]["week_end"], day(2));
    assert_eq!(sunday[0]["count"], 3);
    let rows = env.json(&["report", "search-log", "--week-start", "sun"]);
    assert_eq!(rows.as_array().unwrap().len(), 3);
    assert!(env
        .fails(2, &["report", "search-log", "--min", "3"])
        .contains("--weekly"));
}

#[test]
fn the_search_log_page_is_printable_and_names_the_claimant() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy <Health>",
        "Coder",
        "--applied",
        &day(-2),
    ]);
    let file = env.path("log.html");
    let said = env.ok(&[
        "report",
        "search-log",
        "--since",
        &day(-9),
        "--html",
        file.to_str().unwrap(),
        "--name",
        "Maria Lopez",
        "--min",
        "3",
        "--weekly",
    ]);
    assert!(said.contains("Wrote the work-search log"), "{said}");
    assert_eq!(crate::util::mode(&file), 0o600);
    let page = std::fs::read_to_string(&file).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(
        page.contains("<dt>Claimant</dt><dd>Maria Lopez</dd>"),
        "{page}"
    );
    assert!(
        page.contains(&format!("<dd>{} to {}</dd>", day(-9), day(3))),
        "{page}"
    );
    assert!(
        page.contains("Mercy &lt;Health&gt;"),
        "stored text is escaped"
    );
    assert!(
        !page.contains("<script") && !page.contains("http"),
        "self-contained"
    );
    assert!(
        page.contains("@page") && page.contains("<td class=\"below\">0</td>"),
        "{page}"
    );
    // An existing file is kept without --force.
    let stderr = env.fails(
        2,
        &["report", "search-log", "--html", file.to_str().unwrap()],
    );
    assert!(
        stderr.contains("--force") || stderr.contains("exists"),
        "{stderr}"
    );
}

#[test]
fn an_employer_contacts_goal_counts_the_contacts_you_made() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        &day(-10),
    ]);
    env.ok(&["goal", "set", "employer_contacts", "3", "--per", "week"]);
    let done = |env: &TestEnv| env.json(&["goal", "list"])[0]["done"].clone();
    assert_eq!(done(&env), 0);
    env.ok(&["app", "contact", "1", "--via", "phone"]);
    // News from the employer is theirs, not a contact you made.
    env.ok(&["app", "contact", "1", "--via", "email", "--from-them"]);
    assert_eq!(done(&env), 1);
    let line = env.ok(&["goal", "list"]);
    assert!(line.contains("employer contacts per week"), "{line}");
}

/// The id of application `app`'s first history entry of `kind`.
fn entry_of(env: &TestEnv, app: i64, kind: &str) -> i64 {
    env.count(&format!(
        "SELECT min(id) FROM application_events WHERE application_id = {app} AND kind = '{kind}'"
    ))
}

/// Application 1's derived `first_interview_on`.
fn first_interview_on(env: &TestEnv) -> Option<String> {
    env.sql()
        .query_row(
            "SELECT first_interview_on FROM applications WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn history_edit_corrects_an_interview_its_people_and_its_follow_up() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee", "--org", "Mercy Health"]);
    env.ok(&["contact", "add", "Tom Baker", "--org", "Mercy Health"]);
    env.ok(&["app", "add", "Mercy Health", "Coder", "--applied", &day(-5)]);
    env.ok(&[
        "app",
        "interview",
        "1",
        "--on",
        &day(3),
        "--at",
        "9:30",
        "--with",
        "anna",
    ]);
    assert_eq!(show(&env, 1)["follow_up_on"], day(3 + 4));
    let id = entry_of(&env, 1, "interview");
    let said = env.ok(&[
        "app",
        "history",
        "edit",
        &id.to_string(),
        "--on",
        &day(6),
        "--at",
        "14:00",
        "--minutes",
        "30",
        "--kind",
        "panel",
        "--where",
        "Room 4",
        "--with",
        "Tom Baker",
        "--outcome",
        "pending",
    ]);
    assert!(
        said.contains(&format!("(was interview on {})", day(3))),
        "{said}"
    );
    let app = show(&env, 1);
    let entry = app["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(entry["date"], day(6));
    assert_eq!(entry["at"], "14:00");
    assert_eq!(entry["minutes"], 30);
    assert_eq!(entry["interview_kind"], "panel");
    assert_eq!(entry["place"], "Room 4");
    assert_eq!(entry["outcome"], "pending");
    let people: Vec<&Value> = entry["with"].as_array().unwrap().iter().collect();
    assert_eq!(people.len(), 1, "--with replaces the people: {people:?}");
    assert_eq!(people[0]["name"], "Tom Baker");
    // The follow-up moves with the interview: D + 4 of the latest one.
    assert_eq!(app["follow_up_on"], day(6 + 4));
    assert_eq!(first_interview_on(&env), Some(day(6)));
    assert_eq!(agenda_of(&env, "interview", &[]), [(day(6), id, false)]);

    // One detail changed, the others kept.
    env.ok(&["app", "history", "edit", &id.to_string(), "--minutes", "90"]);
    let entry = show(&env, 1)["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(
        (&entry["minutes"], &entry["at"], &entry["place"]),
        (
            &Value::from(90),
            &Value::from("14:00"),
            &Value::from("Room 4")
        )
    );

    // Removing the interview removes the follow-up its edit wrote, even
    // with other entries written after it.
    env.ok(&["app", "note", "1", "asked about parking", "--on", &day(-1)]);
    env.ok(&["app", "history", "rm", &id.to_string()]);
    assert_eq!(
        env.count(&format!(
            "SELECT count(*) FROM application_events WHERE caused_by = {id}"
        )),
        0
    );
    let app = show(&env, 1);
    assert_eq!(
        app["follow_up_on"],
        day(3 + 4),
        "back to the follow-up the move to interview set"
    );
    assert_eq!(first_interview_on(&env), None);
}

#[test]
fn history_edit_refuses_interview_options_elsewhere_and_writes_nothing() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee"]);
    env.ok(&["app", "add", "Mercy Health", "Coder", "--applied", &day(-5)]);
    env.ok(&["app", "note", "1", "called HR", "--on", &day(-2)]);
    env.ok(&["app", "interview", "1", "--on", &day(2), "--with", "Anna"]);
    let status = entry_of(&env, 1, "status").to_string();
    let note = entry_of(&env, 1, "note").to_string();
    let interview = entry_of(&env, 1, "interview").to_string();
    let snapshot = |env: &TestEnv| {
        (
            env.count("SELECT count(*) FROM application_events"),
            env.count("SELECT count(*) FROM entry_contacts"),
            env.count("SELECT sum(length(coalesce(at, '') || date)) FROM application_events"),
        )
    };
    let before = snapshot(&env);
    for (entry, option, value) in [
        (&status, "--at", "10:00"),
        (&status, "--minutes", "30"),
        (&note, "--kind", "phone"),
        (&note, "--where", "Room 4"),
        (&status, "--outcome", "passed"),
    ] {
        let err = env.fails(2, &["app", "history", "edit", entry, option, value]);
        assert!(
            err.contains(&format!("{option}: entry {entry} is a"))
                && err.contains("interviews only"),
            "{option}: {err}"
        );
    }
    let err = env.fails(2, &["app", "history", "edit", &note, "--with", "Anna"]);
    assert!(
        err.contains("--with") && err.contains("interviews and employer contacts"),
        "{err}"
    );
    let err = env.fails(2, &["app", "history", "edit", &interview, "--at", "25:00"]);
    assert!(err.contains("--at") && err.contains("HH:MM"), "{err}");
    let err = env.fails(2, &["app", "history", "edit", &interview, "--minutes", "0"]);
    assert!(err.contains("--minutes"), "{err}");
    let err = env.fails(
        2,
        &["app", "history", "edit", &interview, "--with", "Nobody"],
    );
    assert!(err.contains("--with"), "{err}");
    assert_eq!(snapshot(&env), before);
}

#[test]
fn moves_made_by_app_close_are_not_search_log_rows() {
    let env = TestEnv::new();
    for (org, applied) in [
        ("Mercy Health", -10),
        ("St. Luke's", -9),
        ("Ridge Clinic", -8),
    ] {
        env.ok(&["app", "add", org, "Coder", "--applied", &day(applied)]);
    }
    env.ok(&[
        "app",
        "add",
        "Valley Health",
        "Clerk",
        "--applied",
        &day(-7),
    ]);
    env.ok(&[
        "app",
        "add",
        "Lake Hospital",
        "Clerk",
        "--applied",
        &day(-7),
    ]);
    // A rejection told by the employer is a row; the same status set in
    // bulk by app close is not.
    env.ok(&["app", "set", "3", "rejected", "--on", &day(-2)]);
    env.ok(&[
        "app",
        "close",
        "1",
        "2",
        "--as",
        "rejected",
        "--on",
        &day(-2),
    ]);
    env.ok(&["app", "close", "--active", "--as", "withdrawn"]);
    for id in 4..=5 {
        assert_eq!(show(&env, id)["status"], "withdrawn");
    }
    let rows = log_rows(&env, &day(-14), TODAY, &[]);
    let results: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            (
                r["organization"].as_str().unwrap().to_string(),
                r["result"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let applied = |org: &str| (org.to_string(), "applied".to_string());
    assert_eq!(
        results,
        [
            applied("Mercy Health"),
            applied("St. Luke's"),
            applied("Ridge Clinic"),
            applied("Valley Health"),
            applied("Lake Hospital"),
            ("Ridge Clinic".to_string(), "rejected".to_string()),
        ]
    );
    let weekly = env.json(&["report", "search-log", "--since", &day(-2), "--weekly"]);
    let counted: i64 = weekly
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["count"].as_i64().unwrap())
        .sum();
    assert_eq!(counted, 1, "{weekly}");
    let shown = env.ok(&["app", "show", "1"]);
    assert!(shown.contains("follow-up cleared (app close)"), "{shown}");
    // Removing the close's status entry takes its mark with it.
    let closed = env.count(
        "SELECT max(id) FROM application_events WHERE application_id = 1 AND kind = 'status'",
    );
    env.ok(&["app", "history", "rm", &closed.to_string()]);
    assert_eq!(
        env.count("SELECT count(*) FROM application_events WHERE application_id = 1 AND kind = 'follow_up' AND note IS NULL"),
        0
    );
    assert_eq!(show(&env, 1)["status"], "applied");
}
