//! `jobtrack demo`: the sample search, moved to end this week.

use chrono::{Datelike, NaiveDate};

use crate::util::{mode, TestEnv};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn demo_fills_an_empty_database_and_prints_the_dashboard() {
    let env = TestEnv::new().on_day("2027-03-03");
    let output = env.cmd().arg("demo").output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!("sample data in {}", env.db.display())),
        "{stderr}"
    );
    assert!(stderr.contains("try: jobtrack --db"), "{stderr}");
    for section in [
        "This week",
        "Goals",
        "Pipeline",
        "Due through",
        "Credentials",
    ] {
        assert!(stdout.contains(section), "missing {section}:\n{stdout}");
    }
    assert!(env.count("SELECT count(*) FROM applications") >= 25);
    assert!(env.count("SELECT count(*) FROM contacts") >= 15);

    // The latest past activity falls in the 7 days ending today, and dates
    // moved by whole weeks: the sample's last interaction was a Thursday.
    let latest: String = env
        .sql()
        .query_row("SELECT max(date) FROM interactions", [], |r| r.get(0))
        .unwrap();
    let latest = date(&latest);
    let today = date("2027-03-03");
    assert!(
        latest <= today && (today - latest).num_days() < 7,
        "{latest}"
    );
    assert_eq!(latest.weekday(), chrono::Weekday::Thu);
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE applied_on > '2027-03-03'"),
        0
    );
    // Derived columns and follow-up notes moved too.
    assert_eq!(
        env.count(
            "SELECT count(*) FROM application_events WHERE kind = 'follow_up' AND note <> 'cleared'
             AND note NOT IN (SELECT follow_up_on FROM applications WHERE follow_up_on IS NOT NULL)
             AND note < '2026-12-01'"
        ),
        0
    );
}

#[test]
fn demo_shows_the_showcase_numbers() {
    let env = TestEnv::new();
    env.ok(&["demo"]);
    let network = env.json(&["report", "network"]);
    assert_eq!(network["referral"]["interview_rate"], 1.0);
    let apps = env.json(&["report", "apps"]);
    let indeed = apps["by_source"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == "indeed")
        .unwrap();
    assert_eq!(indeed["applications"], 4);
    assert_eq!(indeed["response_rate"], 0.25);
    let certs = env.json(&["report", "certs"]);
    assert!(certs["certs"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["code"] == "RHIT" && c["status"] == "passed"));
    let agenda = env.json(&["agenda"]);
    let kinds: Vec<&str> = agenda
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    for kind in ["app_follow_up", "contact_follow_up", "interview", "stale"] {
        assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
    }
    assert_eq!(env.json(&["doctor"])["ok"], true);
}

#[test]
fn demo_never_touches_a_database_that_holds_data() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let before = std::fs::read(&env.db).unwrap();
    let stderr = env.fails(2, &["demo"]);
    assert!(stderr.contains("demo needs an empty database"), "{stderr}");
    assert!(stderr.contains("already holds 1 application\n"), "{stderr}");
    assert_eq!(std::fs::read(&env.db).unwrap(), before);
    // An existing but empty database is fine.
    let empty = TestEnv::new();
    empty.ok(&["init"]);
    empty.ok(&["demo"]);
}

#[test]
fn demo_without_a_path_makes_a_private_folder_in_the_temp_directory() {
    let env = TestEnv::new();
    let temp = env.path("tmp");
    std::fs::create_dir(&temp).unwrap();
    let output = env
        .bare()
        .env("TMPDIR", &temp)
        .args(["--json", "demo"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dashboard: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(dashboard["pipeline"].is_object());
    let folders: Vec<_> = std::fs::read_dir(&temp)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(folders.len(), 1);
    assert!(folders[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("jobtrack-demo-"));
    assert_eq!(mode(&folders[0]), 0o700);
    let db = folders[0].join("jobtrack.db");
    assert_eq!(mode(&db), 0o600);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains(&db.display().to_string()), "{stderr}");
}

#[test]
fn the_demo_shows_employer_contacts_timed_interviews_people_and_offers() {
    // The sample moves by the whole weeks between its day and today.
    let env = TestEnv::new().on_day("2027-03-03");
    env.ok(&["demo"]);
    let days = (date("2027-03-03") - date("2026-11-26")).num_days();
    let shift = chrono::Days::new((days / 7 * 7) as u64);
    let moved = |text: &str| (date(text) + shift).to_string();
    // A timed interview ahead, with its interviewer, as a timed VEVENT.
    let keystone = env.json(&["app", "show", "10"]);
    let interview = keystone["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "interview" && e["at"] == "10:00")
        .expect("the timed interview")
        .clone();
    assert_eq!(interview["date"], moved("2026-12-03"));
    assert_eq!(interview["with"][0]["name"], "Brian Kowalski");
    assert_eq!(keystone["follow_up_on"], moved("2026-12-07"));
    let ics = env.ok(&["agenda", "--ics"]);
    let start = format!("DTSTART:{}T100000", moved("2026-12-03").replace('-', ""));
    assert!(ics.contains(&start), "{ics}");
    assert!(ics.contains("TRIGGER:-PT1H"));
    // Employer contacts both ways; a linked recruiter; an offer with a deadline.
    assert!(keystone["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "employer_contact" && e["direction"] == "inbound"));
    let scioto = env.json(&["app", "show", "7"]);
    let roles: Vec<&str> = scioto["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["referrer", "recruiter"]);
    assert_eq!(scioto["offer_deadline"], moved("2026-12-08"));
    assert_eq!(scioto["offer_salary_period"], "hour");
    let agenda = env.json(&["agenda", "--days", "30"]);
    assert!(agenda
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["kind"] == "offer_deadline" && i["id"] == 7));
    // The weekly search log: one line per week, the sample's busy weeks at
    // three or more.
    let weeks = env.json(&[
        "report",
        "search-log",
        "--since",
        &moved("2026-09-01"),
        "--until",
        &moved("2026-11-29"),
        "--weekly",
        "--min",
        "3",
    ]);
    let weeks = weeks.as_array().unwrap();
    assert_eq!(weeks.len(), 13);
    assert_eq!(
        weeks.iter().filter(|w| w["below"] == true).count(),
        1,
        "{weeks:?}"
    );
    let outbound: i64 = env.count(
        "SELECT count(*) FROM application_events WHERE kind = 'employer_contact' AND direction = 'outbound'",
    );
    assert!(outbound >= 1);
}
