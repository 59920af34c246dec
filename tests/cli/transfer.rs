//! `jobtrack export …` and `jobtrack import …`: the lossless round trip,
//! spreadsheet safety, row-level refusals, LinkedIn files and the crash hook.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::util::{mode, TestEnv};

const TABLES: &[&str] = &[
    "organizations",
    "applications",
    "application_events",
    "application_credentials",
    "application_contacts",
    "entry_contacts",
    "contacts",
    "interactions",
    "events",
    "memberships",
    "volunteer_shifts",
    "education",
    "experience",
    "certifications",
    "ceus",
    "goals",
    "documents",
];

/// Notes that break naive CSV writers and spreadsheets.
const TRICKY: &[&str] = &[
    "=SUM(A1:A9)",
    "+1 (555) 010-0199",
    "-3 days, then \"call back\"",
    "@recruiter said: line one\nline two",
    "'already quoted",
    "\tstarts with a tab",
    "Zoë, Ñandú & 日本語 — “curly” quotes",
];

/// A database with rows in every table, made through the CLI and SQL.
fn fill_every_table(env: &TestEnv) {
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Health Information Technician",
        "--source",
        "indeed",
        "--salary",
        "42000-48000",
        "--applied",
        "2026-11-02",
        "--note",
        TRICKY[0],
        "--requires",
        "RHIT",
        "--prefers",
        "CCS",
        "--work-mode",
        "hybrid",
        "--location",
        "Toledo, OH",
    ]);
    env.ok(&["app", "set", "1", "interview", "--on", "2026-11-10"]);
    env.ok(&["app", "note", "1", TRICKY[3], "--on", "2026-11-12"]);
    let resume = env.path("résumé.pdf");
    std::fs::write(&resume, (0..=255u8).cycle().take(3000).collect::<Vec<_>>()).unwrap();
    env.ok(&[
        "doc",
        "add",
        resume.to_str().unwrap(),
        "--kind",
        "resume",
        "--name",
        TRICKY[0],
    ]);
    env.ok(&["app", "edit", "1", "--resume", "1"]);
    env.ok(&[
        "app",
        "add",
        "--status",
        "saved",
        "--note",
        TRICKY[6],
        "--url",
        "https://example.org/jobs/7",
        "--",
        "=Formula Clinic",
        TRICKY[2],
    ]);
    let sql = env.sql();
    sql.execute_batch(&format!(
        "UPDATE organizations SET website = 'https://mercy.example', location = 'Zürich',
             notes = {notes} WHERE id = 1;
         INSERT INTO organizations (name, created_at) VALUES ('AHIMA', '2026-01-02T03:04:05Z');
         INSERT INTO contacts (name, org_id, role, email, phone, linkedin_url, relationship, met_via,
                               added_on, follow_up_on, notes)
             VALUES ('Siobhán O''Brien', 1, 'HIM Director', 'sob@example.org', '+1 555 0100',
                     'https://www.linkedin.com/in/sob', 'mentor', 'AHIMA chapter', '2026-10-01',
                     '2026-12-01', {tab});
         INSERT INTO contacts (name, added_on) VALUES ('@handle only', '2026-10-02');
         INSERT INTO application_contacts (application_id, contact_id, role)
             VALUES (1, 2, 'recruiter'), (1, 1, 'referrer');
         UPDATE applications SET offer_salary_min = 52000.5, offer_salary_max = 52000.5,
             offer_salary_period = 'year', offer_deadline = '2026-12-04', offer_start_on = '2027-01-04'
             WHERE id = 1;
         INSERT INTO application_events (application_id, date, kind, note, at, minutes, interview_kind,
                                         place, outcome)
             VALUES (1, '2026-11-12', 'interview', {plus}, '09:30', 45, 'video', 'https://meet.example/x', 'pending');
         INSERT INTO entry_contacts (event_id, contact_id) SELECT max(id), 1 FROM application_events;
         INSERT INTO application_events (application_id, date, kind, note, via, direction)
             VALUES (1, '2026-11-12', 'employer_contact', {minus}, 'phone', 'inbound');
         INSERT INTO application_events (application_id, date, kind, note, caused_by)
             SELECT 1, '2026-11-12', 'follow_up', '2026-11-19', max(id) FROM application_events;
         INSERT INTO interactions (contact_id, date, channel, note, follow_up_on)
             VALUES (1, '2026-10-05', 'coffee', {quoted}, NULL);
         INSERT INTO events (org_id, title, date, kind, notes)
             VALUES (3, 'Fall career fair, \"HIM\" track', '2026-10-20', 'career_fair', {minus});
         INSERT INTO events (title, date) VALUES ('Webinar', '2026-12-03');
         INSERT INTO memberships (org_id, since, renews_on, notes)
             VALUES (3, '2026-01-15', '2027-01-15', {plus});
         INSERT INTO volunteer_shifts (org_id, date, hours, role, notes)
             VALUES (1, '2026-09-01', 2.5, 'Records desk', NULL),
                    (1, '2026-09-08', 0.25, NULL, {unicode}),
                    (3, '2026-09-15', 4, 'Greeter', NULL);
         INSERT INTO education (school_id, level, field, cahiim_accredited, status, started_on, completed_on)
             VALUES (3, 'associate', 'Health Information Technology', 1, 'completed', '2024-08-26', '2026-05-15'),
                    (NULL, 'bachelor', 'HIM', 0, 'planned', NULL, NULL);
         INSERT INTO experience (org_id, title, started_on, ended_on, healthcare, notes)
             VALUES (1, 'Unit clerk', '2022-03-01', NULL, 1, {equals}),
                    (2, 'Cashier', '2019-06-01', '2022-02-01', 0, NULL);
         INSERT INTO certifications (code, name, issuer, status, exam_on, score, passed_on, expires_on, notes)
             VALUES ('RHIT', 'Registered Health Information Technician', 'AHIMA', 'passed',
                     '2026-06-01', 350, '2026-06-01', '2028-12-31', {apostrophe}),
                    ('CCS', 'Certified Coding Specialist', NULL, 'planning', NULL, NULL, NULL, NULL, NULL);
         INSERT INTO ceus (certification_id, date, hours, title, provider)
             VALUES (1, '2026-07-01', 1.5, 'Coding update, 2026', 'AHIMA'), (1, '2026-08-01', 2, NULL, NULL);
         INSERT INTO goals (metric, period, target) VALUES ('applications', 'week', 5),
             ('volunteer_hours', 'month', 10);",
        notes = sql_text(TRICKY[1]),
        tab = sql_text(TRICKY[5]),
        quoted = sql_text(TRICKY[4]),
        minus = sql_text(TRICKY[2]),
        plus = sql_text(TRICKY[1]),
        unicode = sql_text(TRICKY[6]),
        equals = sql_text(TRICKY[0]),
        apostrophe = sql_text(TRICKY[4]),
    ))
    .expect("fill tables");
    for table in TABLES {
        assert!(
            env.count(&format!("SELECT count(*) FROM {table}")) > 0,
            "{table} has rows"
        );
    }
}

/// `import KIND FILE --json` → (added, already there).
fn added_skipped(env: &TestEnv, kind: &str, file: &str) -> (i64, i64) {
    let report = env.json(&["import", kind, file]);
    (
        report["added"].as_i64().expect("added"),
        report["already_there"].as_i64().expect("already_there"),
    )
}

/// One text value from a SQL query.
fn text(env: &TestEnv, sql: &str) -> String {
    env.sql().query_row(sql, [], |r| r.get(0)).expect(sql)
}

fn sql_text(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Every file of an export folder by name, those in a subfolder (the
/// documents' bytes) as `folder/name`.
fn read_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("read export folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            for (inner, bytes) in read_dir(&path) {
                files.insert(format!("{name}/{inner}"), bytes);
            }
        } else {
            files.insert(name, std::fs::read(&path).expect("read file"));
        }
    }
    files
}

/// The derived application columns, one line per application.
fn derived(env: &TestEnv) -> Vec<String> {
    let sql = env.sql();
    let mut statement = sql
        .prepare(
            "SELECT id, added_on, stage_since, last_activity_on, furthest_status, responded_on
             FROM applications ORDER BY id",
        )
        .unwrap();
    statement
        .query_map([], |r| {
            let cells: Vec<rusqlite::types::Value> =
                (0..6).map(|i| r.get(i)).collect::<Result<_, _>>()?;
            Ok(format!("{cells:?}"))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn export_import_export_is_byte_identical() {
    let original = TestEnv::new();
    fill_every_table(&original);
    let first = original.path("first");
    let first_arg = first.to_str().unwrap();
    let said = original.ok(&["export", "--all", "--out", first_arg]);
    assert!(said.starts_with("Exported 17 tables"), "{said}");
    assert_eq!(mode(&first), 0o700);
    let files = read_dir(&first);
    // Every table's CSV, and the one document's bytes.
    assert_eq!(files.len(), TABLES.len() + 1, "{:?}", files.keys());
    for table in TABLES {
        let path = first.join(format!("{table}.csv"));
        assert_eq!(mode(&path), 0o600, "{table}.csv is owner-only");
    }

    let copy = TestEnv::new();
    let loaded = copy.json(&["import", "--all", first_arg]);
    let added: i64 = loaded
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["added"].as_i64().unwrap())
        .sum();
    let total: i64 = TABLES
        .iter()
        .map(|t| original.count(&format!("SELECT count(*) FROM {t}")))
        .sum();
    assert_eq!(added, total);

    let second = copy.path("second");
    copy.ok(&["export", "--all", "--out", second.to_str().unwrap()]);
    let again = read_dir(&second);
    for (name, bytes) in &files {
        assert_eq!(
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&again[name]),
            "{name} differs after the round trip"
        );
    }
    assert_eq!(files, again);
    assert_eq!(
        derived(&original),
        derived(&copy),
        "derived columns recomputed"
    );
    // No extra events: the history came from the file.
    assert_eq!(
        copy.count("SELECT count(*) FROM application_events"),
        original.count("SELECT count(*) FROM application_events")
    );

    // The tricky notes made it through unchanged.
    assert_eq!(
        text(&copy, "SELECT notes FROM applications WHERE id = 2"),
        TRICKY[6]
    );
    assert_eq!(
        text(
            &copy,
            "SELECT note FROM application_events WHERE kind = 'note'"
        ),
        TRICKY[3]
    );
    assert_eq!(
        text(&copy, "SELECT name FROM organizations WHERE id = 2"),
        "=Formula Clinic"
    );
}

#[test]
fn exported_text_never_starts_with_a_formula_character() {
    let env = TestEnv::new();
    fill_every_table(&env);
    let out = env.path("out");
    env.ok(&["export", "--all", "--out", out.to_str().unwrap()]);
    let mut cells = 0;
    // The tables' CSV files (a document's bytes are the user's own).
    let tables = read_dir(&out)
        .into_iter()
        .filter(|(n, _)| n.ends_with(".csv"));
    for (name, bytes) in tables {
        assert!(!bytes.starts_with(b"\xef\xbb\xbf"), "{name} has no BOM");
        assert!(!bytes.contains(&b'\r'), "{name}: \\n line ends");
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        for record in reader.records() {
            for cell in record.expect("valid CSV").iter() {
                cells += 1;
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']),
                    "{name}: cell {cell:?} starts with a formula character"
                );
            }
        }
    }
    assert!(cells > 100);
    let apps = String::from_utf8(read_dir(&out)["applications.csv"].clone()).unwrap();
    assert!(apps.contains(",'=SUM(A1:A9),"), "{apps}");
    assert!(apps.contains(",'=Formula Clinic,"), "{apps}");
    let certs = String::from_utf8(read_dir(&out)["certifications.csv"].clone()).unwrap();
    assert!(certs.contains(",''already quoted,,\n"), "{certs}");
    assert!(certs.starts_with(
        "id,code,name,issuer,status,exam_on,score,passed_on,expires_on,notes,applied_on,failed_on\n"
    ));

    // One table to standard output, the same bytes as the file.
    let one = env.ok(&["export", "applications"]);
    assert_eq!(one, apps);
    assert!(apps.starts_with("id,org,title,status,source,url,location,work_mode,salary_min,salary_max,salary_period,applied_on,follow_up_on,notes,created_at,updated_at,offer_salary_min,offer_salary_max,offer_salary_period,offer_deadline,offer_start_on,posted_on,closes_on,employment_type,description,resume_id,cover_letter_id\n"));
    assert!(!apps.contains("org_id") && !apps.contains("stage_since"));
}

#[test]
fn json_export_has_typed_values() {
    let env = TestEnv::new();
    fill_every_table(&env);
    let shifts: Value =
        serde_json::from_str(&env.ok(&["export", "volunteer_shifts", "--format", "json"])).unwrap();
    assert_eq!(shifts[0]["org"], "Mercy Health");
    assert_eq!(shifts[0]["hours"], 2.5);
    assert_eq!(shifts[1]["hours"], 0.25);
    assert_eq!(shifts[1]["role"], Value::Null);
    assert!(shifts[0].get("org_id").is_none());
    let education: Value =
        serde_json::from_str(&env.ok(&["export", "education", "--format", "json"])).unwrap();
    assert_eq!(education[0]["cahiim_accredited"], true);
    assert_eq!(education[0]["school"], "AHIMA");
    assert_eq!(education[1]["school"], Value::Null);
    let apps: Value =
        serde_json::from_str(&env.ok(&["export", "applications", "--format", "json"])).unwrap();
    assert_eq!(apps[0]["salary_min"], 42000);
    assert_eq!(
        apps[0]["notes"], TRICKY[0],
        "JSON is not spreadsheet-escaped"
    );
    assert_eq!(
        env.json(&["export", "applications"]),
        apps,
        "--json means JSON"
    );

    let out = env.path("json");
    env.ok(&[
        "export",
        "--all",
        "--out",
        out.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(out.join("goals.json").exists());
}

#[test]
fn export_all_refuses_to_overwrite_without_force() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "HIT"]);
    let out = env.path("out");
    let out_arg = out.to_str().unwrap();
    env.ok(&["export", "--all", "--out", out_arg]);
    std::fs::write(out.join("goals.csv"), "mine").unwrap();
    let err = env.fails(2, &["export", "--all", "--out", out_arg]);
    assert!(
        err.contains("goals.csv") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("goals.csv")).unwrap(),
        "mine"
    );
    env.ok(&["export", "--all", "--out", out_arg, "--force"]);
    assert_eq!(
        std::fs::read_to_string(out.join("goals.csv")).unwrap(),
        "metric,period,target\n"
    );
    let err = TestEnv::new().fails(1, &["export", "goals"]);
    assert!(err.contains("no database"), "{err}");
}

#[test]
fn bad_rows_are_listed_by_row_and_column_and_nothing_is_written() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "HIT"]);
    let events = env.count("SELECT count(*) FROM application_events");
    let file = env.path("apps.csv");
    std::fs::write(
        &file,
        "org,title,status,applied_on\n\
         Cleveland Clinic,Coder,applied,2026-11-01\n\
         New Hospital,Analyst,applied,2026-13-45\n\
         Another Place,Clerk,saved,\n\
         Last Place,Director,pending,2026-11-02\n",
    )
    .unwrap();
    let file_arg = file.to_str().unwrap();
    let err = env.fails(2, &["import", "applications", file_arg]);
    assert!(err.contains("2 rows have problems"), "{err}");
    assert!(err.contains("row 3, applied_on \"2026-13-45\""), "{err}");
    assert!(err.contains("row 5, status \"pending\""), "{err}");
    assert!(
        err.contains("YYYY-MM-DD") && err.contains("saved, applied"),
        "{err}"
    );
    assert!(!err.contains("row 2") && !err.contains("row 4"), "{err}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 1);
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 1);
    assert_eq!(env.count("SELECT count(*) FROM application_events"), events);

    let dry = env.fails(2, &["import", "applications", file_arg, "--dry-run"]);
    assert_eq!(dry, err, "--dry-run reports the same");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 1);

    // Long lists stop at 100 problems.
    let mut many = String::from("org,title,applied_on\n");
    for i in 0..150 {
        many.push_str(&format!("Org,Title {i},not a date\n"));
    }
    std::fs::write(&file, many).unwrap();
    let err = env.fails(2, &["import", "applications", file_arg]);
    assert!(err.contains("150 rows have problems"), "{err}");
    assert_eq!(err.matches("expected a date").count(), 100);
    assert!(
        err.contains("row 101, applied_on") && !err.contains("row 102,"),
        "{err}"
    );
    assert!(err.trim_end().ends_with("and 50 more"), "{err}");
}

#[test]
fn a_hand_made_spreadsheet_takes_defaults() {
    let env = TestEnv::new();
    let file = env.path("mine.csv");
    // A BOM, CRLF line ends and headers in another case, as Excel saves them.
    std::fs::write(
        &file,
        "\u{feff}Org,Title,Status\r\nMercy Health,HIT,\r\n\"St. Luke's, Inc\",'=Coder,interview\r\n",
    )
    .unwrap();
    let file_arg = file.to_str().unwrap();
    let dry = env.json(&["import", "applications", file_arg, "--dry-run"]);
    assert_eq!(dry["added"], 2);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);

    let report = env.json(&["import", "applications", file_arg]);
    assert_eq!(
        report,
        serde_json::json!({"table": "applications", "added": 2, "updated": 0, "already_there": 0,
            "skipped": 0, "skipped_rows": [], "dry_run": false})
    );
    let first = env.json(&["app", "show", "1"]);
    assert_eq!(first["status"], "applied", "status defaults to applied");
    assert_eq!(first["follow_up_on"], Value::Null, "no follow-up rules");
    assert_eq!(first["applied_on"], Value::Null);
    assert_eq!(first["events"].as_array().unwrap().len(), 1);
    assert_eq!(first["events"][0]["to_status"], "applied");
    assert_eq!(first["events"][0]["date"], "2026-11-26");
    let second = env.json(&["app", "show", "2"]);
    assert_eq!(second["org"], "St. Luke's, Inc");
    assert_eq!(second["title"], "=Coder", "one leading quote removed");
    let list = env.ok(&["app", "list"]);
    assert!(
        list.contains("0d"),
        "derived columns were computed:\n{list}"
    );

    // Ids are kept; one already present is refused for that row.
    let with_ids = env.path("ids.csv");
    std::fs::write(
        &with_ids,
        "id,org,title\n2,Mercy Health,Dup\n40,Mercy Health,Kept\n",
    )
    .unwrap();
    let err = env.fails(2, &["import", "applications", with_ids.to_str().unwrap()]);
    assert!(
        err.contains("row 2, id \"2\": id 2 is already in applications"),
        "{err}"
    );
    std::fs::write(&with_ids, "id,org,title\n40,Mercy Health,Kept\n").unwrap();
    env.ok(&["import", "applications", with_ids.to_str().unwrap()]);
    assert_eq!(env.json(&["app", "show", "40"])["title"], "Kept");

    // Contacts default to relationship other, added today.
    let people = env.path("people.csv");
    std::fs::write(&people, "name,org\nAna Lee,New Clinic\n").unwrap();
    env.ok(&["import", "contacts", people.to_str().unwrap()]);
    let (relationship, added_on, org): (String, String, String) = env
        .sql()
        .query_row(
            "SELECT c.relationship, c.added_on, o.name FROM contacts c JOIN organizations o ON o.id = c.org_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (relationship.as_str(), added_on.as_str(), org.as_str()),
        ("other", "2026-11-26", "New Clinic")
    );
}

#[test]
fn header_problems_name_the_columns() {
    let env = TestEnv::new();
    let file = env.path("bad.csv");
    // An unknown column is ignored and named (DESIGN §10.9); salary is
    // a spreadsheet's name for salary_min and salary_max.
    std::fs::write(&file, "org,title,salary,colour\nMercy,HIT,\"40,000\",red\n").unwrap();
    let output = env
        .cmd()
        .args(["import", "applications", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("ignored the column colour"), "{err}");
    assert_eq!(
        env.count(
            "SELECT count(*) FROM applications WHERE salary_min = 40000 AND salary_max = 40000"
        ),
        1
    );
    std::fs::write(&file, "org,status\nMercy,applied\n").unwrap();
    let err = env.fails(2, &["import", "applications", file.to_str().unwrap()]);
    assert!(err.contains("no title column"), "{err}");
    let err = env.fails(
        2,
        &[
            "import",
            "applications",
            env.path("missing.csv").to_str().unwrap(),
        ],
    );
    assert!(err.contains("missing.csv"), "{err}");
    let nothing = TestEnv::new();
    nothing.fails(2, &["import", "goals", "missing.csv"]);
    assert!(
        !nothing.db.exists(),
        "no database is created for a missing file"
    );
    let err = env.fails(2, &["import", "jobs", file.to_str().unwrap()]);
    assert!(err.contains("linkedin-connections"), "{err}");
}

#[test]
fn import_all_needs_an_empty_database() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "HIT"]);
    let out = env.path("out");
    env.ok(&["export", "--all", "--out", out.to_str().unwrap()]);
    let err = env.fails(2, &["import", "--all", out.to_str().unwrap()]);
    assert!(
        err.contains("needs an empty database") && err.contains("1 application,"),
        "{err}"
    );
    assert_eq!(env.count("SELECT count(*) FROM applications"), 1);

    // A missing file is an empty table.
    std::fs::remove_file(out.join("goals.csv")).unwrap();
    let fresh = TestEnv::new();
    fresh.ok(&["import", "--all", out.to_str().unwrap()]);
    assert_eq!(fresh.count("SELECT count(*) FROM applications"), 1);
    let empty = fresh.path("empty");
    std::fs::create_dir(&empty).unwrap();
    let other = TestEnv::new();
    let err = other.fails(2, &["import", "--all", empty.to_str().unwrap()]);
    assert!(err.contains("none of the table files"), "{err}");
}

const CONNECTIONS: &str = "Notes:\n\
\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connected members who have allowed their connections to see or download it. Learn more https://www.linkedin.com/help/linkedin/answer/261\"\n\
\n\
First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
Siobhán,O'Brien,https://www.linkedin.com/in/siobhan-obrien,,\"Mercy Health, Inc.\",HIM Director,12 Nov 2023\n\
José,Núñez,https://www.linkedin.com/in/jose-nunez,jose@example.org,St. Luke's Hospital,\"Coding Manager, Outpatient\",03 Jan 2024\n\
Ana,Lee,,,,Recruiter,05 Feb 2024\n\
Dana,D'Angelo,https://www.linkedin.com/in/dana,,\"Mercy Health, Inc.\",'Lead Analyst,28 Feb 2024\n";

#[test]
fn linkedin_connections_become_contacts_once() {
    let env = TestEnv::new();
    let file = env.path("Connections.csv");
    std::fs::write(&file, CONNECTIONS).unwrap();
    let file_arg = file.to_str().unwrap();
    let first = env.json(&["import", "linkedin-connections", file_arg]);
    assert_eq!(first["table"], "contacts");
    assert_eq!(first["added"], 4);
    assert_eq!(first["already_there"], 0);
    let again = env.ok(&["import", "linkedin-connections", file_arg]);
    assert!(
        again.contains("Imported 0 rows") && again.contains("4 rows already there"),
        "{again}"
    );
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 4);
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 2);

    let sql = env.sql();
    let (name, org, role, email, url, added_on, relationship): (
        String,
        String,
        String,
        Option<String>,
        String,
        String,
        String,
    ) = sql
        .query_row(
            "SELECT c.name, o.name, c.role, c.email, c.linkedin_url, c.added_on, c.relationship
             FROM contacts c JOIN organizations o ON o.id = c.org_id WHERE c.id = 1",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )
        .unwrap();
    assert_eq!(name, "Siobhán O'Brien");
    assert_eq!(org, "Mercy Health, Inc.");
    assert_eq!(role, "HIM Director");
    assert_eq!(email, None, "an empty email is NULL");
    assert_eq!(url, "https://www.linkedin.com/in/siobhan-obrien");
    assert_eq!(added_on, "2023-11-12");
    assert_eq!(relationship, "other");
    assert_eq!(
        text(&env, "SELECT role FROM contacts WHERE id = 2"),
        "Coding Manager, Outpatient"
    );
    assert_eq!(
        text(&env, "SELECT role FROM contacts WHERE id = 4"),
        "'Lead Analyst",
        "LinkedIn imports keep a leading quote"
    );
    let lee_org: Option<i64> = sql
        .query_row(
            "SELECT org_id FROM contacts WHERE name = 'Ana Lee'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(lee_org, None);

    // A contact typed by hand with no URL is matched by name and company.
    let manual = TestEnv::new();
    manual.ok(&["init"]);
    manual.sql().execute_batch("INSERT INTO organizations (name, created_at) VALUES ('Mercy Health, Inc.', '2026-01-01T00:00:00Z');
        INSERT INTO contacts (name, org_id, added_on) VALUES ('siobhán o''brien', 1, '2026-01-01');").unwrap();
    let report = manual.json(&["import", "linkedin-connections", file_arg]);
    assert_eq!(report["added"], 3);
    assert_eq!(report["already_there"], 1);
}

#[test]
fn linkedin_job_applications_and_saved_jobs_import_once() {
    let env = TestEnv::new();
    let applications = env.path("Job Applications.csv");
    std::fs::write(
        &applications,
        "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers\n\
         \"7/6/23, 2:20 PM\",me@example.org,,\"Mercy Health, Inc.\",Health Information Technician,https://www.linkedin.com/jobs/view/111,resume.pdf,\"Years of experience? : 2 | Authorized? : Yes\"\n\
         \"12/1/23, 9:05 AM\",me@example.org,,Cleveland Clinic,Release of Information Specialist,,resume.pdf,\n",
    )
    .unwrap();
    let apps_arg = applications.to_str().unwrap();
    assert_eq!(
        added_skipped(&env, "linkedin-applications", apps_arg),
        (2, 0)
    );
    assert_eq!(
        added_skipped(&env, "linkedin-applications", apps_arg),
        (0, 2)
    );
    assert_eq!(env.count("SELECT count(*) FROM applications"), 2);

    let one = env.json(&["app", "show", "1"]);
    assert_eq!(one["org"], "Mercy Health, Inc.");
    assert_eq!(one["status"], "applied");
    assert_eq!(one["source"], "linkedin");
    assert_eq!(one["applied_on"], "2023-07-06");
    assert_eq!(one["url"], "https://www.linkedin.com/jobs/view/111");
    assert_eq!(one["follow_up_on"], Value::Null);
    assert_eq!(one["events"].as_array().unwrap().len(), 1);
    assert_eq!(one["events"][0]["date"], "2023-07-06");
    let two = env.json(&["app", "show", "2"]);
    assert_eq!(two["org"], "Cleveland Clinic");
    assert_eq!(two["applied_on"], "2023-12-01");

    let saved = env.path("Saved Jobs.csv");
    std::fs::write(
        &saved,
        "Saved Date,Job Url,Job Title,Company Name\n\
         \"8/14/23, 4:40 PM\",https://www.linkedin.com/jobs/view/222,Coding Specialist,St. Luke's Hospital\n\
         \"6/30/23, 8:00 AM\",https://www.linkedin.com/jobs/view/111,Health Information Technician,\"Mercy Health, Inc.\"\n",
    )
    .unwrap();
    let saved_arg = saved.to_str().unwrap();
    assert_eq!(
        added_skipped(&env, "linkedin-saved-jobs", saved_arg),
        (1, 1)
    );
    assert_eq!(
        added_skipped(&env, "linkedin-saved-jobs", saved_arg),
        (0, 2)
    );
    let kept = env.json(&["app", "show", "3"]);
    assert_eq!(kept["status"], "saved");
    assert_eq!(kept["applied_on"], Value::Null);
    assert_eq!(kept["events"][0]["date"], "2023-08-14");
    let listed = env.json(&["app", "list", "--status", "saved", "--since", "2023-08-14"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
}

#[test]
fn a_malformed_linkedin_row_stops_the_import() {
    let env = TestEnv::new();
    let file = env.path("Saved Jobs.csv");
    std::fs::write(
        &file,
        "Saved Date,Job Url,Job Title,Company Name\n\
         \"8/14/23, 4:40 PM\",,Coding Specialist,St. Luke's\n\
         \"someday\",,Analyst,Mercy\n",
    )
    .unwrap();
    let err = env.fails(
        2,
        &["import", "linkedin-saved-jobs", file.to_str().unwrap()],
    );
    assert!(err.contains("row 3") && err.contains("someday"), "{err}");
    // Nothing imported, and no database left behind (DESIGN §10.8).
    assert!(!env.db.exists());
    let err = env.fails(
        2,
        &["import", "linkedin-connections", file.to_str().unwrap()],
    );
    assert!(err.contains("Connections.csv"), "{err}");
}

#[test]
fn an_import_killed_midway_leaves_the_database_as_it_was() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "HIT"]);
    let before: Vec<i64> = TABLES
        .iter()
        .map(|t| env.count(&format!("SELECT count(*) FROM {t}")))
        .collect();
    let mut csv = String::from("org,title,status,applied_on,notes\n");
    for i in 0..20000 {
        csv.push_str(&format!(
            "Org {},Title {i},applied,2026-10-{:02},\"note {i}, with a comma\"\n",
            i % 60,
            i % 28 + 1
        ));
    }
    let file = env.path("big.csv");
    std::fs::write(&file, csv).unwrap();
    let output = env
        .cmd()
        .env("JOBTRACK_ABORT_AFTER_ROWS", "12000")
        .args(["import", "applications", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!output.status.success(), "the hook aborts the process");
    assert_eq!(output.status.code(), None, "killed by a signal (abort)");
    assert_eq!(text(&env, "PRAGMA integrity_check"), "ok");
    let after: Vec<i64> = TABLES
        .iter()
        .map(|t| env.count(&format!("SELECT count(*) FROM {t}")))
        .collect();
    assert_eq!(before, after);

    // Without the hook the same file goes in whole.
    let report = env.json(&["import", "applications", file.to_str().unwrap()]);
    assert_eq!(report["added"], 20000);
    assert_eq!(env.count("SELECT count(*) FROM applications"), 20001);
    assert_eq!(
        env.count("SELECT count(*) FROM application_events"),
        before[2] + 20000,
        "one status event per imported application"
    );
}

#[test]
fn imported_applications_show_their_stage_and_responses() {
    let env = TestEnv::new();
    let file = env.path("stages.csv");
    std::fs::write(
        &file,
        "org,title,status,applied_on\n\
         Mercy Health,Coder,interview,2026-11-20\n\
         Mercy Health,Analyst,rejected,\n\
         St. Luke's,Clerk,saved,2026-11-01\n\
         St. Luke's,Tech,offer,2026-10-27\n",
    )
    .unwrap();
    env.ok(&["import", "applications", file.to_str().unwrap()]);
    let list = env.json(&["app", "list"]);
    let mut days: Vec<(i64, i64, i64)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_i64().unwrap(),
                a["days_in_stage"].as_i64().unwrap(),
                a["days_quiet"].as_i64().unwrap(),
            )
        })
        .collect();
    days.sort();
    // In stage since applied_on, or today (the 26th) without one.
    assert_eq!(days, [(1, 6, 6), (2, 0, 0), (3, 25, 25), (4, 30, 30)]);
    let report = env.json(&["report", "apps"]);
    let source = &report["by_source"][0];
    // Applied ones only (saved has no applied_on; the rejection has none either).
    assert_eq!(source["applications"], 3, "{report}");
    assert_eq!(source["responses"], 2, "interview and offer answered");
    assert_eq!(source["interviews"], 2, "offer got past the interview");
    assert_eq!(source["offers"], 1);
}

#[test]
fn a_catalog_certification_imports_without_a_name() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let file = env.path("certs.csv");
    std::fs::write(
        &file,
        "code,status,passed_on\nrhit,passed,2026-08-20\nXYZ,planning,\n",
    )
    .unwrap();
    let stderr = env.fails(2, &["import", "certifications", file.to_str().unwrap()]);
    assert!(
        stderr.contains("row 3, name") && stderr.contains("outside jobtrack's catalog"),
        "{stderr}"
    );
    assert_eq!(env.count("SELECT count(*) FROM certifications"), 0);
    std::fs::write(&file, "code,status,passed_on\nrhit,passed,2026-08-20\n").unwrap();
    env.ok(&["import", "certifications", file.to_str().unwrap()]);
    let name: String = env
        .sql()
        .query_row("SELECT name FROM certifications", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "Registered Health Information Technician");
}

#[test]
fn import_mistakes_get_messages_that_say_what_to_do() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let json = env.path("apps.json");
    std::fs::write(&json, "[\n  {\"org\": \"A\"}\n]\n").unwrap();
    let stderr = env.fails(2, &["import", "applications", json.to_str().unwrap()]);
    assert!(
        stderr.contains("looks like JSON") && stderr.contains("only CSV"),
        "{stderr}"
    );
    // Unknown columns are ignored and named (DESIGN §10.9), with --dry-run
    // showing how the rest was read.
    let two_unknown = env.path("two.csv");
    std::fs::write(&two_unknown, "org,title,stauts,colour\nA,B,applied,red\n").unwrap();
    let output = env
        .cmd()
        .args([
            "import",
            "applications",
            two_unknown.to_str().unwrap(),
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("ignored the columns stauts, colour"),
        "{stderr}"
    );
    let stderr = env.fails(2, &["import", "--all", two_unknown.to_str().unwrap()]);
    assert!(stderr.contains("is a file"), "{stderr}");
    let empty = env.path("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let output = env
        .cmd()
        .args(["import", "applications", empty.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stderr).contains("needs a header row"));
    // Bad rows are listed in row order.
    let bad = env.path("bad.csv");
    std::fs::write(&bad, "org,title,status,applied_on\nA,B,maybe,2026-01-01\nA,B,applied,2026-13-01\nA,B,nope,2026-01-01\n").unwrap();
    let stderr = env.fails(2, &["import", "applications", bad.to_str().unwrap()]);
    let rows: Vec<usize> = ["row 2", "row 3", "row 4"]
        .iter()
        .map(|r| stderr.find(r).unwrap())
        .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "{stderr}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);
}

#[test]
fn export_all_refuses_a_folder_in_a_files_place_before_writing_anything() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "T"]);
    let out = env.path("out");
    std::fs::create_dir_all(out.join("goals.csv")).unwrap();
    let stderr = env.fails(
        2,
        &["export", "--all", "--out", out.to_str().unwrap(), "--force"],
    );
    assert!(
        stderr.contains("goals.csv") && stderr.contains("is a folder"),
        "{stderr}"
    );
    assert!(
        !out.join("applications.csv").exists(),
        "nothing was written"
    );
}

#[test]
fn an_older_file_with_referral_contact_id_links_the_referrer() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Dana Reyes"]);
    env.ok(&["contact", "add", "Tom Baker"]);
    let file = env.path("older.csv");
    std::fs::write(
        &file,
        "org,title,status,applied_on,referral_contact_id\n\
         Mercy Health,Coder,applied,2026-11-20,2\n\
         Mercy Health,Analyst,applied,2026-11-21,\n",
    )
    .unwrap();
    env.ok(&["import", "applications", file.to_str().unwrap()]);
    let coder = env.json(&["app", "show", "1"]);
    assert_eq!(coder["referral"]["name"], "Tom Baker");
    assert_eq!(coder["people"][0]["role"], "referrer");
    assert_eq!(env.json(&["app", "show", "2"])["referral"], Value::Null);
    assert_eq!(env.count("SELECT count(*) FROM application_contacts"), 1);

    // A contact that is not there is refused, naming row and column, and
    // nothing goes in.
    let bad = env.path("bad.csv");
    std::fs::write(
        &bad,
        "org,title,referral_contact_id\nMercy Health,Scanner,9\n",
    )
    .unwrap();
    let stderr = env.fails(2, &["import", "applications", bad.to_str().unwrap()]);
    assert!(
        stderr.contains("referral_contact_id") && stderr.contains("row 2"),
        "{stderr}"
    );
    assert_eq!(env.count("SELECT count(*) FROM applications"), 2);
}
