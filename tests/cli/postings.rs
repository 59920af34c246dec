//! Postings (DESIGN §10.6): the posting's dates, kind of job and text kept
//! with an application, `app posting`, and corrections of each.

use crate::util::TestEnv;

/// `app add … --description -` with `text` on standard input.
fn add_with_pasted(env: &TestEnv, text: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "app",
        "add",
        "Mercy Health",
        "Coding Specialist",
        "--description",
        "-",
    ];
    args.extend_from_slice(extra);
    let output = env
        .cmd()
        .args(&args)
        .write_stdin(text.as_bytes().to_vec())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_pasted_description_is_kept_and_printed_by_app_posting() {
    let env = TestEnv::new();
    let pasted = "Coding Specialist\r\n\r\nReviews inpatient records.\r\nShift: days\r\n";
    add_with_pasted(&env, pasted, &["--status", "saved"]);
    let kept: String = env
        .sql()
        .query_row(
            "SELECT description FROM applications WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // Trimmed, and Windows line ends become plain ones.
    assert_eq!(
        kept,
        "Coding Specialist\n\nReviews inpatient records.\nShift: days"
    );
    let printed = env.ok(&["app", "posting", "1"]);
    assert_eq!(
        printed,
        format!("Coding Specialist at Mercy Health\n\n{kept}\n")
    );
    let json = env.json(&["app", "posting", "Mercy"]);
    assert_eq!(json["description"], kept.as_str());
    assert_eq!(json["id"], 1);
    // app show names the text by its size and the command that prints it.
    let shown = env.ok(&["app", "show", "1"]);
    assert!(
        shown.contains("posting  7 words (jobtrack app posting 1)"),
        "{shown}"
    );
    assert_eq!(
        env.json(&["app", "show", "1"])["description"],
        kept.as_str()
    );
    // Lists never carry the text.
    let rows = env.json(&["app", "list"]);
    assert!(rows[0].get("description").is_none(), "{rows}");
}

#[test]
fn control_characters_in_a_posting_are_shown_escaped_but_kept() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy",
        "Clerk",
        "--description",
        "Line one\n\u{1b}[2Jline two",
    ]);
    let printed = env.ok(&["app", "posting", "1"]);
    assert!(
        printed.contains("Line one\n\\u{1b}[2Jline two"),
        "{printed}"
    );
    assert_eq!(
        env.json(&["app", "posting", "1"])["description"],
        "Line one\n\u{1b}[2Jline two"
    );
}

#[test]
fn posting_dates_and_kind_are_set_shown_and_cleared() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy",
        "Clerk",
        "--status",
        "saved",
        "--posted",
        "2026-11-20",
        "--closes",
        "dec 15",
        "--employment-type",
        "per_diem",
    ]);
    let app = env.json(&["app", "show", "1"]);
    assert_eq!(app["posted_on"], "2026-11-20");
    assert_eq!(app["closes_on"], "2026-12-15");
    assert_eq!(app["employment_type"], "per_diem");
    let shown = env.ok(&["app", "show", "1"]);
    assert!(shown.contains("job type  per_diem"), "{shown}");
    assert!(shown.contains("closes    2026-12-15"), "{shown}");
    assert_eq!(env.json(&["app", "list"])[0]["closes_on"], "2026-12-15");

    env.ok(&[
        "app",
        "edit",
        "1",
        "--closes",
        "2026-12-20",
        "--clear",
        "employment_type",
    ]);
    let app = env.json(&["app", "show", "1"]);
    assert_eq!(app["closes_on"], "2026-12-20");
    assert_eq!(app["employment_type"], serde_json::Value::Null);
    assert_eq!(app["posted_on"], "2026-11-20");
    env.ok(&["undo"]);
    assert_eq!(
        env.json(&["app", "show", "1"])["employment_type"],
        "per_diem"
    );
}

#[test]
fn an_edit_replaces_or_clears_the_description_and_keeps_it_otherwise() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy",
        "Clerk",
        "--description",
        "First text",
    ]);
    env.ok(&["app", "edit", "1", "--title", "Records Clerk"]);
    assert_eq!(
        env.ok(&["app", "posting", "1"]),
        "Records Clerk at Mercy\n\nFirst text\n"
    );
    env.ok(&["app", "edit", "1", "--description", "Second text"]);
    assert!(env
        .ok(&["app", "posting", "1"])
        .ends_with("\nSecond text\n"));
    env.ok(&["app", "edit", "1", "--clear", "description"]);
    let said = env.fails(2, &["app", "posting", "1"]);
    assert!(said.contains("has no saved posting"), "{said}");
    assert!(
        said.contains("jobtrack app edit 1 --description -"),
        "{said}"
    );
    let said = env.fails(
        2,
        &[
            "app",
            "edit",
            "1",
            "--description",
            "x",
            "--clear",
            "description",
        ],
    );
    assert!(said.contains("--description"), "{said}");
}

#[test]
fn bad_posting_options_are_refused_with_nothing_written() {
    let env = TestEnv::new();
    let said = env.fails(2, &["app", "add", "Mercy", "Clerk", "--posted", "soonish"]);
    assert!(said.contains("--posted"), "{said}");
    let said = env.fails(
        2,
        &["app", "add", "Mercy", "Clerk", "--employment-type", "gig"],
    );
    assert!(said.contains("per_diem"), "{said}");
    assert!(!env.db.exists() || env.count("SELECT count(*) FROM applications") == 0);
    env.ok(&["app", "add", "Mercy", "Clerk", "--description", "  "]);
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE description IS NULL"),
        1
    );
}

// ---- app add --from: saved job pages (tests/fixtures/postings) ----

use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use serde_json::{json, Value};

use crate::util::TODAY;

/// The saved pages, each reproducing the structure of a public page or
/// scraper fixture (cited at its top), with made-up HIM postings.
const PAGES: &[&str] = &[
    "greenhouse.html",
    "school.json",
    "workday-graph.html",
    "indeed.html",
    "linkedin.html",
    "array-types.html",
    "day-rate.html",
];

fn page(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/postings")
        .join(name)
}

fn page_arg(name: &str) -> String {
    page(name).to_string_lossy().into_owned()
}

/// The fixture's JSON-LD documents, cut out by plain string search (no
/// HTML parser), raw line breaks read as spaces.
fn json_ld_documents(text: &str) -> Vec<Value> {
    if text.trim_start().starts_with('{') {
        return vec![serde_json::from_str(text).expect("fixture JSON")];
    }
    let opening = "<script type=\"application/ld+json\">";
    text.split(opening)
        .skip(1)
        .filter_map(|rest| rest.split("</script>").next())
        .filter_map(|block| serde_json::from_str(&block.replace(['\n', '\r'], " ")).ok())
        .collect()
}

/// The first node whose @type names JobPosting.
fn find_job_posting(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.iter().find_map(find_job_posting),
        Value::Object(node) => {
            let typed = match node.get("@type") {
                Some(Value::String(kind)) => kind == "JobPosting",
                Some(Value::Array(kinds)) => kinds.iter().any(|k| k == "JobPosting"),
                _ => false,
            };
            if typed {
                return Some(value);
            }
            node.values().find_map(find_job_posting)
        }
        _ => None,
    }
}

/// A node of the document by its @id.
fn by_id<'a>(document: &'a Value, id: &str) -> &'a Value {
    document["@graph"]
        .as_array()
        .and_then(|nodes| nodes.iter().find(|node| node["@id"] == id))
        .expect("the @id names a graph node")
}

/// What `app show --json` must hold after `app add --from FILE`, computed
/// from the fixture's own JSON-LD.
fn expected_fields(name: &str) -> Value {
    let text = std::fs::read_to_string(page(name)).unwrap();
    let documents = json_ld_documents(&text);
    let (document, posting) = documents
        .iter()
        .find_map(|document| find_job_posting(document).map(|posting| (document, posting)))
        .expect("fixture has a JobPosting");
    let org = match &posting["hiringOrganization"] {
        Value::String(name) => name.clone(),
        node if node.get("name").is_some() => node["name"].as_str().unwrap().to_string(),
        node => by_id(document, node["@id"].as_str().unwrap())["name"]
            .as_str()
            .unwrap()
            .to_string(),
    }
    .replace("&amp;", "&");
    let url = posting["url"].as_str().map(str::to_string).or_else(|| {
        let (_, rest) = text.split_once("rel=\"canonical\" href=\"")?;
        rest.split('"').next().map(str::to_string)
    });
    let place = match &posting["jobLocation"] {
        Value::Array(places) => places[0].clone(),
        place => place.clone(),
    };
    let location = match &place["address"] {
        Value::Null => Value::Null,
        Value::String(address) => json!(address),
        address => json!(format!(
            "{}, {}",
            address["addressLocality"].as_str().unwrap(),
            address["addressRegion"].as_str().unwrap()
        )),
    };
    let remote = posting["jobLocationType"] == "TELECOMMUTE";
    let (salary_min, salary_max, salary_period) = expected_salary(&posting["baseSalary"]);
    let date = |key: &str| posting[key].as_str().map(|d| d[..10].to_string());
    let kind = match &posting["employmentType"] {
        Value::Array(kinds) => kinds[0].as_str().unwrap().to_string(),
        kind => kind.as_str().unwrap().to_string(),
    };
    let employment_type = match kind.to_uppercase().replace('-', "_").as_str() {
        "FULL_TIME" => "full_time",
        "PART_TIME" => "part_time",
        "CONTRACTOR" => "contract",
        "INTERN" => "internship",
        "PER_DIEM" => "per_diem",
        other => panic!("fixture employment type {other} not mapped by this test"),
    };
    json!({
        "org": org,
        "title": posting["title"],
        "url": url,
        "location": location,
        "work_mode": if remote { json!("remote") } else { Value::Null },
        "salary_min": salary_min,
        "salary_max": salary_max,
        "salary_period": salary_period,
        "posted_on": date("datePosted"),
        "closes_on": date("validThrough"),
        "employment_type": employment_type,
    })
}

/// (min, max, period) from a MonetaryAmount: figures rounded to cents; no
/// salary for a DAY or WEEK unit or none given.
fn expected_salary(salary: &Value) -> (Value, Value, Value) {
    let none = (Value::Null, Value::Null, Value::Null);
    let Some(value) = salary.get("value") else {
        return none;
    };
    let figure = |v: &Value| -> Option<f64> {
        match v {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '.')
                .collect::<String>()
                .parse()
                .ok(),
            _ => None,
        }
    };
    let cents = |x: f64| (x * 100.0).round() / 100.0;
    let figures: Vec<f64> = ["value", "minValue", "maxValue"]
        .iter()
        .filter_map(|key| value.get(*key).and_then(figure))
        .map(cents)
        .collect();
    let period = match value["unitText"].as_str().unwrap_or("YEAR") {
        "HOUR" => "hour",
        "MONTH" => "month",
        "YEAR" => "year",
        _ => return none,
    };
    let min = figures.iter().copied().fold(f64::MAX, f64::min);
    let max = figures.iter().copied().fold(f64::MIN, f64::max);
    (json!(min), json!(max), json!(period))
}

#[test]
fn each_saved_page_gives_the_fields_of_its_json_ld() {
    let env = TestEnv::new();
    for (index, name) in PAGES.iter().enumerate() {
        env.ok(&["app", "add", "--from", &page_arg(name), "--status", "saved"]);
        let shown = env.json(&["app", "show", &(index + 1).to_string()]);
        let expected = expected_fields(name);
        for (key, value) in expected.as_object().unwrap() {
            // Salaries are REAL: 58500 and 58500.0 are the same figure.
            let same = match (shown[key].as_f64(), value.as_f64()) {
                (Some(shown), Some(value)) => shown == value,
                _ => &shown[key] == value,
            };
            assert!(
                same,
                "{name}: {key} is {}, expected {value}\n{shown}",
                shown[key]
            );
        }
        assert_eq!(shown["status"], "saved", "{name}");
        let text = shown["description"].as_str().unwrap_or_default();
        assert!(!text.is_empty(), "{name} kept no posting text");
        assert!(
            !text.contains('<') && !text.contains("&lt;") && !text.contains("&amp;"),
            "{name}: markup left in the posting:\n{text}"
        );
    }
    // The source is never guessed from the page.
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE source IS NOT NULL"),
        0
    );
}

#[test]
fn a_posting_keeps_paragraphs_line_breaks_and_list_items_as_plain_text() {
    let env = TestEnv::new();
    for name in ["greenhouse.html", "indeed.html", "school.json"] {
        env.ok(&["app", "add", "--from", &page_arg(name)]);
    }
    let text = |id: &str| {
        env.json(&["app", "posting", id])["description"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        text("1"),
        "Mercy Health Partners is hiring an inpatient coder to join our HIM department.\n\n\
         What you will do\n\n\
         - Assign ICD-10-CM/PCS codes to inpatient records\n\
         - Query physicians when documentation is unclear\n\n\
         Qualifications\n\n\
         - RHIT or RHIA required\n- CCS preferred\n- Two years of inpatient coding"
    );
    // Entity-encoded markup (and a double-encoded ampersand) read as markup.
    assert_eq!(
        text("2"),
        "About the job\n\n\
         Coordinate release of information, chart corrections & retention.\n\n\
         Requirements\n\n- RHIT or RHIA required\n- CCS preferred"
    );
    // Plain text keeps its own line breaks.
    assert_eq!(
        text("3"),
        "Keep student health records complete and confidential across nine schools.\n\
         Process record requests and immunization audits.\n\nRHIT preferred; a CCA is a plus."
    );
}

#[test]
fn what_the_command_line_gives_wins_over_the_page() {
    let env = TestEnv::new();
    let output = env
        .cmd()
        .args([
            "app",
            "add",
            "Mercy Health",
            "HIM Coder",
            "--from",
            &page_arg("greenhouse.html"),
            "--url",
            "https://mine.example/1",
            "--location",
            "Columbus, OH",
            "--work-mode",
            "hybrid",
            "--salary",
            "24-27/hr",
            "--posted",
            "2026-11-01",
            "--closes",
            "2027-01-15",
            "--employment-type",
            "contract",
            "--description",
            "My own notes on it",
            "--source",
            "referral",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let said = String::from_utf8(output.stderr).unwrap();
    assert!(said.contains("nothing taken from"), "{said}");
    let shown = env.json(&["app", "show", "1"]);
    let expect = json!({
        "org": "Mercy Health", "title": "HIM Coder", "url": "https://mine.example/1",
        "location": "Columbus, OH", "work_mode": "hybrid", "salary_min": 24, "salary_max": 27,
        "salary_period": "hour", "posted_on": "2026-11-01", "closes_on": "2027-01-15",
        "employment_type": "contract", "description": "My own notes on it",
        "source": "referral",
    });
    for (key, value) in expect.as_object().unwrap() {
        assert_eq!(&shown[key], value, "{key}");
    }

    // A flag for one field leaves the others to the page.
    env.ok(&[
        "app",
        "add",
        "--from",
        &page_arg("workday-graph.html"),
        "--salary",
        "50k",
    ]);
    let shown = env.json(&["app", "show", "2"]);
    assert_eq!(shown["salary_min"], 50000);
    assert_eq!(shown["salary_period"], "year");
    assert_eq!(shown["org"], "Summit Regional Health");
    assert_eq!(shown["employment_type"], "part_time");
}

#[test]
fn what_was_taken_from_the_page_is_said_on_stderr() {
    let env = TestEnv::new();
    let output = env
        .cmd()
        .args(["-q", "app", "add", "--from", &page_arg("greenhouse.html")])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout), "1\n");
    let said = String::from_utf8(output.stderr).unwrap();
    for part in [
        "taken from ",
        "org Mercy Health Partners",
        "title Remote Inpatient Coding Specialist",
        "work mode remote",
        "salary 58,500 a year",
        "job type full_time",
        "closes 2026-12-18",
        "url https://boards.example.org/mercyhealthpartners/jobs/4417023",
        "kept its text as the posting (46 words; jobtrack app posting 1)",
    ] {
        assert!(said.contains(part), "{part:?} missing from:\n{said}");
    }
}

#[test]
fn a_day_rate_keeps_no_salary_and_says_so() {
    let env = TestEnv::new();
    let output = env
        .cmd()
        .args(["app", "add", "--from", &page_arg("day-rate.html")])
        .output()
        .unwrap();
    assert!(output.status.success());
    let said = String::from_utf8(output.stderr).unwrap();
    assert!(said.contains("pay per day (unitText DAY)"), "{said}");
    assert!(said.contains("no salary was kept"), "{said}");
    let shown = env.json(&["app", "show", "1"]);
    assert_eq!(shown["salary_min"], Value::Null);
    assert_eq!(shown["salary_period"], Value::Null);
    assert_eq!(shown["employment_type"], "per_diem");
}

#[test]
fn a_page_without_a_posting_is_refused_unless_org_and_title_are_given() {
    let env = TestEnv::new();
    let path = page_arg("no-posting.html");
    let said = env.fails(2, &["app", "add", "--from", &path]);
    assert!(
        said.contains(&format!("no schema.org JobPosting in {path}")),
        "{said}"
    );
    assert!(said.contains("give ORG and TITLE"), "{said}");
    let said = env.fails(2, &["app", "add", "Valley View Hospital", "--from", &path]);
    assert!(said.contains("give ORG and TITLE"), "{said}");
    assert!(!env.db.exists(), "a refused page created the database");

    env.ok(&[
        "app",
        "add",
        "Valley View Hospital",
        "Cancer Registrar",
        "--from",
        &path,
    ]);
    let shown = env.json(&["app", "show", "1"]);
    assert_eq!(shown["org"], "Valley View Hospital");
    assert_eq!(shown["url"], Value::Null);
    // The visible text: no navigation, script, style or head.
    assert_eq!(
        shown["description"],
        "Cancer Registrar\n\n\
         Abstract cancer cases for the registry and follow patients yearly.\n\n\
         Requirements\n\n- ODS (CTR) required or eligible\n- RHIT preferred"
    );
}

#[test]
fn from_standard_input_counts_as_the_one_dash() {
    let env = TestEnv::new();
    let json_page = std::fs::read(page("school.json")).unwrap();
    let output = env
        .cmd()
        .args(["app", "add", "--from", "-"])
        .write_stdin(json_page.clone())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("taken from standard input"));
    assert_eq!(
        env.json(&["app", "show", "1"])["title"],
        "Health Records Clerk (School Health Services)"
    );
    let output = env
        .cmd()
        .args(["app", "add", "--from", "-", "--description", "-"])
        .write_stdin(json_page)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8(output.stderr).unwrap();
    assert!(said.contains("only one argument per command"), "{said}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 1);
}

#[test]
fn unreadable_pages_are_refused_with_nothing_written() {
    let env = TestEnv::new();
    let latin1 = env.path("latin1.html");
    std::fs::write(&latin1, b"<html><body>Caf\xe9</body></html>").unwrap();
    let said = env.fails(
        2,
        &["app", "add", "A", "B", "--from", latin1.to_str().unwrap()],
    );
    assert!(said.contains("is not UTF-8 text"), "{said}");
    let said = env.fails(2, &["app", "add", "--from", "missing.html"]);
    assert!(said.contains("--from: no file at missing.html"), "{said}");
    let big = env.path("big.html");
    std::fs::write(&big, vec![b' '; (20 << 20) + 1]).unwrap();
    let said = env.fails(
        2,
        &["app", "add", "A", "B", "--from", big.to_str().unwrap()],
    );
    assert!(said.contains("larger than 20 MiB"), "{said}");
    // A page without an organization needs ORG and TITLE.
    let nameless = env.path("nameless.json");
    std::fs::write(&nameless, r#"{"@type":"JobPosting","title":"Coder"}"#).unwrap();
    let said = env.fails(2, &["app", "add", "--from", nameless.to_str().unwrap()]);
    assert!(said.contains("gives no hiringOrganization name"), "{said}");
    // A yearly figure under 1,000 follows the salary rule: exit 2, unless
    // --salary says what the pay is.
    let low = env.path("low.json");
    std::fs::write(
        &low,
        r#"{"@type":"JobPosting","title":"Coder","hiringOrganization":"Mercy",
            "baseSalary":{"value":{"minValue":45,"maxValue":50,"unitText":"YEAR"}}}"#,
    )
    .unwrap();
    let said = env.fails(2, &["app", "add", "--from", low.to_str().unwrap()]);
    assert!(said.contains("a yearly salary under 1,000"), "{said}");
    assert!(said.contains("--salary"), "{said}");
    assert!(!env.db.exists());
    env.ok(&[
        "app",
        "add",
        "--from",
        low.to_str().unwrap(),
        "--salary",
        "45-50k",
    ]);
    assert_eq!(env.json(&["app", "show", "1"])["salary_max"], 50000);
}

fn days_after_today(days: u64) -> String {
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    (today + Days::new(days)).to_string()
}

#[test]
fn a_saved_posting_closing_date_is_an_agenda_item_while_saved() {
    let env = TestEnv::new();
    let closes = days_after_today(5);
    env.ok(&[
        "app", "add", "Mercy", "Coder", "--status", "saved", "--closes", &closes,
    ]);
    // Not saved: no closing item.
    env.ok(&["app", "add", "Riverside", "Clerk", "--closes", &closes]);
    let items = env.json(&["agenda"]);
    let closing: Vec<&Value> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["kind"] == "closing")
        .collect();
    assert_eq!(closing.len(), 1, "{items}");
    assert_eq!(closing[0]["date"], closes.as_str());
    assert_eq!(closing[0]["id"], 1);
    assert_eq!(closing[0]["application_id"], 1);
    assert_eq!(closing[0]["overdue"], false);
    let table = env.ok(&["agenda"]);
    assert!(table.contains("Apply by: Coder at Mercy"), "{table}");

    // Past the date it is overdue; the calendar puts it on today.
    let later = days_after_today(8);
    let items = env.on(&later).json(&["agenda"]);
    let item = items
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["kind"] == "closing")
        .unwrap();
    assert_eq!(item["overdue"], true);

    // The calendar: beyond --days (up to 90 days ahead), and its SEQUENCE
    // rises when the date moves.
    let far = days_after_today(40);
    env.ok(&["app", "edit", "1", "--closes", &far]);
    let ics = env.ok(&["agenda", "--ics", "--days", "7"]);
    let event = ics
        .split("BEGIN:VEVENT")
        .find(|event| event.contains("UID:closing-1-"))
        .unwrap_or_else(|| panic!("no closing event:\n{ics}"));
    assert!(event.contains("SEQUENCE:1"), "{event}");
    assert!(
        event.contains(&format!("DTSTART;VALUE=DATE:{}", far.replace('-', ""))),
        "{event}"
    );
    // Applied for: the item goes.
    env.ok(&["app", "set", "1", "applied"]);
    let items = env.json(&["agenda", "--days", "60"]);
    assert!(
        !items
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["kind"] == "closing"),
        "{items}"
    );
}

#[test]
fn the_demo_has_saved_postings_with_their_text_and_closing_dates() {
    let env = TestEnv::new();
    env.ok(&["demo"]);
    let items = env.json(&["agenda", "--days", "30"]);
    let closing: Vec<&Value> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["kind"] == "closing")
        .collect();
    assert_eq!(closing.len(), 2, "{items}");
    for item in closing {
        let id = item["application_id"].to_string();
        let shown = env.json(&["app", "show", &id]);
        assert_eq!(shown["status"], "saved");
        assert!(shown["posted_on"].is_string(), "{shown}");
        assert!(shown["employment_type"].is_string(), "{shown}");
        assert!(env.ok(&["app", "posting", &id]).contains("RHIT"));
    }
}

#[test]
fn app_help_examples_fit_80_columns_whole() {
    // An example that wraps cannot be pasted back as one command.
    let env = TestEnv::new();
    for command in [&["app", "--help"][..], &["app", "add", "--help"]] {
        let output = env
            .cmd()
            .env("COLUMNS", "80")
            .args(command)
            .output()
            .unwrap();
        assert!(output.status.success());
        let help = String::from_utf8(output.stdout).unwrap();
        let examples = help.split("Examples:\n").nth(1).expect("examples");
        for line in examples.lines().filter(|l| !l.is_empty()) {
            assert!(
                line.starts_with("  jobtrack "),
                "{command:?}: a wrapped example line {line:?}\n{help}"
            );
            assert!(line.chars().count() <= 80, "{line}");
        }
    }
}
